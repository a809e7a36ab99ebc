#pragma once
// LogFolder: what a storage group's log folder holds: closed generations, the open log, the next log
// being prepared. Only reads the folder listing.

#include "core/result.h"
#include "host/hostdisk.h"

#include <cstdint>
#include <vector>

#include <QString>

namespace scr {

struct LogFolderListing
{
    std::vector<uint32_t> closedGenerations; // ascending
    bool hasOpenLog = false;                 // E00.log
    bool hasNextTemp = false;                // E00tmp.log, a roll-over that a crash interrupted

    uint32_t lastClosed() const { return closedGenerations.empty() ? 0 : closedGenerations.back(); }
};

Result<LogFolderListing> listLogFolder(const HostDisk &disk, const QString &folder, const QString &prefix);

} // namespace scr
