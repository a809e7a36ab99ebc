#pragma once
// A thin RAII layer over the SQLite C API for the engine's database files (.edb). The directory
// (org.sqlite) lives in the model layer and does not use this.

#include "result.h"

#include <functional>

#include <QByteArray>
#include <QString>

struct sqlite3;
struct sqlite3_stmt;

namespace scr {

class SqliteStatement
{
public:
    SqliteStatement() = default;
    SqliteStatement(sqlite3 *db, sqlite3_stmt *stmt) : m_db(db), m_stmt(stmt) {}
    ~SqliteStatement();
    SqliteStatement(SqliteStatement &&other) noexcept;
    SqliteStatement &operator=(SqliteStatement &&other) noexcept;

    SqliteStatement &bind(int index, qint64 value);
    SqliteStatement &bind(int index, const QString &value);
    SqliteStatement &bind(int index, const QByteArray &blob);
    // SQLITE_ROW → true, SQLITE_DONE → false.
    Result<bool> step(const QString &objectForErrors);
    Status run(const QString &objectForErrors); // step to done and reset
    // Steps through every row, calling onRow for each while the statement stands on it.
    Status forEachRow(const QString &objectForErrors, const std::function<void()> &onRow);
    void reset();

    qint64 int64(int column) const;
    QString text(int column) const;
    QByteArray blob(int column) const;

private:
    sqlite3 *m_db = nullptr;
    sqlite3_stmt *m_stmt = nullptr;
};

class SqliteConnection
{
public:
    enum class Mode { ReadOnly, ReadWrite, Create };

    SqliteConnection() = default;
    ~SqliteConnection();
    SqliteConnection(const SqliteConnection &) = delete;
    SqliteConnection &operator=(const SqliteConnection &) = delete;

    Status open(const QString &path, Mode mode, const QString &objectForErrors);
    Status exec(const QString &sql);
    Result<SqliteStatement> prepare(const QString &sql);
    void close();
    // Copies every page of source into this (empty) database: SQLite's online backup. False on failure.
    bool backupFrom(const SqliteConnection &source);
    sqlite3 *handle() const { return m_db; }
    const QString &object() const { return m_object; }

    // Maps the connection's last error to an Error about m_object.
    Error lastError(const QString &doing) const;

private:
    sqlite3 *m_db = nullptr;
    QString m_object;
};

} // namespace scr
