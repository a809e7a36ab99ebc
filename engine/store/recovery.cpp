#include "recovery.h"

#include "checkpoint.h"
#include "core/clock.h"
#include "core/fileio.h"
#include "core/logging.h"
#include "logfile.h"
#include "logfolder.h"
#include "logstream.h"
#include "records.h"

#include <optional>
#include <vector>

#include <spdlog/spdlog.h>

namespace scr {
namespace {

constexpr int kGenerationsPerTransaction = 32; // fewer fsyncs; each commit still holds whole records only

struct PlannedLog
{
    uint32_t generation = 0;
    QString path;
    bool isOpenLog = false;
};

struct Found
{
    CreateDatabaseRecord record;
    Lsn lsn;
    qint64 timeMs = 0;
};

Error missingLog(const QString &name, const QString &why, const QString &fix)
{
    return Error{name, why, fix, JetCode::MissingLogFile};
}

Error cancelled()
{
    return Error{QStringLiteral("Recovery"),
                 QStringLiteral("was cancelled; the database is consistent up to the "
                                "last generation replayed"),
                 QStringLiteral("run recovery again to finish"), JetCode::OperationCancelled};
}

} // namespace

Result<RecoveryReport> Recovery::run(const RecoveryOptions &opts, const Clock &clock,
                                     const Progress &progress)
{
    const HostDisk &disk = opts.disk;
    const auto show = [&](const QString &p) {
        return opts.displayPath ? opts.displayPath(p) : disk.displayPath(p);
    };
    if (!isValidLogPrefix(opts.prefix))
        return Error{opts.prefix, QStringLiteral("is not a log prefix"), QStringLiteral("use E00 to E49"),
                     JetCode::InvalidParameter};
    const QString systemFolder = opts.systemFolder.isEmpty() ? opts.logFolder : opts.systemFolder;
    auto listing = listLogFolder(disk, opts.logFolder, opts.prefix);
    if (!listing)
        return Error{show(opts.logFolder), listing.error().reason, QStringLiteral("check the /l path"),
                     listing.error().code};

    // Which database file: /d names the file, or a folder that holds one.
    QString dbPath = opts.databasePath;
    bool dbPathIsFolder = false;
    if (disk.isFolder(dbPath)) {
        auto found = disk.fileNames(dbPath, QStringLiteral("*.edb"));
        if (!found)
            return found.error();
        const QStringList &edbs = *found;
        if (edbs.size() > 1)
            return Error{show(dbPath), QStringLiteral("holds %1 database files").arg(edbs.size()),
                         QStringLiteral("name the .edb file in /d"), JetCode::InvalidParameter};
        dbPathIsFolder = edbs.isEmpty();
        if (!edbs.isEmpty())
            dbPath = dbPath + QLatin1Char('/') + edbs.first();
    }
    // Recovery writes the database, its WAL and the checkpoint: refuse read-only folders before touching
    // anything.
    for (const QString &folder : {dbPathIsFolder ? dbPath : folderOf(dbPath), systemFolder}) {
        if (!disk.isFolder(folder))
            continue;
        if (auto st = disk.checkWritableFolder(folder); !st)
            return Error{show(folder), st.error().reason, st.error().fix, st.error().code};
    }
    if (!disk.exists(dbPath) && !dbPath.endsWith(QStringLiteral(".edb"), Qt::CaseInsensitive))
        return Error{show(dbPath), QStringLiteral("no such database file or folder"),
                     QStringLiteral("check the /d path: a folder that exists, or a .edb file"),
                     JetCode::FileNotFound};
    std::unique_ptr<Database> db;
    if (!dbPathIsFolder && disk.exists(dbPath)) {
        auto opened = Database::open(disk, dbPath, Database::Access::ReadWrite, show(dbPath));
        if (!opened)
            return opened.error();
        db = std::move(*opened);
    }

    RecoveryReport report;
    const QString chkPath = systemFolder + QLatin1Char('/') + checkpointFileName(opts.prefix);
    std::optional<Checkpoint> checkpoint;
    if (disk.exists(chkPath)) {
        auto c = readCheckpoint(disk, chkPath, show(chkPath));
        if (!c)
            return c.error();
        checkpoint = *c;
    }

    // Where replay starts.
    uint32_t start = 0;
    if (db) {
        const DatabaseHeader &h = db->header();
        switch (h.state) {
        case DatabaseState::CleanShutdown:
            start = h.lastConsistent.generation;
            break;
        case DatabaseState::JustCreated:
            start = h.logRequiredLow;
            break;
        case DatabaseState::DirtyShutdown:
            if (checkpoint && checkpoint->signature == h.logSignature && checkpoint->databaseGuid == h.guid &&
                checkpoint->position.generation > 0) {
                start = checkpoint->position.generation;
                report.usedCheckpoint = true;
            } else {
                start = h.logRequiredLow != 0 ? h.logRequiredLow : h.applied.generation;
                report.notes << QStringLiteral("No usable checkpoint: starting from the database header.");
            }
            break;
        }
        start = std::max<uint32_t>(start, 1);
    }

    // The generations to replay, in order, with every gap named.
    const QString openPath = opts.logFolder + QLatin1Char('/') + openLogFileName(opts.prefix);
    uint32_t openGen = 0;
    // A roll-over's prepared E00.log that a power loss left without its header holds nothing: as if the
    // crash had come just before it was renamed into place (the writer makes it again).
    bool unwrittenOpenLog = false;
    if (listing->hasOpenLog && !listing->closedGenerations.empty() && isUnwrittenLog(disk, openPath)) {
        listing->hasOpenLog = false;
        unwrittenOpenLog = true;
        report.notes << QStringLiteral("%1 holds nothing yet (its header was never written).")
                            .arg(openLogFileName(opts.prefix));
    }
    // A damaged E00.log (its header or its length) cannot be replayed and never will be: with /a recovery
    // goes on without it, as without a missing one, and keeps the file aside (E00.log.damaged) so that the
    // store can start the next log; without /a the refusal says exactly that, so following its fix works.
    const QString damagedPath = openPath + QStringLiteral(".damaged");
    bool damagedOpenLog = false;
    if (listing->hasOpenLog) {
        auto open = LogFile::load(disk, openPath, show(openPath));
        if (!open) {
            const Error &e = open.error();
            if (!opts.allowLossOfTail)
                return Error{
                    e.object, e.reason,
                    QStringLiteral("run eseutil /r with /a: recovery then goes on without %1 (its records "
                                   "that the database does not hold yet are lost) and keeps the damaged "
                                   "file as %2; or restore %1 from a good copy")
                        .arg(openLogFileName(opts.prefix), fileNameOf(damagedPath)),
                    e.code};
            damagedOpenLog = true;
            listing->hasOpenLog = false;
            report.notes << QStringLiteral(
                                "%1 is damaged (%2): recovery goes on without it (/a); it is kept as %3.")
                                .arg(openLogFileName(opts.prefix), e.reason, fileNameOf(damagedPath));
        } else {
            openGen = open->header().generation;
        }
    }
    // Once recovery has succeeded (a refusal changes nothing): a damaged E00.log is set aside, and when the
    // open log was lost (/a) the stream goes on in a new E00.log after the last closed generation, as ESE's
    // recovery leaves it, so the database mounts (a mount's recovery would find no current log).
    const auto setAsideDamaged = [&]() -> Status {
        if (damagedOpenLog) {
            SCR_TRY(disk.rename(openPath, damagedPath));
            logging::get("store")->warn("{} was damaged and is kept as {}", show(openPath).toStdString(),
                                        show(damagedPath).toStdString());
        }
        if ((damagedOpenLog || report.lostTail) && (listing->lastClosed() > 0 || db)) {
            auto stream =
                LogStream::open(disk, opts.logFolder, opts.prefix, clock,
                                db ? std::optional<LogSignature>(db->header().logSignature) : std::nullopt);
            if (!stream)
                return stream.error();
            report.notes << QStringLiteral("Started a new %1 at generation %2.")
                                .arg(openLogFileName(opts.prefix))
                                .arg((*stream)->generation());
        }
        return {};
    };
    if (!db) {
        start = !listing->closedGenerations.empty() ? listing->closedGenerations.front() : openGen;
        if (start == 0)
            return Error{
                show(dbPath),
                QStringLiteral("the database file does not exist and there are no logs to "
                               "create it from"),
                QStringLiteral("restore the database file, or seed the copy with Update-StorageGroupCopy"),
                JetCode::FileNotFound};
    }
    std::vector<PlannedLog> plan;
    uint32_t expected = start;
    for (uint32_t gen : listing->closedGenerations) {
        if (gen < start)
            continue;
        if (gen != expected)
            return missingLog(logFileName(opts.prefix, expected),
                              QStringLiteral("generation %1 is missing, but later logs exist").arg(expected),
                              QStringLiteral("restore the missing log; logs after a gap cannot be replayed"));
        plan.push_back({gen, opts.logFolder + QLatin1Char('/') + logFileName(opts.prefix, gen), false});
        ++expected;
    }
    if (listing->hasOpenLog && openGen >= start) {
        if (openGen != expected)
            return missingLog(logFileName(opts.prefix, expected),
                              QStringLiteral("generation %1 is missing before %2 (generation %3)")
                                  .arg(expected)
                                  .arg(openLogFileName(opts.prefix))
                                  .arg(openGen),
                              QStringLiteral("restore the missing log; logs after a gap cannot be replayed"));
        plan.push_back({openGen, openPath, true});
    } else if (listing->hasOpenLog && openGen < start && !plan.empty()) {
        return missingLog(openLogFileName(opts.prefix),
                          QStringLiteral("holds generation %1, older than the closed logs").arg(openGen),
                          QStringLiteral("remove the stale E00.log"));
    }
    const bool nothingNeeded = db && db->header().state == DatabaseState::CleanShutdown && plan.empty();
    // A crash between the two renames of a roll-over leaves the prepared next log (E00tmp.log) instead of
    // E00.log. It holds no record yet, so nothing is lost: the writer renames it when it opens the stream.
    bool interruptedRollOver = unwrittenOpenLog;
    if (!listing->hasOpenLog && listing->hasNextTemp && !plan.empty()) {
        auto next = LogFile::load(disk, opts.logFolder + QLatin1Char('/') + nextLogTempFileName(opts.prefix));
        if (next && next->header().generation == plan.back().generation + 1) {
            auto scan = next->scan(true);
            interruptedRollOver = interruptedRollOver || (scan && scan->records == 0);
        }
        if (interruptedRollOver)
            report.notes << QStringLiteral(
                                "%1 was being prepared when the log stream stopped; it holds nothing.")
                                .arg(nextLogTempFileName(opts.prefix));
    }
    if (!listing->hasOpenLog && !nothingNeeded && !interruptedRollOver) {
        if (!opts.allowLossOfTail)
            return missingLog(
                openLogFileName(opts.prefix),
                QStringLiteral("the current log is missing; the last log present is generation %1")
                    .arg(plan.empty() ? start - 1 : plan.back().generation),
                QStringLiteral("restore it, or run eseutil /r with /a to accept losing its changes"));
        report.lostTail = true;
        report.notes
            << QStringLiteral("%1 is missing: its changes are lost (/a).").arg(openLogFileName(opts.prefix));
    }
    // /a lost the open log (missing or damaged) while the file already holds some of its records: every
    // record is applied whole (Database::applyRecord), so the file is consistent at what it holds, and only
    // records after those are lost. Recovery replays what is left and closes the file there.
    bool onlyTheLostOpenLog = false;
    if (db && db->header().state == DatabaseState::DirtyShutdown) {
        const uint32_t required = db->header().logRequiredHigh;
        const uint32_t have = plan.empty() ? 0 : plan.back().generation;
        const uint32_t lost = listing->lastClosed() + 1; // the generation the open log held
        onlyTheLostOpenLog =
            report.lostTail && required <= lost &&
            (plan.empty() ? start == lost : plan.front().generation == start && have + 1 == lost);
        if (!onlyTheLostOpenLog && (plan.empty() || plan.front().generation != start || have < required))
            return missingLog(
                logFileName(opts.prefix, plan.empty() ? start : have + 1),
                QStringLiteral("the database needs generations %1 to %2 (Log Required), and this "
                               "one is missing")
                    .arg(start)
                    .arg(required),
                QStringLiteral("restore the log; /a cannot skip logs that the database requires"));
    }
    if (plan.empty()) {
        report.databasePath = dbPath;
        if (onlyTheLostOpenLog) {
            // Nothing to replay: the file holds all that is left of the lost log's records. Closed there.
            DatabaseHeader h = db->header();
            h.state = DatabaseState::CleanShutdown;
            h.lastConsistent = h.applied;
            h.lastConsistentMs = clock.nowMs();
            h.logRequiredLow = h.logRequiredHigh = 0;
            SCR_TRY(db->writeHeader(h));
            report.notes << QStringLiteral(
                                "The database holds every record left before the lost %1: now Clean "
                                "Shutdown at %2.")
                                .arg(openLogFileName(opts.prefix), h.applied.toString());
        } else {
            report.notes << QStringLiteral(
                "The database is in Clean Shutdown and no later log exists: nothing to do.");
        }
        report.end = db ? db->header().lastConsistent : Lsn{};
        SCR_TRY(setAsideDamaged());
        return report;
    }

    // Pass 1: check every log before changing anything.
    const QUuid dbGuid = db ? db->header().guid : QUuid();
    const Lsn alreadyApplied = db ? db->header().applied : Lsn{};
    std::optional<LogSignature> streamSignature;
    if (db)
        streamSignature = db->header().logSignature;
    std::optional<Found> creation;
    qint64 prevCreation = -1;
    Lsn end;
    for (std::size_t i = 0; i < plan.size(); ++i) {
        if (progress && !progress(QStringLiteral("Verifying logs"), int(i), int(plan.size())))
            return cancelled();
        const PlannedLog &entry = plan[i];
        auto log = LogFile::load(disk, entry.path, show(entry.path));
        if (!log)
            return log.error();
        const LogHeader &header = log->header();
        if (header.generation != entry.generation)
            return Error{show(entry.path),
                         QStringLiteral("the file is named for generation %1 but holds generation %2")
                             .arg(entry.generation)
                             .arg(header.generation),
                         QStringLiteral("rename or remove the misplaced log"),
                         JetCode::LogGenerationMismatch};
        if (!streamSignature)
            streamSignature = header.signature;
        if (header.signature != *streamSignature ||
            header.prefix.compare(opts.prefix, Qt::CaseInsensitive) != 0)
            return Error{
                show(entry.path),
                db ? QStringLiteral("its log signature does not match the database's: the log belongs to "
                                    "another log stream")
                   : QStringLiteral("its log signature differs from the logs before it"),
                QStringLiteral("remove logs that are not of this storage group, or use the database "
                               "that belongs to these logs"),
                JetCode::BadLogSignature};
        if (prevCreation >= 0 && header.prevCreationTimeMs != prevCreation)
            return Error{show(entry.path),
                         QStringLiteral("does not follow generation %1: it was made for another sequence")
                             .arg(entry.generation - 1),
                         QStringLiteral("restore the log that belongs to this sequence"),
                         JetCode::InvalidLogSequence};
        prevCreation = header.creationTimeMs;
        auto scan = log->scan(entry.isOpenLog, [&](const LogRecordView &view) -> Status {
            auto owner = databaseGuidOf(view);
            if (!owner)
                return owner.error();
            if (owner->isNull())
                return {};
            const QUuid guid = *owner;
            if (view.type == RecordType::CreateDatabase && !db && !creation &&
                (opts.databaseGuid.isNull() || opts.databaseGuid == guid)) {
                auto rec = CreateDatabaseRecord::decode(view);
                if (!rec)
                    return rec.error();
                creation = Found{*rec, view.lsn, view.timeMs};
                return {};
            }
            const QUuid ours = db ? dbGuid : (creation ? creation->record.databaseGuid : QUuid());
            if (db && view.lsn <= alreadyApplied)
                return {};
            if (!ours.isNull() && guid != ours)
                return Error{
                    show(entry.path),
                    QStringLiteral("the record at %1 is for database %2, not for %3")
                        .arg(view.lsn.toString(), guid.toString(QUuid::WithoutBraces),
                             ours.toString(QUuid::WithoutBraces)),
                    QStringLiteral("use the logs of this database, or the database file of these logs"),
                    JetCode::AttachedDatabaseMismatch};
            return {};
        });
        if (!scan)
            return scan.error();
        end = scan->end;
    }
    if (!db && !creation)
        return Error{
            show(dbPath),
            QStringLiteral("the database file does not exist and the logs from generation %1 on do not "
                           "contain its creation")
                .arg(start),
            QStringLiteral("restore the database file, or seed the copy with Update-StorageGroupCopy"),
            JetCode::FileNotFound};

    // Pass 2: apply. Nothing above changed a byte.
    if (!db) {
        if (dbPathIsFolder)
            dbPath = dbPath + QLatin1Char('/') + creation->record.databaseName + QStringLiteral(".edb");
        auto created = Database::createFromLog(disk, dbPath, creation->record.databaseGuid,
                                               creation->record.databaseName, *streamSignature, creation->lsn,
                                               creation->timeMs, show(dbPath));
        if (!created)
            return created.error();
        db = std::move(*created);
        report.createdDatabase = true;
        report.notes << QStringLiteral("Created the database file from its CreateDB record at %1.")
                            .arg(creation->lsn.toString());
    }
    const bool wasClean = db->header().state == DatabaseState::CleanShutdown;
    SCR_TRY(db->beginBatch());
    int inBatch = 0;
    for (std::size_t i = 0; i < plan.size(); ++i) {
        if (progress && !progress(QStringLiteral("Replaying logs"), int(i), int(plan.size()))) {
            SCR_TRY(db->commitBatch());
            return cancelled();
        }
        auto log = LogFile::load(disk, plan[i].path, show(plan[i].path));
        if (!log) {
            db->rollbackBatch();
            return log.error();
        }
        auto scan = log->scan(plan[i].isOpenLog, [&](const LogRecordView &view) -> Status {
            auto applied = db->applyRecord(view);
            if (!applied)
                return applied.error();
            ++(*applied ? report.recordsApplied : report.recordsSkipped);
            return {};
        });
        if (!scan) {
            db->rollbackBatch();
            return scan.error();
        }
        if (++inBatch == kGenerationsPerTransaction) {
            SCR_TRY(db->commitBatch());
            SCR_TRY(db->beginBatch());
            inBatch = 0;
        }
    }
    if (wasClean && report.recordsApplied == 0) {
        db->rollbackBatch(); // already consistent with every log: leave the header as it was
        report.end = db->header().lastConsistent;
    } else {
        DatabaseHeader &h = db->batchHeader();
        h.state = DatabaseState::CleanShutdown;
        h.lastConsistent = end;
        h.lastConsistentMs = clock.nowMs();
        h.logRequiredLow = h.logRequiredHigh = 0;
        SCR_TRY(db->commitBatch());
        report.end = end;
    }
    SCR_TRY(db->compactWal());
    SCR_TRY(setAsideDamaged());
    SCR_TRY(disk.makeFolders(systemFolder));
    SCR_TRY(
        writeCheckpoint(disk, chkPath, Checkpoint{*streamSignature, end, db->header().guid, clock.nowMs()}));
    report.databasePath = dbPath;
    report.firstGeneration = plan.front().generation;
    report.lastGeneration = plan.back().generation;
    if (wasClean && report.recordsApplied == 0)
        report.notes
            << QStringLiteral(
                   "The database already holds all %1 records of generations %2 to %3: nothing to do.")
                   .arg(report.recordsSkipped)
                   .arg(report.firstGeneration)
                   .arg(report.lastGeneration);
    else
        report.notes << QStringLiteral(
                            "Replayed generations %1 to %2: %3 records applied, %4 already in the database.")
                            .arg(report.firstGeneration)
                            .arg(report.lastGeneration)
                            .arg(report.recordsApplied)
                            .arg(report.recordsSkipped);
    logging::get("store")->info(
        "recovery of {}: generations {}-{}, {} applied, {} skipped, now Clean Shutdown at {}",
        show(dbPath).toStdString(), report.firstGeneration, report.lastGeneration, report.recordsApplied,
        report.recordsSkipped, end.toString().toStdString());
    return report;
}

} // namespace scr
