#pragma once
// CopyStatusModel: the result pane of the SCR copies, one row a copy, with the columns of
// Get-StorageGroupCopyStatus (Name, Standby Machine, SummaryCopyStatus, CopyQueueLength, ReplayQueueLength,
// LastInspectedLogTime, ReplayLagTime). Rows stay while the copies stay (ranged dataChanged); RawValueRole
// gives the sort proxy numbers and epoch milliseconds.

#include "lab/labsnapshot.h"
#include "objectstate.h"
#include "replicationhealth.h"

#include <QAbstractTableModel>

namespace scr {

class CopyStatusModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        NameColumn,
        StandbyColumn,
        SummaryColumn,
        CopyQueueColumn,
        ReplayQueueColumn,
        LastInspectedColumn,
        ReplayLagColumn,
        ColumnCount
    };
    enum Role { RawValueRole = Qt::UserRole + 1, FailedRole, IdentityRole, StandbyRole };
    // Also ObjectKindRole and ObjectStateRole (objectstate.h), for the icons.

    explicit CopyStatusModel(QObject *parent = nullptr);

    void setSnapshot(const LabSnapshot &snapshot);
    // The copies in alert (the Replication Dashboard's thresholds): AlertRole and AlertReasonRole.
    void setAlerts(const CopyAlerts &alerts);
    const CopySnapshot &copy(int row) const { return m_rows.at(static_cast<std::size_t>(row)); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<CopySnapshot> m_rows;
    CopyAlerts m_alerts;
};

} // namespace scr
