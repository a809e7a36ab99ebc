#pragma once
// FaultInjector: the faults that damage a host's files, done for real on its disk: corrupt or delete a log,
// fill a disk (a sparse filler file, C:\SCR-FillDisk.bin, as long as the free logical space: every process
// sees the disk full, since usage is computed from the files) and free it. The other faults change a
// host's state, not its files, and are the Lab's (power: Lab::setHostPowered, a failing disk:
// Lab::setHostDiskFault). model/ems/faultregistry lists every fault Invoke-Fault injects, validates its
// parameters and calls these.

#include "core/result.h"
#include "host/hostdisk.h"

#include <optional>

#include <QString>

namespace scr {

class FaultInjector
{
public:
    // Flips one byte of path at offset and returns the offset. Without an offset it flips a stored byte of
    // a record: in a thin log most of the file is a hole, so a fixed offset would mostly land past the
    // records. The byte is the middle of the file's last data range past the log header's stored bytes,
    // moved to the nearest non-zero byte (a record's header or payload, never the zeros that pad records to
    // 8 bytes); a file with nothing stored past its header is refused.
    static Result<qint64> corruptFile(const HostDisk &disk, const QString &path,
                                      std::optional<qint64> offset = std::nullopt);
    static Status deleteFile(const HostDisk &disk, const QString &path);

    // The filler file of FillDisk, on the disk's C: drive. It holds no data: a hole as long as it says.
    static QString fillerPath() { return QStringLiteral("C:\\SCR-FillDisk.bin"); }
    // Makes the filler bytes long (all the free logical space when bytes < 0), on top of a filler already
    // there; bytes more than is free is refused. Returns the filler's new length.
    static Result<qint64> fillDisk(const HostDisk &disk, qint64 bytes = -1);
    // Removes the filler (none: nothing to do). Returns the bytes freed.
    static Result<qint64> freeDisk(const HostDisk &disk);
};

} // namespace scr
