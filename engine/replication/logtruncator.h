#pragma once
// LogTruncator: the truncator of one SCR copy. It deletes replayed logs from the copy's LogFolderPath once
// ReplayLagTime + TruncationLagTime have passed since they were created, oldest first, and never the last
// replayed generation (the database's Log Required starts there). A deleted log becomes a spare (SpareLogs).

#include "copycontext.h"
#include "store/logfolder.h"

#include <cstdint>
#include <optional>

namespace scr {

class SpareLogs;

class LogTruncator
{
public:
    LogTruncator(const CopyContext &copy, SpareLogs &spares);

    // The lowest generation still in LogFolderPath (target: its listing, nullopt when it cannot be read),
    // or the one after lastInspected when it holds none.
    void loadPosition(const std::optional<LogFolderListing> &target, uint32_t lastInspected);
    // Deletes what may go below lastReplayed; stops at the first log too young or that cannot be deleted.
    void truncateLogs(uint32_t lastReplayed);
    uint32_t lowestKept() const { return m_lowestKept; }

private:
    CopyContext m_copy;
    SpareLogs &m_spares;
    uint32_t m_lowestKept = 0;
};

} // namespace scr
