#include "lab.h"

#include "core/logging.h"
#include "sim/mailflow.h"

#include <algorithm>
#include <cerrno>

#include <spdlog/spdlog.h>

#include <QDateTime>

namespace scr {
namespace {

constexpr qint64 kSampleEveryMs = 60 * 1000; // one history sample a virtual minute
// How far ahead of the clock its persisted value runs: one write a virtual minute at most while stepping.
constexpr qint64 kClockLeaseMs = 60 * 1000;

// A database as the shell writes it (MBX1\SG1\DB1), or its GUID when the directory does not have it.
QString databaseIdentity(const Directory &directory, const QUuid &guid)
{
    QString identity = guid.toString(QUuid::WithoutBraces);
    if (auto dbs = directory.databases())
        for (const DatabaseRecord &db : *dbs)
            if (db.guid == guid) {
                identity = db.name;
                if (auto sg = directory.storageGroup(db.storageGroupId); sg && *sg)
                    identity = (*sg)->identity() + QLatin1Char('\\') + db.name;
            }
    return identity;
}

} // namespace

Lab::Lab(QString labDir, qint64 nowMs)
    : m_labDir(std::move(labDir)), m_clock(nowMs), m_labFolder(HostDisk::atFolder(m_labDir))
{}

Result<std::unique_ptr<Lab>> Lab::open(const QString &labDir)
{
    // Validation first, in the order that names the real problem: not a lab, a damaged directory, a folder
    // that cannot be written, another process; nothing is created or changed before all four pass.
    SCR_TRY(Directory::validateFile(labDir));
    SCR_TRY(Directory::checkWritable(labDir));
    auto lock = LabLock::acquire(labDir);
    if (!lock)
        return lock.error();
    // The directory before the log: a foreign or damaged org.sqlite is refused before anything (logs/
    // included) is made in its folder.
    auto directory = Directory::open(labDir);
    if (!directory)
        return directory.error();
    SCR_TRY(logging::attachToLab(labDir));
    // The clock resumes where it was persisted, or later: never before a time the directory already holds.
    auto saved = (*directory)->savedClock();
    if (!saved)
        return saved.error();
    const qint64 now = *saved > 0 ? *saved : QDateTime::currentMSecsSinceEpoch();
    std::unique_ptr<Lab> lab(new Lab(labDir, now));
    lab->m_clockPersistedMs = now;
    lab->m_lock = std::move(*lock);
    lab->m_directory = std::move(*directory);
    SCR_TRY(lab->start());
    return lab;
}

Status Lab::start()
{
    auto hosts = m_directory->hosts();
    if (!hosts)
        return hosts.error();
    // One disk per host, powered and sized as the directory says; every later use shares its state.
    for (const HostRecord &h : *hosts)
        m_disks.insert_or_assign(h.name.toUpper(), diskOf(h));
    auto databases = m_directory->databases();
    if (!databases)
        return databases.error();
    for (const DatabaseRecord &db : *databases) {
        if (!db.mounted)
            continue;
        if (auto st = mountStore(db); !st)
            logging::get("model")->warn("{} could not be mounted at start: {}", db.name.toStdString(),
                                        st.error().toString().toStdString());
    }
    auto copies = m_directory->copies();
    if (!copies)
        return copies.error();
    for (const ScrCopyRecord &copy : *copies)
        SCR_TRY(startCopy(copy));
    restoreMailFlows();
    return {};
}

void Lab::saveMailFlows()
{
    std::vector<MailFlowRecord> flows;
    for (const auto &[guid, flow] : m_flows)
        flows.push_back({guid, flow->rate(), flow->messageSize()});
    if (auto st = m_directory->replaceMailFlows(flows); !st)
        logging::get("model")->warn("mail flows not saved: {}", st.error().toString().toStdString());
}

void Lab::restoreMailFlows()
{
    auto saved = m_directory->mailFlows();
    if (!saved)
        return;
    for (const MailFlowRecord &f : *saved) {
        if (!mountedDatabase(f.database))
            continue; // dismounted since: its flow ended with it
        if (auto st = startMailFlow(f.database, f.messagesPerMinute, f.messageBytes); !st)
            logging::get("model")->warn("mail flow not restarted: {}", st.error().toString().toStdString());
    }
    saveMailFlows();
}

Lab::~Lab()
{
    m_flows.clear();
    rememberSourcePositions();
    m_services.clear();
    for (auto &[guid, db] : m_mounted)
        if (auto st = db->dismount(); !st)
            logging::get("model")->warn("dismount at exit failed: {}", st.error().toString().toStdString());
    m_mounted.clear();
    if (m_directory)
        (void)m_directory->saveClock(m_clock.nowMs());
}

HostDisk *Lab::sharedDisk(const QString &host)
{
    return cachedDisk(host);
}

HostDisk *Lab::cachedDisk(const QString &host) const
{
    if (auto it = m_disks.find(host.toUpper()); it != m_disks.end())
        return &it->second;
    // A host added to the directory since the lab opened.
    auto record = m_directory->host(host);
    if (!record || !*record)
        return nullptr;
    return &m_disks.insert_or_assign((*record)->name.toUpper(), diskOf(**record)).first->second;
}

HostDisk Lab::diskOf(const HostRecord &record) const
{
    HostDisk disk(m_labDir, record.name, record.diskFolder);
    disk.setPoweredOn(record.poweredOn);
    // A disk fault is the directory's, as its power is: every process sees the disk read-only or failing.
    if (auto fault = m_directory->hostDiskFault(record.name))
        disk.setIoFault(*fault == QStringLiteral("ReadOnly")  ? EROFS
                        : *fault == QStringLiteral("IOError") ? EIO
                                                              : 0);
    disk.setCapacityBytes(record.diskSizeBytes > 0 ? record.diskSizeBytes : HostDisk::kDefaultCapacityBytes);
    return disk;
}

HostDisk Lab::hostDisk(const QString &host) const
{
    if (const HostDisk *disk = cachedDisk(host))
        return *disk;
    // Not a host of the directory: a disk at the default folder, whose operations find nothing there.
    return HostDisk(m_labDir, host);
}

Status Lab::setHostDiskFault(const QString &host, int err)
{
    SCR_TRY(m_directory->setHostDiskFault(host, err == EROFS ? QStringLiteral("ReadOnly")
                                                : err == EIO ? QStringLiteral("IOError")
                                                             : QString()));
    if (HostDisk *disk = sharedDisk(host))
        disk->setIoFault(err);
    return {};
}

Status Lab::hostsRenamed(const std::vector<std::pair<QString, QString>> &renames)
{
    for (const auto &[from, to] : renames) {
        auto it = m_disks.find(from.toUpper());
        if (it == m_disks.end()) {
            m_disks.erase(to.toUpper()); // never used: made from the directory on first use
            continue;
        }
        auto record = m_directory->host(to);
        if (!record)
            return record.error();
        // The same folder and state under the new name (the name is what its messages say).
        HostDisk renamed(m_labDir, to, *record ? (*record)->diskFolder : QString());
        renamed.setPoweredOn(it->second.isPoweredOn());
        renamed.setCapacityBytes(it->second.capacityBytes());
        renamed.setIoFault(it->second.ioFault());
        m_disks.erase(it);
        m_disks.insert_or_assign(to.toUpper(), std::move(renamed));
    }
    // Copies hold the disks they were started with: those that touch a renamed host start again on its
    // new disk, so that its power and space are the ones the lab changes from now on.
    auto copies = m_directory->copies();
    if (!copies)
        return copies.error();
    for (const ScrCopyRecord &copy : *copies) {
        CopyWorker *worker = copyWorker(copy);
        if (!worker)
            continue;
        const CopyConfig &config = worker->config();
        const bool touched = std::any_of(renames.begin(), renames.end(), [&](const auto &rename) {
            return config.sourceDisk.hostName().compare(rename.first, Qt::CaseInsensitive) == 0 ||
                   config.targetDisk.hostName().compare(rename.first, Qt::CaseInsensitive) == 0;
        });
        if (!touched)
            continue;
        stopCopy(copy);
        SCR_TRY(startCopy(copy));
    }
    return {};
}

Result<QString> Lab::hostOfServer(const QString &server) const
{
    auto record = m_directory->server(server);
    if (!record)
        return record.error();
    if (!*record)
        return Error{server, QStringLiteral("no such Exchange server in the organization"),
                     QStringLiteral("Get-ExchangeServer lists them")};
    return (*record)->host;
}

Result<StoragePaths> Lab::storagePaths(const QString &host, const StorageGroupRecord &sg,
                                       const DatabaseRecord &db) const
{
    const HostDisk disk = hostDisk(host);
    auto logs = disk.localPath(sg.logFolderPath);
    auto system = disk.localPath(sg.systemFolderPath);
    auto edb = disk.localPath(db.edbFilePath);
    for (const auto *r : {&logs, &system, &edb})
        if (!*r)
            return r->error();
    StoragePaths paths;
    paths.disk = disk;
    paths.prefix = sg.logPrefix;
    paths.logFolder = *logs;
    paths.systemFolder = *system;
    paths.edbPath = *edb;
    return paths;
}

Status Lab::mountStore(const DatabaseRecord &db, bool force)
{
    if (m_mounted.count(db.guid))
        return {};
    auto sg = m_directory->storageGroup(db.storageGroupId);
    if (!sg)
        return sg.error();
    if (!*sg)
        return Error{db.name, QStringLiteral("its storage group no longer exists"), {}};
    // Every way a mount can fail raises 1002 and is kept, so the console's tree and Get-MailboxDatabase
    // -Status show it, not only the log (a failure at open has nobody else to tell).
    const auto failed = [&](const Error &error) -> Status {
        recordEvent({1002, EventLevel::Error, QStringLiteral("MSExchangeIS"),
                     QStringLiteral("Database %1\\%2 could not be mounted: %3")
                         .arg((*sg)->identity(), db.name, error.toString()),
                     m_clock.nowMs()});
        m_mountErrors.insert_or_assign(db.guid, error);
        return error;
    };
    auto host = hostOfServer((*sg)->server);
    if (!host)
        return failed(host.error());
    auto paths = storagePaths(*host, **sg, db);
    if (!paths)
        return failed(paths.error());
    auto mounted = MountedDatabase::mount(*paths, db.guid, db.name, m_clock, db.allowFileRestore,
                                          force || !db.everMounted);
    if (!mounted)
        return failed(mounted.error());
    m_mountErrors.erase(db.guid);
    if (const auto &r = (*mounted)->softRecovery()) {
        // ESE's own event ids: 301 replay began, 302 recovery completed.
        recordEvent(
            {301, EventLevel::Information, QStringLiteral("ESE"),
             QStringLiteral("%1\\%2: the database engine replayed log generations %3 to %4 (%5 records "
                            "applied, %6 already in the file).")
                 .arg((*sg)->identity(), db.name)
                 .arg(r->firstGeneration)
                 .arg(r->lastGeneration)
                 .arg(r->recordsApplied)
                 .arg(r->recordsSkipped),
             m_clock.nowMs()});
        recordEvent({302, EventLevel::Information, QStringLiteral("ESE"),
                     QStringLiteral("%1\\%2: the database engine has successfully completed recovery steps.")
                         .arg((*sg)->identity(), db.name),
                     m_clock.nowMs()});
    }
    if (const auto &lost = (*mounted)->log().zeroedTail()) {
        // ESE's 465: corruption found in a log during recovery. Committed records are gone; nothing else
        // would say so (the log simply ends earlier).
        const qint64 bytes = lost->toByte - lost->fromByte;
        recordEvent(
            {465, EventLevel::Error, QStringLiteral("ESE"),
             QStringLiteral("%1\\%2: %3 (generation %4) lost its tail: bytes %5 to %6 of the file were "
                            "written and now read as zeros, so the records committed after %7 (up to %8 "
                            "KiB of log) are lost. The database was mounted with the records before %7; "
                            "the mail delivered in them must be delivered again or restored from a "
                            "backup.")
                 .arg((*sg)->identity(), db.name, openLogFileName((*sg)->logPrefix))
                 .arg(lost->generation)
                 .arg(lost->fromByte)
                 .arg(lost->toByte)
                 .arg(lost->end.toString())
                 .arg((bytes + 1023) / 1024),
             m_clock.nowMs()});
    }
    m_mounted[db.guid] = std::move(*mounted);
    recordEvent({1000, EventLevel::Information, QStringLiteral("MSExchangeIS"),
                 QStringLiteral("Database %1\\%2 was mounted.").arg((*sg)->identity(), db.name),
                 m_clock.nowMs()});
    return {};
}

Status Lab::dismountStore(const DatabaseRecord &db)
{
    m_mountErrors.erase(db.guid); // dismounted on purpose: a failed mount is no longer pending
    auto it = m_mounted.find(db.guid);
    if (it == m_mounted.end())
        return {};
    if (m_flows.erase(db.guid))
        saveMailFlows();
    SCR_TRY(it->second->dismount());
    m_mounted.erase(it);
    recordEvent({1001, EventLevel::Information, QStringLiteral("MSExchangeIS"),
                 QStringLiteral("Database %1 was dismounted (Clean Shutdown).").arg(db.name),
                 m_clock.nowMs()});
    return {};
}

const MountedDatabase *Lab::mountedDatabase(const QUuid &guid) const
{
    auto it = m_mounted.find(guid);
    return it == m_mounted.end() ? nullptr : it->second.get();
}

MountedDatabase *Lab::mountedDatabase(const QUuid &guid)
{
    auto it = m_mounted.find(guid);
    return it == m_mounted.end() ? nullptr : it->second.get();
}

std::optional<Error> Lab::mountError(const QUuid &guid) const
{
    auto it = m_mountErrors.find(guid);
    return it == m_mountErrors.end() ? std::nullopt : std::optional<Error>(it->second);
}

ReplicationService &Lab::serviceFor(const QString &standby)
{
    const QString key = standby.toUpper();
    auto &service = m_services[key];
    if (!service) {
        service = std::make_unique<ReplicationService>(standby, m_clock);
        connect(service.get(), &ReplicationService::eventRaised, this, &Lab::recordEvent);
        // A copy's failure is kept in the directory where it happens, beside its event: every process
        // started later reads it (Get-StorageGroupCopyStatus, the console's first snapshot).
        connect(service.get(), &ReplicationService::copyFailed, this,
                [this](qint64 copyId, const CopyFailure &failure) {
                    if (auto st = m_directory->setCopyFailure(
                            copyId, {failure.eventId, failure.message, failure.timeMs, failure.permanent});
                        !st)
                        logging::get("model")->error("a copy's failure could not be kept: {}",
                                                     st.error().toString().toStdString());
                });
        connect(service.get(), &ReplicationService::copyFailureCleared, this, [this](qint64 copyId) {
            if (auto st = m_directory->clearCopyFailure(copyId); !st)
                logging::get("model")->error("a copy's failure could not be cleared: {}",
                                             st.error().toString().toStdString());
        });
    }
    return *service;
}

Status Lab::startCopy(const ScrCopyRecord &copy)
{
    auto sg = m_directory->storageGroup(copy.storageGroupId);
    if (!sg)
        return sg.error();
    if (!*sg)
        return Error{QStringLiteral("SCR copy"), QStringLiteral("its storage group no longer exists"), {}};
    auto databases = m_directory->databases(copy.storageGroupId);
    if (!databases)
        return databases.error();
    if (databases->size() != 1)
        return Error{(*sg)->identity(),
                     QStringLiteral("an SCR copy needs exactly one database in the storage group"),
                     {}};
    auto sourceHost = hostOfServer((*sg)->server);
    if (!sourceHost)
        return sourceHost.error();
    auto standbyHost = hostOfServer(copy.standbyMachine);
    if (!standbyHost)
        return standbyHost.error();
    auto source = storagePaths(*sourceHost, **sg, databases->front());
    auto target = storagePaths(*standbyHost, **sg, databases->front());
    if (!source)
        return source.error();
    if (!target)
        return target.error();
    CopyConfig config;
    config.identity = (*sg)->identity();
    config.standbyMachine = copy.standbyMachine;
    config.prefix = (*sg)->logPrefix;
    config.sourceDisk = source->disk;
    config.targetDisk = target->disk;
    config.sourceLogFolder = source->logFolder;
    config.targetLogFolder = target->logFolder;
    config.targetEdbPath = target->edbPath;
    config.databaseGuid = databases->front().guid;
    config.replayLagMs = copy.replayLagMs;
    config.truncationLagMs = copy.truncationLagMs;
    config.displayTargetLogFolder = (*sg)->logFolderPath;
    config.replayRateFolder = m_labFolder; // the replay speed this lab measures (ReplayRate)
    // What the copy knew of its source before this process, for when the source cannot be reached now.
    const SourcePosition seen = lastSeenSource(copy);
    config.lastSeenGeneration = seen.lastLogGenerated;
    config.lastSeenGenerationTimeMs = seen.latestAvailableLogTime;
    if (!source->disk.isPoweredOn())
        config.sourceDownSinceMs = poweredOffAt(*sourceHost);
    // The failure the directory kept: the copy starts Failed with it.
    auto kept = m_directory->copyFailure(copy.id);
    if (!kept)
        return kept.error();
    if (*kept)
        config.recordedFailure =
            CopyFailure{(*kept)->eventId, (*kept)->message, (*kept)->timeMs, (*kept)->permanent};
    ReplicationService &service = serviceFor(copy.standbyMachine);
    service.addCopy(copy.id, config);
    if (copy.suspended)
        service.copy(copy.id)->suspend(copy.suspendComment, false);
    auto backup = m_directory->lastFullBackup(copy.storageGroupId);
    if (backup && *backup > 0)
        service.copy(copy.id)->setLatestFullBackupTime(*backup);
    m_copyService[copy.id] = copy.standbyMachine.toUpper();
    return {};
}

void Lab::stopCopy(const ScrCopyRecord &copy)
{
    auto it = m_copyService.find(copy.id);
    if (it == m_copyService.end())
        return;
    if (auto service = m_services.find(it->second); service != m_services.end())
        service->second->removeCopy(copy.id);
    m_copyService.erase(it);
}

const CopyWorker *Lab::copyWorker(const ScrCopyRecord &copy) const
{
    auto it = m_copyService.find(copy.id);
    if (it == m_copyService.end())
        return nullptr;
    auto service = m_services.find(it->second);
    return service == m_services.end() ? nullptr : service->second->copy(copy.id);
}

CopyWorker *Lab::copyWorker(const ScrCopyRecord &copy)
{
    auto it = m_copyService.find(copy.id);
    if (it == m_copyService.end())
        return nullptr;
    auto service = m_services.find(it->second);
    return service == m_services.end() ? nullptr : service->second->copy(copy.id);
}

void Lab::recordEvent(const ReplicationEvent &event)
{
    const EventRecord record{0,         event.timeMs, event.id, eventLevelName(event.level), event.source,
                             event.text};
    if (auto st = m_directory->addEvent(record); !st)
        logging::get("model")->error("an event could not be recorded: {}",
                                     st.error().toString().toStdString());
    Q_EMIT eventRecorded(record);
}

void Lab::rememberSourcePositions()
{
    for (auto &[key, service] : m_services) {
        const QList<qint64> keys = service->keys();
        const QList<CopyStatus> statuses = service->statuses();
        for (qsizetype i = 0; i < keys.size(); ++i) {
            if (statuses[i].lastLogGenerated == 0)
                continue;
            (void)m_directory->setCopySourcePosition(
                keys[i], {statuses[i].lastLogGenerated, statuses[i].latestAvailableLogTime});
        }
    }
}

Lab::SourcePosition Lab::lastSeenSource(const ScrCopyRecord &copy) const
{
    SourcePosition seen;
    if (auto saved = m_directory->copySourcePosition(copy.id))
        seen = *saved;
    if (const CopyWorker *worker = copyWorker(copy);
        worker && worker->status().lastLogGenerated >= seen.lastLogGenerated) {
        seen.lastLogGenerated = worker->status().lastLogGenerated;
        seen.latestAvailableLogTime = worker->status().latestAvailableLogTime;
    }
    return seen;
}

qint64 Lab::poweredOffAt(const QString &host) const
{
    auto value = m_directory->hostPoweredOffAt(host);
    return value ? *value : 0;
}

Status Lab::setHostPowered(const QString &host, bool on)
{
    if (!on) {
        rememberSourcePositions();
        SCR_TRY(m_directory->setHostPoweredOffAt(host, m_clock.nowMs()));
    }
    SCR_TRY(m_directory->setHostPoweredOn(host, on));
    // The shared disk: every database, copy and cmdlet holding a copy of it sees the power change at once.
    if (HostDisk *disk = sharedDisk(host))
        disk->setPoweredOn(on);
    // Off: the host dies, its databases are not dismounted (Dirty Shutdown on its disk). On: the store starts
    // and mounts the databases marked MountAtStartup (soft recovery first).
    auto servers = m_directory->servers();
    if (!servers)
        return servers.error();
    for (const ServerRecord &server : *servers) {
        if (server.host.compare(host, Qt::CaseInsensitive) != 0)
            continue;
        auto dbs = databasesOfServer(server.name);
        if (!dbs)
            return dbs.error();
        for (const DatabaseRecord &db : *dbs) {
            if (!on) {
                if (m_flows.erase(db.guid))
                    saveMailFlows();
                m_mounted.erase(db.guid);
                m_mountErrors.erase(db.guid);
                SCR_TRY(m_directory->setDatabaseMounted(db.id, false));
            } else if (db.mountAtStartup) {
                if (auto st = mountStore(db); !st)
                    logging::get("model")->warn("{} did not mount at startup: {}", db.name.toStdString(),
                                                st.error().toString().toStdString());
                else
                    SCR_TRY(m_directory->setDatabaseMounted(db.id, true));
            }
        }
    }
    recordEvent({on ? 6005 : 6008, on ? EventLevel::Information : EventLevel::Warning,
                 QStringLiteral("EventLog"),
                 on ? QStringLiteral("%1 was powered on.").arg(host)
                    : QStringLiteral("%1 was powered off without a shutdown.").arg(host),
                 m_clock.nowMs()});
    return {};
}

Status Lab::startMailFlow(const QUuid &database, double messagesPerMinute, int messageBytes)
{
    MountedDatabase *db = mountedDatabase(database);
    if (!db)
        return Error{databaseIdentity(*m_directory, database), QStringLiteral("is not mounted"),
                     QStringLiteral("mount it first: Mount-Database %1")
                         .arg(databaseIdentity(*m_directory, database))};
    auto mailboxes = m_directory->mailboxes(database);
    if (!mailboxes)
        return mailboxes.error();
    std::vector<QUuid> users;
    for (const MailboxRecord &m : *mailboxes)
        if (m.objectClass == MailboxClass::User && db->knowsMailbox(m.guid))
            users.push_back(m.guid);
    if (users.empty())
        return Error{
            database.toString(QUuid::WithoutBraces), QStringLiteral("has no user mailbox to deliver to"), {}};
    auto flow =
        std::make_unique<MailFlow>(*db, users, static_cast<quint64>(m_clock.nowMs()), m_clock.nowMs());
    flow->setRate(messagesPerMinute);
    flow->setMessageSize(messageBytes);
    m_flows[database] = std::move(flow);
    saveMailFlows();
    return {};
}

void Lab::stopMailFlow(const QUuid &database)
{
    m_flows.erase(database);
    saveMailFlows();
}

Status Lab::stepSimulation(qint64 durationMs, qint64 stepMs)
{
    m_clock.setRunning(false);
    for (qint64 done = 0; done < durationMs; done += stepMs) {
        const qint64 step = std::min(stepMs, durationMs - done);
        // Write-ahead for time: the clock is persisted before any time it reaches is used (in a log
        // header, a lag, an event), and a lease ahead, so that it is written about once a virtual minute.
        // After a kill -9 the lab resumes at the lease: a little later, never earlier.
        if (m_clock.nowMs() + step > m_clockPersistedMs) {
            const qint64 lease = m_clock.nowMs() + step + kClockLeaseMs;
            SCR_TRY(m_directory->saveClock(lease));
            m_clockPersistedMs = lease;
        }
        m_clock.advance(step);
        const qint64 now = m_clock.nowMs();
        std::vector<std::pair<QUuid, Error>> full;
        for (auto &[guid, flow] : m_flows) {
            auto delivered = flow->deliverDue(now);
            if (delivered)
                continue;
            // A full or failed disk stops that database, as it stops an Exchange store; anything else stops
            // the step.
            const MountedDatabase *db = mountedDatabase(guid);
            if (delivered.error().code != JetCode::DiskFull && !(db && db->paths().disk.writeFault() != 0))
                return delivered.error();
            full.emplace_back(guid, delivered.error());
        }
        // A database whose disk went read-only or fails under it stops too, mail or not: the store writes
        // its checkpoint and header all the time, and the first write fails. It never goes on reading
        // Mounted.
        for (auto &[guid, db] : m_mounted) {
            const HostDisk &disk = db->paths().disk;
            const int io = disk.isPoweredOn() ? disk.ioFault() : 0;
            if (io == 0 ||
                std::any_of(full.begin(), full.end(), [&](const auto &f) { return f.first == guid; }))
                continue;
            full.emplace_back(
                guid, errorFromErrno(io, disk.displayPath(db->paths().edbPath), QStringLiteral("writing")));
        }
        for (const auto &[guid, error] : full)
            dismountForDiskFault(guid, error);
        for (auto &[key, service] : m_services)
            service->runCycle();
        if (now - m_lastSampleMs >= kSampleEveryMs)
            SCR_TRY(sampleStatus());
    }
    return {};
}

void Lab::dismountForDiskFault(const QUuid &guid, const Error &error)
{
    auto it = m_mounted.find(guid);
    if (it == m_mounted.end())
        return;
    if (m_flows.erase(guid))
        saveMailFlows();
    // Names for the event: the database as the shell writes it, its log drive and host.
    QString identity = guid.toString(QUuid::WithoutBraces);
    QString drive = QStringLiteral("C:");
    if (auto dbs = m_directory->databases()) {
        for (const DatabaseRecord &db : *dbs) {
            if (db.guid != guid)
                continue;
            identity = db.name;
            if (auto sg = m_directory->storageGroup(db.storageGroupId); sg && *sg) {
                identity = (*sg)->identity() + QLatin1Char('\\') + db.name;
                drive = (*sg)->logFolderPath.left(2).toUpper();
            }
        }
    }
    const HostDisk disk = it->second->paths().disk;
    const QString host = disk.hostName();
    // Cleanly if the header can still be written (the reserve is smaller than a log generation); if not,
    // the file stays Dirty Shutdown and the next mount replays the logs, which are all kept.
    const Status clean = it->second->dismount();
    m_mounted.erase(it);
    if (const int io = disk.ioFault()) {
        // The disk failed under the database: read-only (EROFS) or failing every I/O (EIO).
        const QString what = io == EROFS ? QStringLiteral("its file system went read-only (EROFS)")
                                         : QStringLiteral("it reports I/O errors (EIO)");
        const QString fix = QStringLiteral("repair the disk of %1 (Invoke-Fault ClearDiskFault -Server %1 in "
                                           "the lab), then Mount-Database %2")
                                .arg(host, identity);
        m_mountErrors.insert_or_assign(
            guid, Error{identity,
                        QStringLiteral("dismounted because the disk of %1 failed: %2: %3")
                            .arg(host, what, error.reason),
                        fix, JetCode::DiskIO});
        recordEvent({482, EventLevel::Error, QStringLiteral("ESE"),
                     QStringLiteral("%1: an attempt to write to drive %2 of %3 failed: %4 (-1022 "
                                    "JET_errDiskIO). The database was dismounted (%5). Fix: %6.")
                         .arg(identity, drive, host, what,
                              clean ? QStringLiteral("Clean Shutdown")
                                    : QStringLiteral("Dirty Shutdown: the next mount replays its logs"),
                              fix),
                     m_clock.nowMs()});
        logging::get("model")->error("{} dismounted: its disk failed: {}", identity.toStdString(),
                                     error.toString().toStdString());
        return;
    }
    const qint64 free = disk.freeBytes(true);
    const QString fix =
        QStringLiteral("free space on %1 of %2 (or run a full backup, Start-DatabaseBackup, to "
                       "truncate logs once it is mounted again; or give %2 a larger disk, Set-Host "
                       "%2 -DiskSizeGB), then Mount-Database %3")
            .arg(drive, host, identity);
    Error kept{identity,
               QStringLiteral("dismounted because its log drive %1 on %2 is full (%3 bytes free): %4")
                   .arg(drive, host)
                   .arg(free)
                   .arg(error.reason),
               fix, JetCode::DiskFull};
    m_mountErrors.insert_or_assign(guid, kept);
    // ESE's event for a write that failed for lack of space (482), with what the store did about it.
    recordEvent(
        {482, EventLevel::Error, QStringLiteral("ESE"),
         QStringLiteral("%1: an attempt to write to the log drive %2 of %3 failed: there is not enough "
                        "space on the disk (%4 bytes free; -1808 JET_errDiskFull). The database was "
                        "dismounted (%5); the logs written so far are kept. Fix: %6.")
             .arg(identity, drive, host)
             .arg(free)
             .arg(clean ? QStringLiteral("Clean Shutdown")
                        : QStringLiteral("Dirty Shutdown: the next mount replays its logs"),
                  fix),
         m_clock.nowMs()});
    logging::get("model")->error("{} dismounted: its disk is full: {}", identity.toStdString(),
                                 error.toString().toStdString());
}

Status Lab::sampleStatus()
{
    const qint64 now = m_clock.nowMs();
    std::vector<StatusSample> samples;
    for (auto &[key, service] : m_services) {
        const QList<qint64> keys = service->keys();
        const QList<CopyStatus> statuses = service->statuses();
        for (qsizetype i = 0; i < keys.size(); ++i)
            samples.push_back({keys[i], now, statuses[i].copyQueueLength(), statuses[i].replayQueueLength(),
                               summaryCopyStatusName(statuses[i].summary)});
    }
    m_lastSampleMs = now;
    // One transaction: the samples, what each copy saw of its source, and the bounded history.
    return m_directory->transaction([&]() -> Status {
        rememberSourcePositions();
        SCR_TRY(m_directory->addSamples(samples));
        return m_directory->downsample(now - kHistoryFullResolutionMs, kHistoryBucketMs,
                                       now - kHistoryKeepMs);
    });
}

} // namespace scr
