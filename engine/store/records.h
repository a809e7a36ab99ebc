#pragma once
// The typed payloads of log records: what a mailbox database logs. Each is one atomic change; replaying
// it is idempotent because the database stores the LSN it has reached in the same transaction.

#include "core/result.h"
#include "logformat.h"

#include <QByteArray>
#include <QString>
#include <QUuid>

namespace scr {

struct CreateDatabaseRecord
{
    QUuid databaseGuid;
    QString databaseName;
    QByteArray encode() const;
    static Result<CreateDatabaseRecord> decode(const LogRecordView &view);
};

struct AttachRecord
{
    QUuid databaseGuid;
    QString edbPath;
    QByteArray encode() const;
    static Result<AttachRecord> decode(const LogRecordView &view);
};

struct DetachRecord
{
    QUuid databaseGuid;
    QByteArray encode() const;
    static Result<DetachRecord> decode(const LogRecordView &view);
};

struct CreateMailboxRecord
{
    QUuid mailboxGuid;
    QString displayName;
    QByteArray encode() const;
    static Result<CreateMailboxRecord> decode(const LogRecordView &view);
};

struct DeliverMessageRecord
{
    QUuid mailboxGuid;
    QString internetMessageId; // unique within the database
    QString sender;
    QString subject;
    QByteArray body;
    QByteArray encode() const;
    static Result<DeliverMessageRecord> decode(const LogRecordView &view);
};

struct DeleteMessageRecord
{
    QString internetMessageId;
    QByteArray encode() const;
    static Result<DeleteMessageRecord> decode(const LogRecordView &view);
};

// The database a CreateDB, AttachDB or DetachDB record names; a null QUuid for every other record.
Result<QUuid> databaseGuidOf(const LogRecordView &view);

} // namespace scr
