#pragma once
// The transaction log file format. Every generation is exactly 1 MiB: a 4 KiB header, then records
// aligned to 8 bytes, then zeros. The open log is <prefix>.log (E00.log); a full one is renamed to
// <prefix><8 upper-case hex digits>.log (E0000000001.log).
//
// Record layout (little-endian): u32 crc32c | u32 payload length | u16 type | u16 reserved |
// u32 generation | u32 offset | u32 reserved | i64 time (ms) | payload | zero padding to 8 bytes.
// The CRC covers everything after itself, so a torn or corrupt record is detected and never applied; the
// generation and offset inside the record make a stale record from another place detectable too.

#include "core/result.h"
#include "lsn.h"
#include "logsignature.h"

#include <optional>

#include <QByteArray>
#include <QString>

namespace scr {

constexpr qint64 kLogFileSize = 1024 * 1024;
constexpr qint64 kLogHeaderSize = 4096;
constexpr qint64 kRecordHeaderSize = 32;
constexpr qint64 kRecordAlignment = 8;
constexpr qint64 kMaxRecordPayload = kLogFileSize - kLogHeaderSize - kRecordHeaderSize;

enum class RecordType : uint16_t {
    CreateDatabase = 1,
    Attach = 2,
    Detach = 3,
    CreateMailbox = 4,
    DeliverMessage = 5,
    DeleteMessage = 6,
};
QString recordTypeName(RecordType type);
bool isKnownRecordType(uint16_t type);

struct LogHeader
{
    QString prefix; // "E00".."E49"
    LogSignature signature;
    uint32_t generation = 0;
    qint64 creationTimeMs = 0;
    qint64 prevCreationTimeMs = 0; // creation time of generation - 1; 0 for generation 1
};

QByteArray encodeLogHeader(const LogHeader &header); // kLogHeaderSize bytes
// Validates magic, version and checksum; the error names fileForErrors.
Result<LogHeader> decodeLogHeader(const char *data, qint64 size, const QString &fileForErrors);

// A record as it lies in a log file. The payload points into the buffer it was decoded from.
struct LogRecordView
{
    Lsn lsn;
    RecordType type{};
    qint64 timeMs = 0;
    const char *payload = nullptr;
    qsizetype payloadSize = 0;
    qint64 encodedSize = 0; // including header and padding
};

inline qint64 encodedRecordSize(qint64 payloadSize)
{
    const qint64 raw = kRecordHeaderSize + payloadSize;
    return (raw + kRecordAlignment - 1) / kRecordAlignment * kRecordAlignment;
}

// Appends one encoded record (header, payload, padding) to out.
void encodeRecord(QByteArray &out, Lsn lsn, RecordType type, qint64 timeMs, const QByteArray &payload);

enum class RecordCheck { Valid, End, Bad };
// Decodes the record at offset of a whole log file image. End: all-zero header (no more records).
// Bad: the reason goes to *why.
RecordCheck decodeRecordAt(const char *file, qint64 fileSize, uint32_t generation, uint32_t offset,
                           LogRecordView *out, QString *why);

QString logFileName(const QString &prefix, uint32_t generation); // E0000000001.log
QString openLogFileName(const QString &prefix);                  // E00.log
QString nextLogTempFileName(const QString &prefix);              // E00tmp.log (the next E00.log being made)
QString checkpointFileName(const QString &prefix);               // E00.chk
std::optional<uint32_t> parseLogFileName(const QString &fileName, const QString &prefix);
bool isValidLogPrefix(const QString &prefix); // E00..E49

} // namespace scr
