// The file commands on the session's host (Enter-PSSession): Test-Path, Get-ChildItem (dir, ls, gci) and
// Remove-Item [-Recurse]. They reach the host's disk through HostDisk only, refuse a powered-off host, and
// Remove-Item refuses to delete what a mounted database or a running SCR copy is using.

#include "cmdletregistry.h"

#include "lab/lab.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>

namespace scr::ems {
namespace {

using P = ParameterSpec;
using T = ParameterType;
using Objects = std::vector<PSObject>;

HostDisk sessionDisk(CmdletContext &ctx)
{
    return ctx.lab ? ctx.lab->hostDisk(ctx.host) : HostDisk(ctx.labDir, ctx.host);
}

// The local path of a Windows path on the session's host, once the host is known to be running.
Result<QString> sessionPath(CmdletContext &ctx, const QString &cmdlet, const QString &windowsPath)
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
    return sessionDisk(ctx).localPath(windowsPath);
}

// The same, for a path that must exist.
Result<QString> existingSessionPath(CmdletContext &ctx, const QString &cmdlet, const QString &windowsPath)
{
    auto local = sessionPath(ctx, cmdlet, windowsPath);
    if (local && !QFileInfo::exists(*local))
        return Error{windowsPath, QStringLiteral("does not exist on %1").arg(ctx.host),
                     QStringLiteral("check the path with Test-Path"), JetCode::FileNotFound};
    return local;
}

bool isInside(const QString &path, const QString &folder)
{
    const QString p = QDir::cleanPath(QFileInfo(path).absoluteFilePath());
    const QString f = QDir::cleanPath(QFileInfo(folder).absoluteFilePath());
    return p == f || p.startsWith(f + QLatin1Char('/'));
}

// What a running lab is using under local (a mounted database's files, an SCR copy's target), if anything.
Result<QString> userOf(Lab &lab, const QString &host, const QString &local)
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
            if (!standbyHost || standbyHost->compare(host, Qt::CaseInsensitive) != 0 || dbs->empty())
                continue;
            auto target = lab.storagePaths(*standbyHost, sg, dbs->front());
            if (target && (isInside(target->logFolder, local) || isInside(target->edbPath, local)))
                return QStringLiteral(
                           "the SCR copy of %1 (Disable-StorageGroupCopy or Restore-StorageGroupCopy "
                           "it first)")
                    .arg(sg.identity());
        }
    }
    return QString();
}

PSObject itemObject(const QFileInfo &info)
{
    PSObject o{QStringLiteral("FileSystemInfo"),
               {QStringLiteral("Mode"), QStringLiteral("LastWriteTime"), QStringLiteral("Length"),
                QStringLiteral("Name")},
               {}};
    o.set(QStringLiteral("Mode"), info.isDir() ? QStringLiteral("d----") : QStringLiteral("-a---"));
    o.set(QStringLiteral("LastWriteTime"),
          info.lastModified().toUTC().toString(QStringLiteral("M/d/yyyy h:mm AP")));
    o.set(QStringLiteral("Length"),
          info.isDir() ? QVariant() : QVariant(static_cast<qlonglong>(info.size())));
    o.set(QStringLiteral("Name"), info.fileName());
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
               auto local = sessionPath(ctx, QStringLiteral("Test-Path"), b.string(QStringLiteral("Path")));
               if (!local)
                   return local.error();
               PSObject o{QStringLiteral("Text"), {QStringLiteral("Output")}, {}};
               o.set(QStringLiteral("Output"),
                     QFileInfo::exists(*local) ? QStringLiteral("True") : QStringLiteral("False"));
               return Objects{o};
           }});
    const auto childItems = [](CmdletContext &ctx, const BoundParameters &b,
                               const Objects &) -> Result<Objects> {
        const QString path =
            b.has(QStringLiteral("Path")) ? b.string(QStringLiteral("Path")) : QStringLiteral("C:\\");
        auto local = existingSessionPath(ctx, QStringLiteral("Get-ChildItem"), path);
        if (!local)
            return local.error();
        const QFileInfo info(*local);
        if (!info.isDir())
            return Objects{itemObject(info)};
        Objects out;
        const QFileInfoList entries =
            QDir(*local).entryInfoList(QDir::AllEntries | QDir::NoDotAndDotDot, QDir::DirsFirst | QDir::Name);
        for (const QFileInfo &e : entries)
            out.push_back(itemObject(e));
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
             auto local = existingSessionPath(ctx, QStringLiteral("Remove-Item"), path);
             if (!local)
                 return local.error();
             const QFileInfo info(*local);
             if (QDir::cleanPath(info.absoluteFilePath()).count(QLatin1Char('/')) <=
                 QDir::cleanPath(sessionDisk(ctx).root()).count(QLatin1Char('/')) + 1)
                 return Error{path, QStringLiteral("is a drive's root"),
                              QStringLiteral("remove a folder in it"), JetCode::InvalidParameter};
             if (ctx.lab) {
                 auto user = userOf(*ctx.lab, ctx.host, *local);
                 if (!user)
                     return user.error();
                 if (!user->isEmpty())
                     return Error{
                         path, QStringLiteral("is in use by %1").arg(*user), {}, JetCode::DatabaseInUse};
             }
             if (info.isDir()) {
                 const bool empty = QDir(*local).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot);
                 if (!empty && !b.flag(QStringLiteral("Recurse")))
                     return Error{path, QStringLiteral("is a folder that is not empty"),
                                  QStringLiteral("add -Recurse to delete it and everything in it"),
                                  JetCode::InvalidParameter};
                 if (!QDir(*local).removeRecursively())
                     return Error{path, QStringLiteral("could not be deleted completely"),
                                  QStringLiteral("check what is left with dir"), JetCode::DiskIO};
             } else if (!QFile::remove(*local)) {
                 return Error{path, QStringLiteral("could not be deleted"), {}, JetCode::DiskIO};
             }
             return Objects{};
         }});
}

} // namespace scr::ems
