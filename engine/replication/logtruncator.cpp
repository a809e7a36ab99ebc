#include "logtruncator.h"

#include "copyfiles.h"
#include "core/clock.h"

namespace scr {

LogTruncator::LogTruncator(const CopyConfig &config, const Clock &clock, CopyFiles &files, SpareLogs &spares)
    : m_config(config), m_clock(clock), m_files(files), m_spares(spares)
{}

void LogTruncator::loadPosition(const std::optional<LogFolderListing> &target, uint32_t lastInspected)
{
    const bool haveTarget = target && !target->closedGenerations.empty();
    m_lowestKept = haveTarget ? target->closedGenerations.front() : lastInspected + 1;
}

void LogTruncator::truncateLogs(uint32_t lastReplayed)
{
    const qint64 limit = m_clock.nowMs() - (m_config.replayLagMs + m_config.truncationLagMs);
    // Never the last replayed generation: the database's Log Required starts there.
    while (m_lowestKept < lastReplayed) {
        const QString path = m_files.targetPath(m_lowestKept);
        if (m_config.targetDisk.exists(path)) {
            const qint64 created = m_files.creationTimeOf(m_lowestKept, m_config.targetDisk, path);
            if (created > limit)
                break;
            if (!m_spares.keep(m_lowestKept, path) && !m_config.targetDisk.removeFile(path))
                break;
        }
        m_files.forget(m_lowestKept);
        ++m_lowestKept;
    }
}

} // namespace scr
