#include "copystatusmodel.h"

#include "displaytime.h"
#include "ems/binder.h"
#include "models/copykey.h"

#include <algorithm>

#include <iterator>

namespace scr {
namespace {

// A time column: epoch ms for sorting, the locale's format for display, empty for never.
QVariant time(qint64 ms, bool raw)
{
    return raw ? QVariant(static_cast<qlonglong>(ms)) : QVariant(displayTime(ms));
}

} // namespace

CopyStatusModel::CopyStatusModel(QObject *parent) : QAbstractTableModel(parent) {}

void CopyStatusModel::setSnapshot(const LabSnapshot &snapshot)
{
    std::vector<CopySnapshot> fresh = snapshot.allCopies();
    const bool sameRows =
        fresh.size() == m_rows.size() &&
        std::equal(fresh.begin(), fresh.end(), m_rows.begin(),
                   [](const CopySnapshot &a, const CopySnapshot &b) { return a.record.id == b.record.id; });
    if (!sameRows) {
        beginResetModel();
        m_rows = std::move(fresh);
        endResetModel();
        return;
    }
    m_rows = std::move(fresh);
    if (!m_rows.empty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

void CopyStatusModel::setAlerts(const CopyAlerts &alerts)
{
    const std::vector<QString> changed = CopyAlerts::changed(m_alerts, alerts);
    m_alerts = alerts;
    for (int row = 0; !changed.empty() && row < rowCount(); ++row) {
        const CopySnapshot &c = m_rows[static_cast<std::size_t>(row)];
        const QString key = CopyKey{c.status.identity, c.record.standbyMachine}.toString();
        if (std::find(changed.begin(), changed.end(), key) != changed.end())
            Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1), {AlertRole, AlertReasonRole});
    }
}

int CopyStatusModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int CopyStatusModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CopyStatusModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const CopySnapshot &c = m_rows[static_cast<std::size_t>(index.row())];
    const CopyStatus &s = c.status;
    if (role == AlertRole || role == AlertReasonRole)
        return m_alerts.data(CopyKey{s.identity, c.record.standbyMachine}.toString(), role);
    if (role == FailedRole)
        return s.failed;
    if (role == ObjectKindRole)
        return static_cast<int>(ObjectKind::Copy);
    if (role == ObjectStateRole)
        return static_cast<int>(objectStateOf(s.summary));
    if (role == IdentityRole)
        return s.identity;
    if (role == StandbyRole)
        return c.record.standbyMachine;
    if (role == Qt::ToolTipRole)
        return s.failed ? s.failedMessage : s.suspend ? s.suspendComment : s.note;
    const bool raw = role == RawValueRole;
    if (!raw && role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case NameColumn:
        return s.identity;
    case StandbyColumn:
        return c.record.standbyMachine;
    case SummaryColumn:
        return raw ? QVariant(static_cast<int>(s.summary)) : QVariant(summaryCopyStatusName(s.summary));
    case CopyQueueColumn:
        return static_cast<qlonglong>(s.copyQueueLength());
    case ReplayQueueColumn:
        return static_cast<qlonglong>(s.replayQueueLength());
    case LastInspectedColumn:
        return time(s.lastInspectedLogTime, raw);
    case ReplayLagColumn:
        return raw ? QVariant(static_cast<qlonglong>(c.record.replayLagMs))
                   : QVariant(ems::formatTimeSpan(c.record.replayLagMs));
    case FailedMessageColumn:
        return s.failed ? s.failedMessage : QString();
    case TruncationLagColumn:
        return raw ? QVariant(static_cast<qlonglong>(c.record.truncationLagMs))
                   : QVariant(ems::formatTimeSpan(c.record.truncationLagMs));
    case LastLogGeneratedColumn:
        return static_cast<qlonglong>(s.lastLogGenerated);
    case LastLogCopiedColumn:
        return static_cast<qlonglong>(s.lastLogCopied);
    case LastLogInspectedColumn:
        return static_cast<qlonglong>(s.lastLogInspected);
    case LastLogReplayedColumn:
        return static_cast<qlonglong>(s.lastLogReplayed);
    case LatestAvailableLogTimeColumn:
        return time(s.latestAvailableLogTime, raw);
    case LastCopiedLogTimeColumn:
        return time(s.lastCopiedLogTime, raw);
    case LastReplayedLogTimeColumn:
        return time(s.lastReplayedLogTime, raw);
    case LatestFullBackupTimeColumn:
        return time(s.latestFullBackupTime, raw);
    case SuspendCommentColumn:
        return s.suspend ? s.suspendComment : QString();
    default:
        return {};
    }
}

QVariant CopyStatusModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    // Get-StorageGroupCopyStatus's own field names, as the shell prints them (Format-List).
    static const char *const names[] = {"Name",
                                        "Standby Machine",
                                        "SummaryCopyStatus",
                                        "CopyQueueLength",
                                        "ReplayQueueLength",
                                        "LastInspectedLogTime",
                                        "ReplayLagTime",
                                        "FailedMessage",
                                        "TruncationLagTime",
                                        "LastLogGenerated",
                                        "LastLogCopied",
                                        "LastLogInspected",
                                        "LastLogReplayed",
                                        "LatestAvailableLogTime",
                                        "LastCopiedLogTime",
                                        "LastReplayedLogTime",
                                        "LatestFullBackupTime",
                                        "SuspendComment"};
    static_assert(std::size(names) == ColumnCount);
    return section >= 0 && section < ColumnCount ? QString::fromLatin1(names[section]) : QVariant();
}

} // namespace scr
