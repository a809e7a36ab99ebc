#include "validation.h"

#include <cmath>

#include "lab/lab.h"

namespace scr::cmdlets {

bool identityMatches(const QString &typed, const QString &fullIdentity)
{
    const QStringList t = typed.split(QLatin1Char('\\'));
    const QStringList f = fullIdentity.split(QLatin1Char('\\'));
    const auto same = [](const QString &a, const QString &b) {
        return a.compare(b, Qt::CaseInsensitive) == 0;
    };
    if (typed.isEmpty() || t.contains(QString()))
        return false;
    if (t.size() == f.size())
        return same(typed, fullIdentity);
    if (t.size() == 1)
        return same(t.front(), f.back()); // the name alone
    if (t.size() == 2 && f.size() == 3)
        return same(t.front(), f.front()) && same(t.back(), f.back()); // SERVER\DATABASE
    return false;
}

Error ambiguousIdentity(const QString &typed, const QString &kind, const QStringList &candidates)
{
    return refuse(typed,
                  QStringLiteral("matches more than one %1: %2; nothing was changed")
                      .arg(kind, candidates.join(QStringLiteral(", "))),
                  QStringLiteral("give the full identity, e.g. %1").arg(candidates.value(0)));
}

bool isPoweredOn(const Lab &lab, const QString &host)
{
    auto record = lab.directory().host(host);
    return record && *record && (*record)->poweredOn;
}

Result<QString> reachableHostOf(const Lab &lab, const QString &server)
{
    auto host = lab.hostOfServer(server);
    if (!host)
        return host.error();
    if (!isPoweredOn(lab, *host))
        return Error{*host, QStringLiteral("is powered off or unreachable"),
                     QStringLiteral("Start-Host %1 first").arg(*host), JetCode::DiskIO};
    return host;
}

Result<ServerRecord> findServer(const Lab &lab, const QString &name)
{
    auto server = lab.directory().server(name);
    if (!server)
        return server.error();
    if (!*server)
        return refuse(name, QStringLiteral("no such Exchange server"),
                      QStringLiteral("Get-ExchangeServer lists them"));
    return **server;
}

Result<ServerRecord> findMailboxServer(const Lab &lab, const QString &name)
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

namespace scr::cmdlets {
namespace {

bool isWindowsStyle(const QString &path)
{
    return path.size() >= 2 && path.at(1) == QLatin1Char(':');
}

} // namespace

Status checkPowered(const HostDisk &disk)
{
    if (!disk.isPoweredOn())
        return Error{disk.hostName(), QStringLiteral("is powered off or unreachable"),
                     QStringLiteral("Start-Host %1 first").arg(disk.hostName()), JetCode::DiskIO};
    return {};
}

Status checkSpace(const HostDisk &disk, qint64 bytes)
{
    SCR_TRY(checkPowered(disk));
    const qint64 free = disk.freeBytes(true); // from the files, now: another process may have written
    if (free < bytes)
        return Error{
            disk.hostName(),
            QStringLiteral("its disk is full: %1 bytes free of %2 GB, and this needs %3; nothing was "
                           "changed")
                .arg(free)
                .arg(gigabytes(disk.capacityBytes()))
                .arg(bytes),
            QStringLiteral("free space on %1 first (delete files, or run a full backup with "
                           "Start-DatabaseBackup to truncate logs), or give it a larger disk (Set-Host "
                           "%1 -DiskSizeGB); in the lab: Invoke-Fault FreeDisk -Server %1")
                .arg(disk.hostName()),
            JetCode::DiskFull};
    return {};
}

double gigabytes(qint64 bytes)
{
    return std::round(static_cast<double>(bytes) / double(1LL << 30) * 100.0) / 100.0;
}

Status checkNoLink(const HostDisk &disk, const QString &path)
{
    auto entry = disk.entry(path); // fails, naming it, when a link lies on the way
    if (!entry)
        return entry.error();
    if (!*entry || (*entry)->kind != DiskEntry::Kind::Link)
        return {};
    // Opening the link itself is refused by the disk with the error that names it and says how to remove it.
    auto opened = disk.open(path, File::Mode::ReadOnly);
    if (!opened)
        return opened.error();
    return Error{disk.displayPath(path),
                 QStringLiteral("is a symbolic link; the lab never follows a link out of a host's disk"),
                 QStringLiteral("remove the link outside the product and put a real folder or file there"),
                 JetCode::FileAccessDenied};
}

Status checkTreeNoLink(const HostDisk &disk, const QString &folder)
{
    SCR_TRY(checkNoLink(disk, folder));
    auto entry = disk.entry(folder);
    if (!entry)
        return entry.error();
    if (!*entry || (*entry)->kind != DiskEntry::Kind::Folder)
        return {};
    auto entries = disk.list(folder);
    if (!entries)
        return entries.error();
    for (const DiskEntry &e : *entries) {
        const QString child = childPath(folder, e.name);
        if (e.kind == DiskEntry::Kind::Link)
            return checkNoLink(disk, child);
        if (e.kind == DiskEntry::Kind::Folder)
            SCR_TRY(checkTreeNoLink(disk, child));
    }
    return {};
}

Result<QStringList> filesIn(const HostDisk &disk, const QString &folder, const QString &pattern)
{
    SCR_TRY(checkNoLink(disk, folder));
    auto entry = disk.entry(folder);
    if (!entry)
        return entry.error();
    if (!*entry || (*entry)->kind != DiskEntry::Kind::Folder)
        return QStringList();
    return disk.fileNames(folder, pattern); // refuses a link among the matches
}

bool samePath(QString a, QString b)
{
    while (a.endsWith(QLatin1Char('\\')))
        a.chop(1);
    while (b.endsWith(QLatin1Char('\\')))
        b.chop(1);
    return a.compare(b, Qt::CaseInsensitive) == 0;
}

QString childPath(const QString &folder, const QString &name)
{
    const QChar separator = isWindowsStyle(folder) ? QLatin1Char('\\') : QLatin1Char('/');
    return folder.endsWith(separator) ? QString(folder + name) : QString(folder + separator + name);
}

QString parentPath(const QString &path)
{
    const QChar separator = isWindowsStyle(path) ? QLatin1Char('\\') : QLatin1Char('/');
    QString p = path;
    while (p.size() > 1 && p.endsWith(separator))
        p.chop(1);
    const qsizetype at = p.lastIndexOf(separator);
    if (at < 0)
        return p;
    // C:\x → C:\ (a drive's root keeps its backslash)
    return isWindowsStyle(p) && at == 2 ? p.left(3) : p.left(at);
}

} // namespace scr::cmdlets
