#pragma once
// LabLock: one process at a time on a lab. Two would mount the same databases and append to the same logs,
// and that corrupts them; so Lab::open takes an exclusive lock on <lab>/lab.lock (flock, released by the
// kernel however the process ends, kill -9 included) and a second opener is refused with the holder's pid.

#include "core/result.h"

namespace scr {

class LabLock
{
public:
    static Result<LabLock> acquire(const QString &labDir);
    LabLock() = default;
    ~LabLock();
    LabLock(LabLock &&other) noexcept;
    LabLock &operator=(LabLock &&other) noexcept;
    LabLock(const LabLock &) = delete;
    LabLock &operator=(const LabLock &) = delete;

private:
    int m_fd = -1;
};

} // namespace scr
