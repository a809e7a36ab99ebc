#pragma once
// CopyConfig: what one SCR copy is (its machines, folders, lags) and what the directory holds of it; with the
// failure the directory keeps and the seed marker, as every step of the copy's cycle reads them.

#include "host/hostdisk.h"

#include <cstdint>
#include <optional>

#include <QMetaType>
#include <QString>
#include <QUuid>

namespace scr {

inline constexpr uint32_t kReplayLagGenerations = 50; // SCR's fixed lag: the newest 50 logs stay unreplayed
inline constexpr int kMaxLogsPerCycle = 64; // what one step handles per cycle: short when far behind

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

} // namespace scr

Q_DECLARE_METATYPE(scr::CopyFailure)
