#pragma once
// What the cmdlets share when they check before they act: the refusal error, the host that must be
// powered on for a command to touch its disk, the space a write needs, and the paths that must not lead
// through a symbolic link. A destructive command runs every check it needs before its first change.

#include "core/result.h"
#include "directory/records.h"
#include "host/hostdisk.h"

namespace scr {

class Lab;

namespace cmdlets {

// A refusal: nothing was changed. object names what was refused, fix says what to do instead.
inline Error refuse(const QString &object, const QString &reason, const QString &fix)
{
    return Error{object, reason, fix};
}

// Identities as EMS resolves what an administrator types: the full identity always (MBX1\SG1,
// MBX1\SG1\DB1), the object's own name alone (SG1, DB1), and for a database SERVER\DATABASE;
// case-insensitive. A name alone may match objects on several servers: the Get- cmdlets list them all, and a
// cmdlet that acts on one object refuses with ambiguousIdentity().
bool identityMatches(const QString &typed, const QString &fullIdentity);
// "DB1 matches more than one mailbox database: MBX1\SG1\DB1, MBX3\SG1\DB1", with how to name one.
Error ambiguousIdentity(const QString &typed, const QString &kind, const QStringList &candidates);

// The host that server is bound to, when it is powered on; else an error that says to start it.
Result<QString> reachableHostOf(const Lab &lab, const QString &server);
// True when the host exists and is powered on.
bool isPoweredOn(const Lab &lab, const QString &host);
// The Exchange server object named name, or an error that says how to list them.
Result<ServerRecord> findServer(const Lab &lab, const QString &name);
// The same, refused unless Exchange is installed on it with the Mailbox role.
Result<ServerRecord> findMailboxServer(const Lab &lab, const QString &name);
// The Windows path must be a full path (C:\...) with characters Windows allows.
Status checkWindowsPath(const QString &parameter, const QString &path);

// The disk's host must be powered on (the disk refuses everything otherwise).
Status checkPowered(const HostDisk &disk);
// A command that writes on the disk refuses up front when it is full, rather than half-way: at least bytes
// of free logical space, by default one log generation (1 MiB), what mounting a database or anything that
// writes logs needs; the error gives the figures and the ways to free space.
constexpr qint64 kLogGenerationBytes = 1 << 20;
Status checkSpace(const HostDisk &disk, qint64 bytes = kLogGenerationBytes);
// Bytes as GB (2^30, as Windows counts them), rounded to hundredths, for what the shell shows.
double gigabytes(qint64 bytes);
// path (a Windows or local path; it may be absent) is no symbolic link and no link lies on its way; the
// error names the link and says how to remove it.
Status checkNoLink(const HostDisk &disk, const QString &path);
// The same for folder and everything beneath it, as a recursive delete needs.
Status checkTreeNoLink(const HostDisk &disk, const QString &folder);
// The names of the files in folder matching pattern (* and ?): none when the folder does not exist; a link
// on the way or among them refuses.
Result<QStringList> filesIn(const HostDisk &disk, const QString &folder, const QString &pattern);
// folder\name in folder's own style: backslashes for a Windows path, slashes for a local one.
QString childPath(const QString &folder, const QString &name);
// Two Windows paths name the same folder or file: case-insensitive, trailing backslashes ignored.
bool samePath(QString a, QString b);
// The folder that holds path, in path's own style.
QString parentPath(const QString &path);

} // namespace cmdlets
} // namespace scr
