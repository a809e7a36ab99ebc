#include "mailboxdatabase.h"

#include "lab/filesinuse.h"
#include "lab/lab.h"
#include "store/database.h"
#include "validation.h"

#include <algorithm>

namespace scr::cmdlets {

Result<std::vector<MailboxDatabaseRow>> getMailboxDatabase(Lab &lab, const QString &identity,
                                                           const QString &server)
{
    auto sgs = lab.directory().storageGroups(server);
    if (!sgs)
        return sgs.error();
    std::vector<MailboxDatabaseRow> rows;
    for (const StorageGroupRecord &sg : *sgs) {
        auto dbs = lab.directory().databases(sg.id);
        if (!dbs)
            return dbs.error();
        for (const DatabaseRecord &db : *dbs) {
            MailboxDatabaseRow row{sg, db, lab.mountedDatabase(db.guid) != nullptr, {}};
            if (const auto failed = lab.mountError(db.guid))
                row.mountError = failed->toString();
            if (identity.isEmpty() || identityMatches(identity, row.identity()))
                rows.push_back(std::move(row));
        }
    }
    return rows;
}

Result<MailboxDatabaseRow> findMailboxDatabase(Lab &lab, const QString &identity)
{
    auto rows = getMailboxDatabase(lab, identity);
    if (!rows)
        return rows.error();
    if (rows->empty())
        return Error{identity, QStringLiteral("no such mailbox database"),
                     QStringLiteral("give it as SERVER\\STORAGEGROUP\\DATABASE, or its name when no other "
                                    "database has it; Get-MailboxDatabase lists them")};
    if (rows->size() > 1) {
        QStringList candidates;
        for (const MailboxDatabaseRow &row : *rows)
            candidates << row.identity();
        return ambiguousIdentity(identity, QStringLiteral("mailbox database"), candidates);
    }
    return rows->front();
}

Status mountDatabase(Lab &lab, const QString &identity, bool force)
{
    auto row = findMailboxDatabase(lab, identity);
    if (!row)
        return row.error();
    if (row->mounted)
        return {};
    auto host = lab.hostOfServer(row->storageGroup.server);
    if (!host)
        return host.error();
    auto hostRecord = lab.directory().host(*host);
    if (!hostRecord)
        return hostRecord.error();
    if (!*hostRecord || !(*hostRecord)->poweredOn)
        return Error{*host, QStringLiteral("is powered off"),
                     QStringLiteral("Start-Host %1 first").arg(*host), JetCode::DiskIO};
    auto paths = lab.storagePaths(*host, row->storageGroup, row->database);
    if (!paths)
        return paths.error();
    const DatabaseRecord &db = row->database;
    const StorageGroupRecord &sg = row->storageGroup;
    // Mounting writes (the log stream, the checkpoint, the file's state): room, and no link among the
    // files, before anything is written.
    const HostDisk &disk = paths->disk;
    SCR_TRY(checkSpace(disk));
    // Its files must be nobody else's: a running SCR copy's (a target pointed at the copy's paths, with
    // AllowFileRestore, would take its .edb over) or another mounted database's.
    // (A storage group's log folder is shared by its databases: a sibling's mount does not count.)
    QStringList places{db.edbFilePath};
    auto siblings = lab.directory().databases(sg.id);
    if (!siblings)
        return siblings.error();
    if (std::none_of(siblings->begin(), siblings->end(),
                     [&](const DatabaseRecord &d) { return lab.mountedDatabase(d.guid) != nullptr; }))
        places << sg.logFolderPath << sg.systemFolderPath;
    SCR_TRY(FilesInUse(lab).check(disk, places, FilesInUse::Use::Place));
    for (const QString &path : QStringList{
             db.edbFilePath, db.edbFilePath + QStringLiteral("-wal"), db.edbFilePath + QStringLiteral("-shm"),
             sg.systemFolderPath, childPath(sg.systemFolderPath, sg.logPrefix + QStringLiteral(".chk"))})
        SCR_TRY(checkNoLink(disk, path));
    auto logs = filesIn(disk, sg.logFolderPath, sg.logPrefix + QStringLiteral("*.log"));
    if (!logs)
        return logs.error();
    // A database that had a file, with neither the file nor a log to rebuild it from, would mount empty:
    // its mailboxes would silently show no items. Exchange refuses that unless forced.
    if (db.everMounted && !force && logs->isEmpty() && !disk.exists(db.edbFilePath))
        return Error{
            identity,
            QStringLiteral("was mounted before, but its file %1 and its logs in %2 are missing: mounting "
                           "would create an empty database")
                .arg(db.edbFilePath, sg.logFolderPath),
            QStringLiteral("restore the file (or activate its SCR copy); to give its users an empty "
                           "database at once, Mount-Database %1 -Force")
                .arg(identity),
            JetCode::FileNotFound};
    if (disk.exists(db.edbFilePath)) {
        auto file = Database::open(disk, db.edbFilePath, Database::Access::ReadOnly, db.edbFilePath);
        if (!file)
            return file.error();
        const QUuid fileGuid = (*file)->header().guid;
        if (fileGuid != db.guid && !db.allowFileRestore)
            return Error{identity,
                         QStringLiteral("the file %1 holds another database (%2) than this one (%3)")
                             .arg(db.edbFilePath, fileGuid.toString(QUuid::WithoutBraces),
                                  db.guid.toString(QUuid::WithoutBraces)),
                         QStringLiteral("set \"This database can be overwritten by a restore\" "
                                        "(Set-MailboxDatabase %1 -AllowFileRestore $true) and mount again")
                             .arg(identity),
                         JetCode::AttachedDatabaseMismatch};
    }
    return lab.mountDatabase(db, force);
}

Status dismountDatabase(Lab &lab, const QString &identity)
{
    auto row = findMailboxDatabase(lab, identity);
    if (!row)
        return row.error();
    return lab.dismountDatabase(row->database);
}

QString setMailboxDatabaseCommand(const QString &identity, std::optional<bool> allowFileRestore,
                                  std::optional<bool> mountAtStartup)
{
    if (!allowFileRestore && !mountAtStartup)
        return {};
    ems::CommandLine command(QStringLiteral("Set-MailboxDatabase"));
    command.value(identity);
    if (allowFileRestore)
        command.flag(QStringLiteral("AllowFileRestore"), *allowFileRestore);
    if (mountAtStartup)
        command.flag(QStringLiteral("MountAtStartup"), *mountAtStartup);
    return command.text();
}

Status setMailboxDatabase(Lab &lab, const QString &identity, std::optional<bool> allowFileRestore,
                          std::optional<bool> mountAtStartup)
{
    auto row = findMailboxDatabase(lab, identity);
    if (!row)
        return row.error();
    DatabaseRecord db = row->database;
    if (allowFileRestore)
        db.allowFileRestore = *allowFileRestore;
    if (mountAtStartup)
        db.mountAtStartup = *mountAtStartup;
    return lab.updateDatabase(db);
}

} // namespace scr::cmdlets
