#include "storagegroup.h"

#include "lab/filesinuse.h"
#include "lab/lab.h"
#include "mailboxdatabase.h"
#include "storagegroupcopy.h"
#include "validation.h"

namespace scr::cmdlets {
namespace {

Status checkName(const QString &kind, const QString &name)
{
    if (name.trimmed().isEmpty() || name != name.trimmed() || name.contains(QLatin1Char('\\')) ||
        name.size() > 64)
        return refuse(
            name.isEmpty() ? kind : name, QStringLiteral("is not a valid %1 name").arg(kind),
            QStringLiteral("use 1 to 64 characters, no backslash and no leading or trailing space"));
    return {};
}

// The files of a log stream in a folder on disk: its logs, and the prepared next log. A link on the way or
// among them refuses.
Result<QStringList> logFilesIn(const HostDisk &disk, const QString &folder, const QString &prefix)
{
    return filesIn(disk, folder, prefix + QStringLiteral("*.log"));
}

// Another storage group of the server that already uses one of the paths, if any.
Result<std::optional<StorageGroupRecord>> pathOwner(const Lab &lab, const QString &server, qint64 exceptId,
                                                    const QStringList &paths)
{
    auto sgs = lab.directory().storageGroups(server);
    if (!sgs)
        return sgs.error();
    for (const StorageGroupRecord &other : *sgs) {
        if (other.id == exceptId)
            continue;
        for (const QString &p : paths)
            if (samePath(p, other.logFolderPath) || samePath(p, other.systemFolderPath))
                return std::optional<StorageGroupRecord>{other};
    }
    return std::optional<StorageGroupRecord>{};
}

Status refuseWhileReplicated(Lab &lab, const StorageGroupRecord &sg, const QString &doing)
{
    auto copies = lab.directory().copies(sg.id);
    if (!copies)
        return copies.error();
    if (!copies->empty())
        return refuse(sg.identity(),
                      QStringLiteral("has an SCR copy on %1; %2 would break it")
                          .arg(copies->front().standbyMachine, doing),
                      QStringLiteral("Disable-StorageGroupCopy %1 -StandbyMachine %2 first")
                          .arg(sg.identity(), copies->front().standbyMachine));
    return {};
}

Status refuseWhileMounted(Lab &lab, const StorageGroupRecord &sg)
{
    auto dbs = lab.directory().databases(sg.id);
    if (!dbs)
        return dbs.error();
    for (const DatabaseRecord &db : *dbs)
        if (lab.mountedDatabase(db.guid))
            return refuse(sg.identity() + QLatin1Char('\\') + db.name, QStringLiteral("is mounted"),
                          QStringLiteral("Dismount-Database %1\\%2 first").arg(sg.identity(), db.name));
    return {};
}

// The new places of a storage group's or a database's files on its server's disk must be no file or folder
// that a mounted database or a running SCR copy uses (a standby machine holds copies at the source's paths).
// host: the server's host, whether or not it is powered on (a -ConfigurationOnly change needs no power).
Status checkPlacesFree(Lab &lab, const QString &server, const QStringList &places)
{
    auto host = lab.hostOfServer(server);
    if (!host)
        return host.error();
    return FilesInUse(lab).check(lab.hostDisk(*host), places, FilesInUse::Use::Place);
}

// An -EdbFilePath for database name on server: a full Windows path to an .edb file that no other database of
// the server (but exceptId) uses.
Status checkEdbPath(Lab &lab, const QString &server, const QString &path, const QString &name,
                    qint64 exceptId)
{
    SCR_TRY(checkWindowsPath(QStringLiteral("-EdbFilePath"), path));
    if (!path.endsWith(QStringLiteral(".edb"), Qt::CaseInsensitive))
        return refuse(path, QStringLiteral("does not name an .edb file"),
                      QStringLiteral("end -EdbFilePath with \\%1.edb").arg(name));
    auto all = getMailboxDatabase(lab, {}, server);
    if (!all)
        return all.error();
    for (const MailboxDatabaseRow &other : *all)
        if (other.database.id != exceptId && samePath(other.database.edbFilePath, path))
            return refuse(path, QStringLiteral("is the file of %1").arg(other.identity()),
                          QStringLiteral("give another -EdbFilePath"));
    return {};
}

// Copies each of files from one folder of disk to another, runs repoint, and only then deletes the
// originals: a crash or a refusal of repoint leaves the object and its old files as they were.
Status moveFiles(const HostDisk &disk, const QString &fromFolder, const QString &toFolder,
                 const QStringList &files, const std::function<Status()> &repoint)
{
    SCR_TRY(disk.makeFolders(toFolder));
    SCR_TRY(disk.checkWritableFolder(toFolder));
    QStringList copied;
    const auto undo = [&]() {
        for (const QString &name : copied)
            (void)disk.removeFile(childPath(toFolder, name));
    };
    for (const QString &name : files) {
        if (auto st = disk.copyFrom(disk, childPath(fromFolder, name), childPath(toFolder, name), false);
            !st) {
            undo();
            return st;
        }
        copied << name;
    }
    // Every copy's name is durable before the object points at the new folder.
    if (auto st = disk.syncFolder(toFolder); !st) {
        undo();
        return st;
    }
    if (auto st = repoint(); !st) {
        undo();
        return st;
    }
    for (const QString &name : files)
        (void)disk.removeFile(childPath(fromFolder, name)); // the object points at the copies already
    return disk.syncFolder(fromFolder);
}

} // namespace

Result<StorageGroupRecord> newStorageGroup(Lab &lab, const NewStorageGroupRequest &request)
{
    auto server = findMailboxServer(lab, request.server);
    if (!server)
        return server.error();
    SCR_TRY(checkName(QStringLiteral("storage group"), request.name));
    StorageGroupRecord sg;
    sg.server = server->name;
    sg.name = request.name;
    sg.logFolderPath = request.logFolderPath.isEmpty() ? QStringLiteral("C:\\Exchange\\Logs\\") + sg.name
                                                       : request.logFolderPath;
    sg.systemFolderPath = request.systemFolderPath.isEmpty() ? sg.logFolderPath : request.systemFolderPath;
    SCR_TRY(checkWindowsPath(QStringLiteral("-LogFolderPath"), sg.logFolderPath));
    SCR_TRY(checkWindowsPath(QStringLiteral("-SystemFolderPath"), sg.systemFolderPath));
    auto existing = lab.directory().storageGroup(sg.identity());
    if (!existing)
        return existing.error();
    if (*existing)
        return refuse(
            sg.identity(), QStringLiteral("exists already"),
            QStringLiteral("choose another name; Get-StorageGroup -Server %1 lists them").arg(sg.server));
    auto owner = pathOwner(lab, sg.server, 0, {sg.logFolderPath, sg.systemFolderPath});
    if (!owner)
        return owner.error();
    if (*owner)
        return refuse(sg.identity(),
                      QStringLiteral("its paths are those of storage group %1").arg((*owner)->identity()),
                      QStringLiteral("give -LogFolderPath and -SystemFolderPath that no storage group uses"));
    SCR_TRY(checkPlacesFree(lab, sg.server, {sg.logFolderPath, sg.systemFolderPath}));
    auto sgs = lab.directory().storageGroups(sg.server);
    if (!sgs)
        return sgs.error();
    sg.logPrefix.clear();
    for (int n = 0; n < kMaxStorageGroupsPerServer && sg.logPrefix.isEmpty(); ++n) {
        const QString prefix = QStringLiteral("E%1").arg(n, 2, 10, QLatin1Char('0'));
        if (std::none_of(sgs->begin(), sgs->end(), [&](const StorageGroupRecord &o) {
                return o.logPrefix.compare(prefix, Qt::CaseInsensitive) == 0;
            }))
            sg.logPrefix = prefix;
    }
    if (sg.logPrefix.isEmpty())
        return refuse(sg.server, QStringLiteral("has %1 storage groups, the most it can").arg(sgs->size()),
                      QStringLiteral("remove a storage group first"));
    auto host = reachableHostOf(lab, sg.server);
    if (!host)
        return host.error();
    const HostDisk disk = lab.hostDisk(*host);
    SCR_TRY(checkNoLink(disk, sg.systemFolderPath));
    auto logs = logFilesIn(disk, sg.logFolderPath, sg.logPrefix);
    if (!logs)
        return logs.error();
    if (!logs->isEmpty())
        return refuse(sg.identity(),
                      QStringLiteral("%1 already holds %2 logs").arg(sg.logFolderPath, sg.logPrefix),
                      QStringLiteral("choose an empty folder, or remove those logs (Remove-Item)"));
    auto id = lab.addStorageGroup(sg);
    if (!id)
        return id.error();
    sg.id = *id;
    return sg;
}

Status removeStorageGroup(Lab &lab, const QString &identity)
{
    auto sg = findStorageGroup(lab, identity);
    if (!sg)
        return sg.error();
    SCR_TRY(refuseWhileReplicated(lab, *sg, QStringLiteral("removing it")));
    auto dbs = lab.directory().databases(sg->id);
    if (!dbs)
        return dbs.error();
    if (!dbs->empty())
        return refuse(
            sg->identity(), QStringLiteral("holds database %1").arg(dbs->front().name),
            QStringLiteral("Remove-MailboxDatabase %1\\%2 first").arg(sg->identity(), dbs->front().name));
    return lab.removeStorageGroup(sg->id);
}

Result<DatabaseRecord> newMailboxDatabase(Lab &lab, const NewMailboxDatabaseRequest &request)
{
    auto sg = findStorageGroup(lab, request.storageGroup);
    if (!sg)
        return sg.error();
    SCR_TRY(checkName(QStringLiteral("database"), request.name));
    SCR_TRY(refuseWhileReplicated(lab, *sg, QStringLiteral("a second database")));
    DatabaseRecord db;
    db.storageGroupId = sg->id;
    db.name = request.name;
    db.guid = QUuid::createUuid();
    db.edbFilePath = request.edbFilePath.isEmpty()
                         ? QStringLiteral("C:\\Exchange\\Data\\%1\\%2.edb").arg(sg->name, db.name)
                         : request.edbFilePath;
    auto mine = lab.directory().databases(sg->id);
    if (!mine)
        return mine.error();
    for (const DatabaseRecord &d : *mine)
        if (d.name.compare(db.name, Qt::CaseInsensitive) == 0)
            return refuse(sg->identity() + QLatin1Char('\\') + db.name, QStringLiteral("exists already"),
                          QStringLiteral("choose another name"));
    if (static_cast<int>(mine->size()) >= kMaxDatabasesPerStorageGroup)
        return refuse(sg->identity(), QStringLiteral("holds %1 databases, the most it can").arg(mine->size()),
                      QStringLiteral("create the database in another storage group"));
    SCR_TRY(checkEdbPath(lab, sg->server, db.edbFilePath, db.name, 0));
    SCR_TRY(checkPlacesFree(lab, sg->server, {db.edbFilePath}));
    auto host = reachableHostOf(lab, sg->server);
    if (!host)
        return host.error();
    const HostDisk disk = lab.hostDisk(*host);
    SCR_TRY(checkNoLink(disk, db.edbFilePath));
    if (disk.exists(db.edbFilePath))
        return refuse(
            db.edbFilePath, QStringLiteral("a file exists there already"),
            QStringLiteral("give another -EdbFilePath; to use that file, create the database elsewhere "
                           "and point it there with Move-DatabasePath -ConfigurationOnly"));
    db.mounted = false;
    db.mountAtStartup = true;
    auto id = lab.addDatabase(db);
    if (!id)
        return id.error();
    db.id = *id;
    return db;
}

Status removeMailboxDatabase(Lab &lab, const QString &identity)
{
    auto row = findMailboxDatabase(lab, identity);
    if (!row)
        return row.error();
    const QString id = row->identity();
    if (row->mounted)
        return refuse(id, QStringLiteral("is mounted"), QStringLiteral("Dismount-Database %1 first").arg(id));
    SCR_TRY(refuseWhileReplicated(lab, row->storageGroup, QStringLiteral("removing its database")));
    auto mailboxes = lab.directory().mailboxes(row->database.guid);
    if (!mailboxes)
        return mailboxes.error();
    if (!mailboxes->empty())
        return refuse(id, QStringLiteral("%1 mailboxes are homed on it").arg(mailboxes->size()),
                      QStringLiteral("move them first (Get-Mailbox -Database %1 lists them)").arg(id));
    return lab.removeDatabase(row->database.id);
}

Status moveStorageGroupPath(Lab &lab, const MovePathRequest &request)
{
    auto sg = findStorageGroup(lab, request.identity);
    if (!sg)
        return sg.error();
    if (request.logFolderPath.isEmpty() && request.systemFolderPath.isEmpty())
        return refuse(sg->identity(), QStringLiteral("no new path was given"),
                      QStringLiteral("give -LogFolderPath, -SystemFolderPath, or both"));
    StorageGroupRecord moved = *sg;
    if (!request.logFolderPath.isEmpty())
        moved.logFolderPath = request.logFolderPath;
    if (!request.systemFolderPath.isEmpty())
        moved.systemFolderPath = request.systemFolderPath;
    SCR_TRY(checkWindowsPath(QStringLiteral("-LogFolderPath"), moved.logFolderPath));
    SCR_TRY(checkWindowsPath(QStringLiteral("-SystemFolderPath"), moved.systemFolderPath));
    SCR_TRY(refuseWhileReplicated(lab, *sg, QStringLiteral("moving its paths")));
    SCR_TRY(refuseWhileMounted(lab, *sg));
    auto owner = pathOwner(lab, sg->server, sg->id, {moved.logFolderPath, moved.systemFolderPath});
    if (!owner)
        return owner.error();
    if (*owner)
        return refuse(sg->identity(),
                      QStringLiteral("the new paths are those of storage group %1").arg((*owner)->identity()),
                      QStringLiteral("give paths that no other storage group uses"));
    SCR_TRY(checkPlacesFree(lab, sg->server, {moved.logFolderPath, moved.systemFolderPath}));
    if (request.configurationOnly)
        return lab.updateStorageGroupPaths(moved);

    auto host = reachableHostOf(lab, sg->server);
    if (!host)
        return host.error();
    const HostDisk disk = lab.hostDisk(*host);
    SCR_TRY(checkSpace(disk)); // the files are copied before the old ones go
    auto oldLogs = disk.localPath(sg->logFolderPath);
    auto newLogs = disk.localPath(moved.logFolderPath);
    auto oldSystem = disk.localPath(sg->systemFolderPath);
    auto newSystem = disk.localPath(moved.systemFolderPath);
    for (const auto *r : {&oldLogs, &newLogs, &oldSystem, &newSystem})
        if (!*r)
            return r->error();
    for (const QString &path :
         {sg->logFolderPath, moved.logFolderPath, sg->systemFolderPath, moved.systemFolderPath})
        SCR_TRY(checkNoLink(disk, path));
    // The same folder spelled another way (case, a trailing backslash) is no move.
    const bool logsMove = *oldLogs != *newLogs;
    const bool systemMoves = *oldSystem != *newSystem;
    QStringList logs;
    if (logsMove) {
        auto found = logFilesIn(disk, sg->logFolderPath, sg->logPrefix);
        if (!found)
            return found.error();
        logs = *found;
        auto there = logFilesIn(disk, moved.logFolderPath, sg->logPrefix);
        if (!there)
            return there.error();
        if (!there->isEmpty())
            return refuse(moved.logFolderPath, QStringLiteral("already holds %1 logs").arg(sg->logPrefix),
                          QStringLiteral("move to an empty folder, or remove those logs first"));
    }
    const QString chk = sg->logPrefix + QStringLiteral(".chk");
    QStringList system;
    if (systemMoves) {
        SCR_TRY(checkNoLink(disk, childPath(sg->systemFolderPath, chk)));
        SCR_TRY(checkNoLink(disk, childPath(moved.systemFolderPath, chk)));
        if (disk.exists(childPath(sg->systemFolderPath, chk)))
            system << chk;
    }
    if (!system.isEmpty() && disk.exists(childPath(moved.systemFolderPath, chk)))
        return refuse(moved.systemFolderPath, QStringLiteral("already holds %1").arg(chk),
                      QStringLiteral("move to an empty folder, or remove that checkpoint first"));
    return moveFiles(disk, sg->logFolderPath, moved.logFolderPath, logs, [&]() -> Status {
        return moveFiles(disk, sg->systemFolderPath, moved.systemFolderPath, system,
                         [&]() { return lab.updateStorageGroupPaths(moved); });
    });
}

Status moveDatabasePath(Lab &lab, const MovePathRequest &request)
{
    auto row = findMailboxDatabase(lab, request.identity);
    if (!row)
        return row.error();
    const QString id = row->identity();
    if (request.edbFilePath.isEmpty())
        return refuse(id, QStringLiteral("no new path was given"), QStringLiteral("give -EdbFilePath"));
    SCR_TRY(refuseWhileReplicated(lab, row->storageGroup, QStringLiteral("moving its database")));
    if (row->mounted)
        return refuse(id, QStringLiteral("is mounted"), QStringLiteral("Dismount-Database %1 first").arg(id));
    SCR_TRY(checkEdbPath(lab, row->storageGroup.server, request.edbFilePath, row->database.name,
                         row->database.id));
    SCR_TRY(checkPlacesFree(lab, row->storageGroup.server, {request.edbFilePath}));
    DatabaseRecord moved = row->database;
    moved.edbFilePath = request.edbFilePath;
    if (request.configurationOnly)
        return lab.updateDatabase(moved);

    auto host = reachableHostOf(lab, row->storageGroup.server);
    if (!host)
        return host.error();
    const HostDisk disk = lab.hostDisk(*host);
    const QString &fromPath = row->database.edbFilePath;
    const QString &toPath = moved.edbFilePath;
    auto from = disk.localPath(fromPath);
    auto to = disk.localPath(toPath);
    if (!from)
        return from.error();
    if (!to)
        return to.error();
    if (*from == *to)
        return lab.updateDatabase(moved); // the same file, spelled another way
    SCR_TRY(checkNoLink(disk, toPath));
    SCR_TRY(checkNoLink(disk, fromPath));
    if (disk.exists(toPath))
        return refuse(moved.edbFilePath, QStringLiteral("a file exists there already"),
                      QStringLiteral("remove it, or point the database at it with -ConfigurationOnly"));
    if (!disk.exists(fromPath))
        return lab.updateDatabase(moved); // never mounted: no file to move
    for (const QString &suffix : {QStringLiteral("-wal"), QStringLiteral("-shm")}) {
        SCR_TRY(checkNoLink(disk, fromPath + suffix));
        if (disk.exists(fromPath + suffix))
            return refuse(id, QStringLiteral("its file has an SQLite journal beside it (%1)").arg(suffix),
                          QStringLiteral("mount and dismount it once so that the file is self-contained"));
    }
    SCR_TRY(checkSpace(disk));
    // Copy, repoint, then delete the old file: a crash or a failure leaves a whole file where the object
    // points.
    SCR_TRY(disk.makeFolders(parentPath(toPath)));
    SCR_TRY(disk.copyFrom(disk, fromPath, toPath));
    if (auto st = lab.updateDatabase(moved); !st) {
        (void)disk.removeFile(toPath);
        return st;
    }
    (void)disk.removeFile(fromPath); // the object points at the copy already
    return disk.syncFolder(parentPath(fromPath));
}

Result<std::optional<StorageGroupRecord>> storageGroupUsingPaths(const Lab &lab, const QString &server,
                                                                 qint64 exceptId, const QStringList &paths)
{
    return pathOwner(lab, server, exceptId, paths);
}

} // namespace scr::cmdlets
