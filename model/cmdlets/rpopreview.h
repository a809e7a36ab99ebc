#pragma once
// The RPO preview of activating an SCR copy, read-only, before anything runs: the last generation the copy
// has copied and inspected and its time; what activating it now would lose (nothing when the source is
// reachable: its database is dismounted first and Restore-StorageGroupCopy copies the rest, the open log
// included; else the generations the copy never got and at most how many minutes of mail, the same
// computation Restore-StorageGroupCopy reports: activationLoss); and the replay left (the logs not in the
// copy's database yet) with how long it takes at the replay speed this lab has measured (ReplayRate).

#include "core/result.h"
#include "replication/copystatus.h"

#include <functional>
#include <optional>

#include <QStringList>

namespace scr {

class Lab;

struct RpoPreview
{
    QString identity;       // "MBX1\SG1"
    QString standbyMachine; // "MBX3"
    bool sourceReachable = false;
    bool sourceMounted = false; // its database is mounted (the wizard dismounts it first)
    SummaryCopyStatus status = SummaryCopyStatus::Initializing;
    QString statusText; // "Healthy", "Suspended", ...
    QString failedMessage;
    bool suspended = false;
    bool databaseExists = false; // the copy has a database file (seeded, or born from its logs)

    uint32_t lastLogInspected = 0; // the last copied (inspected) generation
    qint64 lastInspectedLogTimeMs = 0;
    uint32_t lastLogReplayed = 0;
    uint32_t lastLogGenerated = 0; // the source's newest closed generation (as last seen when unreachable)
    qint64 replayQueueLength = 0;  // inspected, not replayed yet
    // What activation adds before replay: the generations Restore copies now (source reachable).
    qint64 logsToCopyFirst = 0;

    // The loss if activated now.
    uint32_t lostGenerations = 0;
    bool openLogLost = false;
    qint64 lostTimeMs = 0;

    // The replay left once activated (eseutil /r): the logs from lastLogReplayed + 1 to the last one the copy
    // will hold.
    qint64 replayLogs = 0;
    std::optional<double> replayLogsPerSecond; // nullopt: not measured yet in this lab
    qint64 replayEstimateMs = 0;               // meaningful only with a measured rate

    bool losesData() const { return lostGenerations > 0 || openLogLost; }
    qint64 lostLogs() const { return qint64(lostGenerations) + (openLogLost ? 1 : 0); }
    qint64 lostMinutes() const { return (lostTimeMs + 59999) / 60000; }
    // The preview as lines for a page: last copied, loss, replay work and its estimate. time formats the
    // last copied log's time (the console passes its own format, displayTime); by default ISO, UTC.
    QStringList lines(const std::function<QString(qint64)> &time = {}) const;
};

namespace cmdlets {

// The preview for the SCR copy of storageGroup on standbyMachine; refused when there is no such copy.
Result<RpoPreview> previewRpo(const Lab &lab, const QString &storageGroup, const QString &standbyMachine);

// "1 min 05 s", "about 3 h 10 min": a wall-clock duration for an estimate.
QString durationText(qint64 ms);

} // namespace cmdlets
} // namespace scr
