#include "consolewindow.h"

#include "enablecopywizard.h"
#include "portabilitywizard.h"
#include "preparetargetwizard.h"
#include "recoverserverwizard.h"
#include "copyproperties.h"
#include "alertdelegate.h"
#include "columnstate.h"
#include "core/logging.h"
#include "databaseproperties.h"
#include "eventviewer.h"
#include "helpbrowser.h"
#include "labsession.h"
#include "mailflowdialog.h"
#include "lab/labworker.h"
#include "models/copykey.h"
#include "models/copystatusmodel.h"
#include "models/displaytime.h"
#include "models/databaselistmodel.h"
#include "models/eventlogmodel.h"
#include "models/mailboxmodel.h"
#include "models/organizationmodel.h"
#include "objecticons.h"
#include "queuechart.h"
#include "replicationdashboard.h"
#include "settingsdialog.h"
#include "shellpane.h"
#include "storagegroupproperties.h"

#include <cmath>
#include <functional>
#include <iterator>
#include <optional>

#include <QApplication>
#include <spdlog/spdlog.h>

#include <QCloseEvent>
#include <QContextMenuEvent>
#include <QKeyEvent>
#include <QComboBox>
#include <QDateTime>
#include <QDialog>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QWhatsThis>
#include <QPushButton>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
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
// The docks' saved state: 1 since the action pane and the chart are docks, 2 since the Replication
// Dashboard is one (an older layout is not restored).
const int kStateVersion = 2;

// Draws the tree's failed, stopped, dismounted and powered-off items in red (the model says which, the
// model layer has no colours), with each object's icon; a copy in alert as AlertDelegate does (red text
// stays red: a failure says more than a threshold).
class AttentionDelegate final : public AlertDelegate
{
public:
    using AlertDelegate::AlertDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        AlertDelegate::initStyleOption(option, index);
        // A failed copy keeps AlertDelegate's dark red on its light red background, whatever the palette.
        if (index.data(OrganizationModel::AttentionRole).toBool() && !isFailedCopy(index))
            option->palette.setColor(QPalette::Text, attentionText(option->palette));
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

    buildTree();
    QWidget *resultPane = buildResultStack(buildResultPane());

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
    buildKeys();
    buildPropertiesAction();
    m_thresholds = HealthThresholds::load();
    m_chart->setThreshold(m_thresholds.copyQueueLogs);
    m_chartTimer->setInterval(500); // the chart redraws at most twice a second, however fast snapshots come
    connect(m_chartTimer, &QTimer::timeout, m_chart, &QueueChart::refresh);
    m_chartTimer->start();
    resize(1280, 820);
    rebuildActionPane();
    restoreLayout();
}

// The console tree (OrganizationModel): its expansion and selection survive a reset, by key.
void ConsoleWindow::buildTree()
{
    m_tree->setObjectName(QStringLiteral("consoleTree"));
    m_tree->setAccessibleName(tr("Console tree"));
    m_tree->setAccessibleDescription(
        tr("The organization: servers, storage groups, databases and SCR copies"));
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
        // Once per lab, when its servers are first there (not on the empty tree before its first snapshot).
        if (!m_expandedOnce && !m_snapshot.servers.empty()) {
            expandFirstTime();
            m_expandedOnce = true;
        }
        for (const QString &key : std::as_const(m_expandedKeys))
            m_tree->expand(m_organization->indexOfKey(key));
        if (!m_selectedKey.isEmpty())
            m_tree->setCurrentIndex(m_organization->indexOfKey(m_selectedKey));
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
}

// The first time there is a tree: Microsoft Exchange, Server Configuration > Mailbox and each server open,
// so the storage groups show, as they did before the tree had EMC's containers.
void ConsoleWindow::expandFirstTime()
{
    const QModelIndex root = m_organization->index(0, 0);
    m_tree->expand(root);
    const QModelIndex servers = m_organization->indexOfKey(
        OrganizationModel::containerKey(QStringLiteral("Server Configuration\\Mailbox")));
    m_tree->expand(servers.parent());
    m_tree->expand(servers);
    for (int r = 0; r < m_organization->rowCount(servers); ++r)
        m_tree->expand(m_organization->index(r, 0, servers));
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
    m_copyTable->setAccessibleName(tr("Result pane"));
    m_copyTable->setModel(m_copyProxy);
    m_copyTable->setItemDelegateForColumn(CopyStatusModel::NameColumn, new AlertDelegate(m_copyTable));
    m_copyTable->setItemDelegate(new AlertDelegate(m_copyTable)); // a row in alert, in every column
    m_copyTable->setSortingEnabled(true);
    m_copyTable->sortByColumn(CopyStatusModel::NameColumn, Qt::AscendingOrder);
    m_copyTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_copyTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_copyTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_copyTable->verticalHeader()->hide();
    m_copyTable->setWordWrap(false);
    buildColumnChooser();
    m_copyFilter->setObjectName(QStringLiteral("copyFilter"));
    m_copyFilter->setAccessibleName(tr("Filter the result pane"));
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

// The result pane's columns: the administrator's choice of Get-StorageGroupCopyStatus's fields (right-click
// on the header, or View > Result Pane Columns), moved and sized by hand, all remembered; a new console shows
// the fields that answer "is this copy well?" and fits them in the pane.
void ConsoleWindow::buildColumnChooser()
{
    QHeaderView *header = m_copyTable->horizontalHeader();
    header->setObjectName(QStringLiteral("copyStatusHeader"));
    header->setSectionsMovable(true);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setStretchLastSection(true);
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    m_columnsMenu = new QMenu(tr("Result Pane &Columns"), this);
    m_columnsMenu->setObjectName(QStringLiteral("columnsMenu"));
    connect(m_columnsMenu, &QMenu::aboutToShow, this, [this] {
        QHeaderView *h = m_copyTable->horizontalHeader();
        m_columnsMenu->clear();
        for (int c = 0; c < CopyStatusModel::ColumnCount; ++c) {
            const QString name = m_copyStatus->headerData(c, Qt::Horizontal).toString();
            QAction *a = m_columnsMenu->addAction(name);
            a->setObjectName(QStringLiteral("column_") + name);
            a->setCheckable(true);
            a->setChecked(!h->isSectionHidden(c));
            a->setEnabled(c != CopyStatusModel::NameColumn); // a row needs its name
            connect(a, &QAction::toggled, this, [this, c](bool shown) {
                m_copyTable->horizontalHeader()->setSectionHidden(c, !shown);
                if (shown)
                    m_copyTable->resizeColumnToContents(c);
            });
        }
        m_columnsMenu->addSeparator();
        m_columnsMenu->addAction(tr("&Reset Columns"), this, &ConsoleWindow::resetColumns)
            ->setObjectName(QStringLiteral("resetColumnsAction"));
    });
    connect(header, &QWidget::customContextMenuRequested, this, [this](const QPoint &position) {
        m_columnsMenu->exec(m_copyTable->horizontalHeader()->viewport()->mapToGlobal(position));
    });
    resetColumns();
}

void ConsoleWindow::resetColumns()
{
    QHeaderView *h = m_copyTable->horizontalHeader();
    // Widths that fit a name, a status, a queue length and a locale time at the default font.
    const QFontMetrics fm = m_copyTable->fontMetrics();
    for (int c = 0; c < CopyStatusModel::ColumnCount; ++c) {
        h->moveSection(h->visualIndex(c), c);
        h->setSectionHidden(c, !CopyStatusModel::shownByDefault(c));
        const QString title = m_copyStatus->headerData(c, Qt::Horizontal).toString();
        h->resizeSection(c, std::max(fm.horizontalAdvance(title) + 24,
                                     fm.horizontalAdvance(QStringLiteral("MBX10\\SG4")) + 40));
    }
}

// The result pane shows what the tree's selection is about: the SCR copies (the copy pane, as built by
// buildResultPane), Recipient Configuration's mailboxes or Organization Configuration's databases.
QWidget *ConsoleWindow::buildResultStack(QWidget *copyPane)
{
    m_resultStack = new QStackedWidget;
    m_resultStack->setObjectName(QStringLiteral("resultStack"));
    m_copyPane = copyPane;
    m_resultStack->addWidget(m_copyPane);
    m_resultStack->addWidget(buildRecipientPane());
    m_resultStack->addWidget(buildDatabasePane());
    m_resultStack->setCurrentWidget(m_copyPane);
    return m_resultStack;
}

// Recipient Configuration > Mailbox: every mailbox with its database and server, filtered as you type,
// sorted by raw values, several selected at once.
QWidget *ConsoleWindow::buildRecipientPane()
{
    m_mailboxes = new MailboxModel(this);
    m_mailboxProxy = new QSortFilterProxyModel(this);
    m_mailboxProxy->setSourceModel(m_mailboxes);
    m_mailboxProxy->setSortRole(MailboxModel::RawValueRole);
    m_mailboxProxy->setFilterKeyColumn(-1);
    m_mailboxProxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_mailboxTable = new QTableView;
    m_mailboxTable->setObjectName(QStringLiteral("mailboxTable"));
    m_mailboxTable->setModel(m_mailboxProxy);
    m_mailboxTable->setItemDelegateForColumn(MailboxModel::DisplayNameColumn,
                                             new ObjectIconDelegate(m_mailboxTable));
    m_mailboxTable->setSortingEnabled(true);
    m_mailboxTable->sortByColumn(MailboxModel::DisplayNameColumn, Qt::AscendingOrder);
    m_mailboxTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_mailboxTable->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_mailboxTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_mailboxTable->verticalHeader()->hide();
    m_mailboxTable->horizontalHeader()->setStretchLastSection(true);
    m_mailboxTable->setWordWrap(false);
    m_mailboxFilter = new QLineEdit;
    m_mailboxFilter->setObjectName(QStringLiteral("mailboxFilter"));
    m_mailboxFilter->setPlaceholderText(tr("Filter the mailboxes (name, alias, database, server)"));
    m_mailboxFilter->setClearButtonEnabled(true);
    m_mailboxCount = new QLabel;
    m_mailboxCount->setObjectName(QStringLiteral("mailboxCount"));
    connect(m_mailboxFilter, &QLineEdit::textChanged, m_mailboxProxy,
            &QSortFilterProxyModel::setFilterFixedString);
    connect(m_mailboxProxy, &QAbstractItemModel::rowsInserted, this,
            &ConsoleWindow::showSelectedMailboxCount);
    connect(m_mailboxProxy, &QAbstractItemModel::rowsRemoved, this, &ConsoleWindow::showSelectedMailboxCount);
    connect(m_mailboxProxy, &QAbstractItemModel::modelReset, this, &ConsoleWindow::showSelectedMailboxCount);
    connect(m_mailboxProxy, &QAbstractItemModel::layoutChanged, this,
            &ConsoleWindow::showSelectedMailboxCount);
    connect(m_mailboxTable->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ConsoleWindow::showSelectedMailboxCount);
    m_recipientPane = new QWidget;
    m_recipientPane->setObjectName(QStringLiteral("recipientPane"));
    auto *layout = new QVBoxLayout(m_recipientPane);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(new QLabel(tr("<b>Recipient Configuration \u203A Mailbox</b>")));
    layout->addWidget(m_mailboxFilter);
    layout->addWidget(m_mailboxTable, 1);
    layout->addWidget(m_mailboxCount);
    showSelectedMailboxCount();
    return m_recipientPane;
}

void ConsoleWindow::showSelectedMailboxCount()
{
    const int shown = m_mailboxProxy->rowCount();
    const int all = m_mailboxes->rowCount();
    const auto selected = m_mailboxTable->selectionModel()->selectedRows().size();
    // English plurals without a translator: "1 mailbox", "128 mailboxes".
    const QString mailboxes = all == 1 ? tr("1 mailbox") : tr("%1 mailboxes").arg(all);
    QString text = shown == all ? mailboxes : tr("%1 of %2 shown").arg(shown).arg(mailboxes);
    if (selected > 0)
        text += tr(", %1 selected").arg(selected);
    m_mailboxCount->setText(text);
}

// Organization Configuration > Mailbox: the organization's mailbox databases.
QWidget *ConsoleWindow::buildDatabasePane()
{
    m_databaseList = new DatabaseListModel(this);
    auto *proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(m_databaseList);
    proxy->setSortRole(DatabaseListModel::RawValueRole);
    m_databaseTable = new QTableView;
    m_databaseTable->setObjectName(QStringLiteral("databaseTable"));
    m_databaseTable->setModel(proxy);
    m_databaseTable->setItemDelegateForColumn(DatabaseListModel::NameColumn,
                                              new ObjectIconDelegate(m_databaseTable));
    m_databaseTable->setSortingEnabled(true);
    m_databaseTable->sortByColumn(DatabaseListModel::NameColumn, Qt::AscendingOrder);
    m_databaseTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_databaseTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_databaseTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_databaseTable->verticalHeader()->hide();
    m_databaseTable->horizontalHeader()->setStretchLastSection(true);
    m_databasePane = new QWidget;
    m_databasePane->setObjectName(QStringLiteral("databasePane"));
    auto *layout = new QVBoxLayout(m_databasePane);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(new QLabel(tr("<b>Organization Configuration \u203A Mailbox</b>")));
    layout->addWidget(m_databaseTable, 1);
    return m_databasePane;
}

// What the result pane shows for a tree item; the Toolbox's items bring their dock forward instead (the
// Replication Dashboard's only where the window has one).
void ConsoleWindow::showResultFor(const QModelIndex &treeIndex)
{
    const auto kind =
        static_cast<OrganizationModel::Kind>(treeIndex.data(OrganizationModel::KindRole).toInt());
    const auto raiseDock = [this](const QString &name) {
        if (auto *dock = findChild<QDockWidget *>(name)) {
            dock->show();
            dock->raise();
        }
    };
    if (!treeIndex.isValid()) {
        m_resultStack->setCurrentWidget(m_copyPane);
        return;
    }
    switch (kind) {
    case OrganizationModel::RecipientConfiguration:
    case OrganizationModel::RecipientMailbox:
        m_resultStack->setCurrentWidget(m_recipientPane);
        return;
    case OrganizationModel::OrganizationConfiguration:
    case OrganizationModel::OrganizationMailbox:
        m_resultStack->setCurrentWidget(m_databasePane);
        return;
    case OrganizationModel::EventViewerTool:
        raiseDock(QStringLiteral("eventsDock"));
        return;
    case OrganizationModel::ReplicationDashboardTool:
        raiseDock(QStringLiteral("dashboardDock"));
        return;
    default:
        m_resultStack->setCurrentWidget(m_copyPane);
        return;
    }
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
    if (isNumber && speed >= kSpeeds[0] && speed <= kSpeeds[std::size(kSpeeds) - 1]) {
        const QSignalBlocker block(m_speed); // nothing to ask of a worker yet: attach() sends the speed
        setSpeed(speed);
    }
    const QByteArray columns = settings.value(QStringLiteral("console/copyColumns")).toByteArray();
    if (restoreColumns(m_copyTable->horizontalHeader(), CopyStatusModel::fieldNames(), columns))
        m_copyTable->horizontalHeader()->setSectionHidden(CopyStatusModel::NameColumn, false);
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
    // The Replication Dashboard between the event viewer and the chart (split before the shell is tabbed
    // with the event viewer, so the shell shares its tab with the event viewer only): every copy at a
    // glance, and a click on one charts it.
    m_dashboard = new ReplicationDashboard;
    QDockWidget *dashboardDock =
        dock(tr("Replication Dashboard"), QStringLiteral("dashboardDock"), m_dashboard);
    splitDockWidget(eventsDock, dashboardDock, Qt::Horizontal);
    connect(m_dashboard, &ReplicationDashboard::copySelected, this, [this](const CopyKey &key) {
        const QModelIndex index = m_organization->indexOfKey(key.toString());
        if (!index.isValid())
            return;
        m_tree->expand(index.parent());
        m_tree->setCurrentIndex(index);
        m_tree->scrollTo(index);
    });
    QDockWidget *shellDock = dock(tr("Shell"), QStringLiteral("shellDock"), m_shell);
    tabifyDockWidget(eventsDock, shellDock);
    eventsDock->raise();
    m_chart->setMinimumHeight(220);
    resizeDocks({actionsDock}, {260}, Qt::Horizontal);
    resizeDocks({eventsDock, dashboardDock, chartDock}, {440, 440, 400}, Qt::Horizontal);
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
    resetColumns();
}

void ConsoleWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(QStringLiteral("console/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("console/state"), saveState(kStateVersion));
    settings.setValue(QStringLiteral("console/split"), m_split->saveState());
    settings.setValue(QStringLiteral("console/copyColumns"),
                      saveColumns(m_copyTable->horizontalHeader(), CopyStatusModel::fieldNames()));
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
    buildFileMenu();
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
    view->addMenu(m_columnsMenu);
    QAction *reset = view->addAction(tr("&Reset Layout"), this, &ConsoleWindow::resetLayout);
    reset->setObjectName(QStringLiteral("resetLayoutAction"));
    view->addSeparator();
    // F5: the lab read again now (MMC's and EMC's Refresh), whether the simulation runs or not.
    QAction *refreshAction = view->addAction(tr("Re&fresh"), this, &ConsoleWindow::refresh);
    refreshAction->setObjectName(QStringLiteral("refreshAction"));
    refreshAction->setShortcut(Qt::Key_F5); // not QKeySequence::Refresh: that is Ctrl+R too on X11 desktops
    refreshAction->setShortcutContext(Qt::WindowShortcut);
    QMenu *simulation = menuBar()->addMenu(tr("&Simulation"));
    m_runAction = simulation->addAction(QString());
    m_runAction->setObjectName(QStringLiteral("runAction"));
    m_runAction->setCheckable(true);
    // F5 is Refresh, as in MMC and EMC; running and pausing has Ctrl+R.
    m_runAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    showRunning(false);
    connect(m_runAction, &QAction::toggled, this, [this](bool running) {
        showRunning(running);
        Q_EMIT runningRequested(running);
    });
    QMenu *tools = menuBar()->addMenu(tr("&Tools"));
    tools->setObjectName(QStringLiteral("toolsMenu"));
    QAction *settings = tools->addAction(tr("&Settings..."), this, &ConsoleWindow::openSettings);
    settings->setObjectName(QStringLiteral("settingsAction"));
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->setObjectName(QStringLiteral("helpMenu"));
    help->addAction(tr("&Contents"), this, [this] { showHelp(QString()); })
        ->setObjectName(QStringLiteral("helpContentsAction"));
    QAction *paneHelp =
        help->addAction(tr("Help on the &Selected Pane"), this, [this] { showHelp(helpSectionForFocus()); });
    paneHelp->setObjectName(QStringLiteral("paneHelpAction"));
    paneHelp->setShortcut(QKeySequence::HelpContents);   // F1
    QAction *whatsThis = QWhatsThis::createAction(this); // Shift+F1, then click a setting
    whatsThis->setObjectName(QStringLiteral("whatsThisAction"));
    help->addAction(whatsThis);
    help->addSeparator();
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
    connect(m_speed, &QComboBox::currentIndexChanged, this, [this](int i) {
        // Remembered: the next console (and the next lab) runs at the speed chosen last.
        QSettings().setValue(QStringLiteral("console/speed"), m_speed->itemData(i).toDouble());
        Q_EMIT speedRequested(m_speed->itemData(i).toDouble());
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

// File: a new demo lab, another lab, the labs opened before, Quit. LabSession opens them.
void ConsoleWindow::buildFileMenu()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->setObjectName(QStringLiteral("fileMenu"));
    file->addAction(tr("&New Demo Lab..."), QKeySequence::New, this, &ConsoleWindow::chooseNewDemoLab)
        ->setObjectName(QStringLiteral("newDemoLabAction"));
    file->addAction(tr("&Open Lab..."), QKeySequence::Open, this, &ConsoleWindow::chooseLabToOpen)
        ->setObjectName(QStringLiteral("openLabAction"));
    m_recentMenu = file->addMenu(tr("&Recent Labs"));
    m_recentMenu->setObjectName(QStringLiteral("recentLabsMenu"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &ConsoleWindow::rebuildRecentMenu);
    rebuildRecentMenu();
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);
}

void ConsoleWindow::rebuildRecentMenu()
{
    m_recentMenu->clear();
    int n = 0;
    for (const QString &lab : LabSession::recentLabs()) {
        // A lab that has gone since stays listed, greyed, so that the list does not shift under the mouse.
        QAction *a = m_recentMenu->addAction(QStringLiteral("&%1 %2").arg(++n).arg(lab), this,
                                             [this, lab] { requestOpenLab(lab); });
        a->setObjectName(QStringLiteral("recentLab%1").arg(n));
        a->setEnabled(QFileInfo::exists(lab + QStringLiteral("/org.sqlite")) && lab != m_snapshot.labDir);
    }
    if (n == 0)
        m_recentMenu->addAction(tr("No labs opened yet"))->setEnabled(false);
}

void ConsoleWindow::chooseLabToOpen()
{
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Open Lab"), QDir::homePath());
    if (!dir.isEmpty())
        requestOpenLab(dir);
}

void ConsoleWindow::chooseNewDemoLab()
{
    // A folder that does not exist yet (or an empty one): the demo lab is made in it.
    QString suggestion = QDir::homePath() + QStringLiteral("/scr-lab");
    for (int n = 2; QFileInfo::exists(suggestion); ++n)
        suggestion = QDir::homePath() + QStringLiteral("/scr-lab-%1").arg(n);
    QFileDialog dialog(this, tr("New Demo Lab: a new or empty folder"), suggestion);
    dialog.setObjectName(QStringLiteral("newDemoLabDialog"));
    dialog.setFileMode(QFileDialog::AnyFile);
    dialog.setAcceptMode(QFileDialog::AcceptSave);
    dialog.setOption(QFileDialog::DontConfirmOverwrite); // DemoLab refuses a folder that is not empty
    dialog.setLabelText(QFileDialog::Accept, tr("Create"));
    dialog.selectFile(suggestion);
    if (dialog.exec() == QDialog::Accepted && !dialog.selectedFiles().isEmpty())
        requestNewDemoLab(dialog.selectedFiles().constFirst());
}

// Del removes the selection, as EMC's Remove: always after a question whose default is No.
void ConsoleWindow::buildKeys()
{
    auto *remove = new QAction(tr("Remove"), this);
    remove->setObjectName(QStringLiteral("removeAction"));
    remove->setShortcut(QKeySequence::Delete);
    remove->setShortcutContext(Qt::WindowShortcut);
    connect(remove, &QAction::triggered, this, &ConsoleWindow::removeSelection);
    addAction(remove);
    // Tab from the tree to the result pane's filter and table, then the docks. Tab leaves a table (Qt's
    // tables move between cells on Tab by default, which traps the keyboard in the result pane); the arrows
    // move between rows.
    setTabOrder(m_tree, m_copyFilter);
    setTabOrder(m_copyFilter, m_copyTable);
    for (QAbstractItemView *v : findChildren<QAbstractItemView *>())
        v->setTabKeyNavigation(false);
    // F6 and Shift+F6: the next (previous) pane, tree > result pane > action pane, as in MMC.
    auto *nextPane = new QAction(tr("Next Pane"), this);
    nextPane->setObjectName(QStringLiteral("nextPaneAction"));
    nextPane->setShortcut(Qt::Key_F6);
    nextPane->setShortcutContext(Qt::WindowShortcut);
    connect(nextPane, &QAction::triggered, this, [this] { focusPane(+1); });
    addAction(nextPane);
    auto *previousPane = new QAction(tr("Previous Pane"), this);
    previousPane->setObjectName(QStringLiteral("previousPaneAction"));
    previousPane->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F6));
    previousPane->setShortcutContext(Qt::WindowShortcut);
    connect(previousPane, &QAction::triggered, this, [this] { focusPane(-1); });
    addAction(previousPane);
    // Where the keyboard is must show: views draw a frame in the highlight colour while they have focus (the
    // default styles draw it faintly or not at all when no cell is current), and a table that gets focus
    // without a current row takes the first.
    for (QAbstractItemView *v :
         {static_cast<QAbstractItemView *>(m_tree), static_cast<QAbstractItemView *>(m_copyTable),
          static_cast<QAbstractItemView *>(m_mailboxTable),
          static_cast<QAbstractItemView *>(m_databaseTable)}) {
        v->setStyleSheet(QStringLiteral("%1:focus { border: 2px solid palette(highlight); }")
                             .arg(QString::fromLatin1(v->metaObject()->className())));
        v->installEventFilter(this);
    }
}

// The panes F6 visits, in order: the tree, the result pane's page on show (its table), the action pane.
std::vector<QWidget *> ConsoleWindow::panes() const
{
    QWidget *result = m_resultStack->currentWidget();
    if (auto *table = result->findChild<QTableView *>())
        result = table;
    return {m_tree, result, m_actionPane};
}

void ConsoleWindow::focusPane(int step)
{
    const std::vector<QWidget *> all = panes();
    int at = -1;
    for (const QWidget *w = QApplication::focusWidget(); w && at < 0; w = w->parentWidget()) {
        for (std::size_t i = 0; i < all.size(); ++i)
            if (w == all[i] || (i == 1 && w == m_resultStack))
                at = int(i);
    }
    const int n = int(all.size());
    const int next = at < 0 ? 0 : ((at + step) % n + n) % n;
    QWidget *pane = all[std::size_t(next)];
    if (pane == m_actionPane) {
        // Its first button (an action), else the pane itself, so that the focus still shows where it is.
        if (auto *button = m_actionPane->findChild<QPushButton *>()) {
            // A button the pane has just made is shown by its layout on the next turn of the event loop:
            // show it now, or it cannot take the focus.
            if (!button->isVisible() && m_actionPane->isVisible())
                button->show();
            button->setFocus(Qt::ShortcutFocusReason);
            return;
        }
        m_actionPane->setFocusPolicy(Qt::ClickFocus);
    }
    pane->setFocus(Qt::ShortcutFocusReason);
}

// Shift+F10 and the Menu key: the context menu of the focused tree item or result-pane row, where the item
// is (as a right-click on it).
bool ConsoleWindow::openContextMenuFromKeyboard(QAbstractItemView *view)
{
    const QModelIndex current = view->currentIndex();
    if (!current.isValid())
        return false;
    view->scrollTo(current);
    const QPoint at = view->visualRect(current).center();
    if (view == m_tree)
        showContextMenu(at);
    else if (view == m_copyTable)
        showRowContextMenu(at);
    else
        return false;
    return true;
}

bool ConsoleWindow::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        const bool menuKey = key->key() == Qt::Key_Menu ||
                             (key->key() == Qt::Key_F10 && key->modifiers() == Qt::ShiftModifier);
        if (auto *v = qobject_cast<QAbstractItemView *>(watched); v && menuKey) {
            openContextMenuFromKeyboard(v);
            return true;
        }
    }
    // The Menu key's release is taken too: a platform that turns an unaccepted release into a context-menu
    // event would open the menu a second time.
    if (event->type() == QEvent::KeyRelease && static_cast<QKeyEvent *>(event)->key() == Qt::Key_Menu &&
        qobject_cast<QAbstractItemView *>(watched))
        return true;
    if (event->type() == QEvent::ContextMenu &&
        static_cast<QContextMenuEvent *>(event)->reason() == QContextMenuEvent::Keyboard)
        if (auto *v = qobject_cast<QAbstractItemView *>(watched)) {
            openContextMenuFromKeyboard(v);
            return true;
        }
    if (event->type() == QEvent::FocusIn)
        if (auto *v = qobject_cast<QAbstractItemView *>(watched);
            v && !v->currentIndex().isValid() && v->model() && v->model()->rowCount() > 0)
            v->setCurrentIndex(v->model()->index(0, 0));
    return QMainWindow::eventFilter(watched, event);
}

void ConsoleWindow::removeSelection()
{
    // The result pane's row if it has focus, else the tree's item.
    ConsoleSelection selection = ConsoleSelection::fromIndex(m_tree->currentIndex());
    if (m_copyTable->hasFocus() && m_copyTable->currentIndex().isValid()) {
        const QModelIndex row = m_copyTable->currentIndex();
        selection = {OrganizationModel::Copy, row.data(CopyStatusModel::IdentityRole).toString(),
                     row.data(CopyStatusModel::StandbyRole).toString()};
    }
    const std::optional<ConsoleAction> removal = ConsoleActions::removal(m_snapshot, selection);
    if (!removal) {
        statusBar()->showMessage(tr("Nothing to remove: select an SCR copy, a database or a storage group."),
                                 5000);
        return;
    }
    trigger(*removal); // asks first (its question, default No)
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

void ConsoleWindow::showHelp(const QString &section)
{
    auto *help = findChild<HelpBrowser *>();
    if (!help) {
        help = new HelpBrowser(this);
        help->setAttribute(Qt::WA_DeleteOnClose);
    }
    if (!section.isEmpty())
        help->showSection(section);
    help->show();
    help->raise();
}

void ConsoleWindow::attach(LabWorker *worker)
{
    // The last lab's connections go with their context object, and with it any of its answers still queued
    // for this window (a QObject's posted events die with it): nothing of the old lab is drawn afterwards.
    delete m_attachment;
    m_attachment = new QObject(this);
    m_worker = worker;
    forgetLab();
    QObject *ctx = m_attachment;
    connect(this, &ConsoleWindow::scriptRequested, worker, &LabWorker::runScript, Qt::QueuedConnection);
    connect(this, &ConsoleWindow::runningRequested, worker, &LabWorker::setRunning, Qt::QueuedConnection);
    connect(this, &ConsoleWindow::speedRequested, worker, &LabWorker::setSpeed, Qt::QueuedConnection);
    connect(worker, &LabWorker::opened, ctx, [this](bool ok, const QString &e) { showOpened(ok, e); });
    connect(worker, &LabWorker::snapshotReady, ctx, [this](const LabSnapshot &s) { showSnapshot(s); });
    connect(worker, &LabWorker::eventsLoaded, ctx,
            [this](const std::vector<EventRecord> &e) { showEvents(e); });
    connect(worker, &LabWorker::historyLoaded, ctx,
            [this](const std::vector<StatusSample> &h) { showHistory(h); });
    connect(worker, &LabWorker::eventRecorded, ctx, [this](const EventRecord &e) { addEvent(e); });
    connect(worker, &LabWorker::scriptFinished, ctx,
            [this](qint64 id, const QString &text, bool ok, const QString &error) {
                showScriptResult(id, text, ok, error);
            });
    connect(worker, &LabWorker::speedMeasured, ctx,
            [this](double requested, double achieved) { showMeasuredSpeed(requested, achieved); });
    const double speed = m_speed->currentData().toDouble();
    const bool running = m_runAction->isChecked();
    QMetaObject::invokeMethod(
        worker,
        [worker, speed, running] {
            worker->open();
            worker->setSpeed(speed);
            if (running) // another lab opened while the simulation ran: the new one runs too
                worker->setRunning(true);
        },
        Qt::QueuedConnection);
}

// What the window showed of the last lab: gone before another lab's first snapshot.
void ConsoleWindow::forgetLab()
{
    m_snapshot = LabSnapshot{};
    m_history = QueueHistory{};
    m_organization->setSnapshot(m_snapshot);
    m_copyStatus->setSnapshot(m_snapshot);
    m_mailboxes->setSnapshot(m_snapshot);
    m_databaseList->setSnapshot(m_snapshot);
    m_events->setEvents({});
    m_chart->showCopy(0, QString());
    m_shell->clear(); // the last lab's commands and output are not this one's
    m_actionRequests.clear();
    m_expandedKeys.clear();
    m_selectedKey.clear();
    m_expandedOnce = false;
    rebuildActionPane();
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
    // The history first: a copy the tree selects below is one the chart can draw, and one that is gone
    // is forgotten before anything charts it.
    m_history.add(snapshot);
    setWindowTitle(tr("SCR Console - %1").arg(snapshot.labDir));
    m_organization->setSnapshot(snapshot);
    m_copyStatus->setSnapshot(snapshot);
    m_mailboxes->setSnapshot(snapshot);
    m_databaseList->setSnapshot(snapshot);
    judgeCopies();
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
    m_clock->setText(displayTime(snapshot.nowMs));
    {
        const QSignalBlocker block(m_runAction);
        m_runAction->setChecked(snapshot.running);
    }
    showRunning(snapshot.running);
    for (PropertySheet *sheet : findChildren<PropertySheet *>(QString(), Qt::FindDirectChildrenOnly))
        sheet->update(snapshot); // open property sheets are live
    Q_EMIT snapshotShown();
}

void ConsoleWindow::showEvents(const std::vector<EventRecord> &events)
{
    m_events->setEvents(events);
    m_alertTracker = AlertTracker(); // a lab (re)opened: its alerts are announced in its event log
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

void ConsoleWindow::refresh()
{
    if (!m_worker || !m_attachment)
        return;
    statusBar()->showMessage(tr("Refreshing..."), 2000);
    LabWorker *worker = m_worker;
    // The worker reads the lab (directory and files) again and sends the snapshot as after a tick.
    QMetaObject::invokeMethod(
        worker, [worker] { Q_EMIT worker->snapshotReady(worker->snapshot()); }, Qt::QueuedConnection);
}

void ConsoleWindow::showRunning(bool running)
{
    // The action says what it will do: Pause while the simulation runs, Run while it is paused.
    m_runAction->setText(running ? tr("&Pause the simulation") : tr("&Run the simulation"));
    m_runAction->setToolTip(running ? tr("The simulation runs: pause it (Ctrl+R)")
                                    : tr("The simulation is paused: run it (Ctrl+R)"));
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
        m_actionLayout->addWidget(
            new QLabel(i.data(OrganizationModel::QualifiedNameRole).toString(), m_actionPane));
    int n = 0;
    for (const ConsoleAction &action : currentActions()) {
        auto *button = new QPushButton(action.text, m_actionPane);
        button->setObjectName(QStringLiteral("action%1").arg(n++));
        button->setFlat(true);
        button->setStyleSheet(QStringLiteral("text-align: left; padding: 4px;"));
        connect(button, &QPushButton::clicked, this, [this, action] { trigger(action); });
        m_actionLayout->addWidget(button);
    }
    fitActionPane();
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

// The action pane is wide enough for its longest entry, up to a third of the window: an action's name is
// never clipped at the window widths the console is used at (1600 px and more). Only ever widened.
void ConsoleWindow::fitActionPane()
{
    auto *dock = findChild<QDockWidget *>(QStringLiteral("actionDock"));
    if (!dock || !dock->isVisible() || dock->isFloating())
        return;
    int widest = 0;
    for (const QPushButton *button : m_actionPane->findChildren<QPushButton *>())
        widest = std::max(widest, button->sizeHint().width());
    const QMargins margins = m_actionLayout->contentsMargins();
    const int needed = widest + margins.left() + margins.right() + (dock->width() - m_actionPane->width());
    const int most = width() / 3;
    if (widest > 0 && dock->width() < needed)
        resizeDocks({dock}, {std::min(needed, most)}, Qt::Horizontal);
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
    fitActionPane();
}

void ConsoleWindow::selectionChanged()
{
    rebuildActionPane();
    showResultFor(m_tree->currentIndex());
    chartSelection();
}

// The chart follows the tree: a copy charts that copy, a storage group its copies; another item leaves the
// chart as it is.
void ConsoleWindow::chartSelection()
{
    const QModelIndex i = m_tree->currentIndex();
    const int kind = i.data(OrganizationModel::KindRole).toInt();
    if (!i.isValid() || (kind != OrganizationModel::Copy && kind != OrganizationModel::StorageGroup))
        return;
    const QString identity = i.data(OrganizationModel::IdentityRole).toString();
    std::vector<QueueChart::ChartedCopy> copies;
    for (const StorageGroupSnapshot &sg : m_snapshot.storageGroups) {
        if (sg.record.identity().compare(identity, Qt::CaseInsensitive) != 0)
            continue;
        for (const CopySnapshot &c : sg.copies) {
            const CopyKey key{sg.record.identity(), c.record.standbyMachine};
            if (kind == OrganizationModel::StorageGroup ||
                key.matches(identity, i.data(OrganizationModel::StandbyRole).toString()))
                copies.push_back({c.record.id, key.displayName()});
        }
    }
    if (kind == OrganizationModel::StorageGroup && copies.empty())
        return; // a storage group without copies: nothing to chart instead
    m_chart->showCopies(copies);
    if (kind == OrganizationModel::Copy)
        m_dashboard->setCurrentCopy(CopyKey{identity, i.data(OrganizationModel::StandbyRole).toString()});
}

void ConsoleWindow::judgeCopies()
{
    const std::vector<CopyHealth> health = ReplicationHealth::evaluate(m_snapshot, m_thresholds);
    const std::vector<AlertTransition> transitions = m_alertTracker.update(health);
    m_organization->setAlerts(m_alertTracker.alerts());
    m_copyStatus->setAlerts(m_alertTracker.alerts());
    m_dashboard->setHealth(health);
    // Once per crossing: the tracker reports a copy when it enters (or leaves) a rule's alert.
    const auto log = logging::get("ui");
    for (const AlertTransition &t : transitions) {
        const EventRecord event = t.event(m_snapshot.nowMs);
        m_events->append(event);
        if (t.entered)
            log->warn("event {}: {}", event.eventId, event.text.toStdString());
        else
            log->info("event {}: {}", event.eventId, event.text.toStdString());
    }
}

void ConsoleWindow::setThresholds(const HealthThresholds &thresholds)
{
    m_thresholds = thresholds;
    m_thresholds.save();
    m_chart->setThreshold(m_thresholds.copyQueueLogs);
    judgeCopies();
}

void ConsoleWindow::openSettings()
{
    SettingsDialog dialog(m_thresholds, this);
    if (dialog.exec() == QDialog::Accepted)
        setThresholds(dialog.thresholds());
}

void ConsoleWindow::trigger(const ConsoleAction &action)
{
    QString script = action.script;
    switch (action.kind) {
    case ConsoleAction::Command:
        break;
    case ConsoleAction::OpenEnableWizard:
        openWizard(new EnableCopyWizard(m_snapshot, {action.target}, QString(), wizardServices(), this));
        return;
    case ConsoleAction::OpenPrepareWizard:
        openWizard(new PrepareTargetWizard(m_snapshot, action.target, wizardServices(), this));
        return;
    case ConsoleAction::OpenPortabilityWizard:
        openWizard(new PortabilityWizard(m_snapshot, action.target, wizardServices(), this));
        return;
    case ConsoleAction::OpenRecoverServerWizard:
        openWizard(new RecoverServerWizard(m_snapshot, action.target, wizardServices(), this));
        return;
    case ConsoleAction::OpenDatabaseProperties:
    case ConsoleAction::OpenCopyProperties:
    case ConsoleAction::OpenStorageGroupProperties:
        openProperties(action); // the sheet runs its own commands
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

WizardServices ConsoleWindow::wizardServices()
{
    WizardServices services;
    services.run = [this](const QString &command) { return runCommand(command, true); };
    services.onLab = [this](QObject *context, std::function<void(const Lab &)> work,
                            std::function<void()> done) {
        if (!m_worker || !m_attachment)
            return;
        // The answer is dropped when the lab's attachment is gone (another lab, or the window closed) or the
        // asker (a wizard) has closed meanwhile. Both are checked on the GUI thread, through the application
        // object, which outlives the lab's thread: posting to the attachment itself, which the GUI thread may
        // have deleted by the time the work is done, crashed the worker (a wizard opened and closed at once,
        // then the window closed).
        QPointer<QObject> asker(context);
        QPointer<QObject> back(m_attachment);
        LabWorker *worker = m_worker;
        QMetaObject::invokeMethod(
            worker,
            [worker, back, asker, work = std::move(work), done = std::move(done)] {
                worker->withLab(work);
                QMetaObject::invokeMethod(
                    qApp,
                    [back, asker, done] {
                        if (back && asker)
                            done();
                    },
                    Qt::QueuedConnection);
            },
            Qt::QueuedConnection);
    };
    return services;
}

void ConsoleWindow::openWizard(ScrWizard *wizard)
{
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    connect(this, &ConsoleWindow::scriptFinished, wizard, &ScrWizard::scriptFinished);
    // After an activation, "protect again": the Enable wizard for what was activated, this one closed.
    connect(wizard, &ScrWizard::enableCopiesRequested, this,
            [this, wizard](const QStringList &storageGroups, const QString &standby) {
                wizard->accept();
                openWizard(new EnableCopyWizard(m_snapshot, storageGroups, standby, wizardServices(), this));
            });
    connect(wizard, &QWizard::helpRequested, this, [this, wizard] { showHelp(wizard->helpSection()); });
    wizard->open();
}

void ConsoleWindow::buildPropertiesAction()
{
    // EMC's Alt+Enter: the Properties of what is selected, in the tree or the result pane (a row selects its
    // copy in the tree).
    auto *properties = new QAction(tr("P&roperties"), this);
    properties->setObjectName(QStringLiteral("propertiesAction"));
    properties->setShortcuts({QKeySequence(Qt::ALT | Qt::Key_Return), QKeySequence(Qt::ALT | Qt::Key_Enter)});
    properties->setShortcutContext(Qt::WindowShortcut);
    connect(properties, &QAction::triggered, this, [this] {
        for (const ConsoleAction &action : currentActions())
            if (action.isProperties()) {
                trigger(action);
                return;
            }
    });
    addAction(properties);
}

void ConsoleWindow::openProperties(const ConsoleAction &action)
{
    QString key;
    std::optional<CopyKey> copy;
    switch (action.kind) {
    case ConsoleAction::OpenCopyProperties:
        copy = CopyKey::parse(action.target);
        if (!copy)
            return;
        key = copy->toString();
        break;
    case ConsoleAction::OpenStorageGroupProperties:
        key = QStringLiteral("sg:") + action.target.toUpper();
        break;
    case ConsoleAction::OpenDatabaseProperties:
        key = QStringLiteral("db:") + action.target.toUpper();
        break;
    default:
        return;
    }
    // One sheet per object, as EMC: asked again, the open one comes to the front.
    for (PropertySheet *open : findChildren<PropertySheet *>(QString(), Qt::FindDirectChildrenOnly))
        if (open->key() == key) {
            open->raise();
            open->activateWindow();
            return;
        }
    // What the sheet applies runs as the action pane's commands do: in the shell pane, a failure in a box.
    PropertySheet::Run run = [this, text = action.text](const QString &command) {
        m_actionRequests[runCommand(command)] = text;
    };
    PropertySheet *sheet = nullptr;
    if (copy)
        sheet = new CopyProperties(*copy, std::move(run), this);
    else if (action.kind == ConsoleAction::OpenStorageGroupProperties)
        sheet = new StorageGroupProperties(action.target, std::move(run), this);
    else
        sheet = new DatabaseProperties(action.target, std::move(run), this);
    sheet->setAttribute(Qt::WA_DeleteOnClose);
    sheet->update(m_snapshot);
    sheet->show();
}

} // namespace scr
