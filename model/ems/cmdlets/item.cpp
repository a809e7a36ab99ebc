// Remove-Item, Copy-Item, Move-Item and Rename-Item on the session's host (the rules: hostfiles.h).

#include "hostfiles.h"

#include "cmdlets/validation.h"
#include "lab/filesinuse.h"
#include "lab/lab.h"

namespace scr::ems {
namespace {

// A drive's root (C:\) in any spelling: nothing but the drive.
bool isDriveRoot(const QString &windowsPath)
{
    return windowsPath.mid(2).split(QLatin1Char('\\'), Qt::SkipEmptyParts).isEmpty();
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

// Copy-Item and Move-Item: one item (no wildcard), there on a running host, to a destination on its disk.
struct ItemSource
{
    HostDisk disk;
    DiskEntry entry;
};

Result<ItemSource> itemSource(CmdletContext &ctx, const QString &cmdlet, const QString &source,
                              const QString &destination)
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
    return ItemSource{*disk, *entry};
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
    auto item = itemSource(ctx, cmdlet, source, destination);
    if (!item)
        return item.error();
    HostDisk *disk = &item->disk;
    const DiskEntry *entry = &item->entry;
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
Result<Objects> removeItem(CmdletContext &ctx, const BoundParameters &b, const Objects &)
{
    const QString typed = b.string(QStringLiteral("Path"));
    const bool recurse = b.flag(QStringLiteral("Recurse"));
    auto where = typedPath(ctx, QStringLiteral("Remove-Item"), typed);
    if (!where)
        return where.error();
    const QString &named = where->named;
    HostDisk *disk = &where->disk;
    auto entry = existingEntry(ctx, *disk, named);
    if (!entry)
        return entry.error();
    // What goes: the path itself, or every match of the wildcard in the folder named.
    std::vector<std::pair<QString, DiskEntry>> targets;
    if (!where->wildcard) {
        targets.emplace_back(typed, *entry);
    } else {
        if (entry->kind != DiskEntry::Kind::Folder)
            return Error{named, QStringLiteral("is a file, not a folder"),
                         QStringLiteral("put the wildcard after a folder's path")};
        auto matches = matchesOf(*disk, *where->wildcard);
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
}

Result<Objects> copyItem(CmdletContext &ctx, const BoundParameters &b, const Objects &)
{
    const QString source = b.string(QStringLiteral("Path"));
    const QString destination = b.string(QStringLiteral("Destination"));
    auto item = itemSource(ctx, QStringLiteral("Copy-Item"), source, destination);
    if (!item)
        return item.error();
    HostDisk *disk = &item->disk;
    if (item->entry.kind != DiskEntry::Kind::File)
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
}

P pathParameter()
{
    return P{.name = QStringLiteral("Path"), .position = 0, .mandatory = true};
}

} // namespace

void registerItemCmdlets(CmdletRegistry &r)
{
    r.add({.name = QStringLiteral("Remove-Item"),
           .synopsis = QStringLiteral("Delete a file, or a folder with -Recurse, on the session's host."),
           .parameters = {pathParameter(), P{.name = QStringLiteral("Recurse"), .type = T::Switch}},
           .needsLab = false,
           .run = removeItem});
    r.add({.name = QStringLiteral("Copy-Item"),
           .synopsis = QStringLiteral(
               "Copy a file on the session's host; an existing file at -Destination is replaced."),
           .parameters = {pathParameter(),
                          P{.name = QStringLiteral("Destination"), .position = 1, .mandatory = true}},
           .needsLab = false,
           .run = copyItem});
    r.add({.name = QStringLiteral("Move-Item"),
           .synopsis = QStringLiteral(
               "Move or rename a file or folder on the session's host (-Force replaces a file)."),
           .parameters = {pathParameter(),
                          P{.name = QStringLiteral("Destination"), .position = 1, .mandatory = true},
                          P{.name = QStringLiteral("Force"), .type = T::Switch}},
           .needsLab = false,
           .run = [](CmdletContext &ctx, const BoundParameters &b, const Objects &) -> Result<Objects> {
               return moveItem(ctx, QStringLiteral("Move-Item"), b.string(QStringLiteral("Path")),
                               b.string(QStringLiteral("Destination")), b.flag(QStringLiteral("Force")));
           }});
    r.add({.name = QStringLiteral("Rename-Item"),
           .synopsis = QStringLiteral("Rename a file or folder on the session's host, in its folder."),
           .parameters = {pathParameter(),
                          P{.name = QStringLiteral("NewName"), .position = 1, .mandatory = true}},
           .needsLab = false,
           .run = [](CmdletContext &ctx, const BoundParameters &b, const Objects &) -> Result<Objects> {
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
