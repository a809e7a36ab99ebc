// Get-ChildItem and its aliases dir, ls and gci: a folder's entries on the session's host, as cmd's dir
// lists them.

#include "hostfiles.h"

#include "cmdlets/validation.h"

#include <algorithm>

#include <QDateTime>
#include <QLocale>

namespace scr::ems {
namespace {

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

Result<Objects> childItems(CmdletContext &ctx, const BoundParameters &b, const Objects &)
{
    // With a wildcard: the folder's entries that match it (themselves, not what is inside them).
    auto typed =
        typedPath(ctx, QStringLiteral("Get-ChildItem"),
                  b.has(QStringLiteral("Path")) ? b.string(QStringLiteral("Path")) : QStringLiteral("C:\\"));
    if (!typed)
        return typed.error();
    const QString &path = typed->named;
    HostDisk &disk = typed->disk;
    auto entry = existingEntry(ctx, disk, path);
    if (!entry)
        return entry.error();
    if (entry->kind != DiskEntry::Kind::Folder) {
        if (typed->wildcard)
            return Error{path, QStringLiteral("is a file, not a folder"),
                         QStringLiteral("put the wildcard after a folder's path")};
        return Objects{itemObject(*entry)};
    }
    auto entries = disk.list(path, typed->wildcard ? typed->wildcard->pattern : QString());
    if (!entries)
        return entries.error();
    // Folders first, then files, each by name.
    std::stable_sort(entries->begin(), entries->end(), [](const DiskEntry &x, const DiskEntry &y) {
        return (x.kind == DiskEntry::Kind::Folder) > (y.kind == DiskEntry::Kind::Folder);
    });
    Objects out;
    for (const DiskEntry &e : *entries) {
        if (e.kind == DiskEntry::Kind::Link) // named, with how to remove it
            SCR_TRY(cmdlets::checkNoLink(disk, cmdlets::childPath(path, e.name)));
        out.push_back(itemObject(e));
    }
    // As cmd's dir ends: the free space of the drive, in logical bytes (capacity less the lengths of
    // the host's files).
    const QString free =
        QStringLiteral("%1 bytes free").arg(QLocale(QLocale::English).toString(disk.freeBytes()));
    for (PSObject &o : out) {
        o.alwaysTable = true; // a folder listing is a table even with one entry
        o.footer = free;
    }
    return out;
}

} // namespace

void registerChildItemCmdlets(CmdletRegistry &r)
{
    for (const char *name : {"Get-ChildItem", "dir", "ls", "gci"})
        r.add({.name = QString::fromLatin1(name),
               .synopsis = QStringLiteral("The files and folders in a folder of the session's host."),
               .parameters = {{.name = QStringLiteral("Path"), .position = 0}},
               .needsLab = false,
               .run = childItems});
}

} // namespace scr::ems
