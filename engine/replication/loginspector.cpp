#include "loginspector.h"

#include "copyfiles.h"
#include "copyreport.h"
#include "store/logreplayer.h"

namespace scr {

LogInspector::LogInspector(const CopyContext &copy, LogReplayer &database)
    : m_copy(copy), m_database(database)
{}

void LogInspector::loadPosition(const std::optional<LogFolderListing> &target)
{
    const bool haveTarget = target && !target->closedGenerations.empty();
    m_copy.status().lastLogInspected = haveTarget ? target->lastClosed() : m_copy.status().lastLogReplayed;
    m_lastInspectedCreation.reset();
    m_lastInspectedSignature.reset();
    if (haveTarget) {
        const uint32_t last = m_copy.status().lastLogInspected;
        m_lastInspectedCreation =
            m_copy.files.creationTimeOf(last, m_copy.config.targetDisk, m_copy.files.targetPath(last));
        if (auto h = LogFile::readHeader(m_copy.config.targetDisk, m_copy.files.targetPath(last)))
            m_lastInspectedSignature = h->signature;
    }
    m_copy.status().lastInspectedLogTime = m_lastInspectedCreation.value_or(0);
}

Result<LogFile> LogInspector::check(const QString &path, uint32_t gen, bool isRefetch)
{
    auto log = LogFile::load(m_copy.config.targetDisk, path, m_copy.files.fileName(gen));
    if (!log)
        return log.error();
    const LogHeader &h = log->header();
    if (h.generation != gen)
        return Error{m_copy.files.fileName(gen),
                     QStringLiteral("holds generation %1").arg(h.generation),
                     {},
                     JetCode::LogGenerationMismatch};
    // The stream: the copy's database's, or before it exists (no replay yet), the last inspected log's.
    const std::optional<LogSignature> stream =
        m_database.database() ? std::optional(m_database.database()->header().logSignature)
                              : (isRefetch ? std::nullopt : m_lastInspectedSignature);
    if (stream && h.signature != *stream)
        return Error{m_copy.files.fileName(gen),
                     QStringLiteral("belongs to another log stream"),
                     {},
                     JetCode::BadLogSignature};
    // The chain: each generation names the creation time of the one before it.
    std::optional<qint64> previous = isRefetch ? std::nullopt : m_lastInspectedCreation;
    if (isRefetch)
        if (auto before = m_copy.files.remembered(gen - 1))
            previous = before;
    if (previous && h.prevCreationTimeMs != *previous)
        return Error{m_copy.files.fileName(gen),
                     QStringLiteral("does not follow generation %1 of this stream").arg(gen - 1),
                     {},
                     JetCode::InvalidLogSequence};
    auto scan = log->scan(false);
    if (!scan)
        return scan.error();
    return log;
}

Status LogInspector::inspectLogs()
{
    int moved = 0;
    for (uint32_t gen = m_copy.status().lastLogInspected + 1;
         gen <= m_copy.status().lastLogCopied && moved < kMaxLogsPerCycle; ++gen) {
        const QString path = m_copy.files.inspectorPath(gen);
        auto log = check(path, gen, false);
        if (!log) {
            rejected(gen, log.error());
            break;
        }
        SCR_TRY(m_copy.config.targetDisk.rename(path, m_copy.files.targetPath(gen), false));
        m_tries.erase(gen);
        m_lastInspectedCreation = log->header().creationTimeMs;
        m_lastInspectedSignature = log->header().signature;
        m_copy.files.remember(gen, log->header().creationTimeMs);
        m_copy.status().lastLogInspected = gen;
        m_copy.status().lastInspectedLogTime = log->header().creationTimeMs;
        ++moved;
    }
    // Durable before LastLogInspected is reported: a backup at the source may truncate on its word.
    if (moved > 0)
        SCR_TRY(m_copy.config.targetDisk.syncFolder(m_copy.config.targetLogFolder));
    return {};
}

void LogInspector::rejected(uint32_t gen, const Error &why)
{
    (void)m_copy.config.targetDisk.removeFile(m_copy.files.inspectorPath(gen));
    m_copy.status().lastLogCopied = gen - 1; // the copier fetches it again
    const int tries = ++m_tries[gen];
    if (tries < kTries) {
        m_copy.report.emitEvent(
            2106, EventLevel::Warning,
            QStringLiteral("The copy of generation %1 of %2 on %3 was damaged (%4); fetching it "
                           "again (try %5 of %6).")
                .arg(gen)
                .arg(m_copy.config.identity, m_copy.config.standbyMachine, why.reason)
                .arg(tries + 1)
                .arg(kTries));
        return;
    }
    auto atSource =
        LogFile::load(m_copy.config.sourceDisk, m_copy.files.sourcePath(gen), m_copy.files.fileName(gen));
    auto sourceScan = atSource ? atSource->scan(false) : Result<LogScan>(atSource.error());
    if (!sourceScan)
        m_copy.report.fail(2105,
                           QStringLiteral("generation %1 (%2) is corrupt at the source: %3. %4")
                               .arg(gen)
                               .arg(m_copy.files.fileName(gen), CopyReport::withoutFix(sourceScan.error()),
                                    CopyReport::sourceLogDamagedFix()),
                           true);
    else
        m_copy.report.fail(2104,
                           QStringLiteral("generation %1 could not be copied intact in %2 tries: %3")
                               .arg(gen)
                               .arg(tries)
                               .arg(why.toString()),
                           true);
}

} // namespace scr
