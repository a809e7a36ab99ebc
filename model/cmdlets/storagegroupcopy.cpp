#include "storagegroupcopy.h"

#include "lab/lab.h"
#include "copystatusfields.h"
#include "replication/copyworker.h"
#include "validation.h"
#include "store/database.h"
#include "store/checkpoint.h"
#include "store/logfolder.h"
#include "store/logformat.h"

#include <algorithm>
#include <map>

namespace scr::cmdlets {

Result<ScrCopyRecord> findStorageGroupCopy(const Lab &lab, const QString &identity, const QString &standby)
{
    auto sg = findStorageGroup(lab, identity);
    if (!sg)
        return sg.error();
    auto copies = lab.directory().copies(sg->id);
    if (!copies)
        return copies.error();
    for (const ScrCopyRecord &c : *copies)
        if (c.standbyMachine.compare(standby, Qt::CaseInsensitive) == 0)
            return c;
    return refuse(identity, QStringLiteral("has no SCR copy on %1").arg(standby),
                  QStringLiteral("Get-StorageGroupCopyStatus lists the copies"));
}

namespace {

// SCR writes to the same paths on the standby machine: they must be free there.
Status checkPathsFree(const Lab &lab, const StorageGroupRecord &sg, const DatabaseRecord &db,
                      const QString &standbyHost, const QString &standbyServer)
{
    auto theirs = lab.directory().storageGroups(standbyServer);
    if (!theirs)
        return theirs.error();
    for (const StorageGroupRecord &other : *theirs) {
        for (const QString &path : {other.logFolderPath, other.systemFolderPath})
            if (path.compare(sg.logFolderPath, Qt::CaseInsensitive) == 0 ||
                path.compare(sg.systemFolderPath, Qt::CaseInsensitive) == 0)
                return refuse(
                    standbyServer,
                    QStringLiteral("storage group %1 already uses %2").arg(other.identity(), path),
                    QStringLiteral("use a standby machine whose paths are free, or move that storage group"));
        auto dbs = lab.directory().databases(other.id);
        if (!dbs)
            return dbs.error();
        for (const DatabaseRecord &d : *dbs)
            if (d.edbFilePath.compare(db.edbFilePath, Qt::CaseInsensitive) == 0)
                return refuse(standbyServer,
                              QStringLiteral("database %1 already uses %2").arg(d.name, d.edbFilePath),
                              QStringLiteral("use a standby machine whose paths are free"));
    }
    // Another storage group's SCR copy on the same standby machine: before its files exist, only the
    // directory can tell that both copies would write the same folders.
    auto copies = lab.directory().copies();
    if (!copies)
        return copies.error();
    for (const ScrCopyRecord &c : *copies) {
        if (c.storageGroupId == sg.id || c.standbyMachine.compare(standbyServer, Qt::CaseInsensitive) != 0)
            continue;
        auto other = lab.directory().storageGroup(c.storageGroupId);
        if (!other)
            return other.error();
        if (!*other)
            continue;
        auto otherDbs = lab.directory().databases((*other)->id);
        if (!otherDbs)
            return otherDbs.error();
        QStringList used{(*other)->logFolderPath, (*other)->systemFolderPath};
        for (const DatabaseRecord &d : *otherDbs)
            used << d.edbFilePath;
        for (const QString &mine : {sg.logFolderPath, sg.systemFolderPath, db.edbFilePath})
            if (used.contains(mine, Qt::CaseInsensitive))
                return refuse(standbyServer,
                              QStringLiteral("already holds the SCR copy of %1, which uses %2")
                                  .arg((*other)->identity(), mine),
                              QStringLiteral("use another standby machine, or move one storage group's paths "
                                             "(Move-StorageGroupPath, Move-DatabasePath)"));
    }
    const HostDisk disk = lab.hostDisk(standbyHost);
    for (const QString &path :
         {db.edbFilePath, sg.systemFolderPath, childPath(sg.logFolderPath, QStringLiteral("inspector"))})
        SCR_TRY(checkNoLink(disk, path));
    if (disk.exists(db.edbFilePath))
        return refuse(standbyServer, QStringLiteral("a file already exists at %1").arg(db.edbFilePath),
                      QStringLiteral("remove it, or use another standby machine"));
    auto logs = filesIn(disk, sg.logFolderPath, sg.logPrefix + QStringLiteral("*.log"));
    if (!logs)
        return logs.error();
    if (!logs->isEmpty())
        return refuse(standbyServer,
                      QStringLiteral("%1 already holds %2 logs").arg(sg.logFolderPath, sg.logPrefix),
                      QStringLiteral("remove them, or use another standby machine"));
    return {};
}

} // namespace

Result<StorageGroupRecord> findStorageGroup(const Lab &lab, const QString &identity)
{
    auto all = lab.directory().storageGroups();
    if (!all)
        return all.error();
    std::vector<StorageGroupRecord> found;
    QStringList candidates;
    for (const StorageGroupRecord &sg : *all)
        if (identityMatches(identity, sg.identity())) {
            found.push_back(sg);
            candidates << sg.identity();
        }
    if (found.empty())
        return refuse(identity, QStringLiteral("no such storage group"),
                      QStringLiteral("give it as SERVER\\STORAGEGROUP, or its name when no other server has "
                                     "one of that name; Get-StorageGroup lists them"));
    if (found.size() > 1)
        return ambiguousIdentity(identity, QStringLiteral("storage group"), candidates);
    return found.front();
}

Status checkLagTimes(const QString &identity, qint64 replayLagMs, qint64 truncationLagMs)
{
    if (replayLagMs < 0 || replayLagMs > kMaxLagMs)
        return refuse(
            identity,
            QStringLiteral("ReplayLagTime %1 is out of range").arg(ems::formatTimeSpan(replayLagMs)),
            QStringLiteral("use 0.00:00:00 to 7.00:00:00"));
    if (truncationLagMs < 0 || truncationLagMs > kMaxLagMs)
        return refuse(
            identity,
            QStringLiteral("TruncationLagTime %1 is out of range").arg(ems::formatTimeSpan(truncationLagMs)),
            QStringLiteral("use 0.00:00:00 to 7.00:00:00"));
    return {};
}

Result<DatabaseRecord> checkCopyable(const Lab &lab, const StorageGroupRecord &sg)
{
    const QString id = sg.identity();
    if (sg.recovery)
        return refuse(id, QStringLiteral("is a recovery storage group"),
                      QStringLiteral("SCR copies ordinary storage groups only"));
    if (sg.circularLogging)
        return refuse(
            id, QStringLiteral("has circular logging turned on"),
            QStringLiteral("turn circular logging off (Set-StorageGroup -CircularLoggingEnabled $false)"));
    auto dbs = lab.directory().databases(sg.id);
    if (!dbs)
        return dbs.error();
    if (dbs->size() != 1)
        return refuse(id, QStringLiteral("holds %1 databases; SCR needs exactly one").arg(dbs->size()),
                      QStringLiteral("move the other databases to their own storage groups"));
    return dbs->front();
}

Status checkStandbyMachine(const Lab &lab, const StorageGroupRecord &sg, const DatabaseRecord &db,
                           const QString &standbyMachine)
{
    const QString id = sg.identity();
    auto standby = findMailboxServer(lab, standbyMachine);
    if (!standby)
        return standby.error();
    auto sourceHost = lab.hostOfServer(sg.server);
    if (!sourceHost)
        return sourceHost.error();
    if (standby->name.compare(sg.server, Qt::CaseInsensitive) == 0 ||
        standby->host.compare(*sourceHost, Qt::CaseInsensitive) == 0)
        return refuse(standbyMachine, QStringLiteral("is the source of %1").arg(id),
                      QStringLiteral("choose another server as the standby machine"));
    auto copies = lab.directory().copies(sg.id);
    if (!copies)
        return copies.error();
    for (const ScrCopyRecord &c : *copies)
        if (c.standbyMachine.compare(standby->name, Qt::CaseInsensitive) == 0)
            return refuse(id, QStringLiteral("already has an SCR copy on %1").arg(c.standbyMachine),
                          QStringLiteral("nothing to do; Get-StorageGroupCopyStatus shows it"));
    if (static_cast<int>(copies->size()) >= kMaxStandbyTargets)
        return refuse(
            id, QStringLiteral("already has %1 SCR copies, the most that should be run").arg(copies->size()),
            QStringLiteral("disable a copy before adding another standby machine"));
    auto host = lab.directory().host(standby->host);
    if (!host)
        return host.error();
    if (!*host || !(*host)->poweredOn)
        return refuse(standbyMachine, QStringLiteral("is powered off or unreachable"),
                      QStringLiteral("start the standby machine first"));
    return checkPathsFree(lab, sg, db, standby->host, standby->name);
}

Result<std::vector<StandbyEligibility>> standbyEligibility(const Lab &lab, const QString &identity)
{
    auto sg = findStorageGroup(lab, identity);
    if (!sg)
        return sg.error();
    auto db = checkCopyable(lab, *sg);
    if (!db)
        return db.error();
    auto servers = lab.directory().servers();
    if (!servers)
        return servers.error();
    std::vector<StandbyEligibility> out;
    for (const ServerRecord &server : *servers) {
        StandbyEligibility e;
        e.server = server.name;
        if (auto st = checkStandbyMachine(lab, *sg, *db, server.name); !st) {
            e.reason = st.error().object + QLatin1Char(' ') + st.error().reason;
            e.fix = st.error().fix;
        }
        out.push_back(e);
    }
    return out;
}

Result<bool> copyNeedsSeed(const Lab &lab, const QString &identity)
{
    auto sg = findStorageGroup(lab, identity);
    if (!sg)
        return sg.error();
    auto host = reachableHostOf(lab, sg->server);
    if (!host)
        return host.error();
    auto db = checkCopyable(lab, *sg);
    if (!db)
        return db.error();
    auto paths = lab.storagePaths(*host, *sg, *db);
    if (!paths)
        return paths.error();
    auto listing = listLogFolder(paths->disk, paths->logFolder, paths->prefix);
    if (!listing)
        return listing.error();
    // A new copy ships from generation 1: once a backup truncated the source's first logs, only a seed
    // (a copy of the database) can start it. With no closed log left, the checkpoint tells which
    // generation the open log is.
    if (!listing->closedGenerations.empty())
        return listing->closedGenerations.front() > 1;
    const QString chk = childPath(paths->systemFolder, checkpointFileName(paths->prefix));
    if (!paths->disk.exists(chk))
        return false; // never mounted: no log written yet
    auto checkpoint = readCheckpoint(paths->disk, chk);
    if (!checkpoint)
        return checkpoint.error();
    return checkpoint->position.generation > 1;
}

Result<ScrCopyRecord> checkEnableStorageGroupCopy(const Lab &lab,
                                                  const EnableStorageGroupCopyRequest &request)
{
    auto sg = findStorageGroup(lab, request.identity);
    if (!sg)
        return sg.error();
    const QString id = sg->identity();
    SCR_TRY(checkLagTimes(id, request.replayLagMs, request.truncationLagMs));
    auto db = checkCopyable(lab, *sg);
    if (!db)
        return db.error();
    auto existing = lab.directory().copies(sg->id);
    if (!existing)
        return existing.error();
    for (const ScrCopyRecord &c : *existing)
        if (c.standbyMachine.compare(request.standbyMachine, Qt::CaseInsensitive) == 0 &&
            (c.replayLagMs != request.replayLagMs || c.truncationLagMs != request.truncationLagMs))
            return refuse(
                id,
                QStringLiteral("already has an SCR copy on %1; its lag times cannot be changed while it "
                               "is enabled")
                    .arg(c.standbyMachine),
                QStringLiteral("Disable-StorageGroupCopy, then Enable-StorageGroupCopy with the new "
                               "-ReplayLagTime and -TruncationLagTime"));
    SCR_TRY(checkStandbyMachine(lab, *sg, *db, request.standbyMachine));
    auto standby = findMailboxServer(lab, request.standbyMachine);
    if (!standby)
        return standby.error();

    ScrCopyRecord copy;
    copy.storageGroupId = sg->id;
    copy.standbyMachine = standby->name;
    copy.replayLagMs = request.replayLagMs;
    copy.truncationLagMs = request.truncationLagMs;
    return copy;
}

Result<ScrCopyRecord> enableStorageGroupCopy(Lab &lab, const EnableStorageGroupCopyRequest &request)
{
    auto checked = checkEnableStorageGroupCopy(lab, request);
    if (!checked)
        return checked.error();
    return lab.addCopy(*checked);
}

Status disableStorageGroupCopy(Lab &lab, const QString &identity, const QString &standbyMachine)
{
    auto copy = findStorageGroupCopy(lab, identity, standbyMachine);
    if (!copy)
        return copy.error();
    SCR_TRY(lab.removeCopy(*copy));
    lab.recordEvent({2091, EventLevel::Information, QStringLiteral("MSExchangeRepl"),
                     QStringLiteral("The SCR copy of %1 on %2 was disabled; its files stay on %2.")
                         .arg(identity, copy->standbyMachine),
                     lab.clock().nowMs()});
    return {};
}

namespace {

// What a seed works on, checked before the first of its files goes.
struct SeedTarget
{
    ScrCopyRecord copy;
    QString logFolder; // LogFolderPath
    QString inspector; // its inspector folder
    QString edb;       // EdbFilePath
    QStringList edbFiles;
    QStringList existingLogs;
    bool haveFiles = false;
    MountedDatabase *source = nullptr;
    StoragePaths target;
};

// Both hosts up, room on the standby machine, and no link anywhere among the files that go. The source's
// power first: it is the real cause when its database is not mounted.
Result<SeedTarget> checkSeed(Lab &lab, const QString &identity, const QString &standbyMachine,
                             bool deleteExistingFiles)
{
    auto copy = findStorageGroupCopy(lab, identity, standbyMachine);
    if (!copy)
        return copy.error();
    auto sg = lab.directory().storageGroup(copy->storageGroupId);
    if (!sg)
        return sg.error();
    const DatabaseRecord db = lab.directory().databases((*sg)->id)->front();
    const QString dbIdentity = (*sg)->identity() + QLatin1Char('\\') + db.name;
    auto sourceHost = lab.hostOfServer((*sg)->server);
    if (!sourceHost)
        return sourceHost.error();
    SCR_TRY(checkPowered(lab.hostDisk(*sourceHost)));
    SeedTarget t;
    t.copy = *copy;
    t.source = lab.mountedDatabase(db.guid);
    if (!t.source)
        return refuse(dbIdentity,
                      QStringLiteral("is not mounted; a seed is taken from the mounted source database"),
                      QStringLiteral("Mount-Database %1 first").arg(dbIdentity));
    SCR_TRY(checkPowered(t.source->paths().disk));
    auto standbyHost = reachableHostOf(lab, copy->standbyMachine);
    if (!standbyHost)
        return standbyHost.error();
    auto target = lab.storagePaths(*standbyHost, **sg, db);
    if (!target)
        return target.error();
    t.target = *target;
    const HostDisk &disk = t.target.disk;
    SCR_TRY(checkSpace(disk));
    t.logFolder = (*sg)->logFolderPath;
    t.inspector = childPath(t.logFolder, QStringLiteral("inspector"));
    t.edb = db.edbFilePath;
    auto existingLogs = filesIn(disk, t.logFolder, (*sg)->logPrefix + QStringLiteral("*.log"));
    if (!existingLogs)
        return existingLogs.error();
    t.existingLogs = *existingLogs;
    SCR_TRY(checkTreeNoLink(disk, t.inspector));
    t.edbFiles = QStringList{t.edb, t.edb + QStringLiteral("-wal"), t.edb + QStringLiteral("-shm")};
    for (const QString &path : t.edbFiles)
        SCR_TRY(checkNoLink(disk, path));
    t.haveFiles = disk.exists(t.edb) || !t.existingLogs.isEmpty();
    if (t.haveFiles && !deleteExistingFiles)
        return refuse(
            copy->standbyMachine, QStringLiteral("already holds files of the copy (%1)").arg(db.edbFilePath),
            QStringLiteral("run Update-StorageGroupCopy with -DeleteExistingFiles to replace them"));
    return t;
}

Error seedCancelled(const QString &identity, const QString &what)
{
    return Error{
        identity, QStringLiteral("the seed was cancelled; %1").arg(what), {}, JetCode::OperationCancelled};
}

// The snapshot holds everything up to some record of generation G. Replay starts again at G: a record the
// snapshot already holds changes nothing when applied twice.
Status prepareForReplay(const HostDisk &disk, const QString &edb)
{
    auto seeded = Database::open(disk, edb, Database::Access::ReadWrite, edb);
    if (!seeded)
        return seeded.error();
    DatabaseHeader h = (*seeded)->header();
    const uint32_t g = std::max<uint32_t>(h.applied.generation, 1);
    h.applied = {g - 1, 0xFFFFFFFFu};
    h.state = DatabaseState::DirtyShutdown;
    h.logRequiredLow = h.logRequiredHigh = g;
    return (*seeded)->writeHeader(h);
}

// The seed's files, with the copy stopped: the old ones go, the source's database is copied and made to
// replay from its snapshot. A cancel after the old files went leaves none of the new ones: no half
// database, and the copy can be seeded again (it needs it: it says so once it runs).
Status writeSeed(const SeedTarget &t, const QString &identity,
                 const std::function<bool(int, const QString &)> &progress)
{
    const HostDisk &disk = t.target.disk;
    if (t.haveFiles) {
        for (const QString &name : t.existingLogs)
            SCR_TRY(disk.removeFile(childPath(t.logFolder, name)));
        SCR_TRY(disk.removeRecursively(t.inspector));
        for (const QString &path : t.edbFiles)
            SCR_TRY(disk.removeFile(path));
    }
    if (progress && !progress(20, QStringLiteral("Copying the database")))
        return seedCancelled(identity, t.haveFiles
                                           ? QStringLiteral("the copy's old files were deleted and no "
                                                            "new database was written; seed it again")
                                           : QStringLiteral("no database was written"));
    SCR_TRY(t.source->commit());
    SCR_TRY(t.source->applyPending());
    SCR_TRY(disk.makeFolders(parentPath(t.edb)));
    SCR_TRY(t.source->database().backupTo(disk, t.edb));
    if (progress && !progress(80, QStringLiteral("Preparing the copy for replay"))) {
        for (const QString &path : t.edbFiles)
            SCR_TRY(disk.removeFile(path));
        SCR_TRY(disk.syncFolder(parentPath(t.edb)));
        return seedCancelled(identity,
                             QStringLiteral("the database copied so far was deleted; seed it again"));
    }
    return prepareForReplay(disk, t.edb);
}

} // namespace

Status updateStorageGroupCopy(Lab &lab, const QString &identity, const QString &standbyMachine,
                              bool deleteExistingFiles,
                              const std::function<bool(int, const QString &)> &progress, bool manualResume)
{
    auto t = checkSeed(lab, identity, standbyMachine, deleteExistingFiles);
    if (!t)
        return t.error();
    if (progress && !progress(0, QStringLiteral("Preparing")))
        return seedCancelled(identity, QStringLiteral("nothing was changed"));

    // Every process sees the copy Seeding from here (the marker names this process), and a seed that is
    // killed leaves the copy Failed, saying to seed again, instead of a half database that looks whole.
    const HostDisk &disk = t->target.disk;
    SCR_TRY(CopyWorker::beginSeed(disk, t->target.logFolder, lab.clock().nowMs()));
    // The copy stops while its files are replaced; it starts again from the new files. A reseed clears a
    // failure the directory kept (after the marker: a seed killed from here on leaves the copy Failed by
    // its marker, so there is no moment at which a damaged copy reads unfailed).
    lab.stopCopy(t->copy);
    const auto restart = [&](Status st) {
        if (auto ended = CopyWorker::endSeed(disk, t->target.logFolder); !ended && st)
            st = ended;
        if (auto again = lab.startCopy(t->copy); !again && st)
            return again;
        return st;
    };
    if (auto st = lab.clearCopyFailure(t->copy); !st)
        return restart(st);
    if (auto written = writeSeed(*t, identity, progress); !written)
        return restart(written); // a failed or cancelled seed never reports Seeded
    Status st = restart({});
    if (st && !manualResume && t->copy.suspended)
        st = resumeStorageGroupCopy(lab, identity, standbyMachine);
    if (progress)
        progress(100, QStringLiteral("Seeded"));
    return st;
}

ems::CommandLine copyCommand(const QString &cmdlet, const QString &identity, const QString &standbyMachine)
{
    return ems::CommandLine(cmdlet).value(identity).arg(QStringLiteral("StandbyMachine"), standbyMachine);
}

ems::CommandLine suspendCommand(const QString &identity, const QString &standbyMachine,
                                const QString &comment)
{
    return copyCommand(QStringLiteral("Suspend-StorageGroupCopy"), identity, standbyMachine)
        .arg(QStringLiteral("SuspendComment"), comment);
}

QStringList seedCommands(const QString &identity, const QString &standbyMachine, bool alreadySuspended)
{
    QStringList out;
    if (!alreadySuspended)
        out << suspendCommand(identity, standbyMachine, QStringLiteral("Seeding (Update-StorageGroupCopy)"))
                   .text();
    out << copyCommand(QStringLiteral("Update-StorageGroupCopy"), identity, standbyMachine)
               .sw(QStringLiteral("DeleteExistingFiles"))
               .text();
    return out;
}

Status suspendStorageGroupCopy(Lab &lab, const QString &identity, const QString &standbyMachine,
                               const QString &comment)
{
    auto copy = findStorageGroupCopy(lab, identity, standbyMachine);
    if (!copy)
        return copy.error();
    return lab.suspendCopy(*copy, comment);
}

Status resumeStorageGroupCopy(Lab &lab, const QString &identity, const QString &standbyMachine)
{
    auto copy = findStorageGroupCopy(lab, identity, standbyMachine);
    if (!copy)
        return copy.error();
    return lab.resumeCopy(*copy);
}

namespace {

// The storage group named (if it is on server, when one is given), or every one (of server).
Result<std::vector<StorageGroupRecord>> storageGroupsNamed(const Lab &lab, const QString &identity,
                                                           const QString &server = {})
{
    if (identity.isEmpty())
        return lab.directory().storageGroups(server);
    auto sg = findStorageGroup(lab, identity);
    if (!sg)
        return sg.error();
    std::vector<StorageGroupRecord> groups;
    if (server.isEmpty() || sg->server.compare(server, Qt::CaseInsensitive) == 0)
        groups.push_back(*sg);
    return groups;
}

std::optional<SeedMarker> seedMarkerOf(const Lab &lab, const StorageGroupRecord &sg,
                                       const ScrCopyRecord &copy)
{
    auto host = lab.hostOfServer(copy.standbyMachine);
    auto dbs = lab.directory().databases(sg.id);
    if (!host || !dbs || dbs->empty())
        return std::nullopt;
    auto paths = lab.storagePaths(*host, sg, dbs->front());
    if (!paths || !paths->disk.isPoweredOn())
        return std::nullopt;
    return CopyWorker::readSeedMarker(paths->disk, paths->logFolder);
}

} // namespace

Result<std::vector<StorageGroupCopyStatusRow>>
getStorageGroupCopyStatus(const Lab &lab, const QString &identity, const QString &standbyMachine)
{
    auto groups = storageGroupsNamed(lab, identity);
    if (!groups)
        return groups.error();
    // Every copy in one query, grouped by storage group (a query per storage group scans the table each
    // time: the console's every tick at 400 of them).
    auto all = lab.directory().copies();
    if (!all)
        return all.error();
    std::map<qint64, std::vector<ScrCopyRecord>> copiesOf;
    for (ScrCopyRecord &c : *all)
        copiesOf[c.storageGroupId].push_back(std::move(c));
    std::vector<StorageGroupCopyStatusRow> rows;
    for (const StorageGroupRecord &sg : *groups) {
        for (const ScrCopyRecord &c : copiesOf[sg.id]) {
            if (!standbyMachine.isEmpty() &&
                c.standbyMachine.compare(standbyMachine, Qt::CaseInsensitive) != 0)
                continue;
            StorageGroupCopyStatusRow row{c, sg, {}, -1};
            if (const CopyWorker *worker = lab.copyWorker(c)) {
                row.status = worker->status();
            } else {
                row.status.identity = sg.identity();
                row.status.standbyMachine = c.standbyMachine;
                row.status.summary = SummaryCopyStatus::ServiceDown;
                row.status.note =
                    QStringLiteral("the replication service on %1 is not running").arg(c.standbyMachine);
                // This process's own seed stops the copy while it replaces its files: Seeding, from the
                // seed's marker, as any other process would read it.
                if (auto marker = seedMarkerOf(lab, sg, c); marker && marker->ownerRunning) {
                    row.status.summary = SummaryCopyStatus::Seeding;
                    row.status.seeding = true;
                    row.status.note = QStringLiteral("Update-StorageGroupCopy is seeding the copy");
                }
            }
            row.lastInspectedLogAgeMs = lastInspectedLogAge(row.status, lab.clock().nowMs());
            rows.push_back(row);
        }
    }
    return rows;
}

Result<std::vector<StorageGroupCopyStatusRow>>
getStorageGroupCopyStatusWithDisabled(Lab &lab, const QString &identity, const QString &standbyMachine,
                                      const QString &server)
{
    QString serverName;
    if (!server.isEmpty()) {
        auto s = findServer(lab, server);
        if (!s)
            return s.error();
        serverName = s->name;
    }
    auto groups = storageGroupsNamed(lab, identity, serverName);
    if (!groups)
        return groups.error();
    auto copies = getStorageGroupCopyStatus(lab, identity, standbyMachine);
    if (!copies)
        return copies.error();
    std::vector<StorageGroupCopyStatusRow> rows;
    for (const StorageGroupRecord &sg : *groups) {
        bool any = false;
        for (const StorageGroupCopyStatusRow &row : *copies)
            if (row.storageGroup.id == sg.id) {
                rows.push_back(row);
                any = true;
            }
        if (any)
            continue;
        StorageGroupCopyStatusRow disabled{{}, sg, {}, -1};
        disabled.copy.storageGroupId = sg.id;
        disabled.copy.standbyMachine = standbyMachine;
        disabled.copy.replayLagMs = disabled.copy.truncationLagMs = 0;
        disabled.status.identity = sg.identity();
        disabled.status.standbyMachine = standbyMachine;
        disabled.status.summary = SummaryCopyStatus::Disabled;
        disabled.status.note =
            standbyMachine.isEmpty()
                ? QStringLiteral("no SCR copy of %1 is enabled").arg(sg.identity())
                : QStringLiteral("no SCR copy of %1 on %2 is enabled").arg(sg.identity(), standbyMachine);
        rows.push_back(disabled);
    }
    return rows;
}

} // namespace scr::cmdlets
