#pragma once
// LabLock: one process at a time on a lab. Two would mount the same databases and append to the same logs,
// and that corrupts them (-501, -528, -567). So Lab::open takes an exclusive flock on the lab folder itself,
// through a descriptor it keeps open while the lab is open: a folder cannot be deleted and re-created
// under an open lab the way a lock file can, so no file operation lets a second process in. The kernel
// releases the lock however the process ends, kill -9 included. lab.lock only carries the holder's pid, for
// the message a second opener gets.

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
    int m_fd = -1; // the lab folder, opened O_DIRECTORY; the flock lives on its open file description
};

} // namespace scr
