#pragma once
// CopyWorker: one SCR copy on its standby machine, a cycle at a time, when its ReplicationService runs it.
// A cycle runs the copy's steps in order, each a class of its own:
// - LogCopier: closed generations newer than LastLogCopied, from the source's LogFolderPath into
//   <LogFolderPath>\inspector on the standby machine;
// - LogInspector: signature, generation, checksums, chain; a good log moves (atomic rename) into
//   LogFolderPath, a bad copy is fetched again (3 tries), a log bad at the source fails the copy;
// - LaggedReplayer: generation g when g <= newest inspected - 50 (SCR's fixed lag) and g is older than
//   ReplayLagTime, through the store's LogReplayer;
// - LogTruncator: replayed logs older than ReplayLagTime + TruncationLagTime.
// They share the copy's files (CopyFiles, SpareLogs) and report through CopyReport. The worker decides what
// runs: nothing while the standby is off or a seed owns the files, only the source's watch while the copy is
// suspended or failed for good. Its position is read back from the files at start, so a restart resumes with
// no gap and no second replay.

#include "copycontext.h"
#include "copystatus.h"
#include "core/result.h"
#include "laggedreplayer.h"
#include "logcopier.h"
#include "loginspector.h"
#include "logtruncator.h"
#include "replicationevent.h"
#include "store/logreplayer.h"

#include <optional>

namespace scr {

class Clock;

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

    static constexpr uint32_t kReplayLagGenerations = scr::kReplayLagGenerations;
    static constexpr int kInspectorTries = LogInspector::kTries;
    static constexpr int kMaxLogsPerCycle = scr::kMaxLogsPerCycle;

    using EventSink = CopyReport::EventSink;
    using FailureSink = CopyReport::FailureSink;

    CopyWorker(CopyConfig config, const Clock &clock, EventSink events, FailureSink failures = {});
    CopyWorker(const CopyWorker &) = delete;
    CopyWorker &operator=(const CopyWorker &) = delete;

    // One pass of copier, inspector, replayer and truncator. Never throws; failures go into the status.
    void runCycle();
    CopyStatus status() const { return m_report.status(); }
    const CopyConfig &config() const { return m_config; }

    // announce=false: a copy the directory already holds suspended, started again (no new event).
    void suspend(const QString &comment, bool announce = true);
    void resume();
    void setLatestFullBackupTime(qint64 ms) { m_report.status().latestFullBackupTime = ms; }
    // Releases the copy's database file (before activation, or when the copy is disabled).
    void closeDatabase() { m_database.close(); }

private:
    // Every step's position, from the files.
    void loadPosition();
    // Seeding while a running process's seed marker is there; Failed (permanent) when its process ended.
    // Returns true while a seed runs: the copy then touches none of its files.
    bool checkSeed(bool announce);
    // Copier, inspector, replayer, then what the cycle found: a failure, the source gone, or a recovery.
    void runSteps();
    void refreshStatus();

    CopyConfig m_config;
    CopyReport m_report;
    CopyFiles m_files;
    CopyContext m_copy; // the above, as every step takes them
    SpareLogs m_spares;
    LogReplayer m_database; // the copy's database file
    LogCopier m_copier;
    LogInspector m_inspector;
    LaggedReplayer m_replayer;
    LogTruncator m_truncator;
    bool m_serviceDown = false;
};

} // namespace scr
