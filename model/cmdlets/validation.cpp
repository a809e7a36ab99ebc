#include "validation.h"

#include "lab/lab.h"

namespace scr::cmdlets {

bool isPoweredOn(Lab &lab, const QString &host)
{
    auto record = lab.directory().host(host);
    return record && *record && (*record)->poweredOn;
}

Result<QString> reachableHostOf(Lab &lab, const QString &server)
{
    auto host = lab.hostOfServer(server);
    if (!host)
        return host.error();
    if (!isPoweredOn(lab, *host))
        return Error{*host, QStringLiteral("is powered off or unreachable"),
                     QStringLiteral("Start-Host %1 first").arg(*host), JetCode::DiskIO};
    return host;
}

Result<ServerRecord> findServer(Lab &lab, const QString &name)
{
    auto server = lab.directory().server(name);
    if (!server)
        return server.error();
    if (!*server)
        return refuse(name, QStringLiteral("no such Exchange server"),
                      QStringLiteral("Get-ExchangeServer lists them"));
    return **server;
}

Result<ServerRecord> findMailboxServer(Lab &lab, const QString &name)
{
    auto server = findServer(lab, name);
    if (server && (!server->installed || !server->mailboxRole))
        return refuse(name, QStringLiteral("is not a mailbox server"),
                      QStringLiteral("choose a server with the Mailbox role installed"));
    return server;
}

Status checkWindowsPath(const QString &parameter, const QString &path)
{
    QString why;
    if (!HostDisk::isValidWindowsPath(path, &why))
        return refuse(parameter, QStringLiteral("\"%1\" %2").arg(path, why),
                      QStringLiteral("write a full path such as C:\\Exchange\\Logs\\SG1"));
    return {};
}

} // namespace scr::cmdlets
