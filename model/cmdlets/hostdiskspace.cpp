#include "hostdiskspace.h"

#include "lab/lab.h"
#include "sim/faultinjector.h"
#include "validation.h"

#include <cmath>

namespace scr::cmdlets {
namespace {

Result<HostRecord> findHost(Lab &lab, const QString &host)
{
    auto record = lab.directory().host(host);
    if (!record)
        return record.error();
    if (!*record)
        return refuse(host, QStringLiteral("no such host"), QStringLiteral("Get-Host lists them"));
    return **record;
}

HostDiskReport reportOf(const HostDisk &disk, const QString &host)
{
    HostDiskReport report;
    report.host = host;
    report.capacityBytes = disk.capacityBytes();
    report.usedBytes = disk.usedBytes();
    report.freeBytes = disk.freeBytes();
    if (auto filler = disk.entry(FaultInjector::fillerPath()); filler && *filler)
        report.fillerBytes = (*filler)->size;
    return report;
}

// The host of server, powered on, for a fault on its disk.
Result<QString> faultHost(Lab &lab, const QString &server)
{
    auto host = lab.hostOfServer(server);
    if (!host)
        return host.error();
    SCR_TRY(checkPowered(lab.hostDisk(*host)));
    return *host;
}

} // namespace

Result<qint64> parseGigabytes(const QString &parameter, const QString &text, double min, double max)
{
    bool ok = false;
    const double gb = text.trimmed().toDouble(&ok);
    if (!ok || !std::isfinite(gb) || gb < min || gb > max)
        return refuse(QStringLiteral("-%1 %2").arg(parameter, text),
                      QStringLiteral("is not a size in GB from %1 to %2").arg(min).arg(max),
                      QStringLiteral("write a number of GB, decimals allowed: -%1 200, or -%1 0.05 for about "
                                     "50 MB")
                          .arg(parameter));
    return static_cast<qint64>(std::llround(gb * double(1LL << 30)));
}

Result<HostDiskReport> hostDiskReport(Lab &lab, const QString &host)
{
    auto record = findHost(lab, host);
    if (!record)
        return record.error();
    return reportOf(lab.hostDisk(record->name), record->name);
}

Result<HostDiskReport> setHostDiskSize(Lab &lab, const QString &host, qint64 bytes)
{
    auto record = findHost(lab, host);
    if (!record)
        return record.error();
    const double minBytes = kMinDiskSizeGB * double(1LL << 30);
    const double maxBytes = kMaxDiskSizeGB * double(1LL << 30);
    if (static_cast<double>(bytes) < std::floor(minBytes) || static_cast<double>(bytes) > maxBytes)
        return refuse(
            record->name, QStringLiteral("a disk of %1 bytes is out of range").arg(bytes),
            QStringLiteral("choose -DiskSizeGB from %1 to %2").arg(kMinDiskSizeGB).arg(kMaxDiskSizeGB));
    const HostDisk disk = lab.hostDisk(record->name);
    const qint64 used = disk.usedBytes(true); // from the files, now
    if (bytes < used)
        return refuse(record->name,
                      QStringLiteral("its files take %1 bytes (%2 GB), more than a disk of %3 bytes holds")
                          .arg(used)
                          .arg(gigabytes(used))
                          .arg(bytes),
                      QStringLiteral("choose -DiskSizeGB %1 or more, or free space on %2 first")
                          .arg(std::ceil(static_cast<double>(used) / double(1LL << 30) * 1000.0) / 1000.0)
                          .arg(record->name));
    SCR_TRY(lab.setHostDiskSize(record->name, bytes));
    return reportOf(disk, record->name);
}

Result<HostDiskReport> fillDisk(Lab &lab, const QString &server, std::optional<qint64> bytes)
{
    auto host = faultHost(lab, server);
    if (!host)
        return host.error();
    const HostDisk disk = lab.hostDisk(*host);
    SCR_TRY(checkNoLink(disk, FaultInjector::fillerPath()));
    if (bytes) {
        const qint64 free = disk.freeBytes(true);
        if (*bytes > free)
            return refuse(
                *host,
                QStringLiteral("has %1 bytes (%2 GB) free, fewer than the %3 bytes asked to fill")
                    .arg(free)
                    .arg(gigabytes(free))
                    .arg(*bytes),
                QStringLiteral("ask for at most %1 GB, or leave out -SizeGB to fill it all")
                    .arg(std::floor(static_cast<double>(free) / double(1LL << 30) * 1000.0) / 1000.0));
    }
    auto filled = FaultInjector::fillDisk(disk, bytes.value_or(-1));
    if (!filled)
        return filled.error();
    return reportOf(disk, *host);
}

Result<HostDiskReport> freeDisk(Lab &lab, const QString &server)
{
    auto host = faultHost(lab, server);
    if (!host)
        return host.error();
    const HostDisk disk = lab.hostDisk(*host);
    SCR_TRY(checkNoLink(disk, FaultInjector::fillerPath()));
    auto freed = FaultInjector::freeDisk(disk);
    if (!freed)
        return freed.error();
    return reportOf(disk, *host);
}

} // namespace scr::cmdlets
