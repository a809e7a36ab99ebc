#pragma once
// HostDisk: the one seam through which anything reaches a host's files. Today a host's disk is a folder of
// the lab (hosts/<HOST>/<DRIVE>/...); paths in the directory and the UI are Windows-style
// (C:\Exchange\Logs\SG1). Names compare case-insensitively, as on Windows: an existing folder is found
// whatever the case the user typed.

#include "core/result.h"

#include <QString>

namespace scr {

class HostDisk
{
public:
    // The host's disk is diskFolder under labDir; by default hosts/<HOST>. A renamed host (Recover Server)
    // keeps the disk folder it had.
    HostDisk(QString labDir, QString hostName, QString diskFolder = {});

    static QString defaultDiskFolder(const QString &hostName) { return QStringLiteral("hosts/") + hostName; }

    const QString &hostName() const { return m_hostName; }
    QString root() const; // <lab>/<diskFolder>

    // C:\Exchange\Logs\SG1 → <lab>/hosts/MBX1/C/Exchange/Logs/SG1. Refuses relative paths, "..", and
    // characters Windows does not allow in a name.
    Result<QString> localPath(const QString &windowsPath) const;
    // The reverse, for messages: <lab>/hosts/MBX1/C/x → C:\x; a path outside the host comes back unchanged.
    QString windowsPath(const QString &localPath) const;

    static bool isValidWindowsPath(const QString &windowsPath, QString *why = nullptr);

private:
    QString m_labDir;
    QString m_hostName;
    QString m_diskFolder;
};

} // namespace scr
