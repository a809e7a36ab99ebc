#pragma once
// What the cmdlets share when they check before they act: the refusal error, and the host that must be
// powered on for a command to touch its disk.

#include "core/result.h"
#include "directory/records.h"
#include "host/hostdisk.h"

namespace scr {

class Lab;

namespace cmdlets {

// A refusal: nothing was changed. object names what was refused, fix says what to do instead.
inline Error refuse(const QString &object, const QString &reason, const QString &fix)
{
    return Error{object, reason, fix, JetCode::InvalidParameter};
}

// The host that server is bound to, when it is powered on; else an error that says to start it.
Result<QString> reachableHostOf(Lab &lab, const QString &server);
// True when the host exists and is powered on.
bool isPoweredOn(Lab &lab, const QString &host);
// The Exchange server object named name, or an error that says how to list them.
Result<ServerRecord> findServer(Lab &lab, const QString &name);
// The same, refused unless Exchange is installed on it with the Mailbox role.
Result<ServerRecord> findMailboxServer(Lab &lab, const QString &name);
// The Windows path must be a full path (C:\...) with characters Windows allows.
Status checkWindowsPath(const QString &parameter, const QString &path);

} // namespace cmdlets
} // namespace scr
