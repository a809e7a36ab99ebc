#pragma once
// Start-DatabaseBackup: the simulation's full backup of a storage group's database, as an online backup did:
// the database and the logs it needs go into a backup set in the lab (backups/...), LatestFullBackupTime is
// set, and the source's logs are truncated — only those older than the checkpoint that every SCR copy of the
// storage group has already inspected.

#include "core/result.h"

#include <QString>

namespace scr {

class Lab;

struct BackupReport
{
    QString backupFolder;
    int logsBackedUp = 0;
    uint32_t truncatedThrough = 0; // source generations 1..this are gone (0: none)
    int logsTruncated = 0;
    qint64 timeMs = 0;
};

namespace cmdlets {
Result<BackupReport> startDatabaseBackup(Lab &lab, const QString &storageGroupIdentity);
}

} // namespace scr
