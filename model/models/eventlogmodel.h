#pragma once
// EventLogModel: the Application event log of the lab as a table, as Event Viewer shows it: Level, Date and
// Time, Source, Event ID, Description. Filled from the directory, then appended to as the Lab records events
// (connect Lab::eventRecorded; across threads the connection is queued). RawValueRole gives the sort proxy
// numbers, not display strings.

#include "directory/records.h"

#include <vector>

#include <QAbstractTableModel>

namespace scr {

class Directory;

class EventLogModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { LevelColumn, TimeColumn, SourceColumn, EventIdColumn, DescriptionColumn, ColumnCount };
    enum Role { RawValueRole = Qt::UserRole + 1 };
    static constexpr int kMaxEvents = 10000; // the oldest go first, as a full event log overwrites

    explicit EventLogModel(QObject *parent = nullptr);

    // Replaces the contents with the directory's newest events.
    void reload(Directory &directory);
    // Replaces the contents with events, oldest first (what LabWorker::eventsLoaded sends).
    void setEvents(const std::vector<scr::EventRecord> &events);
    void append(const scr::EventRecord &event);
    const EventRecord &event(int row) const { return m_events.at(static_cast<std::size_t>(row)); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<EventRecord> m_events; // oldest first
};

} // namespace scr
