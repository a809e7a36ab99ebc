#pragma once
// Eseutil: the engine's tools behind one API, as Exchange's eseutil offers them: /mh (database header),
// /ml (log header and records), /mk (checkpoint) and /r (recovery, see Recovery). The text is laid out like
// eseutil's, so an administrator's eye finds "State: Clean Shutdown" where it always was.

#include "core/result.h"
#include "host/hostdisk.h"
#include "recovery.h"

#include <QString>

namespace scr::eseutil {

QString banner();
// displayPath is what the output calls the file (a Windows path of a host, say).
Result<QString> dumpDatabaseHeader(const HostDisk &disk, const QString &path, const QString &displayPath);
Result<QString> dumpLog(const HostDisk &disk, const QString &path, const QString &displayPath);
Result<QString> dumpCheckpoint(const HostDisk &disk, const QString &path, const QString &displayPath);
QString formatRecoveryReport(const RecoveryReport &report, const QString &displayDatabasePath);

} // namespace scr::eseutil
