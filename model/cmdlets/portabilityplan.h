#pragma once
// Activate by database portability, for one SCR copy: what the lab holds now (read-only, on the lab's
// thread), the read-only pre-flight checks and the steps, each an EMS command scr-shell runs as it is (the
// runbook tests/runbooks/database-portability.ps1 made for the copy). The plan starts from the current state,
// so running it again after a failure goes on where it stopped: a copy already activated is not restored
// again, paths already moved are not moved again, a mounted target is not mounted again.

#include "core/result.h"
#include "preparetarget.h"
#include "rpopreview.h"
#include "wizardflow.h"

#include <QMetaType>

#include <optional>

namespace scr {

class Lab;
struct LabSnapshot;

struct PortabilityState
{
    QString storageGroup; // the source, "MBX1\SG1"
    QString sourceServer; // "MBX1"
    QString database;     // "DB1"
    QString sourceDatabase() const { return storageGroup + QLatin1Char('\\') + database; }
    QString standbyMachine; // "MBX3"
    QString standbyHost;
    bool standbyPoweredOn = false;
    QString logPrefix; // the storage group's (and so the copy's) stream and paths
    QString logFolderPath;
    QString systemFolderPath;
    QString edbFilePath;

    bool copyExists = false;       // the SCR copy is still enabled
    bool alreadyRestored = false;  // no copy any more, but its activated files are on the standby machine
    bool sourceReachable = false;  // the source's host is powered on
    bool sourceMounted = false;    // the source database is mounted (dismounted first)
    std::optional<RpoPreview> rpo; // while the copy exists
    QString copyDatabaseState;     // of the file at edbFilePath on the standby machine, once restored
    bool recoveryNeeded = true;    // eseutil /r before the mount
    QString recoveryReason;

    TargetObjects target;
    bool targetStorageGroupExists = false;
    bool targetDatabaseExists = false;
    QString targetLogFolderPath; // where the target objects point now
    QString targetSystemFolderPath;
    QString targetEdbFilePath;
    bool targetMounted = false;
    bool targetAllowFileRestore = false;

    QStringList userMailboxes;   // homed on the source database: rehomed
    QStringList systemMailboxes; // homed on the source database: stay (SystemAttendant, ExOleDbSystem)
    qint64 standbyFreeBytes = 0;
};

namespace cmdlets {

// The copy's state and its target's; refused when the storage group or the standby machine is unknown, or
// there is neither a copy nor its activated files.
Result<PortabilityState> readPortabilityState(const Lab &lab, const QString &storageGroup,
                                              const QString &standby);

// The checks before anything runs: the standby machine powered on, the copy there and seeded (or already
// activated), the target objects there, room on the standby's disk, the mail lost, a suspended or failed
// copy. Read-only.
std::vector<PreflightCheck> portabilityPreflight(const Lab &lab, const PortabilityState &state);

// The steps from this state.
std::vector<FlowStep> planPortability(const PortabilityState &state);

// Why "This database can be overwritten by a restore" must be set, for the wizard to show.
QString allowFileRestoreReason(const PortabilityState &state);

// The wizard's pre-flight: the state (Preparation::details, a PortabilityState), its checks and steps, why
// -AllowFileRestore is set (notes) and the mail lost (losses). A failed check when storageGroup is empty
// (target, what the wizard was opened on, names no copy) or the state cannot be read.
Preparation preparePortability(const Lab &lab, const QString &storageGroup, const QString &standby,
                               const QString &target);

// "Protect again" after activating on activatedOn: the standby machine the Enable wizard preselects, another
// mailbox server, installed and powered on, that holds no storage group (empty: none; the Enable wizard
// chooses).
QString protectAgainStandby(const LabSnapshot &snapshot, const QString &activatedOn);

} // namespace cmdlets
} // namespace scr

Q_DECLARE_METATYPE(scr::PortabilityState)
