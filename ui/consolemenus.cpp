#include "consolemenus.h"

#include "labsession.h"

#include <cmath>

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStyle>
#include <QToolBar>
#include <QWhatsThis>

namespace scr {

ConsoleMenus::ConsoleMenus(QMainWindow *window, const std::vector<QDockWidget *> &docks, QMenu *columnsMenu)
    : QObject(window), m_window(window), m_speed(new QComboBox), m_achievedSpeed(new QLabel),
      m_clock(new QLabel)
{
    buildFileMenu();
    // EMC's Action menu: the action pane's entries for the selection, from the keyboard (Alt+A).
    QMenu *actionMenu = m_window->menuBar()->addMenu(tr("&Action"));
    actionMenu->setObjectName(QStringLiteral("actionMenu"));
    connect(actionMenu, &QMenu::aboutToShow, this, [this, actionMenu] {
        actionMenu->clear();
        Q_EMIT actionMenuAboutToShow(actionMenu);
        if (actionMenu->isEmpty())
            actionMenu->addAction(tr("Select an item in the console tree"))->setEnabled(false);
    });
    buildViewMenu(docks, columnsMenu);
    QMenu *simulation = m_window->menuBar()->addMenu(tr("&Simulation"));
    m_runAction = simulation->addAction(QString());
    m_runAction->setObjectName(QStringLiteral("runAction"));
    m_runAction->setCheckable(true);
    // F5 is Refresh, as in MMC and EMC; running and pausing has Ctrl+R.
    m_runAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    showRunning(false);
    connect(m_runAction, &QAction::toggled, this, [this](bool running) {
        showRunning(running);
        Q_EMIT runningChosen(running);
    });
    QMenu *tools = m_window->menuBar()->addMenu(tr("&Tools"));
    tools->setObjectName(QStringLiteral("toolsMenu"));
    QAction *settings = tools->addAction(tr("&Settings..."), this, &ConsoleMenus::settingsChosen);
    settings->setObjectName(QStringLiteral("settingsAction"));
    buildHelpMenu();
    buildToolBar();
}

// File: a new demo lab, another lab, the labs opened before, Quit. LabSession opens them.
void ConsoleMenus::buildFileMenu()
{
    QMenu *file = m_window->menuBar()->addMenu(tr("&File"));
    file->setObjectName(QStringLiteral("fileMenu"));
    file->addAction(tr("&New Demo Lab..."), QKeySequence::New, this, &ConsoleMenus::chooseNewDemoLab)
        ->setObjectName(QStringLiteral("newDemoLabAction"));
    file->addAction(tr("&Open Lab..."), QKeySequence::Open, this, &ConsoleMenus::chooseLabToOpen)
        ->setObjectName(QStringLiteral("openLabAction"));
    m_recentMenu = file->addMenu(tr("&Recent Labs"));
    m_recentMenu->setObjectName(QStringLiteral("recentLabsMenu"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &ConsoleMenus::rebuildRecentMenu);
    rebuildRecentMenu();
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, m_window, &QWidget::close);
}

// View: every pane, shown or hidden, and the layout as it first was.
void ConsoleMenus::buildViewMenu(const std::vector<QDockWidget *> &docks, QMenu *columnsMenu)
{
    QMenu *view = m_window->menuBar()->addMenu(tr("&View"));
    view->setObjectName(QStringLiteral("viewMenu"));
    for (QDockWidget *d : docks)
        view->addAction(d->toggleViewAction());
    view->addSeparator();
    view->addMenu(columnsMenu);
    QAction *reset = view->addAction(tr("&Reset Layout"), this, &ConsoleMenus::resetLayoutChosen);
    reset->setObjectName(QStringLiteral("resetLayoutAction"));
    view->addSeparator();
    // F5: the lab read again now (MMC's and EMC's Refresh), whether the simulation runs or not.
    QAction *refreshAction = view->addAction(tr("Re&fresh"), this, &ConsoleMenus::refreshChosen);
    refreshAction->setObjectName(QStringLiteral("refreshAction"));
    refreshAction->setShortcut(Qt::Key_F5); // not QKeySequence::Refresh: that is Ctrl+R too on X11 desktops
    refreshAction->setShortcutContext(Qt::WindowShortcut);
}

void ConsoleMenus::buildHelpMenu()
{
    QMenu *help = m_window->menuBar()->addMenu(tr("&Help"));
    help->setObjectName(QStringLiteral("helpMenu"));
    help->addAction(tr("&Contents"), this, [this] { Q_EMIT helpChosen(QString()); })
        ->setObjectName(QStringLiteral("helpContentsAction"));
    QAction *paneHelp =
        help->addAction(tr("Help on the &Selected Pane"), this, &ConsoleMenus::paneHelpChosen);
    paneHelp->setObjectName(QStringLiteral("paneHelpAction"));
    paneHelp->setShortcut(QKeySequence::HelpContents);       // F1
    QAction *whatsThis = QWhatsThis::createAction(m_window); // Shift+F1, then click a setting
    whatsThis->setObjectName(QStringLiteral("whatsThisAction"));
    help->addAction(whatsThis);
    help->addSeparator();
    help->addAction(tr("&About SCR Console"), this, [this] {
        QMessageBox::about(m_window, tr("About SCR Console"),
                           tr("SCR Console %1: a console for Exchange Server 2007 SP1's Standby Continuous "
                              "Replication, on a lab of simulated servers.")
                               .arg(QStringLiteral(SCR_VERSION)));
    });
}

void ConsoleMenus::buildToolBar()
{
    QToolBar *bar = m_window->addToolBar(tr("Simulation"));
    bar->setObjectName(QStringLiteral("simulationBar"));
    bar->addAction(m_runAction);
    m_speed->setObjectName(QStringLiteral("speedCombo"));
    for (double s : kSpeeds)
        m_speed->addItem(tr("%1x").arg(s), s);
    m_speed->setCurrentIndex(1);
    m_speed->setToolTip(tr("How fast the virtual clock runs"));
    connect(m_speed, &QComboBox::currentIndexChanged, this, [this](int i) {
        // Remembered: the next console (and the next lab) runs at the speed chosen last.
        QSettings().setValue(QStringLiteral("console/speed"), m_speed->itemData(i).toDouble());
        Q_EMIT speedChosen(m_speed->itemData(i).toDouble());
    });
    bar->addWidget(new QLabel(tr(" Speed: ")));
    bar->addWidget(m_speed);
    m_achievedSpeed->setObjectName(QStringLiteral("achievedSpeedLabel"));
    showMeasuredSpeed(m_speed->currentData().toDouble(), 0);
    bar->addWidget(m_achievedSpeed);
    m_clock->setObjectName(QStringLiteral("clockLabel"));
    bar->addWidget(new QLabel(tr("   Virtual time: ")));
    bar->addWidget(m_clock);
}

void ConsoleMenus::rebuildRecentMenu()
{
    m_recentMenu->clear();
    int n = 0;
    for (const QString &lab : LabSession::recentLabs()) {
        // A lab that has gone since stays listed, greyed, so that the list does not shift under the mouse.
        QAction *a = m_recentMenu->addAction(QStringLiteral("&%1 %2").arg(++n).arg(lab), this,
                                             [this, lab] { Q_EMIT openLabChosen(lab); });
        a->setObjectName(QStringLiteral("recentLab%1").arg(n));
        a->setEnabled(QFileInfo::exists(lab + QStringLiteral("/org.sqlite")) && lab != m_openLab);
    }
    if (n == 0)
        m_recentMenu->addAction(tr("No labs opened yet"))->setEnabled(false);
}

void ConsoleMenus::chooseLabToOpen()
{
    const QString dir = QFileDialog::getExistingDirectory(m_window, tr("Open Lab"), QDir::homePath());
    if (!dir.isEmpty())
        Q_EMIT openLabChosen(dir);
}

void ConsoleMenus::chooseNewDemoLab()
{
    // A folder that does not exist yet (or an empty one): the demo lab is made in it.
    QString suggestion = QDir::homePath() + QStringLiteral("/scr-lab");
    for (int n = 2; QFileInfo::exists(suggestion); ++n)
        suggestion = QDir::homePath() + QStringLiteral("/scr-lab-%1").arg(n);
    QFileDialog dialog(m_window, tr("New Demo Lab: a new or empty folder"), suggestion);
    dialog.setObjectName(QStringLiteral("newDemoLabDialog"));
    dialog.setFileMode(QFileDialog::AnyFile);
    dialog.setAcceptMode(QFileDialog::AcceptSave);
    dialog.setOption(QFileDialog::DontConfirmOverwrite); // DemoLab refuses a folder that is not empty
    dialog.setLabelText(QFileDialog::Accept, tr("Create"));
    dialog.selectFile(suggestion);
    if (dialog.exec() == QDialog::Accepted && !dialog.selectedFiles().isEmpty())
        Q_EMIT newDemoLabChosen(dialog.selectedFiles().constFirst());
}

bool ConsoleMenus::running() const
{
    return m_runAction->isChecked();
}

void ConsoleMenus::showRunning(bool running)
{
    {
        const QSignalBlocker block(m_runAction);
        m_runAction->setChecked(running);
    }
    // The action says what it will do: Pause while the simulation runs, Run while it is paused.
    m_runAction->setText(running ? tr("&Pause the simulation") : tr("&Run the simulation"));
    m_runAction->setToolTip(running ? tr("The simulation runs: pause it (Ctrl+R)")
                                    : tr("The simulation is paused: run it (Ctrl+R)"));
    m_runAction->setIcon(
        m_window->style()->standardIcon(running ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
}

double ConsoleMenus::speed() const
{
    return m_speed->currentData().toDouble();
}

void ConsoleMenus::setSpeed(double speed)
{
    int best = 0;
    for (int i = 0; i < m_speed->count(); ++i)
        if (std::abs(m_speed->itemData(i).toDouble() - speed) <
            std::abs(m_speed->itemData(best).toDouble() - speed))
            best = i;
    if (m_speed->itemData(best).toDouble() != speed) {
        m_speed->addItem(tr("%1x").arg(speed), speed);
        best = m_speed->count() - 1;
    }
    m_speed->setCurrentIndex(best); // → speedChosen
}

void ConsoleMenus::showMeasuredSpeed(double requested, double achieved)
{
    if (achieved <= 0) {
        m_achievedSpeed->setText(tr(" achieved \u2014"));
        m_achievedSpeed->setToolTip(tr("The speed the simulation achieves shows here while it runs"));
        m_achievedSpeed->setStyleSheet({});
        return;
    }
    // Three significant figures: the measure moves with every tick, the display should not flicker.
    const double shown = QString::number(achieved, 'g', 3).toDouble();
    m_achievedSpeed->setText(tr(" achieved %1x").arg(static_cast<qint64>(std::max(1.0, shown))));
    // Below nine tenths of the request the machine is not keeping up: say so, in the label and its tip.
    const bool behind = achieved < 0.9 * requested;
    m_achievedSpeed->setToolTip(behind ? tr("This machine cannot run the lab at %1x: it runs at %2x")
                                             .arg(requested)
                                             .arg(static_cast<qint64>(achieved))
                                       : tr("The simulation keeps up with %1x").arg(requested));
    m_achievedSpeed->setStyleSheet(behind ? QStringLiteral("color: #b35c00;") : QString());
}

void ConsoleMenus::showClock(const QString &text)
{
    m_clock->setText(text);
}

} // namespace scr
