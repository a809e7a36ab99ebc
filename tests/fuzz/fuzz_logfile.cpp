// libFuzzer target for the log file readers: LogFile::load (the thin reader: length, data ranges, header),
// LogFile::readHeader, LogFile::scan as a closed and as an open generation (decodeRecordAt on every record,
// the torn-tail search), the record payload decoders (records.h), isUnwrittenLog and eseutil /ml. Any file
// must load and scan or fail with an error, never crash, hang, leak or read out of bounds.
//
// Input: one byte of flags, then the bytes the log file stores from offset 0 (the rest of its 1 MiB is a
// hole, as in a thin log). Flags:
//   1  recompute the header's and each record's CRC32C, so mutations reach what lies behind the checksums
//   2  also rewrite each record's generation and offset to where it lies (with 1)
//   4  name the file E00.log (the open log) instead of E0000000001.log
//   8  leave the file at the length of the input instead of 1 MiB (the size check)
//  16  (with no higher bit) repeat the bytes after the stored header until they fill the 1 MiB: a small
//      input, a whole file. Rare on purpose (one flag byte in sixteen): a whole file scans fifty times
//      slower.
// Seeds: tests/fuzz/corpus/logfile (made by scr-fuzz-seeds from real logs).

#include "fuzz_support.h"

#include "core/crc32c.h"
#include "store/eseutil.h"
#include "store/logfile.h"
#include "store/records.h"

#include <algorithm>

using namespace scr;

namespace {

constexpr qint64 kHeaderChecked = 52; // the header's bytes under its CRC (logformat.cpp)

// Walks the records as the reader would and makes their checksums (and, with positions, their LSNs) right.
void fixChecksums(QByteArray &b, bool positions)
{
    if (b.size() < kStoredLogHeaderSize)
        return;
    fuzz::writeU32(b, kHeaderChecked, crc32c(b.constData(), kHeaderChecked));
    const uint32_t format = fuzz::readU32(b, 8);
    const uint32_t generation = fuzz::readU32(b, 32);
    const bool inPlace = format == kLogFormatInPlace;
    qint64 position = inPlace ? kLogHeaderSize : kPackedRecordsStart;
    qint64 offset = kLogHeaderSize;
    while (position + kRecordHeaderSize <= b.size() && offset < kLogFileSize) {
        const uint32_t length = fuzz::readU32(b, position + 4);
        if (length > kMaxRecordPayload || position + encodedRecordSize(length) > b.size())
            return;
        if (positions) {
            fuzz::writeU32(b, position + 12, generation);
            fuzz::writeU32(b, position + 16, static_cast<uint32_t>(offset));
        }
        fuzz::writeU32(b, position, crc32c(b.constData() + position + 4, kRecordHeaderSize - 4 + length));
        const qint64 logical = logicalRecordSize(length, fuzz::readU32(b, position + 20));
        position += inPlace ? logical : encodedRecordSize(length);
        offset += logical;
    }
}

Status visitRecord(const LogRecordView &view)
{
    if (view.payloadSize < 0 || view.encodedSize != encodedRecordSize(view.payloadSize))
        fuzz::fail("a record's sizes disagree");
    if (view.lsn.offset < kLogHeaderSize || view.lsn.offset + view.logicalSize() > kLogFileSize)
        fuzz::fail("a valid record lies outside its generation");
    (void)recordTypeName(view.type);
    auto guid = databaseGuidOf(view);
    (void)guid;
    switch (view.type) {
    case RecordType::CreateMailbox:
        (void)CreateMailboxRecord::decode(view);
        break;
    case RecordType::DeliverMessage:
    case RecordType::DeliverDescribedMessage:
        if (auto rec = DeliverMessageRecord::decode(view)) {
            if (rec->isDescribed() && rec->describedBodySize != view.describedSize)
                fuzz::fail("a described body's size is not the one its record reserves");
            if (rec->bodySize() <= 4096 && rec->bodyBytes().size() != rec->bodySize())
                fuzz::fail("a body's bytes are not its size");
        }
        break;
    case RecordType::DeleteMessage:
        (void)DeleteMessageRecord::decode(view);
        break;
    default:
        break;
    }
    return {};
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1 || size > static_cast<size_t>(kLogFileSize) + 1)
        return -1;
    const uint8_t flags = data[0];
    QByteArray bytes(reinterpret_cast<const char *>(data) + 1, static_cast<qsizetype>(size - 1));
    const bool tiled = (flags >> 4) == 1;
    if (tiled && bytes.size() > kStoredLogHeaderSize) {
        const QByteArray tile = bytes.mid(kStoredLogHeaderSize);
        while (bytes.size() < kLogFileSize)
            bytes.append(tile);
        bytes.truncate(kLogFileSize);
    }
    if (flags & 1)
        fixChecksums(bytes, flags & 2);
    fuzz::Workspace &w = fuzz::workspace();
    const QString name =
        (flags & 4) ? openLogFileName(QStringLiteral("E00")) : logFileName(QStringLiteral("E00"), 1);
    const QString path = w.path(name);
    fuzz::writeFile(path, bytes, (flags & 8) ? bytes.size() : kLogFileSize);

    auto header = LogFile::readHeader(w.disk, path);
    auto log = LogFile::load(w.disk, path);
    if (log) {
        if (!header || header->generation != log->header().generation ||
            header->format != log->header().format)
            fuzz::fail("readHeader and load disagree on the header");
        if (log->storedBytes() > kLogFileSize)
            fuzz::fail("a log stores more than its length");
        auto closed = log->scan(false, visitRecord);
        auto open = log->scan(true, visitRecord);
        for (const auto *scan : {&closed, &open})
            if (*scan) {
                const LogScan &s = **scan;
                if (s.end.generation != log->header().generation || s.end.offset < kLogHeaderSize ||
                    s.end.offset > kLogFileSize || s.records < 0 || s.physicalEnd < 0)
                    fuzz::fail("a scan ends outside its generation");
            }
        // What reads as a whole closed generation reads the same as an open one, with no torn tail.
        if (closed &&
            (!open || open->end != closed->end || open->records != closed->records || open->tornTail))
            fuzz::fail("a log that scans closed scans otherwise open");
    }
    (void)isUnwrittenLog(w.disk, path);
    auto dump = eseutil::dumpLog(w.disk, path, name);
    if (dump && !log)
        fuzz::fail("eseutil /ml passed a log that does not load");
    // A tiled input costs a megabyte of scanning (some 50 ms here): it runs, but is not kept in the corpus,
    // so that the fuzzer spends its time on small inputs and only tries whole files now and then.
    return tiled ? -1 : 0;
}
