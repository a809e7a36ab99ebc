#pragma once
// Lab: one organization at work, the runtime behind the console and scr-shell. It opens the directory,
// powers hosts as the directory says, mounts the databases that are mounted (soft recovery first), runs a
// replication service for each standby machine, drives mail flow, and moves the virtual clock. It does not
// validate: the cmdlets do, then call it.
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
    Directory &directory() { return *m_directory; }
    VirtualClock &clock() { return m_clock; }
    // The host's disk, where the directory says it is (a renamed host keeps its folder). A copy of the one
    // the lab keeps for the host: it shares that disk's power and logical space.
    HostDisk hostDisk(const QString &host);
    // The lab folder itself, for the lab's own files beside the hosts (backups/); never a host's disk.
    const HostDisk &labFolder() const { return m_labFolder; }
    Result<QString> hostOfServer(const QString &server);

    // The information store.
    Result<StoragePaths> storagePaths(const QString &host, const StorageGroupRecord &sg,
                                      const DatabaseRecord &db);
    // A failure raises event 1002 and is kept (mountError) until the database mounts or is dismounted.
    // A database that was mounted before (everMounted) is never started empty in place of a lost file unless
    // force (Mount-Database -Force: the dial-tone database).
    Status mountDatabase(const DatabaseRecord &db, bool force = false);
    Status dismountDatabase(const DatabaseRecord &db);
    MountedDatabase *mountedDatabase(const QUuid &guid);
    // Why the database's last mount failed (at open, at power-on or by Mount-Database); none once mounted.
    std::optional<Error> mountError(const QUuid &guid) const;
    // Who uses which file (a mounted database, a running SCR copy): FilesInUse (filesinuse.h).

    // Replication plumbing.
    Status startCopy(const ScrCopyRecord &copy);
    void stopCopy(const ScrCopyRecord &copy);
    CopyWorker *copyWorker(const ScrCopyRecord &copy);

    // Simulation.
    Status setHostPowered(const QString &host, bool on);
    // Set-Host -DiskSizeGB, after the directory was written: the host's disk has that capacity now.
    void setHostDiskSize(const QString &host, qint64 bytes);
    // Invoke-Fault ReadOnly / IOError / ClearDiskFault: the host's disk goes read-only (EROFS), fails every
    // read and write (EIO), or is mended (0). Kept in the directory, so every process sees the disk so;
    // its mounted databases are dismounted at the next step (event 482), and the copies whose source it
    // holds fail.
    Status setHostDiskFault(const QString &host, int err);
    // After Rename-Computer renamed hosts in the directory (in this order): each keeps its disk folder,
    // power and capacity under its new name; the copies that use it start again on it.
    Status hostsRenamed(const std::vector<std::pair<QString, QString>> &renames);
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
    SourcePosition lastSeenSource(const ScrCopyRecord &copy);
    // When the host was last powered off (0 if never): a dead source's failure time.
    qint64 poweredOffAt(const QString &host);
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
    // The shared disk of a host of the directory (made on first use, powered and sized as the directory
    // says); nullptr when the directory has no such host.
    HostDisk *sharedDisk(const QString &host);
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
    std::map<QString, HostDisk> m_disks; // by host name, upper case
    std::map<QUuid, std::unique_ptr<MountedDatabase>> m_mounted;
    std::map<QUuid, Error> m_mountErrors;
    std::map<QUuid, std::unique_ptr<MailFlow>> m_flows;
    std::map<QString, std::unique_ptr<ReplicationService>> m_services; // by standby machine, upper case
    std::map<qint64, QString> m_copyService;                           // copy id → its service's key
    qint64 m_lastSampleMs = 0;
    qint64 m_clockPersistedMs = 0; // the clock as persisted: it may run up to here before the next write
};

} // namespace scr
