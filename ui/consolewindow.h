#pragma once
// ConsoleWindow: the SCR Console main window, laid out as the Exchange Management Console: the console tree
// (Organization, Server and Recipient Configuration, the Toolbox) on the left, the result pane in the middle
// (ResultPane), the action pane on the right, and the chart (the selected copy's queues), the Replication
// Dashboard, the event viewer and the shell at the bottom, each pane a dock the View menu shows and hides.
// It never touches the lab: it reaches it through the LabClient it is attached to (every action a command
// the client runs, shown in the shell pane), and draws what the client's snapshots and health reports say.

#include "client/labclient.h"
#include "consolemenus.h"
#include "consoletree.h"
#include "lab/labsnapshot.h"
#include "models/consoleactions.h"
#include "models/healthmonitor.h"
#include "models/queuehistory.h"
#include "resultpane.h"
#include "scrwizard.h"

#include <map>
#include <vector>

#include <QMainWindow>
#include <QPointer>

class QDockWidget;
class QSplitter;
class QTimer;

namespace scr {

class ActionPane;
class CopyStatusModel;
class DatabaseListModel;
class EventLogModel;
class EventViewer;
class MailboxModel;
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

    // Draws the lab of client (opened here, at the window's speed, running if the window runs). Attaching
    // another client (another lab) first forgets everything the window showed of the last one, including
    // its answers still on their way.
    void attach(LabClient *client);
    LabClient *client() const { return m_client; }
    // File > Open Lab / New Demo Lab / a recent lab, without the file dialog (LabSession does the work).
    void requestOpenLab(const QString &labDir);
    void requestNewDemoLab(const QString &labDir);
    // F1: the help's section for the pane that has focus (README's heading).
    QString helpSectionForFocus() const;

    const LabSnapshot &snapshot() const { return m_snapshot; }
    OrganizationModel *organization() const { return m_organization; }
    CopyStatusModel *copyStatus() const { return m_resultPane->copyStatus(); }
    // Recipient Configuration > Mailbox's rows, and Organization Configuration > Mailbox's.
    MailboxModel *mailboxes() const { return m_resultPane->mailboxes(); }
    DatabaseListModel *databaseList() const { return m_resultPane->databaseList(); }
    ReplicationDashboard *dashboard() const { return m_dashboard; }
    EventLogModel *events() const { return m_events; }
    // The Replication Dashboard's thresholds (Tools > Settings); setting them saves them (QSettings) and has
    // the client judge every copy again.
    const HealthThresholds &thresholds() const { return m_thresholds; }
    void setThresholds(const HealthThresholds &thresholds);
    // The actions the action pane offers for the tree's current selection (ConsoleActions).
    std::vector<ConsoleAction> currentActions() const;
    // Runs script through the client (shown in the shell pane); returns its request id (0: no lab).
    qint64 runCommand(const QString &script, bool stopAtFirstError = true);
    // Selects the tree item of key ("copy:MBX1\SG1>MBX3", "db:MBX1\SG1\DB1", "server:MBX1") as soon as it
    // exists.
    void selectWhenShown(const QString &key) { m_tree->selectWhenShown(key); }
    bool selectionIsPending() const { return m_tree->selectionIsPending(); }
    // The simulation's controls, as the toolbar sets them.
    void setRunning(bool running);
    void setSpeed(double speed) { m_menus->setSpeed(speed); } // → the client
    // Shows window-modal (open(), not exec(): the console keeps drawing the lab while it runs) and deletes
    // it when closed; its commands' answers and its "protect again" offer are wired here.
    void openWizard(ScrWizard *wizard);

public Q_SLOTS:
    void showSnapshot(const scr::LabSnapshot &snapshot);
    void showScriptResult(qint64 requestId, const scr::ems::ScriptOutput &output);
    // Beside the speed asked for, the speed the simulation achieves (0: paused or not measured yet).
    void showMeasuredSpeed(double requested, double achieved)
    {
        m_menus->showMeasuredSpeed(requested, achieved);
    }
    // Another lab could not be opened or made: the error box; the open lab stays.
    void showLabRefused(const QString &error);

Q_SIGNALS:
    // After a command of the action pane failed (the message box is shown too).
    void actionFailed(const QString &error);
    void openLabRequested(const QString &labDir);
    void newDemoLabRequested(const QString &labDir);
    // A snapshot was drawn (tests wait for one after Refresh).
    void snapshotShown();

protected:
    void closeEvent(QCloseEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void buildDocks();
    void connectMenus();
    void restoreLayout();
    void resetLayout();
    void selectionChanged();
    void rebuildActionPane();
    void trigger(const ConsoleAction &action);

    LabSnapshot m_snapshot;
    QueueHistory m_history;
    QPointer<LabClient> m_client;
    QObject *m_attachment = nullptr; // the context of the client's connections: gone with its lab
    OrganizationModel *m_organization;
    EventLogModel *m_events;
    ConsoleTree *m_tree;
    ResultPane *m_resultPane;
    QueueChart *m_chart;
    ActionPane *m_actionPane;
    EventViewer *m_eventViewer;
    ShellPane *m_shell;
    ReplicationDashboard *m_dashboard = nullptr;
    ConsoleMenus *m_menus = nullptr;
    QTimer *m_chartTimer;
    QSplitter *m_split;
    std::vector<QDockWidget *> m_docks; // the action pane, event viewer, chart, shell: the View menu's
    QByteArray m_defaultState;          // the docks as first laid out, for Reset Layout
    QByteArray m_defaultSplit;
    QByteArray m_savedState; // the docks as the last console left them (QSettings), restored once shown
    bool m_shownOnce = false;
    std::map<qint64, QString> m_actionRequests; // request id → the action's text, for its error box
    HealthThresholds m_thresholds;
};

} // namespace scr
