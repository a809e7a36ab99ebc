#pragma once
// DashboardModel: the Replication Dashboard's cells, one row a copy of the organization, in the console
// tree's order: the copy's name qualified ("MBX1\SG1 on MBX3"), its SummaryCopyStatus, its queues and the
// thresholds it crosses (ReplicationHealth). Rows stay while the copies stay (ranged dataChanged); when
// copies come or go the model is reset. The ui layer chooses the colours.

#include "objectstate.h"
#include "replicationhealth.h"

#include <vector>

#include <QAbstractListModel>

namespace scr {

class DashboardModel final : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role {
        KeyRole = Qt::UserRole + 1, // CopyKey::toString(), "copy:MBX1\SG1>MBX3"
        StatusRole,                 // SummaryCopyStatus's name, "Healthy"
        QueuesRole,                 // "CopyQueueLength 3, ReplayQueueLength 50"
        CopyQueueRole,              // qlonglong
        ReplayQueueRole             // qlonglong
    };
    // Also ObjectKindRole, ObjectStateRole, AlertRole and AlertReasonRole (objectstate.h).

    explicit DashboardModel(QObject *parent = nullptr);

    void setHealth(const std::vector<CopyHealth> &health);
    const CopyHealth &health(int row) const { return m_rows.at(static_cast<std::size_t>(row)); }
    // The row of a copy; -1 when it is not there.
    int rowOf(const CopyKey &key) const;
    int alertCount() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    std::vector<CopyHealth> m_rows;
};

} // namespace scr
