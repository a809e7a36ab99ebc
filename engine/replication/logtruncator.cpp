#include "logtruncator.h"

#include "copyfiles.h"
#include "core/clock.h"

namespace scr {

LogTruncator::LogTruncator(const CopyContext &copy, SpareLogs &spares) : m_copy(copy), m_spares(spares) {}

void LogTruncator::loadPosition(const std::optional<LogFolderListing> &target, uint32_t lastInspected)
{
    const bool haveTarget = target && !target->closedGenerations.empty();
    m_lowestKept = haveTarget ? target->closedGenerations.front() : lastInspected + 1;
}

void LogTruncator::truncateLogs(uint32_t lastReplayed)
{
    const qint64 limit = m_copy.clock.nowMs() - (m_copy.config.replayLagMs + m_copy.config.truncationLagMs);
    // Never the last replayed generation: the database's Log Required starts there.
    while (m_lowestKept < lastReplayed) {
        const QString path = m_copy.files.targetPath(m_lowestKept);
        if (m_copy.config.targetDisk.exists(path)) {
            const qint64 created = m_copy.files.creationTimeOf(m_lowestKept, m_copy.config.targetDisk, path);
            if (created > limit)
                break;
            if (!m_spares.keep(m_lowestKept, path) && !m_copy.config.targetDisk.removeFile(path))
                break;
        }
        m_copy.files.forget(m_lowestKept);
        ++m_lowestKept;
    }
}

} // namespace scr
