#include "portabilityplan.h"

#include "command/commandline.h"
#include "lab/lab.h"
#include "lab/labsnapshot.h"
#include "store/database.h"
#include "storagegroupcopy.h"
#include "validation.h"

#include <algorithm>

#include <QObject>

namespace scr::cmdlets {
namespace {

PreflightCheck check(const QString &what)
{
    PreflightCheck c;
    c.check = what;
    return c;
}

PreflightCheck fail(PreflightCheck c, const QString &detail, const QString &fix)
{
    c.outcome = PreflightCheck::Outcome::Fail;
    c.detail = detail;
    c.fix = fix;
    return c;
}

PreflightCheck warn(PreflightCheck c, const QString &detail, const QString &fix)
{
    c.outcome = PreflightCheck::Outcome::Warning;
    c.detail = detail;
    c.fix = fix;
    return c;
}

} // namespace

Result<PortabilityState> readPortabilityState(const Lab &lab, const QString &storageGroup,
                                              const QString &standby)
{
    auto sg = findStorageGroup(lab, storageGroup);
    if (!sg)
        return sg.error();
    auto standbyServer = findMailboxServer(lab, standby);
    if (!standbyServer)
        return standbyServer.error();
    auto dbs = lab.directory().databases(sg->id);
    if (!dbs)
        return dbs.error();
    if (dbs->size() != 1)
        return refuse(sg->identity(),
                      QStringLiteral("holds %1 databases; an SCR copy has one").arg(dbs->size()), {});
    const DatabaseRecord db = dbs->front();
    PortabilityState s;
    s.storageGroup = sg->identity();
    s.sourceServer = sg->server;
    s.database = db.name;
    s.standbyMachine = standbyServer->name;
    s.standbyHost = standbyServer->host;
    s.standbyPoweredOn = isPoweredOn(lab, s.standbyHost);
    s.logPrefix = sg->logPrefix;
    s.logFolderPath = sg->logFolderPath;
    s.systemFolderPath = sg->systemFolderPath;
    s.edbFilePath = db.edbFilePath;
    auto sourceHost = lab.hostOfServer(sg->server);
    if (!sourceHost)
        return sourceHost.error();
    s.sourceReachable = isPoweredOn(lab, *sourceHost);
    s.sourceMounted = s.sourceReachable && lab.mountedDatabase(db.guid) != nullptr;

    // The target objects: named by the shared rule while the copy exists; once it is gone (activated by an
    // earlier run), whichever of the rule's two names exists.
    auto copy = findStorageGroupCopy(lab, s.storageGroup, s.standbyMachine);
    s.copyExists = bool(copy);
    if (s.copyExists) {
        auto target = targetObjectsFor(lab, s.storageGroup, s.standbyMachine);
        if (!target)
            return target.error();
        s.target = *target;
    } else {
        s.target = targetObjectsFor(s.storageGroup, s.standbyMachine, db.name, false);
        const TargetObjects shared = targetObjectsFor(s.storageGroup, s.standbyMachine, db.name, true);
        auto plain = lab.directory().storageGroup(s.target.storageGroupIdentity());
        auto prefixed = lab.directory().storageGroup(shared.storageGroupIdentity());
        if (plain && prefixed && !*plain && *prefixed)
            s.target = shared;
    }
    auto targetSg = lab.directory().storageGroup(s.target.storageGroupIdentity());
    if (!targetSg)
        return targetSg.error();
    if (*targetSg) {
        s.targetStorageGroupExists = true;
        s.targetLogFolderPath = (*targetSg)->logFolderPath;
        s.targetSystemFolderPath = (*targetSg)->systemFolderPath;
        auto targetDbs = lab.directory().databases((*targetSg)->id);
        if (!targetDbs)
            return targetDbs.error();
        for (const DatabaseRecord &t : *targetDbs)
            if (t.name.compare(s.target.database, Qt::CaseInsensitive) == 0) {
                s.targetDatabaseExists = true;
                s.targetEdbFilePath = t.edbFilePath;
                s.targetMounted = lab.mountedDatabase(t.guid) != nullptr;
                s.targetAllowFileRestore = t.allowFileRestore;
            }
    }

    const HostDisk disk = lab.hostDisk(s.standbyHost);
    if (s.standbyPoweredOn)
        s.standbyFreeBytes = disk.freeBytes(true);
    if (s.copyExists) {
        auto rpo = previewRpo(lab, s.storageGroup, s.standbyMachine);
        if (!rpo)
            return rpo.error();
        s.rpo = *rpo;
        s.recoveryNeeded = true;
        s.recoveryReason =
            QObject::tr("the copy's database is behind its logs: %n log(s) are not in it yet (SCR replays "
                        "with a lag of at least 50 logs); eseutil /r replays them and leaves it in Clean "
                        "Shutdown",
                        nullptr, int(rpo->replayLogs));
    } else {
        const bool pointed = s.targetDatabaseExists && samePath(s.targetEdbFilePath, s.edbFilePath);
        s.alreadyRestored =
            pointed || (s.standbyPoweredOn &&
                        (disk.exists(s.edbFilePath) ||
                         disk.exists(childPath(s.logFolderPath, s.logPrefix + QStringLiteral(".log")))));
        if (s.targetMounted && pointed) {
            s.copyDatabaseState = QObject::tr("mounted");
            s.recoveryNeeded = false;
        } else if (s.standbyPoweredOn && disk.exists(s.edbFilePath)) {
            auto file = Database::open(disk, s.edbFilePath, Database::Access::ReadOnly, s.edbFilePath);
            s.copyDatabaseState = file ? databaseStateName((*file)->header().state) : file.error().reason;
            s.recoveryNeeded = !file || (*file)->header().state != DatabaseState::CleanShutdown;
        } else {
            s.copyDatabaseState = QObject::tr("none yet");
            s.recoveryNeeded = true;
        }
        s.recoveryReason =
            s.recoveryNeeded
                ? QObject::tr("the activated copy's database is %1: eseutil /r brings it to "
                              "Clean Shutdown from its logs")
                      .arg(s.copyDatabaseState)
                : QObject::tr("the activated copy's database is %1 already").arg(s.copyDatabaseState);
    }

    auto mailboxes = lab.directory().mailboxes(db.guid);
    if (!mailboxes)
        return mailboxes.error();
    for (const MailboxRecord &m : *mailboxes)
        (m.objectClass == MailboxClass::User ? s.userMailboxes : s.systemMailboxes) << m.name;
    if (!s.copyExists && !s.alreadyRestored)
        return refuse(
            s.storageGroup,
            QStringLiteral("has no SCR copy on %1, and no activated copy's files are there")
                .arg(s.standbyMachine),
            QStringLiteral("Get-StorageGroupCopy lists the copies; Enable-StorageGroupCopy makes one"));
    return s;
}

QString allowFileRestoreReason(const PortabilityState &s)
{
    return QObject::tr(
               "%1 was created with its own files at %2; it will mount the copy's file %3, which it did "
               "not create (its GUID and log signature are %4's). The store mounts such a file only when "
               "\"This database can be overwritten by a restore\" is set.")
        .arg(s.target.databaseIdentity(), s.target.temporaryPath, s.edbFilePath, s.sourceDatabase());
}

std::vector<PreflightCheck> portabilityPreflight(const Lab &lab, const PortabilityState &s)
{
    std::vector<PreflightCheck> checks;
    const QString sg = s.storageGroup;
    {
        PreflightCheck c = check(QObject::tr("The standby machine %1 is powered on").arg(s.standbyMachine));
        if (!s.standbyPoweredOn)
            c = fail(c, QObject::tr("%1 (host %2) is powered off").arg(s.standbyMachine, s.standbyHost),
                     QObject::tr("Start-Host %1, then Check Again").arg(s.standbyHost));
        checks.push_back(c);
    }
    {
        PreflightCheck c = check(QObject::tr("An SCR copy of %1 is on %2, seeded").arg(sg, s.standbyMachine));
        if (s.alreadyRestored) {
            c.detail =
                QObject::tr("The copy was already activated (Restore-StorageGroupCopy ran); its files are "
                            "on %1. The wizard goes on from there.")
                    .arg(s.standbyMachine);
        } else if (s.rpo && !s.rpo->databaseExists && s.rpo->lastLogInspected == 0) {
            c = fail(
                c,
                QObject::tr("The copy holds neither a database nor a log yet: there is nothing to activate"),
                QObject::tr("Update-StorageGroupCopy %1 -StandbyMachine %2 seeds it; or restore %3 from a "
                            "backup instead")
                    .arg(sg, s.standbyMachine, s.sourceDatabase()));
        } else if (s.rpo) {
            c.detail = QObject::tr("Status %1; last copied log generation %2")
                           .arg(s.rpo->statusText)
                           .arg(s.rpo->lastLogInspected);
        }
        checks.push_back(c);
    }
    {
        PreflightCheck c =
            check(QObject::tr("The target objects %1 and %2 exist on %3")
                      .arg(s.target.storageGroupIdentity(), s.target.database, s.standbyMachine));
        if (!s.targetStorageGroupExists || !s.targetDatabaseExists)
            c = fail(c,
                     !s.targetStorageGroupExists
                         ? QObject::tr("There is no storage group %1").arg(s.target.storageGroupIdentity())
                         : QObject::tr("There is no database %1").arg(s.target.databaseIdentity()),
                     QObject::tr(
                         "Run Prepare SCR Target on %1 (action pane), or New-StorageGroup -Name %2 -Server "
                         "%1 -LogFolderPath %3 -SystemFolderPath %3; New-MailboxDatabase -Name %4 "
                         "-StorageGroup %5 -EdbFilePath %3\\%4.edb; mount and dismount it once, then "
                         "delete %3")
                         .arg(s.standbyMachine, s.target.storageGroup, s.target.temporaryPath,
                              s.target.database, s.target.storageGroupIdentity()));
        else if (s.targetMounted && !samePath(s.targetEdbFilePath, s.edbFilePath))
            c = fail(
                c,
                QObject::tr("%1 is mounted on its own file %2")
                    .arg(s.target.databaseIdentity(), s.targetEdbFilePath),
                QObject::tr("Dismount-Database %1 (the target must be dismounted to be pointed at the copy)")
                    .arg(s.target.databaseIdentity()));
        checks.push_back(c);
    }
    if (s.standbyPoweredOn) {
        PreflightCheck c =
            check(QObject::tr("The disk of %1 has room for the recovery and the mount").arg(s.standbyHost));
        if (auto room = checkSpace(lab.hostDisk(s.standbyHost)); !room)
            c = fail(c, room.error().reason, room.error().fix);
        else
            c.detail = QObject::tr("%1 GB free").arg(gigabytes(s.standbyFreeBytes), 0, 'f', 2);
        checks.push_back(c);
    }
    if (s.rpo) {
        const RpoPreview &r = *s.rpo;
        PreflightCheck c = check(QObject::tr("No mail is lost by the activation"));
        if (r.losesData())
            c = warn(
                c,
                QObject::tr("%1 cannot be reached: %n log(s) never copied", nullptr, int(r.lostLogs()))
                        .arg(s.sourceServer) +
                    QObject::tr(", at most %n minute(s) of mail. Restore-StorageGroupCopy runs with -Force.",
                                nullptr, int(r.lostMinutes())),
                QObject::tr(
                    "Start-Host %1 if it can still be started: the wizard then dismounts its database "
                    "and copies every log first. Otherwise accept the loss on the summary page.")
                    .arg(s.sourceServer));
        else
            c.detail = s.sourceMounted
                           ? QObject::tr("%1 is reachable: it is dismounted first, then every log is copied")
                                 .arg(s.sourceDatabase())
                           : QObject::tr("%1 is reachable and dismounted: every log is copied")
                                 .arg(s.sourceDatabase());
        checks.push_back(c);
        if (r.suspended) {
            PreflightCheck sus = warn(
                check(QObject::tr("The copy is replicating")),
                QObject::tr(
                    "The copy is suspended (Suspend-StorageGroupCopy): it copies no log until it is resumed"),
                r.sourceReachable ? QObject::tr("Nothing to do: Restore-StorageGroupCopy resumes it for its "
                                                "final copy")
                                  : QObject::tr("Nothing can be copied any more: the source is down"));
            checks.push_back(sus);
        } else if (r.status == SummaryCopyStatus::Failed) {
            checks.push_back(
                warn(check(QObject::tr("The copy is replicating")),
                     QObject::tr("The copy failed: %1").arg(r.failedMessage),
                     QObject::tr("Restore-StorageGroupCopy says whether it can still copy the logs")));
        }
    }
    return checks;
}

std::vector<FlowStep> planPortability(const PortabilityState &s)
{
    using ems::CommandLine;
    std::vector<FlowStep> steps;
    const QString targetSg = s.target.storageGroupIdentity();
    const QString targetDb = s.target.databaseIdentity();
    if (s.copyExists) {
        if (s.sourceReachable && s.sourceMounted)
            steps.push_back({QObject::tr("Dismount the source database %1").arg(s.sourceDatabase()),
                             CommandLine(QStringLiteral("Dismount-Database"))
                                 .value(s.sourceDatabase())
                                 .sw(QStringLiteral("Confirm"), false)
                                 .text()});
        CommandLine restore = CommandLine(QStringLiteral("Restore-StorageGroupCopy"))
                                  .value(s.storageGroup)
                                  .arg(QStringLiteral("StandbyMachine"), s.standbyMachine);
        if (!s.sourceReachable)
            restore.sw(QStringLiteral("Force"));
        steps.push_back(
            {s.sourceReachable ? QObject::tr("Activate the copy (Restore-StorageGroupCopy)")
                               : QObject::tr("Activate the copy with the logs it has "
                                             "(Restore-StorageGroupCopy -Force)"),
             restore.sw(QStringLiteral("Confirm"), false).text(),
             // It ends the SCR copy: protecting the storage group again takes a new copy and seed.
             true});
    }
    if (s.recoveryNeeded)
        steps.push_back(
            {QObject::tr("Bring the copy's database to Clean Shutdown on %1 (eseutil /r)").arg(s.standbyHost),
             onHost(s.standbyHost, softRecoveryCommand(s.logPrefix, s.logFolderPath, s.systemFolderPath,
                                                       parentPath(s.edbFilePath)))});
    if (!samePath(s.targetLogFolderPath, s.logFolderPath) ||
        !samePath(s.targetSystemFolderPath, s.systemFolderPath))
        steps.push_back({QObject::tr("Point %1 at the copy's logs").arg(targetSg),
                         CommandLine(QStringLiteral("Move-StorageGroupPath"))
                             .value(targetSg)
                             .arg(QStringLiteral("LogFolderPath"), s.logFolderPath)
                             .arg(QStringLiteral("SystemFolderPath"), s.systemFolderPath)
                             .sw(QStringLiteral("ConfigurationOnly"))
                             .text()});
    if (!samePath(s.targetEdbFilePath, s.edbFilePath))
        steps.push_back({QObject::tr("Point %1 at the copy's database file").arg(targetDb),
                         CommandLine(QStringLiteral("Move-DatabasePath"))
                             .value(targetDb)
                             .arg(QStringLiteral("EdbFilePath"), s.edbFilePath)
                             .sw(QStringLiteral("ConfigurationOnly"))
                             .text()});
    if (!s.targetAllowFileRestore)
        steps.push_back({QObject::tr("Allow the file to be overwritten by a restore (\"This database can be "
                                     "overwritten by a restore\")"),
                         CommandLine(QStringLiteral("Set-MailboxDatabase"))
                             .value(targetDb)
                             .flag(QStringLiteral("AllowFileRestore"), true)
                             .text()});
    if (!s.targetMounted)
        steps.push_back({QObject::tr("Mount %1 on the copy's files").arg(targetDb),
                         CommandLine(QStringLiteral("Mount-Database")).value(targetDb).text()});
    if (!s.userMailboxes.isEmpty())
        steps.push_back({QObject::tr("Rehome the %n user mailbox(es) of %1 (not its system mailboxes)",
                                     nullptr, int(s.userMailboxes.size()))
                             .arg(s.sourceDatabase()),
                         // The filter is a script block, not a value: it stays as the shell reads it.
                         CommandLine(QStringLiteral("Get-Mailbox"))
                                 .arg(QStringLiteral("Database"), s.sourceDatabase())
                                 .text() +
                             QStringLiteral(" | where {$_.ObjectClass -NotMatch "
                                            "'(SystemAttendantMailbox|ExOleDbSystemMailbox)'} | ") +
                             CommandLine(QStringLiteral("Move-Mailbox"))
                                 .sw(QStringLiteral("ConfigurationOnly"))
                                 .arg(QStringLiteral("TargetDatabase"), targetDb)
                                 .sw(QStringLiteral("Confirm"), false)
                                 .text()});
    return steps;
}

Preparation preparePortability(const Lab &lab, const QString &storageGroup, const QString &standby,
                               const QString &target)
{
    Preparation p;
    if (storageGroup.isEmpty()) {
        p.checks.push_back(
            fail(check(QObject::tr("The wizard was opened on an SCR copy")),
                 QObject::tr("\"%1\" names no SCR copy").arg(target),
                 QObject::tr("Select an SCR copy in the console tree and choose its Activate action")));
        return p;
    }
    auto state = readPortabilityState(lab, storageGroup, standby);
    if (!state) {
        p.checks.push_back(
            fail(check(QObject::tr("The SCR copy of %1 on %2 can be activated").arg(storageGroup, standby)),
                 state.error().reason, state.error().fix));
        return p;
    }
    p.checks = portabilityPreflight(lab, *state);
    p.steps = planPortability(*state);
    p.notes << allowFileRestoreReason(*state);
    if (state->rpo && state->rpo->losesData())
        p.losses.push_back({state->storageGroup, state->rpo->lostLogs(), state->rpo->lostMinutes()});
    p.details = QVariant::fromValue(*state);
    return p;
}

QString protectAgainStandby(const LabSnapshot &snapshot, const QString &activatedOn)
{
    for (const ServerRecord &srv : snapshot.servers) {
        if (srv.name.compare(activatedOn, Qt::CaseInsensitive) == 0 || !srv.installed || !srv.mailboxRole ||
            !snapshot.isPoweredOn(srv.host))
            continue;
        const bool hasGroups =
            std::any_of(snapshot.storageGroups.begin(), snapshot.storageGroups.end(),
                        [&](const StorageGroupSnapshot &sg) {
                            return sg.record.server.compare(srv.name, Qt::CaseInsensitive) == 0;
                        });
        if (!hasGroups)
            return srv.name;
    }
    return {};
}

} // namespace scr::cmdlets
