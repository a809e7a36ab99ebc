#include "database.h"

#include "core/crc32c.h"
#include "core/fileio.h"

#include <cerrno>
#include "records.h"

namespace scr {
namespace {

const QString kMagic = QStringLiteral("SCR-ESE-DB");
constexpr int kFormat = 1;

const char *const kSchema = R"(
CREATE TABLE ese_header(
    id INTEGER PRIMARY KEY CHECK (id = 1), magic TEXT NOT NULL, format INTEGER NOT NULL,
    guid TEXT NOT NULL, name TEXT NOT NULL, sig_rand INTEGER NOT NULL, sig_time INTEGER NOT NULL,
    state INTEGER NOT NULL, log_required_low INTEGER NOT NULL, log_required_high INTEGER NOT NULL,
    log_committed INTEGER NOT NULL,
    consistent_gen INTEGER NOT NULL, consistent_off INTEGER NOT NULL, consistent_ms INTEGER NOT NULL,
    attach_gen INTEGER NOT NULL, attach_off INTEGER NOT NULL, attach_ms INTEGER NOT NULL,
    detach_gen INTEGER NOT NULL, detach_off INTEGER NOT NULL, detach_ms INTEGER NOT NULL,
    applied_gen INTEGER NOT NULL, applied_off INTEGER NOT NULL, created_ms INTEGER NOT NULL);
CREATE TABLE mailboxes(guid TEXT PRIMARY KEY, display_name TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE messages(id INTEGER PRIMARY KEY, internet_message_id TEXT NOT NULL UNIQUE,
    mailbox_guid TEXT NOT NULL, sender TEXT NOT NULL, subject TEXT NOT NULL, size INTEGER NOT NULL,
    body BLOB NOT NULL, delivered_ms INTEGER NOT NULL, described INTEGER NOT NULL DEFAULT 0,
    body_seed INTEGER NOT NULL DEFAULT 0);
CREATE INDEX messages_by_mailbox ON messages(mailbox_guid);
INSERT INTO ese_header VALUES (1, '', 0, '', '', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
)";

QString guidText(const QUuid &u)
{
    return u.toString(QUuid::WithoutBraces);
}

// A link where SQLite opens the database or its companions (-wal, -shm, -journal): SQLite opens those by name
// and NOFOLLOW guards the main file only, so a link there read as a generic I/O error, or (the file itself)
// as "does not exist". Named here as the link it is, with HostDisk's error (the link and the rm that removes
// it), before SQLite opens anything.
Status refuseLinks(const HostDisk &disk, const QString &path)
{
    for (const QString &suffix :
         {QString(), QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral("-journal")}) {
        auto entry = disk.entry(path + suffix);
        if (!entry)
            return entry.error();
        if (!entry->has_value() || (*entry)->kind != DiskEntry::Kind::Link)
            continue;
        auto opened = disk.open(path + suffix, File::Mode::ReadOnly); // refused, naming the link
        if (!opened)
            return opened.error();
        return Error{disk.displayPath(path + suffix),
                     QStringLiteral("is a symbolic link; the lab never follows a link out of a host's disk"),
                     QStringLiteral("remove the link and put the real file there"),
                     JetCode::FileAccessDenied};
    }
    return {};
}

} // namespace

QString databaseStateName(DatabaseState state)
{
    switch (state) {
    case DatabaseState::JustCreated:
        return QStringLiteral("Just Created");
    case DatabaseState::DirtyShutdown:
        return QStringLiteral("Dirty Shutdown");
    case DatabaseState::CleanShutdown:
        return QStringLiteral("Clean Shutdown");
    }
    return QStringLiteral("Unknown");
}

Database::~Database()
{
    if (m_inBatch)
        rollbackBatch();
}

Result<std::unique_ptr<Database>> Database::create(const HostDisk &disk, const QString &path,
                                                   const DatabaseHeader &header, const QString &displayName)
{
    const QString name = displayName.isEmpty() ? disk.displayPath(path) : displayName;
    auto existing = disk.entry(path);
    if (!existing)
        return existing.error();
    if (existing->has_value())
        return Error{name, QStringLiteral("a file of that name exists already"),
                     QStringLiteral("choose another path, or remove the old file first"),
                     JetCode::InvalidParameter};
    if (const int f = disk.fault(true))
        return errorFromErrno(f, name, QStringLiteral("creating"));
    // Built under a temporary name and renamed when complete: a crash never leaves a half-made file at path.
    auto local = disk.resolvedPath(path + QStringLiteral(".new"));
    if (!local)
        return local.error();
    const QString temp = *local;
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        SCR_TRY(disk.removeFile(temp + suffix));
    {
        Database building(disk);
        building.m_path = temp;
        building.m_displayName = name;
        SCR_TRY(building.m_db.open(temp, SqliteConnection::Mode::Create, name));
        SCR_TRY(building.m_db.exec(QStringLiteral("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;")));
        SCR_TRY(building.m_db.exec(QStringLiteral("BEGIN")));
        SCR_TRY(building.m_db.exec(QString::fromUtf8(kSchema)));
        SCR_TRY(building.prepareStatements());
        building.m_header = header;
        SCR_TRY(building.storeHeader());
        SCR_TRY(building.m_db.exec(QStringLiteral("COMMIT")));
        SCR_TRY(building.compactWal());
    } // closed: the WAL is folded in and removed
    SCR_TRY(disk.rename(temp, path));
    return open(disk, path, Access::ReadWrite, name);
}

Result<std::unique_ptr<Database>> Database::createFromLog(const HostDisk &disk, const QString &path,
                                                          const QUuid &guid, const QString &name,
                                                          const LogSignature &signature, Lsn createdAt,
                                                          qint64 createdMs, const QString &displayName)
{
    SCR_TRY(disk.makeFolders(folderOf(path)));
    DatabaseHeader h;
    h.guid = guid;
    h.name = name;
    h.logSignature = signature;
    h.state = DatabaseState::JustCreated;
    h.logRequiredLow = h.logRequiredHigh = createdAt.generation;
    h.createdMs = createdMs;
    h.applied = {createdAt.generation, createdAt.offset - 1}; // records before its creation are not its
    return create(disk, path, h, displayName);
}

Result<std::unique_ptr<Database>> Database::open(const HostDisk &disk, const QString &path, Access access,
                                                 const QString &displayName)
{
    const QString name = displayName.isEmpty() ? disk.displayPath(path) : displayName;
    if (const int f = disk.fault(false))
        return errorFromErrno(f, name, QStringLiteral("opening"));
    // SQLite opens the file by name: HostDisk proves first that no folder on the way is a link (and
    // SQLITE_OPEN_NOFOLLOW refuses the file itself being one).
    SCR_TRY(refuseLinks(disk, path));
    auto existing = disk.entry(path);
    if (!existing)
        return existing.error();
    if (!existing->has_value() || (*existing)->kind != DiskEntry::Kind::File)
        return Error{name, QStringLiteral("the database file does not exist"),
                     QStringLiteral("check EdbFilePath, or restore the file"), JetCode::FileNotFound};
    auto local = disk.resolvedPath(path);
    if (!local)
        return local.error();
    std::unique_ptr<Database> db(new Database(disk));
    db->m_path = *local;
    db->m_displayName = name;
    SCR_TRY(db->m_db.open(*local,
                          access == Access::ReadOnly ? SqliteConnection::Mode::ReadOnly
                                                     : SqliteConnection::Mode::ReadWrite,
                          name));
    SCR_TRY(db->loadHeader()); // first: a file that is not ours must not be touched, not even by a pragma
    if (access == Access::ReadWrite)
        SCR_TRY(db->m_db.exec(QStringLiteral("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;")));
    SCR_TRY(db->checkDescribedColumns(access));
    SCR_TRY(db->prepareStatements());
    return db;
}

Status Database::checkDescribedColumns(Access access)
{
    // Files made before bodies could be described lack the two columns: a writer adds them (an old
    // reader ignores them); a reader sees every body of such a file as stored.
    auto stmt = m_db.prepare(QStringLiteral("SELECT count(*) FROM pragma_table_info('messages') "
                                            "WHERE name IN ('described', 'body_seed')"));
    if (!stmt)
        return stmt.error();
    auto row = stmt->step(m_displayName);
    if (!row)
        return row.error();
    m_describedColumns = *row && stmt->int64(0) == 2;
    if (m_describedColumns || access == Access::ReadOnly)
        return {};
    SCR_TRY(checkDisk(true));
    SCR_TRY(m_db.exec(
        QStringLiteral("BEGIN; ALTER TABLE messages ADD COLUMN described INTEGER NOT NULL DEFAULT 0; "
                       "ALTER TABLE messages ADD COLUMN body_seed INTEGER NOT NULL DEFAULT 0; COMMIT;")));
    m_describedColumns = true;
    return {};
}

Status Database::prepareStatements()
{
    auto insertMailbox =
        m_db.prepare(QStringLiteral("INSERT INTO mailboxes(guid, display_name) VALUES(?1, ?2) "
                                    "ON CONFLICT(guid) DO UPDATE SET display_name = excluded.display_name"));
    auto insertMessage = m_db.prepare(
        m_describedColumns
            ? QStringLiteral(
                  "INSERT OR REPLACE INTO messages(internet_message_id, mailbox_guid, sender, subject, "
                  "size, body, delivered_ms, described, body_seed) "
                  "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
            : QStringLiteral("SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9")); // read-only: never run
    auto deleteMessage = m_db.prepare(QStringLiteral("DELETE FROM messages WHERE internet_message_id = ?1"));
    auto updateHeader = m_db.prepare(QStringLiteral(
        "UPDATE ese_header SET magic=?1, format=?2, guid=?3, name=?4, sig_rand=?5, sig_time=?6, state=?7, "
        "log_required_low=?8, log_required_high=?9, log_committed=?10, consistent_gen=?11, "
        "consistent_off=?12, "
        "consistent_ms=?13, attach_gen=?14, attach_off=?15, attach_ms=?16, detach_gen=?17, detach_off=?18, "
        "detach_ms=?19, applied_gen=?20, applied_off=?21, created_ms=?22 WHERE id = 1"));
    for (auto *r : {&insertMailbox, &insertMessage, &deleteMessage, &updateHeader})
        if (!*r)
            return r->error();
    m_insertMailbox = std::move(*insertMailbox);
    m_insertMessage = std::move(*insertMessage);
    m_deleteMessage = std::move(*deleteMessage);
    m_updateHeader = std::move(*updateHeader);
    return {};
}

Status Database::loadHeader()
{
    const Error notOurs{
        m_displayName, QStringLiteral("is not a mailbox database file (no ESE header)"),
        QStringLiteral("check EdbFilePath; restore the database from a backup if it was damaged"),
        JetCode::DatabaseCorrupted};
    // Until its header reads, the file is untrusted: a view or a trigger runs SQL of the file's own when a
    // table of that name is read or written, and a recursive view never ends (eseutil /mh hung on one,
    // a crafted input of fuzz_dbheader). Ours have neither, so any is refused before a table is read.
    auto schema =
        m_db.prepare(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type IN ('view', 'trigger')"));
    if (!schema) {
        Error e = schema.error();
        return e.code == JetCode::DatabaseCorrupted || e.code == JetCode::DiskIO ? notOurs : e;
    }
    auto schemaRow = schema->step(m_displayName);
    if (!schemaRow)
        return schemaRow.error().code == JetCode::DiskIO ? notOurs : schemaRow.error();
    if (!*schemaRow || schema->int64(0) != 0)
        return notOurs;
    auto stmt = m_db.prepare(QStringLiteral(
        "SELECT magic, format, guid, name, sig_rand, sig_time, state, log_required_low, log_required_high, "
        "log_committed, consistent_gen, consistent_off, consistent_ms, attach_gen, attach_off, attach_ms, "
        "detach_gen, detach_off, detach_ms, applied_gen, applied_off, created_ms FROM ese_header WHERE id = "
        "1"));
    if (!stmt) {
        Error e = stmt.error();
        return e.code == JetCode::DatabaseCorrupted || e.code == JetCode::DiskIO ? notOurs : e;
    }
    auto row = stmt->step(m_displayName);
    if (!row)
        return row.error().code == JetCode::DiskIO ? notOurs : row.error();
    if (!*row || stmt->text(0) != kMagic || stmt->int64(1) != kFormat)
        return notOurs;
    DatabaseHeader &h = m_header;
    const auto u32 = [&](int c) { return static_cast<uint32_t>(stmt->int64(c)); };
    h.guid = QUuid::fromString(stmt->text(2));
    h.name = stmt->text(3);
    h.logSignature = {static_cast<quint64>(stmt->int64(4)), stmt->int64(5)};
    const qint64 state = stmt->int64(6); // checked before it is narrowed: 2^32 + 2 is not Dirty Shutdown
    if (state < 1 || state > 3)
        return notOurs;
    h.state = static_cast<DatabaseState>(state);
    h.logRequiredLow = u32(7);
    h.logRequiredHigh = u32(8);
    h.logCommitted = u32(9);
    h.lastConsistent = {u32(10), u32(11)};
    h.lastConsistentMs = stmt->int64(12);
    h.lastAttach = {u32(13), u32(14)};
    h.lastAttachMs = stmt->int64(15);
    h.lastDetach = {u32(16), u32(17)};
    h.lastDetachMs = stmt->int64(18);
    h.applied = {u32(19), u32(20)};
    h.createdMs = stmt->int64(21);
    return {};
}

Status Database::storeHeader()
{
    const DatabaseHeader &h = m_header;
    m_updateHeader.bind(1, kMagic).bind(2, qint64(kFormat)).bind(3, guidText(h.guid)).bind(4, h.name);
    m_updateHeader.bind(5, static_cast<qint64>(h.logSignature.random)).bind(6, h.logSignature.createTimeMs);
    m_updateHeader.bind(7, qint64(static_cast<int>(h.state))).bind(8, qint64(h.logRequiredLow));
    m_updateHeader.bind(9, qint64(h.logRequiredHigh)).bind(10, qint64(h.logCommitted));
    m_updateHeader.bind(11, qint64(h.lastConsistent.generation)).bind(12, qint64(h.lastConsistent.offset));
    m_updateHeader.bind(13, h.lastConsistentMs);
    m_updateHeader.bind(14, qint64(h.lastAttach.generation)).bind(15, qint64(h.lastAttach.offset));
    m_updateHeader.bind(16, h.lastAttachMs);
    m_updateHeader.bind(17, qint64(h.lastDetach.generation)).bind(18, qint64(h.lastDetach.offset));
    m_updateHeader.bind(19, h.lastDetachMs);
    m_updateHeader.bind(20, qint64(h.applied.generation)).bind(21, qint64(h.applied.offset));
    m_updateHeader.bind(22, h.createdMs);
    return m_updateHeader.run(m_displayName);
}

Status Database::checkDisk(bool needsSpace) const
{
    if (const int f = m_disk.fault(needsSpace))
        return errorFromErrno(f, m_displayName,
                              needsSpace ? QStringLiteral("writing") : QStringLiteral("reading"));
    return {};
}

Status Database::writeHeader(const DatabaseHeader &header)
{
    SCR_TRY(checkDisk(true));
    if (m_inBatch)
        return Error{m_displayName,
                     QStringLiteral("header written inside a replay batch"),
                     {},
                     JetCode::InvalidParameter};
    const DatabaseHeader old = m_header;
    m_header = header;
    SCR_TRY(m_db.exec(QStringLiteral("BEGIN IMMEDIATE")));
    if (auto st = storeHeader(); !st) {
        (void)m_db.exec(QStringLiteral("ROLLBACK"));
        m_header = old;
        return st;
    }
    if (auto st = m_db.exec(QStringLiteral("COMMIT")); !st) {
        (void)m_db.exec(QStringLiteral("ROLLBACK"));
        m_header = old;
        return st;
    }
    return {};
}

Status Database::beginBatch()
{
    SCR_TRY(checkDisk(true));
    SCR_TRY(m_db.exec(QStringLiteral("BEGIN IMMEDIATE")));
    m_inBatch = true;
    m_headerBeforeBatch = m_header;
    return {};
}

Result<bool> Database::applyRecord(const LogRecordView &record)
{
    if (record.lsn <= m_header.applied)
        return false; // already in this file: replaying it again must change nothing
    const auto mismatch = [&](const QUuid &logGuid) {
        return Error{
            m_displayName,
            QStringLiteral("the log record at %1 belongs to database %2, but this file is database %3")
                .arg(record.lsn.toString(), guidText(logGuid), guidText(m_header.guid)),
            QStringLiteral("point recovery at the logs of this database, or restore the matching file"),
            JetCode::AttachedDatabaseMismatch};
    };
    auto owner = databaseGuidOf(record); // CreateDB, AttachDB and DetachDB name their database
    if (!owner)
        return owner.error();
    if (!owner->isNull() && *owner != m_header.guid)
        return mismatch(*owner);
    switch (record.type) {
    case RecordType::CreateDatabase:
        break;
    case RecordType::Attach:
        m_header.state = DatabaseState::DirtyShutdown;
        m_header.lastAttach = record.lsn;
        m_header.lastAttachMs = record.timeMs;
        break;
    case RecordType::Detach:
        m_header.state = DatabaseState::CleanShutdown;
        m_header.lastDetach = record.lsn;
        m_header.lastDetachMs = record.timeMs;
        m_header.lastConsistent = record.lsn;
        m_header.lastConsistentMs = record.timeMs;
        m_header.logRequiredLow = 0;
        m_header.logRequiredHigh = 0;
        break;
    case RecordType::CreateMailbox: {
        auto rec = CreateMailboxRecord::decode(record);
        if (!rec)
            return rec.error();
        SCR_TRY(
            m_insertMailbox.bind(1, guidText(rec->mailboxGuid)).bind(2, rec->displayName).run(m_displayName));
        break;
    }
    case RecordType::DeliverMessage:
    case RecordType::DeliverDescribedMessage: {
        auto rec = DeliverMessageRecord::decode(record);
        if (!rec)
            return rec.error();
        m_insertMessage.bind(1, rec->internetMessageId)
            .bind(2, guidText(rec->mailboxGuid))
            .bind(3, rec->sender);
        m_insertMessage.bind(4, rec->subject).bind(5, rec->bodySize()).bind(6, rec->body);
        m_insertMessage.bind(7, record.timeMs).bind(8, qint64(rec->isDescribed() ? 1 : 0));
        SCR_TRY(m_insertMessage.bind(9, static_cast<qint64>(rec->bodySeed)).run(m_displayName));
        break;
    }
    case RecordType::DeleteMessage: {
        auto rec = DeleteMessageRecord::decode(record);
        if (!rec)
            return rec.error();
        SCR_TRY(m_deleteMessage.bind(1, rec->internetMessageId).run(m_displayName));
        break;
    }
    }
    m_header.applied = record.lsn;
    // Every change is applied whole, so this file needs the logs from the last applied record's generation
    // on.
    if (m_header.state == DatabaseState::DirtyShutdown)
        m_header.logRequiredLow = m_header.logRequiredHigh = record.lsn.generation;
    m_header.logCommitted = std::max(m_header.logCommitted, record.lsn.generation);
    return true;
}

Status Database::commitBatch()
{
    // The power may have gone off during the batch: nothing of it may reach the file then.
    if (auto st = checkDisk(true); !st) {
        rollbackBatch();
        return st;
    }
    if (auto st = storeHeader(); !st) {
        rollbackBatch();
        return st;
    }
    if (auto st = m_db.exec(QStringLiteral("COMMIT")); !st) {
        rollbackBatch();
        return st;
    }
    m_inBatch = false;
    return {};
}

void Database::rollbackBatch()
{
    (void)m_db.exec(QStringLiteral("ROLLBACK"));
    m_header = m_headerBeforeBatch;
    m_inBatch = false;
}

Status Database::compactWal()
{
    SCR_TRY(checkDisk(false));
    return m_db.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
}

Status Database::backupTo(const HostDisk &target, const QString &path)
{
    SCR_TRY(checkDisk(false));
    if (const int f = target.fault(true))
        return errorFromErrno(f, target.displayPath(path), QStringLiteral("writing"));
    const QString temp = path + QStringLiteral(".new");
    SCR_TRY(target.removeFile(temp));
    SCR_TRY(target.makeFolders(folderOf(path)));
    auto localTemp = target.resolvedPath(temp);
    if (!localTemp)
        return localTemp.error();
    {
        SqliteConnection dest;
        SCR_TRY(dest.open(*localTemp, SqliteConnection::Mode::Create, target.displayPath(path)));
        if (!dest.backupFrom(m_db))
            return dest.lastError(QStringLiteral("backing up ") + m_displayName);
    }
    // The backup's pages are on disk before the file takes its name.
    auto file = target.open(temp, File::Mode::ReadWrite);
    if (!file)
        return file.error();
    SCR_TRY(file->syncData());
    file->close();
    return target.rename(temp, path);
}

Result<qint64> Database::messageCount()
{
    auto stmt = m_db.prepare(QStringLiteral("SELECT count(*) FROM messages"));
    if (!stmt)
        return stmt.error();
    auto row = stmt->step(m_displayName);
    if (!row)
        return row.error();
    return stmt->int64(0);
}

Result<std::vector<QUuid>> Database::mailboxGuids()
{
    auto stmt = m_db.prepare(QStringLiteral("SELECT guid FROM mailboxes"));
    if (!stmt)
        return stmt.error();
    std::vector<QUuid> guids;
    SCR_TRY(stmt->forEachRow(m_displayName, [&] { guids.push_back(QUuid::fromString(stmt->text(0))); }));
    return guids;
}

Result<std::vector<MailboxRow>> Database::mailboxes()
{
    auto stmt = m_db.prepare(QStringLiteral(
        "SELECT b.guid, b.display_name, count(m.id), coalesce(sum(m.size), 0) FROM mailboxes b "
        "LEFT JOIN messages m ON m.mailbox_guid = b.guid GROUP BY b.guid ORDER BY b.display_name"));
    if (!stmt)
        return stmt.error();
    std::vector<MailboxRow> rows;
    SCR_TRY(stmt->forEachRow(m_displayName, [&] {
        rows.push_back({QUuid::fromString(stmt->text(0)), stmt->text(1), stmt->int64(2), stmt->int64(3)});
    }));
    return rows;
}

Result<std::optional<MessageRow>> Database::message(const QString &internetMessageId)
{
    auto stmt = m_db.prepare(
        QStringLiteral("SELECT internet_message_id, mailbox_guid, sender, subject, body, "
                       "delivered_ms, size, %1 FROM messages WHERE internet_message_id = ?1")
            .arg(m_describedColumns ? QStringLiteral("described, body_seed") : QStringLiteral("0, 0")));
    if (!stmt)
        return stmt.error();
    stmt->bind(1, internetMessageId);
    auto row = stmt->step(m_displayName);
    if (!row)
        return row.error();
    if (!*row)
        return std::optional<MessageRow>{};
    MessageRow m{stmt->text(0), QUuid::fromString(stmt->text(1)), stmt->text(2), stmt->text(3), stmt->blob(4),
                 stmt->int64(5)};
    if (stmt->int64(7) != 0) // a described body: regenerated from its seed
        m.body = describedBody(static_cast<quint64>(stmt->int64(8)), stmt->int64(6));
    return std::optional<MessageRow>{std::move(m)};
}

Result<std::vector<QString>> Database::messageIds()
{
    auto stmt =
        m_db.prepare(QStringLiteral("SELECT internet_message_id FROM messages ORDER BY internet_message_id"));
    if (!stmt)
        return stmt.error();
    std::vector<QString> ids;
    SCR_TRY(stmt->forEachRow(m_displayName, [&] { ids.push_back(stmt->text(0)); }));
    return ids;
}

Result<QString> Database::contentChecksum()
{
    uint32_t crc = 0;
    qint64 rows = 0;
    for (const QString &sql :
         {QStringLiteral("SELECT guid, display_name FROM mailboxes ORDER BY guid"),
          QStringLiteral(
              "SELECT internet_message_id, mailbox_guid, sender, subject, size, body, delivered_ms, "
              "%1 FROM messages ORDER BY internet_message_id")
              .arg(m_describedColumns ? QStringLiteral("described, body_seed") : QStringLiteral("0, 0"))}) {
        auto stmt = m_db.prepare(sql);
        if (!stmt)
            return stmt.error();
        const int columns = static_cast<int>(sql.count(QLatin1Char(','))) + 1;
        SCR_TRY(stmt->forEachRow(m_displayName, [&] {
            ++rows;
            for (int c = 0; c < columns; ++c) {
                const QByteArray value = stmt->blob(c);
                const uint32_t len = static_cast<uint32_t>(value.size());
                crc = crc32c(&len, sizeof len, crc); // lengths keep ("ab","c") apart from ("a","bc")
                crc = crc32c(value.constData(), value.size(), crc);
            }
        }));
    }
    return QStringLiteral("%1:%2").arg(rows).arg(crc, 8, 16, QLatin1Char('0'));
}

} // namespace scr
