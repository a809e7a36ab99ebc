#pragma once
// LaggedReplayer: the replayer of one SCR copy. It decides which inspected generations are due, generation g
// when g <= LastLogInspected - 50 (SCR's fixed lag) and g is older than ReplayLagTime, and replays them in
// batches through the store's LogReplayer, raising LastLogReplayed. A log that went bad in the copy's
// LogFolderPath is fetched again (LogCopier) and checked again (LogInspector) before it is replayed.

#include "copycontext.h"
#include "core/result.h"
#include "replayrate.h"
#include "store/logfile.h"

#include <optional>
#include <vector>

namespace scr {

class LogCopier;
class LogInspector;
class LogReplayer;

class LaggedReplayer
{
public:
    LaggedReplayer(const CopyContext &copy, LogReplayer &database, LogCopier &copier,
                   LogInspector &inspector);

    // LastLogReplayed and its time, from the copy's database.
    void loadPosition();
    // Replays what is due, at most kMaxLogsPerCycle generations. A failure of the copy goes into the report;
    // an error is one the cycle reports (a log fetched again could not be put in place).
    Status replayLogs();

private:
    // Replays batch (consecutive generations, the newest created at newestCreatedMs) in one transaction;
    // false, the copy failed, when it could not. Empties batch.
    bool replayBatch(std::vector<LogFile> &batch, qint64 newestCreatedMs);
    // Generation gen went bad in LogFolderPath (why): fetched and checked again into log, or the copy failed
    // and log stays empty.
    Status fetchAgain(uint32_t gen, const QString &why, std::optional<LogFile> &log);

    CopyContext m_copy;
    LogReplayer &m_database;
    LogCopier &m_copier;
    LogInspector &m_inspector;
    ReplayRateMeter m_rate;
};

} // namespace scr
