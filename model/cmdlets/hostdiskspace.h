#pragma once
// The logical space of a host's disk as the cmdlets show and change it (README, "What is real, what is
// described"): Get-Host's DiskSizeGB, DiskUsedGB and DiskFreeGB, Set-Host -DiskSizeGB, and Invoke-Fault
// FillDisk / FreeDisk, which make and remove the sparse filler file C:\SCR-FillDisk.bin. Usage is always
// computed from the files, so every process shows the same figures. Each call validates first and changes
// nothing when it refuses.

#include "core/result.h"
#include "directory/records.h"

#include <optional>

#include <QString>

namespace scr {

class Lab;

struct HostDiskReport
{
    QString host;
    qint64 capacityBytes = 0;
    qint64 usedBytes = 0; // the lengths of the disk's files, the filler's included
    qint64 freeBytes = 0;
    qint64 fillerBytes = 0; // the length of C:\SCR-FillDisk.bin, 0 when there is none
};

namespace cmdlets {

// Set-Host -DiskSizeGB takes GB (2^30 bytes, as Windows counts) with decimals, so that a test can make a
// disk of a few MB: 0.001 (about 1 MB) to 10240 (10 TB).
constexpr double kMinDiskSizeGB = limits::kMinDiskSizeGB;
constexpr double kMaxDiskSizeGB = limits::kMaxDiskSizeGB;

// A GB figure typed for parameter ("0.05", "200"), as bytes; refused with the range when it is not one.
Result<qint64> parseGigabytes(const QString &parameter, const QString &text, double min, double max);

Result<HostDiskReport> hostDiskReport(Lab &lab, const QString &host);
// The host must exist, and bytes be in range and no less than what its files already use.
Result<HostDiskReport> setHostDiskSize(Lab &lab, const QString &host, qint64 bytes);
// Invoke-Fault FillDisk -Server: the filler takes bytes more (all that is free when none), on the host of
// server, which must be powered on; more than is free is refused.
Result<HostDiskReport> fillDisk(Lab &lab, const QString &server, std::optional<qint64> bytes);
// Invoke-Fault FreeDisk -Server: the filler goes (no filler: nothing to do).
Result<HostDiskReport> freeDisk(Lab &lab, const QString &server);

} // namespace cmdlets
} // namespace scr
