#pragma once
// FaultInjector: the simulation's faults, done for real on a host's disk: damage or delete a log, fill a disk
// (writes that need space fail with ENOSPC) and free it, power a host off (its files become unreachable) and
// on. The model's Invoke-Fault, Stop-Host and Start-Host validate and then call these.

#include "core/result.h"

#include <QString>

namespace scr {

class FaultInjector
{
public:
    // Flips one byte of path at offset (inside a log: the record there no longer checks out).
    static Status corruptFile(const QString &path, qint64 offset);
    static Status deleteFile(const QString &path);
    static void setDiskFull(const QString &hostRoot, bool full);
    static void setPoweredOn(const QString &hostRoot, bool on);
};

} // namespace scr
