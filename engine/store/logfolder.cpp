#include "logfolder.h"

#include "core/hostfaults.h"
#include "logformat.h"

#include <cerrno>

#include <algorithm>

#include <QDir>
#include <QFileInfo>

namespace scr {

Result<LogFolderListing> listLogFolder(const QString &folder, const QString &prefix)
{
    if (HostFaults::instance().check(folder, HostFaults::Access::Read) == EHOSTDOWN)
        return errorFromErrno(EHOSTDOWN, folder, QStringLiteral("listing the log folder"));
    QDir dir(folder);
    if (!dir.exists())
        return Error{folder, QStringLiteral("the log folder does not exist"),
                     QStringLiteral("check LogFolderPath"), JetCode::FileNotFound};
    LogFolderListing listing;
    const QStringList names =
        dir.entryList({prefix + QStringLiteral("*.log")}, QDir::Files | QDir::Hidden | QDir::System);
    for (const QString &name : names) {
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
