#include "faultinjector.h"

#include "core/fileio.h"
#include "core/hostfaults.h"
#include "core/logging.h"

#include <cerrno>
#include <unistd.h>

#include <spdlog/spdlog.h>

#include <QFile>

namespace scr {

Status FaultInjector::corruptFile(const QString &path, qint64 offset)
{
    auto file = File::open(path, File::Mode::ReadWrite);
    if (!file)
        return file.error();
    auto size = file->size();
    if (!size)
        return size.error();
    if (offset < 0 || offset >= *size)
        return Error{path, QStringLiteral("offset %1 is outside the file (%2 bytes)").arg(offset).arg(*size),
                     QStringLiteral("pick an offset inside the file"), JetCode::InvalidParameter};
    char byte = 0;
    SCR_TRY(file->readAt(offset, &byte, 1));
    byte = static_cast<char>(byte ^ 0x5A);
    SCR_TRY(file->writeAt(offset, &byte, 1));
    SCR_TRY(file->syncData());
    logging::get("sim")->warn("fault: corrupted {} at byte {}", path.toStdString(), offset);
    return {};
}

Status FaultInjector::deleteFile(const QString &path)
{
    if (::unlink(QFile::encodeName(path).constData()) != 0)
        return errorFromErrno(errno, path, QStringLiteral("deleting"));
    logging::get("sim")->warn("fault: deleted {}", path.toStdString());
    return {};
}

void FaultInjector::setDiskFull(const QString &hostRoot, bool full)
{
    HostFaults::instance().setDiskFull(hostRoot, full);
    logging::get("sim")->warn("fault: disk of {} {}", hostRoot.toStdString(), full ? "full" : "freed");
}

void FaultInjector::setPoweredOn(const QString &hostRoot, bool on)
{
    HostFaults::instance().setPoweredOn(hostRoot, on);
    logging::get("sim")->warn("host {} powered {}", hostRoot.toStdString(), on ? "on" : "off");
}

} // namespace scr
