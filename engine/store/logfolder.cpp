#include "logfolder.h"

#include "logformat.h"

#include <algorithm>

namespace scr {

Result<LogFolderListing> listLogFolder(const HostDisk &disk, const QString &folder, const QString &prefix)
{
    auto names = disk.fileNames(folder, prefix + QStringLiteral("*.log"));
    if (!names) {
        if (names.error().code == JetCode::FileNotFound)
            return Error{disk.displayPath(folder), QStringLiteral("the log folder does not exist"),
                         QStringLiteral("check LogFolderPath"), JetCode::FileNotFound};
        return names.error();
    }
    LogFolderListing listing;
    for (const QString &name : *names) {
        if (name.compare(openLogFileName(prefix), Qt::CaseInsensitive) == 0)
            listing.hasOpenLog = true;
        else if (name.compare(nextLogTempFileName(prefix), Qt::CaseInsensitive) == 0)
            listing.hasNextTemp = true;
        else if (auto gen = parseLogFileName(name, prefix))
            listing.closedGenerations.push_back(*gen);
    }
    std::sort(listing.closedGenerations.begin(), listing.closedGenerations.end());
    return listing;
}

} // namespace scr
