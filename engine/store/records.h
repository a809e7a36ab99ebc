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

// A message delivered to a mailbox. Its body is either stored (body) or described: describedBodySize bytes
// that describedBody(bodySeed, describedBodySize) regenerates whenever something reads them. A described
// body takes its full size in the log generation (logformat.h) and in the mailbox's statistics, and costs
// sixteen bytes on disk.
struct DeliverMessageRecord
{
    QUuid mailboxGuid;
    QString internetMessageId; // unique within the database
    QString sender;
    QString subject;
    QByteArray body;                // a stored body (empty when described)
    uint32_t describedBodySize = 0; // a described body's size
    quint64 bodySeed = 0;           // and the seed its bytes come from

    bool isDescribed() const { return describedBodySize > 0; }
    qint64 bodySize() const { return isDescribed() ? describedBodySize : body.size(); }
    QByteArray bodyBytes() const; // the body, stored or regenerated
    RecordType type() const
    {
        return isDescribed() ? RecordType::DeliverDescribedMessage : RecordType::DeliverMessage;
    }
    QByteArray encode() const;
    // Decodes either DeliverMessage type; a described one must declare its body's size in its header.
    static Result<DeliverMessageRecord> decode(const LogRecordView &view);
};

// The bytes of a described body: readable text, the same for the same seed and size in every process.
QByteArray describedBody(quint64 seed, qint64 size);

struct DeleteMessageRecord
{
    QString internetMessageId;
    QByteArray encode() const;
    static Result<DeleteMessageRecord> decode(const LogRecordView &view);
};

// The database a CreateDB, AttachDB or DetachDB record names; a null QUuid for every other record.
Result<QUuid> databaseGuidOf(const LogRecordView &view);

} // namespace scr
