#include "consolewindow.h"

#include "activationwizard.h"
#include "databaseproperties.h"
#include "enablescrdialog.h"
#include "eventviewer.h"
#include "lab/labworker.h"
#include "models/copykey.h"
#include "models/copystatusmodel.h"
#include "models/eventlogmodel.h"
#include "models/organizationmodel.h"
#include "objecticons.h"
#include "queuechart.h"
#include "shellpane.h"

#include <cmath>
#include <functional>

#include <QCloseEvent>
#include <QComboBox>
#include <QDateTime>
#include <QDialog>
#include <QDockWidget>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStyledItemDelegate>
#include <QStatusBar>
#include <QStyle>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

namespace scr {
namespace {

const double kSpeeds[] = {1, 60, 600, 3600, 86400};
// The docks' saved state: 1 since the action pane and the chart are docks (an older layout is not restored).
const int kStateVersion = 1;

// Draws the tree's failed, stopped, dismounted and powered-off items in red (the model says which, the
// model layer has no colours), with each object's icon.
class AttentionDelegate final : public ObjectIconDelegate
{
public:
    using ObjectIconDelegate::ObjectIconDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        ObjectIconDelegate::initStyleOption(option, index);
        if (index.data(OrganizationModel::AttentionRole).toBool())
            option->palette.setColor(QPalette::Text, QColor(0xb0, 0x30, 0x20));
    }
};

} // namespace

ConsoleWindow::ConsoleWindow(QWidget *parent)
    : QMainWindow(parent), m_organization(new OrganizationModel(this)),
      m_copyStatus(new CopyStatusModel(this)), m_events(new EventLogModel(this)),
      m_copyProxy(new QSortFilterProxyModel(this)), m_tree(new QTreeView), m_copyTable(new QTableView),
      m_copyFilter(new QLineEdit), m_chart(new QueueChart(&m_history)), m_actionPane(new QWidget),
      m_actionLayout(new QVBoxLayout(m_actionPane)), m_eventViewer(new EventViewer(m_events)),
      m_shell(new ShellPane), m_runAction(nullptr), m_speed(new QComboBox), m_achievedSpeed(new QLabel),
      m_clock(new QLabel), m_chartTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("consoleWindow"));
    setWindowTitle(tr("SCR Console"));

    // Console tree.
    m_tree->setObjectName(QStringLiteral("consoleTree"));
    m_tree->setModel(m_organization);
    m_tree->setItemDelegate(new AttentionDelegate(m_tree));
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->header()->setSectionResizeMode(OrganizationModel::NameColumn, QHeaderView::ResizeToContents);
    m_tree->header()->setResizeContentsPrecision(0); // the rows in view: the tree has 1,300 at 100 servers
    connect(m_organization, &QAbstractItemModel::modelAboutToBeReset, this, [this] {
        m_expandedKeys.clear();
        std::function<void(const QModelIndex &)> walk = [&](const QModelIndex &under) {
            for (int r = 0; r < m_organization->rowCount(under); ++r) {
                const QModelIndex i = m_organization->index(r, 0, under);
                if (m_tree->isExpanded(i))
                    m_expandedKeys << i.data(OrganizationModel::KeyRole).toString();
                walk(i);
            }
        };
        walk({});
        const QModelIndex current = m_tree->currentIndex();
        m_selectedKey = current.isValid() ? current.data(OrganizationModel::KeyRole).toString() : QString();
    });
    connect(m_organization, &QAbstractItemModel::modelReset, this, [this] {
        const QModelIndex org = m_organization->index(0, 0);
        if (m_expandedKeys.isEmpty()) { // first time: the organization and its servers open
            m_tree->expand(org);
            for (int r = 0; r < m_organization->rowCount(org); ++r)
                m_tree->expand(m_organization->index(r, 0, org));
        }
        for (const QString &key : std::as_const(m_expandedKeys))
            m_tree->expand(m_organization->indexOfKey(key));
        if (!m_selectedKey.isEmpty())
            m_tree->setCurrentIndex(m_organization->indexOfKey(m_selectedKey));
    });
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &ConsoleWindow::selectionChanged);
    connect(m_organization, &QAbstractItemModel::dataChanged, this, &ConsoleWindow::rebuildActionPane);

    QWidget *resultPane = buildResultPane();

    // Action pane.
    m_actionPane->setObjectName(QStringLiteral("actionPane"));
    m_actionPane->setMinimumWidth(250);
    m_actionLayout->setAlignment(Qt::AlignTop);

    auto *split = m_split = new QSplitter(Qt::Horizontal);
    split->setObjectName(QStringLiteral("mainSplitter"));
    split->addWidget(m_tree);
    split->addWidget(resultPane);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 5);
    split->setSizes({360, 660});
    setCentralWidget(split);
    buildDocks();
    buildContextMenus();
    buildActions();
    m_chartTimer->setInterval(500); // the chart redraws at most twice a second, however fast snapshots come
    connect(m_chartTimer, &QTimer::timeout, m_chart, &QueueChart::refresh);
    m_chartTimer->start();
    resize(1280, 820);
    rebuildActionPane();
    restoreLayout();
}

// The result pane: every SCR copy, sortable by numbers, filtered as you type; a row selects its copy in the
// tree.
QWidget *ConsoleWindow::buildResultPane()
{
    m_copyProxy->setSourceModel(m_copyStatus);
    m_copyProxy->setSortRole(CopyStatusModel::RawValueRole);
    m_copyProxy->setFilterKeyColumn(-1);
    m_copyProxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_copyTable->setObjectName(QStringLiteral("copyStatusTable"));
    m_copyTable->setModel(m_copyProxy);
    m_copyTable->setItemDelegateForColumn(CopyStatusModel::NameColumn, new ObjectIconDelegate(m_copyTable));
    m_copyTable->setSortingEnabled(true);
    m_copyTable->sortByColumn(CopyStatusModel::NameColumn, Qt::AscendingOrder);
    m_copyTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_copyTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_copyTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_copyTable->verticalHeader()->hide();
    m_copyTable->horizontalHeader()->setStretchLastSection(true);
    m_copyTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    // Sized to the rows in view: measuring all of them costs 30 ms a tick at 800 copies (bench_console).
    m_copyTable->horizontalHeader()->setResizeContentsPrecision(0);
    m_copyTable->setWordWrap(false);
    m_copyFilter->setObjectName(QStringLiteral("copyFilter"));
    m_copyFilter->setPlaceholderText(tr("Filter the SCR copies"));
    m_copyFilter->setClearButtonEnabled(true);
    connect(m_copyFilter, &QLineEdit::textChanged, m_copyProxy, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_copyTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (!current.isValid())
                    return;
                const CopyKey key{current.data(CopyStatusModel::IdentityRole).toString(),
                                  current.data(CopyStatusModel::StandbyRole).toString()};
                m_tree->setCurrentIndex(m_organization->indexOfKey(key.toString()));
            });
    auto *resultPane = new QWidget;
    auto *resultLayout = new QVBoxLayout(resultPane);
    resultLayout->setContentsMargins(0, 0, 0, 0);
    auto *resultTitle = new QLabel(tr("<b>Standby Continuous Replication</b>"));
    resultLayout->addWidget(resultTitle);
    resultLayout->addWidget(m_copyFilter);
    resultLayout->addWidget(m_copyTable, 1);
    return resultPane;
}

// The layout as first built is kept for View > Reset Layout; then the window as it was left: size, docks,
// panes.
void ConsoleWindow::restoreLayout()
{
    m_defaultState = saveState(kStateVersion); // for View > Reset Layout
    m_defaultSplit = m_split->saveState();
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("console/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("console/state")).toByteArray(), kStateVersion);
    m_split->restoreState(settings.value(QStringLiteral("console/split")).toByteArray());
}

// The panes around the tree and the result pane, each a dock the View menu shows and hides: the action pane
// on the right; the chart, the event viewer and the shell at the bottom.
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
    QDockWidget *shellDock = dock(tr("Shell"), QStringLiteral("shellDock"), m_shell);
    tabifyDockWidget(eventsDock, shellDock);
    eventsDock->raise();
    m_chart->setMinimumHeight(220);
    resizeDocks({actionsDock}, {260}, Qt::Horizontal);
    resizeDocks({eventsDock, chartDock}, {640, 640}, Qt::Horizontal);
    resizeDocks({eventsDock}, {260}, Qt::Vertical);
    connect(m_shell, &ShellPane::commandEntered, this,
            [this](const QString &command) { runCommand(command, false); });
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
}

void ConsoleWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(QStringLiteral("console/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("console/state"), saveState(kStateVersion));
    settings.setValue(QStringLiteral("console/split"), m_split->saveState());
    QMainWindow::closeEvent(event);
}

// Right-click: the action pane's entries for the item under the mouse, on tree items and result-pane rows.
void ConsoleWindow::buildContextMenus()
{
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_tree, &QWidget::customContextMenuRequested, this, &ConsoleWindow::showContextMenu);
    m_copyTable->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_copyTable, &QWidget::customContextMenuRequested, this, &ConsoleWindow::showRowContextMenu);
}

void ConsoleWindow::showContextMenu(const QPoint &position)
{
    const QModelIndex index = m_tree->indexAt(position);
    if (!index.isValid())
        return;
    m_tree->setCurrentIndex(index);
    popUpActions(currentActions(), QStringLiteral("treeMenu"), m_tree->viewport()->mapToGlobal(position));
}

void ConsoleWindow::showRowContextMenu(const QPoint &position)
{
    const QModelIndex index = m_copyTable->indexAt(position);
    if (!index.isValid())
        return;
    m_copyTable->selectRow(index.row()); // and with it the copy in the tree
    const ConsoleSelection copy{OrganizationModel::Copy, index.data(CopyStatusModel::IdentityRole).toString(),
                                index.data(CopyStatusModel::StandbyRole).toString()};
    popUpActions(ConsoleActions::of(m_snapshot, copy), QStringLiteral("resultMenu"),
                 m_copyTable->viewport()->mapToGlobal(position));
}

void ConsoleWindow::popUpActions(const std::vector<ConsoleAction> &actions, const QString &name,
                                 const QPoint &globalPosition)
{
    if (actions.empty())
        return;
    QMenu menu(this);
    menu.setObjectName(name);
    for (const ConsoleAction &action : actions)
        menu.addAction(action.text, this, [this, action] {
            // After the menu closed: the entry may open a dialog or ask a question.
            QMetaObject::invokeMethod(
                this, [this, action] { trigger(action); }, Qt::QueuedConnection);
        });
    menu.exec(globalPosition);
}

ConsoleWindow::~ConsoleWindow() = default;

void ConsoleWindow::buildActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);
    // EMC's Action menu: the action pane's entries for the selection, from the keyboard (Alt+A).
    QMenu *actionMenu = menuBar()->addMenu(tr("&Action"));
    actionMenu->setObjectName(QStringLiteral("actionMenu"));
    connect(actionMenu, &QMenu::aboutToShow, this, [this, actionMenu] {
        actionMenu->clear();
        for (const ConsoleAction &action : currentActions())
            actionMenu->addAction(action.text, this, [this, action] { trigger(action); });
        if (actionMenu->isEmpty())
            actionMenu->addAction(tr("Select an item in the console tree"))->setEnabled(false);
    });
    // View: every pane, shown or hidden, and the layout as it first was.
    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->setObjectName(QStringLiteral("viewMenu"));
    for (QDockWidget *d : m_docks)
        view->addAction(d->toggleViewAction());
    view->addSeparator();
    QAction *reset = view->addAction(tr("&Reset Layout"), this, &ConsoleWindow::resetLayout);
    reset->setObjectName(QStringLiteral("resetLayoutAction"));
    QMenu *simulation = menuBar()->addMenu(tr("&Simulation"));
    m_runAction = simulation->addAction(QString());
    m_runAction->setObjectName(QStringLiteral("runAction"));
    m_runAction->setCheckable(true);
    m_runAction->setShortcut(Qt::Key_F5);
    showRunning(false);
    connect(m_runAction, &QAction::toggled, this, [this](bool running) {
        showRunning(running);
        Q_EMIT runningRequested(running);
    });
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About SCR Console"), this, [this] {
        QMessageBox::about(this, tr("About SCR Console"),
                           tr("SCR Console %1: a console for Exchange Server 2007 SP1's Standby Continuous "
                              "Replication, on a lab of simulated servers.")
                               .arg(QStringLiteral(SCR_VERSION)));
    });

    QToolBar *bar = addToolBar(tr("Simulation"));
    bar->setObjectName(QStringLiteral("simulationBar"));
    bar->addAction(m_runAction);
    m_speed->setObjectName(QStringLiteral("speedCombo"));
    for (double s : kSpeeds)
        m_speed->addItem(tr("%1x").arg(s), s);
    m_speed->setCurrentIndex(1);
    m_speed->setToolTip(tr("How fast the virtual clock runs"));
    connect(m_speed, &QComboBox::currentIndexChanged, this,
            [this](int i) { Q_EMIT speedRequested(m_speed->itemData(i).toDouble()); });
    bar->addWidget(new QLabel(tr(" Speed: ")));
    bar->addWidget(m_speed);
    m_achievedSpeed->setObjectName(QStringLiteral("achievedSpeedLabel"));
    showMeasuredSpeed(m_speed->currentData().toDouble(), 0);
    bar->addWidget(m_achievedSpeed);
    m_clock->setObjectName(QStringLiteral("clockLabel"));
    bar->addWidget(new QLabel(tr("   Virtual time: ")));
    bar->addWidget(m_clock);
}

void ConsoleWindow::attach(LabWorker *worker)
{
    connect(this, &ConsoleWindow::scriptRequested, worker, &LabWorker::runScript, Qt::QueuedConnection);
    connect(this, &ConsoleWindow::runningRequested, worker, &LabWorker::setRunning, Qt::QueuedConnection);
    connect(this, &ConsoleWindow::speedRequested, worker, &LabWorker::setSpeed, Qt::QueuedConnection);
    connect(worker, &LabWorker::opened, this, &ConsoleWindow::showOpened, Qt::QueuedConnection);
    connect(worker, &LabWorker::snapshotReady, this, &ConsoleWindow::showSnapshot, Qt::QueuedConnection);
    connect(worker, &LabWorker::eventsLoaded, this, &ConsoleWindow::showEvents, Qt::QueuedConnection);
    connect(worker, &LabWorker::historyLoaded, this, &ConsoleWindow::showHistory, Qt::QueuedConnection);
    connect(worker, &LabWorker::eventRecorded, this, &ConsoleWindow::addEvent, Qt::QueuedConnection);
    connect(worker, &LabWorker::scriptFinished, this, &ConsoleWindow::showScriptResult, Qt::QueuedConnection);
    connect(worker, &LabWorker::speedMeasured, this, &ConsoleWindow::showMeasuredSpeed, Qt::QueuedConnection);
    const double speed = m_speed->currentData().toDouble();
    QMetaObject::invokeMethod(
        worker,
        [worker, speed] {
            worker->open();
            worker->setSpeed(speed);
        },
        Qt::QueuedConnection);
}

void ConsoleWindow::showOpened(bool ok, const QString &error)
{
    if (!ok) {
        statusBar()->showMessage(error);
        QMessageBox::critical(this, tr("SCR Console"), tr("The lab could not be opened:\n%1").arg(error));
        return;
    }
    statusBar()->showMessage(tr("Lab opened. Select a storage group to enable SCR, or a copy to watch it."),
                             8000);
}

void ConsoleWindow::showSnapshot(const LabSnapshot &snapshot)
{
    m_snapshot = snapshot;
    setWindowTitle(tr("SCR Console - %1").arg(snapshot.labDir));
    m_organization->setSnapshot(snapshot);
    m_copyStatus->setSnapshot(snapshot);
    m_history.add(snapshot);
    if (!m_pendingSelection.isEmpty()) {
        // Keys are upper case after their kind: "copy:MBX1\SG1>MBX3".
        const QString key = m_pendingSelection.section(QLatin1Char(':'), 0, 0).toLower() + QLatin1Char(':') +
                            m_pendingSelection.section(QLatin1Char(':'), 1);
        if (const QModelIndex index = m_organization->indexOfKey(key); index.isValid()) {
            m_tree->expand(index.parent());
            m_tree->setCurrentIndex(index);
            m_pendingSelection.clear();
        }
    }
    m_clock->setText(QDateTime::fromMSecsSinceEpoch(snapshot.nowMs, Qt::UTC)
                         .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'")));
    {
        const QSignalBlocker block(m_runAction);
        m_runAction->setChecked(snapshot.running);
    }
    showRunning(snapshot.running);
    if (m_chart->copyId() == 0) // nothing chosen yet: chart the first copy there is
        if (const auto copies = snapshot.allCopies(); !copies.empty())
            m_chart->showCopy(copies.front().record.id, copies.front().status.identity +
                                                            QStringLiteral(" on ") +
                                                            copies.front().record.standbyMachine);
}

void ConsoleWindow::showEvents(const std::vector<EventRecord> &events)
{
    m_events->setEvents(events);
}

void ConsoleWindow::showHistory(const std::vector<StatusSample> &samples)
{
    m_history.addSamples(samples);
    m_chart->refresh();
}

void ConsoleWindow::addEvent(const EventRecord &event)
{
    m_events->append(event);
}

qint64 ConsoleWindow::runCommand(const QString &script, bool stopAtFirstError)
{
    const qint64 id = m_nextRequest++;
    m_shell->showCommand(script);
    statusBar()->showMessage(tr("Running: %1").arg(script));
    Q_EMIT scriptRequested(id, script, stopAtFirstError);
    return id;
}

void ConsoleWindow::selectWhenShown(const QString &key)
{
    m_pendingSelection = key.toUpper();
}

void ConsoleWindow::setRunning(bool running)
{
    m_runAction->setChecked(running); // toggled → runningRequested
}

void ConsoleWindow::showRunning(bool running)
{
    // The action says what it will do: Pause while the simulation runs, Run while it is paused.
    m_runAction->setText(running ? tr("&Pause the simulation") : tr("&Run the simulation"));
    m_runAction->setToolTip(running ? tr("The simulation runs: pause it (F5)")
                                    : tr("The simulation is paused: run it (F5)"));
    m_runAction->setIcon(style()->standardIcon(running ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
}

void ConsoleWindow::setSpeed(double speed)
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
    m_speed->setCurrentIndex(best); // → speedRequested
}

void ConsoleWindow::showMeasuredSpeed(double requested, double achieved)
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

void ConsoleWindow::showScriptResult(qint64 requestId, const QString &text, bool ok, const QString &error)
{
    m_shell->showResult(text, ok, error);
    Q_EMIT scriptFinished(requestId, text, ok, error);
    statusBar()->showMessage(ok ? tr("Done.") : error, ok ? 3000 : 0);
    auto it = m_actionRequests.find(requestId);
    if (it == m_actionRequests.end())
        return;
    const QString action = it->second;
    m_actionRequests.erase(it);
    if (ok)
        return;
    // Not modal: the console keeps updating while the administrator reads what to do.
    auto *box = new QMessageBox(QMessageBox::Warning, action, error, QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("actionError"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->show();
    Q_EMIT actionFailed(error);
}

std::vector<ConsoleAction> ConsoleWindow::currentActions() const
{
    return ConsoleActions::of(m_snapshot, ConsoleSelection::fromIndex(m_tree->currentIndex()));
}

void ConsoleWindow::rebuildActionPane()
{
    while (QLayoutItem *item = m_actionLayout->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    const QModelIndex i = m_tree->currentIndex();
    if (i.isValid())
        m_actionLayout->addWidget(new QLabel(i.data().toString(), m_actionPane));
    int n = 0;
    for (const ConsoleAction &action : currentActions()) {
        auto *button = new QPushButton(action.text, m_actionPane);
        button->setObjectName(QStringLiteral("action%1").arg(n++));
        button->setFlat(true);
        button->setStyleSheet(QStringLiteral("text-align: left; padding: 4px;"));
        connect(button, &QPushButton::clicked, this, [this, action] { trigger(action); });
        m_actionLayout->addWidget(button);
    }
    if (n == 0) {
        auto *hint =
            new QLabel(tr("Select a server, a storage group, a database or an SCR copy in the console "
                          "tree to see what can be done with it."),
                       m_actionPane);
        hint->setWordWrap(true);
        hint->setEnabled(false);
        m_actionLayout->addWidget(hint);
    }
}

void ConsoleWindow::selectionChanged()
{
    rebuildActionPane();
    const QModelIndex i = m_tree->currentIndex();
    if (!i.isValid() || i.data(OrganizationModel::KindRole).toInt() != OrganizationModel::Copy)
        return;
    const QString identity = i.data(OrganizationModel::IdentityRole).toString();
    const QString standby = i.data(OrganizationModel::StandbyRole).toString();
    if (const CopySnapshot *c = ConsoleActions::copy(m_snapshot, identity, standby))
        m_chart->showCopy(c->record.id, CopyKey{identity, standby}.displayName());
}

void ConsoleWindow::trigger(const ConsoleAction &action)
{
    QString script = action.script;
    switch (action.kind) {
    case ConsoleAction::Command:
        break;
    case ConsoleAction::OpenEnableScrDialog: {
        const StorageGroupSnapshot *sg = ConsoleActions::storageGroup(m_snapshot, action.target);
        if (!sg)
            return;
        EnableScrDialog dialog(m_snapshot, sg->record, this);
        if (dialog.exec() != QDialog::Accepted)
            return;
        script = dialog.command();
        break;
    }
    case ConsoleAction::OpenDatabaseProperties: {
        const StorageGroupSnapshot *sg =
            ConsoleActions::storageGroup(m_snapshot, action.target.section(QLatin1Char('\\'), 0, 1));
        const DatabaseSnapshot *db = ConsoleActions::database(m_snapshot, action.target);
        if (!sg || !db)
            return;
        DatabaseProperties dialog(sg->record, *db, this);
        if (dialog.exec() != QDialog::Accepted)
            return;
        script = dialog.command();
        break;
    }
    case ConsoleAction::OpenActivationWizard:
        activationWizard(action.target); // the wizard runs its own commands
        return;
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

void ConsoleWindow::activationWizard(const QString &copyKey)
{
    ActivationWizard wizard(
        m_snapshot, copyKey,
        [this](const QString &command) {
            return runCommand(command, true);
        }, // a step that fails stops the wizard
        this);
    connect(this, &ConsoleWindow::scriptFinished, &wizard, &ActivationWizard::scriptFinished);
    wizard.exec();
}

} // namespace scr
