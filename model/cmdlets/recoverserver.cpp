#include "recoverserver.h"

#include "lab/lab.h"
#include "store/database.h"
#include "validation.h"

#include <QRegularExpression>

namespace scr::cmdlets {
namespace {

Result<HostRecord> findRunningHost(Lab &lab, const QString &host)
{
    auto record = lab.directory().host(host);
    if (!record)
        return record.error();
    if (!*record)
        return refuse(host, QStringLiteral("no such host"), QStringLiteral("Get-Host lists them"));
    if (!(*record)->poweredOn)
        return Error{host, QStringLiteral("is powered off"), QStringLiteral("Start-Host %1 first").arg(host),
                     JetCode::DiskIO};
    return **record;
}

// A powered-on host, and the server installed on it if any: what every setup step looks at first.
struct HostState
{
    HostRecord host;
    std::optional<ServerRecord> installed;
};

Result<HostState> runningHostState(Lab &lab, const QString &host)
{
    auto self = findRunningHost(lab, host);
    if (!self)
        return self.error();
    auto installed = installedServerOn(lab, self->name);
    if (!installed)
        return installed.error();
    return HostState{*self, *installed};
}

} // namespace

Result<std::optional<ServerRecord>> installedServerOn(const Lab &lab, const QString &host)
{
    auto servers = lab.directory().servers();
    if (!servers)
        return servers.error();
    for (const ServerRecord &s : *servers)
        if (s.installed && s.host.compare(host, Qt::CaseInsensitive) == 0)
            return std::optional<ServerRecord>{s};
    return std::optional<ServerRecord>{};
}

Status checkHoldsNothing(const Lab &lab, const QString &server, const QString &exceptCopiesOf)
{
    auto sgs = lab.directory().storageGroups(server);
    if (!sgs)
        return sgs.error();
    if (!sgs->empty())
        return refuse(server, QStringLiteral("still has storage group %1").arg(sgs->front().identity()),
                      QStringLiteral("remove its databases and storage groups first (Remove-MailboxDatabase, "
                                     "Remove-StorageGroup)"));
    auto copies = lab.directory().copies();
    if (!copies)
        return copies.error();
    for (const ScrCopyRecord &c : *copies)
        if (c.standbyMachine.compare(server, Qt::CaseInsensitive) == 0) {
            auto sg = lab.directory().storageGroup(c.storageGroupId);
            if (!exceptCopiesOf.isEmpty() && sg && *sg &&
                (*sg)->server.compare(exceptCopiesOf, Qt::CaseInsensitive) == 0)
                continue;
            const QString id = sg && *sg ? (*sg)->identity() : QStringLiteral("a storage group");
            return refuse(
                server, QStringLiteral("is the standby machine of an SCR copy of %1").arg(id),
                QStringLiteral("Restore-StorageGroupCopy or Disable-StorageGroupCopy %1 -StandbyMachine "
                               "%2 first")
                    .arg(id, server));
        }
    return {};
}

Status checkComputerNameFree(const Lab &lab, const QString &newName)
{
    auto other = lab.directory().host(newName);
    if (!other)
        return other.error();
    if (*other && (*other)->poweredOn)
        return refuse(
            newName, QStringLiteral("is the name of a powered-on host on the network"),
            QStringLiteral("power that host off for good first (Stop-Host %1), or choose another name")
                .arg((*other)->name));
    return {};
}

Status checkServerIsDown(const Lab &lab, const ServerRecord &server, const QString &host)
{
    if (server.host.compare(host, Qt::CaseInsensitive) != 0 && isPoweredOn(lab, server.host))
        return refuse(server.name, QStringLiteral("is still running on host %1").arg(server.host),
                      QStringLiteral("RecoverServer replaces a server that is gone: power %1 off first")
                          .arg(server.host));
    return {};
}

Result<RenameReport> renameComputer(Lab &lab, const QString &host, const QString &newName)
{
    auto state = runningHostState(lab, host);
    if (!state)
        return state.error();
    const HostRecord &self = state->host;
    const std::optional<ServerRecord> &installed = state->installed;
    static const QRegularExpression valid(QStringLiteral("^(?![0-9]+$)[A-Za-z0-9-]{1,15}$"));
    if (!valid.match(newName).hasMatch())
        return refuse(newName, QStringLiteral("is not a valid computer name"),
                      QStringLiteral("use 1 to 15 letters, digits or hyphens, not digits alone"));
    if (newName.compare(self.name, Qt::CaseInsensitive) == 0)
        return refuse(self.name, QStringLiteral("already has that name"), {});
    if (installed)
        return refuse(self.name,
                      QStringLiteral("has Exchange installed (server %1); renaming it would break the server")
                          .arg(installed->name),
                      QStringLiteral("run setup /m:Uninstall on %1 first").arg(self.name));
    SCR_TRY(checkComputerNameFree(lab, newName));
    auto other = lab.directory().host(newName);
    if (!other)
        return other.error();
    RenameReport report{self.name, newName, {}};
    if (*other) {
        report.retiredHost = (*other)->name + QStringLiteral("-RETIRED");
        for (int n = 2;; ++n) {
            auto taken = lab.directory().host(report.retiredHost);
            if (!taken)
                return taken.error();
            if (!*taken)
                break;
            report.retiredHost = QStringLiteral("%1-RETIRED%2").arg((*other)->name).arg(n);
        }
    }
    std::vector<std::pair<QString, QString>> renames;
    if (!report.retiredHost.isEmpty())
        renames.emplace_back((*other)->name, report.retiredHost);
    renames.emplace_back(self.name, newName);
    // Each host keeps its disk and that disk's state under its new name.
    SCR_TRY(lab.renameHosts(renames));
    lab.recordEvent(
        {6011, EventLevel::Information, QStringLiteral("EventLog"),
         report.retiredHost.isEmpty()
             ? QStringLiteral("Host %1 was renamed %2.").arg(report.oldName, newName)
             : QStringLiteral("Host %1 was renamed %2; the powered-off host of that name is %3 now.")
                   .arg(report.oldName, newName, report.retiredHost),
         lab.clock().nowMs()});
    return report;
}

Status uninstallExchange(Lab &lab, const QString &host)
{
    auto state = runningHostState(lab, host);
    if (!state)
        return state.error();
    const HostRecord &self = state->host;
    const std::optional<ServerRecord> &installed = state->installed;
    if (!installed)
        return refuse(self.name, QStringLiteral("has no Exchange server installed"), {});
    const QString server = installed->name;
    SCR_TRY(checkHoldsNothing(lab, server));
    SCR_TRY(lab.removeServer(server));
    lab.recordEvent({1010, EventLevel::Information, QStringLiteral("MSExchangeSetup"),
                     QStringLiteral("Exchange server %1 was uninstalled from host %2; the host stays.")
                         .arg(server, self.name),
                     lab.clock().nowMs()});
    return {};
}

Result<RecoverServerReport> recoverServer(Lab &lab, const QString &host)
{
    auto state = runningHostState(lab, host);
    if (!state)
        return state.error();
    const HostRecord &self = state->host;
    const std::optional<ServerRecord> &installed = state->installed;
    if (installed)
        return refuse(self.name, QStringLiteral("has Exchange installed (server %1)").arg(installed->name),
                      QStringLiteral("setup /m:RecoverServer runs on a host without Exchange: run setup "
                                     "/m:Uninstall first"));
    auto server = lab.directory().server(self.name);
    if (!server)
        return server.error();
    if (!*server)
        return refuse(
            self.name, QStringLiteral("no Exchange server object has this host's name"),
            QStringLiteral("rename the host to the failed server's name first (Rename-Computer -NewName "
                           "NAME)"));
    const ServerRecord failed = **server;
    SCR_TRY(checkServerIsDown(lab, failed, self.name));
    auto sgs = lab.directory().storageGroups(failed.name);
    if (!sgs)
        return sgs.error();
    const HostDisk disk = lab.hostDisk(self.name);
    RecoverServerReport report{failed.name, self.name, failed.host, {}, {}};
    // Check every path first (valid, no link on the way) and the room to make folders, so that a bad one
    // refuses before anything changes.
    struct Planned
    {
        QStringList folders;
        std::vector<std::pair<QString, QString>> files; // identity, EdbFilePath
    } plan;
    for (const StorageGroupRecord &sg : *sgs) {
        for (const QString &path : {sg.logFolderPath, sg.systemFolderPath})
            plan.folders << path;
        report.storageGroups << sg.identity();
        auto dbs = lab.directory().databases(sg.id);
        if (!dbs)
            return dbs.error();
        for (const DatabaseRecord &db : *dbs) {
            plan.folders << parentPath(db.edbFilePath);
            plan.files.emplace_back(sg.identity() + QLatin1Char('\\') + db.name, db.edbFilePath);
        }
    }
    for (const QString &folder : plan.folders) {
        if (auto local = disk.localPath(folder); !local)
            return local.error();
        SCR_TRY(checkNoLink(disk, folder));
    }
    for (const auto &file : plan.files)
        SCR_TRY(checkNoLink(disk, file.second));
    if (!plan.folders.isEmpty())
        SCR_TRY(checkSpace(disk));
    for (const QString &folder : plan.folders)
        SCR_TRY(disk.makeFolders(folder));
    SCR_TRY(lab.bindServer(failed.name, self.name));
    for (const auto &[identity, path] : plan.files) {
        QString fileState = QStringLiteral("no file (Mount-Database creates an empty database)");
        if (disk.exists(path)) {
            auto file = Database::open(disk, path, Database::Access::ReadOnly, identity);
            fileState = file ? databaseStateName((*file)->header().state) : file.error().reason;
        }
        report.databases << QStringLiteral("%1: %2").arg(identity, fileState);
    }
    lab.recordEvent({1011, EventLevel::Information, QStringLiteral("MSExchangeSetup"),
                     QStringLiteral("Exchange server %1 was recovered onto host %2 (setup /m:RecoverServer).")
                         .arg(failed.name, self.name),
                     lab.clock().nowMs()});
    return report;
}

} // namespace scr::cmdlets
