#include "dashboardmodel.h"

#include <algorithm>

namespace scr {

DashboardModel::DashboardModel(QObject *parent) : QAbstractListModel(parent) {}

void DashboardModel::setHealth(const std::vector<CopyHealth> &health)
{
    const bool sameRows =
        health.size() == m_rows.size() && std::equal(health.begin(), health.end(), m_rows.begin(),
                                                     [](const CopyHealth &a, const CopyHealth &b) {
                                                         return a.copyId == b.copyId && a.key == b.key;
                                                     });
    if (!sameRows) {
        beginResetModel();
        m_rows = health;
        endResetModel();
        return;
    }
    m_rows = health;
    if (!m_rows.empty())
        Q_EMIT dataChanged(index(0), index(rowCount() - 1));
}

int DashboardModel::rowOf(const CopyKey &key) const
{
    for (std::size_t i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].key == key)
            return static_cast<int>(i);
    return -1;
}

int DashboardModel::alertCount() const
{
    return static_cast<int>(
        std::count_if(m_rows.begin(), m_rows.end(), [](const CopyHealth &h) { return h.inAlert(); }));
}

int DashboardModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

QVariant DashboardModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const CopyHealth &h = m_rows[static_cast<std::size_t>(index.row())];
    const QString queues =
        QStringLiteral("CopyQueueLength %1, ReplayQueueLength %2").arg(h.copyQueue).arg(h.replayQueue);
    switch (role) {
    case Qt::DisplayRole:
        return h.key.displayName();
    case Qt::ToolTipRole: {
        QString tip = h.key.displayName() + QStringLiteral(": ") + summaryCopyStatusName(h.summary) +
                      QLatin1Char('\n') + queues;
        if (h.inAlert())
            tip += QStringLiteral("\nThreshold crossed: ") + h.reasons();
        return tip;
    }
    case KeyRole:
        return h.key.toString();
    case StatusRole:
        return summaryCopyStatusName(h.summary);
    case QueuesRole:
        return queues;
    case CopyQueueRole:
        return static_cast<qlonglong>(h.copyQueue);
    case ReplayQueueRole:
        return static_cast<qlonglong>(h.replayQueue);
    case ObjectKindRole:
        return static_cast<int>(ObjectKind::Copy);
    case ObjectStateRole:
        return static_cast<int>(objectStateOf(h.summary));
    case AlertRole:
        return h.inAlert();
    case AlertReasonRole:
        return h.reasons();
    default:
        return {};
    }
}

} // namespace scr
