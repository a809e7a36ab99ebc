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

// One run of recovery, a step at a time in the order run() calls them: what each step finds is kept for the
// next. The checks, through verifyLogs(), only read, so a refusal changes nothing; createDatabase(),
// applyLogs() and finish() (or finishWithoutReplay()) write.
class RecoveryRun
{
public:
    RecoveryRun(const RecoveryOptions &opts, const Clock &clock, const Recovery::Progress &progress)
        : m_opts(opts), m_clock(clock), m_progress(progress), m_disk(opts.disk),
          m_systemFolder(opts.systemFolder.isEmpty() ? opts.logFolder : opts.systemFolder),
          m_openPath(opts.logFolder + QLatin1Char('/') + openLogFileName(opts.prefix)),
          m_damagedPath(m_openPath + QStringLiteral(".damaged"))
    {}

    Result<RecoveryReport> run();

private:
    QString show(const QString &path) const
    {
        return m_opts.displayPath ? m_opts.displayPath(path) : m_disk.displayPath(path);
    }
    QString openLogName() const { return openLogFileName(m_opts.prefix); }
    Status listLogs();
    Status openDatabase();
    Status readCheckpointFile();
    void findStart();
    Status examineOpenLog();
    Status planLogs();
    Status checkTail();
    Status checkLogRequired();
    Result<RecoveryReport> finishWithoutReplay();
    Status verifyLogs();
    Status verifyLog(const PlannedLog &entry, qint64 &prevCreation);
    Status checkRecordOwner(const LogRecordView &view, const PlannedLog &entry);
    Status createDatabase();
    Status applyLogs();
    Status finish();
    Status setAsideDamaged();

    const RecoveryOptions &m_opts;
    const Clock &m_clock;
    const Recovery::Progress &m_progress;
    const HostDisk &m_disk;
    const QString m_systemFolder;
    const QString m_openPath;
    const QString m_damagedPath;
    LogFolderListing m_listing;
    QString m_dbPath;
    bool m_dbPathIsFolder = false;
    std::unique_ptr<Database> m_db;
    RecoveryReport m_report;
    QString m_chkPath;
    std::optional<Checkpoint> m_checkpoint;
    uint32_t m_start = 0; // the first generation to replay
    uint32_t m_openGen = 0;
    bool m_unwrittenOpenLog = false;
    bool m_damagedOpenLog = false;
    std::vector<PlannedLog> m_plan;
    bool m_onlyTheLostOpenLog = false;
    std::optional<LogSignature> m_streamSignature;
    std::optional<Found> m_creation;
    Lsn m_end;
    bool m_wasClean = false;
};

Result<RecoveryReport> RecoveryRun::run()
{
    if (!isValidLogPrefix(m_opts.prefix))
        return Error{m_opts.prefix, QStringLiteral("is not a log prefix"), QStringLiteral("use E00 to E49"),
                     JetCode::InvalidParameter};
    SCR_TRY(listLogs());
    SCR_TRY(openDatabase());
    SCR_TRY(readCheckpointFile());
    findStart();
    SCR_TRY(examineOpenLog());
    SCR_TRY(planLogs());
    SCR_TRY(checkTail());
    SCR_TRY(checkLogRequired());
    if (m_plan.empty())
        return finishWithoutReplay();
    SCR_TRY(verifyLogs());
    SCR_TRY(createDatabase());
    SCR_TRY(applyLogs());
    SCR_TRY(finish());
    return m_report;
}

Status RecoveryRun::listLogs()
{
    auto listing = listLogFolder(m_disk, m_opts.logFolder, m_opts.prefix);
    if (!listing)
        return Error{show(m_opts.logFolder), listing.error().reason, QStringLiteral("check the /l path"),
                     listing.error().code};
    m_listing = std::move(*listing);
    return {};
}

// Which database file: /d names the file, or a folder that holds one.
Status RecoveryRun::openDatabase()
{
    m_dbPath = m_opts.databasePath;
    if (m_disk.isFolder(m_dbPath)) {
        auto found = m_disk.fileNames(m_dbPath, QStringLiteral("*.edb"));
        if (!found)
            return found.error();
        const QStringList &edbs = *found;
        if (edbs.size() > 1)
            return Error{show(m_dbPath), QStringLiteral("holds %1 database files").arg(edbs.size()),
                         QStringLiteral("name the .edb file in /d"), JetCode::InvalidParameter};
        m_dbPathIsFolder = edbs.isEmpty();
        if (!edbs.isEmpty())
            m_dbPath = m_dbPath + QLatin1Char('/') + edbs.first();
    }
    // Recovery writes the database, its WAL and the checkpoint: refuse read-only folders before touching
    // anything.
    for (const QString &folder : {m_dbPathIsFolder ? m_dbPath : folderOf(m_dbPath), m_systemFolder}) {
        if (!m_disk.isFolder(folder))
            continue;
        if (auto st = m_disk.checkWritableFolder(folder); !st)
            return Error{show(folder), st.error().reason, st.error().fix, st.error().code};
    }
    if (!m_disk.exists(m_dbPath) && !m_dbPath.endsWith(QStringLiteral(".edb"), Qt::CaseInsensitive))
        return Error{show(m_dbPath), QStringLiteral("no such database file or folder"),
                     QStringLiteral("check the /d path: a folder that exists, or a .edb file"),
                     JetCode::FileNotFound};
    if (!m_dbPathIsFolder && m_disk.exists(m_dbPath)) {
        auto opened = Database::open(m_disk, m_dbPath, Database::Access::ReadWrite, show(m_dbPath));
        if (!opened)
            return opened.error();
        m_db = std::move(*opened);
    }
    return {};
}

Status RecoveryRun::readCheckpointFile()
{
    m_chkPath = m_systemFolder + QLatin1Char('/') + checkpointFileName(m_opts.prefix);
    if (m_disk.exists(m_chkPath)) {
        auto c = readCheckpoint(m_disk, m_chkPath, show(m_chkPath));
        if (!c)
            return c.error();
        m_checkpoint = *c;
    }
    return {};
}

// Where replay starts, as the database's header and the checkpoint say.
void RecoveryRun::findStart()
{
    if (!m_db)
        return;
    const DatabaseHeader &h = m_db->header();
    switch (h.state) {
    case DatabaseState::CleanShutdown:
        m_start = h.lastConsistent.generation;
        break;
    case DatabaseState::JustCreated:
        m_start = h.logRequiredLow;
        break;
    case DatabaseState::DirtyShutdown:
        if (m_checkpoint && m_checkpoint->signature == h.logSignature &&
            m_checkpoint->databaseGuid == h.guid && m_checkpoint->position.generation > 0) {
            m_start = m_checkpoint->position.generation;
            m_report.usedCheckpoint = true;
        } else {
            m_start = h.logRequiredLow != 0 ? h.logRequiredLow : h.applied.generation;
            m_report.notes << QStringLiteral("No usable checkpoint: starting from the database header.");
        }
        break;
    }
    m_start = std::max<uint32_t>(m_start, 1);
}

// A roll-over's prepared E00.log that a power loss left without its header holds nothing: as if the crash had
// come just before it was renamed into place (the writer makes it again). A damaged E00.log (its header or
// its length) cannot be replayed and never will be: with /a recovery goes on without it, as without a missing
// one, and keeps the file aside (E00.log.damaged) so that the store can start the next log; without /a the
// refusal says exactly that, so following its fix works.
Status RecoveryRun::examineOpenLog()
{
    if (m_listing.hasOpenLog && !m_listing.closedGenerations.empty() && isUnwrittenLog(m_disk, m_openPath)) {
        m_listing.hasOpenLog = false;
        m_unwrittenOpenLog = true;
        m_report.notes
            << QStringLiteral("%1 holds nothing yet (its header was never written).").arg(openLogName());
    }
    if (!m_listing.hasOpenLog)
        return {};
    auto open = LogFile::load(m_disk, m_openPath, show(m_openPath));
    if (open) {
        m_openGen = open->header().generation;
        return {};
    }
    const Error &e = open.error();
    if (!m_opts.allowLossOfTail)
        return Error{e.object, e.reason,
                     QStringLiteral("run eseutil /r with /a: recovery then goes on without %1 (its records "
                                    "that the database does not hold yet are lost) and keeps the damaged "
                                    "file as %2; or restore %1 from a good copy")
                         .arg(openLogName(), fileNameOf(m_damagedPath)),
                     e.code};
    m_damagedOpenLog = true;
    m_listing.hasOpenLog = false;
    m_report.notes << QStringLiteral(
                          "%1 is damaged (%2): recovery goes on without it (/a); it is kept as %3.")
                          .arg(openLogName(), e.reason, fileNameOf(m_damagedPath));
    return {};
}

// The generations to replay, in order, with every gap named.
Status RecoveryRun::planLogs()
{
    if (!m_db) {
        m_start = !m_listing.closedGenerations.empty() ? m_listing.closedGenerations.front() : m_openGen;
        if (m_start == 0)
            return Error{
                show(m_dbPath),
                QStringLiteral("the database file does not exist and there are no logs to "
                               "create it from"),
                QStringLiteral("restore the database file, or seed the copy with Update-StorageGroupCopy"),
                JetCode::FileNotFound};
    }
    uint32_t expected = m_start;
    for (uint32_t gen : m_listing.closedGenerations) {
        if (gen < m_start)
            continue;
        if (gen != expected)
            return missingLog(logFileName(m_opts.prefix, expected),
                              QStringLiteral("generation %1 is missing, but later logs exist").arg(expected),
                              QStringLiteral("restore the missing log; logs after a gap cannot be replayed"));
        m_plan.push_back({gen, m_opts.logFolder + QLatin1Char('/') + logFileName(m_opts.prefix, gen), false});
        ++expected;
    }
    if (m_listing.hasOpenLog && m_openGen >= m_start) {
        if (m_openGen != expected)
            return missingLog(logFileName(m_opts.prefix, expected),
                              QStringLiteral("generation %1 is missing before %2 (generation %3)")
                                  .arg(expected)
                                  .arg(openLogName())
                                  .arg(m_openGen),
                              QStringLiteral("restore the missing log; logs after a gap cannot be replayed"));
        m_plan.push_back({m_openGen, m_openPath, true});
    } else if (m_listing.hasOpenLog && m_openGen < m_start && !m_plan.empty()) {
        return missingLog(openLogName(),
                          QStringLiteral("holds generation %1, older than the closed logs").arg(m_openGen),
                          QStringLiteral("remove the stale E00.log"));
    }
    return {};
}

// Whether the log stream's end is there: E00.log, or a roll-over that stopped before it held anything;
// else, with /a, its changes are lost.
Status RecoveryRun::checkTail()
{
    const bool nothingNeeded = m_db && m_db->header().state == DatabaseState::CleanShutdown && m_plan.empty();
    // A crash between the two renames of a roll-over leaves the prepared next log (E00tmp.log) instead of
    // E00.log. It holds no record yet, so nothing is lost: the writer renames it when it opens the stream.
    bool interruptedRollOver = m_unwrittenOpenLog;
    if (!m_listing.hasOpenLog && m_listing.hasNextTemp && !m_plan.empty()) {
        auto next =
            LogFile::load(m_disk, m_opts.logFolder + QLatin1Char('/') + nextLogTempFileName(m_opts.prefix));
        if (next && next->header().generation == m_plan.back().generation + 1) {
            auto scan = next->scan(true);
            interruptedRollOver = interruptedRollOver || (scan && scan->records == 0);
        }
        if (interruptedRollOver)
            m_report.notes << QStringLiteral(
                                  "%1 was being prepared when the log stream stopped; it holds nothing.")
                                  .arg(nextLogTempFileName(m_opts.prefix));
    }
    if (!m_listing.hasOpenLog && !nothingNeeded && !interruptedRollOver) {
        if (!m_opts.allowLossOfTail)
            return missingLog(
                openLogName(),
                QStringLiteral("the current log is missing; the last log present is generation %1")
                    .arg(m_plan.empty() ? m_start - 1 : m_plan.back().generation),
                QStringLiteral("restore it, or run eseutil /r with /a to accept losing its changes"));
        m_report.lostTail = true;
        m_report.notes << QStringLiteral("%1 is missing: its changes are lost (/a).").arg(openLogName());
    }
    return {};
}

// /a lost the open log (missing or damaged) while the file already holds some of its records: every record is
// applied whole (Database::applyRecord), so the file is consistent at what it holds, and only records after
// those are lost. Recovery replays what is left and closes the file there.
Status RecoveryRun::checkLogRequired()
{
    if (!m_db || m_db->header().state != DatabaseState::DirtyShutdown)
        return {};
    const uint32_t required = m_db->header().logRequiredHigh;
    const uint32_t have = m_plan.empty() ? 0 : m_plan.back().generation;
    const uint32_t lost = m_listing.lastClosed() + 1; // the generation the open log held
    m_onlyTheLostOpenLog =
        m_report.lostTail && required <= lost &&
        (m_plan.empty() ? m_start == lost : m_plan.front().generation == m_start && have + 1 == lost);
    if (!m_onlyTheLostOpenLog && (m_plan.empty() || m_plan.front().generation != m_start || have < required))
        return missingLog(logFileName(m_opts.prefix, m_plan.empty() ? m_start : have + 1),
                          QStringLiteral("the database needs generations %1 to %2 (Log Required), and this "
                                         "one is missing")
                              .arg(m_start)
                              .arg(required),
                          QStringLiteral("restore the log; /a cannot skip logs that the database requires"));
    return {};
}

Result<RecoveryReport> RecoveryRun::finishWithoutReplay()
{
    m_report.databasePath = m_dbPath;
    if (m_onlyTheLostOpenLog) {
        // Nothing to replay: the file holds all that is left of the lost log's records. Closed there.
        DatabaseHeader h = m_db->header();
        h.state = DatabaseState::CleanShutdown;
        h.lastConsistent = h.applied;
        h.lastConsistentMs = m_clock.nowMs();
        h.logRequiredLow = h.logRequiredHigh = 0;
        SCR_TRY(m_db->writeHeader(h));
        m_report.notes << QStringLiteral("The database holds every record left before the lost %1: now Clean "
                                         "Shutdown at %2.")
                              .arg(openLogName(), h.applied.toString());
    } else {
        m_report.notes << QStringLiteral(
            "The database is in Clean Shutdown and no later log exists: nothing to do.");
    }
    m_report.end = m_db ? m_db->header().lastConsistent : Lsn{};
    SCR_TRY(setAsideDamaged());
    return m_report;
}

// Pass 1: check every log before changing anything.
Status RecoveryRun::verifyLogs()
{
    if (m_db)
        m_streamSignature = m_db->header().logSignature;
    qint64 prevCreation = -1;
    for (std::size_t i = 0; i < m_plan.size(); ++i) {
        if (m_progress && !m_progress(QStringLiteral("Verifying logs"), int(i), int(m_plan.size())))
            return cancelled();
        SCR_TRY(verifyLog(m_plan[i], prevCreation));
    }
    if (!m_db && !m_creation)
        return Error{
            show(m_dbPath),
            QStringLiteral("the database file does not exist and the logs from generation %1 on do not "
                           "contain its creation")
                .arg(m_start),
            QStringLiteral("restore the database file, or seed the copy with Update-StorageGroupCopy"),
            JetCode::FileNotFound};
    return {};
}

Status RecoveryRun::verifyLog(const PlannedLog &entry, qint64 &prevCreation)
{
    auto log = LogFile::load(m_disk, entry.path, show(entry.path));
    if (!log)
        return log.error();
    const LogHeader &header = log->header();
    if (header.generation != entry.generation)
        return Error{show(entry.path),
                     QStringLiteral("the file is named for generation %1 but holds generation %2")
                         .arg(entry.generation)
                         .arg(header.generation),
                     QStringLiteral("rename or remove the misplaced log"), JetCode::LogGenerationMismatch};
    if (!m_streamSignature)
        m_streamSignature = header.signature;
    if (header.signature != *m_streamSignature ||
        header.prefix.compare(m_opts.prefix, Qt::CaseInsensitive) != 0)
        return Error{
            show(entry.path),
            m_db ? QStringLiteral("its log signature does not match the database's: the log belongs to "
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
    auto scan = log->scan(entry.isOpenLog,
                          [&](const LogRecordView &view) -> Status { return checkRecordOwner(view, entry); });
    if (!scan)
        return scan.error();
    m_end = scan->end;
    return {};
}

// A record of another database than the one recovered refuses the logs; the first CreateDB record found
// is the database's birth when its file is missing.
Status RecoveryRun::checkRecordOwner(const LogRecordView &view, const PlannedLog &entry)
{
    auto owner = databaseGuidOf(view);
    if (!owner)
        return owner.error();
    if (owner->isNull())
        return {};
    const QUuid guid = *owner;
    if (view.type == RecordType::CreateDatabase && !m_db && !m_creation &&
        (m_opts.databaseGuid.isNull() || m_opts.databaseGuid == guid)) {
        auto rec = CreateDatabaseRecord::decode(view);
        if (!rec)
            return rec.error();
        m_creation = Found{*rec, view.lsn, view.timeMs};
        return {};
    }
    const QUuid ours = m_db ? m_db->header().guid : (m_creation ? m_creation->record.databaseGuid : QUuid());
    if (m_db && view.lsn <= m_db->header().applied)
        return {};
    if (!ours.isNull() && guid != ours)
        return Error{show(entry.path),
                     QStringLiteral("the record at %1 is for database %2, not for %3")
                         .arg(view.lsn.toString(), guid.toString(QUuid::WithoutBraces),
                              ours.toString(QUuid::WithoutBraces)),
                     QStringLiteral("use the logs of this database, or the database file of these logs"),
                     JetCode::AttachedDatabaseMismatch};
    return {};
}

// Pass 2 begins: nothing above changed a byte.
Status RecoveryRun::createDatabase()
{
    if (m_db)
        return {};
    if (m_dbPathIsFolder)
        m_dbPath = m_dbPath + QLatin1Char('/') + m_creation->record.databaseName + QStringLiteral(".edb");
    auto created = Database::createFromLog(m_disk, m_dbPath, m_creation->record.databaseGuid,
                                           m_creation->record.databaseName, *m_streamSignature,
                                           m_creation->lsn, m_creation->timeMs, show(m_dbPath));
    if (!created)
        return created.error();
    m_db = std::move(*created);
    m_report.createdDatabase = true;
    m_report.notes << QStringLiteral("Created the database file from its CreateDB record at %1.")
                          .arg(m_creation->lsn.toString());
    return {};
}

Status RecoveryRun::applyLogs()
{
    m_wasClean = m_db->header().state == DatabaseState::CleanShutdown;
    SCR_TRY(m_db->beginBatch());
    int inBatch = 0;
    for (std::size_t i = 0; i < m_plan.size(); ++i) {
        if (m_progress && !m_progress(QStringLiteral("Replaying logs"), int(i), int(m_plan.size()))) {
            SCR_TRY(m_db->commitBatch());
            return cancelled();
        }
        auto log = LogFile::load(m_disk, m_plan[i].path, show(m_plan[i].path));
        if (!log) {
            m_db->rollbackBatch();
            return log.error();
        }
        auto scan = log->scan(m_plan[i].isOpenLog, [&](const LogRecordView &view) -> Status {
            auto applied = m_db->applyRecord(view);
            if (!applied)
                return applied.error();
            ++(*applied ? m_report.recordsApplied : m_report.recordsSkipped);
            return {};
        });
        if (!scan) {
            m_db->rollbackBatch();
            return scan.error();
        }
        if (++inBatch == kGenerationsPerTransaction) {
            SCR_TRY(m_db->commitBatch());
            SCR_TRY(m_db->beginBatch());
            inBatch = 0;
        }
    }
    if (m_wasClean && m_report.recordsApplied == 0) {
        m_db->rollbackBatch(); // already consistent with every log: leave the header as it was
        m_report.end = m_db->header().lastConsistent;
    } else {
        DatabaseHeader &h = m_db->batchHeader();
        h.state = DatabaseState::CleanShutdown;
        h.lastConsistent = m_end;
        h.lastConsistentMs = m_clock.nowMs();
        h.logRequiredLow = h.logRequiredHigh = 0;
        SCR_TRY(m_db->commitBatch());
        m_report.end = m_end;
    }
    return {};
}

Status RecoveryRun::finish()
{
    SCR_TRY(m_db->compactWal());
    SCR_TRY(setAsideDamaged());
    SCR_TRY(m_disk.makeFolders(m_systemFolder));
    SCR_TRY(writeCheckpoint(m_disk, m_chkPath,
                            Checkpoint{*m_streamSignature, m_end, m_db->header().guid, m_clock.nowMs()}));
    m_report.databasePath = m_dbPath;
    m_report.firstGeneration = m_plan.front().generation;
    m_report.lastGeneration = m_plan.back().generation;
    if (m_wasClean && m_report.recordsApplied == 0)
        m_report.notes
            << QStringLiteral(
                   "The database already holds all %1 records of generations %2 to %3: nothing to do.")
                   .arg(m_report.recordsSkipped)
                   .arg(m_report.firstGeneration)
                   .arg(m_report.lastGeneration);
    else
        m_report.notes
            << QStringLiteral(
                   "Replayed generations %1 to %2: %3 records applied, %4 already in the database.")
                   .arg(m_report.firstGeneration)
                   .arg(m_report.lastGeneration)
                   .arg(m_report.recordsApplied)
                   .arg(m_report.recordsSkipped);
    logging::get("store")->info(
        "recovery of {}: generations {}-{}, {} applied, {} skipped, now Clean Shutdown at {}",
        show(m_dbPath).toStdString(), m_report.firstGeneration, m_report.lastGeneration,
        m_report.recordsApplied, m_report.recordsSkipped, m_end.toString().toStdString());
    return {};
}

// Once recovery has succeeded (a refusal changes nothing): a damaged E00.log is set aside, and when the open
// log was lost (/a) the stream goes on in a new E00.log after the last closed generation, as ESE's recovery
// leaves it, so the database mounts (a mount's recovery would find no current log).
Status RecoveryRun::setAsideDamaged()
{
    if (m_damagedOpenLog) {
        SCR_TRY(m_disk.rename(m_openPath, m_damagedPath));
        logging::get("store")->warn("{} was damaged and is kept as {}", show(m_openPath).toStdString(),
                                    show(m_damagedPath).toStdString());
    }
    if ((m_damagedOpenLog || m_report.lostTail) && (m_listing.lastClosed() > 0 || m_db)) {
        auto stream =
            LogStream::open(m_disk, m_opts.logFolder, m_opts.prefix, m_clock,
                            m_db ? std::optional<LogSignature>(m_db->header().logSignature) : std::nullopt);
        if (!stream)
            return stream.error();
        m_report.notes << QStringLiteral("Started a new %1 at generation %2.")
                              .arg(openLogName())
                              .arg((*stream)->generation());
    }
    return {};
}

} // namespace

Result<RecoveryReport> Recovery::run(const RecoveryOptions &opts, const Clock &clock,
                                     const Progress &progress)
{
    return RecoveryRun(opts, clock, progress).run();
}

} // namespace scr
