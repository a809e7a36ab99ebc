#pragma once
// ConsoleMenus: the console's menu bar and its Simulation toolbar, as MMC lays them out: File (a new demo
// lab, another lab, the recent labs, Quit), Action (the selection's entries), View (every pane, the result
// pane's columns, Reset Layout, Refresh), Simulation (Run/Pause), Tools (Settings), Help; the toolbar's
// Run/Pause, speed, achieved speed and virtual time. It asks nothing itself: each choice is a signal the
// window acts on, and the window tells it what to show (running, the speed, the clock).

#include <vector>

#include <QObject>

class QAction;
class QComboBox;
class QDockWidget;
class QLabel;
class QMainWindow;
class QMenu;

namespace scr {

class ConsoleMenus final : public QObject
{
    Q_OBJECT
public:
    // The speeds the toolbar offers (a saved or asked-for speed outside them is added).
    static constexpr double kSpeeds[] = {1, 60, 600, 3600, 86400};

    // Builds the menus and the toolbar into window: View lists docks and columnsMenu.
    ConsoleMenus(QMainWindow *window, const std::vector<QDockWidget *> &docks, QMenu *columnsMenu);

    bool running() const;
    // Shows running (the action's check, text and icon) without asking for it.
    void showRunning(bool running);
    double speed() const;
    // Chooses the offered speed nearest to speed (or adds it): speedChosen.
    void setSpeed(double speed);
    void showMeasuredSpeed(double requested, double achieved);
    void showClock(const QString &text);
    // The open lab's folder: its entry in Recent Labs is disabled.
    void setOpenLab(const QString &labDir) { m_openLab = labDir; }

Q_SIGNALS:
    void openLabChosen(const QString &labDir);
    void newDemoLabChosen(const QString &labDir);
    // The Action menu is about to show: fill it with the selection's entries.
    void actionMenuAboutToShow(QMenu *menu);
    void runningChosen(bool running);
    void speedChosen(double speed);
    void refreshChosen();
    void resetLayoutChosen();
    void settingsChosen();
    // Help: a README section (empty: the contents), or the section of the pane that has focus.
    void helpChosen(const QString &section);
    void paneHelpChosen();

private:
    void buildFileMenu();
    void buildViewMenu(const std::vector<QDockWidget *> &docks, QMenu *columnsMenu);
    void buildHelpMenu();
    void buildToolBar();
    void rebuildRecentMenu();
    void chooseLabToOpen();
    void chooseNewDemoLab();

    QMainWindow *m_window;
    QMenu *m_recentMenu = nullptr;
    QAction *m_runAction = nullptr;
    QComboBox *m_speed;
    QLabel *m_achievedSpeed;
    QLabel *m_clock;
    QString m_openLab;
};

} // namespace scr
