#pragma once
// The steps of activation by Recover Server that act on hosts and server objects: Rename-Computer,
// setup /m:Uninstall (the server object of the host goes, the host stays) and setup /m:RecoverServer (the
// failed server's object is bound to this host, and the folders of its storage groups and databases are
// made on this host's disk). Each refuses when its preconditions do not hold and then changes nothing.

#include "core/result.h"

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
Result<RenameReport> renameComputer(Lab &lab, const QString &host, const QString &newName);
Status uninstallExchange(Lab &lab, const QString &host);
Result<RecoverServerReport> recoverServer(Lab &lab, const QString &host);

} // namespace cmdlets
} // namespace scr
