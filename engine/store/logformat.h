#pragma once
// The transaction log file format. Every generation is exactly 1 MiB as ESE and administrators see it (its
// length, the LSN offsets, when a generation rolls over), but the file is thin: it physically holds only its
// header and its records' stored bytes, and the rest is a hole (a sparse file reads it as zeros).
//
// Logical layout: a 4 KiB header, then records one after the other, each taking its logical size (its
// stored bytes plus its described bytes, aligned to 8). Described bytes are content the record declares
// without storing, such as a message body regenerated from a seed (records.h); they keep Exchange's sizes.
// The open log is <prefix>.log (E00.log); a full one is renamed to <prefix><8 upper-case hex digits>.log.
//
// Physical layout, format 2 (written today): the header's stored bytes at 0, then the records' stored bytes
// packed from kPackedRecordsStart, so a log with a few dozen records costs one or two file system blocks.
// Format 1 (read, and continued when an open log has it): every record stored at its logical offset.
//
// Record layout (little-endian): u32 crc32c | u32 payload length | u16 type | u16 reserved |
// u32 generation | u32 logical offset | u32 described bytes | i64 time (ms) | payload | zeros to 8 bytes.
// The CRC covers everything stored after itself, so a torn or corrupt record is detected and never
// applied; the generation and offset inside the record make a stale record from another place detectable.

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
constexpr qint64 kStoredLogHeaderSize = 512; // what encodeLogHeader() gives: the rest of the 4 KiB is a hole
constexpr qint64 kPackedRecordsStart = kStoredLogHeaderSize;
constexpr uint32_t kLogFormatPacked = 2;  // what is written
constexpr uint32_t kLogFormatInPlace = 1; // records at their logical offsets (read and continued)

enum class RecordType : uint16_t {
    CreateDatabase = 1,
    Attach = 2,
    Detach = 3,
    CreateMailbox = 4,
    DeliverMessage = 5,
    DeleteMessage = 6,
    DeliverDescribedMessage = 7, // a message whose body is described (size and seed), not stored
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
    uint32_t format = kLogFormatPacked;
};

// Where a log's first record is stored in the file, and how far the physical position moves for a record.
inline qint64 firstRecordPosition(const LogHeader &header)
{
    return header.format == kLogFormatInPlace ? kLogHeaderSize : kPackedRecordsStart;
}

QByteArray encodeLogHeader(const LogHeader &header); // kStoredLogHeaderSize bytes
// Validates magic, version and checksum; the error names fileForErrors.
Result<LogHeader> decodeLogHeader(const char *data, qint64 size, const QString &fileForErrors);

// A record as it lies in a log file. The payload points into the buffer it was decoded from.
struct LogRecordView
{
    Lsn lsn; // its logical position
    RecordType type{};
    qint64 timeMs = 0;
    const char *payload = nullptr;
    qsizetype payloadSize = 0;
    qint64 encodedSize = 0;     // stored bytes: header, payload and padding
    uint32_t describedSize = 0; // bytes it declares without storing
    qint64 logicalSize() const; // what it takes of the generation's 1 MiB
};

inline qint64 alignRecord(qint64 size)
{
    return (size + kRecordAlignment - 1) / kRecordAlignment * kRecordAlignment;
}
inline qint64 encodedRecordSize(qint64 payloadSize)
{
    return alignRecord(kRecordHeaderSize + payloadSize);
}
inline qint64 logicalRecordSize(qint64 payloadSize, qint64 describedSize)
{
    return encodedRecordSize(payloadSize) + alignRecord(describedSize);
}
inline qint64 LogRecordView::logicalSize() const
{
    return encodedSize + alignRecord(describedSize);
}

// Appends one encoded record (header, payload, padding: its stored bytes) to out.
void encodeRecord(QByteArray &out, Lsn lsn, RecordType type, qint64 timeMs, const QByteArray &payload,
                  uint32_t describedSize = 0);

enum class RecordCheck { Valid, End, Bad };
// Decodes the record stored at position of a log file image of fileSize bytes (the bytes past fileSize
// read as zeros), expected at the logical position lsn. End: all-zero header (no more records).
// Bad: the reason goes to *why.
RecordCheck decodeRecordAt(const char *file, qint64 fileSize, qint64 position, Lsn lsn, LogRecordView *out,
                           QString *why);

QString logFileName(const QString &prefix, uint32_t generation); // E0000000001.log
QString openLogFileName(const QString &prefix);                  // E00.log
QString nextLogTempFileName(const QString &prefix);              // E00tmp.log (the next E00.log being made)
QString checkpointFileName(const QString &prefix);               // E00.chk
std::optional<uint32_t> parseLogFileName(const QString &fileName, const QString &prefix);
bool isValidLogPrefix(const QString &prefix); // E00..E49

} // namespace scr
