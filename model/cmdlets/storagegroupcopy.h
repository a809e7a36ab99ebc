#pragma once
// The SCR cmdlets: Enable-, Disable-, Suspend-, Resume-StorageGroupCopy and Get-StorageGroupCopyStatus, as
// typed calls. Each validates everything first and changes nothing when it refuses; the shell, the dialogs
// and the wizards all call these, none re-implements a rule.

#include "core/result.h"
#include "directory/records.h"
#include "replication/copystatus.h"

#include <functional>
#include <vector>

namespace scr {

class Lab;

struct EnableStorageGroupCopyRequest
{
    QString identity;       // "MBX1\SG1"
    QString standbyMachine; // "MBX3"
    qint64 replayLagMs = 24 * 3600 * 1000;
    qint64 truncationLagMs = 0;
};

struct StorageGroupCopyStatusRow
{
    ScrCopyRecord copy;
    StorageGroupRecord storageGroup;
    CopyStatus status;
    // How old the newest inspected log is on the virtual clock (-1: none yet): a copy whose source died hours
    // ago shows it at a glance. Not an Exchange field.
    qint64 lastInspectedLogAgeMs = -1;
};

namespace cmdlets {

constexpr qint64 kMaxLagMs = 7LL * 24 * 3600 * 1000;
constexpr int kMaxStandbyTargets = 4; // Microsoft's limit of practice

// "MBX1\SG1" (case-insensitive), or "SG1" when no other server has a storage group of that name; else an
// error that says how to name one (listing the candidates when the name is ambiguous).
Result<StorageGroupRecord> findStorageGroup(Lab &lab, const QString &identity);
// The SCR copy of identity on standbyMachine, or an error that says how to list them.
Result<ScrCopyRecord> findStorageGroupCopy(Lab &lab, const QString &identity, const QString &standbyMachine);

Result<ScrCopyRecord> enableStorageGroupCopy(Lab &lab, const EnableStorageGroupCopyRequest &request);
Status disableStorageGroupCopy(Lab &lab, const QString &identity, const QString &standbyMachine);
// Update-StorageGroupCopy: seeds the copy from the mounted source database (an online snapshot); the copy
// then replays from the snapshot's generation on. Refuses when files of a copy exist on the standby machine
// unless deleteExistingFiles. progress(percent, phase) may return false to cancel before anything is changed.
// As Exchange's cmdlet, a seed that succeeds resumes the copy (a suspended copy stays suspended only with
// manualResume, -ManualResume).
Status updateStorageGroupCopy(Lab &lab, const QString &identity, const QString &standbyMachine,
                              bool deleteExistingFiles,
                              const std::function<bool(int, const QString &)> &progress = {},
                              bool manualResume = false);
Status suspendStorageGroupCopy(Lab &lab, const QString &identity, const QString &standbyMachine,
                               const QString &comment);
Status resumeStorageGroupCopy(Lab &lab, const QString &identity, const QString &standbyMachine);
// Empty identity: every storage group; empty standby: every standby machine.
Result<std::vector<StorageGroupCopyStatusRow>>
getStorageGroupCopyStatus(Lab &lab, const QString &identity = {}, const QString &standbyMachine = {});

} // namespace cmdlets
} // namespace scr
