#include "databasebackup.h"

#include "core/logging.h"
#include "lab/lab.h"
#include "storagegroupcopy.h"
#include "store/checkpoint.h"
#include "store/logfolder.h"
#include "validation.h"

#include <algorithm>

#include <spdlog/spdlog.h>

#include <QDateTime>

namespace scr::cmdlets {

Result<BackupReport> startDatabaseBackup(Lab &lab, const QString &identity)
{
    auto sg = findStorageGroup(lab, identity);
    if (!sg)
        return sg.error();
    auto dbs = lab.directory().databases(sg->id);
    if (!dbs)
        return dbs.error();
    if (dbs->empty())
        return Error{identity, QStringLiteral("holds no database"), {}};
    MountedDatabase *mounted = lab.mountedDatabase(dbs->front().guid);
    if (!mounted)
        return Error{dbs->front().name, QStringLiteral("is not mounted; an online backup needs it mounted"),
                     QStringLiteral("Mount-Database first")};
    auto copies = lab.directory().copies(sg->id);
    if (!copies)
        return copies.error();

    // Validation first: the source is up with room for the checkpoint, no link among the logs and the
    // checkpoint, and the lab's backups folder is a real folder.
    const StoragePaths &paths = mounted->paths();
    const HostDisk &disk = paths.disk;
    const HostDisk &labFolder = lab.labFolder();
    // Only the checkpoint is written on the source, and a backup is how a full log drive is emptied: the
    // small reserve is enough.
    SCR_TRY(checkSpace(disk, HostDisk::kReserveBytes));
    const QString checkpointPath = childPath(paths.systemFolder, checkpointFileName(paths.prefix));
    SCR_TRY(checkNoLink(disk, checkpointPath));
    if (auto logs = filesIn(disk, paths.logFolder, paths.prefix + QStringLiteral("*")); !logs)
        return logs.error();

    BackupReport report;
    report.timeMs = lab.clock().nowMs();
    const QString stamp =
        QDateTime::fromMSecsSinceEpoch(report.timeMs, Qt::UTC).toString(QStringLiteral("yyyyMMdd-HHmmss"));
    const QString backups = childPath(labFolder.root(), QStringLiteral("backups"));
    report.backupFolder = childPath(backups, QStringLiteral("%1-%2-%3").arg(sg->server, sg->name, stamp));
    SCR_TRY(checkNoLink(labFolder, report.backupFolder));
    SCR_TRY(checkTreeNoLink(labFolder, report.backupFolder));

    // Everything logged so far is in the database file, and the checkpoint says so.
    SCR_TRY(mounted->commit());
    SCR_TRY(mounted->applyPending());
    auto checkpoint = readCheckpoint(disk, checkpointPath);
    if (!checkpoint)
        return checkpoint.error();
    auto listing = listLogFolder(disk, paths.logFolder, paths.prefix);
    if (!listing)
        return listing.error();

    SCR_TRY(labFolder.makeFolders(report.backupFolder));
    const QString edbName = paths.edbPath.mid(paths.edbPath.lastIndexOf(QLatin1Char('/')) + 1);
    SCR_TRY(mounted->database().backupTo(labFolder, childPath(report.backupFolder, edbName)));
    for (uint32_t gen : listing->closedGenerations) {
        if (gen < checkpoint->position.generation)
            continue; // already in the database copy
        const QString name = logFileName(paths.prefix, gen);
        SCR_TRY(labFolder.copyFrom(disk, childPath(paths.logFolder, name),
                                   childPath(report.backupFolder, name), false));
        ++report.logsBackedUp;
    }
    SCR_TRY(labFolder.syncFolder(report.backupFolder)); // the backup set is whole before a log is truncated

    // Truncation: older than the checkpoint, and inspected by every copy (a copy whose service is not running
    // holds everything back).
    uint32_t limit = checkpoint->position.generation > 0 ? checkpoint->position.generation - 1 : 0;
    for (const ScrCopyRecord &copy : *copies) {
        CopyWorker *worker = lab.copyWorker(copy);
        limit = std::min(limit, worker ? worker->status().lastLogInspected : 0u);
    }
    for (uint32_t gen : listing->closedGenerations) {
        if (gen > limit)
            break;
        const QString log = childPath(paths.logFolder, logFileName(paths.prefix, gen));
        if (!disk.exists(log))
            continue;
        SCR_TRY(disk.removeFile(log));
        ++report.logsTruncated;
    }
    report.truncatedThrough = report.logsTruncated > 0 ? limit : 0;
    SCR_TRY(lab.recordFullBackup(sg->id, report.timeMs));
    logging::get("model")->info("full backup of {} into {}: {} logs, source truncated through generation {}",
                                sg->identity().toStdString(), report.backupFolder.toStdString(),
                                report.logsBackedUp, report.truncatedThrough);
    return report;
}

} // namespace scr::cmdlets
