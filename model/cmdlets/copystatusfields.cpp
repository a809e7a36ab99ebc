#include "copystatusfields.h"

#include "command/commandline.h"

#include <algorithm>

namespace scr {
namespace {

using K = CopyFieldKind;
using Source = CopyFieldSource;

// A member of the status (or of the copy's directory object) as a field's raw value.
template <auto member> QVariant text(const Source &f)
{
    return f.status.*member;
}
template <auto member> QVariant flag(const Source &f)
{
    return f.status.*member;
}
template <auto member> QVariant number(const Source &f)
{
    return static_cast<qlonglong>(f.status.*member);
}
template <auto member> QVariant copyNumber(const Source &f)
{
    return static_cast<qlonglong>(f.copy.*member);
}

// One line a field: its name, its kind, its value, and where the copy table has it. Append only.
const CopyField kFields[] = {
    {"Identity", K::Text, [](const Source &f) -> QVariant { return f.storageGroupIdentity; },
     CopyColumn::Shown, "Name"},
    {"Name", K::Text, [](const Source &f) -> QVariant { return f.storageGroupName; }},
    {"StorageGroupName", K::Text, [](const Source &f) -> QVariant { return f.storageGroupName; }},
    {"StandbyMachine", K::Text, text<&CopyStatus::standbyMachine>, CopyColumn::Shown, "Standby Machine"},
    {"SummaryCopyStatus", K::Summary, [](const Source &f) -> QVariant { return int(f.status.summary); },
     CopyColumn::Shown},
    {"Failed", K::Flag, flag<&CopyStatus::failed>},
    {"Seeding", K::Flag, flag<&CopyStatus::seeding>},
    {"Suspend", K::Flag, flag<&CopyStatus::suspend>},
    {"FailedMessage", K::Text, text<&CopyStatus::failedMessage>, CopyColumn::Shown, nullptr,
     &CopyStatus::failed},
    {"SuspendComment", K::Text, text<&CopyStatus::suspendComment>, CopyColumn::Hidden, nullptr,
     &CopyStatus::suspend},
    {"Note", K::Text, text<&CopyStatus::note>},
    {"CopyQueueLength", K::Count,
     [](const Source &f) -> QVariant { return qlonglong(f.status.copyQueueLength()); }, CopyColumn::Shown},
    {"ReplayQueueLength", K::Count,
     [](const Source &f) -> QVariant { return qlonglong(f.status.replayQueueLength()); }, CopyColumn::Shown},
    {"LatestAvailableLogTime", K::Time, number<&CopyStatus::latestAvailableLogTime>, CopyColumn::Hidden},
    {"LastCopyNotificationedLogTime", K::Time, number<&CopyStatus::lastCopyNotifiedLogTime>},
    {"LastCopiedLogTime", K::Time, number<&CopyStatus::lastCopiedLogTime>, CopyColumn::Hidden},
    {"LastInspectedLogTime", K::Time, number<&CopyStatus::lastInspectedLogTime>, CopyColumn::Shown},
    {"LastReplayedLogTime", K::Time, number<&CopyStatus::lastReplayedLogTime>, CopyColumn::Hidden},
    {"LastInspectedLogAge", K::Age,
     [](const Source &f) -> QVariant { return qlonglong(f.lastInspectedLogAgeMs); }},
    {"LastLogGenerated", K::Count, number<&CopyStatus::lastLogGenerated>, CopyColumn::Hidden},
    {"LastLogCopyNotified", K::Count, number<&CopyStatus::lastLogCopyNotified>},
    {"LastLogCopied", K::Count, number<&CopyStatus::lastLogCopied>, CopyColumn::Hidden},
    {"LastLogInspected", K::Count, number<&CopyStatus::lastLogInspected>, CopyColumn::Hidden},
    {"LastLogReplayed", K::Count, number<&CopyStatus::lastLogReplayed>, CopyColumn::Hidden},
    {"LatestFullBackupTime", K::Time, number<&CopyStatus::latestFullBackupTime>, CopyColumn::Hidden},
    {"ReplayLagTime", K::TimeSpan, copyNumber<&ScrCopyRecord::replayLagMs>, CopyColumn::Shown},
    {"TruncationLagTime", K::TimeSpan, copyNumber<&ScrCopyRecord::truncationLagMs>, CopyColumn::Hidden},
};

} // namespace

qint64 lastInspectedLogAge(const CopyStatus &status, qint64 nowMs)
{
    return status.lastInspectedLogTime > 0 ? std::max<qint64>(0, nowMs - status.lastInspectedLogTime) : -1;
}

QVariant shownValue(const CopyField &field, const CopyFieldSource &source, QVariant (*time)(qint64 ms))
{
    const QVariant value = field.value(source);
    switch (field.kind) {
    case CopyFieldKind::Summary:
        return summaryCopyStatusName(static_cast<SummaryCopyStatus>(value.toInt()));
    case CopyFieldKind::Time:
        return time(value.toLongLong());
    case CopyFieldKind::TimeSpan:
        return ems::formatTimeSpan(value.toLongLong());
    case CopyFieldKind::Age:
        return value.toLongLong() < 0 ? QVariant() : QVariant(ems::formatTimeSpan(value.toLongLong()));
    case CopyFieldKind::Text:
    case CopyFieldKind::Flag:
    case CopyFieldKind::Count:
        break;
    }
    return value;
}

std::span<const CopyField> copyStatusFields()
{
    return kFields;
}

const CopyField *copyStatusField(const QString &name)
{
    const auto it = std::find_if(std::begin(kFields), std::end(kFields), [&](const CopyField &f) {
        return name.compare(QLatin1String(f.name), Qt::CaseInsensitive) == 0;
    });
    return it == std::end(kFields) ? nullptr : it;
}

} // namespace scr
