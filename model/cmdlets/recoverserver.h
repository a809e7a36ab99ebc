#pragma once
// The steps of activation by Recover Server that act on hosts and server objects: Rename-Computer,
// setup /m:Uninstall (the server object of the host goes, the host stays) and setup /m:RecoverServer (the
// failed server's object is bound to this host, and the folders of its storage groups and databases are
// made on this host's disk). Each refuses when its preconditions do not hold and then changes nothing.

#include "core/result.h"
#include "directory/records.h"

#include <QStringList>

namespace scr {

class Lab;

struct RenameReport
{
    QString oldName;
    QString newName;
    QString retiredHost; // the powered-off host that had newName, renamed out of the way; empty if none
};

struct RecoverServerReport
{
    QString server;
    QString host;
    QString previousHost;
    QStringList storageGroups; // identities
    QStringList databases;     // identity: state of the file on this host ("Clean Shutdown", "no file")
};

namespace cmdlets {

// host must be powered on, have no Exchange installed, and newName be a valid computer name that no
// powered-on host has. A powered-off host with that name (the failed server) is renamed <newName>-RETIRED.
// The server object bound to host with Exchange installed, if any.
Result<std::optional<ServerRecord>> installedServerOn(const Lab &lab, const QString &host);
Result<RenameReport> renameComputer(Lab &lab, const QString &host, const QString &newName);
Status uninstallExchange(Lab &lab, const QString &host);
Result<RecoverServerReport> recoverServer(Lab &lab, const QString &host);

// The read-only rules of these steps, which the cmdlets above and the Recover Server wizard's pre-flight
// share. Each returns the refusal the cmdlet would give, with its fix, or nothing when the rule holds.
// setup /m:Uninstall: server has no storage group of its own and is the standby machine of no SCR copy
// (copies of exceptCopiesOf's storage groups excepted: the wizard ends them with Restore-StorageGroupCopy
// before it uninstalls).
Status checkHoldsNothing(const Lab &lab, const QString &server, const QString &exceptCopiesOf = {});
// Rename-Computer -NewName newName: no powered-on host has that name.
Status checkComputerNameFree(const Lab &lab, const QString &newName);
// setup /m:RecoverServer for server: the host it is bound to is powered off (a server that runs is not
// replaced), unless it is bound to host itself.
Status checkServerIsDown(const Lab &lab, const ServerRecord &server, const QString &host = {});

} // namespace cmdlets
} // namespace scr
