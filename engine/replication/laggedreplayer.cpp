#include "laggedreplayer.h"

#include "copyfiles.h"
#include "copyreport.h"
#include "core/clock.h"
#include "logcopier.h"
#include "loginspector.h"
#include "store/logreplayer.h"

#include <QElapsedTimer>

namespace scr {

LaggedReplayer::LaggedReplayer(const CopyContext &copy, LogReplayer &database, LogCopier &copier,
                               LogInspector &inspector)
    : m_copy(copy), m_database(database), m_copier(copier), m_inspector(inspector),
      m_rate(copy.config.replayRateFolder)
{}

void LaggedReplayer::loadPosition()
{
    auto replayed = m_database.lastReplayedGeneration();
    m_copy.status().lastLogReplayed = replayed ? *replayed : 0;
    const uint32_t last = m_copy.status().lastLogReplayed;
    m_copy.status().lastReplayedLogTime =
        last == 0
            ? 0
            : m_copy.files.creationTimeOf(last, m_copy.config.targetDisk, m_copy.files.targetPath(last));
}

bool LaggedReplayer::replayBatch(std::vector<LogFile> &batch, qint64 newestCreatedMs)
{
    if (batch.empty())
        return true;
    const bool hadDatabase = m_database.databaseExists();
    QElapsedTimer timer;
    timer.start();
    if (auto st = m_database.replay(batch); !st) {
        m_copy.report.fail(2107, st.error().toString(), st.error().code != JetCode::DiskFull);
        batch.clear();
        return false;
    }
    if (!hadDatabase)
        m_copy.report.emitEvent(
            2094, EventLevel::Information,
            QStringLiteral("The database of the SCR copy of %1 on %2 was created by replaying generation %3.")
                .arg(m_copy.config.identity, m_copy.config.standbyMachine)
                .arg(batch.front().header().generation));
    if (hadDatabase) // the first replay also makes the file: not a replay speed
        m_rate.measured(static_cast<qint64>(batch.size()), timer.nsecsElapsed());
    m_copy.status().lastLogReplayed = batch.back().header().generation;
    m_copy.status().lastReplayedLogTime = newestCreatedMs;
    batch.clear();
    return true;
}

Status LaggedReplayer::fetchAgain(uint32_t gen, const QString &why, std::optional<LogFile> &log)
{
    if (auto st = m_copier.fetch(gen); !st) {
        m_copy.report.fail(
            2107,
            QStringLiteral("generation %1 of the copy is damaged (%2) and cannot be fetched again: %3. "
                           "Reseed the copy with Update-StorageGroupCopy.")
                .arg(gen)
                .arg(why, st.error().reason),
            true);
        return {};
    }
    auto again = m_inspector.check(m_copy.files.inspectorPath(gen), gen, true);
    if (!again) {
        (void)m_copy.config.targetDisk.removeFile(m_copy.files.inspectorPath(gen));
        m_copy.report.fail(2105,
                           QStringLiteral("generation %1 is damaged on the standby and at the source: %2. %3")
                               .arg(gen)
                               .arg(CopyReport::withoutFix(again.error()), CopyReport::sourceLogDamagedFix()),
                           true);
        return {};
    }
    SCR_TRY(m_copy.config.targetDisk.rename(m_copy.files.inspectorPath(gen), m_copy.files.targetPath(gen)));
    m_copy.report.emitEvent(
        2106, EventLevel::Warning,
        QStringLiteral("Generation %1 of %2 on %3 was damaged (%4) and was fetched again from the source.")
            .arg(gen)
            .arg(m_copy.config.identity, m_copy.config.standbyMachine, why));
    log = std::move(*again);
    return {};
}

Status LaggedReplayer::replayLogs()
{
    const qint64 now = m_copy.clock.nowMs();
    // The generations due are replayed together, in one transaction (LogReplayer::replay).
    std::vector<LogFile> batch;
    qint64 batchCreated = 0;
    while (static_cast<int>(batch.size()) < kMaxLogsPerCycle) {
        const uint32_t gen = m_copy.status().lastLogReplayed + 1 + static_cast<uint32_t>(batch.size());
        if (gen + kReplayLagGenerations > m_copy.status().lastLogInspected)
            break;
        const QString path = m_copy.files.targetPath(gen);
        const qint64 created = m_copy.files.creationTimeOf(gen, m_copy.config.targetDisk, path);
        if (now - created < m_copy.config.replayLagMs)
            break;
        auto loaded = LogFile::load(m_copy.config.targetDisk, path, m_copy.files.fileName(gen));
        if (loaded) {
            if (auto scan = loaded->scan(false); !scan)
                loaded = scan.error();
        }
        std::optional<LogFile> log;
        if (loaded) {
            log = std::move(*loaded);
        } else {
            // The copy went bad on the standby's disk: replay what came before it, then fetch it again from
            // the source if it is still there.
            if (!replayBatch(batch, batchCreated))
                return {};
            SCR_TRY(fetchAgain(gen, loaded.error().reason, log));
            if (!log)
                return {};
        }
        batch.push_back(std::move(*log));
        batchCreated = created;
        if (!m_database.databaseExists() &&
            !replayBatch(batch, batchCreated)) // born from its first log alone
            return {};
    }
    replayBatch(batch, batchCreated);
    return {};
}

} // namespace scr
