// Start-Host, Stop-Host, Get-Host and Set-Host: the simulated machines, their power and their disks.

#include "registration.h"

#include "cmdlets/hostdiskspace.h"
#include "cmdlets/validation.h"
#include "ems/recordobjects.h"
#include "lab/lab.h"

namespace scr::ems {
namespace {

// Start-Host and Stop-Host: the host -Identity names, powered on or off.
std::function<Status(Lab &, const QString &)> power(bool on)
{
    return [on](Lab &lab, const QString &host) -> Status {
        auto record = lab.directory().host(host);
        if (!record)
            return record.error();
        if (!*record)
            return notFound(QStringLiteral("host"), host,
                            QStringLiteral("Get-ExchangeServer lists the hosts"));
        return lab.setHostPowered((*record)->name, on);
    };
}

Result<Objects> getHost(CmdletContext &ctx, const BoundParameters &b)
{
    auto hosts = ctx.lab->directory().hosts();
    if (!hosts)
        return hosts.error();
    auto servers = ctx.lab->directory().servers();
    if (!servers)
        return servers.error();
    Objects out;
    for (const HostRecord &h : *hosts) {
        if (b.has(QStringLiteral("Identity")) &&
            h.name.compare(text(b, "Identity"), Qt::CaseInsensitive) != 0)
            continue;
        QStringList bound;
        for (const ServerRecord &s : *servers)
            if (s.host.compare(h.name, Qt::CaseInsensitive) == 0)
                bound << s.name;
        PSObject o{QStringLiteral("Host"),
                   {QStringLiteral("Name"), QStringLiteral("PoweredOn"), QStringLiteral("ExchangeServer"),
                    QStringLiteral("DiskSizeGB"), QStringLiteral("DiskFreeGB"), QStringLiteral("DiskFolder")},
                   {}};
        o.set(QStringLiteral("Name"), h.name);
        o.set(QStringLiteral("PoweredOn"), h.poweredOn);
        o.set(QStringLiteral("ExchangeServer"), bound.join(QStringLiteral(", ")));
        o.set(QStringLiteral("DiskFolder"), ctx.lab->hostDisk(h.name).root());
        auto disk = cmdlets::hostDiskReport(*ctx.lab, h.name);
        if (!disk)
            return disk.error();
        setDiskProperties(o, *disk);
        out.push_back(o);
    }
    return out;
}

} // namespace

void registerHostCmdlets(CmdletRegistry &r)
{
    r.add(identityAction("Start-Host", "Power a host on; its MountAtStartup databases mount.", false,
                         power(true)));
    r.add(identityAction("Stop-Host", "Power a host off, without a shutdown.", false, power(false)));
    r.add({.name = QStringLiteral("Get-Host"),
           .synopsis = QStringLiteral(
               "The simulated machines: power, disk folder, and the Exchange server bound to each."),
           .parameters = {P{.name = QStringLiteral("Identity"), .position = 0}},
           .run = [](CmdletContext &ctx, const BoundParameters &b, const Objects &) {
               return getHost(ctx, b);
           }});
    r.add({.name = QStringLiteral("Set-Host"),
           .synopsis = QStringLiteral("Set a simulated machine's logical disk size: -DiskSizeGB (decimals "
                                      "allowed, not below what its files use)."),
           .parameters = {identityParameter(), P{.name = QStringLiteral("DiskSizeGB")}},
           .run = [](CmdletContext &ctx, const BoundParameters &b, const Objects &) -> Result<Objects> {
               if (!b.has(QStringLiteral("DiskSizeGB")))
                   return needsParameter(
                       QStringLiteral("Set-Host"), QStringLiteral("-DiskSizeGB"),
                       QStringLiteral("Set-Host %1 -DiskSizeGB 200").arg(text(b, "Identity")));
               auto bytes = cmdlets::parseGigabytes(QStringLiteral("DiskSizeGB"), text(b, "DiskSizeGB"),
                                                    cmdlets::kMinDiskSizeGB, cmdlets::kMaxDiskSizeGB);
               if (!bytes)
                   return bytes.error();
               auto report = cmdlets::setHostDiskSize(*ctx.lab, text(b, "Identity"), *bytes);
               if (!report)
                   return report.error();
               return Objects{hostDiskObject(*report)};
           }});
}

} // namespace scr::ems
