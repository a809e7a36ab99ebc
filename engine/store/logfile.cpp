#include "logfile.h"

#include "core/fileio.h"

#include <algorithm>
#include <cstring>

namespace scr {

namespace {

// What the search for a valid record after a bad one may checksum (LogFile::scan): four generations' worth,
// far above what a torn tail asks (one partial record, zeros after it), far below a quadratic search.
constexpr qint64 kLaterRecordSearchBytes = 4 * kLogFileSize;

// A log file as it reads: its length checked, then only its data ranges read into an image that runs to
// the end of the last one (and at least over the header); holes in it are zeros, as they read.
struct ThinImage
{
    QByteArray data;
    qint64 stored = 0; // the bytes the file stores
};

Result<ThinImage> readThinLog(const HostDisk &disk, const QString &path, const QString &displayName)
{
    auto file = disk.open(path, File::Mode::ReadOnly);
    if (!file)
        return file.error();
    auto size = file->size();
    if (!size)
        return size.error();
    if (*size != kLogFileSize)
        return Error{displayName,
                     QStringLiteral("the log file is %1 bytes, not %2: it was truncated or is not a log")
                         .arg(*size)
                         .arg(kLogFileSize),
                     QStringLiteral("restore this log from a good copy, or run eseutil /r with /a to accept "
                                    "losing the logs from here on"),
                     JetCode::LogFileSizeMismatch};
    auto ranges = file->dataRanges();
    if (!ranges)
        return ranges.error();
    ThinImage image;
    const qint64 imageSize = std::max(kLogHeaderSize, ranges->empty() ? 0 : ranges->back().second);
    image.data = QByteArray(static_cast<qsizetype>(imageSize), '\0');
    for (const auto &[start, end] : *ranges) {
        SCR_TRY(file->readAt(start, image.data.data() + start, end - start));
        image.stored += end - start;
    }
    return image;
}

} // namespace

Result<LogFile> LogFile::load(const HostDisk &disk, const QString &path, const QString &displayName)
{
    LogFile log;
    log.m_path = path;
    log.m_displayName = displayName.isEmpty() ? fileNameOf(path) : displayName;
    auto image = readThinLog(disk, path, log.m_displayName);
    if (!image)
        return image.error();
    auto header = decodeLogHeader(image->data.constData(), image->data.size(), log.m_displayName);
    if (!header)
        return header.error();
    log.m_header = std::move(*header);
    log.m_data = std::move(image->data);
    log.m_stored = image->stored;
    return log;
}

bool isUnwrittenLog(const HostDisk &disk, const QString &path)
{
    auto image = readThinLog(disk, path, fileNameOf(path));
    return image && image->data.count('\0') == image->data.size();
}

Result<LogHeader> LogFile::readHeader(const HostDisk &disk, const QString &path, const QString &displayName)
{
    const QString name = displayName.isEmpty() ? fileNameOf(path) : displayName;
    auto file = disk.open(path, File::Mode::ReadOnly);
    if (!file)
        return file.error();
    QByteArray bytes(kStoredLogHeaderSize, Qt::Uninitialized);
    if (auto st = file->readAt(0, bytes.data(), bytes.size()); !st)
        return Error{name,
                     QStringLiteral("the log file is shorter than its header"),
                     {},
                     JetCode::LogFileSizeMismatch};
    return decodeLogHeader(bytes.constData(), bytes.size(), name);
}

Result<LogScan> LogFile::scan(bool isOpenLog, const Visitor &visit) const
{
    LogScan result;
    const char *file = m_data.constData();
    const qint64 fileSize = m_data.size();
    const uint32_t gen = m_header.generation;
    const bool inPlace = m_header.format == kLogFormatInPlace;
    qint64 position = firstRecordPosition(m_header);
    uint32_t offset = static_cast<uint32_t>(kLogHeaderSize);
    const auto corrupt = [&](qint64 at, const QString &why) {
        return Error{m_displayName,
                     QStringLiteral("generation %1 is corrupt at %2 (byte %3 of the file): %4")
                         .arg(gen)
                         .arg(Lsn{gen, offset}.toString())
                         .arg(at)
                         .arg(why),
                     QStringLiteral("copy this log again from a good source, or run eseutil /r with /a to "
                                    "accept losing the logs from here on"),
                     JetCode::LogFileCorrupt};
    };
    while (true) {
        LogRecordView view;
        QString why;
        const RecordCheck check = decodeRecordAt(file, fileSize, position, {gen, offset}, &view, &why);
        if (check == RecordCheck::End)
            break;
        if (check == RecordCheck::Bad) {
            // Is anything valid written after it? Then this is damage in the middle, not a torn tail.
            // Every 8 bytes may hold a plausible header whose checksum covers up to the rest of the file:
            // a damaged or crafted file could make this search quadratic (seconds to minutes for 1 MiB),
            // so the bytes it checksums are bounded. A file that needs more is not a torn tail (a torn
            // write leaves one partial record, not thousands of headers of this generation): damage.
            bool laterValid = false;
            qint64 budget = kLaterRecordSearchBytes;
            for (qint64 at = position + kRecordAlignment; at + kRecordHeaderSize <= fileSize;
                 at += kRecordAlignment) {
                uint32_t g, o, length;
                std::memcpy(&g, file + at + 12, 4);
                std::memcpy(&o, file + at + 16, 4);
                if (g != gen || o <= offset || o >= kLogFileSize || (inPlace && o != at))
                    continue;
                std::memcpy(&length, file + at + 4, 4);
                if (length <= kMaxRecordPayload && at + encodedRecordSize(length) <= fileSize) {
                    budget -= kRecordHeaderSize + length; // what decodeRecordAt will checksum
                    if (budget < 0) {
                        laterValid = true;
                        break;
                    }
                }
                LogRecordView later;
                QString ignored;
                if (decodeRecordAt(file, fileSize, at, {gen, o}, &later, &ignored) == RecordCheck::Valid) {
                    laterValid = true;
                    break;
                }
            }
            if (isOpenLog && !laterValid) {
                result.tornTail = true;
                break;
            }
            return corrupt(position, why);
        }
        if (visit) {
            if (auto st = visit(view); !st)
                return st.error();
        }
        ++result.records;
        ++result.countByType[static_cast<std::size_t>(view.type)];
        result.lastRecordTimeMs = view.timeMs;
        result.describedBytes += view.describedSize;
        offset += static_cast<uint32_t>(view.logicalSize());
        position += inPlace ? view.logicalSize() : view.encodedSize;
    }
    // A closed generation was zero after its last record when it was closed: anything else is damage.
    if (!isOpenLog && !result.tornTail && !isZeroFrom(position)) {
        qint64 at = position;
        while (at < fileSize && file[at] == 0)
            ++at;
        return corrupt(at, QStringLiteral("bytes follow the last record"));
    }
    result.end = {gen, offset};
    result.physicalEnd = position;
    return result;
}

bool LogFile::isZeroFrom(qint64 position) const
{
    for (qint64 i = std::max<qint64>(position, 0); i < m_data.size(); ++i)
        if (m_data[i] != 0)
            return false;
    return true;
}

} // namespace scr
