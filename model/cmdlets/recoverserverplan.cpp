#include "recoverserverplan.h"

#include "command/commandline.h"
#include "lab/lab.h"
#include "recoverserver.h"
#include "store/database.h"
#include "validation.h"

#include <QObject>

namespace scr {

QString RecoverServerCandidate::label() const
{
    const QString name = standby.isEmpty() ? host : standby;
    if (copies == 0 && restored > 0)
        return QObject::tr("%1 (%n storage group(s) activated already)", nullptr, restored).arg(name);
    if (restored > 0)
        return QObject::tr("%1 (%2 copies, %3 activated already)").arg(name).arg(copies).arg(restored);
    return QObject::tr("%1 (%n SCR copy/copies)", nullptr, copies).arg(name);
}

QStringList RecoverServerPlan::activatedIdentities() const
{
    QStringList out;
    for (const RecoverServerGroup &g : activated)
        out << g.identity;
    return out;
}

QStringList RecoverServerPlan::losingIdentities() const
{
    QStringList out;
    for (const RecoverServerGroup &g : activated)
        if (g.losesData())
            out << g.identity;
    return out;
}

QStringList RecoverServerPlan::lostIdentities() const
{
    QStringList out;
    for (const RecoverServerGroup &g : lost)
        out << g.identity;
    return out;
}

namespace cmdlets {
namespace {

// The failed server's storage groups as seen from the standby (standby: its Exchange server, may be empty).
Result<std::vector<RecoverServerGroup>> groupsFor(const Lab &lab, const QString &server,
                                                  const QString &standby, const QString &standbyHost)
{
    auto sgs = lab.directory().storageGroups(server);
    if (!sgs)
        return sgs.error();
    auto copies = lab.directory().copies();
    if (!copies)
        return copies.error();
    // The log folders of other servers' storage groups copied to this standby: files there are theirs.
    QStringList othersPaths;
    if (!standby.isEmpty())
        for (const ScrCopyRecord &c : *copies) {
            if (c.standbyMachine.compare(standby, Qt::CaseInsensitive) != 0)
                continue;
            auto sg = lab.directory().storageGroup(c.storageGroupId);
            if (!sg)
                return sg.error();
            if (*sg && (*sg)->server.compare(server, Qt::CaseInsensitive) != 0)
                othersPaths << (*sg)->logFolderPath.toLower();
        }
    if (!standby.isEmpty() && standby.compare(server, Qt::CaseInsensitive) != 0) {
        auto own = lab.directory().storageGroups(standby);
        if (!own)
            return own.error();
        for (const StorageGroupRecord &sg : *own)
            othersPaths << sg.logFolderPath.toLower();
    }
    const HostDisk disk = lab.hostDisk(standbyHost);
    const bool readable = disk.isPoweredOn();
    std::vector<RecoverServerGroup> out;
    for (const StorageGroupRecord &sg : *sgs) {
        if (sg.recovery)
            continue;
        RecoverServerGroup g;
        g.identity = sg.identity();
        g.logPrefix = sg.logPrefix;
        g.logFolderPath = sg.logFolderPath;
        g.systemFolderPath = sg.systemFolderPath;
        auto dbs = lab.directory().databases(sg.id);
        if (!dbs)
            return dbs.error();
        for (const DatabaseRecord &db : *dbs) {
            g.databases << g.identity + QLatin1Char('\\') + db.name;
            g.edbFilePaths << db.edbFilePath;
        }
        for (const ScrCopyRecord &c : *copies)
            if (c.storageGroupId == sg.id && !standby.isEmpty() &&
                c.standbyMachine.compare(standby, Qt::CaseInsensitive) == 0)
                g.copyOnStandby = true;
        if (!g.copyOnStandby && readable && !othersPaths.contains(sg.logFolderPath.toLower())) {
            // Activated already: the copy ended and its files (the logs at least) are on the standby.
            auto logs = filesIn(disk, g.logFolderPath, g.logPrefix + QStringLiteral("*.log"));
            g.restored = logs && !logs->isEmpty();
            for (const QString &path : g.edbFilePaths)
                g.restored = g.restored || disk.exists(path);
        }
        out.push_back(g);
    }
    return out;
}

PreflightCheck fromStatus(const QString &check, const Status &status, const QString &passed,
                          PreflightCheck::Outcome failing = PreflightCheck::Outcome::Fail)
{
    PreflightCheck c;
    c.check = check;
    if (status) {
        c.detail = passed;
        return c;
    }
    c.outcome = failing;
    c.detail = status.error().object + QStringLiteral(": ") + status.error().reason;
    c.fix = status.error().fix;
    return c;
}

// The state of a database's file on disk: dirty (or unknown) needs eseutil /r before it mounts.
bool needsRecovery(const HostDisk &disk, const QString &path, const QString &identity)
{
    if (!disk.isPoweredOn() || !disk.exists(path))
        return true;
    auto file = Database::open(disk, path, Database::Access::ReadOnly, identity);
    return !file || (*file)->header().state != DatabaseState::CleanShutdown;
}

} // namespace

Result<std::vector<RecoverServerCandidate>> recoverServerCandidates(const Lab &lab, const QString &server)
{
    // The failed server and the standby's host must be there; the rest is read from what they hold.
    const Result<ServerRecord> failed = findServer(lab, server);
    if (!failed)
        return failed.error();
    auto sgs = lab.directory().storageGroups(failed->name);
    if (!sgs)
        return sgs.error();
    auto copies = lab.directory().copies();
    if (!copies)
        return copies.error();
    auto servers = lab.directory().servers();
    if (!servers)
        return servers.error();
    auto hosts = lab.directory().hosts();
    if (!hosts)
        return hosts.error();
    std::vector<RecoverServerCandidate> out;
    for (const HostRecord &h : *hosts) {
        RecoverServerCandidate c;
        c.host = h.name;
        auto installed = installedServerOn(lab, h.name);
        if (!installed)
            return installed.error();
        if (*installed) {
            c.standby = (*installed)->name;
            if (c.standby.compare(failed->name, Qt::CaseInsensitive) == 0 && !h.poweredOn)
                continue; // the failed server's own host
        }
        if (!c.standby.isEmpty() && c.standby.compare(failed->name, Qt::CaseInsensitive) != 0)
            for (const ScrCopyRecord &copy : *copies)
                for (const StorageGroupRecord &sg : *sgs)
                    if (copy.storageGroupId == sg.id &&
                        copy.standbyMachine.compare(c.standby, Qt::CaseInsensitive) == 0)
                        ++c.copies;
        auto groups = groupsFor(lab, failed->name, c.standby, h.name);
        if (!groups)
            return groups.error();
        for (const RecoverServerGroup &g : *groups)
            c.restored += g.restored ? 1 : 0;
        if (c.copies == 0 && c.restored == 0)
            continue;
        if (!h.poweredOn)
            c.whyNot = QObject::tr("%1 is powered off (Start-Host %1)").arg(h.name);
        else if (!c.standby.isEmpty() && c.standby.compare(failed->name, Qt::CaseInsensitive) != 0) {
            if (Status free = checkHoldsNothing(lab, c.standby, failed->name); !free)
                c.whyNot = free.error().reason + QStringLiteral(" (") + free.error().fix + QLatin1Char(')');
        }
        out.push_back(c);
    }
    return out;
}

QStringList lostGroupChoices(const RecoverServerGroup &group)
{
    QStringList out;
    out << QObject::tr("Restore %1 from its last full backup, then Mount-Database each of its databases")
               .arg(group.identity);
    for (const QString &db : group.databases)
        out << QObject::tr("or a dial-tone (empty) database: Mount-Database %1 -Force").arg(ems::quote(db));
    return out;
}

namespace {

// The steps of p, from what is done already.
Status planRecoverSteps(const Lab &lab, RecoverServerPlan &p)
{
    const QString standbyName = p.standby.isEmpty() ? p.standbyHost : p.standby;
    for (const RecoverServerGroup &g : p.activated)
        if (g.copyOnStandby)
            p.steps.push_back({QObject::tr("Activate the copy of %1 on %2 (Restore-StorageGroupCopy -Force)")
                                   .arg(g.identity, standbyName),
                               ems::CommandLine(QStringLiteral("Restore-StorageGroupCopy"))
                                   .value(g.identity)
                                   .arg(QStringLiteral("StandbyMachine"), p.standby)
                                   .sw(QStringLiteral("Force"))
                                   .sw(QStringLiteral("Confirm"), false)
                                   .text()});
    if (!p.renamed)
        // In the lab the computer account is the host record of that name: Rename-Computer retires the
        // powered-off one (<name>-RETIRED) as it gives the name to the standby; this step shows it.
        p.steps.push_back(
            {QObject::tr("Reset the computer account of %1 in Active Directory (in the lab, Rename-Computer "
                         "retires host %2: this shows it)")
                 .arg(p.server, p.serverHost),
             ems::CommandLine(QStringLiteral("Get-Host")).value(p.serverHost).text()});
    if (!p.uninstalled)
        p.steps.push_back({QObject::tr("Uninstall Exchange from %1 (setup /m:Uninstall)").arg(p.standbyHost),
                           onHost(p.standbyHost, QStringLiteral("setup /m:Uninstall")), true});
    if (!p.renamed)
        p.steps.push_back({QObject::tr("Rename %1 to %2 (Rename-Computer)").arg(p.standbyHost, p.server),
                           onHost(p.standbyHost, ems::CommandLine(QStringLiteral("Rename-Computer"))
                                                     .arg(QStringLiteral("NewName"), p.server)
                                                     .text()),
                           true});
    const QString finalHost = p.recovered ? p.standbyHost : p.server;
    if (!p.recovered)
        p.steps.push_back(
            {QObject::tr("Recover server %1 on this machine (setup /m:RecoverServer)").arg(p.server),
             onHost(finalHost, QStringLiteral("setup /m:RecoverServer")), true});
    const HostDisk disk = lab.hostDisk(p.standbyHost);
    auto databases = lab.directory().databases();
    if (!databases)
        return databases.error();
    auto mounted = [&](const QString &identity) {
        for (const DatabaseRecord &db : *databases) {
            auto sg = lab.directory().storageGroup(db.storageGroupId);
            if (sg && *sg && (*sg)->identity() + QLatin1Char('\\') + db.name == identity)
                return db.mounted && p.recovered;
        }
        return false;
    };
    for (const RecoverServerGroup &g : p.activated) {
        bool dirty = g.copyOnStandby; // Restore changes the file: it is known only after it ran
        bool allMounted = true;
        for (int i = 0; i < g.databases.size(); ++i) {
            allMounted = allMounted && mounted(g.databases[i]);
            dirty = dirty || needsRecovery(disk, g.edbFilePaths[i], g.databases[i]);
        }
        if (dirty && !allMounted)
            p.steps.push_back(
                {QObject::tr("Recover the databases of %1 from the copied logs (eseutil /r)").arg(g.identity),
                 onHost(finalHost, softRecoveryCommand(g.logPrefix, g.logFolderPath, g.systemFolderPath,
                                                       parentPath(g.edbFilePaths.value(0))))});
    }
    for (const RecoverServerGroup &g : p.activated)
        for (const QString &db : g.databases)
            if (!mounted(db))
                p.steps.push_back({QObject::tr("Mount %1 on the recovered server").arg(db),
                                   ems::CommandLine(QStringLiteral("Mount-Database")).value(db).text()});
    return {};
}

// The pre-flight checks of p: the cmdlets' own rules, for this state.
std::vector<PreflightCheck> recoverServerChecks(const Lab &lab, const RecoverServerPlan &p,
                                                const ServerRecord &failed, bool standbyPoweredOn)
{
    std::vector<PreflightCheck> checks;
    const HostDisk disk = lab.hostDisk(p.standbyHost);
    using O = PreflightCheck::Outcome;
    if (!p.recovered)
        checks.push_back(fromStatus(QObject::tr("The failed server %1 is down").arg(p.server),
                                    checkServerIsDown(lab, failed),
                                    QObject::tr("Its host %1 is powered off").arg(p.serverHost)));
    {
        PreflightCheck c;
        c.check = QObject::tr("The standby machine %1 is powered on").arg(p.standbyHost);
        if (standbyPoweredOn) {
            c.detail = QObject::tr("%1 is powered on").arg(p.standbyHost);
        } else {
            c.outcome = O::Fail;
            c.detail = QObject::tr("%1 is powered off: nothing can run on it").arg(p.standbyHost);
            c.fix = QObject::tr("Start-Host %1, or choose another standby machine").arg(p.standbyHost);
        }
        checks.push_back(c);
    }
    if (!p.uninstalled) {
        PreflightCheck c = fromStatus(
            QObject::tr("%1 holds nothing but copies of %2 (setup /m:Uninstall needs it)")
                .arg(p.standby, p.server),
            checkHoldsNothing(lab, p.standby, p.server),
            QObject::tr("No storage group of its own, no copy of another server's storage groups"));
        if (c.outcome == O::Fail)
            c.fix += QObject::tr("; or choose another standby machine");
        checks.push_back(c);
    }
    if (!p.renamed)
        checks.push_back(fromStatus(
            QObject::tr("The name %1 can be given to %2 (Rename-Computer)").arg(p.server, p.standbyHost),
            checkComputerNameFree(lab, p.server),
            QObject::tr("No powered-on host is named %1").arg(p.server)));
    {
        PreflightCheck c;
        c.check = QObject::tr("At least one storage group of %1 can be activated on %2")
                      .arg(p.server, p.standbyHost);
        if (p.activated.empty()) {
            c.outcome = O::Fail;
            c.detail =
                QObject::tr("%1 holds no SCR copy of %2's storage groups").arg(p.standbyHost, p.server);
            c.fix = QObject::tr("choose the standby machine that holds the copies");
        } else {
            c.detail = QObject::tr("Activated: %1").arg(p.activatedIdentities().join(QStringLiteral(", ")));
        }
        checks.push_back(c);
    }
    {
        PreflightCheck c;
        c.check = QObject::tr("Every storage group of %1 has a copy on %2").arg(p.server, p.standbyHost);
        if (p.lost.empty()) {
            c.detail = QObject::tr("None is lost");
        } else {
            c.outcome = O::Warning;
            c.detail = QObject::tr("Lost (no SCR copy on %1): %2")
                           .arg(p.standbyHost, p.lostIdentities().join(QStringLiteral(", ")));
            c.fix = QObject::tr("after the recovery, restore them from a backup, or mount an empty dial-tone "
                                "database with Mount-Database -Force (the completion page lists the "
                                "commands)");
        }
        checks.push_back(c);
    }
    if (standbyPoweredOn)
        checks.push_back(fromStatus(QObject::tr("%1 has room on its disk").arg(p.standbyHost),
                                    checkSpace(disk),
                                    QObject::tr("%1 GB free").arg(gigabytes(disk.freeBytes(true)))));
    return checks;
}

} // namespace

Result<RecoverServerPlan> planRecoverServer(const Lab &lab, const QString &server, const QString &standbyHost)
{
    // The failed server and the standby's host must be there; the rest is read from what they hold.
    const Result<ServerRecord> failed = findServer(lab, server);
    if (!failed)
        return failed.error();
    auto standbyRecord = lab.directory().host(standbyHost);
    if (!standbyRecord)
        return standbyRecord.error();
    if (!*standbyRecord)
        return refuse(standbyHost, QObject::tr("no such host"), QObject::tr("Get-Host lists them"));
    RecoverServerPlan p;
    p.server = failed->name;
    p.serverHost = failed->host;
    p.standbyHost = (*standbyRecord)->name;
    auto installed = installedServerOn(lab, p.standbyHost);
    if (!installed)
        return installed.error();
    p.recovered = failed->host.compare(p.standbyHost, Qt::CaseInsensitive) == 0;
    if (*installed && !p.recovered)
        p.standby = (*installed)->name;
    p.uninstalled = !*installed || p.recovered;
    p.renamed = p.recovered || p.standbyHost.compare(p.server, Qt::CaseInsensitive) == 0;
    auto groups = groupsFor(lab, p.server, p.standby, p.standbyHost);
    if (!groups)
        return groups.error();
    for (const RecoverServerGroup &g : *groups)
        (g.copyOnStandby || g.restored ? p.activated : p.lost).push_back(g);
    // The RPO of each copy it activates, read-only: the wizard shows it and asks for the loss to be
    // accepted, as the portability wizard does. Unreadable (a standby powered off): no preview, and the
    // pre-flight checks say why the plan cannot run.
    for (RecoverServerGroup &g : p.activated)
        if (g.copyOnStandby && !p.standby.isEmpty())
            if (auto rpo = previewRpo(lab, g.identity, p.standby))
                g.rpo = *rpo;
    if (auto planned = planRecoverSteps(lab, p); !planned)
        return planned.error();
    p.checks = recoverServerChecks(lab, p, *failed, (*standbyRecord)->poweredOn);
    return p;
}

Preparation prepareRecoverServer(const Lab &lab, const QString &server, const QString &standbyHost)
{
    Preparation prepared;
    auto plan = planRecoverServer(lab, server, standbyHost);
    if (!plan) {
        prepared.checks.push_back(
            {PreflightCheck::Outcome::Fail, QObject::tr("%1 can be recovered on %2").arg(server, standbyHost),
             plan.error().object + QStringLiteral(": ") + plan.error().reason, plan.error().fix});
        return prepared;
    }
    prepared.checks = plan->checks;
    prepared.steps = plan->steps;
    for (const RecoverServerGroup &g : plan->activated)
        if (g.losesData())
            prepared.losses.push_back({g.identity, g.rpo->lostLogs(), g.rpo->lostMinutes()});
    prepared.details = QVariant::fromValue(*plan);
    return prepared;
}

int recoverServerPreselection(const std::vector<RecoverServerCandidate> &candidates, const QString &preferred)
{
    int firstEligible = -1;
    for (int i = 0; i < int(candidates.size()); ++i) {
        const RecoverServerCandidate &c = candidates[std::size_t(i)];
        const QString name = c.standby.isEmpty() ? c.host : c.standby;
        if (!preferred.isEmpty() && (name.compare(preferred, Qt::CaseInsensitive) == 0 ||
                                     c.host.compare(preferred, Qt::CaseInsensitive) == 0))
            return i;
        if (firstEligible < 0 && c.whyNot.isEmpty())
            firstEligible = i;
    }
    return firstEligible >= 0 ? firstEligible : (candidates.empty() ? -1 : 0);
}

} // namespace cmdlets
} // namespace scr
