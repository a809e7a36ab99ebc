#pragma once
// CopyStatusModel: the result pane of the SCR copies, one row a copy, a column for each field of
// Get-StorageGroupCopyStatus that its field table puts in the copy table (the view shows some by default; the
// column chooser the rest). Rows stay while the copies stay (ranged dataChanged); RawValueRole gives the sort
// proxy numbers and epoch milliseconds; times display in the locale's format (displaytime.h); the tooltip of
// a row is its FailedMessage (or its SuspendComment, or what it waits for).

#include "cmdlets/copystatusfields.h"
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
        // Each shows one field of the copy status table (cmdlets/copystatusfields.h); kColumns in the .cpp
        // names it. The order is the view's first order.
        NameColumn,
        StandbyColumn,
        SummaryColumn,
        CopyQueueColumn,
        ReplayQueueColumn,
        LastInspectedColumn,
        ReplayLagColumn,
        FailedMessageColumn,
        TruncationLagColumn,
        LastLogGeneratedColumn,
        LastLogCopiedColumn,
        LastLogInspectedColumn,
        LastLogReplayedColumn,
        LatestAvailableLogTimeColumn,
        LastCopiedLogTimeColumn,
        LastReplayedLogTimeColumn,
        LatestFullBackupTimeColumn,
        SuspendCommentColumn,
        ColumnCount
    };
    // The columns a new console shows (the rest are one right-click on the header away): the field table
    // says which (cmdlets/copystatusfields.cpp).
    static bool shownByDefault(int column);
    // The copy status field a column shows, and its name ("StandbyMachine"): the key its saved state uses.
    static const CopyField &columnField(int column);
    static QString fieldName(int column);
    static QStringList fieldNames(); // fieldName of each column, in order
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
