#include "hostfiles.h"

#include "cmdlets/validation.h"
#include "lab/lab.h"

namespace scr::ems {
namespace {

HostDisk sessionDisk(CmdletContext &ctx)
{
    return ctx.lab ? ctx.lab->hostDisk(ctx.host) : HostDisk(ctx.labDir, ctx.host);
}

// nullopt when path holds no wildcard; an error when one stands before its last part.
Result<std::optional<WildcardPath>> splitWildcard(const QString &path)
{
    QString p = path;
    while (p.size() > 3 && p.endsWith(QLatin1Char('\\')))
        p.chop(1);
    if (!hasWildcard(p))
        return std::optional<WildcardPath>{};
    const QString folder = cmdlets::parentPath(p);
    const QString pattern = p.mid(folder.size()).remove(QLatin1Char('\\'));
    if (hasWildcard(folder) || folder == p)
        return Error{
            path,
            QStringLiteral("has a wildcard (* or ?) before its last part; only the last part of a path "
                           "may hold one, so that nothing outside the folder named can match"),
            QStringLiteral("name the folder in full and put the wildcard at the end, e.g. "
                           "C:\\SG1Target\\*")};
    return std::optional<WildcardPath>{WildcardPath{folder, pattern}};
}

} // namespace

Result<HostDisk> sessionDiskFor(CmdletContext &ctx, const QString &cmdlet, const QString &windowsPath)
{
    if (ctx.host.isEmpty())
        return Error{cmdlet, QStringLiteral("acts on a host's disk"),
                     QStringLiteral("Enter-PSSession MBX1 first")};
    if (ctx.lab) {
        auto host = ctx.lab->directory().host(ctx.host);
        if (!host)
            return host.error();
        if (*host && !(*host)->poweredOn)
            return Error{ctx.host, QStringLiteral("is powered off"),
                         QStringLiteral("Start-Host %1 first").arg(ctx.host), JetCode::DiskIO};
    }
    HostDisk disk = sessionDisk(ctx);
    if (auto local = disk.localPath(windowsPath); !local)
        return local.error();
    return disk;
}

Result<std::optional<DiskEntry>> entryAt(const HostDisk &disk, const QString &windowsPath)
{
    SCR_TRY(cmdlets::checkNoLink(disk, windowsPath));
    return disk.entry(windowsPath);
}

Result<DiskEntry> existingEntry(CmdletContext &ctx, const HostDisk &disk, const QString &windowsPath)
{
    auto entry = entryAt(disk, windowsPath);
    if (!entry)
        return entry.error();
    if (!*entry)
        return Error{windowsPath, QStringLiteral("does not exist on %1").arg(ctx.host),
                     QStringLiteral("check the path with Test-Path"), JetCode::FileNotFound};
    return **entry;
}

bool hasWildcard(const QString &text)
{
    return text.contains(QLatin1Char('*')) || text.contains(QLatin1Char('?'));
}

Result<std::vector<DiskEntry>> matchesOf(const HostDisk &disk, const WildcardPath &wildcard)
{
    auto entries = disk.list(wildcard.folder, wildcard.pattern);
    if (!entries)
        return entries.error();
    for (const DiskEntry &e : *entries)
        if (e.kind == DiskEntry::Kind::Link)
            SCR_TRY(cmdlets::checkNoLink(disk, cmdlets::childPath(wildcard.folder, e.name)));
    return entries;
}

Result<TypedPath> typedPath(CmdletContext &ctx, const QString &cmdlet, const QString &typed)
{
    auto wildcard = splitWildcard(typed);
    if (!wildcard)
        return wildcard.error();
    const QString named = *wildcard ? (*wildcard)->folder : typed;
    auto disk = sessionDiskFor(ctx, cmdlet, named);
    if (!disk)
        return disk.error();
    return TypedPath{*disk, *wildcard, named};
}

} // namespace scr::ems
