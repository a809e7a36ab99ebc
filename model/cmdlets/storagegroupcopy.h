#pragma once
// The SCR cmdlets: Enable-, Disable-, Suspend-, Resume-StorageGroupCopy and Get-StorageGroupCopyStatus, as
// typed calls. Each validates everything first and changes nothing when it refuses; the shell, the dialogs
// and the wizards all call these, none re-implements a rule.

#include "command/commandline.h"
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

// Whether a server can take a storage group's SCR copy (cmdlets::standbyEligibility).
struct StandbyEligibility
{
    QString server;
    QString reason; // empty: eligible. "MBX1 is the source of MBX1\SG1"
    QString fix;
    bool eligible() const { return reason.isEmpty(); }
};
namespace cmdlets {

constexpr qint64 kMaxLagMs = limits::kMaxLagMs;
constexpr int kMaxStandbyTargets = 4; // Microsoft's limit of practice

// "MBX1\SG1" (case-insensitive), or "SG1" when no other server has a storage group of that name; else an
// error that says how to name one (listing the candidates when the name is ambiguous).
Result<StorageGroupRecord> findStorageGroup(const Lab &lab, const QString &identity);
// The SCR copy of identity on standbyMachine, or an error that says how to list them.
Result<ScrCopyRecord> findStorageGroupCopy(const Lab &lab, const QString &identity,
                                           const QString &standbyMachine);

// Enable-StorageGroupCopy's rules, one function each, for the cmdlet and the Enable wizard alike:
// lag times within 0..7 days;
Status checkLagTimes(const QString &identity, qint64 replayLagMs, qint64 truncationLagMs);
// the storage group can be copied (not a recovery storage group, no circular logging, exactly one database,
// which is returned);
Result<DatabaseRecord> checkCopyable(const Lab &lab, const StorageGroupRecord &sg);
// standbyMachine can take its copy: a mailbox server, not the source, not holding this copy already, fewer
// than kMaxStandbyTargets copies of it, powered on, and the copy's paths free there.
Status checkStandbyMachine(const Lab &lab, const StorageGroupRecord &sg, const DatabaseRecord &db,
                           const QString &standbyMachine);

// Every server of the organization and whether it can take identity's copy (reason and fix when not).
Result<std::vector<StandbyEligibility>> standbyEligibility(const Lab &lab, const QString &identity);
// True when a new copy of identity must be seeded (Update-StorageGroupCopy): its source no longer holds
// log generation 1, since a backup truncated the first logs.
Result<bool> copyNeedsSeed(const Lab &lab, const QString &identity);

// "<cmdlet> MBX1\SG1 -StandbyMachine MBX3": a command on one SCR copy (Suspend-, Resume-, Disable-,
// Update-StorageGroupCopy).
ems::CommandLine copyCommand(const QString &cmdlet, const QString &identity, const QString &standbyMachine);
// Suspend-StorageGroupCopy with its comment: the one way the console, the property sheet and seeding write
// it.
ems::CommandLine suspendCommand(const QString &identity, const QString &standbyMachine,
                                const QString &comment);

// The statements that seed a copy as TechNet's procedure runs them ("How to Seed a Standby Continuous
// Replication Copy"): Suspend-StorageGroupCopy first (not when the copy is suspended already), then
// Update-StorageGroupCopy -DeleteExistingFiles, which resumes the copy once its seed succeeded. The Enable
// wizard's plan and the console's "Seed SCR copy again" both run these.
QStringList seedCommands(const QString &identity, const QString &standbyMachine, bool alreadySuspended);

// Every check Enable-StorageGroupCopy makes before it changes anything, in its order (the lag times, the
// storage group, the standby machine); read-only. The copy it would add (id 0), or the first refusal.
Result<ScrCopyRecord> checkEnableStorageGroupCopy(const Lab &lab,
                                                  const EnableStorageGroupCopyRequest &request);
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
getStorageGroupCopyStatus(const Lab &lab, const QString &identity = {}, const QString &standbyMachine = {});
// Get-StorageGroupCopyStatus as the shell prints it: the storage groups asked for (identity; those of server
// when it is given, which must name a server), a row per copy (on standbyMachine when given), and, as
// Exchange, a Disabled row for a storage group that has no such copy, so that "no copy" reads as an answer,
// not nothing.
Result<std::vector<StorageGroupCopyStatusRow>>
getStorageGroupCopyStatusWithDisabled(Lab &lab, const QString &identity, const QString &standbyMachine,
                                      const QString &server);

} // namespace cmdlets
} // namespace scr
