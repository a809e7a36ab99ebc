#include "faultinjector.h"

#include "core/fileio.h"
#include "core/logging.h"
#include "store/logformat.h"

#include <algorithm>

#include <spdlog/spdlog.h>

namespace scr {

namespace {

// The byte Invoke-Fault CorruptLog flips when no offset is given: see corruptFile.
Result<qint64> storedRecordByte(const File &file, const QString &displayPath)
{
    auto ranges = file.dataRanges();
    if (!ranges)
        return ranges.error();
    for (auto it = ranges->rbegin(); it != ranges->rend(); ++it) {
        const qint64 start = std::max(it->first, kStoredLogHeaderSize);
        if (start >= it->second)
            continue;
        QByteArray data(static_cast<qsizetype>(it->second - start), Qt::Uninitialized);
        SCR_TRY(file.readAt(start, data.data(), data.size()));
        qsizetype end = data.size(); // past the last non-zero byte: where the stored records end
        while (end > 0 && data[end - 1] == 0)
            --end;
        if (end == 0)
            continue;
        qsizetype first = 0; // the first non-zero byte (format 1 logs: records start past a hole)
        while (data[first] == 0)
            ++first;
        qsizetype at = first + (end - first) / 2;
        while (data[at] == 0) // padding between records: the checksum does not cover it
            ++at;
        return start + at;
    }
    return Error{displayPath, QStringLiteral("stores nothing past its header to corrupt"),
                 QStringLiteral("pick a log that holds records, or give -Offset")};
}

} // namespace

Result<qint64> FaultInjector::corruptFile(const HostDisk &disk, const QString &path,
                                          std::optional<qint64> offset)
{
    auto file = disk.open(path, File::Mode::ReadWrite);
    if (!file)
        return file.error();
    auto size = file->size();
    if (!size)
        return size.error();
    if (!offset) {
        auto picked = storedRecordByte(*file, disk.displayPath(path));
        if (!picked)
            return picked.error();
        offset = *picked;
    }
    if (*offset < 0 || *offset >= *size)
        return Error{disk.displayPath(path),
                     QStringLiteral("offset %1 is outside the file (%2 bytes)").arg(*offset).arg(*size),
                     QStringLiteral("pick an offset inside the file")};
    char byte = 0;
    SCR_TRY(file->readAt(*offset, &byte, 1));
    byte = static_cast<char>(byte ^ 0x5A);
    SCR_TRY(file->writeAt(*offset, &byte, 1));
    SCR_TRY(file->syncData());
    logging::get("sim")->warn("fault: corrupted {} at byte {}", disk.displayPath(path).toStdString(),
                              *offset);
    return *offset;
}

Status FaultInjector::deleteFile(const HostDisk &disk, const QString &path)
{
    auto entry = disk.entry(path);
    if (!entry)
        return entry.error();
    if (!entry->has_value())
        return Error{disk.displayPath(path), QStringLiteral("deleting failed: the file does not exist"),
                     QStringLiteral("check the path"), JetCode::FileNotFound};
    SCR_TRY(disk.removeFile(path));
    logging::get("sim")->warn("fault: deleted {}", disk.displayPath(path).toStdString());
    return {};
}

Result<qint64> FaultInjector::fillDisk(const HostDisk &disk, qint64 bytes)
{
    const QString path = fillerPath();
    const qint64 free = disk.freeBytes(true); // from the files, now
    if (bytes > free)
        return Error{
            disk.hostName(),
            QStringLiteral("has %1 bytes free, fewer than the %2 asked to fill").arg(free).arg(bytes),
            QStringLiteral("ask for at most %1 bytes, or leave out -SizeGB to fill it all").arg(free)};
    const qint64 grow = bytes < 0 ? free : bytes;
    SCR_TRY(disk.makeFolders(folderOf(path)));
    auto existing = disk.entry(path);
    if (!existing)
        return existing.error();
    auto file = disk.open(path, existing->has_value() ? File::Mode::ReadWrite : File::Mode::CreateNew);
    if (!file)
        return file.error();
    auto length = file->size();
    if (!length)
        return length.error();
    // A hole: the length counts against the disk's logical space, no block is written.
    SCR_TRY(file->setLength(*length + grow));
    SCR_TRY(file->syncData());
    logging::get("sim")->warn("fault: filled the disk of {} ({} bytes in {})", disk.hostName().toStdString(),
                              *length + grow, disk.displayPath(path).toStdString());
    return *length + grow;
}

Result<qint64> FaultInjector::freeDisk(const HostDisk &disk)
{
    const QString path = fillerPath();
    auto existing = disk.entry(path);
    if (!existing)
        return existing.error();
    if (!existing->has_value())
        return 0;
    SCR_TRY(disk.removeFile(path));
    logging::get("sim")->warn("fault: freed the disk of {} ({} bytes)", disk.hostName().toStdString(),
                              (*existing)->size);
    return (*existing)->size;
}

} // namespace scr
