#include "databasebackup.h"

#include "core/fileio.h"
#include "core/logging.h"
#include "lab/lab.h"
#include "storagegroupcopy.h"
#include "store/checkpoint.h"
#include "store/logfolder.h"

#include <algorithm>

#include <spdlog/spdlog.h>

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>

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
        return Error{identity, QStringLiteral("holds no database"), {}, JetCode::InvalidParameter};
    MountedDatabase *mounted = lab.mountedDatabase(dbs->front().guid);
    if (!mounted)
        return Error{dbs->front().name, QStringLiteral("is not mounted; an online backup needs it mounted"),
                     QStringLiteral("Mount-Database first"), JetCode::InvalidParameter};
    auto copies = lab.directory().copies(sg->id);
    if (!copies)
        return copies.error();

    // Everything logged so far is in the database file, and the checkpoint says so.
    SCR_TRY(mounted->commit());
    SCR_TRY(mounted->applyPending());
    const StoragePaths &paths = mounted->paths();
    auto checkpoint =
        readCheckpoint(paths.systemFolder + QLatin1Char('/') + checkpointFileName(paths.prefix));
    if (!checkpoint)
        return checkpoint.error();
    auto listing = listLogFolder(paths.logFolder, paths.prefix);
    if (!listing)
        return listing.error();

    BackupReport report;
    report.timeMs = lab.clock().nowMs();
    const QString stamp =
        QDateTime::fromMSecsSinceEpoch(report.timeMs, Qt::UTC).toString(QStringLiteral("yyyyMMdd-HHmmss"));
    report.backupFolder =
        QDir(lab.labDir()).filePath(QStringLiteral("backups/%1-%2-%3").arg(sg->server, sg->name, stamp));
    SCR_TRY(ensureDirectory(report.backupFolder));
    SCR_TRY(mounted->database().backupTo(report.backupFolder + QLatin1Char('/') +
                                         QFileInfo(paths.edbPath).fileName()));
    for (uint32_t gen : listing->closedGenerations) {
        if (gen < checkpoint->position.generation)
            continue; // already in the database copy
        const QString name = logFileName(paths.prefix, gen);
        auto bytes = readWholeFile(paths.logFolder + QLatin1Char('/') + name);
        if (!bytes)
            return bytes.error();
        SCR_TRY(writeFileAtomically(report.backupFolder + QLatin1Char('/') + name, *bytes));
        ++report.logsBackedUp;
    }

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
        if (QFile::remove(paths.logFolder + QLatin1Char('/') + logFileName(paths.prefix, gen)))
            ++report.logsTruncated;
    }
    report.truncatedThrough = report.logsTruncated > 0 ? limit : 0;
    SCR_TRY(lab.directory().setLastFullBackup(sg->id, report.timeMs));
    for (const ScrCopyRecord &copy : *copies)
        if (CopyWorker *worker = lab.copyWorker(copy))
            worker->setLatestFullBackupTime(report.timeMs);
    logging::get("model")->info("full backup of {} into {}: {} logs, source truncated through generation {}",
                                sg->identity().toStdString(), report.backupFolder.toStdString(),
                                report.logsBackedUp, report.truncatedThrough);
    return report;
}

} // namespace scr::cmdlets
