#include "faultinjector.h"

#include "core/fileio.h"
#include "core/logging.h"

#include <spdlog/spdlog.h>

namespace scr {

Status FaultInjector::corruptFile(const HostDisk &disk, const QString &path, qint64 offset)
{
    auto file = disk.open(path, File::Mode::ReadWrite);
    if (!file)
        return file.error();
    auto size = file->size();
    if (!size)
        return size.error();
    if (offset < 0 || offset >= *size)
        return Error{disk.displayPath(path),
                     QStringLiteral("offset %1 is outside the file (%2 bytes)").arg(offset).arg(*size),
                     QStringLiteral("pick an offset inside the file"), JetCode::InvalidParameter};
    char byte = 0;
    SCR_TRY(file->readAt(offset, &byte, 1));
    byte = static_cast<char>(byte ^ 0x5A);
    SCR_TRY(file->writeAt(offset, &byte, 1));
    SCR_TRY(file->syncData());
    logging::get("sim")->warn("fault: corrupted {} at byte {}", disk.displayPath(path).toStdString(), offset);
    return {};
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

} // namespace scr
