#include "logcopier.h"

#include "copyfiles.h"
#include "copyreport.h"
#include "core/clock.h"
#include "store/logfile.h"
#include "store/logfolder.h"

#include <algorithm>
#include <cerrno>

#include <QDateTime>

namespace scr {

LogCopier::LogCopier(const CopyContext &copy, SpareLogs &spares) : m_copy(copy), m_spares(spares) {}

void LogCopier::loadPosition()
{
    m_copy.status().lastLogCopied = m_copy.status().lastLogInspected;
    auto inspector =
        listLogFolder(m_copy.config.targetDisk, m_copy.files.inspectorFolder(), m_copy.config.prefix);
    if (inspector)
        for (uint32_t gen : inspector->closedGenerations)
            if (gen == m_copy.status().lastLogCopied + 1)
                m_copy.status().lastLogCopied = gen;
    // Every time field from the logs' own headers, so that a new process (a fresh scr-shell, the console at
    // start) shows what the files say before its first cycle.
    if (m_copy.status().lastLogCopied > m_copy.status().lastLogInspected)
        m_copy.status().lastCopiedLogTime =
            m_copy.files.creationTimeOf(m_copy.status().lastLogCopied, m_copy.config.targetDisk,
                                        m_copy.files.inspectorPath(m_copy.status().lastLogCopied));
    else
        m_copy.status().lastCopiedLogTime = m_copy.status().lastInspectedLogTime;
    loadSourcePosition();
}

void LogCopier::loadSourcePosition()
{
    // The source's newest closed log: what its open log's header names, as observeSource() reads it, else the
    // newest closed file of its folder; what was last seen when it cannot be reached.
    m_copy.status().lastLogCopyNotified = 0;
    m_copy.status().lastCopyNotifiedLogTime = 0;
    auto source =
        listLogFolder(m_copy.config.sourceDisk, m_copy.config.sourceLogFolder, m_copy.config.prefix);
    const QString sourceFault = sourceDiskFault();
    if (source && sourceFault.isEmpty()) {
        std::optional<LogHeader> open;
        if (source->hasOpenLog)
            if (auto h = LogFile::readHeader(m_copy.config.sourceDisk, m_copy.files.sourceOpenLogPath());
                h && h->prefix == m_copy.config.prefix)
                open = *h;
        if (!source->closedGenerations.empty()) {
            // Told of the newest closed log the folder holds.
            const uint32_t newest = source->closedGenerations.back();
            m_copy.status().lastLogCopyNotified = newest;
            m_copy.status().lastCopyNotifiedLogTime = m_copy.files.creationTimeOf(
                newest, m_copy.config.sourceDisk, m_copy.files.sourcePath(newest));
            m_copy.status().lastLogGenerated = newest;
            m_copy.status().latestAvailableLogTime = m_copy.status().lastCopyNotifiedLogTime;
        }
        if (open && open->generation > 1 && open->generation - 1 >= m_copy.status().lastLogGenerated) {
            // The open log names its predecessor and its time, even when a backup truncated every closed log.
            m_copy.status().lastLogGenerated = open->generation - 1;
            m_copy.status().latestAvailableLogTime = open->prevCreationTimeMs;
        }
    } else {
        m_copy.status().lastLogGenerated = m_copy.config.lastSeenGeneration;
        m_copy.status().latestAvailableLogTime = m_copy.config.lastSeenGenerationTimeMs;
        // What the copy was last told, as far as anything that survived the process says.
        m_copy.status().lastLogCopyNotified = m_copy.config.lastSeenGeneration;
        m_copy.status().lastCopyNotifiedLogTime = m_copy.config.lastSeenGenerationTimeMs;
        // Failed from the first look, as every process sees it; the event was raised when it happened.
        m_sourceUnreachable = true;
        m_sourceUnreachableSinceMs =
            m_copy.config.sourceDownSinceMs > 0 ? m_copy.config.sourceDownSinceMs : m_copy.clock.nowMs();
        m_sourceUnreachableReason = sourceFault.isEmpty() ? source.error().reason : sourceFault;
        if (!m_copy.status().suspend && !m_copy.status().failed)
            m_copy.report.failedAtStart(2104, m_copy.report.shown(sourceUnreachableMessage()),
                                        m_sourceUnreachableSinceMs, m_copy.report.permanentFailure());
    }
    m_copy.status().lastLogGenerated =
        std::max(m_copy.status().lastLogGenerated, m_copy.status().lastLogCopied);
    // A log copied was a log found closed at the source.
    if (m_copy.status().lastLogCopied > m_copy.status().lastLogCopyNotified) {
        m_copy.status().lastLogCopyNotified = m_copy.status().lastLogCopied;
        m_copy.status().lastCopyNotifiedLogTime = m_copy.status().lastCopiedLogTime;
    }
}

void LogCopier::sourceLost(const QString &reason)
{
    if (!m_sourceUnreachable) {
        // Since when: the directory's power-off time when the lab knows it (it survives a restart), else
        // the first cycle that found the source gone.
        m_sourceUnreachableSinceMs =
            m_copy.config.sourceDownSinceMs > 0 ? m_copy.config.sourceDownSinceMs : m_copy.clock.nowMs();
        m_copy.report.emitEvent(
            2109, EventLevel::Warning,
            QStringLiteral("The logs of %1 are unreachable: %2. The copy on %3 keeps the logs it has.")
                .arg(m_copy.config.identity, reason, m_copy.config.standbyMachine));
    }
    m_sourceUnreachable = true;
    m_sourceUnreachableReason = reason;
}

QString LogCopier::sourceDiskFault() const
{
    // The source host runs but its disk failed: its database was dismounted, and logs read from a disk
    // that fails or went read-only under its store are not a source to copy from (never Healthy).
    if (!m_copy.config.sourceDisk.isPoweredOn())
        return {};
    switch (m_copy.config.sourceDisk.ioFault()) {
    case EROFS:
        return QStringLiteral("its disk's file system went read-only (EROFS); its database was dismounted");
    case EIO:
        return QStringLiteral("its disk reports I/O errors (EIO)");
    default:
        return {};
    }
}

std::optional<uint32_t> LogCopier::observeSource()
{
    if (const QString fault = sourceDiskFault(); !fault.isEmpty()) {
        sourceLost(fault);
        return std::nullopt;
    }
    uint32_t newest = 0;
    qint64 newestCreated = 0;
    auto open = LogFile::readHeader(m_copy.config.sourceDisk, m_copy.files.sourceOpenLogPath());
    if (open && open->prefix == m_copy.config.prefix) {
        newest = open->generation - 1;
        newestCreated = open->prevCreationTimeMs;
    } else {
        // No open log (recovery accepted losing it, the stream moved on) or the source is unreachable.
        auto source =
            listLogFolder(m_copy.config.sourceDisk, m_copy.config.sourceLogFolder, m_copy.config.prefix);
        if (!source) {
            sourceLost(source.error().reason);
            return std::nullopt;
        }
        if (!source->closedGenerations.empty()) {
            newest = source->closedGenerations.back();
            newestCreated = m_copy.files.creationTimeOf(newest, m_copy.config.sourceDisk,
                                                        m_copy.files.sourcePath(newest));
        }
    }
    m_sourceUnreachable = false;
    if (newest > 0) {
        if (newest != m_copy.status().lastLogGenerated) {
            m_copy.status().lastLogGenerated = newest;
            m_copy.status().latestAvailableLogTime = newestCreated;
        }
        // Notified of the newest generation whose closed log is in the folder: usually the one the open log
        // names (one stat), else the newest below it that is there, looking back a cycle's worth at most.
        for (uint32_t gen = newest;
             gen > m_copy.status().lastLogCopyNotified && newest - gen < kMaxLogsPerCycle; --gen)
            if (m_copy.config.sourceDisk.exists(m_copy.files.sourcePath(gen))) {
                notifyClosed(gen, gen == newest ? newestCreated : 0);
                break;
            }
        if (m_copy.status().lastLogCopyNotified >
            newest) { // a stream that started again lower (never in SCR)
            m_copy.status().lastLogCopyNotified = newest;
            m_copy.status().lastCopyNotifiedLogTime = newestCreated;
        }
    }
    return newest;
}

void LogCopier::notifyClosed(uint32_t gen, qint64 createdMs)
{
    if (gen <= m_copy.status().lastLogCopyNotified)
        return;
    m_copy.status().lastLogCopyNotified = gen;
    m_copy.status().lastCopyNotifiedLogTime =
        createdMs > 0
            ? createdMs
            : m_copy.files.creationTimeOf(gen, m_copy.config.sourceDisk, m_copy.files.sourcePath(gen));
}

void LogCopier::failMissingAtSource(uint32_t gen)
{
    auto source =
        listLogFolder(m_copy.config.sourceDisk, m_copy.config.sourceLogFolder, m_copy.config.prefix);
    if (!source) {
        m_copy.report.fail(2104, source.error().toString(), false);
        return;
    }
    const std::vector<uint32_t> &gens = source->closedGenerations;
    if (gens.empty() || gen < gens.front())
        m_copy.report.fail(
            2104,
            QStringLiteral("generation %1 is no longer at the source (the oldest there is %2): the copy "
                           "needs a seed. Run Update-StorageGroupCopy.")
                .arg(gen)
                .arg(gens.empty() ? QStringLiteral("none") : QString::number(gens.front())),
            true);
    else
        m_copy.report.fail(
            2104,
            QStringLiteral("generation %1 (%2) is missing at the source: the copy cannot go on without it "
                           "and needs a reseed. Run Suspend-StorageGroupCopy, then Update-StorageGroupCopy "
                           "-DeleteExistingFiles.")
                .arg(gen)
                .arg(m_copy.files.fileName(gen)),
            true);
}

Status LogCopier::copyLogs()
{
    const auto newest = observeSource();
    if (!newest || *newest == 0)
        return {};
    uint32_t gen = m_copy.status().lastLogCopied + 1;
    int copied = 0;
    for (; gen <= *newest && copied < kMaxLogsPerCycle; ++gen) {
        if (!m_copy.config.targetDisk.exists(m_copy.files.inspectorPath(gen))) {
            if (!m_copy.config.sourceDisk.exists(m_copy.files.sourcePath(gen))) {
                failMissingAtSource(gen);
                break;
            }
            if (auto st = fetch(gen); !st) {
                if (copied > 0)
                    (void)m_copy.config.targetDisk.syncFolder(m_copy.files.inspectorFolder());
                return st;
            }
            ++copied;
        }
        m_copy.status().lastLogCopied = gen;
        m_copy.status().lastCopiedLogTime =
            m_copy.files.creationTimeOf(gen, m_copy.config.targetDisk, m_copy.files.inspectorPath(gen));
        notifyClosed(gen, m_copy.status().lastCopiedLogTime); // it was there, closed
    }
    if (copied > 0)
        SCR_TRY(m_copy.config.targetDisk.syncFolder(m_copy.files.inspectorFolder()));
    return {};
}

Status LogCopier::fetch(uint32_t gen)
{
    SCR_TRY(m_copy.config.targetDisk.makeFolders(m_copy.files.inspectorFolder()));
    // Whole on disk before it gets its real name; the folder is flushed once for the batch (copyLogs).
    return m_copy.config.targetDisk.copyFrom(m_copy.config.sourceDisk, m_copy.files.sourcePath(gen),
                                             m_copy.files.inspectorPath(gen), false, m_spares.take());
}

QString LogCopier::sourceUnreachableMessage() const
{
    return QStringLiteral("the source %1 cannot be reached since %2: %3; its logs in %4 are not being copied")
        .arg(m_copy.config.sourceDisk.hostName(),
             QDateTime::fromMSecsSinceEpoch(m_sourceUnreachableSinceMs, Qt::UTC)
                 .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'")),
             m_sourceUnreachableReason,
             m_copy.config.displayTargetLogFolder.isEmpty() ? m_copy.config.sourceLogFolder
                                                            : m_copy.config.displayTargetLogFolder);
}

} // namespace scr
