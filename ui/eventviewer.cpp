#include "eventviewer.h"

#include "models/eventlogmodel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace scr {
namespace {

// Filters on the description and source (the text box) and on a minimum level (the combo box).
class EventFilterProxy final : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    int minimumLevel = 0;
    void setMinimumLevel(int level)
    {
        minimumLevel = level;
        invalidateFilter();
    }

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override
    {
        const QModelIndex level = sourceModel()->index(row, EventLogModel::LevelColumn, parent);
        if (level.data(EventLogModel::RawValueRole).toInt() < minimumLevel)
            return false;
        const QRegularExpression re = filterRegularExpression();
        if (re.pattern().isEmpty())
            return true;
        for (int column :
             {EventLogModel::DescriptionColumn, EventLogModel::SourceColumn, EventLogModel::EventIdColumn})
            if (sourceModel()->index(row, column, parent).data().toString().contains(re))
                return true;
        return false;
    }
};

} // namespace

EventViewer::EventViewer(EventLogModel *model, QWidget *parent)
    : QWidget(parent), m_model(model), m_proxy(new EventFilterProxy(this)), m_filter(new QLineEdit(this)),
      m_level(new QComboBox(this)), m_table(new QTableView(this))
{
    setObjectName(QStringLiteral("eventViewer"));
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(EventLogModel::RawValueRole);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);

    m_filter->setObjectName(QStringLiteral("eventFilter"));
    m_filter->setPlaceholderText(tr("Filter by text or event ID"));
    m_filter->setClearButtonEnabled(true);
    m_level->setObjectName(QStringLiteral("eventLevel"));
    m_level->addItems({tr("All levels"), tr("Warnings and errors"), tr("Errors")});
    m_table->setObjectName(QStringLiteral("eventTable"));
    m_table->setAccessibleName(tr("Events"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(EventLogModel::TimeColumn, Qt::DescendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->horizontalHeader()->resizeSection(EventLogModel::TimeColumn, 150);
    m_table->horizontalHeader()->resizeSection(EventLogModel::SourceColumn, 130);

    auto *bar = new QHBoxLayout;
    auto *label = new QLabel(tr("&Filter:"), this);
    label->setBuddy(m_filter);
    bar->addWidget(label);
    bar->addWidget(m_filter, 1);
    bar->addWidget(m_level);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_table, 1);

    connect(m_filter, &QLineEdit::textChanged, m_proxy, [this](const QString &text) {
        m_proxy->setFilterRegularExpression(
            QRegularExpression(QRegularExpression::escape(text), QRegularExpression::CaseInsensitiveOption));
    });
    connect(m_level, &QComboBox::currentIndexChanged, this, &EventViewer::applyLevelFilter);
}

void EventViewer::applyLevelFilter()
{
    static_cast<EventFilterProxy *>(m_proxy)->setMinimumLevel(m_level->currentIndex());
}

} // namespace scr
