#pragma once
// The cmdlets that make, remove and move storage groups and mailbox databases: New-/Remove-StorageGroup,
// New-/Remove-MailboxDatabase, Move-StorageGroupPath and Move-DatabasePath. Each validates everything first
// and changes nothing when it refuses. Remove-* leave the files on disk, as Exchange did; the Move-* without
// -ConfigurationOnly copy the files durably, repoint the object, and only then delete the old files.

#include "core/result.h"
#include "directory/records.h"

#include <optional>

namespace scr {

class Lab;

struct NewStorageGroupRequest
{
    QString server;
    QString name;
    QString logFolderPath;    // empty: C:\Exchange\Logs\<name>
    QString systemFolderPath; // empty: the log folder
};

struct NewMailboxDatabaseRequest
{
    QString storageGroup; // "MBX3\SG1Target"
    QString name;
    QString edbFilePath; // empty: C:\Exchange\Data\<storage group>\<name>.edb
};

struct MovePathRequest
{
    QString identity;
    QString logFolderPath;    // Move-StorageGroupPath; empty: unchanged
    QString systemFolderPath; // Move-StorageGroupPath; empty: unchanged
    QString edbFilePath;      // Move-DatabasePath
    bool configurationOnly = false;
};

namespace cmdlets {

constexpr int kMaxStorageGroupsPerServer = 50; // E00..E49
constexpr int kMaxDatabasesPerStorageGroup = 5;

Result<StorageGroupRecord> newStorageGroup(Lab &lab, const NewStorageGroupRequest &request);
Status removeStorageGroup(Lab &lab, const QString &identity);
Result<DatabaseRecord> newMailboxDatabase(Lab &lab, const NewMailboxDatabaseRequest &request);
Status removeMailboxDatabase(Lab &lab, const QString &identity);
Status moveStorageGroupPath(Lab &lab, const MovePathRequest &request);
Status moveDatabasePath(Lab &lab, const MovePathRequest &request);
// The storage group of server (other than exceptId) whose LogFolderPath or SystemFolderPath is one of paths,
// if any: the rule New-StorageGroup and Move-StorageGroupPath refuse by (two storage groups never share a
// folder). Read-only.
Result<std::optional<StorageGroupRecord>> storageGroupUsingPaths(const Lab &lab, const QString &server,
                                                                 qint64 exceptId, const QStringList &paths);

} // namespace cmdlets
} // namespace scr
