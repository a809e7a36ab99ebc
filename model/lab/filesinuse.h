#pragma once
// FilesInUse: who is using a file or folder of a host, as Windows knows which process holds a file open.
// A mounted database holds its .edb (and SQLite's journal beside it), its storage group's log folder with
// the stream's logs (E00.log, E00tmp.log, the generations) and its system folder with E00.chk; a running SCR
// copy (not suspended) holds the same on its standby machine, and its inspector folder with everything in it.
// Every command that deletes, renames or overwrites asks here before its first change (Remove-Item,
// Move-Item, Copy-Item, Rename-Item, eseutil /r, Move-*Path, Mount-Database, New-StorageGroup,
// New-MailboxDatabase), so the answer and its wording live once.

#include "core/result.h"
#include "host/hostdisk.h"

#include <optional>

#include <QStringList>

namespace scr {

class Lab;

// Who holds a path, and what frees it.
struct FileUser
{
    QString user; // "the mounted database MBX1\SG1\DB1", "the SCR copy of MBX1\SG1 on MBX3"
    QString fix;  // "Dismount-Database MBX1\SG1\DB1 first", ...
};

class FilesInUse
{
public:
    explicit FilesInUse(Lab &lab) : m_lab(lab) {}

    // What is asked: a change to path and everything in it (a delete, a rename, an overwrite), or a new
    // object's file or folder placed at path (New-StorageGroup, New-MailboxDatabase, Move-*Path, a mount).
    enum class Use { Change, Place };

    // Who uses path on disk (a Windows or a local path of that disk; it need not exist). For a change, in
    // both directions: path is a used file or folder, lies inside a used folder (the inspector), or holds
    // something used. For a place: path is a used file or folder itself, or lies in the inspector.
    // nullopt when nothing uses it.
    Result<std::optional<FileUser>> userOf(const HostDisk &disk, const QString &path,
                                           Use use = Use::Change) const;
    // The refusal: "<path> is in use by <user>" with the fix, JET_errDatabaseInUse (-1202) as ESE gives for
    // a file another process holds; nothing when nothing uses it.
    Status check(const HostDisk &disk, const QString &path, Use use = Use::Change) const;
    // The same for each of paths, the first refusal returned.
    Status check(const HostDisk &disk, const QStringList &paths, Use use = Use::Change) const;

private:
    Lab &m_lab;
};

} // namespace scr
