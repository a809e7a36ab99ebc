#include "mounteddatabase.h"

#include "checkpoint.h"
#include "core/clock.h"
#include "core/logging.h"
#include "logfile.h"
#include "logfolder.h"
#include "recovery.h"

#include <functional>

#include <spdlog/spdlog.h>

namespace scr {

MountedDatabase::MountedDatabase(StoragePaths paths, const Clock &clock)
    : m_paths(std::move(paths)), m_clock(clock)
{}

MountedDatabase::~MountedDatabase() = default;

namespace {

// The folders of paths that do not exist yet, each as the outermost folder a mkdir -p would make for it.
QStringList foldersToMake(const HostDisk &disk, const QStringList &folders)
{
    QStringList made;
    for (const QString &folder : folders) {
        QString top;
        for (QString at = folder; !at.isEmpty(); at = folderOf(at)) {
            auto entry = disk.entry(at);
            if (!entry || *entry)
                break; // there, or not this disk's to make (above its root; a link: makeFolders names it)
            top = at;
            if (folderOf(at) == at)
                break;
        }
        if (!top.isEmpty() && !made.contains(top))
            made << top;
    }
    return made;
}

// True when folder holds no file at any depth (only empty folders).
bool holdsNoFile(const HostDisk &disk, const QString &folder)
{
    auto entries = disk.list(folder);
    if (!entries)
        return false;
    for (const DiskEntry &e : *entries)
        if (e.kind != DiskEntry::Kind::Folder || !holdsNoFile(disk, folder + QLatin1Char('/') + e.name))
            return false;
    return true;
}

// The lowest generation in a log folder: the first closed one, else the open log's own.
Result<uint32_t> lowestGeneration(const HostDisk &disk, const QString &folder, const QString &prefix,
                                  const LogFolderListing &listing)
{
    if (!listing.closedGenerations.empty())
        return listing.closedGenerations.front();
    auto header = LogFile::readHeader(disk, folder + QLatin1Char('/') + openLogFileName(prefix),
                                      disk.displayPath(folder + QLatin1Char('/') + openLogFileName(prefix)));
    if (!header)
        return header.error();
    return header->generation;
}

// No file, and logs that cannot have its creation: mounting would start an empty database in its place,
// silently (its mailboxes would show no items). Only on purpose (a dial-tone database, -Force), or for a
// database that never had a file.
Error wouldEmpty(const StoragePaths &paths, const QString &why)
{
    return Error{paths.disk.displayPath(paths.edbPath),
                 QStringLiteral("the database file is missing and %1, so the logs cannot rebuild it: "
                                "mounting would create an empty database")
                     .arg(why),
                 QStringLiteral("restore the database file (or activate its SCR copy); to give its users "
                                "an empty database at once, mount it with -Force"),
                 JetCode::FileNotFound};
}

// What mount refuses from the file and the logs alone, before anything is made.
Status checkFileAndLogs(const StoragePaths &paths, const QUuid &guid, const LogFolderListing &listing,
                        bool haveFile, bool allowFileRestore, bool mayStartEmpty)
{
    const HostDisk &disk = paths.disk;
    const bool haveLogs = listing.hasOpenLog || !listing.closedGenerations.empty();
    if (haveFile && !haveLogs && !allowFileRestore) {
        // A new stream would start here, with a signature the file does not know: refused below after the
        // stream was made; refused here before it is.
        auto existing = Database::open(disk, paths.edbPath, Database::Access::ReadOnly);
        if (!existing)
            return existing.error();
        if (const QUuid held = (*existing)->header().guid; held != guid) // the first thing wrong
            return Error{
                disk.displayPath(paths.edbPath),
                QStringLiteral("the file holds database %1, not %2")
                    .arg(held.toString(QUuid::WithoutBraces), guid.toString(QUuid::WithoutBraces)),
                QStringLiteral("allow the file to be overwritten by a restore, or restore the right file"),
                JetCode::AttachedDatabaseMismatch};
        return Error{disk.displayPath(paths.edbPath),
                     QStringLiteral("the database file belongs to a log stream whose logs are not in %1")
                         .arg(disk.displayPath(paths.logFolder)),
                     QStringLiteral("restore the logs that belong to it to that folder, or point the storage "
                                    "group at their folder (Move-StorageGroupPath -ConfigurationOnly)"),
                     JetCode::BadLogSignature};
    }
    if (!haveFile && haveLogs && !mayStartEmpty) {
        auto lowest = lowestGeneration(disk, paths.logFolder, paths.prefix, listing);
        if (!lowest)
            return lowest.error();
        if (*lowest != 1)
            return wouldEmpty(
                paths, QStringLiteral("its logs in %1 begin at generation %2 (those from generation 1, "
                                      "which holds its creation, are gone: truncated by a backup, or "
                                      "deleted)")
                           .arg(disk.displayPath(paths.logFolder))
                           .arg(*lowest));
    }
    return {};
}

// A file that is there: this database's, or (allowFileRestore) a restored one in Clean Shutdown that becomes
// this database (true: taken over).
Result<bool> checkExistingFile(const StoragePaths &paths, const QUuid &guid, const QString &name,
                               bool allowFileRestore)
{
    const HostDisk &disk = paths.disk;
    auto existing = Database::open(disk, paths.edbPath, Database::Access::ReadOnly);
    if (!existing)
        return existing.error();
    const DatabaseHeader h = (*existing)->header();
    if (h.guid != guid && !allowFileRestore)
        return Error{
            disk.displayPath(paths.edbPath),
            QStringLiteral("the file holds database %1, not %2")
                .arg(h.guid.toString(QUuid::WithoutBraces), guid.toString(QUuid::WithoutBraces)),
            QStringLiteral("allow the file to be overwritten by a restore, or restore the right file"),
            JetCode::AttachedDatabaseMismatch};
    if (allowFileRestore && h.state == DatabaseState::CleanShutdown) {
        if (h.guid != guid) {
            existing->reset();
            auto file = Database::open(disk, paths.edbPath, Database::Access::ReadWrite);
            if (!file)
                return file.error();
            DatabaseHeader stamped = (*file)->header();
            stamped.guid = guid;
            stamped.name = name;
            SCR_TRY((*file)->writeHeader(stamped));
            logging::get("store")->warn("{} was overwritten by a restore: it is database {} now",
                                        paths.edbPath.toStdString(), name.toStdString());
        }
        return true;
    }
    if (h.guid != guid)
        return Error{disk.displayPath(paths.edbPath),
                     QStringLiteral("the restored file is in %1, so it still needs its own logs")
                         .arg(databaseStateName(h.state)),
                     QStringLiteral("run eseutil /r against its logs to bring it to Clean Shutdown, "
                                    "then mount again"),
                     JetCode::DatabaseDirtyShutdown};
    return false;
}

// Soft recovery: brings the file up to every durable record in the logs (or recreates it from them). What it
// did, when it replayed anything (nullopt: nothing).
Result<std::optional<RecoveryReport>> recoverSoftly(const StoragePaths &paths, const QUuid &guid,
                                                    const Clock &clock, bool haveFile, bool takeOver,
                                                    bool mayStartEmpty)
{
    RecoveryOptions ro;
    ro.disk = paths.disk;
    ro.prefix = paths.prefix;
    ro.logFolder = paths.logFolder;
    ro.systemFolder = paths.systemFolder;
    ro.databasePath = paths.edbPath;
    ro.databaseGuid = guid;
    auto recovered = Recovery::run(ro, clock);
    // A clean file taken over from another stream needs none of these logs: it attaches at their end.
    const bool otherStream = !recovered && takeOver && recovered.error().code == JetCode::BadLogSignature;
    const bool noCreation = !recovered && recovered.error().code == JetCode::FileNotFound && !haveFile;
    if (noCreation && !mayStartEmpty)
        return wouldEmpty(paths, QStringLiteral("its logs in %1 hold no creation of it")
                                     .arg(paths.disk.displayPath(paths.logFolder)));
    if (!recovered && !noCreation && !otherStream)
        return recovered.error();
    if (recovered && (recovered->recordsApplied > 0 || recovered->createdDatabase))
        return std::optional<RecoveryReport>(*recovered);
    return std::optional<RecoveryReport>();
}

// The database file that is there, opened for writing and attached to log: a file taken over joins the
// stream at its end; a file of another stream is refused; a file ahead of its log has the log move on.
Result<std::unique_ptr<Database>> openFileOnStream(const StoragePaths &paths, LogStream &log, bool takeOver)
{
    auto opened = Database::open(paths.disk, paths.edbPath, Database::Access::ReadWrite);
    if (!opened)
        return opened.error();
    std::unique_ptr<Database> db = std::move(*opened);
    if (takeOver) {
        DatabaseHeader h = db->header();
        if (h.logSignature != log.signature()) {
            // Attached to this stream from its end: every record already in it is another file's.
            const Lsn end = log.end();
            h.logSignature = log.signature();
            h.applied = {end.generation, end.offset - 1};
            SCR_TRY(db->writeHeader(h));
            logging::get("store")->warn("{} attached to the log stream of {} at {}",
                                        paths.edbPath.toStdString(), paths.logFolder.toStdString(),
                                        end.toString().toStdString());
        }
    }
    if (db->header().logSignature != log.signature())
        return Error{paths.disk.displayPath(paths.edbPath),
                     QStringLiteral("the database file belongs to another log stream than the logs in its "
                                    "storage group's log folder"),
                     QStringLiteral("restore the logs that belong to it, or run eseutil /r to check"),
                     JetCode::BadLogSignature};
    // The log lost records that the file already holds (a zeroed tail of E00.log): the next records must
    // follow them, or the file would take them for records it has and skip them. A new generation does.
    if (!(db->header().applied < log.end())) {
        logging::get("store")->error("{} holds records up to {}, past the end of its log {}: starting "
                                     "generation {}",
                                     paths.edbPath.toStdString(),
                                     db->header().applied.toString().toStdString(),
                                     log.end().toString().toStdString(), log.generation() + 1);
        SCR_TRY(log.startNextGeneration());
    }
    return db;
}

} // namespace

Result<std::unique_ptr<MountedDatabase>> MountedDatabase::mount(const StoragePaths &paths, const QUuid &guid,
                                                                const QString &name, const Clock &clock,
                                                                bool allowFileRestore, bool mayStartEmpty)
{
    const HostDisk &disk = paths.disk;
    const QString edbFolder = folderOf(paths.edbPath);
    // Everything is checked before anything is made: a refused mount leaves no new folder and no new log.
    for (const QString &folder : {paths.logFolder, paths.systemFolder, edbFolder})
        if (auto entry = disk.entry(folder); !entry)
            return entry.error(); // a link on the way, named
    const QStringList toMake = foldersToMake(disk, {paths.logFolder, paths.systemFolder, edbFolder});
    for (const QString &folder : {paths.logFolder, paths.systemFolder, edbFolder})
        if (disk.exists(folder))
            SCR_TRY(disk.checkWritableFolder(folder));
    LogFolderListing noLogs;
    auto listing = disk.exists(paths.logFolder) ? listLogFolder(disk, paths.logFolder, paths.prefix)
                                                : Result<LogFolderListing>(noLogs);
    if (!listing)
        return listing.error();
    const bool haveLogs = listing->hasOpenLog || !listing->closedGenerations.empty();
    const bool haveFile = disk.exists(paths.edbPath);
    SCR_TRY(checkFileAndLogs(paths, guid, *listing, haveFile, allowFileRestore, mayStartEmpty));

    // From here on things are made: a failure takes back the folders made and, when there were no logs, the
    // stream started, so that nothing of a failed mount stays.
    for (const QString &folder : {paths.logFolder, paths.systemFolder, edbFolder})
        SCR_TRY(disk.makeFolders(folder));
    const QString checkpoint = paths.systemFolder + QLatin1Char('/') + checkpointFileName(paths.prefix);
    const bool haveCheckpoint = disk.exists(checkpoint);
    std::unique_ptr<MountedDatabase> self(new MountedDatabase(paths, clock));
    bool mounted = false;
    struct Undo
    {
        std::function<void()> run;
        ~Undo() { run(); }
    } undo{[&]() {
        if (mounted)
            return;
        self.reset();
        if (!haveLogs) // every log there was started by this mount
            if (auto logs = disk.fileNames(paths.logFolder, paths.prefix + QStringLiteral("*.log")))
                for (const QString &log : *logs)
                    (void)disk.removeFile(paths.logFolder + QLatin1Char('/') + log);
        if (!haveLogs && !haveCheckpoint)
            (void)disk.removeFile(checkpoint);
        if (!haveFile) // made by this mount (new, or rebuilt from logs that are still there)
            for (const QString &suffix :
                 {QString(), QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral("-journal")})
                (void)disk.removeFile(paths.edbPath + suffix);
        for (const QString &top : toMake)
            if (holdsNoFile(disk, top))
                (void)disk.removeRecursively(top);
    }};

    bool takeOver = false; // a restored file of another database or stream becomes this database
    if (haveFile) {
        auto taken = checkExistingFile(paths, guid, name, allowFileRestore);
        if (!taken)
            return taken.error();
        takeOver = *taken;
    }
    if (haveLogs) {
        auto recovered = recoverSoftly(paths, guid, clock, haveFile, takeOver, mayStartEmpty);
        if (!recovered)
            return recovered.error();
        if (*recovered)
            self->m_softRecovery = **recovered;
    }
    auto stream = LogStream::open(disk, paths.logFolder, paths.prefix, clock);
    if (!stream)
        return stream.error();
    self->m_log = std::move(*stream);

    if (disk.exists(paths.edbPath)) {
        auto db = openFileOnStream(paths, *self->m_log, takeOver);
        if (!db)
            return db.error();
        self->m_db = std::move(*db);
    } else {
        // A new database: its creation is logged, so a standby copy can be born from the logs alone.
        auto lsn = self->log(RecordType::CreateDatabase, CreateDatabaseRecord{guid, name}.encode());
        if (!lsn)
            return lsn.error();
        SCR_TRY(self->m_log->flush());
        DatabaseHeader h;
        h.guid = guid;
        h.name = name;
        h.logSignature = self->m_log->signature();
        h.state = DatabaseState::JustCreated;
        h.logRequiredLow = h.logRequiredHigh = lsn->generation;
        h.createdMs = clock.nowMs();
        auto db = Database::create(disk, paths.edbPath, h);
        if (!db)
            return db.error();
        self->m_db = std::move(*db);
    }
    auto mailboxes = self->m_db->mailboxGuids();
    if (!mailboxes)
        return mailboxes.error();
    self->m_mailboxes.insert(mailboxes->begin(), mailboxes->end());

    auto attach = self->log(RecordType::Attach, AttachRecord{guid, paths.edbPath}.encode());
    if (!attach)
        return attach.error();
    SCR_TRY(self->commit());
    SCR_TRY(self->applyPending()); // the file is Dirty Shutdown from here until dismount
    logging::get("store")->info("mounted {} ({}) at {}", name.toStdString(), paths.edbPath.toStdString(),
                                attach->toString().toStdString());
    mounted = true;
    return self;
}

Result<Lsn> MountedDatabase::log(RecordType type, const QByteArray &payload, uint32_t describedSize)
{
    if (m_dismounted)
        return Error{m_paths.edbPath, QStringLiteral("the database is dismounted"),
                     QStringLiteral("mount it first"), JetCode::InvalidParameter};
    const qint64 now = m_clock.nowMs();
    auto lsn = m_log->append(type, payload, now, describedSize);
    if (!lsn)
        return lsn.error();
    m_pendingBytes += payload.size();
    m_pending.push_back({*lsn, type, now, payload, describedSize});
    return lsn;
}

Result<Lsn> MountedDatabase::createMailbox(const CreateMailboxRecord &record)
{
    if (record.mailboxGuid.isNull() || record.displayName.trimmed().isEmpty())
        return Error{record.displayName,
                     QStringLiteral("a mailbox needs a GUID and a display name"),
                     {},
                     JetCode::InvalidParameter};
    auto lsn = log(RecordType::CreateMailbox, record.encode());
    if (lsn)
        m_mailboxes.insert(record.mailboxGuid);
    return lsn;
}

Result<Lsn> MountedDatabase::deliverMessage(const DeliverMessageRecord &record)
{
    if (!knowsMailbox(record.mailboxGuid))
        return Error{record.mailboxGuid.toString(QUuid::WithoutBraces),
                     QStringLiteral("no such mailbox in this database"),
                     QStringLiteral("deliver to a mailbox homed on this database"),
                     JetCode::InvalidParameter};
    if (record.internetMessageId.isEmpty())
        return Error{QStringLiteral("message"),
                     QStringLiteral("has no Internet message ID"),
                     {},
                     JetCode::InvalidParameter};
    return log(record.type(), record.encode(), record.describedBodySize);
}

Result<Lsn> MountedDatabase::deleteMessage(const DeleteMessageRecord &record)
{
    return log(RecordType::DeleteMessage, record.encode());
}

Status MountedDatabase::commit()
{
    SCR_TRY(m_log->flush());
    if (m_pending.size() >= kApplyAfterRecords || m_pendingBytes >= kApplyAfterBytes)
        return applyPending();
    return {};
}

Status MountedDatabase::applyPending()
{
    if (m_pending.empty())
        return {};
    // Write-ahead: only records whose log bytes are durable may reach the database file.
    const Lsn durable = m_log->durableEnd();
    SCR_TRY(m_db->beginBatch());
    std::size_t applied = 0;
    for (const PendingRecord &p : m_pending) {
        if (p.lsn >= durable)
            break;
        LogRecordView view;
        view.lsn = p.lsn;
        view.type = p.type;
        view.timeMs = p.timeMs;
        view.payload = p.payload.constData();
        view.payloadSize = p.payload.size();
        view.encodedSize = encodedRecordSize(p.payload.size());
        view.describedSize = p.describedSize;
        auto r = m_db->applyRecord(view);
        if (!r) {
            m_db->rollbackBatch();
            return r.error();
        }
        ++applied;
    }
    SCR_TRY(m_db->commitBatch());
    const Lsn next = applied < m_pending.size() ? m_pending[applied].lsn : durable;
    for (std::size_t i = 0; i < applied; ++i)
        m_pendingBytes -= m_pending[i].payload.size();
    m_pending.erase(m_pending.begin(), m_pending.begin() + static_cast<std::ptrdiff_t>(applied));
    // The checkpoint moves only after the file durably holds everything before it.
    return writeCheckpointAt(next);
}

Status MountedDatabase::writeCheckpointAt(Lsn position)
{
    const QString path = m_paths.systemFolder + QLatin1Char('/') + checkpointFileName(m_paths.prefix);
    return writeCheckpoint(m_paths.disk, path,
                           Checkpoint{m_log->signature(), position, m_db->header().guid, m_clock.nowMs()});
}

Status MountedDatabase::dismount()
{
    if (m_dismounted)
        return {};
    auto detach = log(RecordType::Detach, DetachRecord{m_db->header().guid}.encode());
    if (!detach)
        return detach.error();
    SCR_TRY(m_log->flush());
    SCR_TRY(applyPending()); // the Detach record leaves the file in Clean Shutdown
    SCR_TRY(m_db->compactWal());
    m_dismounted = true;
    logging::get("store")->info("dismounted {} at {}", m_paths.edbPath.toStdString(),
                                detach->toString().toStdString());
    return {};
}

} // namespace scr
