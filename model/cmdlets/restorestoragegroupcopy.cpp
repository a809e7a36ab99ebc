#include "restorestoragegroupcopy.h"

#include <optional>

#include "command/commandline.h"
#include "lab/lab.h"
#include "replication/copyworker.h"
#include "store/database.h"
#include "store/logfile.h"
#include "store/logfolder.h"
#include "store/logstream.h"
#include "storagegroupcopy.h"
#include "validation.h"

namespace scr {

QString RestoreReport::summary() const
{
    if (sourceReachable && !leftBehind.isEmpty()) {
        const QString closed =
            lostGenerations == 0 ? QString()
            : lostGenerations == 1
                ? QStringLiteral("generation %1 (%2)").arg(lastLogCopied + 1).arg(leftBehind.first())
                : QStringLiteral("generations %1 to %2 (%3 to %4)")
                      .arg(lastLogCopied + 1)
                      .arg(lastLogGenerated)
                      .arg(leftBehind.first(), leftBehind.at(static_cast<qsizetype>(lostGenerations) - 1));
        const QString what = closed.isEmpty() ? leftBehind.last()
                             : openLogLost    ? closed + QStringLiteral(" and ") + leftBehind.last()
                                              : closed;
        return QStringLiteral(
                   "-Force did not copy the source's remaining logs: %1 %2 left behind on %3 in %4, "
                   "not in the activated copy%5. Without -Force, Restore-StorageGroupCopy copies "
                   "them first and nothing is lost.")
            .arg(what, leftBehind.size() == 1 ? QStringLiteral("was") : QStringLiteral("were"), sourceServer,
                 logFolderPath,
                 sourceDatabaseMounted ? QStringLiteral(" (its database is still mounted there)")
                                       : QString());
    }
    if (lostGenerations == 0 && !openLogLost)
        return QStringLiteral("No data was lost: the copy holds every log of %1 through generation %2.")
            .arg(identity)
            .arg(lastLogCopied);
    QString what = lostGenerations > 0 ? QStringLiteral("generations %1 to %2 and the open log")
                                             .arg(lastLogCopied + 1)
                                             .arg(lastLogGenerated)
                                       : QStringLiteral("the open log");
    const uint32_t logs = lostGenerations + (openLogLost ? 1 : 0);
    return QStringLiteral("Data was lost: %1 %2 (%3) never copied; at most %4 of mail, written after "
                          "generation %5.")
        .arg(logs)
        .arg(logs == 1 ? QStringLiteral("log was") : QStringLiteral("logs were"), what,
             ems::formatTimeSpan(lostTimeMs))
        .arg(lastLogCopied);
}

namespace cmdlets {
namespace {

constexpr int kMaxFinalCycles = 10000; // 64 logs a cycle: far more than any copy queue

} // namespace

ActivationLoss activationLoss(const Lab &lab, const ScrCopyRecord &copy, uint32_t inspected,
                              qint64 inspectedTimeMs, const QString &sourceHost, bool reachable)
{
    ActivationLoss loss;
    loss.lastLogCopied = inspected;
    loss.lastCopiedLogTimeMs = inspectedTimeMs;
    if (reachable) {
        loss.lastLogGenerated = inspected;
        return loss;
    }
    const Lab::SourcePosition seen = lab.lastSeenSource(copy);
    loss.lastLogGenerated = std::max(seen.lastLogGenerated, inspected);
    loss.lostGenerations = loss.lastLogGenerated - inspected;
    loss.openLogLost = true;
    loss.failureTimeMs = lab.poweredOffAt(sourceHost);
    const qint64 failure = loss.failureTimeMs > 0 ? loss.failureTimeMs : lab.clock().nowMs();
    loss.lostTimeMs = std::max<qint64>(0, failure - inspectedTimeMs);
    return loss;
}

namespace {

// What an activation works on, checked before anything changes.
struct RestoreTarget
{
    ScrCopyRecord copy;
    StorageGroupRecord sg;
    DatabaseRecord db;
    QString id; // the storage group's identity
    QString sourceHost;
    bool reachable = false;
    bool finalPass = false; // -Force does not contact the source (Exchange's): no dismount, no final copy
    CopyWorker *worker = nullptr;
    StoragePaths source;
    StoragePaths target;
    QString openName;      // E00.log
    QString inspector;     // the copy's inspector folder
    QString targetOpenLog; // E00.log on the standby machine
};

Result<RestoreTarget> checkRestore(Lab &lab, const RestoreStorageGroupCopyRequest &request)
{
    auto copy = findStorageGroupCopy(lab, request.identity, request.standbyMachine);
    if (!copy)
        return copy.error();
    auto sg = findStorageGroup(lab, request.identity);
    if (!sg)
        return sg.error();
    RestoreTarget t;
    t.copy = *copy;
    t.sg = *sg;
    t.id = sg->identity();
    const QString &id = t.id;
    if (request.replaceLocations)
        return refuse(id,
                      QStringLiteral("-ReplaceLocations is for local continuous replication, whose copy has "
                                     "other paths; the SCR copy on %1 already has the storage group's paths")
                          .arg(copy->standbyMachine),
                      QStringLiteral("leave -ReplaceLocations out"));
    auto dbs = lab.directory().databases(sg->id);
    if (!dbs)
        return dbs.error();
    if (dbs->size() != 1)
        return refuse(id, QStringLiteral("holds %1 databases; an SCR copy has one").arg(dbs->size()), {});
    t.db = dbs->front();
    auto standbyHost = reachableHostOf(lab, copy->standbyMachine);
    if (!standbyHost)
        return standbyHost.error();
    auto sourceHost = lab.hostOfServer(sg->server);
    if (!sourceHost)
        return sourceHost.error();
    t.sourceHost = *sourceHost;
    t.reachable = isPoweredOn(lab, *sourceHost);
    t.finalPass = t.reachable && !request.force;
    if (t.finalPass && lab.mountedDatabase(t.db.guid))
        return refuse(
            id + QLatin1Char('\\') + t.db.name,
            QStringLiteral("is mounted on %1; its newest logs are still being written").arg(sg->server),
            QStringLiteral("Dismount-Database %1\\%2 first, so that every log can be copied and nothing "
                           "is lost")
                .arg(id, t.db.name));
    if (!t.reachable && !request.force)
        return refuse(
            id,
            QStringLiteral("its source server %1 cannot be reached, so the logs the copy lacks cannot "
                           "be copied")
                .arg(sg->server),
            QStringLiteral("run Restore-StorageGroupCopy %1 -StandbyMachine %2 -Force to activate the "
                           "copy with the logs it has (the report says what is lost)")
                .arg(id, copy->standbyMachine));
    t.worker = lab.copyWorker(*copy);
    if (!t.worker)
        return refuse(
            id, QStringLiteral("the replication service on %1 is not running").arg(copy->standbyMachine),
            QStringLiteral("start the lab again"));
    if (!t.finalPass && t.worker->status().lastLogInspected == 0)
        return refuse(id,
                      QStringLiteral("the copy on %1 holds no log yet: there is nothing to activate")
                          .arg(copy->standbyMachine),
                      t.reachable
                          ? QStringLiteral("run it without -Force: with the source reachable, the copy "
                                           "takes every log first")
                          : QStringLiteral("restore the database from a backup instead"));
    auto source = lab.storagePaths(*sourceHost, *sg, t.db);
    auto target = lab.storagePaths(*standbyHost, *sg, t.db);
    if (!source)
        return source.error();
    if (!target)
        return target.error();
    t.source = *source;
    t.target = *target;
    // Room on the standby machine, and no link among what activation deletes, copies or writes there (the
    // inspector folder, the open log, the database's folder), nor on the source's open log.
    const HostDisk &disk = t.target.disk;
    t.openName = sg->logPrefix + QStringLiteral(".log");
    t.inspector = childPath(sg->logFolderPath, QStringLiteral("inspector"));
    t.targetOpenLog = childPath(sg->logFolderPath, t.openName);
    SCR_TRY(checkSpace(disk));
    SCR_TRY(checkTreeNoLink(disk, t.inspector));
    if (auto logs = filesIn(disk, sg->logFolderPath, sg->logPrefix + QStringLiteral("*")); !logs)
        return logs.error();
    for (const QString &path : {sg->systemFolderPath, t.db.edbFilePath})
        SCR_TRY(checkNoLink(disk, path));
    if (t.finalPass)
        SCR_TRY(checkNoLink(t.source.disk, childPath(sg->logFolderPath, t.openName)));
    return t;
}

// The final pass: the copier and inspector take every closed log the copy lacks.
Status runFinalPass(const RestoreTarget &t)
{
    auto listing = listLogFolder(t.source.disk, t.source.logFolder, t.sg.logPrefix);
    if (!listing)
        return listing.error();
    CopyWorker *worker = t.worker;
    if (worker->status().suspend)
        worker->resume();
    for (int i = 0; i < kMaxFinalCycles && worker->status().lastLogInspected < listing->lastClosed(); ++i) {
        const uint32_t was = worker->status().lastLogInspected;
        worker->runCycle();
        if (worker->status().failed || worker->status().lastLogInspected == was)
            break;
    }
    const CopyStatus s = worker->status();
    if (s.lastLogInspected < listing->lastClosed())
        return Error{t.id,
                     QStringLiteral("the final copy of the logs stopped at generation %1 of %2: %3")
                         .arg(s.lastLogInspected)
                         .arg(listing->lastClosed())
                         .arg(s.failedMessage.isEmpty() ? QStringLiteral("no progress") : s.failedMessage),
                     QStringLiteral("mend the cause, then run Restore-StorageGroupCopy again (the copy is "
                                    "still enabled)"),
                     JetCode::MissingLogFile};
    return {};
}

// -Force with the source reachable: every closed log after the last one copied, and E00.log, are left there.
void reportLeftOnSource(Lab &lab, const RestoreTarget &t, const LogFolderListing &listing,
                        RestoreReport &report)
{
    for (uint32_t gen : listing.closedGenerations)
        if (gen > report.lastLogCopied) {
            report.leftBehind << logFileName(t.sg.logPrefix, gen);
            ++report.lostGenerations;
            report.lastLogGenerated = gen;
        }
    report.lastLogGenerated = std::max(report.lastLogGenerated, report.lastLogCopied);
    report.openLogLost = listing.hasOpenLog;
    if (listing.hasOpenLog)
        report.leftBehind << t.openName;
    report.sourceDatabaseMounted = lab.mountedDatabase(t.db.guid) != nullptr;
    if (!report.leftBehind.isEmpty())
        report.lostTimeMs = std::max<qint64>(0, lab.clock().nowMs() - report.lastCopiedLogTimeMs);
}

} // namespace

Result<RestoreReport> restoreStorageGroupCopy(Lab &lab, const RestoreStorageGroupCopyRequest &request)
{
    auto checked = checkRestore(lab, request);
    if (!checked)
        return checked.error();
    const RestoreTarget &t = *checked;
    const HostDisk &disk = t.target.disk;
    const HostDisk &sourceDisk = t.source.disk;
    RestoreReport report;
    report.identity = t.id;
    report.standbyMachine = t.copy.standbyMachine;
    report.sourceReachable = t.reachable;
    report.logFolderPath = t.sg.logFolderPath;
    report.edbFilePath = t.db.edbFilePath;
    report.sourceServer = t.sg.server;
    const uint32_t before = t.worker->status().lastLogInspected;
    if (t.finalPass)
        SCR_TRY(runFinalPass(t));
    const CopyStatus s = t.worker->status();
    report.logsCopiedNow = static_cast<int>(s.lastLogInspected - before);
    report.lastLogCopied = s.lastLogInspected;
    report.lastCopiedLogTimeMs = s.lastInspectedLogTime;

    // What -Force leaves on the source (read, never changed; before anything ends, so a read that fails
    // changes nothing).
    std::optional<LogFolderListing> leftOnSource;
    if (t.reachable && !t.finalPass) {
        auto listing = listLogFolder(sourceDisk, t.source.logFolder, t.sg.logPrefix);
        if (!listing)
            return listing.error();
        leftOnSource = std::move(*listing);
    }

    // From here the copy ends: its worker lets go of the database file, the record goes.
    lab.stopCopy(t.copy);
    SCR_TRY(disk.removeRecursively(t.inspector));
    if (leftOnSource) {
        reportLeftOnSource(lab, t, *leftOnSource, report);
    } else if (t.reachable) {
        const QString from = childPath(t.sg.logFolderPath, t.openName);
        if (sourceDisk.exists(from)) {
            auto open = LogFile::load(sourceDisk, from, from);
            if (!open)
                return open.error();
            SCR_TRY(disk.removeFile(t.targetOpenLog));
            SCR_TRY(disk.copyFrom(sourceDisk, from, t.targetOpenLog));
            report.openLogCopied = true;
        }
        report.lastLogGenerated = report.lastLogCopied;
    } else {
        const ActivationLoss loss = activationLoss(lab, t.copy, report.lastLogCopied,
                                                   report.lastCopiedLogTimeMs, t.sourceHost, false);
        report.lastLogGenerated = loss.lastLogGenerated;
        report.lostGenerations = loss.lostGenerations;
        report.openLogLost = loss.openLogLost;
        report.failureTimeMs = loss.failureTimeMs;
        report.lostTimeMs = loss.lostTimeMs;
    }
    if (!disk.exists(t.targetOpenLog)) {
        // The store needs a current log to recover and mount: the stream goes on at the next generation,
        // with the copy's log signature, as Exchange's activation left it.
        auto stream = LogStream::open(disk, t.target.logFolder, t.sg.logPrefix, lab.clock());
        if (!stream)
            return stream.error();
    }
    SCR_TRY(lab.removeCopy(t.copy)); // its worker stopped already

    // The database's folder exists on the standby machine even before the copy's first replay: eseutil /r
    // makes the file there from the logs.
    SCR_TRY(disk.makeFolders(parentPath(t.db.edbFilePath)));
    if (disk.exists(t.db.edbFilePath)) {
        auto file = Database::open(disk, t.db.edbFilePath, Database::Access::ReadOnly, t.db.edbFilePath);
        report.databaseState = file ? databaseStateName((*file)->header().state) : file.error().reason;
    } else {
        report.databaseState = QStringLiteral("none yet (eseutil /r creates it from the logs)");
    }
    const bool lost = report.lostGenerations > 0 || report.openLogLost;
    lab.recordEvent({2110, lost ? EventLevel::Warning : EventLevel::Information,
                     QStringLiteral("MSExchangeRepl"),
                     QStringLiteral("The SCR copy of %1 on %2 was activated (Restore-StorageGroupCopy). %3")
                         .arg(t.id, t.copy.standbyMachine, report.summary()),
                     lab.clock().nowMs()});
    return report;
}

} // namespace cmdlets
} // namespace scr
