#pragma once
// Lab: one organization at work, the runtime behind the console and scr-shell. It opens the directory,
// powers hosts as the directory says, mounts the databases that are mounted (soft recovery first), runs a
// replication service for each standby machine, drives mail flow, and moves the virtual clock. It does not
// validate: the cmdlets do, on const reads of the directory, then call it.
// It is the directory's only writer: each state change is one method (labchanges.cpp) that writes the
// directory in one transaction and does what the change means at run time; when either fails, both stay as
// they were.
// It owns one HostDisk per host, the only door to that host's files and the holder of its power and
// logical space; everything in the lab (mounted databases, SCR copies, cmdlets) uses copies of it.

#include "core/result.h"
#include "directory/directory.h"
#include "host/hostdisk.h"
#include "lablock.h"
#include "replication/replicationservice.h"
#include "sim/virtualclock.h"
#include "store/mounteddatabase.h"

#include <map>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

#include <QObject>

namespace scr {

class MailFlow;

class Lab final : public QObject
{
    Q_OBJECT
public:
    // The status history the directory keeps (README, "Lab state"): every sample of the last two
    // virtual hours (what the console's chart shows), then one per ten virtual minutes, and nothing older
    // than seven virtual days (the longest ReplayLagTime).
    static constexpr qint64 kHistoryFullResolutionMs = 2 * 3600 * 1000;
    static constexpr qint64 kHistoryBucketMs = 10 * 60 * 1000;
    static constexpr qint64 kHistoryKeepMs = 7 * 24 * 3600 * 1000LL;

    // Refused, with nothing changed, when labDir is not a lab, its org.sqlite is damaged, it is not
    // writable, or another process (or another Lab in this one) has it open.
    static Result<std::unique_ptr<Lab>> open(const QString &labDir);
    // A clean shutdown: flows stop, services stop, databases are dismounted, the clock is saved.
    ~Lab() override;

    const QString &labDir() const { return m_labDir; }
    // The directory, to read; every change goes through one of the state changes below.
    const Directory &directory() const { return *m_directory; }
    VirtualClock &clock() { return m_clock; }
    const VirtualClock &clock() const { return m_clock; }
    // The host's disk, where the directory says it is (a renamed host keeps its folder). A copy of the one
    // the lab keeps for the host: it shares that disk's power and logical space.
    HostDisk hostDisk(const QString &host) const;
    // The lab folder itself, for the lab's own files beside the hosts (backups/); never a host's disk.
    const HostDisk &labFolder() const { return m_labFolder; }
    Result<QString> hostOfServer(const QString &server) const;

    // The information store.
    Result<StoragePaths> storagePaths(const QString &host, const StorageGroupRecord &sg,
                                      const DatabaseRecord &db) const;
    // The database mounted now, none when it is not: to read (const), or to write to (the store's writers).
    const MountedDatabase *mountedDatabase(const QUuid &guid) const;
    MountedDatabase *mountedDatabase(const QUuid &guid);
    // Why the database's last mount failed (at open, at power-on or by Mount-Database); none once mounted.
    std::optional<Error> mountError(const QUuid &guid) const; // who uses which file: FilesInUse

    // Replication plumbing: a copy's worker, run or stopped; the directory is not changed.
    Status startCopy(const ScrCopyRecord &copy);
    void stopCopy(const ScrCopyRecord &copy);
    const CopyWorker *copyWorker(const ScrCopyRecord &copy) const;
    CopyWorker *copyWorker(const ScrCopyRecord &copy);

    // State changes (labchanges.cpp): each writes the directory and does its runtime effect, or neither.
    // Set-Host -DiskSizeGB: the host's disk has that capacity at once.
    Status setHostDiskSize(const QString &host, qint64 bytes);
    // Rename-Computer, in order: each host keeps its disk (folder, power, capacity) under its new name,
    // servers bound to it follow, and the copies that use it start again on it.
    Status renameHosts(const std::vector<std::pair<QString, QString>> &renames);
    // setup /m:Uninstall: the server object goes (its storage groups are gone first).
    Status removeServer(const QString &server) { return m_directory->removeServer(server); }
    // setup /m:RecoverServer: the server object is bound to host; its databases read dismounted.
    Status bindServer(const QString &server, const QString &host);
    // Exchange's objects, nothing more: nothing runs on them until a database is mounted.
    Result<qint64> addStorageGroup(const StorageGroupRecord &sg) { return m_directory->addStorageGroup(sg); }
    Status removeStorageGroup(qint64 id) { return m_directory->removeStorageGroup(id); }
    // LogFolderPath and SystemFolderPath (Move-StorageGroupPath).
    Status updateStorageGroupPaths(const StorageGroupRecord &g)
    {
        return m_directory->updateStorageGroupPaths(g);
    }
    Result<qint64> addDatabase(const DatabaseRecord &db) { return m_directory->addDatabase(db); }
    Status removeDatabase(qint64 id) { return m_directory->removeDatabase(id); }
    Status updateDatabase(const DatabaseRecord &db) { return m_directory->updateDatabase(db); }
    // Mount-Database: marked mounted and mounted, or neither; a failure raises 1002 and is kept (mountError).
    // A database mounted before (everMounted) never starts empty in place of a lost file unless force.
    Status mountDatabase(const DatabaseRecord &db, bool force = false);
    Status dismountDatabase(const DatabaseRecord &db); // marked dismounted; Clean Shutdown if it is mounted
    // Move-Mailbox -ConfigurationOnly: each mailbox (first) homed on a database (second), all or none.
    Status rehomeMailboxes(const std::vector<std::pair<QUuid, QUuid>> &moves);
    // Start-DatabaseBackup: the last full backup's time, which the storage group's copies use at once.
    Status recordFullBackup(qint64 storageGroupId, qint64 timeMs);
    // Enable-StorageGroupCopy: kept (its id set) and run by its standby's replication service, or neither.
    Result<ScrCopyRecord> addCopy(ScrCopyRecord copy);
    Status removeCopy(const ScrCopyRecord &copy); // the record goes, its worker stops
    // A resume, and a reseed (clearCopyFailure, while the copy is stopped), clear the failure the directory
    // kept: a cause that is still there fails the copy again at its next cycle.
    Status suspendCopy(const ScrCopyRecord &copy, const QString &comment);
    Status resumeCopy(const ScrCopyRecord &copy);
    Status clearCopyFailure(const ScrCopyRecord &copy) { return m_directory->clearCopyFailure(copy.id); }

    // Simulation.
    Status setHostPowered(const QString &host, bool on);
    // Invoke-Fault ReadOnly / IOError / ClearDiskFault: the host's disk goes read-only (EROFS), fails every
    // read and write (EIO), or is mended (0). Kept in the directory, so every process sees the disk so;
    // its mounted databases are dismounted at the next step (event 482), and the copies whose source it
    // holds fail.
    Status setHostDiskFault(const QString &host, int err);
    Status startMailFlow(const QUuid &database, double messagesPerMinute, int messageBytes);
    void stopMailFlow(const QUuid &database);
    // Advances the virtual clock by durationMs in steps, delivering mail and running every copy's cycle at
    // each step, as fast as the machine can: deterministic. A database whose delivery fails because its
    // disk is full (a log generation could not be created) is dismounted, as the Information Store does,
    // with event 482 and the reason kept as its mount error; the rest of the lab goes on.
    Status stepSimulation(qint64 durationMs, qint64 stepMs = 1000);
    // Records every copy's queue lengths into the status history, and keeps that history bounded.
    Status sampleStatus();
    // What each copy last saw of its source (LastLogGenerated and its time), kept in the directory so that
    // the loss can still be told after the source died and the lab restarted.
    using SourcePosition = CopySourcePosition;
    void rememberSourcePositions();
    SourcePosition lastSeenSource(const ScrCopyRecord &copy) const;
    // When the host was last powered off (0 if never): a dead source's failure time.
    qint64 poweredOffAt(const QString &host) const;
    // Writes an event to the directory and the log, and tells the event viewer.
    void recordEvent(const ReplicationEvent &event);

Q_SIGNALS:
    void eventRecorded(const scr::EventRecord &event);

private:
    Lab(QString labDir, qint64 nowMs);
    // Mail flows outlive the process: the lab keeps them in the directory (mail_flows) and starts them again
    // at open, so separate scr-shell runs (Start-MailFlow, then Step-Simulation) behave as one session.
    void saveMailFlows();
    void restoreMailFlows();
    Status start();
    ReplicationService &serviceFor(const QString &standby);
    // The store's side of a mount and a dismount; the directory is not changed.
    Status mountStore(const DatabaseRecord &db, bool force = false);
    Status dismountStore(const DatabaseRecord &db);
    // After renameHosts renamed them in the directory: the disks and the copies follow.
    Status hostsRenamed(const std::vector<std::pair<QString, QString>> &renames);
    // Every database of the server's storage groups.
    Result<std::vector<DatabaseRecord>> databasesOfServer(const QString &server) const;
    // The shared disk of a host of the directory (made on first use, powered and sized as the directory
    // says); nullptr when the directory has no such host.
    HostDisk *sharedDisk(const QString &host);
    // The same for the const readers (hostDisk): made on first use into m_disks.
    HostDisk *cachedDisk(const QString &host) const;
    // The disk of a host record, with the record's folder, power and capacity.
    HostDisk diskOf(const HostRecord &record) const;
    // A database whose disk filled, went read-only or failed while it wrote: dismounted (cleanly if its
    // header can still be written, else left for soft recovery, its logs intact), its flow stopped, event
    // 482, error kept.
    void dismountForDiskFault(const QUuid &guid, const Error &error);

    QString m_labDir;
    LabLock m_lock; // held while the lab is open: one process at a time
    VirtualClock m_clock;
    std::unique_ptr<Directory> m_directory;
    HostDisk m_labFolder;
    // By host name, upper case. Mutable because a const reader (hostDisk) makes a host's disk on first use:
    // a cache of what the directory says, not lab state; every later copy shares that one's power and space.
    mutable std::map<QString, HostDisk> m_disks;
    std::map<QUuid, std::unique_ptr<MountedDatabase>> m_mounted;
    std::map<QUuid, Error> m_mountErrors;
    std::map<QUuid, std::unique_ptr<MailFlow>> m_flows;
    std::map<QString, std::unique_ptr<ReplicationService>> m_services; // by standby machine, upper case
    std::map<qint64, QString> m_copyService;                           // copy id → its service's key
    qint64 m_lastSampleMs = 0;
    qint64 m_clockPersistedMs = 0; // the clock as persisted: it may run up to here before the next write
};

} // namespace scr
