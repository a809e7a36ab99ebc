#pragma once
// What the file commands on the session's host share (Test-Path in path.cpp, Get-ChildItem in
// childitem.cpp, Remove-, Copy-, Move- and Rename-Item in item.cpp): the host's disk and what is at a path.
//
// They reach the host's disk through HostDisk only, with the user's Windows paths; they refuse a
// powered-off host and any path that is, goes through or (for a listing or a removal) holds a symbolic link.
// What deletes, renames or overwrites refuses a drive's root and what a mounted database or a running SCR
// copy is using (FilesInUse), as Windows refuses to delete a file the store holds open. Every check runs
// before the first change.
//
// Wildcards (* and ?) name entries of one folder, as in `Remove-Item C:\SG1Target\* -Recurse` or
// `dir C:\Exchange\Logs\SG1\E00*.log`: only the path's last part may hold them, so a match never lies
// outside the folder named (HostDisk matches names inside that folder only). A pattern that matches nothing
// is no error, as in PowerShell; every match is checked before the first one is deleted.

#include "registration.h"

#include "host/hostdisk.h"

#include <optional>
#include <vector>

namespace scr::ems {

// The session's host disk, once the host is known to be running and windowsPath to be a path on it.
Result<HostDisk> sessionDiskFor(CmdletContext &ctx, const QString &cmdlet, const QString &windowsPath);
// What is at windowsPath: an error when a link is on the way or is the entry itself.
Result<std::optional<DiskEntry>> entryAt(const HostDisk &disk, const QString &windowsPath);
// The same, for a path that must exist.
Result<DiskEntry> existingEntry(CmdletContext &ctx, const HostDisk &disk, const QString &windowsPath);

bool hasWildcard(const QString &text);

// A path whose last part is a wildcard pattern: the folder it names and the pattern.
struct WildcardPath
{
    QString folder;
    QString pattern;
};

// The entries of wildcard.folder matching its pattern; a link among them is refused, named.
Result<std::vector<DiskEntry>> matchesOf(const HostDisk &disk, const WildcardPath &wildcard);

// A path as typed, on the session's disk: named is the path itself, or with a wildcard (only its last
// part may hold one) the folder the wildcard is in.
struct TypedPath
{
    HostDisk disk;
    std::optional<WildcardPath> wildcard;
    QString named;
};
Result<TypedPath> typedPath(CmdletContext &ctx, const QString &cmdlet, const QString &typed);

} // namespace scr::ems
