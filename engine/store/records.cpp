#include "records.h"

#include "core/bytes.h"

#include <cstring>

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

// CreateDatabase, Attach and CreateMailbox records hold the same two fields: a GUID, then a text.
QByteArray encodeGuidAndText(const QUuid &guid, const QString &text)
{
    QByteArray out;
    ByteWriter w(out);
    w.putUuid(guid);
    w.putString(text);
    return out;
}

template <typename Record, QUuid Record::*Guid, QString Record::*Text>
Result<Record> decodeGuidAndText(const LogRecordView &view)
{
    return decodeWith<Record>(view, [](ByteReader &r, Record &rec) {
        rec.*Guid = r.getUuid();
        rec.*Text = r.getString();
    });
}

// The GUID of the database a record of type Record names.
template <typename Record> Result<QUuid> databaseGuidIn(const LogRecordView &view)
{
    auto rec = Record::decode(view);
    return rec ? Result<QUuid>(rec->databaseGuid) : Result<QUuid>(rec.error());
}

} // namespace

QByteArray CreateDatabaseRecord::encode() const
{
    return encodeGuidAndText(databaseGuid, databaseName);
}

Result<CreateDatabaseRecord> CreateDatabaseRecord::decode(const LogRecordView &view)
{
    return decodeGuidAndText<CreateDatabaseRecord, &CreateDatabaseRecord::databaseGuid,
                             &CreateDatabaseRecord::databaseName>(view);
}

QByteArray AttachRecord::encode() const
{
    return encodeGuidAndText(databaseGuid, edbPath);
}

Result<AttachRecord> AttachRecord::decode(const LogRecordView &view)
{
    return decodeGuidAndText<AttachRecord, &AttachRecord::databaseGuid, &AttachRecord::edbPath>(view);
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
    return encodeGuidAndText(mailboxGuid, displayName);
}

Result<CreateMailboxRecord> CreateMailboxRecord::decode(const LogRecordView &view)
{
    return decodeGuidAndText<CreateMailboxRecord, &CreateMailboxRecord::mailboxGuid,
                             &CreateMailboxRecord::displayName>(view);
}

QByteArray DeliverMessageRecord::bodyBytes() const
{
    return isDescribed() ? describedBody(bodySeed, describedBodySize) : body;
}

QByteArray DeliverMessageRecord::encode() const
{
    QByteArray out;
    out.reserve((isDescribed() ? 0 : body.size()) + 128);
    ByteWriter w(out);
    w.putUuid(mailboxGuid);
    w.putString(internetMessageId);
    w.putString(sender);
    w.putString(subject);
    if (isDescribed()) {
        w.put<uint32_t>(describedBodySize);
        w.put<quint64>(bodySeed);
    } else {
        w.putBlob(body);
    }
    return out;
}

Result<DeliverMessageRecord> DeliverMessageRecord::decode(const LogRecordView &view)
{
    const bool described = view.type == RecordType::DeliverDescribedMessage;
    auto decoded = decodeWith<DeliverMessageRecord>(view, [&](ByteReader &r, DeliverMessageRecord &rec) {
        rec.mailboxGuid = r.getUuid();
        rec.internetMessageId = r.getString();
        rec.sender = r.getString();
        rec.subject = r.getString();
        if (described) {
            rec.describedBodySize = r.get<uint32_t>();
            rec.bodySeed = r.get<quint64>();
        } else {
            rec.body = r.getBlob();
        }
    });
    // The record's header reserves the described bytes in the generation: they must be the body's.
    if (decoded && (described ? decoded->describedBodySize != view.describedSize || view.describedSize == 0
                              : view.describedSize != 0))
        return badPayload(view);
    return decoded;
}

QByteArray describedBody(quint64 seed, qint64 size)
{
    // splitmix64 picks words; lines end with CRLF as mail does. Cheap: only read when something asks.
    static const char *const kWords[] = {
        "the",      "quarterly", "figures", "are",  "attached", "please",  "review", "before", "Friday",
        "budget",   "meeting",   "notes",   "from", "today",    "project", "status", "update", "and",
        "schedule", "for",       "next",    "week", "thanks",   "regards", "team",   "report", "draft"};
    constexpr int kWordCount = static_cast<int>(sizeof kWords / sizeof kWords[0]);
    QByteArray out;
    out.reserve(static_cast<qsizetype>(size));
    quint64 state = seed;
    int lineLength = 0;
    while (out.size() < size) {
        state += 0x9E3779B97F4A7C15ULL;
        quint64 z = state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        z ^= z >> 31;
        const char *word = kWords[z % kWordCount];
        if (lineLength > 64) {
            out.append("\r\n");
            lineLength = 0;
        } else if (lineLength > 0) {
            out.append(' ');
            ++lineLength;
        }
        const qsizetype n = static_cast<qsizetype>(std::strlen(word));
        out.append(word, n);
        lineLength += static_cast<int>(n);
    }
    out.truncate(static_cast<qsizetype>(size));
    return out;
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
    case RecordType::CreateDatabase:
        return databaseGuidIn<CreateDatabaseRecord>(view);
    case RecordType::Attach:
        return databaseGuidIn<AttachRecord>(view);
    case RecordType::Detach:
        return databaseGuidIn<DetachRecord>(view);
    default:
        return QUuid();
    }
}

} // namespace scr
