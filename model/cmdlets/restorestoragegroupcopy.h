#pragma once
// Restore-StorageGroupCopy: ends an SCR copy and makes its files on the standby machine ready to mount.
// With the source reachable (its database must be dismounted) it first copies and inspects every log the
// copy lacks, the open log included, so nothing is lost. With the source unreachable it refuses unless
// -Force, and then says what is lost: the generations never copied (the RPO), in logs and in time.
// -Force, as Exchange's (TechNet aa996024): the source is not contacted at all, so even a reachable source's
// remaining logs are not copied (nor is its database's mount state checked); the report names every log left
// behind on the source, and that running without -Force copies them.

#include "core/result.h"
#include "directory/records.h"

namespace scr {

class Lab;

struct RestoreStorageGroupCopyRequest
{
    QString identity;       // "MBX1\SG1"
    QString standbyMachine; // "MBX3"
    bool force = false;
    bool replaceLocations = false; // LCR's; refused for SCR, whose copy already has the source's paths
};

struct RestoreReport
{
    QString identity;
    QString standbyMachine;
    bool sourceReachable = false;
    int logsCopiedNow = 0;         // closed generations the final pass copied
    bool openLogCopied = false;    // the source's E00.log, taken once its database was dismounted
    uint32_t lastLogCopied = 0;    // the newest generation now on the standby machine
    uint32_t lastLogGenerated = 0; // the source's newest closed generation, as last seen
    uint32_t lostGenerations = 0;  // closed generations never copied (the open log is lost too when > 0
                                   // or when the source is unreachable)
    bool openLogLost = false;
    // -Force with the source reachable: the logs it still holds that the copy never got (file names, oldest
    // first, E00.log last), still on the source, in sourceLogFolderPath on sourceServer.
    QStringList leftBehind;
    QString sourceServer;
    bool sourceDatabaseMounted = false; // -Force did not ask for a dismount: the source still writes logs
    qint64 lastCopiedLogTimeMs = 0;     // creation time of lastLogCopied
    qint64 failureTimeMs = 0;           // when the source was powered off; 0 when reachable
    qint64 lostTimeMs = 0;              // at most this much mail, written after lastCopiedLogTimeMs
    QString databaseState; // of the copy's file: "Dirty Shutdown", "Clean Shutdown", or "none yet"
    QString logFolderPath; // on the standby machine (the source's paths, as SCR keeps them)
    QString edbFilePath;

    QString summary()
        const; // one line: "no data lost" or "lost 3 generations (E00..) and E00.log: at most 0.00:04:10"
};

// What activating a copy with the source unreachable (-Force) loses, from what the copy has inspected and
// what it last saw of its source: the one computation Restore-StorageGroupCopy reports and the wizard's
// preview shows before anything runs. With the source reachable nothing is lost (the final pass copies the
// rest, the open log included).
struct ActivationLoss
{
    uint32_t lastLogCopied = 0;     // the newest generation inspected on the standby machine
    qint64 lastCopiedLogTimeMs = 0; // its creation time
    uint32_t lastLogGenerated = 0;  // the source's newest closed generation, as last seen
    uint32_t lostGenerations = 0;
    bool openLogLost = false;
    qint64 failureTimeMs = 0; // when the source host was powered off; 0 when reachable (or not known)
    qint64 lostTimeMs = 0;    // at most this much mail
};

namespace cmdlets {

// Read-only. copy: the SCR copy; inspected/inspectedTimeMs: its LastLogInspected and that log's time;
// sourceHost: the source's host; reachable: whether it is powered on.
ActivationLoss activationLoss(const Lab &lab, const ScrCopyRecord &copy, uint32_t inspected,
                              qint64 inspectedTimeMs, const QString &sourceHost, bool reachable);

Result<RestoreReport> restoreStorageGroupCopy(Lab &lab, const RestoreStorageGroupCopyRequest &request);

} // namespace cmdlets
} // namespace scr
