#pragma once
// Database: a mailbox database file (.edb). An SQLite file (WAL) holding mailboxes and messages and a header
// like ESE's: database GUID, log signature, state, Log Required, Log Committed, Last Consistent, Last
// Attach/Detach, and the LSN of the last record applied. Records are applied in batches; the applied LSN is
// written in the same transaction as the change, so applying a record twice changes nothing.

#include "core/result.h"
#include "core/sqlite.h"
#include "host/hostdisk.h"
#include "logformat.h"
#include "logsignature.h"
#include "lsn.h"

#include <memory>
#include <optional>
#include <vector>

#include <QUuid>

namespace scr {

enum class DatabaseState : int { JustCreated = 1, DirtyShutdown = 2, CleanShutdown = 3 };
QString databaseStateName(DatabaseState state); // "Clean Shutdown", as eseutil /mh prints it

struct DatabaseHeader
{
    QUuid guid;
    QString name;
    LogSignature logSignature;
    DatabaseState state = DatabaseState::JustCreated;
    uint32_t logRequiredLow = 0;
    uint32_t logRequiredHigh = 0;
    uint32_t logCommitted = 0;
    Lsn lastConsistent;
    qint64 lastConsistentMs = 0;
    Lsn lastAttach;
    qint64 lastAttachMs = 0;
    Lsn lastDetach;
    qint64 lastDetachMs = 0;
    Lsn applied; // the last log record whose change this file holds
    qint64 createdMs = 0;
};

struct MessageRow
{
    QString internetMessageId;
    QUuid mailboxGuid;
    QString sender;
    QString subject;
    QByteArray body; // stored, or regenerated from its description
    qint64 deliveredMs = 0;
};

struct MailboxRow
{
    QUuid guid;
    QString displayName;
    qint64 itemCount = 0;
    qint64 totalItemSize = 0;
};

class Database
{
public:
    enum class Access { ReadOnly, ReadWrite };

    // Creates a new file; refuses when one exists. displayName names the file in errors.
    static Result<std::unique_ptr<Database>> create(const HostDisk &disk, const QString &path,
                                                    const DatabaseHeader &header,
                                                    const QString &displayName = {});
    static Result<std::unique_ptr<Database>> open(const HostDisk &disk, const QString &path, Access access,
                                                  const QString &displayName = {});
    // A database born from its CreateDB record (recovery or an SCR copy without a seed): Just Created,
    // applying everything from that record on.
    static Result<std::unique_ptr<Database>> createFromLog(const HostDisk &disk, const QString &path,
                                                           const QUuid &guid, const QString &name,
                                                           const LogSignature &signature, Lsn createdAt,
                                                           qint64 createdMs, const QString &displayName = {});
    ~Database();

    const DatabaseHeader &header() const { return m_header; }
    const QString &path() const { return m_path; }
    const QString &displayName() const { return m_displayName; }

    // Writes header fields alone, durably.
    Status writeHeader(const DatabaseHeader &header);

    // Replay. Records at or before header().applied are skipped (applyRecord returns false).
    Status beginBatch();
    Result<bool> applyRecord(const LogRecordView &record);
    Status commitBatch(); // the data and the header (applied LSN and all) in one durable transaction
    void rollbackBatch();
    DatabaseHeader &batchHeader() { return m_header; } // header fields to change inside the open batch

    // Folds the WAL into the main file, so a clean database is one self-contained file.
    Status compactWal();
    // A consistent copy of the file as it is now, even while mounted (SQLite's online backup), written to
    // path durably (temporary file, fsync, rename).
    Status backupTo(const HostDisk &target, const QString &path);

    Result<qint64> messageCount();
    Result<std::vector<MailboxRow>> mailboxes(); // with their item counts and sizes: reads every message
    Result<std::vector<QUuid>> mailboxGuids();   // only which mailboxes exist: cheap at any size
    Result<std::optional<MessageRow>> message(const QString &internetMessageId);
    Result<std::vector<QString>> messageIds();
    // A checksum of every mailbox and message row in key order: equal content gives an equal value.
    Result<QString> contentChecksum();

private:
    explicit Database(HostDisk disk) : m_disk(std::move(disk)) {}
    // The disk's power and space, checked before every write transaction and read, since SQLite writes the
    // file itself (not through HostDisk's Files).
    Status checkDisk(bool needsSpace) const;
    Status checkDescribedColumns(Access access);
    Status prepareStatements();
    Status loadHeader();
    Status storeHeader();

    HostDisk m_disk;
    QString m_path;
    QString m_displayName;
    SqliteConnection m_db;
    DatabaseHeader m_header;
    DatabaseHeader m_headerBeforeBatch;
    bool m_inBatch = false;
    bool m_describedColumns = false; // messages has described and body_seed (files before them do not)
    SqliteStatement m_insertMailbox;
    SqliteStatement m_insertMessage;
    SqliteStatement m_deleteMessage;
    SqliteStatement m_updateHeader;
};

} // namespace scr
