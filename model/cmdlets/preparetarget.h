#pragma once
// Prepare SCR Target (the runbook's part 2): on a standby machine, for every storage group copied to it, a
// storage group and a database that activation by database portability later points at the copy's files.
// They are made at a temporary path, mounted once so that the store has made them, dismounted, and the
// temporary files deleted.

#include "core/result.h"
#include "directory/records.h"
#include "wizardflow.h"

#include <QMetaType>

#include <map>
#include <optional>
#include <vector>

namespace scr {

class Lab;

// The target objects of one SCR copy on its standby machine.
struct TargetObjects
{
    QString copiedStorageGroup; // the source's identity, "MBX1\SG1"
    QString standbyMachine;     // "MBX3"
    QString storageGroup;       // "SG1Target"
    QString database;           // "DB1Target"
    QString temporaryPath;      // "C:\Temp\SG1Target": the folder made and deleted while preparing
    QString storageGroupIdentity() const { return standbyMachine + QLatin1Char('\\') + storageGroup; }
    QString databaseIdentity() const { return storageGroupIdentity() + QLatin1Char('\\') + database; }
};

namespace cmdlets {

// The names: <SG>Target and <DB>Target at C:\Temp\<SG>Target. When nameShared (another storage group of the
// same name is copied to the same standby machine: MBX1\SG2 and MBX2\SG2 on MBX3) the source server's name
// goes first, MBX2SG2Target and MBX2DB2Target, so that the two never collide.
TargetObjects targetObjectsFor(const QString &copiedStorageGroup, const QString &standbyMachine,
                               const QString &databaseName, bool nameShared);
// The same for the SCR copy of storageGroup on standbyMachine, from the directory (the copy must exist).
Result<TargetObjects> targetObjectsFor(const Lab &lab, const QString &storageGroup,
                                       const QString &standbyMachine);

} // namespace cmdlets

// What exists already of one copy's target objects on its standby machine (read-only; surveyStandby).
struct TargetSurveyRow
{
    TargetObjects target;
    QString sourceDatabase;       // "MBX1\SG1\DB1"
    QString copyLogFolderPath;    // the copy's paths on the standby machine (the source's): where database
    QString copySystemFolderPath; // portability later points the target objects
    QString copyEdbFilePath;
    bool storageGroupExists = false;
    qint64 storageGroupId = 0;         // the target storage group's, when it exists
    QString storageGroupLogFolderPath; // where it is, when it exists
    QString storageGroupSystemFolderPath;
    bool databaseExists = false;
    QString databaseEdbFilePath;
    bool databaseMounted = false;     // now
    bool databaseEverMounted = false; // the store has made it once: what preparing is for
    // The temporary folder on the standby's host: absent (nothing), present with these entries, or unknown
    // (the host is powered off).
    std::optional<QStringList> temporaryEntries;
    bool temporaryFolderExists = false;
    std::optional<Error> temporaryPathProblem; // a link on the way, or not a valid Windows path
    // The names are taken by objects that are not this copy's target (another storage group's paths,
    // another database in it): why, and what to do. Nothing is planned for such a row.
    QString conflict;
    QString conflictFix;

    enum class State {
        ToMake,     // nothing of it exists: every step
        Unfinished, // partly made (a run that stopped): the steps left
        Prepared,   // made, mounted once, dismounted, temporary files gone: nothing to do
        Activated,  // the target points at the copy's files already (database portability ran): nothing
        Conflict,   // the names are taken by something else: nothing, until that is resolved
        Unknown     // the host is off: what is on its disk cannot be told
    };
    State state() const;
    // True when preparing it has nothing left to do.
    bool complete() const { return state() == State::Prepared || state() == State::Activated; }
    // At the temporary path (not yet pointed at the copy's files).
    bool atTemporaryPath() const;
    // Preparing mounts its database once (it never was).
    bool needsMount() const;
};

// Every storage group copied to a standby machine (Get-StorageGroupCopyStatus -StandbyMachine), with its
// target objects and what exists of them.
struct TargetSurvey
{
    QString standbyMachine; // "MBX3"
    QString standbyHost;    // the machine it is bound to, where the temporary files are (Enter-PSSession)
    std::optional<Error> serverProblem; // not an Exchange server, or not a mailbox server
    bool hostPoweredOn = false;
    std::vector<TargetSurveyRow> rows; // in the order of Get-StorageGroupCopyStatus
    const TargetSurveyRow *row(const QString &copiedStorageGroup) const;
};

// What mounting a new database once writes on the temporary path: its first logs, the checkpoint and the
// new .edb (measured on the lab's store, with room to spare). The pre-flight wants this much free per
// database to mount.
constexpr qint64 kPrepareTargetBytes = 2LL << 20;

namespace cmdlets {

// The survey of standbyMachine; read-only. Refused only when the directory cannot be read: a server that is
// not there or powered off is said in the survey (serverProblem, hostPoweredOn).
Result<TargetSurvey> surveyStandby(const Lab &lab, const QString &standbyMachine);

// The steps that make what is missing of row's target objects, skipping what exists, as runbook 1 (tests/
// runbooks/prepare-target.ps1) does them: New-StorageGroup and New-MailboxDatabase at the temporary path,
// Mount-Database, Dismount-Database, and the temporary folder deleted on the standby's host. None for a
// complete row, a conflict or an unknown one. Each step's subject is the copied storage group. Pure.
std::vector<FlowStep> prepareTargetSteps(const TargetSurveyRow &row, const QString &standbyHost);
// The same for the rows of selected (copied storage groups, "MBX1\SG1"), in the survey's order.
std::vector<FlowStep> prepareTargetSteps(const TargetSurvey &survey, const QStringList &selected);

// What the pre-flight reads of the lab besides the survey, by the cmdlets' own validators.
struct PrepareTargetFacts
{
    qint64 bytesNeeded = 0;            // kPrepareTargetBytes per database to mount
    std::optional<Error> spaceProblem; // checkSpace's refusal for bytesNeeded (none: there is room)
    // Per copied storage group ("MBX1\SG1"): the storage group other than its target that uses its
    // temporary path (storageGroupUsingPaths, New-StorageGroup's rule), or why that could not be read. (The
    // path's own refusals, checkWindowsPath and checkTreeNoLink, are the survey's temporaryPathProblem.)
    std::map<QString, QString> pathOwners;
    std::map<QString, Error> pathProblems;
};
// The pre-flight of preparing the targets of selected on the survey's standby machine: the standby is a
// mailbox server and powered on, holds at least one SCR copy, each selected copy is still there and its
// names are not taken by objects that are not its target, the temporary path is a valid path, no link, used
// by no other storage group and holds no files from before, and the disk has room for the mounts. Pure.
std::vector<PreflightCheck> prepareTargetChecks(const TargetSurvey &survey, const QStringList &selected,
                                                const PrepareTargetFacts &facts);
// The wizard's pre-flight: the survey and the facts read from the lab, the checks above and the steps for
// selected, all made on the same state; Preparation::details is the survey (a TargetSurvey). Read-only.
Preparation preparePrepareTarget(const Lab &lab, const QString &standbyMachine, const QStringList &selected);

} // namespace cmdlets
} // namespace scr

Q_DECLARE_METATYPE(scr::TargetSurvey)
