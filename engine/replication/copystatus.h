#pragma once
// CopyStatus: one SCR copy's state as Exchange 2007 SP1's Get-StorageGroupCopyStatus reports it.

#include <cstdint>

#include <QMetaType>
#include <QString>

namespace scr {

// Exchange 2007 SP1's SummaryCopyStatus values for SCR (TechNet, "Monitoring Continuous Replication"):
//   Healthy       copying and replaying as configured (a queue may be long; the lengths say so)
//   Initializing  no closed log handled yet since the copy was enabled or seeded
//   Seeding       Update-StorageGroupCopy is copying the database: its marker (CopyWorker::kSeedMarkerName)
//                 is in the copy's LogFolderPath on the standby machine and the process that wrote it still
//                 runs, so every process that reads the files sees it. A marker whose process ended (killed
//                 mid-seed) leaves the copy Failed, saying to run Update-StorageGroupCopy again.
//   Suspended     Suspend-StorageGroupCopy; the copy queue keeps growing until Resume
//   Failed        FailedMessage says why; a source that cannot be reached is a failure, never Healthy
//   ServiceDown   the standby machine (its replication service) is not running
//   Disabled      no longer replicated
enum class SummaryCopyStatus { Healthy, Initializing, Seeding, Suspended, Failed, ServiceDown, Disabled };
QString summaryCopyStatusName(SummaryCopyStatus status);

struct CopyStatus
{
    QString identity;       // "MBX1\SG1"
    QString standbyMachine; // "MBX3"
    SummaryCopyStatus summary = SummaryCopyStatus::Initializing;
    bool failed = false;
    bool seeding = false;
    bool suspend = false;
    QString failedMessage;
    int failedEventId = 0;   // the event that reported the failure (2104, 2105, 2107); 0 when not failed
    qint64 failedTimeMs = 0; // when it failed, on the lab's clock
    QString suspendComment;
    QString note; // what the copy is waiting for, e.g. "waiting for initial replay (12/50 logs)"
    bool databaseExists = false;

    // The source's newest closed generation as its log stream says: E00.log's header names generation N, so
    // N - 1 was closed (or, with no E00.log, the newest closed log in the folder).
    uint32_t lastLogGenerated = 0;
    // The newest generation the copy was told is closed at the source: the newest whose closed log file
    // (E00<gen>.log) it has found there, never the generation being written, never more than
    // LastLogGenerated, and never less than LastLogCopied (a copied log was found). It can lag
    // LastLogGenerated when E00.log's header is ahead of the files the folder holds (a closed log deleted or
    // not yet visible); it does not fall when a backup truncates the logs it was told of.
    uint32_t lastLogCopyNotified = 0;
    uint32_t lastLogCopied = 0;
    uint32_t lastLogInspected = 0;
    uint32_t lastLogReplayed = 0;
    qint64 latestAvailableLogTime = 0; // ms since the epoch; 0 = never
    qint64 lastCopyNotifiedLogTime = 0;
    qint64 lastCopiedLogTime = 0;
    qint64 lastInspectedLogTime = 0;
    qint64 lastReplayedLogTime = 0;
    qint64 latestFullBackupTime = 0;
    qint64 replayLagMs = 0;
    qint64 truncationLagMs = 0;

    qint64 copyQueueLength() const
    {
        return lastLogGenerated > lastLogCopied ? lastLogGenerated - lastLogCopied : 0;
    }
    qint64 replayQueueLength() const
    {
        return lastLogInspected > lastLogReplayed ? lastLogInspected - lastLogReplayed : 0;
    }
};

} // namespace scr

Q_DECLARE_METATYPE(scr::CopyStatus)
