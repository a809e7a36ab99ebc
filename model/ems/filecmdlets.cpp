// The file commands on the session's host (Enter-PSSession): Test-Path, Get-ChildItem (dir, ls, gci) and
// Remove-Item [-Recurse]. They reach the host's disk through HostDisk only, with the user's Windows paths;
// they refuse a powered-off host and any path that is, goes through or (for a listing or a removal)
// holds a symbolic link, and Remove-Item refuses to delete a drive's root or what a mounted database or a
// running SCR copy is using. Every check runs before the first deletion.

#include "cmdletregistry.h"

#include "cmdlets/validation.h"
#include "lab/lab.h"

#include <algorithm>

#include <QDateTime>

namespace scr::ems {
namespace {

using P = ParameterSpec;
using T = ParameterType;
using Objects = std::vector<PSObject>;

HostDisk sessionDisk(CmdletContext &ctx)
{
    return ctx.lab ? ctx.lab->hostDisk(ctx.host) : HostDisk(ctx.labDir, ctx.host);
}

// The session's host disk, once the host is known to be running and windowsPath to be a path on it.
Result<HostDisk> sessionDiskFor(CmdletContext &ctx, const QString &cmdlet, const QString &windowsPath)
{
    if (ctx.host.isEmpty())
        return Error{cmdlet, QStringLiteral("acts on a host's disk"),
                     QStringLiteral("Enter-PSSession MBX1 first"), JetCode::InvalidParameter};
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

// What is at windowsPath: an error when a link is on the way or is the entry itself.
Result<std::optional<DiskEntry>> entryAt(const HostDisk &disk, const QString &windowsPath)
{
    SCR_TRY(cmdlets::checkNoLink(disk, windowsPath));
    return disk.entry(windowsPath);
}

// The same, for a path that must exist.
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

// A drive's root (C:\) in any spelling: nothing but the drive.
bool isDriveRoot(const QString &windowsPath)
{
    return windowsPath.mid(2).split(QLatin1Char('\\'), Qt::SkipEmptyParts).isEmpty();
}

bool isInside(const QString &path, const QString &folder)
{
    return path == folder || path.startsWith(folder + QLatin1Char('/'));
}

// What a running lab is using under local (a local path of disk): a mounted database's files, an SCR
// copy's target; empty if nothing.
Result<QString> userOf(Lab &lab, const HostDisk &disk, const QString &local)
{
    auto sgs = lab.directory().storageGroups();
    if (!sgs)
        return sgs.error();
    for (const StorageGroupRecord &sg : *sgs) {
        auto dbs = lab.directory().databases(sg.id);
        if (!dbs)
            return dbs.error();
        for (const DatabaseRecord &db : *dbs) {
            if (MountedDatabase *m = lab.mountedDatabase(db.guid)) {
                const StoragePaths &p = m->paths();
                if (!p.disk.sameDisk(disk))
                    continue;
                for (const QString &used : {p.edbPath, p.logFolder, p.systemFolder})
                    if (isInside(used, local))
                        return QStringLiteral("mounted database %1\\%2 (Dismount-Database it first)")
                            .arg(sg.identity(), db.name);
            }
        }
        auto copies = lab.directory().copies(sg.id);
        if (!copies)
            return copies.error();
        for (const ScrCopyRecord &c : *copies) {
            auto standbyHost = lab.hostOfServer(c.standbyMachine);
            if (!standbyHost || dbs->empty())
                continue;
            auto target = lab.storagePaths(*standbyHost, sg, dbs->front());
            if (!target || !target->disk.sameDisk(disk))
                continue;
            if (isInside(target->logFolder, local) || isInside(target->edbPath, local))
                return QStringLiteral(
                           "the SCR copy of %1 (Disable-StorageGroupCopy or Restore-StorageGroupCopy "
                           "it first)")
                    .arg(sg.identity());
        }
    }
    return QString();
}

PSObject itemObject(const DiskEntry &entry)
{
    PSObject o{QStringLiteral("FileSystemInfo"),
               {QStringLiteral("Mode"), QStringLiteral("LastWriteTime"), QStringLiteral("Length"),
                QStringLiteral("Name")},
               {}};
    const bool folder = entry.kind == DiskEntry::Kind::Folder;
    o.set(QStringLiteral("Mode"), folder ? QStringLiteral("d----") : QStringLiteral("-a---"));
    o.set(QStringLiteral("LastWriteTime"), QDateTime::fromMSecsSinceEpoch(entry.modifiedMs, Qt::UTC)
                                               .toString(QStringLiteral("M/d/yyyy h:mm AP")));
    o.set(QStringLiteral("Length"), folder ? QVariant() : QVariant(static_cast<qlonglong>(entry.size)));
    o.set(QStringLiteral("Name"), entry.name);
    return o;
}

} // namespace

void registerFileCmdlets(CmdletRegistry &r)
{
    r.add({QStringLiteral("Test-Path"),
           QStringLiteral("True when a file or folder exists on the session's host."),
           {P{QStringLiteral("Path"), T::String, 0, true}},
           false,
           false,
           false,
           [](CmdletContext &ctx, const BoundParameters &b, const Objects &) -> Result<Objects> {
               const QString path = b.string(QStringLiteral("Path"));
               auto disk = sessionDiskFor(ctx, QStringLiteral("Test-Path"), path);
               if (!disk)
                   return disk.error();
               auto entry = entryAt(*disk, path); // a link is no answer: it is refused, named
               if (!entry)
                   return entry.error();
               PSObject o{QStringLiteral("Text"), {QStringLiteral("Output")}, {}};
               o.set(QStringLiteral("Output"), *entry ? QStringLiteral("True") : QStringLiteral("False"));
               return Objects{o};
           }});
    const auto childItems = [](CmdletContext &ctx, const BoundParameters &b,
                               const Objects &) -> Result<Objects> {
        const QString path =
            b.has(QStringLiteral("Path")) ? b.string(QStringLiteral("Path")) : QStringLiteral("C:\\");
        auto disk = sessionDiskFor(ctx, QStringLiteral("Get-ChildItem"), path);
        if (!disk)
            return disk.error();
        auto entry = existingEntry(ctx, *disk, path);
        if (!entry)
            return entry.error();
        if (entry->kind != DiskEntry::Kind::Folder)
            return Objects{itemObject(*entry)};
        auto entries = disk->list(path);
        if (!entries)
            return entries.error();
        // Folders first, then files, each by name.
        std::stable_sort(entries->begin(), entries->end(), [](const DiskEntry &x, const DiskEntry &y) {
            return (x.kind == DiskEntry::Kind::Folder) > (y.kind == DiskEntry::Kind::Folder);
        });
        Objects out;
        for (const DiskEntry &e : *entries) {
            if (e.kind == DiskEntry::Kind::Link) // named, with how to remove it
                SCR_TRY(cmdlets::checkNoLink(*disk, cmdlets::childPath(path, e.name)));
            out.push_back(itemObject(e));
        }
        for (PSObject &o : out)
            o.alwaysTable = true; // a folder listing is a table even with one entry
        return out;
    };
    for (const char *name : {"Get-ChildItem", "dir", "ls", "gci"})
        r.add({QString::fromLatin1(name),
               QStringLiteral("The files and folders in a folder of the session's host."),
               {P{QStringLiteral("Path"), T::String, 0, false}},
               false,
               false,
               false,
               childItems});
    r.add(
        {QStringLiteral("Remove-Item"),
         QStringLiteral("Delete a file, or a folder with -Recurse, on the session's host."),
         {P{QStringLiteral("Path"), T::String, 0, true}, P{QStringLiteral("Recurse"), T::Switch, -1, false}},
         false,
         false,
         false,
         [](CmdletContext &ctx, const BoundParameters &b, const Objects &) -> Result<Objects> {
             const QString path = b.string(QStringLiteral("Path"));
             auto disk = sessionDiskFor(ctx, QStringLiteral("Remove-Item"), path);
             if (!disk)
                 return disk.error();
             auto entry = existingEntry(ctx, *disk, path);
             if (!entry)
                 return entry.error();
             // HostDisk refuses a drive's root too, however the lab was named; this says so before the checks
             // of what is in use.
             if (isDriveRoot(path))
                 return Error{path, QStringLiteral("is a drive's root"),
                              QStringLiteral("remove a folder in it"), JetCode::InvalidParameter};
             auto local = disk->localPath(path);
             if (!local)
                 return local.error();
             if (ctx.lab) {
                 auto user = userOf(*ctx.lab, *disk, *local);
                 if (!user)
                     return user.error();
                 if (!user->isEmpty())
                     return Error{
                         path, QStringLiteral("is in use by %1").arg(*user), {}, JetCode::DatabaseInUse};
             }
             if (entry->kind == DiskEntry::Kind::Folder) {
                 auto inside = disk->list(path);
                 if (!inside)
                     return inside.error();
                 if (!inside->empty() && !b.flag(QStringLiteral("Recurse")))
                     return Error{path, QStringLiteral("is a folder that is not empty"),
                                  QStringLiteral("add -Recurse to delete it and everything in it"),
                                  JetCode::InvalidParameter};
                 // Checks the whole tree for links before it deletes anything.
                 SCR_TRY(disk->removeRecursively(path));
             } else {
                 SCR_TRY(disk->removeFile(path));
             }
             return Objects{};
         }});
}

} // namespace scr::ems
