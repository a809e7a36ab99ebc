#pragma once
// LogInspector: the inspector of one SCR copy. Each copied generation in the inspector folder is checked
// (its generation, its stream's signature, the chain of creation times, every record's checksum) and moved
// into the copy's LogFolderPath by an atomic rename, raising LastLogInspected. A bad copy is removed for the
// copier to fetch again, up to kTries times; then the copy fails, saying whether the source's log is bad.

#include "copycontext.h"
#include "core/result.h"
#include "store/logfile.h"
#include "store/logfolder.h"
#include "store/logsignature.h"

#include <map>
#include <optional>

namespace scr {

class LogReplayer;

class LogInspector
{
public:
    static constexpr int kTries = 3;

    // database: the copy's database, whose log signature a log must carry once it exists.
    LogInspector(const CopyContext &copy, LogReplayer &database);

    // LastLogInspected and the newest inspected log's time and signature, from the copy's LogFolderPath
    // (target: its listing, nullopt when it cannot be read); after LastLogReplayed is known.
    void loadPosition(const std::optional<LogFolderListing> &target);
    // Inspects what was copied since LastLogInspected, at most kMaxLogsPerCycle generations, and stops at
    // the first bad one.
    Status inspectLogs();
    // Generation gen at path, checked. isRefetch: a log fetched again after the copy of it went bad in
    // LogFolderPath (the chain is then checked against its predecessor's time, if known).
    Result<LogFile> check(const QString &path, uint32_t gen, bool isRefetch);
    // An administrator resumed the copy: every generation gets its tries again.
    void forgetTries() { m_tries.clear(); }

private:
    // Generation gen did not pass (why): removed, to be fetched again; after kTries the copy fails.
    void rejected(uint32_t gen, const Error &why);

    CopyContext m_copy;
    LogReplayer &m_database;
    std::map<uint32_t, int> m_tries; // failures per generation
    std::optional<qint64> m_lastInspectedCreation;
    std::optional<LogSignature> m_lastInspectedSignature; // of the newest generation in the copy's log folder
};

} // namespace scr
