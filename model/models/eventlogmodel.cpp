#include "eventlogmodel.h"

#include "displaytime.h"

#include "directory/directory.h"

#include <algorithm>

#include <QDateTime>

namespace scr {
namespace {

int levelRank(const QString &level)
{
    return level == QStringLiteral("Error") ? 2 : level == QStringLiteral("Warning") ? 1 : 0;
}

} // namespace

EventLogModel::EventLogModel(QObject *parent) : QAbstractTableModel(parent) {}

void EventLogModel::reload(Directory &directory)
{
    beginResetModel();
    m_events.clear();
    if (auto events = directory.events(kMaxEvents)) {
        m_events = std::move(*events);
        std::reverse(m_events.begin(), m_events.end()); // the directory returns newest first
    }
    endResetModel();
}

void EventLogModel::setEvents(const std::vector<EventRecord> &events)
{
    beginResetModel();
    const std::size_t keep = std::min<std::size_t>(events.size(), kMaxEvents);
    m_events.assign(events.end() - static_cast<std::ptrdiff_t>(keep), events.end());
    endResetModel();
}

void EventLogModel::append(const EventRecord &event)
{
    if (static_cast<int>(m_events.size()) >= kMaxEvents) {
        beginRemoveRows({}, 0, 0);
        m_events.erase(m_events.begin());
        endRemoveRows();
    }
    const int row = static_cast<int>(m_events.size());
    beginInsertRows({}, row, row);
    m_events.push_back(event);
    endInsertRows();
}

int EventLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_events.size());
}

int EventLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EventLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const EventRecord &e = m_events[static_cast<std::size_t>(index.row())];
    // Sorting compares numbers where the display shows words or formatted times.
    if (role == RawValueRole && index.column() == LevelColumn)
        return levelRank(e.level);
    if (role == RawValueRole && index.column() == TimeColumn)
        return e.timeMs;
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole && role != RawValueRole)
        return {};
    switch (index.column()) {
    case LevelColumn:
        return e.level;
    case TimeColumn:
        return displayTime(e.timeMs);
    case SourceColumn:
        return e.source;
    case EventIdColumn:
        return e.eventId;
    case DescriptionColumn:
        return e.text;
    }
    return {};
}

QVariant EventLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case LevelColumn:
        return tr("Level");
    case TimeColumn:
        return tr("Date and Time");
    case SourceColumn:
        return tr("Source");
    case EventIdColumn:
        return tr("Event ID");
    case DescriptionColumn:
        return tr("Description");
    }
    return {};
}

} // namespace scr
