#include "sqlite.h"

#include <cerrno>
#include <cstring>
#include <unistd.h>

#include <sqlite3.h>

#include <QFile>
#include <QFileInfo>

namespace scr {
namespace {

Error sqliteError(sqlite3 *db, int rc, const QString &object, const QString &doing)
{
    const QString why =
        doing + QStringLiteral(" failed: ") + QString::fromUtf8(db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
    // A real full disk reaches SQLite as an I/O error (SQLITE_IOERR_WRITE, _SHMSIZE, ...), or as no way to
    // make the -wal or -shm file: the system's errno says what it is. Not damage, so not "no ESE header".
    const int sys = db ? sqlite3_system_errno(db) : 0;
    const int primary = rc & 0xFF;
    if ((sys == ENOSPC || sys == EDQUOT) &&
        (primary == SQLITE_IOERR || primary == SQLITE_CANTOPEN || primary == SQLITE_FULL))
        return {
            object,
            QStringLiteral("the disk is full (%1: %2)").arg(why, QString::fromLocal8Bit(std::strerror(sys))),
            QStringLiteral("free space on the file system that holds the lab folder, then try again"),
            JetCode::DiskFull};
    switch (primary) {
    case SQLITE_FULL:
        return {object, why, QStringLiteral("free space on the disk that holds it"), JetCode::DiskFull};
    case SQLITE_READONLY:
        // The file and its folder are writable, yet a write is refused: the file's own header forbids it (its
        // write version, byte 18, is not one SQLite writes): a damaged file, not a permission to change.
        // (sqlite3_db_readonly cannot tell: it counts that header flag too.)
        if (const char *file = db ? sqlite3_db_filename(db, "main") : nullptr;
            rc == SQLITE_READONLY && file && *file && ::access(file, W_OK) == 0 &&
            ::access(QFile::encodeName(QFileInfo(QFile::decodeName(file)).path()).constData(), W_OK) == 0)
            return {object,
                    QStringLiteral("is damaged: its file header says it cannot be written (%1)").arg(why),
                    QStringLiteral("restore the database from a backup or reseed the copy"),
                    JetCode::DatabaseCorrupted};
        return {object, why, QStringLiteral("make the file and its folder writable"),
                JetCode::FileAccessDenied};
    case SQLITE_PERM:
    case SQLITE_AUTH:
        return {object, why, QStringLiteral("make the file and its folder writable"),
                JetCode::FileAccessDenied};
    case SQLITE_CANTOPEN:
        return {object, why, QStringLiteral("check that the path exists and is writable"),
                JetCode::FileNotFound};
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
        return {object, QStringLiteral("is not a database file of ours, or it is damaged (%1)").arg(why),
                QStringLiteral("restore the database from a backup or reseed the copy"),
                JetCode::DatabaseCorrupted};
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return {object, why, QStringLiteral("dismount the database or stop the process that uses it"),
                JetCode::DatabaseInUse};
    default:
        return {object, why, {}, JetCode::DiskIO};
    }
}

} // namespace

SqliteStatement::~SqliteStatement()
{
    if (m_stmt)
        sqlite3_finalize(m_stmt);
}

SqliteStatement::SqliteStatement(SqliteStatement &&other) noexcept : m_db(other.m_db), m_stmt(other.m_stmt)
{
    other.m_stmt = nullptr;
}

SqliteStatement &SqliteStatement::operator=(SqliteStatement &&other) noexcept
{
    if (this != &other) {
        if (m_stmt)
            sqlite3_finalize(m_stmt);
        m_db = other.m_db;
        m_stmt = other.m_stmt;
        other.m_stmt = nullptr;
    }
    return *this;
}

SqliteStatement &SqliteStatement::bind(int index, qint64 value)
{
    sqlite3_bind_int64(m_stmt, index, value);
    return *this;
}

SqliteStatement &SqliteStatement::bind(int index, const QString &value)
{
    const QByteArray utf8 = value.toUtf8();
    sqlite3_bind_text(m_stmt, index, utf8.constData(), static_cast<int>(utf8.size()), SQLITE_TRANSIENT);
    return *this;
}

SqliteStatement &SqliteStatement::bind(int index, const QByteArray &blob)
{
    sqlite3_bind_blob(m_stmt, index, blob.constData(), static_cast<int>(blob.size()), SQLITE_TRANSIENT);
    return *this;
}

Result<bool> SqliteStatement::step(const QString &objectForErrors)
{
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    Error e = sqliteError(m_db, rc, objectForErrors, QStringLiteral("a database statement"));
    sqlite3_reset(m_stmt);
    return e;
}

Status SqliteStatement::run(const QString &objectForErrors)
{
    auto r = step(objectForErrors);
    sqlite3_reset(m_stmt);
    if (!r)
        return r.error();
    return {};
}

Status SqliteStatement::forEachRow(const QString &objectForErrors, const std::function<void()> &onRow)
{
    while (true) {
        auto row = step(objectForErrors);
        if (!row)
            return row.error();
        if (!*row)
            break;
        onRow();
    }
    sqlite3_reset(m_stmt);
    return {};
}

void SqliteStatement::reset()
{
    sqlite3_reset(m_stmt);
}

qint64 SqliteStatement::int64(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

QString SqliteStatement::text(int column) const
{
    const auto *p = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column));
    return QString::fromUtf8(p, sqlite3_column_bytes(m_stmt, column));
}

QByteArray SqliteStatement::blob(int column) const
{
    const auto *p = static_cast<const char *>(sqlite3_column_blob(m_stmt, column));
    return QByteArray(p, sqlite3_column_bytes(m_stmt, column));
}

SqliteConnection::~SqliteConnection()
{
    close();
}

Status SqliteConnection::open(const QString &path, Mode mode, const QString &objectForErrors)
{
    close();
    m_object = objectForErrors;
    // NOFOLLOW: a database file that is a symbolic link is refused (HostDisk checked the folders above it).
    int flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_NOFOLLOW;
    switch (mode) {
    case Mode::ReadOnly:
        flags |= SQLITE_OPEN_READONLY;
        break;
    case Mode::ReadWrite:
        flags |= SQLITE_OPEN_READWRITE;
        break;
    case Mode::Create:
        flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
        break;
    }
    const QByteArray p = path.toUtf8();
    const int rc = sqlite3_open_v2(p.constData(), &m_db, flags, nullptr);
    if (rc != SQLITE_OK) {
        Error e = sqliteError(m_db, rc, objectForErrors, QStringLiteral("opening"));
        close();
        return e;
    }
    sqlite3_extended_result_codes(m_db, 1);
    sqlite3_busy_timeout(m_db, 2000);
    return {};
}

Status SqliteConnection::exec(const QString &sql)
{
    const QByteArray s = sql.toUtf8();
    const int rc = sqlite3_exec(m_db, s.constData(), nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK)
        return sqliteError(m_db, rc, m_object, QStringLiteral("a database statement"));
    return {};
}

Result<SqliteStatement> SqliteConnection::prepare(const QString &sql)
{
    const QByteArray s = sql.toUtf8();
    sqlite3_stmt *stmt = nullptr;
    const int rc = sqlite3_prepare_v3(m_db, s.constData(), static_cast<int>(s.size()),
                                      SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
    if (rc != SQLITE_OK)
        return sqliteError(m_db, rc, m_object, QStringLiteral("preparing a statement"));
    return SqliteStatement(m_db, stmt);
}

bool SqliteConnection::backupFrom(const SqliteConnection &source)
{
    sqlite3_backup *backup = sqlite3_backup_init(m_db, "main", source.m_db, "main");
    if (!backup)
        return false;
    const int rc = sqlite3_backup_step(backup, -1);
    sqlite3_backup_finish(backup);
    return rc == SQLITE_DONE;
}

void SqliteConnection::close()
{
    if (m_db)
        sqlite3_close_v2(m_db);
    m_db = nullptr;
}

Error SqliteConnection::lastError(const QString &doing) const
{
    return sqliteError(m_db, m_db ? sqlite3_extended_errcode(m_db) : SQLITE_ERROR, m_object, doing);
}

} // namespace scr
