#pragma once
// ConsoleWindow: the SCR Console main window, laid out as the Exchange Management Console: the console tree
// (Organization, Server and Recipient Configuration, the Toolbox) on the left, the result pane in the middle
// (the SCR copies' status; the mailboxes for Recipient Configuration, the databases for Organization
// Configuration), the action pane on the right, and the chart (the selected copy's queues), the event viewer
// and the shell at the bottom, each pane a dock the View menu shows and hides. It never touches the lab:
// every action is a command it sends (scriptRequested) to the LabWorker, shown in the shell pane as it runs,
// and it draws what the worker's snapshots say.

#include "lab/labsnapshot.h"
#include "models/consoleactions.h"
#include "models/queuehistory.h"
#include "models/replicationhealth.h"
#include "scrwizard.h"

#include <map>
#include <vector>

#include <QMainWindow>
#include <QPointer>

class QAbstractItemView;
class QAction;
class QComboBox;
class QDockWidget;
class QLabel;
class QLineEdit;
class QMenu;
class QSortFilterProxyModel;
class QSplitter;
class QStackedWidget;
class QTableView;
class QTimer;
class QTreeView;
class QVBoxLayout;

namespace scr {

class CopyStatusModel;
class DatabaseListModel;
class MailboxModel;
class EventLogModel;
class EventViewer;
class LabWorker;
class OrganizationModel;
class QueueChart;
class ReplicationDashboard;
class ShellPane;

class ConsoleWindow final : public QMainWindow
{
    Q_OBJECT
public:
    explicit ConsoleWindow(QWidget *parent = nullptr);
    ~ConsoleWindow() override;

    // Wires the window to a worker (living on another thread): requests go queued, answers come queued.
    // Attaching another worker (another lab) first forgets everything the window showed of the last one,
    // including its answers still on their way.
    void attach(LabWorker *worker);
    // File > Open Lab / New Demo Lab / a recent lab, without the file dialog (LabSession does the work).
    void requestOpenLab(const QString &labDir);
    void requestNewDemoLab(const QString &labDir);
    // F1: the help's section for the pane that has focus (README's heading).
    QString helpSectionForFocus() const;

    const LabSnapshot &snapshot() const { return m_snapshot; }
    OrganizationModel *organization() const { return m_organization; }
    CopyStatusModel *copyStatus() const { return m_copyStatus; }
    // Recipient Configuration > Mailbox's rows, and Organization Configuration > Mailbox's.
    MailboxModel *mailboxes() const { return m_mailboxes; }
    DatabaseListModel *databaseList() const { return m_databaseList; }
    ReplicationDashboard *dashboard() const { return m_dashboard; }
    EventLogModel *events() const { return m_events; }
    // The Replication Dashboard's thresholds (Tools > Settings); setting them saves them (QSettings) and
    // judges every copy again.
    const HealthThresholds &thresholds() const { return m_thresholds; }
    void setThresholds(const HealthThresholds &thresholds);
    // The actions the action pane offers for the tree's current selection (ConsoleActions).
    std::vector<ConsoleAction> currentActions() const;
    // Runs a command as the shell pane would; returns its request id.
    // Runs script on the lab's worker; stopAtFirstError for the console's own steps (actions, wizards),
    // not for what the administrator types in the shell pane (that runs as EMS does, on after an error).
    qint64 runCommand(const QString &script, bool stopAtFirstError = true);
    // Selects the tree item of key ("copy:MBX1\SG1>MBX3", "db:MBX1\SG1\DB1", "server:MBX1") as soon as it
    // exists.
    void selectWhenShown(const QString &key);
    bool selectionIsPending() const { return !m_pendingSelection.isEmpty(); }
    // The simulation's controls, as the toolbar sets them.
    void setRunning(bool running);
    void setSpeed(double speed);
    // F5 (View > Refresh): the worker reads the lab again and sends a snapshot now.
    void refresh();
    // How the wizards reach the lab: commands through runCommand, read-only work on the worker's thread.
    WizardServices wizardServices();
    // Shows wizard window-modal (open(), not exec(): the console keeps drawing the lab while it runs) and
    // deletes it when closed; its commands' answers and its "protect again" offer are wired here.
    void openWizard(ScrWizard *wizard);

public Q_SLOTS:
    void showSnapshot(const scr::LabSnapshot &snapshot);
    void showEvents(const std::vector<scr::EventRecord> &events);
    void showHistory(const std::vector<scr::StatusSample> &samples);
    void addEvent(const scr::EventRecord &event);
    void showScriptResult(qint64 requestId, const QString &text, bool ok, const QString &error);
    void showOpened(bool ok, const QString &error);
    // Beside the speed asked for, the speed the simulation achieves (0: paused or not measured yet).
    void showMeasuredSpeed(double requested, double achieved);
    // Another lab could not be opened or made: the error box; the open lab stays.
    void showLabRefused(const QString &error);

Q_SIGNALS:
    void scriptRequested(qint64 requestId, const QString &script, bool stopAtFirstError);
    void runningRequested(bool running);
    void speedRequested(double speed);
    // After a command of the action pane failed (the message box is shown too).
    void actionFailed(const QString &error);
    // Every command's outcome, for dialogs that run commands (the activation wizard).
    void scriptFinished(qint64 requestId, const QString &text, bool ok, const QString &error);
    void openLabRequested(const QString &labDir);
    void newDemoLabRequested(const QString &labDir);
    // A snapshot was drawn (tests wait for one after Refresh).
    void snapshotShown();

protected:
    void closeEvent(QCloseEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void showEvent(QShowEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void buildActions();
    void buildFileMenu();
    void buildKeys();
    std::vector<QWidget *> panes() const;
    void focusPane(int step);
    bool openContextMenuFromKeyboard(QAbstractItemView *view);
    void rebuildRecentMenu();
    void chooseLabToOpen();
    void chooseNewDemoLab();
    void showHelp(const QString &section);
    void removeSelection();
    void forgetLab();
    void buildColumnChooser();
    void resetColumns();
    void buildTree();
    void expandFirstTime();
    QWidget *buildResultPane();
    // The result pane's pages, one shown at a time as the tree's selection says (showResultFor).
    QWidget *buildResultStack(QWidget *copyPane);
    QWidget *buildRecipientPane();
    QWidget *buildDatabasePane();
    void showResultFor(const QModelIndex &treeIndex);
    void showSelectedMailboxCount();
    void buildDocks();
    void restoreLayout();
    void resetLayout();
    void showRunning(bool running);
    void buildContextMenus();
    void showContextMenu(const QPoint &position);
    void showRowContextMenu(const QPoint &position);
    void popUpActions(const std::vector<ConsoleAction> &actions, const QString &name,
                      const QPoint &globalPosition);
    void rebuildActionPane();
    void fitActionPane();
    void selectionChanged();
    void trigger(const ConsoleAction &action);
    // Properties (copy, storage group, database): a live, non-modal sheet; Alt+Enter opens the selection's.
    void buildPropertiesAction();
    void openProperties(const ConsoleAction &action);
    void openSettings();
    // The copies against the thresholds: the dashboard, the models' alerts, an event per new crossing.
    void judgeCopies();
    void chartSelection();

    LabSnapshot m_snapshot;
    QueueHistory m_history;
    OrganizationModel *m_organization;
    CopyStatusModel *m_copyStatus;
    EventLogModel *m_events;
    QSortFilterProxyModel *m_copyProxy;
    QTreeView *m_tree;
    QTableView *m_copyTable;
    QMenu *m_recentMenu = nullptr;
    QPointer<LabWorker> m_worker;
    QObject *m_attachment = nullptr; // the context of the worker's connections: gone with its lab
    QMenu *m_columnsMenu = nullptr;  // the result pane's columns: the header's context menu and View's
    QLineEdit *m_copyFilter;
    QueueChart *m_chart;
    QWidget *m_actionPane;
    QVBoxLayout *m_actionLayout;
    EventViewer *m_eventViewer;
    ShellPane *m_shell;
    QAction *m_runAction;
    QComboBox *m_speed;
    QLabel *m_achievedSpeed;
    QLabel *m_clock;
    QTimer *m_chartTimer;
    QSplitter *m_split;
    std::vector<QDockWidget *> m_docks; // the action pane, event viewer, chart, shell: the View menu's
    QByteArray m_defaultState;          // the docks as first laid out, for Reset Layout
    QByteArray m_defaultSplit;
    QByteArray m_savedState; // the docks as the last console left them (QSettings), restored once shown
    bool m_shownOnce = false;
    qint64 m_nextRequest = 1;
    std::map<qint64, QString> m_actionRequests; // request id → the action's text, for its error box
    QStringList m_expandedKeys;
    bool m_expandedOnce = false; // the tree's first expansion for this lab is done
    QString m_selectedKey;
    QString m_pendingSelection;
    // Recipient Configuration and Organization Configuration (buildRecipientPane, buildDatabasePane).
    QStackedWidget *m_resultStack = nullptr;
    QWidget *m_copyPane = nullptr;
    QWidget *m_recipientPane = nullptr;
    QWidget *m_databasePane = nullptr;
    MailboxModel *m_mailboxes = nullptr;
    QSortFilterProxyModel *m_mailboxProxy = nullptr;
    QTableView *m_mailboxTable = nullptr;
    QLineEdit *m_mailboxFilter = nullptr;
    QLabel *m_mailboxCount = nullptr;
    DatabaseListModel *m_databaseList = nullptr;
    QTableView *m_databaseTable = nullptr;
    HealthThresholds m_thresholds;
    AlertTracker m_alertTracker;
    ReplicationDashboard *m_dashboard = nullptr;
};

} // namespace scr
