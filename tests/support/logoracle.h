#pragma once
// An oracle for what a log stream holds, independent of the product: it decodes the log files' bytes itself
// (the layout of engine/store/logformat.h, read here with its own code: no LogFile, no logformat.cpp, no
// record decoders), so a test can judge the product's loss reports and mailbox counts against the files
// rather than against the product's own status.
//
// Header (little-endian, at offset 0): "SCRELOG1" | u32 format | 4 bytes prefix | u64 signature random |
// i64 signature time | u32 generation | i64 creation time | i64 previous creation time | u32 crc32c of all
// before it. Records: packed from byte 512 (format 2) or at their logical offsets from 4096 (format 1), each
// u32 crc32c | u32 payload length | u16 type | u16 reserved | u32 generation | u32 offset |
// u32 described bytes | i64 time | payload | zeros to 8; an all-zero record header ends the log.

#include <map>
#include <optional>
#include <vector>

#include <QString>
#include <QUuid>

namespace scr::test::oracle {

struct Header
{
    uint32_t format = 0;
    QString prefix;
    quint64 signatureRandom = 0;
    qint64 signatureTimeMs = 0;
    uint32_t generation = 0;
    qint64 creationTimeMs = 0;
    qint64 prevCreationTimeMs = 0;
    bool sameFileAs(const Header &o) const
    {
        return prefix == o.prefix && signatureRandom == o.signatureRandom &&
               signatureTimeMs == o.signatureTimeMs && generation == o.generation &&
               creationTimeMs == o.creationTimeMs;
    }
};

// The header of the log file at path; nullopt when it is missing, short, not a log or its checksum fails.
std::optional<Header> readHeader(const QString &path);

// What one log file says of mail: each delivery (message id -> mailbox) and each deletion, in log order.
struct MailRecord
{
    bool deletion = false;
    QString messageId;
    QUuid mailbox; // deliveries only
    qint64 timeMs = 0;
};
struct LogContent
{
    Header header;
    std::vector<MailRecord> mail;
    int records = 0;
    qint64 lastRecordTimeMs = 0;
};
// Every record of the log file at path up to its end (an all-zero header, or a record whose checksum fails:
// a torn tail); nullopt when the header cannot be read.
std::optional<LogContent> readLog(const QString &path);

// The closed generations (<prefix><8 hex digits>.log) in folder, ascending.
std::vector<uint32_t> closedGenerations(const QString &folder, const QString &prefix);

// The newest generation g such that every closed generation of the source from the oldest the standby still
// has (it truncates replayed copies) through g lies in the standby's folder as the same file (same stream,
// generation and creation time in the header): what a copy holds of the source, whatever its status says.
// 0 when it holds none.
uint32_t copiedThrough(const QString &sourceFolder, const QString &standbyFolder, const QString &prefix);

// The messages each mailbox holds after the source's closed generations through last (and its open log
// <prefix>.log when withOpenLog) are replayed: delivered minus deleted.
std::map<QUuid, int> messagesThrough(const QString &folder, const QString &prefix, uint32_t last,
                                     bool withOpenLog);

} // namespace scr::test::oracle
