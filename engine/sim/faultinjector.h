#pragma once
// FaultInjector: the simulation's faults, done for real on a host's disk: damage or delete a log, fill a disk
// (HostDisk::setFull: writes that need space fail with ENOSPC) and free it, power a host off
// (HostDisk::setPoweredOn: its files become unreachable) and on. The model's Invoke-Fault, Stop-Host and
// Start-Host validate and then call these.

#include "core/result.h"
#include "host/hostdisk.h"

#include <QString>

namespace scr {

class FaultInjector
{
public:
    // Flips one byte of path at offset (inside a log: the record there no longer checks out).
    static Status corruptFile(const HostDisk &disk, const QString &path, qint64 offset);
    static Status deleteFile(const HostDisk &disk, const QString &path);
};

} // namespace scr
