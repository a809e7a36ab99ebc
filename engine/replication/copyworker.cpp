#include "copyworker.h"

#include "core/clock.h"
#include "core/fileio.h"
#include "core/logging.h"
#include "replayrate.h"
#include "store/logfile.h"
#include "store/logfolder.h"

#include <algorithm>
#include <cerrno>
#include <fcntl.h>
#include <unistd.h>

#include <spdlog/spdlog.h>

#include <QDateTime>
#include <QRegularExpression>

namespace scr {

QString summaryCopyStatusName(SummaryCopyStatus status)
{
    switch (status) {
    case SummaryCopyStatus::Healthy:
        return QStringLiteral("Healthy");
    case SummaryCopyStatus::Initializing:
        return QStringLiteral("Initializing");
    case SummaryCopyStatus::Seeding:
        return QStringLiteral("Seeding");
    case SummaryCopyStatus::Failed:
        return QStringLiteral("Failed");
    case SummaryCopyStatus::Suspended:
        return QStringLiteral("Suspended");
    case SummaryCopyStatus::ServiceDown:
        return QStringLiteral("ServiceDown");
    case SummaryCopyStatus::Disabled:
        return QStringLiteral("Disabled");
    }
    return QStringLiteral("Unknown");
}

QString eventLevelName(EventLevel level)
{
    switch (level) {
    case EventLevel::Information:
        return QStringLiteral("Information");
    case EventLevel::Warning:
        return QStringLiteral("Warning");
    case EventLevel::Error:
        return QStringLiteral("Error");
    }
    return {};
}

namespace {

// An ESE error shown without its own fix (eseutil /r with /a is no fix for an SCR copy).
QString withoutFix(Error error)
{
    error.fix.clear();
    return error.toString();
}

// The fix for a copy whose source log is damaged: what an SCR copy can do about it.
QString sourceLogDamagedFix()
{
    return QStringLiteral(
        "The source's log is damaged: reseed the copy after a new full backup of the source "
        "(Suspend-StorageGroupCopy, then Update-StorageGroupCopy -DeleteExistingFiles), or "
        "repair the source");
}

// When process pid started, in clock ticks since boot (field 22 of /proc/<pid>/stat); nullopt when no such
// process runs. With the pid it names one process: a pid the kernel gave again later has another start time.
std::optional<quint64> processStartTicks(qint64 pid)
{
    // /proc is the kernel's, not a host's disk: read directly, not through HostDisk.
    if (pid <= 0)
        return std::nullopt;
    const QByteArray name =
        QByteArrayLiteral("/proc/") + QByteArray::number(pid) + QByteArrayLiteral("/stat");
    const int fd = ::open(name.constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return std::nullopt;
    char buffer[1024];
    const ssize_t n = ::read(fd, buffer, sizeof buffer - 1);
    ::close(fd);
    if (n <= 0)
        return std::nullopt;
    const QByteArray line(buffer, static_cast<qsizetype>(n));
    const qsizetype close = line.lastIndexOf(')'); // the command name may hold spaces and parentheses
    if (close < 0)
        return std::nullopt;
    const QList<QByteArray> fields = line.mid(close + 2).split(' ');
    // fields[0] is field 3 (state), so field 22 (starttime) is fields[19].
    if (fields.size() < 20 || fields[0] == "Z" || fields[0] == "X") // a zombie has ended
        return std::nullopt;
    bool ok = false;
    const quint64 ticks = fields[19].toULongLong(&ok);
    return ok ? std::optional<quint64>(ticks) : std::nullopt;
}

QString seedMarkerPath(const QString &targetLogFolder)
{
    return targetLogFolder + QLatin1Char('/') + QLatin1String(CopyWorker::kSeedMarkerName);
}

} // namespace

Status CopyWorker::beginSeed(const HostDisk &disk, const QString &targetLogFolder, qint64 nowMs)
{
    const qint64 pid = ::getpid();
    const auto start = processStartTicks(pid);
    SCR_TRY(disk.makeFolders(targetLogFolder));
    const QByteArray text = QStringLiteral("pid %1\nprocessStart %2\nstarted %3\n")
                                .arg(pid)
                                .arg(start.value_or(0))
                                .arg(nowMs)
                                .toLatin1();
    return disk.writeAtomically(seedMarkerPath(targetLogFolder), text);
}

Status CopyWorker::endSeed(const HostDisk &disk, const QString &targetLogFolder)
{
    if (!disk.exists(seedMarkerPath(targetLogFolder)))
        return {};
    SCR_TRY(disk.removeFile(seedMarkerPath(targetLogFolder)));
    return disk.syncFolder(targetLogFolder);
}

std::optional<SeedMarker> CopyWorker::readSeedMarker(const HostDisk &disk, const QString &targetLogFolder)
{
    const QString path = seedMarkerPath(targetLogFolder);
    if (!disk.exists(path)) // every cycle asks: one stat, no error to build
        return std::nullopt;
    auto text = disk.readAll(path);
    if (!text)
        return std::nullopt;
    SeedMarker marker;
    for (const QByteArray &line : text->split('\n')) {
        const QList<QByteArray> kv = line.trimmed().split(' ');
        if (kv.size() != 2)
            continue;
        if (kv[0] == "pid")
            marker.pid = kv[1].toLongLong();
        else if (kv[0] == "processStart")
            marker.processStart = kv[1].toULongLong();
        else if (kv[0] == "started")
            marker.startedMs = kv[1].toLongLong();
    }
    // A marker that names no process (torn, hand-made) is an interrupted seed: nothing runs it.
    const auto start = processStartTicks(marker.pid);
    marker.ownerRunning = start && (marker.processStart == 0 || *start == marker.processStart);
    return marker;
}

QString CopyWorker::interruptedSeedMessage(const SeedMarker &marker)
{
    return QStringLiteral("a seed (Update-StorageGroupCopy) started at %1 by process %2 did not finish (the "
                          "process ended); the copy's files are incomplete. Run Update-StorageGroupCopy "
                          "-DeleteExistingFiles again.")
        .arg(QDateTime::fromMSecsSinceEpoch(marker.startedMs, Qt::UTC)
                 .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'")))
        .arg(marker.pid);
}

bool CopyWorker::checkSeed(bool announce)
{
    const auto marker = readSeedMarker(m_config.targetDisk, m_config.targetLogFolder);
    m_status.seeding = marker && marker->ownerRunning;
    if (marker && !marker->ownerRunning) {
        const QString message = interruptedSeedMessage(*marker);
        if (announce) {
            fail(2104, message, true);
        } else {
            // Found at start: no event, as for a source found unreachable; the status says it. The marker
            // is its record: it stays until a seed ends.
            m_status.failed = true;
            m_status.failedMessage = message;
            m_status.failedEventId = 2104;
            m_status.failedTimeMs = marker->startedMs;
            m_permanentFailure = true;
        }
    }
    return m_status.seeding;
}

CopyWorker::CopyWorker(CopyConfig config, const Clock &clock, EventSink events, FailureSink failures)
    : m_config(std::move(config)), m_clock(clock), m_events(std::move(events)),
      m_failures(std::move(failures)),
      m_replayer(m_config.targetDisk, m_config.targetEdbPath, m_config.databaseGuid)
{
    m_status.identity = m_config.identity;
    m_status.standbyMachine = m_config.standbyMachine;
    m_status.replayLagMs = m_config.replayLagMs;
    m_status.truncationLagMs = m_config.truncationLagMs;
    // Failed from the first look with the failure the directory kept, before any cycle finds it again: a
    // new process (a fresh scr-shell, the console at start) says what the process that saw it said. An
    // interrupted seed's marker, read below, says more and wins.
    if (const auto &kept = m_config.recordedFailure; kept && !kept->message.isEmpty()) {
        m_status.failed = true;
        m_status.failedMessage = kept->message;
        m_status.failedEventId = kept->eventId;
        m_status.failedTimeMs = kept->timeMs;
        m_permanentFailure = kept->permanent;
        m_failureKept = true;
    }
    m_serviceDown = !m_config.targetDisk.isPoweredOn();
    if (!m_serviceDown)
        loadPosition();
    emitEvent(2090, EventLevel::Information,
              QStringLiteral("The SCR copy of %1 on %2 started: %3 logs inspected, %4 replayed.")
                  .arg(m_config.identity, m_config.standbyMachine)
                  .arg(m_status.lastLogInspected)
                  .arg(m_status.lastLogReplayed));
    refreshStatus();
}

QString CopyWorker::inspectorFolder() const
{
    return m_config.targetLogFolder + QStringLiteral("/inspector");
}

QString CopyWorker::sourcePath(uint32_t gen) const
{
    return m_config.sourceLogFolder + QLatin1Char('/') + logFileName(m_config.prefix, gen);
}

QString CopyWorker::inspectorPath(uint32_t gen) const
{
    return inspectorFolder() + QLatin1Char('/') + logFileName(m_config.prefix, gen);
}

QString CopyWorker::targetPath(uint32_t gen) const
{
    return m_config.targetLogFolder + QLatin1Char('/') + logFileName(m_config.prefix, gen);
}

qint64 CopyWorker::creationTimeOf(uint32_t gen, const HostDisk &disk, const QString &path)
{
    if (auto it = m_created.find(gen); it != m_created.end())
        return it->second;
    auto header = LogFile::readHeader(disk, path);
    if (!header || header->generation != gen)
        return 0;
    m_created[gen] = header->creationTimeMs;
    return header->creationTimeMs;
}

void CopyWorker::loadPosition()
{
    // Everything is read back from the files, so nothing can disagree with them after a crash.
    m_spares.clear();
    if (auto leftovers = m_config.targetDisk.fileNames(inspectorFolder(), QStringLiteral("*.tmp")))
        for (const QString &tmp : *leftovers) {
            const QString path = inspectorFolder() + QLatin1Char('/') + tmp;
            if (tmp.startsWith(QStringLiteral("spare-")) && m_spares.size() < kMaxSpares)
                m_spares.push_back(path); // a truncated log kept to copy into
            else
                (void)m_config.targetDisk.removeFile(path);
        }
    auto replayed = m_replayer.lastReplayedGeneration();
    m_status.lastLogReplayed = replayed ? *replayed : 0;
    auto target = listLogFolder(m_config.targetDisk, m_config.targetLogFolder, m_config.prefix);
    const bool haveTarget = target && !target->closedGenerations.empty();
    m_status.lastLogInspected = haveTarget ? target->lastClosed() : m_status.lastLogReplayed;
    m_lowestKept = haveTarget ? target->closedGenerations.front() : m_status.lastLogInspected + 1;
    m_lastInspectedCreation.reset();
    m_lastInspectedSignature.reset();
    if (haveTarget) {
        m_lastInspectedCreation = creationTimeOf(m_status.lastLogInspected, m_config.targetDisk,
                                                 targetPath(m_status.lastLogInspected));
        if (auto h = LogFile::readHeader(m_config.targetDisk, targetPath(m_status.lastLogInspected)))
            m_lastInspectedSignature = h->signature;
    }
    m_status.lastLogCopied = m_status.lastLogInspected;
    auto inspector = listLogFolder(m_config.targetDisk, inspectorFolder(), m_config.prefix);
    if (inspector)
        for (uint32_t gen : inspector->closedGenerations)
            if (gen == m_status.lastLogCopied + 1)
                m_status.lastLogCopied = gen;
    m_status.lastInspectedLogTime = m_lastInspectedCreation.value_or(0);
    // Every time field from the logs' own headers, so that a new process (a fresh scr-shell, the console at
    // start) shows what the files say before its first cycle.
    if (m_status.lastLogCopied > m_status.lastLogInspected)
        m_status.lastCopiedLogTime = creationTimeOf(m_status.lastLogCopied, m_config.targetDisk,
                                                    inspectorPath(m_status.lastLogCopied));
    else
        m_status.lastCopiedLogTime = m_status.lastInspectedLogTime;
    m_status.lastReplayedLogTime = m_status.lastLogReplayed == 0
                                       ? 0
                                       : creationTimeOf(m_status.lastLogReplayed, m_config.targetDisk,
                                                        targetPath(m_status.lastLogReplayed));
    // The source's newest closed log: what its open log's header names, as observeSource() reads it, else the
    // newest closed file of its folder; what was last seen when it cannot be reached.
    m_status.lastLogCopyNotified = 0;
    m_status.lastCopyNotifiedLogTime = 0;
    auto source = listLogFolder(m_config.sourceDisk, m_config.sourceLogFolder, m_config.prefix);
    const QString sourceFault = sourceDiskFault();
    if (source && sourceFault.isEmpty()) {
        std::optional<LogHeader> open;
        if (source->hasOpenLog)
            if (auto h =
                    LogFile::readHeader(m_config.sourceDisk, m_config.sourceLogFolder + QLatin1Char('/') +
                                                                 openLogFileName(m_config.prefix));
                h && h->prefix == m_config.prefix)
                open = *h;
        if (!source->closedGenerations.empty()) {
            // Told of the newest closed log the folder holds.
            const uint32_t newest = source->closedGenerations.back();
            m_status.lastLogCopyNotified = newest;
            m_status.lastCopyNotifiedLogTime =
                creationTimeOf(newest, m_config.sourceDisk, sourcePath(newest));
            m_status.lastLogGenerated = newest;
            m_status.latestAvailableLogTime = m_status.lastCopyNotifiedLogTime;
        }
        if (open && open->generation > 1 && open->generation - 1 >= m_status.lastLogGenerated) {
            // The open log names its predecessor and its time, even when a backup truncated every closed log.
            m_status.lastLogGenerated = open->generation - 1;
            m_status.latestAvailableLogTime = open->prevCreationTimeMs;
        }
    } else {
        m_status.lastLogGenerated = m_config.lastSeenGeneration;
        m_status.latestAvailableLogTime = m_config.lastSeenGenerationTimeMs;
        // What the copy was last told, as far as anything that survived the process says.
        m_status.lastLogCopyNotified = m_config.lastSeenGeneration;
        m_status.lastCopyNotifiedLogTime = m_config.lastSeenGenerationTimeMs;
        // Failed from the first look, as every process sees it; the event was raised when it happened.
        m_sourceUnreachable = true;
        m_sourceUnreachableSinceMs =
            m_config.sourceDownSinceMs > 0 ? m_config.sourceDownSinceMs : m_clock.nowMs();
        m_sourceUnreachableReason = sourceFault.isEmpty() ? source.error().reason : sourceFault;
        if (!m_status.suspend && !m_status.failed) {
            m_status.failed = true;
            m_status.failedMessage = shown(sourceUnreachableMessage());
            m_status.failedEventId = 2104;
            m_status.failedTimeMs = m_sourceUnreachableSinceMs;
        }
    }
    m_status.lastLogGenerated = std::max(m_status.lastLogGenerated, m_status.lastLogCopied);
    // A log copied was a log found closed at the source.
    if (m_status.lastLogCopied > m_status.lastLogCopyNotified) {
        m_status.lastLogCopyNotified = m_status.lastLogCopied;
        m_status.lastCopyNotifiedLogTime = m_status.lastCopiedLogTime;
    }
    checkSeed(false);
}

void CopyWorker::emitEvent(int id, EventLevel level, const QString &rawText)
{
    const QString text = shown(rawText);
    ReplicationEvent e;
    e.id = id;
    e.level = level;
    e.text = text;
    e.timeMs = m_clock.nowMs();
    const auto log = logging::get("repl");
    const std::string line = QStringLiteral("%1 %2").arg(id).arg(text).toStdString();
    level == EventLevel::Error     ? log->error(line)
    : level == EventLevel::Warning ? log->warn(line)
                                   : log->info(line);
    if (m_events)
        m_events(e);
}

QString CopyWorker::shown(QString text) const
{
    // Administrators read Windows paths, not the lab's folders: the copy's folders are the storage group's
    // LogFolderPath on both machines.
    if (m_config.displayTargetLogFolder.isEmpty())
        return text;
    // A fix's shell command (HostDisk's "rm '<local path>'" for a planted link) names the real path on this
    // machine: it stays as it is, or the command would name a Windows path that no shell here can remove.
    static const QRegularExpression command(QStringLiteral("rm '[^']*'"));
    if (const auto m = command.match(text); m.hasMatch())
        return shown(text.left(m.capturedStart())) + m.captured() + shown(text.mid(m.capturedEnd()));
    text.replace(m_config.targetLogFolder + QLatin1Char('/'),
                 m_config.displayTargetLogFolder + QLatin1Char('\\'));
    text.replace(m_config.targetLogFolder, m_config.displayTargetLogFolder);
    text.replace(m_config.sourceLogFolder + QLatin1Char('/'),
                 m_config.displayTargetLogFolder + QLatin1Char('\\'));
    text.replace(m_config.sourceLogFolder, m_config.displayTargetLogFolder);
    text.replace(QStringLiteral("\\inspector/"), QStringLiteral("\\inspector\\"));
    return text;
}

void CopyWorker::fail(int eventId, const QString &rawMessage, bool permanent, bool durable)
{
    const QString message = shown(rawMessage);
    const bool changed = !m_status.failed || m_status.failedMessage != message;
    if (changed) {
        emitEvent(eventId, EventLevel::Error,
                  QStringLiteral("The SCR copy of %1 on %2 failed: %3")
                      .arg(m_config.identity, m_config.standbyMachine, message));
        m_status.failedEventId = eventId;
        m_status.failedTimeMs = m_clock.nowMs();
    }
    m_status.failed = true;
    m_status.failedMessage = message;
    m_permanentFailure = m_permanentFailure || permanent;
    if (durable) {
        // Kept in the directory in the same step as the event: a process that starts later shows it.
        if ((changed || !m_failureKept) && m_failures)
            m_failures(
                CopyFailure{m_status.failedEventId, message, m_status.failedTimeMs, m_permanentFailure});
        m_failureKept = true;
    } else if (!m_permanentFailure) {
        // The reason now is one every process finds by itself; a kept reason would be an old one.
        failureCleared();
    }
}

void CopyWorker::failureCleared()
{
    if (!m_failureKept)
        return;
    m_failureKept = false;
    if (m_failures)
        m_failures(std::nullopt);
}

Status CopyWorker::fetch(uint32_t gen)
{
    SCR_TRY(m_config.targetDisk.makeFolders(inspectorFolder()));
    // Whole on disk before it gets its real name; the folder is flushed once for the batch (inspectLogs).
    QString spare;
    if (!m_spares.empty()) {
        spare = m_spares.back();
        m_spares.pop_back();
    }
    return m_config.targetDisk.copyFrom(m_config.sourceDisk, sourcePath(gen), inspectorPath(gen), false,
                                        spare);
}

QString CopyWorker::sourceDiskFault() const
{
    // The source host runs but its disk failed: its database was dismounted, and logs read from a disk
    // that fails or went read-only under its store are not a source to copy from (never Healthy).
    if (!m_config.sourceDisk.isPoweredOn())
        return {};
    switch (m_config.sourceDisk.ioFault()) {
    case EROFS:
        return QStringLiteral("its disk's file system went read-only (EROFS); its database was dismounted");
    case EIO:
        return QStringLiteral("its disk reports I/O errors (EIO)");
    default:
        return {};
    }
}

void CopyWorker::sourceLost(const QString &reason)
{
    if (!m_sourceUnreachable) {
        // Since when: the directory's power-off time when the lab knows it (it survives a restart), else
        // the first cycle that found the source gone.
        m_sourceUnreachableSinceMs =
            m_config.sourceDownSinceMs > 0 ? m_config.sourceDownSinceMs : m_clock.nowMs();
        emitEvent(2109, EventLevel::Warning,
                  QStringLiteral("The logs of %1 are unreachable: %2. The copy on %3 keeps the logs it has.")
                      .arg(m_config.identity, reason, m_config.standbyMachine));
    }
    m_sourceUnreachable = true;
    m_sourceUnreachableReason = reason;
}

std::optional<uint32_t> CopyWorker::observeSource()
{
    if (const QString fault = sourceDiskFault(); !fault.isEmpty()) {
        sourceLost(fault);
        return std::nullopt;
    }
    uint32_t newest = 0;
    qint64 newestCreated = 0;
    auto open = LogFile::readHeader(m_config.sourceDisk, m_config.sourceLogFolder + QLatin1Char('/') +
                                                             openLogFileName(m_config.prefix));
    if (open && open->prefix == m_config.prefix) {
        newest = open->generation - 1;
        newestCreated = open->prevCreationTimeMs;
    } else {
        // No open log (recovery accepted losing it, the stream moved on) or the source is unreachable.
        auto source = listLogFolder(m_config.sourceDisk, m_config.sourceLogFolder, m_config.prefix);
        if (!source) {
            sourceLost(source.error().reason);
            return std::nullopt;
        }
        if (!source->closedGenerations.empty()) {
            newest = source->closedGenerations.back();
            newestCreated = creationTimeOf(newest, m_config.sourceDisk, sourcePath(newest));
        }
    }
    m_sourceUnreachable = false;
    if (newest > 0) {
        if (newest != m_status.lastLogGenerated) {
            m_status.lastLogGenerated = newest;
            m_status.latestAvailableLogTime = newestCreated;
        }
        // Notified of the newest generation whose closed log is in the folder: usually the one the open log
        // names (one stat), else the newest below it that is there, looking back a cycle's worth at most.
        for (uint32_t gen = newest; gen > m_status.lastLogCopyNotified && newest - gen < kMaxLogsPerCycle;
             --gen)
            if (m_config.sourceDisk.exists(sourcePath(gen))) {
                notifyClosed(gen, gen == newest ? newestCreated : 0);
                break;
            }
        if (m_status.lastLogCopyNotified > newest) { // a stream that started again lower (never in SCR)
            m_status.lastLogCopyNotified = newest;
            m_status.lastCopyNotifiedLogTime = newestCreated;
        }
    }
    return newest;
}

void CopyWorker::notifyClosed(uint32_t gen, qint64 createdMs)
{
    if (gen <= m_status.lastLogCopyNotified)
        return;
    m_status.lastLogCopyNotified = gen;
    m_status.lastCopyNotifiedLogTime =
        createdMs > 0 ? createdMs : creationTimeOf(gen, m_config.sourceDisk, sourcePath(gen));
}

void CopyWorker::failMissingAtSource(uint32_t gen)
{
    auto source = listLogFolder(m_config.sourceDisk, m_config.sourceLogFolder, m_config.prefix);
    if (!source) {
        fail(2104, source.error().toString(), false);
        return;
    }
    const std::vector<uint32_t> &gens = source->closedGenerations;
    if (gens.empty() || gen < gens.front())
        fail(2104,
             QStringLiteral("generation %1 is no longer at the source (the oldest there is %2): the copy "
                            "needs a seed. Run Update-StorageGroupCopy.")
                 .arg(gen)
                 .arg(gens.empty() ? QStringLiteral("none") : QString::number(gens.front())),
             true);
    else
        fail(2104,
             QStringLiteral("generation %1 (%2) is missing at the source: the copy cannot go on without it "
                            "and needs a reseed. Run Suspend-StorageGroupCopy, then Update-StorageGroupCopy "
                            "-DeleteExistingFiles.")
                 .arg(gen)
                 .arg(logFileName(m_config.prefix, gen)),
             true);
}

Status CopyWorker::copyLogs()
{
    const auto newest = observeSource();
    if (!newest || *newest == 0)
        return {};
    uint32_t gen = m_status.lastLogCopied + 1;
    int copied = 0;
    for (; gen <= *newest && copied < kMaxLogsPerCycle; ++gen) {
        if (!m_config.targetDisk.exists(inspectorPath(gen))) {
            if (!m_config.sourceDisk.exists(sourcePath(gen))) {
                failMissingAtSource(gen);
                break;
            }
            if (auto st = fetch(gen); !st) {
                if (copied > 0)
                    (void)m_config.targetDisk.syncFolder(inspectorFolder());
                return st;
            }
            ++copied;
        }
        m_status.lastLogCopied = gen;
        m_status.lastCopiedLogTime = creationTimeOf(gen, m_config.targetDisk, inspectorPath(gen));
        notifyClosed(gen, m_status.lastCopiedLogTime); // it was there, closed
    }
    if (copied > 0)
        SCR_TRY(m_config.targetDisk.syncFolder(inspectorFolder()));
    return {};
}

Result<LogFile> CopyWorker::checkInspected(const QString &path, uint32_t gen, bool isRefetch)
{
    auto log = LogFile::load(m_config.targetDisk, path, logFileName(m_config.prefix, gen));
    if (!log)
        return log.error();
    const LogHeader &h = log->header();
    if (h.generation != gen)
        return Error{logFileName(m_config.prefix, gen),
                     QStringLiteral("holds generation %1").arg(h.generation),
                     {},
                     JetCode::LogGenerationMismatch};
    // The stream: the copy's database's, or before it exists (no replay yet), the last inspected log's.
    const std::optional<LogSignature> stream =
        m_replayer.database() ? std::optional(m_replayer.database()->header().logSignature)
                              : (isRefetch ? std::nullopt : m_lastInspectedSignature);
    if (stream && h.signature != *stream)
        return Error{logFileName(m_config.prefix, gen),
                     QStringLiteral("belongs to another log stream"),
                     {},
                     JetCode::BadLogSignature};
    // The chain: each generation names the creation time of the one before it.
    std::optional<qint64> previous = isRefetch ? std::nullopt : m_lastInspectedCreation;
    if (isRefetch && m_created.count(gen - 1))
        previous = m_created[gen - 1];
    if (previous && h.prevCreationTimeMs != *previous)
        return Error{logFileName(m_config.prefix, gen),
                     QStringLiteral("does not follow generation %1 of this stream").arg(gen - 1),
                     {},
                     JetCode::InvalidLogSequence};
    auto scan = log->scan(false);
    if (!scan)
        return scan.error();
    return log;
}

Status CopyWorker::inspectLogs()
{
    int moved = 0;
    for (uint32_t gen = m_status.lastLogInspected + 1;
         gen <= m_status.lastLogCopied && moved < kMaxLogsPerCycle; ++gen) {
        const QString path = inspectorPath(gen);
        auto log = checkInspected(path, gen, false);
        if (!log) {
            (void)m_config.targetDisk.removeFile(path);
            m_status.lastLogCopied = gen - 1; // the copier fetches it again
            const int tries = ++m_tries[gen];
            if (tries >= kInspectorTries) {
                auto atSource =
                    LogFile::load(m_config.sourceDisk, sourcePath(gen), logFileName(m_config.prefix, gen));
                auto sourceScan = atSource ? atSource->scan(false) : Result<LogScan>(atSource.error());
                if (!sourceScan)
                    fail(2105,
                         QStringLiteral("generation %1 (%2) is corrupt at the source: %3. %4")
                             .arg(gen)
                             .arg(logFileName(m_config.prefix, gen), withoutFix(sourceScan.error()),
                                  sourceLogDamagedFix()),
                         true);
                else
                    fail(2104,
                         QStringLiteral("generation %1 could not be copied intact in %2 tries: %3")
                             .arg(gen)
                             .arg(tries)
                             .arg(log.error().toString()),
                         true);
            } else {
                emitEvent(2106, EventLevel::Warning,
                          QStringLiteral(
                              "The copy of generation %1 of %2 on %3 was damaged (%4); fetching it again "
                              "(try %5 of %6).")
                              .arg(gen)
                              .arg(m_config.identity, m_config.standbyMachine, log.error().reason)
                              .arg(tries + 1)
                              .arg(kInspectorTries));
            }
            break;
        }
        SCR_TRY(m_config.targetDisk.rename(path, targetPath(gen), false));
        m_tries.erase(gen);
        m_lastInspectedCreation = log->header().creationTimeMs;
        m_lastInspectedSignature = log->header().signature;
        m_created[gen] = log->header().creationTimeMs;
        m_status.lastLogInspected = gen;
        m_status.lastInspectedLogTime = log->header().creationTimeMs;
        ++moved;
    }
    // Durable before LastLogInspected is reported: a backup at the source may truncate on its word.
    if (moved > 0)
        SCR_TRY(m_config.targetDisk.syncFolder(m_config.targetLogFolder));
    return {};
}

void CopyWorker::measuredReplay(qint64 logs, qint64 elapsedNs)
{
    if (!m_config.replayRateFolder)
        return;
    m_rateLogs += logs;
    m_rateNs += elapsedNs;
    if (m_rateFlushed.isValid() && m_rateFlushed.elapsed() < kRateFlushMs)
        return;
    flushReplayRate();
}

void CopyWorker::flushReplayRate()
{
    if (!m_config.replayRateFolder || m_rateLogs == 0)
        return;
    // A measurement that cannot be written is only a worse estimate later: the replay itself succeeded.
    if (ReplayRate::record(*m_config.replayRateFolder, m_rateLogs, m_rateNs)) {
        m_rateLogs = 0;
        m_rateNs = 0;
    }
    m_rateFlushed.start();
}

CopyWorker::~CopyWorker()
{
    flushReplayRate();
}

Status CopyWorker::replayLogs()
{
    const qint64 now = m_clock.nowMs();
    // The generations due are replayed together, in one transaction (LogReplayer::replay).
    std::vector<LogFile> batch;
    qint64 batchCreated = 0;
    const auto replayBatch = [&]() -> bool {
        if (batch.empty())
            return true;
        const bool hadDatabase = m_replayer.databaseExists();
        QElapsedTimer timer;
        timer.start();
        if (auto st = m_replayer.replay(batch); !st) {
            fail(2107, st.error().toString(), st.error().code != JetCode::DiskFull);
            batch.clear();
            return false;
        }
        if (!hadDatabase)
            emitEvent(2094, EventLevel::Information,
                      QStringLiteral(
                          "The database of the SCR copy of %1 on %2 was created by replaying generation %3.")
                          .arg(m_config.identity, m_config.standbyMachine)
                          .arg(batch.front().header().generation));
        if (hadDatabase) // the first replay also makes the file: not a replay speed
            measuredReplay(static_cast<qint64>(batch.size()), timer.nsecsElapsed());
        m_status.lastLogReplayed = batch.back().header().generation;
        m_status.lastReplayedLogTime = batchCreated;
        batch.clear();
        return true;
    };
    while (static_cast<int>(batch.size()) < kMaxLogsPerCycle) {
        const uint32_t gen = m_status.lastLogReplayed + 1 + static_cast<uint32_t>(batch.size());
        if (gen + kReplayLagGenerations > m_status.lastLogInspected)
            break;
        const QString path = targetPath(gen);
        const qint64 created = creationTimeOf(gen, m_config.targetDisk, path);
        if (now - created < m_config.replayLagMs)
            break;
        auto log = LogFile::load(m_config.targetDisk, path, logFileName(m_config.prefix, gen));
        if (log) {
            if (auto scan = log->scan(false); !scan)
                log = scan.error();
        }
        if (!log) {
            // The copy went bad on the standby's disk: replay what came before it, then fetch it again from
            // the source if it is still there.
            if (!replayBatch())
                return {};
            const QString why = log.error().reason;
            if (auto st = fetch(gen); !st) {
                fail(2107,
                     QStringLiteral(
                         "generation %1 of the copy is damaged (%2) and cannot be fetched again: %3. "
                         "Reseed the copy with Update-StorageGroupCopy.")
                         .arg(gen)
                         .arg(why, st.error().reason),
                     true);
                return {};
            }
            auto again = checkInspected(inspectorPath(gen), gen, true);
            if (!again) {
                (void)m_config.targetDisk.removeFile(inspectorPath(gen));
                fail(2105,
                     QStringLiteral("generation %1 is damaged on the standby and at the source: %2. %3")
                         .arg(gen)
                         .arg(withoutFix(again.error()), sourceLogDamagedFix()),
                     true);
                return {};
            }
            SCR_TRY(m_config.targetDisk.rename(inspectorPath(gen), path));
            emitEvent(2106, EventLevel::Warning,
                      QStringLiteral(
                          "Generation %1 of %2 on %3 was damaged (%4) and was fetched again from the source.")
                          .arg(gen)
                          .arg(m_config.identity, m_config.standbyMachine, why));
            log = std::move(again);
        }
        batch.push_back(std::move(*log));
        batchCreated = created;
        if (!m_replayer.databaseExists() && !replayBatch()) // the database is born from its first log alone
            return {};
    }
    replayBatch();
    return {};
}

void CopyWorker::truncateLogs()
{
    const qint64 limit = m_clock.nowMs() - (m_config.replayLagMs + m_config.truncationLagMs);
    // Never the last replayed generation: the database's Log Required starts there.
    while (m_lowestKept < m_status.lastLogReplayed) {
        const QString path = targetPath(m_lowestKept);
        if (m_config.targetDisk.exists(path)) {
            const qint64 created = creationTimeOf(m_lowestKept, m_config.targetDisk, path);
            if (created > limit)
                break;
            const QString spare = inspectorFolder() + QStringLiteral("/spare-%1.tmp").arg(m_lowestKept);
            if (m_spares.size() < kMaxSpares && m_config.targetDisk.rename(path, spare, false))
                m_spares.push_back(spare);
            else if (!m_config.targetDisk.removeFile(path))
                break;
        }
        m_created.erase(m_lowestKept);
        ++m_lowestKept;
    }
}

void CopyWorker::runCycle()
{
    // The standby machine itself is off: its replication service is down, nothing runs, nothing fails.
    if (!m_config.targetDisk.isPoweredOn()) {
        m_serviceDown = true;
        refreshStatus();
        return;
    }
    if (m_serviceDown) {
        m_serviceDown = false;
        loadPosition(); // the service starts again from what its files say
    }
    // A seed (another process's, or one this process began before the copy was stopped) owns the copy's
    // files while it runs; when it ends, the copy starts again from the files it left.
    const bool wasSeeding = m_status.seeding;
    if (checkSeed(true)) {
        observeSource();
        refreshStatus();
        return;
    }
    if (wasSeeding && !m_permanentFailure) {
        m_replayer.close(); // the seed replaced the database file
        loadPosition();
    }
    if (m_status.suspend || m_permanentFailure)
        observeSource(); // a stopped copy still shows how far behind it falls
    else {
        Status st = copyLogs();
        if (st)
            st = inspectLogs();
        if (st && !m_permanentFailure)
            st = replayLogs();
        if (!st) {
            fail(2104, st.error().toString(), false);
        } else if (m_sourceUnreachable) {
            // Never Healthy with the source gone: the copy keeps what it has, and says since when. Not
            // kept: the source host's power is in the directory, and every process finds it again.
            fail(2104, sourceUnreachableMessage(), false, false);
        } else if (m_status.failed && !m_permanentFailure) {
            emitEvent(2108, EventLevel::Information,
                      QStringLiteral("The SCR copy of %1 on %2 recovered from: %3")
                          .arg(m_config.identity, m_config.standbyMachine, m_status.failedMessage));
            m_status.failed = false;
            m_status.failedMessage.clear();
            m_status.failedEventId = 0;
            m_status.failedTimeMs = 0;
            failureCleared(); // the service found the cause gone: the directory forgets the failure
        }
        truncateLogs();
    }
    refreshStatus();
}

void CopyWorker::suspend(const QString &comment, bool announce)
{
    if (!m_status.suspend && announce)
        emitEvent(2092, EventLevel::Information,
                  comment.isEmpty() ? QStringLiteral("The SCR copy of %1 on %2 was suspended.")
                                          .arg(m_config.identity, m_config.standbyMachine)
                                    : QStringLiteral("The SCR copy of %1 on %2 was suspended: %3")
                                          .arg(m_config.identity, m_config.standbyMachine, comment));
    m_status.suspend = true;
    m_status.suspendComment = comment;
    refreshStatus();
}

void CopyWorker::resume()
{
    if (m_status.suspend || m_status.failed)
        emitEvent(2093, EventLevel::Information,
                  QStringLiteral("The SCR copy of %1 on %2 was resumed.")
                      .arg(m_config.identity, m_config.standbyMachine));
    m_status.suspend = false;
    m_status.suspendComment.clear();
    m_status.failed = false;
    m_status.failedMessage.clear();
    m_status.failedEventId = 0;
    m_status.failedTimeMs = 0;
    m_permanentFailure = false;
    failureCleared(); // an administrator's Resume clears a kept failure; the next cycle finds a real one
                      // again
    m_tries.clear();
    loadPosition();
    refreshStatus();
}

QString CopyWorker::sourceUnreachableMessage() const
{
    return QStringLiteral("the source %1 cannot be reached since %2: %3; its logs in %4 are not being copied")
        .arg(m_config.sourceDisk.hostName(),
             QDateTime::fromMSecsSinceEpoch(m_sourceUnreachableSinceMs, Qt::UTC)
                 .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'")),
             m_sourceUnreachableReason,
             m_config.displayTargetLogFolder.isEmpty() ? m_config.sourceLogFolder
                                                       : m_config.displayTargetLogFolder);
}

void CopyWorker::refreshStatus()
{
    m_status.databaseExists = m_replayer.databaseExists();
    m_status.note.clear();
    if (!m_status.databaseExists) {
        const uint32_t have = std::min<uint32_t>(m_status.lastLogInspected, kReplayLagGenerations);
        m_status.note = have < kReplayLagGenerations
                            ? QStringLiteral("waiting for initial replay (%1/%2 logs)")
                                  .arg(have)
                                  .arg(kReplayLagGenerations)
                            : QStringLiteral("waiting for initial replay (ReplayLagTime has not passed)");
    }
    if (m_sourceUnreachable)
        m_status.note = QStringLiteral("the source's logs are unreachable");
    if (m_serviceDown)
        m_status.note =
            QStringLiteral("the replication service on %1 is not running (the host is powered off)")
                .arg(m_config.standbyMachine);
    if (m_status.seeding)
        m_status.note = QStringLiteral("Update-StorageGroupCopy is seeding the copy");
    if (m_serviceDown)
        m_status.summary = SummaryCopyStatus::ServiceDown;
    else if (m_status.seeding)
        m_status.summary = SummaryCopyStatus::Seeding; // the seed replaces the copy's files, whatever was so
    else if (m_status.failed && m_permanentFailure)
        // A failure only an administrator clears (a corrupt source log, a damaged database, an interrupted
        // seed) is not hidden by a suspend: Suspended would say the copy's files are whole.
        m_status.summary = SummaryCopyStatus::Failed;
    else if (m_status.suspend)
        m_status.summary = SummaryCopyStatus::Suspended;
    else if (m_status.failed)
        m_status.summary = SummaryCopyStatus::Failed;
    else if (m_status.lastLogInspected == 0 && !m_status.databaseExists)
        m_status.summary = SummaryCopyStatus::Initializing; // no closed log handled yet
    else
        m_status.summary = SummaryCopyStatus::Healthy;
    // Every change of status is an event; those without one of their own (suspend 2092, resume 2093, a
    // failure 2104/2105/2107, a recovery 2108) get 2111.
    const SummaryCopyStatus was = m_reportedSummary;
    m_reportedSummary = m_status.summary;
    const bool ownEvent = m_status.summary == SummaryCopyStatus::Suspended ||
                          m_status.summary == SummaryCopyStatus::Failed ||
                          was == SummaryCopyStatus::Suspended || was == SummaryCopyStatus::Failed;
    if (m_started && was != m_status.summary && !ownEvent)
        emitEvent(2111,
                  m_status.summary == SummaryCopyStatus::ServiceDown ? EventLevel::Warning
                                                                     : EventLevel::Information,
                  QStringLiteral("The SCR copy of %1 on %2 is %3 (it was %4).")
                      .arg(m_config.identity, m_config.standbyMachine,
                           summaryCopyStatusName(m_status.summary), summaryCopyStatusName(was)));
    m_started = true;
}

} // namespace scr
