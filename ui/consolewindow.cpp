#include "consolewindow.h"

#include "actionpane.h"
#include "client/labclient.h"
#include "consolekeys.h"
#include "consolemenus.h"
#include "consoletree.h"
#include "enablecopywizard.h"
#include "eventviewer.h"
#include "helpbrowser.h"
#include "mailflowdialog.h"
#include "models/copykey.h"
#include "models/copystatusmodel.h"
#include "models/displaytime.h"
#include "models/eventlogmodel.h"
#include "models/organizationmodel.h"
#include "portabilitywizard.h"
#include "preparetargetwizard.h"
#include "propertysheets.h"
#include "queuechart.h"
#include "recoverserverwizard.h"
#include "replicationdashboard.h"
#include "resultpane.h"
#include "settingsdialog.h"
#include "shellpane.h"
#include "wizardservices.h"

#include <functional>
#include <iterator>
#include <optional>

#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QTableView>
#include <QTimer>

namespace scr {
namespace {

// The docks' saved state: 1 since the action pane and the chart are docks, 2 since the Replication
// Dashboard is one (an older layout is not restored).
const int kStateVersion = 2;

// The action pane's entries as a context menu at globalPosition; the one chosen is triggered after the menu
// closed (it may open a dialog or ask a question).
void popUpActions(QWidget *parent, const std::vector<ConsoleAction> &actions, const QString &name,
                  const QPoint &globalPosition, const std::function<void(const ConsoleAction &)> &trigger)
{
    if (actions.empty())
        return;
    QMenu menu(parent);
    menu.setObjectName(name);
    for (const ConsoleAction &action : actions)
        menu.addAction(action.text, parent, [parent, action, trigger] {
            QMetaObject::invokeMethod(
                parent, [action, trigger] { trigger(action); }, Qt::QueuedConnection);
        });
    menu.exec(globalPosition);
}

// What the chart draws for a tree item: a copy, or a storage group's copies; nothing for another item or a
// storage group without copies (the chart then stays as it is).
std::optional<std::vector<QueueChart::ChartedCopy>> chartedCopies(const LabSnapshot &snapshot,
                                                                  const QModelIndex &item)
{
    const int kind = item.data(OrganizationModel::KindRole).toInt();
    if (!item.isValid() || (kind != OrganizationModel::Copy && kind != OrganizationModel::StorageGroup))
        return std::nullopt;
    std::vector<QueueChart::ChartedCopy> copies;
    const QString identity = item.data(OrganizationModel::IdentityRole).toString();
    for (const StorageGroupSnapshot &sg : snapshot.storageGroups) {
        if (sg.record.identity().compare(identity, Qt::CaseInsensitive) != 0)
            continue;
        for (const CopySnapshot &c : sg.copies) {
            const CopyKey key{sg.record.identity(), c.record.standbyMachine};
            if (kind == OrganizationModel::StorageGroup ||
                key.matches(identity, item.data(OrganizationModel::StandbyRole).toString()))
                copies.push_back({c.record.id, key.displayName()});
        }
    }
    if (kind == OrganizationModel::StorageGroup && copies.empty())
        return std::nullopt;
    return copies;
}

// The help browser (one per window) at section (empty: where it is).
void showHelp(QWidget *window, const QString &section)
{
    auto *help = window->findChild<HelpBrowser *>();
    if (!help) {
        help = new HelpBrowser(window);
        help->setAttribute(Qt::WA_DeleteOnClose);
    }
    if (!section.isEmpty())
        help->showSection(section);
    help->show();
    help->raise();
}

} // namespace

ConsoleWindow::ConsoleWindow(QWidget *parent)
    : QMainWindow(parent), m_organization(new OrganizationModel(this)), m_events(new EventLogModel(this)),
      m_tree(new ConsoleTree(m_organization)), m_resultPane(new ResultPane),
      m_chart(new QueueChart(&m_history)), m_actionPane(new ActionPane),
      m_eventViewer(new EventViewer(m_events)), m_shell(new ShellPane), m_chartTimer(new QTimer(this)),
      m_split(new QSplitter(Qt::Horizontal))
{
    setObjectName(QStringLiteral("consoleWindow"));
    setWindowTitle(tr("SCR Console"));
    m_split->setObjectName(QStringLiteral("mainSplitter"));
    m_split->addWidget(m_tree);
    m_split->addWidget(m_resultPane);
    m_split->setStretchFactor(0, 2);
    m_split->setStretchFactor(1, 5);
    m_split->setSizes({360, 660});
    setCentralWidget(m_split);
    buildDocks();
    m_menus = new ConsoleMenus(this, m_docks, m_resultPane->columnsMenu());
    connectMenus();
    auto *keys = new ConsoleKeys(this, m_tree, m_resultPane, m_actionPane);
    connect(keys, &ConsoleKeys::removeRequested, this, [this] {
        // The result pane's row if it has focus, else the tree's item; asked first (its question, default
        // No).
        const ConsoleSelection selection =
            m_resultPane->focusedCopy().value_or(ConsoleSelection::fromIndex(m_tree->currentIndex()));
        if (const std::optional<ConsoleAction> removal = ConsoleActions::removal(m_snapshot, selection))
            return trigger(*removal);
        statusBar()->showMessage(tr("Nothing to remove: select an SCR copy, a database or a storage group."),
                                 5000);
    });
    connect(keys, &ConsoleKeys::propertiesRequested, this, [this] {
        for (const ConsoleAction &action : currentActions())
            if (action.isProperties())
                return trigger(action);
    });
    connect(keys, &ConsoleKeys::contextMenuRequested, this,
            [this](QAbstractItemView *view, const QPoint &at) {
                if (view == m_tree)
                    Q_EMIT m_tree->customContextMenuRequested(at);
                else if (view == m_resultPane->copyTable())
                    m_resultPane->openRowMenu(at);
            });
    m_thresholds = HealthThresholds::load();
    m_chart->setThreshold(m_thresholds.copyQueueLogs);
    m_chartTimer->setInterval(500); // the chart redraws at most twice a second, however fast snapshots come
    connect(m_chartTimer, &QTimer::timeout, m_chart, &QueueChart::refresh);
    m_chartTimer->start();
    resize(1280, 820);
    rebuildActionPane();
    restoreLayout();
}

ConsoleWindow::~ConsoleWindow() = default;

// The panes around the tree and the result pane, each a dock the View menu shows and hides: the action pane
// on the right; the chart, the event viewer and the shell at the bottom. The tree, the result pane, the
// action pane and the dashboard lead to each other: a selection in one shows in the others.
void ConsoleWindow::buildDocks()
{
    const auto dock = [this](const QString &title, const QString &name, QWidget *widget) {
        auto *d = new QDockWidget(title, this);
        d->setObjectName(name);
        d->setWidget(widget);
        m_docks.push_back(d);
        return d;
    };
    QDockWidget *actionsDock = dock(tr("Actions"), QStringLiteral("actionDock"), m_actionPane);
    addDockWidget(Qt::RightDockWidgetArea, actionsDock);
    QDockWidget *eventsDock = dock(tr("Event Viewer"), QStringLiteral("eventsDock"), m_eventViewer);
    addDockWidget(Qt::BottomDockWidgetArea, eventsDock);
    QDockWidget *chartDock = dock(tr("Queue Chart"), QStringLiteral("chartDock"), m_chart);
    splitDockWidget(eventsDock, chartDock, Qt::Horizontal);
    // The Replication Dashboard between the event viewer and the chart (split before the shell is tabbed
    // with the event viewer, so the shell shares its tab with the event viewer only): every copy at a
    // glance, and a click on one charts it.
    m_dashboard = new ReplicationDashboard;
    QDockWidget *dashboardDock =
        dock(tr("Replication Dashboard"), QStringLiteral("dashboardDock"), m_dashboard);
    splitDockWidget(eventsDock, dashboardDock, Qt::Horizontal);
    QDockWidget *shellDock = dock(tr("Shell"), QStringLiteral("shellDock"), m_shell);
    tabifyDockWidget(eventsDock, shellDock);
    eventsDock->raise();
    m_chart->setMinimumHeight(220);
    resizeDocks({actionsDock}, {260}, Qt::Horizontal);
    resizeDocks({eventsDock, dashboardDock, chartDock}, {440, 440, 400}, Qt::Horizontal);
    resizeDocks({eventsDock}, {260}, Qt::Vertical);
    connect(m_dashboard, &ReplicationDashboard::copySelected, this,
            [this](const CopyKey &key) { m_tree->selectKey(key.toString()); });
    connect(m_resultPane, &ResultPane::copyChosen, this, [this](const CopyKey &key) {
        m_tree->setCurrentIndex(m_organization->indexOfKey(key.toString()));
    });
    connect(m_resultPane, &ResultPane::rowMenuRequested, this,
            [this](const ConsoleSelection &copy, const QPoint &at) {
                popUpActions(this, ConsoleActions::of(m_snapshot, copy), QStringLiteral("resultMenu"), at,
                             [this](const ConsoleAction &action) { trigger(action); });
            });
    // Right-click on a tree item: the action pane's entries for it.
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_tree, &QWidget::customContextMenuRequested, this, [this](const QPoint &position) {
        const QModelIndex index = m_tree->indexAt(position);
        if (!index.isValid())
            return;
        m_tree->setCurrentIndex(index);
        popUpActions(this, currentActions(), QStringLiteral("treeMenu"),
                     m_tree->viewport()->mapToGlobal(position),
                     [this](const ConsoleAction &action) { trigger(action); });
    });
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &ConsoleWindow::selectionChanged);
    // The action pane follows a change of the selected item only (a copy suspended, a database dismounted).
    connect(m_organization, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                const QModelIndex current = m_tree->currentIndex();
                if (current.isValid() && current.parent() == topLeft.parent() &&
                    current.row() >= topLeft.row() && current.row() <= bottomRight.row())
                    rebuildActionPane();
            });
    connect(m_actionPane, &ActionPane::triggered, this, &ConsoleWindow::trigger);
    connect(m_shell, &ShellPane::commandEntered, this,
            [this](const QString &command) { runCommand(command, false); });
}

void ConsoleWindow::connectMenus()
{
    connect(m_menus, &ConsoleMenus::openLabChosen, this, &ConsoleWindow::requestOpenLab);
    connect(m_menus, &ConsoleMenus::newDemoLabChosen, this, &ConsoleWindow::requestNewDemoLab);
    connect(m_menus, &ConsoleMenus::actionMenuAboutToShow, this, [this](QMenu *menu) {
        for (const ConsoleAction &action : currentActions())
            menu->addAction(action.text, this, [this, action] { trigger(action); });
    });
    connect(m_menus, &ConsoleMenus::runningChosen, this, [this](bool running) {
        if (m_client)
            m_client->setRunning(running);
    });
    connect(m_menus, &ConsoleMenus::speedChosen, this, [this](double speed) {
        if (m_client)
            m_client->setSpeed(speed);
    });
    connect(m_menus, &ConsoleMenus::refreshChosen, this, [this] {
        if (!m_client)
            return;
        statusBar()->showMessage(tr("Refreshing..."), 2000);
        m_client->refresh();
    });
    connect(m_menus, &ConsoleMenus::resetLayoutChosen, this, &ConsoleWindow::resetLayout);
    connect(m_menus, &ConsoleMenus::settingsChosen, this, [this] {
        SettingsDialog dialog(m_thresholds, this);
        if (dialog.exec() == QDialog::Accepted)
            setThresholds(dialog.thresholds());
    });
    connect(m_menus, &ConsoleMenus::helpChosen, this,
            [this](const QString &section) { showHelp(this, section); });
    connect(m_menus, &ConsoleMenus::paneHelpChosen, this, [this] { showHelp(this, helpSectionForFocus()); });
}

// The layout as first built is kept for View > Reset Layout; then the window as it was left: size, docks,
// panes.
void ConsoleWindow::restoreLayout()
{
    m_defaultState = saveState(kStateVersion); // for View > Reset Layout
    m_defaultSplit = m_split->saveState();
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("console/geometry")).toByteArray());
    m_savedState = settings.value(QStringLiteral("console/state")).toByteArray();
    restoreState(m_savedState, kStateVersion);
    m_split->restoreState(settings.value(QStringLiteral("console/split")).toByteArray());
    // The simulation's speed as it was left (1x to 86,400x, as the toolbar offers; anything else is ignored).
    bool isNumber = false;
    const double speed = settings.value(QStringLiteral("console/speed")).toDouble(&isNumber);
    const auto &speeds = ConsoleMenus::kSpeeds;
    if (isNumber && speed >= speeds[0] && speed <= speeds[std::size(speeds) - 1]) {
        const QSignalBlocker block(m_menus); // nothing to ask of a client yet: attach() sends the speed
        m_menus->setSpeed(speed);
    }
    m_resultPane->restoreColumns(settings);
}

void ConsoleWindow::resetLayout()
{
    restoreState(m_defaultState, kStateVersion);
    m_split->restoreState(m_defaultSplit);
    for (QDockWidget *d : m_docks) {
        d->setFloating(false);
        d->show();
    }
    findChild<QDockWidget *>(QStringLiteral("eventsDock"))->raise();
    m_resultPane->resetColumns();
}

void ConsoleWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(QStringLiteral("console/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("console/state"), saveState(kStateVersion));
    settings.setValue(QStringLiteral("console/split"), m_split->saveState());
    m_resultPane->saveColumns(settings);
    QMainWindow::closeEvent(event);
}

void ConsoleWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    if (m_shownOnce)
        return;
    m_shownOnce = true;
    // The docks' sizes again, now that the window has its real size: restored before the first show, the
    // dock areas were laid out in the constructor's size and the bottom docks drifted at each restart (the
    // event viewer grew, the chart shrank).
    if (!m_savedState.isEmpty())
        restoreState(m_savedState, kStateVersion);
}

void ConsoleWindow::resizeEvent(QResizeEvent *event)
{
    QMainWindow::resizeEvent(event);
    m_actionPane->fitDock(this);
}

QString ConsoleWindow::helpSectionForFocus() const
{
    // The pane that holds the focus, by its widget's place in the window; README's heading for it.
    for (const QWidget *w = QApplication::focusWidget(); w; w = w->parentWidget()) {
        const QString name = w->objectName();
        if (name == QStringLiteral("shellDock"))
            return QStringLiteral("scr-shell");
        if (name == QStringLiteral("dashboardDock"))
            return QStringLiteral("Replication Dashboard");
        if (const auto *wizard = qobject_cast<const ScrWizard *>(w))
            return wizard->helpSection();
    }
    return QStringLiteral("SCR Console");
}

std::vector<ConsoleAction> ConsoleWindow::currentActions() const
{
    return ConsoleActions::of(m_snapshot, ConsoleSelection::fromIndex(m_tree->currentIndex()));
}

void ConsoleWindow::rebuildActionPane()
{
    const QModelIndex i = m_tree->currentIndex();
    m_actionPane->setActions(
        i.isValid() ? i.data(OrganizationModel::QualifiedNameRole).toString() : QString(), currentActions());
    m_actionPane->fitDock(this);
}

// What the result pane shows follows the tree; the Toolbox's items bring their dock forward instead; the
// chart follows a copy or a storage group.
void ConsoleWindow::selectionChanged()
{
    rebuildActionPane();
    const QModelIndex i = m_tree->currentIndex();
    const auto kind = static_cast<OrganizationModel::Kind>(i.data(OrganizationModel::KindRole).toInt());
    const QString dockName = kind == OrganizationModel::EventViewerTool ? QStringLiteral("eventsDock")
                             : kind == OrganizationModel::ReplicationDashboardTool
                                 ? QStringLiteral("dashboardDock")
                                 : QString();
    if (auto *dock = dockName.isEmpty() || !i.isValid() ? nullptr : findChild<QDockWidget *>(dockName)) {
        dock->show();
        dock->raise();
    } else if (dockName.isEmpty()) {
        m_resultPane->showPageFor(i.isValid() ? kind : OrganizationModel::Organization);
    }
    // The chart follows a copy, or a storage group's copies.
    if (const auto copies = chartedCopies(m_snapshot, i)) {
        m_chart->showCopies(*copies);
        if (kind == OrganizationModel::Copy)
            m_dashboard->setCurrentCopy(CopyKey{i.data(OrganizationModel::IdentityRole).toString(),
                                                i.data(OrganizationModel::StandbyRole).toString()});
    }
}

void ConsoleWindow::setThresholds(const HealthThresholds &thresholds)
{
    m_thresholds = thresholds;
    m_thresholds.save();
    m_chart->setThreshold(m_thresholds.copyQueueLogs);
    if (m_client)
        m_client->setThresholds(m_thresholds); // judged again at once: healthJudged
}

void ConsoleWindow::trigger(const ConsoleAction &action)
{
    QString script = action.script;
    switch (action.kind) {
    case ConsoleAction::Command:
        break;
    case ConsoleAction::OpenEnableWizard:
        return openWizard(
            new EnableCopyWizard(m_snapshot, {action.target}, QString(), wizardServices(m_client), this));
    case ConsoleAction::OpenPrepareWizard:
        return openWizard(new PrepareTargetWizard(m_snapshot, action.target, wizardServices(m_client), this));
    case ConsoleAction::OpenPortabilityWizard:
        return openWizard(new PortabilityWizard(m_snapshot, action.target, wizardServices(m_client), this));
    case ConsoleAction::OpenRecoverServerWizard:
        return openWizard(new RecoverServerWizard(m_snapshot, action.target, wizardServices(m_client), this));
    case ConsoleAction::OpenDatabaseProperties:
    case ConsoleAction::OpenCopyProperties:
    case ConsoleAction::OpenStorageGroupProperties:
        // What the sheet applies runs as the action pane's commands do: in the shell pane, a failure in a
        // box.
        openPropertySheet(
            action, m_snapshot,
            [this, text = action.text](const QString &command) {
                m_actionRequests[runCommand(command)] = text;
            },
            this);
        return;
    case ConsoleAction::OpenMailFlowDialog: {
        MailFlowDialog dialog(action.target, this);
        if (dialog.exec() != QDialog::Accepted)
            return;
        script = dialog.command();
        break;
    }
    }
    if (script.isEmpty())
        return;
    if (!action.confirm.isEmpty()) {
        QMessageBox box(QMessageBox::Question, action.text, action.confirm,
                        QMessageBox::Yes | QMessageBox::No, this);
        box.setObjectName(QStringLiteral("confirm"));
        box.setDefaultButton(QMessageBox::No); // the safe answer is the default
        box.setInformativeText(tr("The command: %1").arg(script));
        if (box.exec() != QMessageBox::Yes)
            return;
    }
    m_actionRequests[runCommand(script)] = action.text;
}

void ConsoleWindow::openWizard(ScrWizard *wizard)
{
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    if (m_client)
        connect(m_client, &LabClient::scriptFinished, wizard, &ScrWizard::scriptFinished);
    // After an activation, "protect again": the Enable wizard for what was activated, this one closed.
    connect(wizard, &ScrWizard::enableCopiesRequested, this,
            [this, wizard](const QStringList &storageGroups, const QString &standby) {
                wizard->accept();
                openWizard(
                    new EnableCopyWizard(m_snapshot, storageGroups, standby, wizardServices(m_client), this));
            });
    connect(wizard, &QWizard::helpRequested, this, [this, wizard] { showHelp(this, wizard->helpSection()); });
    wizard->open();
}

void ConsoleWindow::attach(LabClient *client)
{
    // The last lab's connections go with their context object, and with it any of its answers still queued
    // for this window (a QObject's posted events die with it): nothing of the old lab is drawn afterwards.
    delete m_attachment;
    m_attachment = new QObject(this);
    m_client = client;
    // What the window showed of the last lab: gone before another lab's first snapshot.
    m_snapshot = LabSnapshot{};
    m_history = QueueHistory{};
    m_tree->forgetLab();
    m_tree->setSnapshot(m_snapshot);
    m_resultPane->setSnapshot(m_snapshot);
    m_events->setEvents({});
    m_chart->showCopy(0, QString());
    m_shell->clear(); // the last lab's commands and output are not this one's
    m_actionRequests.clear();
    m_menus->setOpenLab(client->labDir());
    rebuildActionPane();
    QObject *ctx = m_attachment;
    connect(client, &LabClient::opened, ctx, [this](bool ok, const QString &error) {
        if (ok)
            return statusBar()->showMessage(
                tr("Lab opened. Select a storage group to enable SCR, or a copy to watch it."), 8000);
        statusBar()->showMessage(error);
        QMessageBox::critical(this, tr("SCR Console"), tr("The lab could not be opened:\n%1").arg(error));
    });
    connect(client, &LabClient::snapshotReady, ctx, [this](const LabSnapshot &s) { showSnapshot(s); });
    connect(client, &LabClient::healthJudged, ctx, [this](const HealthReport &report) {
        m_organization->setAlerts(report.alerts);
        m_resultPane->setAlerts(report.alerts);
        m_dashboard->setHealth(report.health);
    });
    connect(client, &LabClient::eventsLoaded, ctx,
            [this](const std::vector<EventRecord> &e) { m_events->setEvents(e); });
    connect(client, &LabClient::historyLoaded, ctx, [this](const std::vector<StatusSample> &h) {
        m_history.addSamples(h);
        m_chart->refresh();
    });
    connect(client, &LabClient::eventRecorded, ctx, [this](const EventRecord &e) { m_events->append(e); });
    connect(client, &LabClient::scriptStarted, ctx, [this](qint64, const QString &script) {
        m_shell->showCommand(script);
        statusBar()->showMessage(tr("Running: %1").arg(script));
    });
    connect(client, &LabClient::scriptFinished, ctx,
            [this](qint64 id, const ems::ScriptOutput &out) { showScriptResult(id, out); });
    connect(client, &LabClient::speedMeasured, ctx,
            [this](double requested, double achieved) { showMeasuredSpeed(requested, achieved); });
    client->setThresholds(m_thresholds);
    client->open();
    client->setSpeed(m_menus->speed());
    if (m_menus->running()) // another lab opened while the simulation ran: the new one runs too
        client->setRunning(true);
}

void ConsoleWindow::requestOpenLab(const QString &labDir)
{
    statusBar()->showMessage(tr("Opening %1...").arg(labDir));
    Q_EMIT openLabRequested(labDir);
}

void ConsoleWindow::requestNewDemoLab(const QString &labDir)
{
    statusBar()->showMessage(tr("Making the demo lab in %1 (servers, storage groups, databases, "
                                "mailboxes)...")
                                 .arg(labDir));
    Q_EMIT newDemoLabRequested(labDir);
}

void ConsoleWindow::showLabRefused(const QString &error)
{
    statusBar()->showMessage(error);
    auto *box = new QMessageBox(QMessageBox::Warning, tr("SCR Console"),
                                tr("The lab was not opened; the open lab stays.\n%1").arg(error),
                                QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("labRefused"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->show();
}

void ConsoleWindow::showSnapshot(const LabSnapshot &snapshot)
{
    m_snapshot = snapshot;
    // The history first: a copy the tree selects below is one the chart can draw, and one that is gone
    // is forgotten before anything charts it.
    m_history.add(snapshot);
    setWindowTitle(tr("SCR Console - %1").arg(snapshot.labDir));
    m_tree->setSnapshot(snapshot);
    m_resultPane->setSnapshot(snapshot);
    m_menus->showClock(displayTime(snapshot.nowMs));
    m_menus->showRunning(snapshot.running);
    for (PropertySheet *sheet : findChildren<PropertySheet *>(QString(), Qt::FindDirectChildrenOnly))
        sheet->update(snapshot); // open property sheets are live
    Q_EMIT snapshotShown();
}

void ConsoleWindow::showScriptResult(qint64 requestId, const ems::ScriptOutput &output)
{
    const QString error = output.errorText();
    m_shell->showResult(output.text, output.ok, error);
    statusBar()->showMessage(output.ok ? tr("Done.") : error, output.ok ? 3000 : 0);
    auto it = m_actionRequests.find(requestId);
    if (it == m_actionRequests.end())
        return;
    const QString action = it->second;
    m_actionRequests.erase(it);
    if (output.ok)
        return;
    // Not modal: the console keeps updating while the administrator reads what to do.
    auto *box = new QMessageBox(QMessageBox::Warning, action, error, QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("actionError"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->show();
    Q_EMIT actionFailed(error);
}

qint64 ConsoleWindow::runCommand(const QString &script, bool stopAtFirstError)
{
    return m_client ? m_client->run(script, stopAtFirstError) : 0;
}

void ConsoleWindow::setRunning(bool running)
{
    m_menus->showRunning(running);
    if (m_client)
        m_client->setRunning(running);
}

} // namespace scr
