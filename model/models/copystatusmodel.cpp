#include "copystatusmodel.h"

#include "displaytime.h"
#include "models/copykey.h"

#include <algorithm>
#include <array>
#include <iterator>

namespace scr {
namespace {

// The copy status fields the columns show, in the order of the Column enum (the view's first order).
const char *const kColumns[] = {"Identity",
                                "StandbyMachine",
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
static_assert(std::size(kColumns) == CopyStatusModel::ColumnCount);

// A time in the locale's format (empty for never).
QVariant localTime(qint64 ms)
{
    return displayTime(ms);
}

} // namespace

const CopyField &CopyStatusModel::columnField(int column)
{
    // Looked up once: data() asks for every cell.
    static const std::array<const CopyField *, ColumnCount> fields = [] {
        std::array<const CopyField *, ColumnCount> out{};
        for (std::size_t c = 0; c < out.size(); ++c) {
            out[c] = copyStatusField(QLatin1String(kColumns[c]));
            Q_ASSERT(out[c]);
        }
        return out;
    }();
    return *fields[static_cast<std::size_t>(column)];
}

QString CopyStatusModel::fieldName(int column)
{
    return QLatin1String(kColumns[column]);
}

QStringList CopyStatusModel::fieldNames()
{
    QStringList names;
    for (const char *name : kColumns)
        names << QLatin1String(name);
    return names;
}

bool CopyStatusModel::shownByDefault(int column)
{
    return columnField(column).column == CopyColumn::Shown;
}

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
    const CopyField &field = columnField(index.column());
    if (field.shownWhile && !(s.*field.shownWhile))
        return QString();
    const CopyFieldSource source{s, c.record, s.identity, s.identity.section(QLatin1Char('\\'), 1), -1};
    return raw ? field.value(source) : shownValue(field, source, localTime);
}

QVariant CopyStatusModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return section >= 0 && section < ColumnCount ? columnField(section).columnTitle() : QVariant();
}

} // namespace scr
