#include "records.h"

#include "core/bytes.h"

namespace scr {
namespace {

Error badPayload(const LogRecordView &view)
{
    return Error{view.lsn.toString(),
                 QStringLiteral("the %1 record's contents cannot be read").arg(recordTypeName(view.type)),
                 {},
                 JetCode::LogFileCorrupt};
}

template <typename Record, typename Fill> Result<Record> decodeWith(const LogRecordView &view, Fill fill)
{
    ByteReader r(view.payload, view.payloadSize);
    Record rec;
    fill(r, rec);
    if (!r.ok() || !r.atEnd())
        return badPayload(view);
    return rec;
}

} // namespace

QByteArray CreateDatabaseRecord::encode() const
{
    QByteArray out;
    ByteWriter w(out);
    w.putUuid(databaseGuid);
    w.putString(databaseName);
    return out;
}

Result<CreateDatabaseRecord> CreateDatabaseRecord::decode(const LogRecordView &view)
{
    return decodeWith<CreateDatabaseRecord>(view, [](ByteReader &r, CreateDatabaseRecord &rec) {
        rec.databaseGuid = r.getUuid();
        rec.databaseName = r.getString();
    });
}

QByteArray AttachRecord::encode() const
{
    QByteArray out;
    ByteWriter w(out);
    w.putUuid(databaseGuid);
    w.putString(edbPath);
    return out;
}

Result<AttachRecord> AttachRecord::decode(const LogRecordView &view)
{
    return decodeWith<AttachRecord>(view, [](ByteReader &r, AttachRecord &rec) {
        rec.databaseGuid = r.getUuid();
        rec.edbPath = r.getString();
    });
}

QByteArray DetachRecord::encode() const
{
    QByteArray out;
    ByteWriter w(out);
    w.putUuid(databaseGuid);
    return out;
}

Result<DetachRecord> DetachRecord::decode(const LogRecordView &view)
{
    return decodeWith<DetachRecord>(view,
                                    [](ByteReader &r, DetachRecord &rec) { rec.databaseGuid = r.getUuid(); });
}

QByteArray CreateMailboxRecord::encode() const
{
    QByteArray out;
    ByteWriter w(out);
    w.putUuid(mailboxGuid);
    w.putString(displayName);
    return out;
}

Result<CreateMailboxRecord> CreateMailboxRecord::decode(const LogRecordView &view)
{
    return decodeWith<CreateMailboxRecord>(view, [](ByteReader &r, CreateMailboxRecord &rec) {
        rec.mailboxGuid = r.getUuid();
        rec.displayName = r.getString();
    });
}

QByteArray DeliverMessageRecord::encode() const
{
    QByteArray out;
    out.reserve(body.size() + 128);
    ByteWriter w(out);
    w.putUuid(mailboxGuid);
    w.putString(internetMessageId);
    w.putString(sender);
    w.putString(subject);
    w.putBlob(body);
    return out;
}

Result<DeliverMessageRecord> DeliverMessageRecord::decode(const LogRecordView &view)
{
    return decodeWith<DeliverMessageRecord>(view, [](ByteReader &r, DeliverMessageRecord &rec) {
        rec.mailboxGuid = r.getUuid();
        rec.internetMessageId = r.getString();
        rec.sender = r.getString();
        rec.subject = r.getString();
        rec.body = r.getBlob();
    });
}

QByteArray DeleteMessageRecord::encode() const
{
    QByteArray out;
    ByteWriter w(out);
    w.putString(internetMessageId);
    return out;
}

Result<DeleteMessageRecord> DeleteMessageRecord::decode(const LogRecordView &view)
{
    return decodeWith<DeleteMessageRecord>(
        view, [](ByteReader &r, DeleteMessageRecord &rec) { rec.internetMessageId = r.getString(); });
}

Result<QUuid> databaseGuidOf(const LogRecordView &view)
{
    switch (view.type) {
    case RecordType::CreateDatabase: {
        auto rec = CreateDatabaseRecord::decode(view);
        return rec ? Result<QUuid>(rec->databaseGuid) : Result<QUuid>(rec.error());
    }
    case RecordType::Attach: {
        auto rec = AttachRecord::decode(view);
        return rec ? Result<QUuid>(rec->databaseGuid) : Result<QUuid>(rec.error());
    }
    case RecordType::Detach: {
        auto rec = DetachRecord::decode(view);
        return rec ? Result<QUuid>(rec->databaseGuid) : Result<QUuid>(rec.error());
    }
    default:
        return QUuid();
    }
}

} // namespace scr
