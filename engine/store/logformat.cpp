#include "logformat.h"

#include "core/bytes.h"
#include "core/crc32c.h"

#include <cstring>

namespace scr {
namespace {

constexpr char kLogMagic[8] = {'S', 'C', 'R', 'E', 'L', 'O', 'G', '1'};

uint32_t readU32(const char *p)
{
    uint32_t v;
    std::memcpy(&v, p, 4); // the formats are little-endian and so are the machines we build for
    return v;
}

} // namespace

QString recordTypeName(RecordType type)
{
    switch (type) {
    case RecordType::CreateDatabase:
        return QStringLiteral("CreateDB");
    case RecordType::Attach:
        return QStringLiteral("AttachDB");
    case RecordType::Detach:
        return QStringLiteral("DetachDB");
    case RecordType::CreateMailbox:
        return QStringLiteral("CreateMailbox");
    case RecordType::DeliverMessage:
        return QStringLiteral("DeliverMessage");
    case RecordType::DeleteMessage:
        return QStringLiteral("DeleteMessage");
    case RecordType::DeliverDescribedMessage:
        return QStringLiteral("DeliverMessage"); // as administrators know it; the body is described
    }
    return QStringLiteral("Unknown(%1)").arg(static_cast<int>(type));
}

bool isKnownRecordType(uint16_t type)
{
    return type >= static_cast<uint16_t>(RecordType::CreateDatabase) &&
           type <= static_cast<uint16_t>(RecordType::DeliverDescribedMessage);
}

QByteArray encodeLogHeader(const LogHeader &header)
{
    QByteArray out;
    out.reserve(kStoredLogHeaderSize);
    ByteWriter w(out);
    w.putBytes(kLogMagic, sizeof kLogMagic);
    w.put<uint32_t>(header.format);
    QByteArray prefix = header.prefix.toLatin1().leftJustified(4, '\0', true);
    w.putBytes(prefix.constData(), 4);
    w.put<quint64>(header.signature.random);
    w.put<qint64>(header.signature.createTimeMs);
    w.put<uint32_t>(header.generation);
    w.put<qint64>(header.creationTimeMs);
    w.put<qint64>(header.prevCreationTimeMs);
    w.put<uint32_t>(crc32c(out.constData(), out.size()));
    out.append(QByteArray(kStoredLogHeaderSize - out.size(), '\0'));
    return out;
}

Result<LogHeader> decodeLogHeader(const char *data, qint64 size, const QString &fileForErrors)
{
    const auto corrupt = [&](const QString &why) {
        return Error{fileForErrors, QStringLiteral("the log file header is damaged: ") + why,
                     QStringLiteral("restore this log from a good copy, or run eseutil /r with /a to accept "
                                    "losing the logs from here on"),
                     JetCode::LogFileCorrupt};
    };
    if (size < kStoredLogHeaderSize)
        return corrupt(QStringLiteral("the file is shorter than a header"));
    if (std::memcmp(data, kLogMagic, sizeof kLogMagic) != 0)
        return corrupt(QStringLiteral("it is not a transaction log"));
    ByteReader r(data + sizeof kLogMagic, kStoredLogHeaderSize - qint64(sizeof kLogMagic));
    const uint32_t version = r.get<uint32_t>();
    char prefix[5] = {};
    std::memcpy(prefix, data + 12, 4);
    r.skip(4);
    LogHeader h;
    h.prefix = QString::fromLatin1(prefix);
    h.signature.random = r.get<quint64>();
    h.signature.createTimeMs = r.get<qint64>();
    h.generation = r.get<uint32_t>();
    h.creationTimeMs = r.get<qint64>();
    h.prevCreationTimeMs = r.get<qint64>();
    constexpr qint64 kChecked = 8 + 4 + 4 + 8 + 8 + 4 + 8 + 8;
    const uint32_t stored = r.get<uint32_t>();
    if (crc32c(data, kChecked) != stored)
        return corrupt(QStringLiteral("its checksum does not match"));
    if (version != kLogFormatPacked && version != kLogFormatInPlace)
        return corrupt(QStringLiteral("unsupported format version %1").arg(version));
    h.format = version;
    return h;
}

void encodeRecord(QByteArray &out, Lsn lsn, RecordType type, qint64 timeMs, const QByteArray &payload,
                  uint32_t describedSize)
{
    const qsizetype start = out.size();
    const qint64 total = encodedRecordSize(payload.size());
    out.resize(start + total, '\0');
    char *p = out.data() + start;
    const auto put32 = [](char *at, uint32_t v) { std::memcpy(at, &v, 4); };
    put32(p + 4, static_cast<uint32_t>(payload.size()));
    const uint16_t t = static_cast<uint16_t>(type);
    std::memcpy(p + 8, &t, 2);
    put32(p + 12, lsn.generation);
    put32(p + 16, lsn.offset);
    put32(p + 20, describedSize);
    std::memcpy(p + 24, &timeMs, 8);
    std::memcpy(p + kRecordHeaderSize, payload.constData(), payload.size());
    put32(p, crc32c(p + 4, kRecordHeaderSize - 4 + payload.size()));
}

RecordCheck decodeRecordAt(const char *file, qint64 fileSize, qint64 position, Lsn lsn, LogRecordView *out,
                           QString *why)
{
    if (position + kRecordHeaderSize > fileSize)
        return RecordCheck::End; // only zeros lie past the image
    const char *p = file + position;
    static const char zeros[kRecordHeaderSize] = {};
    if (std::memcmp(p, zeros, kRecordHeaderSize) == 0)
        return RecordCheck::End;
    const uint32_t length = readU32(p + 4);
    uint16_t type;
    std::memcpy(&type, p + 8, 2);
    const uint32_t gen = readU32(p + 12);
    const uint32_t off = readU32(p + 16);
    const uint32_t described = readU32(p + 20);
    if (length > kMaxRecordPayload || position + encodedRecordSize(length) > fileSize) {
        *why = QStringLiteral("the record length %1 runs past the end of the file").arg(length);
        return RecordCheck::Bad;
    }
    if (readU32(p) != crc32c(p + 4, kRecordHeaderSize - 4 + length)) {
        *why = QStringLiteral("the record checksum does not match");
        return RecordCheck::Bad;
    }
    // The padding to 8 bytes is outside the checksum: it must be zeros, so no stored byte goes unchecked.
    for (qint64 i = kRecordHeaderSize + length; i < encodedRecordSize(length); ++i)
        if (p[i] != 0) {
            *why = QStringLiteral("the record's padding is not zero");
            return RecordCheck::Bad;
        }
    if (gen != lsn.generation || off != lsn.offset) {
        *why = QStringLiteral("the record says it belongs at %1").arg(Lsn{gen, off}.toString());
        return RecordCheck::Bad;
    }
    if (!isKnownRecordType(type)) {
        *why = QStringLiteral("unknown record type %1").arg(type);
        return RecordCheck::Bad;
    }
    if (lsn.offset + logicalRecordSize(length, described) > kLogFileSize) {
        *why = QStringLiteral("the record's %1 described bytes run past the end of the generation")
                   .arg(described);
        return RecordCheck::Bad;
    }
    out->lsn = lsn;
    out->type = static_cast<RecordType>(type);
    std::memcpy(&out->timeMs, p + 24, 8);
    out->payload = p + kRecordHeaderSize;
    out->payloadSize = length;
    out->encodedSize = encodedRecordSize(length);
    out->describedSize = described;
    return RecordCheck::Valid;
}

QString logFileName(const QString &prefix, uint32_t generation)
{
    return prefix + QStringLiteral("%1.log")
                        .arg(generation, 8, 16, QLatin1Char('0'))
                        .toUpper()
                        .replace(QStringLiteral(".LOG"), QStringLiteral(".log"));
}

QString openLogFileName(const QString &prefix)
{
    return prefix + QStringLiteral(".log");
}

QString nextLogTempFileName(const QString &prefix)
{
    return prefix + QStringLiteral("tmp.log");
}

QString checkpointFileName(const QString &prefix)
{
    return prefix + QStringLiteral(".chk");
}

std::optional<uint32_t> parseLogFileName(const QString &fileName, const QString &prefix)
{
    // Exchange's names are case-insensitive (Windows); ours are written upper-case with a lower-case ".log".
    if (fileName.size() != prefix.size() + 8 + 4 || !fileName.startsWith(prefix, Qt::CaseInsensitive) ||
        !fileName.endsWith(QStringLiteral(".log"), Qt::CaseInsensitive))
        return std::nullopt;
    bool ok = false;
    const uint32_t gen = fileName.mid(prefix.size(), 8).toUInt(&ok, 16);
    if (!ok || gen == 0)
        return std::nullopt;
    return gen;
}

bool isValidLogPrefix(const QString &prefix)
{
    if (prefix.size() != 3 || prefix[0] != QLatin1Char('E') || !prefix[1].isDigit() || !prefix[2].isDigit())
        return false;
    return prefix.mid(1).toInt() <= 49;
}

} // namespace scr
