// The file commands on the session's host (Enter-PSSession): Test-Path, Get-ChildItem (dir, ls, gci),
// Remove-Item [-Recurse], Copy-Item, Move-Item and Rename-Item. They reach the host's disk through HostDisk
// only, with the user's Windows paths; they refuse a powered-off host and any path that is, goes through or
// (for a listing or a removal) holds a symbolic link. What deletes, renames or overwrites refuses a drive's
// root and what a mounted database or a running SCR copy is using (FilesInUse), as Windows refuses to
// delete a file the store holds open. Every check runs before the first change.
//
// Wildcards (* and ?) name entries of one folder, as in `Remove-Item C:\SG1Target\* -Recurse` or
// `dir C:\Exchange\Logs\SG1\E00*.log`: only the path's last part may hold them, so a match never lies
// outside the folder named (HostDisk matches names inside that folder only). A pattern that matches nothing
// is no error, as in PowerShell; every match is checked before the first one is deleted.

#include "cmdletregistry.h"

#include "cmdlets/validation.h"
#include "lab/filesinuse.h"
#include "lab/lab.h"

#include <algorithm>

#include <QDateTime>
#include <QLocale>

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

bool hasWildcard(const QString &text)
{
    return text.contains(QLatin1Char('*')) || text.contains(QLatin1Char('?'));
}

// A path whose last part is a wildcard pattern: the folder it names and the pattern.
struct WildcardPath
{
    QString folder;
    QString pattern;
};

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

// The entries of wildcard.folder matching its pattern; a link among them is refused, named.
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

// Whether Remove-Item may delete path (entry is what is there): not a drive's root, nothing a running lab
// uses, a folder with something in it only with -Recurse. (Links inside are HostDisk's to refuse.)
Status checkRemovable(CmdletContext &ctx, const HostDisk &disk, const QString &path, const DiskEntry &entry,
                      bool recurse)
{
    // HostDisk refuses a drive's root too, however the lab was named; this says so before the checks of
    // what is in use.
    if (isDriveRoot(path))
        return Error{path, QStringLiteral("is a drive's root"), QStringLiteral("remove a folder in it")};
    if (auto local = disk.localPath(path); !local)
        return local.error();
    if (ctx.lab) // in either direction: a used file, a file in a used folder, a folder holding one
        SCR_TRY(FilesInUse(*ctx.lab).check(disk, path));
    if (entry.kind == DiskEntry::Kind::Folder) {
        auto inside = disk.list(path);
        if (!inside)
            return inside.error();
        if (!inside->empty() && !recurse)
            return Error{path, QStringLiteral("is a folder that is not empty"),
                         QStringLiteral("add -Recurse to delete it and everything in it")};
    }
    return {};
}

// A path's last part: the file's or folder's own name.
QString nameOf(const QString &windowsPath)
{
    QString p = windowsPath;
    while (p.size() > 3 && p.endsWith(QLatin1Char('\\')))
        p.chop(1);
    return p.section(QLatin1Char('\\'), -1);
}

// Copy-Item, Move-Item and Rename-Item act on one item each: a wildcard there is refused.
Status checkNoWildcard(const QString &cmdlet, const QString &path)
{
    if (hasWildcard(path))
        return Error{path, QStringLiteral("%1 takes one item, not a wildcard (* or ?)").arg(cmdlet),
                     QStringLiteral("name the file in full; dir lists what a wildcard matches")};
    return {};
}

// What a copy or a move of source to destination writes: destination itself, or source's name inside it
// when destination is a folder; checked (the folder it goes into exists, it is not source itself, not a
// drive's root, no link on its way, and nothing a mounted database or a running SCR copy uses). exists
// says whether a file is there already (a folder there is refused).
struct Landing
{
    QString path;
    bool exists = false;
};

Result<Landing> landingFor(CmdletContext &ctx, const HostDisk &disk, const QString &source,
                           const QString &destination)
{
    auto there = entryAt(disk, destination);
    if (!there)
        return there.error();
    Landing landing{destination, there->has_value()};
    if (*there && (**there).kind == DiskEntry::Kind::Folder) {
        landing.path = cmdlets::childPath(destination, nameOf(source));
        auto inside = entryAt(disk, landing.path);
        if (!inside)
            return inside.error();
        landing.exists = inside->has_value();
        if (*inside && (**inside).kind == DiskEntry::Kind::Folder)
            return Error{landing.path, QStringLiteral("is a folder"),
                         QStringLiteral("remove it first, or give another -Destination")};
    }
    if (isDriveRoot(landing.path))
        return Error{landing.path, QStringLiteral("is a drive's root"),
                     QStringLiteral("give a folder or a file in it")};
    auto from = disk.localPath(source);
    auto to = disk.localPath(landing.path);
    if (!from)
        return from.error();
    if (!to)
        return to.error();
    if (from->compare(*to, Qt::CaseInsensitive) == 0 ||
        to->startsWith(*from + QLatin1Char('/'), Qt::CaseInsensitive))
        return Error{landing.path, QStringLiteral("is %1 itself or inside it").arg(source),
                     QStringLiteral("give a -Destination elsewhere")};
    const QString folder = cmdlets::parentPath(landing.path);
    if (!disk.isFolder(folder))
        return Error{folder, QStringLiteral("is no folder on %1").arg(ctx.host),
                     QStringLiteral("give a -Destination in a folder that exists"), JetCode::FileNotFound};
    if (ctx.lab)
        SCR_TRY(FilesInUse(*ctx.lab).check(disk, landing.path));
    return landing;
}

// Move-Item and Rename-Item: source (a file or a folder) to the checked landing path, by one rename.
Result<Objects> moveItem(CmdletContext &ctx, const QString &cmdlet, const QString &source,
                         const QString &destination, bool force)
{
    SCR_TRY(checkNoWildcard(cmdlet, source));
    SCR_TRY(checkNoWildcard(cmdlet, destination));
    auto disk = sessionDiskFor(ctx, cmdlet, source);
    if (!disk)
        return disk.error();
    if (auto local = disk->localPath(destination); !local)
        return local.error();
    auto entry = existingEntry(ctx, *disk, source);
    if (!entry)
        return entry.error();
    if (isDriveRoot(source))
        return Error{source, QStringLiteral("is a drive's root"), QStringLiteral("move a folder in it")};
    if (ctx.lab) // what goes from its place: in use in either direction
        SCR_TRY(FilesInUse(*ctx.lab).check(*disk, source));
    auto landing = landingFor(ctx, *disk, source, destination);
    if (!landing)
        return landing.error();
    if (landing->exists && (!force || entry->kind == DiskEntry::Kind::Folder))
        return Error{landing->path, QStringLiteral("exists already"),
                     entry->kind == DiskEntry::Kind::Folder
                         ? QStringLiteral("remove it first, or give another name")
                         : QStringLiteral("add -Force to replace it, or give another name")};
    SCR_TRY(disk->rename(source, landing->path));
    const QString from = cmdlets::parentPath(source);
    if (from.compare(cmdlets::parentPath(landing->path), Qt::CaseInsensitive) != 0)
        SCR_TRY(disk->syncFolder(from)); // the old name's removal is durable too
    return Objects{};
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
               auto wildcard = splitWildcard(path);
               if (!wildcard)
                   return wildcard.error();
               const QString named = *wildcard ? (*wildcard)->folder : path;
               auto disk = sessionDiskFor(ctx, QStringLiteral("Test-Path"), named);
               if (!disk)
                   return disk.error();
               auto entry = entryAt(*disk, named); // a link is no answer: it is refused, named
               if (!entry)
                   return entry.error();
               bool exists = entry->has_value();
               if (*wildcard) { // True when anything in the folder matches
                   exists = exists && (**entry).kind == DiskEntry::Kind::Folder;
                   if (exists) {
                       auto matches = matchesOf(*disk, **wildcard);
                       if (!matches)
                           return matches.error();
                       exists = !matches->empty();
                   }
               }
               PSObject o{QStringLiteral("Text"), {QStringLiteral("Output")}, {}};
               o.set(QStringLiteral("Output"), exists ? QStringLiteral("True") : QStringLiteral("False"));
               return Objects{o};
           }});
    const auto childItems = [](CmdletContext &ctx, const BoundParameters &b,
                               const Objects &) -> Result<Objects> {
        const QString typed =
            b.has(QStringLiteral("Path")) ? b.string(QStringLiteral("Path")) : QStringLiteral("C:\\");
        auto wildcard = splitWildcard(typed);
        if (!wildcard)
            return wildcard.error();
        // With a wildcard: the folder's entries that match it (themselves, not what is inside them).
        const QString path = *wildcard ? (*wildcard)->folder : typed;
        auto disk = sessionDiskFor(ctx, QStringLiteral("Get-ChildItem"), path);
        if (!disk)
            return disk.error();
        auto entry = existingEntry(ctx, *disk, path);
        if (!entry)
            return entry.error();
        if (entry->kind != DiskEntry::Kind::Folder) {
            if (*wildcard)
                return Error{path, QStringLiteral("is a file, not a folder"),
                             QStringLiteral("put the wildcard after a folder's path")};
            return Objects{itemObject(*entry)};
        }
        auto entries = disk->list(path, *wildcard ? (*wildcard)->pattern : QString());
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
        // As cmd's dir ends: the free space of the drive, in logical bytes (capacity less the lengths of
        // the host's files).
        const QString free =
            QStringLiteral("%1 bytes free").arg(QLocale(QLocale::English).toString(disk->freeBytes()));
        for (PSObject &o : out) {
            o.alwaysTable = true; // a folder listing is a table even with one entry
            o.footer = free;
        }
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
             const QString typed = b.string(QStringLiteral("Path"));
             const bool recurse = b.flag(QStringLiteral("Recurse"));
             auto wildcard = splitWildcard(typed);
             if (!wildcard)
                 return wildcard.error();
             const QString named = *wildcard ? (*wildcard)->folder : typed;
             auto disk = sessionDiskFor(ctx, QStringLiteral("Remove-Item"), named);
             if (!disk)
                 return disk.error();
             auto entry = existingEntry(ctx, *disk, named);
             if (!entry)
                 return entry.error();
             // What goes: the path itself, or every match of the wildcard in the folder named.
             std::vector<std::pair<QString, DiskEntry>> targets;
             if (!*wildcard) {
                 targets.emplace_back(typed, *entry);
             } else {
                 if (entry->kind != DiskEntry::Kind::Folder)
                     return Error{named, QStringLiteral("is a file, not a folder"),
                                  QStringLiteral("put the wildcard after a folder's path")};
                 auto matches = matchesOf(*disk, **wildcard);
                 if (!matches)
                     return matches.error();
                 for (const DiskEntry &e : *matches)
                     targets.emplace_back(cmdlets::childPath(named, e.name), e);
             }
             // Every check on every target before the first deletion.
             for (const auto &[path, target] : targets) {
                 SCR_TRY(checkRemovable(ctx, *disk, path, target, recurse));
                 // removeRecursively checks its own tree for links before it deletes; with several
                 // targets, every tree is checked before the first goes.
                 if (targets.size() > 1 && target.kind == DiskEntry::Kind::Folder)
                     SCR_TRY(cmdlets::checkTreeNoLink(*disk, path));
             }
             for (const auto &[path, target] : targets) {
                 if (target.kind == DiskEntry::Kind::Folder)
                     SCR_TRY(disk->removeRecursively(path));
                 else
                     SCR_TRY(disk->removeFile(path));
             }
             return Objects{};
         }});
    r.add({QStringLiteral("Copy-Item"),
           QStringLiteral("Copy a file on the session's host; an existing file at -Destination is replaced."),
           {P{QStringLiteral("Path"), T::String, 0, true},
            P{QStringLiteral("Destination"), T::String, 1, true}},
           false,
           false,
           false,
           [](CmdletContext &ctx, const BoundParameters &b, const Objects &) -> Result<Objects> {
               const QString source = b.string(QStringLiteral("Path"));
               const QString destination = b.string(QStringLiteral("Destination"));
               SCR_TRY(checkNoWildcard(QStringLiteral("Copy-Item"), source));
               SCR_TRY(checkNoWildcard(QStringLiteral("Copy-Item"), destination));
               auto disk = sessionDiskFor(ctx, QStringLiteral("Copy-Item"), source);
               if (!disk)
                   return disk.error();
               if (auto local = disk->localPath(destination); !local)
                   return local.error();
               auto entry = existingEntry(ctx, *disk, source);
               if (!entry)
                   return entry.error();
               if (entry->kind != DiskEntry::Kind::File)
                   return Error{source, QStringLiteral("is a folder"),
                                QStringLiteral("copy the files in it one by one")};
               auto landing = landingFor(ctx, *disk, source, destination);
               if (!landing)
                   return landing.error();
               if (!landing->exists)
                   SCR_TRY(disk->copyFrom(*disk, source, landing->path));
               else {
                   // Replaced whole or not at all: the copy is made beside it, then renamed over it.
                   const QString temporary = landing->path + QStringLiteral(".copying");
                   SCR_TRY(cmdlets::checkNoLink(*disk, temporary));
                   SCR_TRY(disk->removeFile(temporary));
                   SCR_TRY(disk->copyFrom(*disk, source, temporary, false));
                   if (auto st = disk->rename(temporary, landing->path); !st) {
                       (void)disk->removeFile(temporary);
                       return st.error();
                   }
               }
               return Objects{};
           }});
    r.add(
        {QStringLiteral("Move-Item"),
         QStringLiteral("Move or rename a file or folder on the session's host (-Force replaces a file)."),
         {P{QStringLiteral("Path"), T::String, 0, true}, P{QStringLiteral("Destination"), T::String, 1, true},
          P{QStringLiteral("Force"), T::Switch, -1, false}},
         false,
         false,
         false,
         [](CmdletContext &ctx, const BoundParameters &b, const Objects &) -> Result<Objects> {
             return moveItem(ctx, QStringLiteral("Move-Item"), b.string(QStringLiteral("Path")),
                             b.string(QStringLiteral("Destination")), b.flag(QStringLiteral("Force")));
         }});
    r.add({QStringLiteral("Rename-Item"),
           QStringLiteral("Rename a file or folder on the session's host, in its folder."),
           {P{QStringLiteral("Path"), T::String, 0, true}, P{QStringLiteral("NewName"), T::String, 1, true}},
           false,
           false,
           false,
           [](CmdletContext &ctx, const BoundParameters &b, const Objects &) -> Result<Objects> {
               const QString source = b.string(QStringLiteral("Path"));
               const QString name = b.string(QStringLiteral("NewName"));
               if (name.isEmpty() || name.contains(QLatin1Char('\\')) || name.contains(QLatin1Char('/')) ||
                   name == QStringLiteral(".") || name == QStringLiteral(".."))
                   return Error{name, QStringLiteral("is not a name"),
                                QStringLiteral("give -NewName a name without a path; Move-Item moves to "
                                               "another folder")};
               return moveItem(ctx, QStringLiteral("Rename-Item"), source,
                               cmdlets::childPath(cmdlets::parentPath(source), name), false);
           }});
}

} // namespace scr::ems
