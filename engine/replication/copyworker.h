#pragma once
// CopyWorker: one SCR copy's pipeline on its standby machine, run a cycle at a time on a worker thread:
//   copier    closed generations newer than LastLogCopied, source LogFolderPath → <LogFolderPath>\inspector
//   inspector signature, generation, checksums, chain; a good log moves (atomic rename) into LogFolderPath,
//             a bad copy is fetched again (3 tries); a log bad at the source fails the copy
//   replayer  generation g when g <= newest inspected - 50 (SCR's fixed lag) and g is older than
//   ReplayLagTime truncator replayed logs older than ReplayLagTime + TruncationLagTime
// Its position is read back from the files at start, so a restart resumes with no gap and no second replay.

#include "copystatus.h"
#include "core/result.h"
#include "host/hostdisk.h"
#include "replicationevent.h"
#include "store/logreplayer.h"

#include <functional>
#include <map>
#include <optional>
#include <vector>

#include <QElapsedTimer>
#include <QUuid>

namespace scr {

class Clock;
class LogFile;

// A copy's failure as the directory keeps it (Exchange keeps a failed copy failed across a restart of its
// service): why (FailedMessage), the event that said so, when, and whether only an administrator clears it
// (Resume-StorageGroupCopy, Update-StorageGroupCopy) or the service too, once it finds the cause gone.
struct CopyFailure
{
    int eventId = 0;
    QString message;
    qint64 timeMs = 0;
    bool permanent = false;
};

struct CopyConfig
{
    QString identity;       // "MBX1\SG1"
    QString standbyMachine; // "MBX3"
    QString prefix = QStringLiteral("E00");
    HostDisk sourceDisk;     // the source's host: its LogFolderPath
    HostDisk targetDisk;     // the standby machine: the copy's logs and database
    QString sourceLogFolder; // local folders and files, resolved through each host's HostDisk
    QString targetLogFolder;
    QString targetEdbPath;
    QUuid databaseGuid;
    qint64 replayLagMs = 24 * 3600 * 1000;
    qint64 truncationLagMs = 0;
    QString displayTargetLogFolder; // Windows path, for messages
    qint64 sourceDownSinceMs = 0;   // when the lab knows the source host went down (0: not known to be down)
    // What the copy last saw of its source (kept by the lab), shown while the source cannot be reached.
    uint32_t lastSeenGeneration = 0;
    qint64 lastSeenGenerationTimeMs = 0;
    // Where the replayer adds what it measured of its replay speed (ReplayRate; the lab's folder); unset
    // (the default disk) measures nothing.
    std::optional<HostDisk> replayRateFolder;
    // The failure the directory holds for this copy (nullopt: none): the copy starts Failed with it, so a
    // new process shows it before its first cycle.
    std::optional<CopyFailure> recordedFailure;
};

// A seed in progress, as the marker Update-StorageGroupCopy keeps in the copy's LogFolderPath on the standby
// machine says. The owner is a pid and that process's start time (so a pid reused by another process is not
// taken for the seeder); the marker outlives a killed seeder, and then says so.
struct SeedMarker
{
    qint64 pid = 0;
    quint64 processStart = 0; // the owner's start time, in clock ticks since boot (/proc/<pid>/stat)
    qint64 startedMs = 0;     // on the lab's virtual clock
    bool ownerRunning = false;
};

class CopyWorker
{
public:
    static constexpr const char *kSeedMarkerName = "seeding.inprogress";
    // Written durably (temporary file, fdatasync, rename, folder fsync) before a seed deletes or writes
    // anything of the copy; removed durably when the seed ends, whether it succeeded, failed or was
    // cancelled.
    static Status beginSeed(const HostDisk &disk, const QString &targetLogFolder, qint64 nowMs);
    static Status endSeed(const HostDisk &disk, const QString &targetLogFolder);
    // nullopt when no seed marker is there (or it cannot be read).
    static std::optional<SeedMarker> readSeedMarker(const HostDisk &disk, const QString &targetLogFolder);
    static QString interruptedSeedMessage(const SeedMarker &marker);

    static constexpr uint32_t kReplayLagGenerations = 50; // SCR's fixed lag
    static constexpr int kInspectorTries = 3;
    static constexpr int kMaxLogsPerCycle = 64; // keeps a cycle short when far behind

    using EventSink = std::function<void(const ReplicationEvent &)>;
    // Told when the copy's failure is to be kept (a failure, or a new reason) and when it is gone (nullopt:
    // the copy recovered by itself, or was resumed), so that its owner keeps it in the directory.
    using FailureSink = std::function<void(const std::optional<CopyFailure> &)>;

    CopyWorker(CopyConfig config, const Clock &clock, EventSink events, FailureSink failures = {});
    // Writes the replay speed measured since the last write (ReplayRate).
    ~CopyWorker();
    CopyWorker(const CopyWorker &) = delete;
    CopyWorker &operator=(const CopyWorker &) = delete;

    // One pass of copier, inspector, replayer and truncator. Never throws; failures go into the status.
    void runCycle();
    CopyStatus status() const { return m_status; }
    const CopyConfig &config() const { return m_config; }

    // announce=false: a copy the directory already holds suspended, started again (no new event).
    void suspend(const QString &comment, bool announce = true);
    void resume();
    void setLatestFullBackupTime(qint64 ms) { m_status.latestFullBackupTime = ms; }
    // Releases the copy's database file (before activation, or when the copy is disabled).
    void closeDatabase() { m_replayer.close(); }

private:
    void loadPosition();
    // Seeding while a running process's seed marker is there; Failed (permanent) when its process ended.
    // Returns true while a seed runs: the copy then touches none of its files.
    bool checkSeed(bool announce);
    // The source's newest closed generation (0 when none), read from its open log's header (one small read:
    // the folder holds thousands of logs after a day without backup), else from a listing of its folder.
    // Updates LastLogGenerated; nullopt when the source cannot be reached.
    std::optional<uint32_t> observeSource();
    // Why the source's disk cannot be copied from though its host runs (read-only, I/O errors); empty: it
    // can.
    QString sourceDiskFault() const;
    void sourceLost(const QString &reason); // the source cannot be reached: event 2109 the first time
    // Why generation gen cannot be copied from the source (truncated by a backup or missing): a listing.
    void failMissingAtSource(uint32_t gen);
    // The copy learns that generation gen is closed at the source (its file was found there): raises
    // LastLogCopyNotified, never lowers it. createdMs 0: read from the source's header.
    void notifyClosed(uint32_t gen, qint64 createdMs);
    Status copyLogs();
    Status inspectLogs();
    Status replayLogs();
    void truncateLogs();
    Status fetch(uint32_t gen); // copy one generation into the inspector folder (temp file, fsync, rename)
    // Truncated logs become spares in the inspector folder that fetch() copies into: a steady copy then
    // allocates no inode per log (ext4 without a journal scans its recently deleted inodes on every create).
    static constexpr std::size_t kMaxSpares = 32;
    std::vector<QString> m_spares;
    Result<LogFile> checkInspected(const QString &path, uint32_t gen, bool isRefetch);
    // durable=false: a failure that every process finds again from the files and the directory alone (the
    // source cannot be reached: its host's power is in the directory); it is not kept, and it replaces a
    // kept failure that the service may clear.
    void fail(int eventId, const QString &message, bool permanent, bool durable = true);
    void failureCleared();             // the kept failure goes
    QString shown(QString text) const; // local folders of the lab replaced by the Windows path
    void emitEvent(int id, EventLevel level, const QString &text);
    void refreshStatus();
    QString sourceUnreachableMessage() const;
    // The creation time of generation gen (from the header at path the first time; cached by generation).
    qint64 creationTimeOf(uint32_t gen, const HostDisk &disk, const QString &path);

    QString sourcePath(uint32_t gen) const;
    QString inspectorPath(uint32_t gen) const;
    QString targetPath(uint32_t gen) const;
    QString inspectorFolder() const;

    CopyConfig m_config;
    const Clock &m_clock;
    EventSink m_events;
    FailureSink m_failures;
    bool m_failureKept = false; // a failure is kept in the directory (as far as this copy knows)
    LogReplayer m_replayer;
    CopyStatus m_status;
    std::map<uint32_t, int> m_tries;      // inspector failures per generation
    std::map<uint32_t, qint64> m_created; // creation time of generations we have looked at
    std::optional<qint64> m_lastInspectedCreation;
    std::optional<LogSignature> m_lastInspectedSignature; // of the newest generation in the copy's log folder
    uint32_t m_lowestKept = 0; // lowest generation still in the target LogFolderPath
    bool m_permanentFailure = false;
    bool m_sourceUnreachable = false;
    bool m_serviceDown = false;
    bool m_started = false; // the first status is not a change
    SummaryCopyStatus m_reportedSummary =
        SummaryCopyStatus::Initializing; // the standby machine is powered off: its replication service is not
                                         // running
    qint64 m_sourceUnreachableSinceMs = 0;
    QString m_sourceUnreachableReason;
    // Replay speed measured and not yet written to replayRateFolder (written at most every kRateFlushMs of
    // wall clock, the first measurement at once).
    static constexpr qint64 kRateFlushMs = 5000;
    void measuredReplay(qint64 logs, qint64 elapsedNs);
    void flushReplayRate();
    qint64 m_rateLogs = 0;
    qint64 m_rateNs = 0;
    QElapsedTimer m_rateFlushed;
};

} // namespace scr

Q_DECLARE_METATYPE(scr::CopyFailure)
