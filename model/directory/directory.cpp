#include "directory.h"

#include "core/logging.h"
#include "core/textescape.h"
#include "host/hostdisk.h"

#include <atomic>
#include <cmath>
#include <iterator>
#include <cerrno>
#include <cstring>
#include <unistd.h>

#include <spdlog/spdlog.h>

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace scr {
namespace {

// Migrations, in order: migration i brings the schema from version i to i + 1, in one transaction with the
// new user_version. sql is split at ';'; then, when a step needs more than SQL, step runs.
struct Migration
{
    const char *sql;
    Status (*step)(const QString &connection);
};

Status moveMailFlowsOutOfSettings(const QString &connection);

const Migration kMigrations[] = {
    {R"(CREATE TABLE hosts(name TEXT PRIMARY KEY COLLATE NOCASE, powered_on INTEGER NOT NULL DEFAULT 1,
    disk_folder TEXT NOT NULL);
CREATE TABLE servers(name TEXT PRIMARY KEY COLLATE NOCASE,
    host TEXT NOT NULL COLLATE NOCASE REFERENCES hosts(name) ON UPDATE CASCADE,
    installed INTEGER NOT NULL DEFAULT 1, mailbox_role INTEGER NOT NULL DEFAULT 1);
CREATE TABLE storage_groups(id INTEGER PRIMARY KEY,
    server TEXT NOT NULL COLLATE NOCASE REFERENCES servers(name) ON UPDATE CASCADE ON DELETE CASCADE,
    name TEXT NOT NULL COLLATE NOCASE, log_prefix TEXT NOT NULL, log_folder_path TEXT NOT NULL,
    system_folder_path TEXT NOT NULL, circular_logging INTEGER NOT NULL DEFAULT 0,
    recovery INTEGER NOT NULL DEFAULT 0, UNIQUE(server, name));
CREATE TABLE databases(id INTEGER PRIMARY KEY,
    storage_group_id INTEGER NOT NULL REFERENCES storage_groups(id) ON DELETE CASCADE,
    name TEXT NOT NULL COLLATE NOCASE, guid TEXT NOT NULL UNIQUE, edb_file_path TEXT NOT NULL,
    mounted INTEGER NOT NULL DEFAULT 0, mount_at_startup INTEGER NOT NULL DEFAULT 1,
    allow_file_restore INTEGER NOT NULL DEFAULT 0);
CREATE TABLE mailboxes(guid TEXT PRIMARY KEY, name TEXT NOT NULL COLLATE NOCASE,
    alias TEXT NOT NULL COLLATE NOCASE UNIQUE, object_class INTEGER NOT NULL,
    database_guid TEXT NOT NULL REFERENCES databases(guid) ON UPDATE CASCADE);
CREATE TABLE scr_copies(id INTEGER PRIMARY KEY,
    storage_group_id INTEGER NOT NULL REFERENCES storage_groups(id) ON DELETE CASCADE,
    standby_machine TEXT NOT NULL COLLATE NOCASE, replay_lag_ms INTEGER NOT NULL,
    truncation_lag_ms INTEGER NOT NULL, suspended INTEGER NOT NULL DEFAULT 0, suspend_comment TEXT NOT NULL DEFAULT '',
    UNIQUE(storage_group_id, standby_machine));
CREATE TABLE status_history(copy_id INTEGER NOT NULL REFERENCES scr_copies(id) ON DELETE CASCADE,
    time_ms INTEGER NOT NULL, copy_queue INTEGER NOT NULL, replay_queue INTEGER NOT NULL, summary TEXT NOT NULL);
CREATE INDEX status_history_by_copy ON status_history(copy_id, time_ms);
CREATE TABLE events(id INTEGER PRIMARY KEY, time_ms INTEGER NOT NULL, event_id INTEGER NOT NULL,
    level TEXT NOT NULL, source TEXT NOT NULL, text TEXT NOT NULL);
CREATE TABLE settings(key TEXT PRIMARY KEY, value TEXT NOT NULL);)",
     nullptr},
    // 2: lab state that lived as strings in settings becomes columns and a table, so that it goes with its
    // object (a removed copy, database or storage group takes its state with it) and is typed.
    {R"(ALTER TABLE scr_copies ADD COLUMN last_log_generated INTEGER NOT NULL DEFAULT 0;
ALTER TABLE scr_copies ADD COLUMN latest_available_log_time_ms INTEGER NOT NULL DEFAULT 0;
ALTER TABLE hosts ADD COLUMN powered_off_ms INTEGER NOT NULL DEFAULT 0;
ALTER TABLE storage_groups ADD COLUMN last_full_backup_ms INTEGER NOT NULL DEFAULT 0;
CREATE TABLE mail_flows(database_guid TEXT PRIMARY KEY
    REFERENCES databases(guid) ON UPDATE CASCADE ON DELETE CASCADE,
    messages_per_minute REAL NOT NULL, message_bytes INTEGER NOT NULL);
CREATE INDEX events_by_time ON events(time_ms);
UPDATE scr_copies SET
    last_log_generated = COALESCE((SELECT CAST(value AS INTEGER) FROM settings
        WHERE key = 'copy.' || scr_copies.id || '.lastLogGenerated'), 0),
    latest_available_log_time_ms = COALESCE((SELECT CAST(value AS INTEGER) FROM settings
        WHERE key = 'copy.' || scr_copies.id || '.latestAvailableLogTime'), 0);
UPDATE hosts SET powered_off_ms = COALESCE((SELECT CAST(value AS INTEGER) FROM settings
    WHERE key = 'host.' || upper(hosts.name) || '.poweredOffMs'), 0);
UPDATE storage_groups SET last_full_backup_ms = COALESCE((SELECT CAST(value AS INTEGER) FROM settings
    WHERE key = 'backup.' || storage_groups.id), 0);
DELETE FROM settings WHERE key LIKE 'copy.%' OR key LIKE 'host.%' OR key LIKE 'backup.%')",
     moveMailFlowsOutOfSettings},
    // 3: whether a database was ever mounted, so that a missing file of one that was is refused at mount
    // (Exchange's "dial-tone" mount needs -Force) instead of silently becoming an empty database.
    {R"(ALTER TABLE databases ADD COLUMN ever_mounted INTEGER NOT NULL DEFAULT 0;
UPDATE databases SET ever_mounted = 1 WHERE mounted = 1)",
     nullptr},
    // 4: each host's disk has a logical capacity (Set-Host -DiskSizeGB); 0 is the default (200 GB), which
    // is what a lab made before has.
    {R"(ALTER TABLE hosts ADD COLUMN disk_size_bytes INTEGER NOT NULL DEFAULT 0)", nullptr},
    // 5: a copy's failure outlives the process that saw it (Exchange keeps a failed copy failed until an
    // administrator resumes or reseeds it, or the replication service finds the cause gone): its reason,
    // the event that reported it, when, and whether only an administrator clears it. And a host disk's
    // I/O fault (Set-Host -DiskFault: '' none, 'ReadOnly', 'IOError'), which every process sees.
    {R"(ALTER TABLE scr_copies ADD COLUMN failed_event_id INTEGER NOT NULL DEFAULT 0;
ALTER TABLE scr_copies ADD COLUMN failed_message TEXT NOT NULL DEFAULT '';
ALTER TABLE scr_copies ADD COLUMN failed_ms INTEGER NOT NULL DEFAULT 0;
ALTER TABLE scr_copies ADD COLUMN failed_permanent INTEGER NOT NULL DEFAULT 0;
ALTER TABLE hosts ADD COLUMN disk_fault TEXT NOT NULL DEFAULT '')",
     nullptr},
};
static_assert(sizeof kMigrations / sizeof kMigrations[0] == Directory::kSchemaVersion);

std::atomic<int> g_connections{0};

Error sqlError(const QSqlQuery &q, const QString &doing)
{
    const QSqlError e = q.lastError();
    const QString text = e.text();
    if (text.contains(QStringLiteral("UNIQUE constraint")))
        return Error{QStringLiteral("directory"),
                     doing + QStringLiteral(": an object of that name exists already"),
                     QStringLiteral("choose another name"), JetCode::InvalidParameter};
    if (text.contains(QStringLiteral("FOREIGN KEY")))
        return Error{QStringLiteral("directory"),
                     doing + QStringLiteral(": it refers to an object that does not exist"),
                     {},
                     JetCode::InvalidParameter};
    return Error{
        QStringLiteral("directory"), doing + QStringLiteral(" failed: ") + text, {}, JetCode::DiskIO};
}

class Query
{
public:
    Query(const QString &connection, const QString &sql) : m_q(QSqlDatabase::database(connection, false))
    {
        m_ok = m_q.prepare(sql);
    }
    Query &bind(const QVariant &v)
    {
        // A null QString would be SQL NULL; the directory stores absent text as ''.
        m_q.addBindValue(
            v.typeId() == QMetaType::QString && v.toString().isNull() ? QVariant(QStringLiteral("")) : v);
        return *this;
    }
    Status run(const QString &doing)
    {
        if (!m_ok || !m_q.exec())
            return sqlError(m_q, doing);
        return {};
    }
    QSqlQuery &q() { return m_q; }

private:
    QSqlQuery m_q;
    bool m_ok = false;
};

QString guidText(const QUuid &u)
{
    return u.toString(QUuid::WithoutBraces);
}

// Schema 1 kept the flows as one setting, "mailflows": a line "GUID RATE BYTES" per flow. A flow whose
// database is gone is dropped, as the lab dropped it at its next start.
Status moveMailFlowsOutOfSettings(const QString &connection)
{
    Query saved(connection, QStringLiteral("SELECT value FROM settings WHERE key = 'mailflows'"));
    SCR_TRY(saved.run(QStringLiteral("reading the mail flows of schema 1")));
    const QString text = saved.q().next() ? saved.q().value(0).toString() : QString();
    for (const QString &line : text.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const QStringList f = line.split(QLatin1Char(' '));
        if (f.size() != 3)
            continue;
        SCR_TRY(Query(connection, QStringLiteral("INSERT OR REPLACE INTO mail_flows SELECT guid, ?, ? FROM "
                                                 "databases WHERE guid = ?"))
                    .bind(f[1].toDouble())
                    .bind(f[2].toInt())
                    .bind(QUuid::fromString(f[0]).toString(QUuid::WithoutBraces))
                    .run(QStringLiteral("moving a mail flow into its table")));
    }
    return Query(connection, QStringLiteral("DELETE FROM settings WHERE key = 'mailflows'"))
        .run(QStringLiteral("removing the mail flows of schema 1"));
}

StorageGroupRecord readStorageGroup(const QSqlQuery &q)
{
    StorageGroupRecord sg;
    sg.id = q.value(0).toLongLong();
    sg.server = q.value(1).toString();
    sg.name = q.value(2).toString();
    sg.logPrefix = q.value(3).toString();
    sg.logFolderPath = q.value(4).toString();
    sg.systemFolderPath = q.value(5).toString();
    sg.circularLogging = q.value(6).toBool();
    sg.recovery = q.value(7).toBool();
    return sg;
}

const QString kStorageGroupColumns = QStringLiteral(
    "id, server, name, log_prefix, log_folder_path, system_folder_path, circular_logging, recovery");

} // namespace

QString mailboxClassName(MailboxClass c)
{
    switch (c) {
    case MailboxClass::User:
        return QStringLiteral("User");
    case MailboxClass::SystemAttendantMailbox:
        return QStringLiteral("SystemAttendantMailbox");
    case MailboxClass::ExOleDbSystemMailbox:
        return QStringLiteral("ExOleDbSystemMailbox");
    }
    return {};
}

namespace {

constexpr int kSqliteHeaderBytes = 100;
const QStringList kSideFiles = {QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral("-journal")};
// The tables every schema since 1 has: with user_version in range, what tells a lab made before the
// application id from somebody else's SQLite file.
const char *const kProductTables[] = {"hosts",          "servers",   "storage_groups",
                                      "databases",      "mailboxes", "scr_copies",
                                      "status_history", "events",    "settings"};

QString directoryFile(const QString &labDir)
{
    return HostDisk::atFolder(labDir).root() + QStringLiteral("/org.sqlite");
}

QString restoreFix()
{
    return QStringLiteral(
        "restore org.sqlite from a backup, or make a new lab with scr-shell --new-demo DIR");
}

// The lab's own files are reached beneath the lab folder, never through a link (as a host's disk is).
Error labFileLink(const QString &path)
{
    return Error{path, QStringLiteral("is a symbolic link; the lab never follows a link for its own files"),
                 QStringLiteral("remove the link outside the product (rm '%1'), and put the lab's real file "
                                "there (restore org.sqlite from a backup)")
                     .arg(path),
                 JetCode::None};
}

// org.sqlite and its side files as they are, without following a link: a link or a non-regular file is
// refused before SQLite opens anything by name. (SQLite then opens by name: the window between this check
// and its open is README's "Not proven yet"; Qt 6.4's QSQLITE has no SQLITE_OPEN_NOFOLLOW option.)
Status checkSideFiles(const HostDisk &lab, const QString &path)
{
    for (const QString &suffix : kSideFiles) {
        auto e = lab.entry(path + suffix);
        if (!e)
            return e.error();
        if (!e->has_value())
            continue;
        if ((*e)->kind == DiskEntry::Kind::Link)
            return labFileLink(path + suffix);
        if ((*e)->kind != DiskEntry::Kind::File)
            return Error{path + suffix, QStringLiteral("is not a regular file"),
                         QStringLiteral("remove it outside the product (rm -r '%1')").arg(path + suffix),
                         JetCode::None};
    }
    return {};
}

quint32 bigEndian(const unsigned char *p, int bytes)
{
    quint32 v = 0;
    for (int i = 0; i < bytes; ++i)
        v = (v << 8) | p[i];
    return v;
}

} // namespace

Status Directory::validateFile(const QString &labDir)
{
    const HostDisk lab = HostDisk::atFolder(labDir);
    const QString path = directoryFile(labDir);
    auto entry = lab.entry(path);
    if (!entry)
        return entry.error();
    if (!entry->has_value())
        return Error{labDir, QStringLiteral("is not a lab folder (it has no org.sqlite)"),
                     QStringLiteral("create one with scr-shell --new-demo DIR"), JetCode::None};
    if ((*entry)->kind == DiskEntry::Kind::Link)
        return labFileLink(path);
    if ((*entry)->kind == DiskEntry::Kind::Folder)
        return Error{path, QStringLiteral("is a folder, not the lab's directory file"), restoreFix(),
                     JetCode::None};
    if ((*entry)->kind != DiskEntry::Kind::File)
        return Error{path, QStringLiteral("is not a regular file"), restoreFix(), JetCode::None};
    // SQLite would take an empty or foreign file for a new database and the migration would write an empty
    // organization over it: the lab's servers would silently be gone. So the header is checked first.
    const qint64 size = (*entry)->size;
    if (size == 0)
        return Error{path, QStringLiteral("is empty (0 bytes): the lab's directory is lost"), restoreFix(),
                     JetCode::None};
    auto file = lab.open(path, File::Mode::ReadOnly);
    if (!file)
        return file.error();
    unsigned char header[kSqliteHeaderBytes] = {};
    static const QByteArray kSqliteMagic("SQLite format 3\0", 16);
    if (size < kSqliteHeaderBytes || !file->readAt(0, header, kSqliteHeaderBytes) ||
        QByteArray(reinterpret_cast<const char *>(header), 16) != kSqliteMagic)
        return Error{path, QStringLiteral("is not a SQLite database (its header is wrong)"), restoreFix(),
                     JetCode::None};
    // A truncated file: less than one page, or fewer pages than its header counts (the count is valid when
    // the change counter matches "version valid for", as SQLite's file format says).
    const quint32 rawPageSize = bigEndian(header + 16, 2);
    const qint64 pageSize = rawPageSize == 1 ? 65536 : rawPageSize;
    const qint64 pages = bigEndian(header + 28, 4);
    const bool countValid = pages > 0 && bigEndian(header + 24, 4) == bigEndian(header + 92, 4);
    if (pageSize < 512 || (pageSize & (pageSize - 1)) != 0)
        return Error{path, QStringLiteral("is damaged (its header gives a page size of %1)").arg(rawPageSize),
                     restoreFix(), JetCode::None};
    if (size < pageSize || (countValid && size < pages * pageSize))
        return Error{path,
                     QStringLiteral("is truncated (%1 bytes, its header counts %2 pages of %3 bytes)")
                         .arg(size)
                         .arg(countValid ? pages : 1)
                         .arg(pageSize),
                     restoreFix(), JetCode::None};
    return checkSideFiles(lab, path);
}

// A lab is written all the time (directory, logs, hosts' disks): one that cannot be written is refused at
// open with the fix, instead of failing later in the middle of a mount or of the log's first line.
Status Directory::checkWritable(const QString &labDir)
{
    const QString fix = QStringLiteral("make it writable for this user (chmod -R u+w %1), or copy the lab "
                                       "to a folder you can write and open the copy")
                            .arg(labDir);
    const HostDisk lab = HostDisk::atFolder(labDir);
    const QString org = directoryFile(labDir);
    const QString logs = lab.root() + QStringLiteral("/logs");
    for (const QString &path : {labDir, org, logs}) {
        if (path == logs && !lab.exists(logs))
            continue; // made at open, in the lab folder checked first
        if (::access(path.toLocal8Bit().constData(), W_OK) != 0) {
            const int err = errno;
            return Error{
                path,
                QStringLiteral("is not writable (%1): the lab folder %2 must be writable to be opened")
                    .arg(QString::fromLocal8Bit(strerror(err)), labDir),
                fix, JetCode::FileAccessDenied};
        }
    }
    return {};
}

bool Directory::isLabFolder(const QString &labDir)
{
    // Anything named org.sqlite, a link or a folder too: opening it then names what is wrong with it.
    auto entry = HostDisk::atFolder(labDir).entry(directoryFile(labDir));
    return entry && entry->has_value();
}

Result<std::unique_ptr<Directory>> Directory::open(const QString &labDir)
{
    SCR_TRY(validateFile(labDir));
    return connect(labDir, false);
}

Result<std::unique_ptr<Directory>> Directory::create(const QString &labDir)
{
    const HostDisk lab = HostDisk::atFolder(labDir);
    const QString path = directoryFile(labDir);
    auto entry = lab.entry(path);
    if (!entry)
        return entry.error();
    if (entry->has_value()) {
        if ((*entry)->kind == DiskEntry::Kind::Link)
            return labFileLink(path);
        return Error{path, QStringLiteral("exists already: this folder is a lab"),
                     QStringLiteral("open it with --lab, or choose a new folder"), JetCode::None};
    }
    SCR_TRY(checkSideFiles(lab, path));
    return connect(labDir, true);
}

Result<std::unique_ptr<Directory>> Directory::connect(const QString &labDir, bool creating)
{
    std::unique_ptr<Directory> d(new Directory);
    d->m_labDir = labDir;
    d->m_connection = QStringLiteral("scr-directory-%1").arg(++g_connections);
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), d->m_connection);
    db.setDatabaseName(directoryFile(labDir));
    if (!db.open())
        return Error{
            directoryFile(labDir), QStringLiteral("the directory cannot be opened: ") + db.lastError().text(),
            QStringLiteral("check that the lab folder exists and is writable"), JetCode::FileAccessDenied};
    // Whose file this is, before anything writes to it (not even journal_mode): a foreign or damaged file
    // is refused unchanged.
    if (!creating)
        SCR_TRY(d->checkIdentity());
    // synchronous=FULL: a command's change is durable when it returns (NORMAL, in WAL mode, may lose the last
    // commits to a power loss: tst_powerloss saw Restore-StorageGroupCopy return, its files durable, and its
    // copy back in the directory after the crash).
    for (const char *pragma : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA foreign_keys=ON",
                               "PRAGMA busy_timeout=5000"}) {
        QSqlQuery q(db);
        if (!q.exec(QString::fromLatin1(pragma)))
            return sqlError(q, QStringLiteral("setting up the directory"));
    }
    if (creating)
        d->m_stampApplicationId = true;
    SCR_TRY(d->migrate());
    if (!creating)
        SCR_TRY(d->checkValues());
    return d;
}

Status Directory::checkIdentity()
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    const QString path = directoryFile(m_labDir);
    const auto unreadable = [&](const QSqlQuery &q) {
        return Error{
            path, QStringLiteral("is not a directory SQLite can read (%1)").arg(q.lastError().databaseText()),
            restoreFix(), JetCode::None};
    };
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA application_id")) || !q.next())
        return unreadable(q);
    const qint64 applicationId = q.value(0).toLongLong();
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next())
        return unreadable(q);
    const qint64 version = q.value(0).toLongLong();
    QString tables;
    for (const char *t : kProductTables)
        tables += (tables.isEmpty() ? QStringLiteral("'") : QStringLiteral(", '")) + QLatin1String(t) +
                  QLatin1Char('\'');
    if (!q.exec(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN (%1)")
                    .arg(tables)) ||
        !q.next())
        return unreadable(q);
    const bool productTables = q.value(0).toInt() == int(std::size(kProductTables));
    const bool ours = applicationId == kApplicationId;
    const Error foreign{path,
                        QStringLiteral("is a SQLite file that SCR Console did not make (application id %1, "
                                       "schema version %2): it is not migrated")
                            .arg(applicationId)
                            .arg(version),
                        restoreFix(), JetCode::None};
    if (applicationId != 0 && !ours)
        return foreign;
    if (version > kSchemaVersion && (ours || productTables))
        return Error{path,
                     QStringLiteral("was written by a newer SCR Console (schema %1, this one knows %2)")
                         .arg(version)
                         .arg(kSchemaVersion),
                     QStringLiteral("open the lab with a newer SCR Console"), JetCode::None};
    if (version < 1 || version > kSchemaVersion) {
        if (!ours)
            return foreign;
        return Error{path, QStringLiteral("is damaged (schema version %1)").arg(version), restoreFix(),
                     JetCode::None};
    }
    if (!ours && !productTables)
        return foreign;
    if (!productTables)
        return Error{path, QStringLiteral("is damaged (tables of the directory are missing)"), restoreFix(),
                     JetCode::None};
    // A lab made before the application id: marked as ours in the migration's transaction.
    m_stampApplicationId = !ours;
    return {};
}

Status Directory::checkValues()
{
    static constexpr const char *kClockValue =
        "(CASE WHEN value = '' OR value GLOB '*[^0-9]*' THEN NULL ELSE CAST(value AS INTEGER) END)";
    struct Bound
    {
        const char *table;
        const char *column;
        const char *row; // SQL naming the row, for the message
        double min;
        double max;
        const char *where = "1";
        const char *shownTable = nullptr; // the table named in the message, when table is a query
    };
    const double maxTime = double(limits::kMaxTimeMs);
    const Bound bounds[] = {
        {"scr_copies", "replay_lag_ms", "'copy ' || id", 0, double(limits::kMaxLagMs)},
        {"scr_copies", "truncation_lag_ms", "'copy ' || id", 0, double(limits::kMaxLagMs)},
        {"scr_copies", "last_log_generated", "'copy ' || id", 0, double(limits::kMaxLogGeneration)},
        {"scr_copies", "latest_available_log_time_ms", "'copy ' || id", 0, maxTime},
        {"hosts", "disk_size_bytes", "'host ' || name",
         std::floor(limits::kMinDiskSizeGB * double(1LL << 30)), limits::kMaxDiskSizeGB * double(1LL << 30),
         "disk_size_bytes <> 0"},
        {"hosts", "powered_off_ms", "'host ' || name", 0, maxTime},
        {"storage_groups", "last_full_backup_ms", "'storage group ' || server || '\\' || name", 0, maxTime},
        {"mail_flows", "messages_per_minute", "'mail flow into ' || database_guid",
         double(limits::kMinMessagesPerMinute), double(limits::kMaxMessagesPerMinute)},
        {"mail_flows", "message_bytes", "'mail flow into ' || database_guid",
         double(limits::kMinMessageSizeKB * 1024), double(limits::kMaxMessageSizeKB * 1024)},
        {"events", "time_ms", "'event ' || id", 0, maxTime},
        // A copy's kept failure (schema 5): its time and an event id of the replication service's range.
        {"scr_copies", "failed_ms", "'copy ' || id", 0, maxTime},
        {"scr_copies", "failed_event_id", "'copy ' || id", 0, 65535},
        // Per copy, through the index (copy_id, time_ms): a history of millions of rows is not scanned.
        {"(SELECT id AS copy_id, (SELECT min(time_ms) FROM status_history WHERE copy_id = scr_copies.id) "
         "AS time_ms FROM scr_copies)",
         "time_ms", "'oldest status sample of copy ' || copy_id", 0, maxTime, "time_ms IS NOT NULL",
         "status_history"},
        {"(SELECT id AS copy_id, (SELECT max(time_ms) FROM status_history WHERE copy_id = scr_copies.id) "
         "AS time_ms FROM scr_copies)",
         "time_ms", "'newest status sample of copy ' || copy_id", 0, maxTime, "time_ms IS NOT NULL",
         "status_history"},
        // The clock is text in settings: digits only (CAST would read '12abc' as 12 and the open would
        // rewrite it silently); anything else is NULL here, and refused.
        {"settings", kClockValue, "'setting ' || key", 0, maxTime, "key = 'clock.nowMs'"},
    };
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    for (const Bound &b : bounds) {
        QSqlQuery q(db);
        // typeof: a text or a blob where a number belongs is out of range too (SQLite compares them as
        // greater than any number, and the reader would make 0 of them).
        const QString column = QString::fromLatin1(b.column);
        const QString sql =
            QStringLiteral(
                "SELECT %1, %2 FROM %3 WHERE (%4) AND (%2 IS NULL OR typeof(%2) NOT IN ('integer', "
                "'real') OR %2 < ? OR %2 > ? OR %2 <> %2) LIMIT 1")
                .arg(QLatin1String(b.row), column, QLatin1String(b.table), QLatin1String(b.where));
        if (!q.prepare(sql))
            return sqlError(q, QStringLiteral("checking the directory's values"));
        q.addBindValue(b.min);
        q.addBindValue(b.max);
        if (!q.exec())
            return sqlError(q, QStringLiteral("checking the directory's values"));
        if (!q.next())
            continue;
        const QString shownColumn = column == QLatin1String(kClockValue) ? QStringLiteral("value") : column;
        return Error{QStringLiteral("%1: %2 (table %3)")
                         .arg(directoryFile(m_labDir), escapeControls(q.value(0).toString()),
                              QLatin1String(b.shownTable ? b.shownTable : b.table)),
                     QStringLiteral("has %1 = %2, outside the range %3 to %4")
                         .arg(shownColumn, escapeControls(q.value(1).toString()))
                         .arg(qint64(b.min))
                         .arg(qint64(b.max)),
                     QStringLiteral("restore org.sqlite from a backup, or set %1 of that row in range with "
                                    "sqlite3 while no scr-console or scr-shell has the lab open")
                         .arg(shownColumn),
                     JetCode::None};
    }
    // A disk fault is one of the two that Invoke-Fault keeps, or none (schema 5).
    QSqlQuery fault(db);
    if (!fault.exec(QStringLiteral("SELECT name, disk_fault FROM hosts WHERE disk_fault NOT IN ('', "
                                   "'ReadOnly', 'IOError') LIMIT 1")))
        return sqlError(fault, QStringLiteral("checking the directory's values"));
    if (fault.next())
        return Error{QStringLiteral("%1: host %2 (table hosts)")
                         .arg(directoryFile(m_labDir), escapeControls(fault.value(0).toString())),
                     QStringLiteral("has disk_fault = %1, which is none of ReadOnly, IOError or ''")
                         .arg(escapeControls(fault.value(1).toString())),
                     QStringLiteral("restore org.sqlite from a backup, or set disk_fault of that row to '' "
                                    "with sqlite3 while no scr-console or scr-shell has the lab open"),
                     JetCode::None};
    return {};
}

Directory::~Directory()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
}

Status Directory::migrate()
{
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next())
        return sqlError(q, QStringLiteral("reading the schema version"));
    const qint64 version = q.value(0).toLongLong();
    // checkIdentity proved this for an existing file; a new one is 0. Never an index out of kMigrations.
    if (version < 0 || version > kSchemaVersion)
        return Error{directoryFile(m_labDir), QStringLiteral("has schema version %1").arg(version),
                     restoreFix(), JetCode::None};
    const auto stamp = [&]() -> Status {
        if (!m_stampApplicationId)
            return {};
        QSqlQuery set(db);
        if (!set.exec(QStringLiteral("PRAGMA application_id = %1").arg(kApplicationId)))
            return sqlError(set, QStringLiteral("marking the directory as SCR Console's"));
        return {};
    };
    if (version == kSchemaVersion && m_stampApplicationId)
        SCR_TRY(transaction(stamp));
    m_stampApplicationId = m_stampApplicationId && version < kSchemaVersion;
    for (qint64 v = version; v < kSchemaVersion; ++v) {
        SCR_TRY(transaction([&]() -> Status {
            SCR_TRY(stamp());
            for (const QString &statement :
                 QString::fromUtf8(kMigrations[v].sql).split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
                if (statement.trimmed().isEmpty())
                    continue;
                QSqlQuery m(db);
                if (!m.exec(statement))
                    return sqlError(m, QStringLiteral("migrating the directory to schema %1").arg(v + 1));
            }
            if (kMigrations[v].step)
                SCR_TRY(kMigrations[v].step(m_connection));
            QSqlQuery set(db);
            if (!set.exec(QStringLiteral("PRAGMA user_version = %1").arg(v + 1)))
                return sqlError(set, QStringLiteral("recording the schema version"));
            return {};
        }));
        logging::get("model")->info("directory {} migrated to schema {}", m_labDir.toStdString(), v + 1);
    }
    return {};
}

Status Directory::transaction(const std::function<Status()> &work)
{
    // Nested: the work joins the outer transaction, which commits or rolls back all of it.
    if (m_transactionDepth > 0)
        return work();
    QSqlDatabase db = QSqlDatabase::database(m_connection, false);
    if (!db.transaction())
        return Error{QStringLiteral("directory"),
                     QStringLiteral("cannot start a transaction: ") + db.lastError().text(),
                     {},
                     JetCode::DiskIO};
    ++m_transactionDepth;
    Status st = work();
    --m_transactionDepth;
    if (!st) {
        db.rollback();
        return st;
    }
    if (!db.commit()) {
        const QString why = db.lastError().text();
        db.rollback();
        return Error{
            QStringLiteral("directory"), QStringLiteral("cannot commit: ") + why, {}, JetCode::DiskIO};
    }
    return {};
}

Status Directory::addHost(const HostRecord &host)
{
    return Query(m_connection,
                 QStringLiteral("INSERT INTO hosts(name, powered_on, disk_folder, disk_size_bytes) "
                                "VALUES(?, ?, ?, ?)"))
        .bind(host.name)
        .bind(host.poweredOn)
        .bind(host.diskFolder.isEmpty() ? HostDisk::defaultDiskFolder(host.name) : host.diskFolder)
        .bind(std::max<qint64>(0, host.diskSizeBytes))
        .run(QStringLiteral("adding host ") + host.name);
}

namespace {

HostRecord hostFromRow(const QSqlQuery &q)
{
    return {q.value(0).toString(), q.value(1).toBool(), q.value(2).toString(), q.value(3).toLongLong()};
}

} // namespace

Result<std::vector<HostRecord>> Directory::hosts() const
{
    Query q(m_connection,
            QStringLiteral("SELECT name, powered_on, disk_folder, disk_size_bytes FROM hosts ORDER BY name"));
    SCR_TRY(q.run(QStringLiteral("reading hosts")));
    std::vector<HostRecord> out;
    while (q.q().next())
        out.push_back(hostFromRow(q.q()));
    return out;
}

Result<std::optional<HostRecord>> Directory::host(const QString &name) const
{
    Query q(
        m_connection,
        QStringLiteral("SELECT name, powered_on, disk_folder, disk_size_bytes FROM hosts WHERE name = ?"));
    SCR_TRY(q.bind(name).run(QStringLiteral("reading host ") + name));
    if (!q.q().next())
        return std::optional<HostRecord>{};
    return std::optional<HostRecord>{hostFromRow(q.q())};
}

Status Directory::setHostDiskSize(const QString &name, qint64 bytes)
{
    return Query(m_connection, QStringLiteral("UPDATE hosts SET disk_size_bytes = ? WHERE name = ?"))
        .bind(std::max<qint64>(0, bytes))
        .bind(name)
        .run(QStringLiteral("setting the disk size of host ") + name);
}

Status Directory::setHostPoweredOn(const QString &name, bool on)
{
    return Query(m_connection, QStringLiteral("UPDATE hosts SET powered_on = ? WHERE name = ?"))
        .bind(on)
        .bind(name)
        .run(QStringLiteral("powering host ") + name);
}

Status Directory::renameHost(const QString &from, const QString &to)
{
    return Query(m_connection, QStringLiteral("UPDATE hosts SET name = ? WHERE name = ?"))
        .bind(to)
        .bind(from)
        .run(QStringLiteral("renaming host %1 to %2").arg(from, to));
}

Status Directory::addServer(const ServerRecord &server)
{
    return Query(
               m_connection,
               QStringLiteral("INSERT INTO servers(name, host, installed, mailbox_role) VALUES(?, ?, ?, ?)"))
        .bind(server.name)
        .bind(server.host)
        .bind(server.installed)
        .bind(server.mailboxRole)
        .run(QStringLiteral("adding server ") + server.name);
}

Result<std::vector<ServerRecord>> Directory::servers() const
{
    Query q(m_connection,
            QStringLiteral("SELECT name, host, installed, mailbox_role FROM servers ORDER BY name"));
    SCR_TRY(q.run(QStringLiteral("reading servers")));
    std::vector<ServerRecord> out;
    while (q.q().next())
        out.push_back({q.q().value(0).toString(), q.q().value(1).toString(), q.q().value(2).toBool(),
                       q.q().value(3).toBool()});
    return out;
}

Result<std::optional<ServerRecord>> Directory::server(const QString &name) const
{
    Query q(m_connection,
            QStringLiteral("SELECT name, host, installed, mailbox_role FROM servers WHERE name = ?"));
    SCR_TRY(q.bind(name).run(QStringLiteral("reading server ") + name));
    if (!q.q().next())
        return std::optional<ServerRecord>{};
    return std::optional<ServerRecord>{ServerRecord{q.q().value(0).toString(), q.q().value(1).toString(),
                                                    q.q().value(2).toBool(), q.q().value(3).toBool()}};
}

Status Directory::bindServer(const QString &server, const QString &host)
{
    return Query(m_connection, QStringLiteral("UPDATE servers SET host = ?, installed = 1 WHERE name = ?"))
        .bind(host)
        .bind(server)
        .run(QStringLiteral("binding server %1 to host %2").arg(server, host));
}

Status Directory::removeServer(const QString &name)
{
    return Query(m_connection, QStringLiteral("DELETE FROM servers WHERE name = ?"))
        .bind(name)
        .run(QStringLiteral("removing server ") + name);
}

Result<qint64> Directory::addStorageGroup(const StorageGroupRecord &sg)
{
    Query q(m_connection,
            QStringLiteral("INSERT INTO storage_groups(server, name, log_prefix, log_folder_path, "
                           "system_folder_path, circular_logging, recovery) VALUES(?, ?, ?, ?, ?, ?, ?)"));
    q.bind(sg.server).bind(sg.name).bind(sg.logPrefix).bind(sg.logFolderPath).bind(sg.systemFolderPath);
    SCR_TRY(q.bind(sg.circularLogging)
                .bind(sg.recovery)
                .run(QStringLiteral("adding storage group ") + sg.identity()));
    return q.q().lastInsertId().toLongLong();
}

Result<std::vector<StorageGroupRecord>> Directory::storageGroups(const QString &server) const
{
    Query q(m_connection,
            QStringLiteral("SELECT ") + kStorageGroupColumns +
                QStringLiteral(" FROM storage_groups WHERE ? = '' OR server = ? ORDER BY server, name"));
    SCR_TRY(q.bind(server).bind(server).run(QStringLiteral("reading storage groups")));
    std::vector<StorageGroupRecord> out;
    while (q.q().next())
        out.push_back(readStorageGroup(q.q()));
    return out;
}

Result<std::optional<StorageGroupRecord>> Directory::storageGroup(qint64 id) const
{
    Query q(m_connection, QStringLiteral("SELECT ") + kStorageGroupColumns +
                              QStringLiteral(" FROM storage_groups WHERE id = ?"));
    SCR_TRY(q.bind(id).run(QStringLiteral("reading a storage group")));
    if (!q.q().next())
        return std::optional<StorageGroupRecord>{};
    return std::optional<StorageGroupRecord>{readStorageGroup(q.q())};
}

Result<std::optional<StorageGroupRecord>> Directory::storageGroup(const QString &identity) const
{
    const QStringList parts = identity.split(QLatin1Char('\\'));
    if (parts.size() != 2)
        return std::optional<StorageGroupRecord>{};
    Query q(m_connection, QStringLiteral("SELECT ") + kStorageGroupColumns +
                              QStringLiteral(" FROM storage_groups WHERE server = ? AND name = ?"));
    SCR_TRY(q.bind(parts[0]).bind(parts[1]).run(QStringLiteral("reading storage group ") + identity));
    if (!q.q().next())
        return std::optional<StorageGroupRecord>{};
    return std::optional<StorageGroupRecord>{readStorageGroup(q.q())};
}

Status Directory::updateStorageGroupPaths(const StorageGroupRecord &sg)
{
    return Query(m_connection,
                 QStringLiteral(
                     "UPDATE storage_groups SET log_folder_path = ?, system_folder_path = ? WHERE id = ?"))
        .bind(sg.logFolderPath)
        .bind(sg.systemFolderPath)
        .bind(sg.id)
        .run(QStringLiteral("moving the paths of storage group ") + sg.identity());
}

Status Directory::removeStorageGroup(qint64 id)
{
    return Query(m_connection, QStringLiteral("DELETE FROM storage_groups WHERE id = ?"))
        .bind(id)
        .run(QStringLiteral("removing a storage group"));
}

Result<qint64> Directory::addDatabase(const DatabaseRecord &db)
{
    Query q(
        m_connection,
        QStringLiteral("INSERT INTO databases(storage_group_id, name, guid, edb_file_path, mounted, "
                       "mount_at_startup, allow_file_restore, ever_mounted) VALUES(?, ?, ?, ?, ?, ?, ?, ?)"));
    q.bind(db.storageGroupId).bind(db.name).bind(guidText(db.guid)).bind(db.edbFilePath).bind(db.mounted);
    SCR_TRY(q.bind(db.mountAtStartup)
                .bind(db.allowFileRestore)
                .bind(db.everMounted || db.mounted)
                .run(QStringLiteral("adding database ") + db.name));
    return q.q().lastInsertId().toLongLong();
}

Result<std::vector<DatabaseRecord>> Directory::databases(qint64 storageGroupId) const
{
    Query q(m_connection, QStringLiteral("SELECT id, storage_group_id, name, guid, edb_file_path, mounted, "
                                         "mount_at_startup, allow_file_restore, ever_mounted FROM databases "
                                         "WHERE ? = 0 OR storage_group_id = ? ORDER BY id"));
    SCR_TRY(q.bind(storageGroupId).bind(storageGroupId).run(QStringLiteral("reading databases")));
    std::vector<DatabaseRecord> out;
    while (q.q().next()) {
        const QSqlQuery &r = q.q();
        out.push_back({r.value(0).toLongLong(), r.value(1).toLongLong(), r.value(2).toString(),
                       QUuid::fromString(r.value(3).toString()), r.value(4).toString(), r.value(5).toBool(),
                       r.value(6).toBool(), r.value(7).toBool(), r.value(8).toBool()});
    }
    return out;
}

Status Directory::setDatabaseMounted(qint64 id, bool mounted)
{
    // A mount also records that the database has a file from now on (ever_mounted never goes back).
    return Query(m_connection,
                 QStringLiteral(
                     "UPDATE databases SET mounted = ?, ever_mounted = ever_mounted OR ? WHERE id = ?"))
        .bind(mounted)
        .bind(mounted)
        .bind(id)
        .run(QStringLiteral("recording a mount"));
}

Status Directory::updateDatabase(const DatabaseRecord &db)
{
    return Query(m_connection, QStringLiteral("UPDATE databases SET name = ?, guid = ?, edb_file_path = ?, "
                                              "mount_at_startup = ?, allow_file_restore = ? WHERE id = ?"))
        .bind(db.name)
        .bind(guidText(db.guid))
        .bind(db.edbFilePath)
        .bind(db.mountAtStartup)
        .bind(db.allowFileRestore)
        .bind(db.id)
        .run(QStringLiteral("updating database ") + db.name);
}

Status Directory::removeDatabase(qint64 id)
{
    return Query(m_connection, QStringLiteral("DELETE FROM databases WHERE id = ?"))
        .bind(id)
        .run(QStringLiteral("removing a mailbox database"));
}

Status Directory::addMailbox(const MailboxRecord &m)
{
    return Query(m_connection,
                 QStringLiteral("INSERT INTO mailboxes(guid, name, alias, object_class, database_guid) "
                                "VALUES(?, ?, ?, ?, ?)"))
        .bind(guidText(m.guid))
        .bind(m.name)
        .bind(m.alias)
        .bind(static_cast<int>(m.objectClass))
        .bind(guidText(m.databaseGuid))
        .run(QStringLiteral("adding mailbox ") + m.name);
}

Result<std::vector<MailboxRecord>> Directory::mailboxes(const QUuid &database) const
{
    Query q(m_connection,
            QStringLiteral("SELECT guid, name, alias, object_class, database_guid FROM mailboxes "
                           "WHERE ? = '' OR database_guid = ? ORDER BY name"));
    const QString filter = database.isNull() ? QString() : guidText(database);
    SCR_TRY(q.bind(filter).bind(filter).run(QStringLiteral("reading mailboxes")));
    std::vector<MailboxRecord> out;
    while (q.q().next()) {
        const QSqlQuery &r = q.q();
        out.push_back({QUuid::fromString(r.value(0).toString()), r.value(1).toString(), r.value(2).toString(),
                       static_cast<MailboxClass>(r.value(3).toInt()),
                       QUuid::fromString(r.value(4).toString())});
    }
    return out;
}

Status Directory::setMailboxHome(const QUuid &mailbox, const QUuid &database)
{
    return Query(m_connection, QStringLiteral("UPDATE mailboxes SET database_guid = ? WHERE guid = ?"))
        .bind(guidText(database))
        .bind(guidText(mailbox))
        .run(QStringLiteral("rehoming mailbox ") + guidText(mailbox));
}

Result<qint64> Directory::addCopy(const ScrCopyRecord &c)
{
    Query q(m_connection,
            QStringLiteral("INSERT INTO scr_copies(storage_group_id, standby_machine, replay_lag_ms, "
                           "truncation_lag_ms, suspended, suspend_comment) VALUES(?, ?, ?, ?, ?, ?)"));
    q.bind(c.storageGroupId).bind(c.standbyMachine).bind(c.replayLagMs).bind(c.truncationLagMs);
    SCR_TRY(q.bind(c.suspended).bind(c.suspendComment).run(QStringLiteral("adding an SCR copy")));
    return q.q().lastInsertId().toLongLong();
}

Status Directory::updateCopy(const ScrCopyRecord &c)
{
    return Query(m_connection,
                 QStringLiteral("UPDATE scr_copies SET replay_lag_ms = ?, truncation_lag_ms = ?, "
                                "suspended = ?, suspend_comment = ? WHERE id = ?"))
        .bind(c.replayLagMs)
        .bind(c.truncationLagMs)
        .bind(c.suspended)
        .bind(c.suspendComment)
        .bind(c.id)
        .run(QStringLiteral("updating an SCR copy"));
}

Status Directory::removeCopy(qint64 id)
{
    return Query(m_connection, QStringLiteral("DELETE FROM scr_copies WHERE id = ?"))
        .bind(id)
        .run(QStringLiteral("removing an SCR copy"));
}

Result<std::vector<ScrCopyRecord>> Directory::copies(qint64 storageGroupId) const
{
    Query q(m_connection,
            QStringLiteral("SELECT id, storage_group_id, standby_machine, replay_lag_ms, truncation_lag_ms, "
                           "suspended, suspend_comment FROM scr_copies WHERE ? = 0 OR storage_group_id = ? "
                           "ORDER BY id"));
    SCR_TRY(q.bind(storageGroupId).bind(storageGroupId).run(QStringLiteral("reading SCR copies")));
    std::vector<ScrCopyRecord> out;
    while (q.q().next()) {
        const QSqlQuery &r = q.q();
        out.push_back({r.value(0).toLongLong(), r.value(1).toLongLong(), r.value(2).toString(),
                       r.value(3).toLongLong(), r.value(4).toLongLong(), r.value(5).toBool(),
                       r.value(6).toString()});
    }
    return out;
}

Status Directory::addSamples(const std::vector<StatusSample> &samples)
{
    return transaction([&]() -> Status {
        for (const StatusSample &s : samples)
            SCR_TRY(Query(m_connection, QStringLiteral("INSERT INTO status_history VALUES(?, ?, ?, ?, ?)"))
                        .bind(s.copyId)
                        .bind(s.timeMs)
                        .bind(s.copyQueueLength)
                        .bind(s.replayQueueLength)
                        .bind(s.summary)
                        .run(QStringLiteral("recording status history")));
        return {};
    });
}

Result<std::vector<StatusSample>> Directory::samples(qint64 copyId, qint64 sinceMs, int limit) const
{
    // The newest limit samples only: a directory holding millions of rows (written by hand, or by a lab
    // that never downsampled) is never loaded whole.
    Query q(m_connection,
            QStringLiteral("SELECT copy_id, time_ms, copy_queue, replay_queue, summary FROM ("
                           "SELECT rowid, * FROM status_history WHERE copy_id = ? AND time_ms >= ? "
                           "ORDER BY time_ms DESC, rowid DESC LIMIT ?) ORDER BY time_ms, rowid"));
    SCR_TRY(
        q.bind(copyId).bind(sinceMs).bind(std::max(0, limit)).run(QStringLiteral("reading status history")));
    std::vector<StatusSample> out;
    while (q.q().next()) {
        const QSqlQuery &r = q.q();
        out.push_back({r.value(0).toLongLong(), r.value(1).toLongLong(), r.value(2).toLongLong(),
                       r.value(3).toLongLong(), r.value(4).toString()});
    }
    return out;
}

Status Directory::downsample(qint64 olderThanMs, qint64 bucketMs, qint64 dropBeforeMs)
{
    return transaction([&]() -> Status {
        SCR_TRY(Query(m_connection, QStringLiteral("DELETE FROM status_history WHERE time_ms < ?"))
                    .bind(dropBeforeMs)
                    .run(QStringLiteral("dropping old status history")));
        // Keep the latest sample of each bucket: the queue length at the end of the interval.
        return Query(m_connection,
                     QStringLiteral("DELETE FROM status_history WHERE time_ms < ? AND rowid NOT IN ("
                                    "SELECT max(rowid) FROM status_history WHERE time_ms < ? "
                                    "GROUP BY copy_id, time_ms / ?)"))
            .bind(olderThanMs)
            .bind(olderThanMs)
            .bind(bucketMs)
            .run(QStringLiteral("downsampling status history"));
    });
}

Result<qint64> Directory::sampleCount() const
{
    Query q(m_connection, QStringLiteral("SELECT count(*) FROM status_history"));
    SCR_TRY(q.run(QStringLiteral("counting status history")));
    return q.q().next() ? q.q().value(0).toLongLong() : 0;
}

Status Directory::addEvent(const EventRecord &e)
{
    return Query(m_connection,
                 QStringLiteral(
                     "INSERT INTO events(time_ms, event_id, level, source, text) VALUES(?, ?, ?, ?, ?)"))
        .bind(e.timeMs)
        .bind(e.eventId)
        .bind(e.level)
        .bind(e.source)
        .bind(e.text)
        .run(QStringLiteral("recording an event"));
}

Result<std::vector<EventRecord>> Directory::events(int limit) const
{
    Query q(m_connection,
            QStringLiteral(
                "SELECT id, time_ms, event_id, level, source, text FROM events ORDER BY id DESC LIMIT ?"));
    SCR_TRY(q.bind(limit).run(QStringLiteral("reading events")));
    std::vector<EventRecord> out;
    while (q.q().next()) {
        const QSqlQuery &r = q.q();
        out.push_back({r.value(0).toLongLong(), r.value(1).toLongLong(), r.value(2).toInt(),
                       r.value(3).toString(), r.value(4).toString(), r.value(5).toString()});
    }
    return out;
}

Status Directory::setHostPoweredOffAt(const QString &name, qint64 timeMs)
{
    return Query(m_connection, QStringLiteral("UPDATE hosts SET powered_off_ms = ? WHERE name = ?"))
        .bind(timeMs)
        .bind(name)
        .run(QStringLiteral("recording when host %1 was powered off").arg(name));
}

Result<qint64> Directory::hostPoweredOffAt(const QString &name) const
{
    Query q(m_connection, QStringLiteral("SELECT powered_off_ms FROM hosts WHERE name = ?"));
    SCR_TRY(q.bind(name).run(QStringLiteral("reading when host %1 was powered off").arg(name)));
    return q.q().next() ? q.q().value(0).toLongLong() : 0;
}

Status Directory::setLastFullBackup(qint64 storageGroupId, qint64 timeMs)
{
    return Query(m_connection,
                 QStringLiteral("UPDATE storage_groups SET last_full_backup_ms = ? WHERE id = ?"))
        .bind(timeMs)
        .bind(storageGroupId)
        .run(QStringLiteral("recording a full backup"));
}

Result<qint64> Directory::lastFullBackup(qint64 storageGroupId) const
{
    Query q(m_connection, QStringLiteral("SELECT last_full_backup_ms FROM storage_groups WHERE id = ?"));
    SCR_TRY(q.bind(storageGroupId).run(QStringLiteral("reading the last full backup")));
    return q.q().next() ? q.q().value(0).toLongLong() : 0;
}

Status Directory::setCopySourcePosition(qint64 copyId, const CopySourcePosition &seen)
{
    return Query(m_connection, QStringLiteral("UPDATE scr_copies SET last_log_generated = ?, "
                                              "latest_available_log_time_ms = ? WHERE id = ?"))
        .bind(static_cast<qint64>(seen.lastLogGenerated))
        .bind(seen.latestAvailableLogTime)
        .bind(copyId)
        .run(QStringLiteral("recording what an SCR copy saw of its source"));
}

Result<CopySourcePosition> Directory::copySourcePosition(qint64 copyId) const
{
    Query q(m_connection, QStringLiteral("SELECT last_log_generated, latest_available_log_time_ms "
                                         "FROM scr_copies WHERE id = ?"));
    SCR_TRY(q.bind(copyId).run(QStringLiteral("reading what an SCR copy saw of its source")));
    CopySourcePosition seen;
    if (q.q().next()) {
        seen.lastLogGenerated = static_cast<uint32_t>(q.q().value(0).toLongLong());
        seen.latestAvailableLogTime = q.q().value(1).toLongLong();
    }
    return seen;
}

Status Directory::setCopyFailure(qint64 copyId, const CopyFailureRecord &failure)
{
    return Query(m_connection,
                 QStringLiteral("UPDATE scr_copies SET failed_event_id = ?, failed_message = ?, "
                                "failed_ms = ?, failed_permanent = ? WHERE id = ?"))
        .bind(failure.eventId)
        .bind(failure.message)
        .bind(failure.timeMs)
        .bind(failure.permanent)
        .bind(copyId)
        .run(QStringLiteral("recording an SCR copy's failure"));
}

Status Directory::clearCopyFailure(qint64 copyId)
{
    return Query(m_connection,
                 QStringLiteral("UPDATE scr_copies SET failed_event_id = 0, failed_message = '', "
                                "failed_ms = 0, failed_permanent = 0 WHERE id = ?"))
        .bind(copyId)
        .run(QStringLiteral("clearing an SCR copy's failure"));
}

Result<std::optional<CopyFailureRecord>> Directory::copyFailure(qint64 copyId) const
{
    Query q(m_connection,
            QStringLiteral("SELECT failed_event_id, failed_message, failed_ms, failed_permanent "
                           "FROM scr_copies WHERE id = ?"));
    SCR_TRY(q.bind(copyId).run(QStringLiteral("reading an SCR copy's failure")));
    if (!q.q().next() || q.q().value(1).toString().isEmpty())
        return std::optional<CopyFailureRecord>();
    return std::optional<CopyFailureRecord>(
        CopyFailureRecord{q.q().value(0).toInt(), q.q().value(1).toString(), q.q().value(2).toLongLong(),
                          q.q().value(3).toBool()});
}

Status Directory::setHostDiskFault(const QString &name, const QString &fault)
{
    return Query(m_connection, QStringLiteral("UPDATE hosts SET disk_fault = ? WHERE name = ?"))
        .bind(fault)
        .bind(name)
        .run(QStringLiteral("recording the disk fault of host %1").arg(name));
}

Result<QString> Directory::hostDiskFault(const QString &name) const
{
    Query q(m_connection, QStringLiteral("SELECT disk_fault FROM hosts WHERE name = ?"));
    SCR_TRY(q.bind(name).run(QStringLiteral("reading the disk fault of host %1").arg(name)));
    return q.q().next() ? q.q().value(0).toString() : QString();
}

Status Directory::replaceMailFlows(const std::vector<MailFlowRecord> &flows)
{
    return transaction([&]() -> Status {
        SCR_TRY(Query(m_connection, QStringLiteral("DELETE FROM mail_flows"))
                    .run(QStringLiteral("saving mail flows")));
        for (const MailFlowRecord &f : flows)
            SCR_TRY(Query(m_connection, QStringLiteral("INSERT INTO mail_flows VALUES(?, ?, ?)"))
                        .bind(guidText(f.database))
                        .bind(f.messagesPerMinute)
                        .bind(f.messageBytes)
                        .run(QStringLiteral("saving the mail flow into ") + guidText(f.database)));
        return {};
    });
}

Result<std::vector<MailFlowRecord>> Directory::mailFlows() const
{
    Query q(m_connection, QStringLiteral("SELECT database_guid, messages_per_minute, message_bytes "
                                         "FROM mail_flows ORDER BY database_guid"));
    SCR_TRY(q.run(QStringLiteral("reading mail flows")));
    std::vector<MailFlowRecord> out;
    while (q.q().next())
        out.push_back({QUuid::fromString(q.q().value(0).toString()), q.q().value(1).toDouble(),
                       q.q().value(2).toInt()});
    return out;
}

Status Directory::saveClock(qint64 nowMs)
{
    return setSetting(QStringLiteral("clock.nowMs"), QString::number(nowMs));
}

Result<qint64> Directory::savedClock() const
{
    Query q(m_connection, QStringLiteral("SELECT max(COALESCE((SELECT CAST(value AS INTEGER) FROM settings "
                                         "WHERE key = 'clock.nowMs'), 0), "
                                         "COALESCE((SELECT max(time_ms) FROM events), 0), "
                                         "COALESCE((SELECT max((SELECT max(time_ms) FROM status_history "
                                         "WHERE copy_id = scr_copies.id)) FROM scr_copies), 0))"));
    SCR_TRY(q.run(QStringLiteral("reading the virtual clock")));
    return q.q().next() ? q.q().value(0).toLongLong() : 0;
}

Status Directory::setSetting(const QString &key, const QString &value)
{
    return Query(m_connection, QStringLiteral("INSERT INTO settings(key, value) VALUES(?, ?) "
                                              "ON CONFLICT(key) DO UPDATE SET value = excluded.value"))
        .bind(key)
        .bind(value)
        .run(QStringLiteral("saving setting ") + key);
}

Result<QString> Directory::setting(const QString &key, const QString &fallback) const
{
    Query q(m_connection, QStringLiteral("SELECT value FROM settings WHERE key = ?"));
    SCR_TRY(q.bind(key).run(QStringLiteral("reading setting ") + key));
    return q.q().next() ? q.q().value(0).toString() : fallback;
}

} // namespace scr
