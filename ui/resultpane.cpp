#include "resultpane.h"

#include "columnstate.h"
#include "alertdelegate.h"
#include "lab/labsnapshot.h"
#include "models/copystatusmodel.h"
#include "models/databaselistmodel.h"
#include "models/mailboxmodel.h"
#include "models/replicationhealth.h"
#include "objecticons.h"

#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace scr {
namespace {

// A result-pane table's common settings: whole rows, no editing, no row numbers, no wrapping.
void setUpTable(QTableView *table, QAbstractItemModel *model, const char *name)
{
    table->setObjectName(QLatin1String(name));
    table->setModel(model);
    table->setSortingEnabled(true);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->verticalHeader()->hide();
    table->setWordWrap(false);
}

QWidget *page(const char *name, const QString &title, const std::vector<QWidget *> &widgets)
{
    auto *w = new QWidget;
    w->setObjectName(QLatin1String(name));
    auto *layout = new QVBoxLayout(w);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(new QLabel(title));
    for (QWidget *child : widgets)
        layout->addWidget(child, qobject_cast<QTableView *>(child) ? 1 : 0);
    return w;
}

} // namespace

ResultPane::ResultPane(QWidget *parent)
    : QStackedWidget(parent), m_copyStatus(new CopyStatusModel(this)),
      m_copyProxy(new QSortFilterProxyModel(this)), m_copyTable(new QTableView), m_copyFilter(new QLineEdit)
{
    setObjectName(QStringLiteral("resultStack"));
    addWidget(m_copyPage = buildCopyPage());
    addWidget(m_recipientPage = buildRecipientPage());
    addWidget(m_databasePage = buildDatabasePage());
    setCurrentWidget(m_copyPage);
}

// Every SCR copy, sortable by numbers, filtered as you type; a row selects its copy in the tree.
QWidget *ResultPane::buildCopyPage()
{
    m_copyProxy->setSourceModel(m_copyStatus);
    m_copyProxy->setSortRole(CopyStatusModel::RawValueRole);
    m_copyProxy->setFilterKeyColumn(-1);
    m_copyProxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    setUpTable(m_copyTable, m_copyProxy, "copyStatusTable");
    m_copyTable->setAccessibleName(tr("Result pane"));
    m_copyTable->setItemDelegateForColumn(CopyStatusModel::NameColumn, new AlertDelegate(m_copyTable));
    m_copyTable->setItemDelegate(new AlertDelegate(m_copyTable)); // a row in alert, in every column
    m_copyTable->sortByColumn(CopyStatusModel::NameColumn, Qt::AscendingOrder);
    m_copyTable->setSelectionMode(QAbstractItemView::SingleSelection);
    buildColumnChooser();
    m_copyFilter->setObjectName(QStringLiteral("copyFilter"));
    m_copyFilter->setAccessibleName(tr("Filter the result pane"));
    m_copyFilter->setPlaceholderText(tr("Filter the SCR copies"));
    m_copyFilter->setClearButtonEnabled(true);
    connect(m_copyFilter, &QLineEdit::textChanged, m_copyProxy, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_copyTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (current.isValid())
                    Q_EMIT copyChosen(CopyKey{current.data(CopyStatusModel::IdentityRole).toString(),
                                              current.data(CopyStatusModel::StandbyRole).toString()});
            });
    m_copyTable->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_copyTable, &QWidget::customContextMenuRequested, this, &ResultPane::openRowMenu);
    return page("copyPane", tr("<b>Standby Continuous Replication</b>"), {m_copyFilter, m_copyTable});
}

// The copy table's columns: the administrator's choice of Get-StorageGroupCopyStatus's fields (right-click
// on the header, or View > Result Pane Columns), moved and sized by hand, all remembered; a new console shows
// the fields that answer "is this copy well?" and fits them in the pane.
void ResultPane::buildColumnChooser()
{
    QHeaderView *header = m_copyTable->horizontalHeader();
    header->setObjectName(QStringLiteral("copyStatusHeader"));
    header->setSectionsMovable(true);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setStretchLastSection(true);
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    m_columnsMenu = new QMenu(tr("Result Pane &Columns"), this);
    m_columnsMenu->setObjectName(QStringLiteral("columnsMenu"));
    connect(m_columnsMenu, &QMenu::aboutToShow, this, &ResultPane::fillColumnsMenu);
    connect(header, &QWidget::customContextMenuRequested, this, [this](const QPoint &position) {
        m_columnsMenu->exec(m_copyTable->horizontalHeader()->viewport()->mapToGlobal(position));
    });
    resetColumns();
}

void ResultPane::fillColumnsMenu()
{
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
    m_columnsMenu->addAction(tr("&Reset Columns"), this, &ResultPane::resetColumns)
        ->setObjectName(QStringLiteral("resetColumnsAction"));
}

void ResultPane::resetColumns()
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

void ResultPane::saveColumns(QSettings &settings) const
{
    settings.setValue(QStringLiteral("console/copyColumns"),
                      scr::saveColumns(m_copyTable->horizontalHeader(), CopyStatusModel::fieldNames()));
}

void ResultPane::restoreColumns(const QSettings &settings)
{
    const QByteArray columns = settings.value(QStringLiteral("console/copyColumns")).toByteArray();
    if (scr::restoreColumns(m_copyTable->horizontalHeader(), CopyStatusModel::fieldNames(), columns))
        m_copyTable->horizontalHeader()->setSectionHidden(CopyStatusModel::NameColumn, false);
}

// Recipient Configuration > Mailbox: every mailbox with its database and server, filtered as you type,
// sorted by raw values, several selected at once.
QWidget *ResultPane::buildRecipientPage()
{
    m_mailboxes = new MailboxModel(this);
    m_mailboxProxy = new QSortFilterProxyModel(this);
    m_mailboxProxy->setSourceModel(m_mailboxes);
    m_mailboxProxy->setSortRole(MailboxModel::RawValueRole);
    m_mailboxProxy->setFilterKeyColumn(-1);
    m_mailboxProxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_mailboxTable = new QTableView;
    setUpTable(m_mailboxTable, m_mailboxProxy, "mailboxTable");
    m_mailboxTable->setItemDelegateForColumn(MailboxModel::DisplayNameColumn,
                                             new ObjectIconDelegate(m_mailboxTable));
    m_mailboxTable->sortByColumn(MailboxModel::DisplayNameColumn, Qt::AscendingOrder);
    m_mailboxTable->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_mailboxTable->horizontalHeader()->setStretchLastSection(true);
    auto *filter = new QLineEdit;
    filter->setObjectName(QStringLiteral("mailboxFilter"));
    filter->setPlaceholderText(tr("Filter the mailboxes (name, alias, database, server)"));
    filter->setClearButtonEnabled(true);
    m_mailboxCount = new QLabel;
    m_mailboxCount->setObjectName(QStringLiteral("mailboxCount"));
    connect(filter, &QLineEdit::textChanged, m_mailboxProxy, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_mailboxProxy, &QAbstractItemModel::rowsInserted, this, &ResultPane::showSelectedMailboxCount);
    connect(m_mailboxProxy, &QAbstractItemModel::rowsRemoved, this, &ResultPane::showSelectedMailboxCount);
    connect(m_mailboxProxy, &QAbstractItemModel::modelReset, this, &ResultPane::showSelectedMailboxCount);
    connect(m_mailboxProxy, &QAbstractItemModel::layoutChanged, this, &ResultPane::showSelectedMailboxCount);
    connect(m_mailboxTable->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ResultPane::showSelectedMailboxCount);
    QWidget *recipients = page("recipientPane", tr("<b>Recipient Configuration \u203A Mailbox</b>"),
                               {filter, m_mailboxTable, m_mailboxCount});
    showSelectedMailboxCount();
    return recipients;
}

void ResultPane::showSelectedMailboxCount()
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
QWidget *ResultPane::buildDatabasePage()
{
    m_databaseList = new DatabaseListModel(this);
    auto *proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(m_databaseList);
    proxy->setSortRole(DatabaseListModel::RawValueRole);
    m_databaseTable = new QTableView;
    setUpTable(m_databaseTable, proxy, "databaseTable");
    m_databaseTable->setItemDelegateForColumn(DatabaseListModel::NameColumn,
                                              new ObjectIconDelegate(m_databaseTable));
    m_databaseTable->sortByColumn(DatabaseListModel::NameColumn, Qt::AscendingOrder);
    m_databaseTable->setSelectionMode(QAbstractItemView::SingleSelection);
    m_databaseTable->horizontalHeader()->setStretchLastSection(true);
    return page("databasePane", tr("<b>Organization Configuration \u203A Mailbox</b>"), {m_databaseTable});
}

std::vector<QTableView *> ResultPane::tables() const
{
    return {m_copyTable, m_mailboxTable, m_databaseTable};
}

void ResultPane::setSnapshot(const LabSnapshot &snapshot)
{
    m_copyStatus->setSnapshot(snapshot);
    m_mailboxes->setSnapshot(snapshot);
    m_databaseList->setSnapshot(snapshot);
}

void ResultPane::setAlerts(const CopyAlerts &alerts)
{
    m_copyStatus->setAlerts(alerts);
}

void ResultPane::showPageFor(OrganizationModel::Kind kind)
{
    switch (kind) {
    case OrganizationModel::RecipientConfiguration:
    case OrganizationModel::RecipientMailbox:
        setCurrentWidget(m_recipientPage);
        return;
    case OrganizationModel::OrganizationConfiguration:
    case OrganizationModel::OrganizationMailbox:
        setCurrentWidget(m_databasePage);
        return;
    default:
        setCurrentWidget(m_copyPage);
        return;
    }
}

std::optional<ConsoleSelection> ResultPane::focusedCopy() const
{
    if (!m_copyTable->hasFocus() || !m_copyTable->currentIndex().isValid())
        return std::nullopt;
    const QModelIndex row = m_copyTable->currentIndex();
    return ConsoleSelection{OrganizationModel::Copy, row.data(CopyStatusModel::IdentityRole).toString(),
                            row.data(CopyStatusModel::StandbyRole).toString()};
}

void ResultPane::openRowMenu(const QPoint &position)
{
    const QModelIndex index = m_copyTable->indexAt(position);
    if (!index.isValid())
        return;
    m_copyTable->selectRow(index.row()); // and with it the copy in the tree
    const ConsoleSelection copy{OrganizationModel::Copy, index.data(CopyStatusModel::IdentityRole).toString(),
                                index.data(CopyStatusModel::StandbyRole).toString()};
    Q_EMIT rowMenuRequested(copy, m_copyTable->viewport()->mapToGlobal(position));
}

} // namespace scr
