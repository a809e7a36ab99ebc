#include "copystatusfields.h"

#include <algorithm>

namespace scr {
namespace {

using K = CopyFieldKind;
using Source = CopyFieldSource;

QVariant count(qint64 n)
{
    return static_cast<qlonglong>(n);
}

// One line a field: its name, its kind, its value, and where the copy table has it.
const CopyField kFields[] = {
    {"Identity", K::Text, [](const Source &f) -> QVariant { return f.storageGroupIdentity; },
     CopyColumn::Shown, "Name"},
    {"Name", K::Text, [](const Source &f) -> QVariant { return f.storageGroupName; }},
    {"StorageGroupName", K::Text, [](const Source &f) -> QVariant { return f.storageGroupName; }},
    {"StandbyMachine", K::Text, [](const Source &f) -> QVariant { return f.status.standbyMachine; },
     CopyColumn::Shown, "Standby Machine"},
    {"SummaryCopyStatus", K::Summary, [](const Source &f) -> QVariant { return int(f.status.summary); },
     CopyColumn::Shown},
    {"Failed", K::Flag, [](const Source &f) -> QVariant { return f.status.failed; }},
    {"Seeding", K::Flag, [](const Source &f) -> QVariant { return f.status.seeding; }},
    {"Suspend", K::Flag, [](const Source &f) -> QVariant { return f.status.suspend; }},
    {"FailedMessage", K::Text, [](const Source &f) -> QVariant { return f.status.failedMessage; },
     CopyColumn::Shown, nullptr, &CopyStatus::failed},
    {"SuspendComment", K::Text, [](const Source &f) -> QVariant { return f.status.suspendComment; },
     CopyColumn::Hidden, nullptr, &CopyStatus::suspend},
    {"Note", K::Text, [](const Source &f) -> QVariant { return f.status.note; }},
    {"CopyQueueLength", K::Count, [](const Source &f) { return count(f.status.copyQueueLength()); },
     CopyColumn::Shown},
    {"ReplayQueueLength", K::Count, [](const Source &f) { return count(f.status.replayQueueLength()); },
     CopyColumn::Shown},
    {"LatestAvailableLogTime", K::Time,
     [](const Source &f) { return count(f.status.latestAvailableLogTime); }, CopyColumn::Hidden},
    {"LastCopyNotificationedLogTime", K::Time,
     [](const Source &f) { return count(f.status.lastCopyNotifiedLogTime); }},
    {"LastCopiedLogTime", K::Time, [](const Source &f) { return count(f.status.lastCopiedLogTime); },
     CopyColumn::Hidden},
    {"LastInspectedLogTime", K::Time, [](const Source &f) { return count(f.status.lastInspectedLogTime); },
     CopyColumn::Shown},
    {"LastReplayedLogTime", K::Time, [](const Source &f) { return count(f.status.lastReplayedLogTime); },
     CopyColumn::Hidden},
    {"LastInspectedLogAge", K::Age, [](const Source &f) { return count(f.lastInspectedLogAgeMs); }},
    {"LastLogGenerated", K::Count, [](const Source &f) { return count(f.status.lastLogGenerated); },
     CopyColumn::Hidden},
    {"LastLogCopyNotified", K::Count, [](const Source &f) { return count(f.status.lastLogCopyNotified); }},
    {"LastLogCopied", K::Count, [](const Source &f) { return count(f.status.lastLogCopied); },
     CopyColumn::Hidden},
    {"LastLogInspected", K::Count, [](const Source &f) { return count(f.status.lastLogInspected); },
     CopyColumn::Hidden},
    {"LastLogReplayed", K::Count, [](const Source &f) { return count(f.status.lastLogReplayed); },
     CopyColumn::Hidden},
    {"LatestFullBackupTime", K::Time, [](const Source &f) { return count(f.status.latestFullBackupTime); },
     CopyColumn::Hidden},
    {"ReplayLagTime", K::TimeSpan, [](const Source &f) { return count(f.copy.replayLagMs); },
     CopyColumn::Shown},
    {"TruncationLagTime", K::TimeSpan, [](const Source &f) { return count(f.copy.truncationLagMs); },
     CopyColumn::Hidden},
};

} // namespace

qint64 lastInspectedLogAge(const CopyStatus &status, qint64 nowMs)
{
    return status.lastInspectedLogTime > 0 ? std::max<qint64>(0, nowMs - status.lastInspectedLogTime) : -1;
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
