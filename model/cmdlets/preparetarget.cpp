#include "preparetarget.h"

#include "command/commandline.h"
#include "lab/lab.h"
#include "mailboxdatabase.h"
#include "storagegroup.h"
#include "storagegroupcopy.h"
#include "validation.h"

#include <QCoreApplication>

namespace scr {
namespace {

// The context is the one lupdate gives the tr() calls below (they are in namespace scr::cmdlets), so that
// resources/translations/scr_*.ts finds them.
QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("scr::cmdlets", text, disambiguation, n);
}

QString edbAtTemporaryPath(const TargetObjects &t)
{
    return t.temporaryPath + QLatin1Char('\\') + t.database + QStringLiteral(".edb");
}

} // namespace

const TargetSurveyRow *TargetSurvey::row(const QString &copiedStorageGroup) const
{
    for (const TargetSurveyRow &r : rows)
        if (r.target.copiedStorageGroup.compare(copiedStorageGroup, Qt::CaseInsensitive) == 0)
            return &r;
    return nullptr;
}

bool TargetSurveyRow::atTemporaryPath() const
{
    return storageGroupExists && cmdlets::samePath(storageGroupLogFolderPath, target.temporaryPath) &&
           cmdlets::samePath(storageGroupSystemFolderPath, target.temporaryPath);
}

TargetSurveyRow::State TargetSurveyRow::state() const
{
    if (!conflict.isEmpty())
        return State::Conflict;
    // Database portability pointed the target at the copy's files: it was prepared, and is in use now.
    if (storageGroupExists && databaseExists &&
        cmdlets::samePath(storageGroupLogFolderPath, copyLogFolderPath) &&
        cmdlets::samePath(databaseEdbFilePath, copyEdbFilePath))
        return State::Activated;
    if (!storageGroupExists && !databaseExists && temporaryEntries && temporaryEntries->isEmpty() &&
        !temporaryFolderExists)
        return State::ToMake;
    if (!temporaryEntries)
        return State::Unknown;
    if (storageGroupExists && databaseExists && databaseEverMounted && !databaseMounted &&
        !temporaryFolderExists)
        return State::Prepared;
    if (!storageGroupExists && !databaseExists)
        return State::ToMake; // an empty temporary folder only
    return State::Unfinished;
}

bool TargetSurveyRow::needsMount() const
{
    const State s = state();
    return (s == State::ToMake || s == State::Unfinished) && !databaseEverMounted && !databaseMounted;
}

namespace cmdlets {

TargetObjects targetObjectsFor(const QString &copiedStorageGroup, const QString &standbyMachine,
                               const QString &databaseName, bool nameShared)
{
    const QString server = copiedStorageGroup.section(QLatin1Char('\\'), 0, 0);
    const QString prefix = nameShared ? server : QString();
    TargetObjects t;
    t.copiedStorageGroup = copiedStorageGroup;
    t.standbyMachine = standbyMachine;
    t.storageGroup = prefix + copiedStorageGroup.section(QLatin1Char('\\'), 1) + QStringLiteral("Target");
    t.database = prefix + databaseName + QStringLiteral("Target");
    t.temporaryPath = QStringLiteral("C:\\Temp\\") + t.storageGroup;
    return t;
}

Result<TargetObjects> targetObjectsFor(const Lab &lab, const QString &storageGroup,
                                       const QString &standbyMachine)
{
    auto copy = findStorageGroupCopy(lab, storageGroup, standbyMachine);
    if (!copy)
        return copy.error();
    auto sg = lab.directory().storageGroup(copy->storageGroupId);
    if (!sg)
        return sg.error();
    auto dbs = lab.directory().databases(copy->storageGroupId);
    if (!dbs)
        return dbs.error();
    if (!*sg || dbs->size() != 1)
        return refuse(storageGroup, QStringLiteral("has no single database to copy"),
                      QStringLiteral("Get-MailboxDatabase lists its databases"));
    auto all = lab.directory().copies();
    if (!all)
        return all.error();
    bool shared = false;
    for (const ScrCopyRecord &other : *all) {
        if (other.storageGroupId == copy->storageGroupId ||
            other.standbyMachine.compare(copy->standbyMachine, Qt::CaseInsensitive) != 0)
            continue;
        auto otherSg = lab.directory().storageGroup(other.storageGroupId);
        if (!otherSg)
            return otherSg.error();
        if (*otherSg && (*otherSg)->name.compare((*sg)->name, Qt::CaseInsensitive) == 0)
            shared = true;
    }
    return targetObjectsFor((*sg)->identity(), copy->standbyMachine, dbs->front().name, shared);
}

namespace {

// What exists of row's target objects in the directory; a conflict when the names are taken by objects that
// are not the target.
Status surveyDirectory(const Lab &lab, TargetSurveyRow &r)
{
    auto tsg = lab.directory().storageGroup(r.target.storageGroupIdentity());
    if (!tsg)
        return tsg.error();
    if (!*tsg)
        return {};
    const StorageGroupRecord &sg = **tsg;
    r.storageGroupExists = true;
    r.storageGroupId = sg.id;
    r.storageGroupLogFolderPath = sg.logFolderPath;
    r.storageGroupSystemFolderPath = sg.systemFolderPath;
    auto dbs = lab.directory().databases(sg.id);
    if (!dbs)
        return dbs.error();
    QStringList others;
    for (const DatabaseRecord &db : *dbs) {
        if (db.name.compare(r.target.database, Qt::CaseInsensitive) != 0) {
            others << db.name;
            continue;
        }
        r.databaseExists = true;
        r.databaseEdbFilePath = db.edbFilePath;
        r.databaseEverMounted = db.everMounted || db.mounted;
        r.databaseMounted = lab.mountedDatabase(db.guid) != nullptr;
    }
    const bool atCopy = samePath(sg.logFolderPath, r.copyLogFolderPath) &&
                        samePath(sg.systemFolderPath, r.copySystemFolderPath);
    const QString sgId = r.target.storageGroupIdentity();
    if (!others.isEmpty()) {
        r.conflict = tr("%1 holds the database %2, so it is not the target of %3")
                         .arg(sgId, others.join(QStringLiteral(", ")), r.target.copiedStorageGroup);
        r.conflictFix =
            tr("remove or rename that storage group (Remove-MailboxDatabase, Remove-StorageGroup) "
               "if it is not needed, then check again");
    } else if (!r.atTemporaryPath() && !atCopy) {
        r.conflict = tr("%1 exists at %2, neither the temporary path %3 nor the copy's paths, so it is not "
                        "the target of %4")
                         .arg(sgId, sg.logFolderPath, r.target.temporaryPath, r.target.copiedStorageGroup);
        r.conflictFix =
            tr("remove it (Remove-StorageGroup %1) if it is not needed, then check again").arg(sgId);
    } else if (r.databaseExists && r.atTemporaryPath() &&
               !samePath(r.databaseEdbFilePath, edbAtTemporaryPath(r.target))) {
        r.conflict = tr("%1 has its file at %2, not at the temporary path %3")
                         .arg(r.target.databaseIdentity(), r.databaseEdbFilePath, r.target.temporaryPath);
        r.conflictFix = tr("remove it (Remove-MailboxDatabase %1) if it is not needed, then check again")
                            .arg(r.target.databaseIdentity());
    } else if (atCopy && (!r.databaseExists || !samePath(r.databaseEdbFilePath, r.copyEdbFilePath))) {
        r.conflict = tr("%1 points at the copy's log folder but its database does not point at the copy's "
                        "file %2: an activation by database portability is under way")
                         .arg(sgId, r.copyEdbFilePath);
        r.conflictFix = tr("finish the activation (Move-DatabasePath %1 -EdbFilePath %2 -ConfigurationOnly)")
                            .arg(r.target.databaseIdentity(), r.copyEdbFilePath);
    }
    return {};
}

// What is in the temporary folder on the standby's host.
void surveyTemporaryFolder(const HostDisk &disk, TargetSurveyRow &r)
{
    if (auto st = cmdlets::checkWindowsPath(QStringLiteral("-LogFolderPath"), r.target.temporaryPath); !st) {
        r.temporaryPathProblem = st.error();
        r.temporaryEntries = QStringList{};
        return;
    }
    auto entry = disk.entry(r.target.temporaryPath);
    if (!entry) {
        r.temporaryPathProblem = entry.error();
        r.temporaryEntries = QStringList{};
        return;
    }
    r.temporaryFolderExists = entry->has_value();
    if (!r.temporaryFolderExists) {
        r.temporaryEntries = QStringList{};
        return;
    }
    if (auto st = cmdlets::checkTreeNoLink(disk, r.target.temporaryPath); !st)
        r.temporaryPathProblem = st.error();
    if ((*entry)->kind != DiskEntry::Kind::Folder) {
        r.temporaryEntries = QStringList{fileNameOf(r.target.temporaryPath)};
        return;
    }
    auto names = disk.fileNames(r.target.temporaryPath);
    if (!names) {
        r.temporaryPathProblem = names.error();
        r.temporaryEntries = QStringList{};
        return;
    }
    r.temporaryEntries = *names;
}

bool contains(const QStringList &selected, const QString &copy)
{
    return selected.contains(copy, Qt::CaseInsensitive);
}

} // namespace

Result<TargetSurvey> surveyStandby(const Lab &lab, const QString &standbyMachine)
{
    TargetSurvey survey;
    survey.standbyMachine = standbyMachine;
    auto server = findServer(lab, standbyMachine);
    if (server) {
        survey.standbyMachine = server->name;
        survey.standbyHost = server->host;
        survey.hostPoweredOn = isPoweredOn(lab, server->host);
        if (auto mailbox = findMailboxServer(lab, standbyMachine); !mailbox)
            survey.serverProblem = mailbox.error();
    } else {
        survey.serverProblem = server.error();
    }
    auto copies = getStorageGroupCopyStatus(lab, {}, survey.standbyMachine);
    if (!copies)
        return copies.error();
    std::optional<HostDisk> disk;
    if (survey.hostPoweredOn)
        disk = lab.hostDisk(survey.standbyHost);
    for (const StorageGroupCopyStatusRow &copy : *copies) {
        TargetSurveyRow r;
        auto target = targetObjectsFor(lab, copy.storageGroup.identity(), survey.standbyMachine);
        if (!target) {
            r.target.copiedStorageGroup = copy.storageGroup.identity();
            r.target.standbyMachine = survey.standbyMachine;
            r.conflict = target.error().reason;
            r.conflictFix = target.error().fix;
            survey.rows.push_back(r);
            continue;
        }
        r.target = *target;
        r.copyLogFolderPath = copy.storageGroup.logFolderPath;
        r.copySystemFolderPath = copy.storageGroup.systemFolderPath;
        auto dbs = lab.directory().databases(copy.storageGroup.id);
        if (!dbs)
            return dbs.error();
        if (!dbs->empty()) {
            r.sourceDatabase = copy.storageGroup.identity() + QLatin1Char('\\') + dbs->front().name;
            r.copyEdbFilePath = dbs->front().edbFilePath;
        }
        SCR_TRY(surveyDirectory(lab, r));
        if (disk)
            surveyTemporaryFolder(*disk, r);
        survey.rows.push_back(r);
    }
    return survey;
}

std::vector<FlowStep> prepareTargetSteps(const TargetSurveyRow &row, const QString &standbyHost)
{
    using ems::CommandLine;
    const TargetSurveyRow::State state = row.state();
    if (state != TargetSurveyRow::State::ToMake && state != TargetSurveyRow::State::Unfinished)
        return {};
    const TargetObjects &t = row.target;
    const QString sg = t.storageGroupIdentity();
    const QString db = t.databaseIdentity();
    std::vector<FlowStep> steps;
    if (!row.storageGroupExists)
        steps.push_back({tr("Create the storage group %1 at %2 (New-StorageGroup)").arg(sg, t.temporaryPath),
                         CommandLine(QStringLiteral("New-StorageGroup"))
                             .arg(QStringLiteral("Name"), t.storageGroup)
                             .arg(QStringLiteral("Server"), t.standbyMachine)
                             .arg(QStringLiteral("LogFolderPath"), t.temporaryPath)
                             .arg(QStringLiteral("SystemFolderPath"), t.temporaryPath)
                             .text()});
    if (!row.databaseExists)
        steps.push_back({tr("Create the database %1 (New-MailboxDatabase)").arg(db),
                         CommandLine(QStringLiteral("New-MailboxDatabase"))
                             .arg(QStringLiteral("Name"), t.database)
                             .arg(QStringLiteral("StorageGroup"), sg)
                             .arg(QStringLiteral("EdbFilePath"), edbAtTemporaryPath(t))
                             .text()});
    const bool mount = row.needsMount();
    if (mount)
        steps.push_back({tr("Mount %1 once, so that the store makes it").arg(db),
                         CommandLine(QStringLiteral("Mount-Database")).value(db).text()});
    if (mount || row.databaseMounted)
        steps.push_back({tr("Dismount %1").arg(db), CommandLine(QStringLiteral("Dismount-Database"))
                                                        .value(db)
                                                        .sw(QStringLiteral("Confirm"), false)
                                                        .text()});
    // The temporary files: what the mount made (or a run that stopped left), never the copy's.
    if ((mount || row.temporaryFolderExists) && (!row.storageGroupExists || row.atTemporaryPath()))
        steps.push_back({tr("Delete the temporary files %1 on %2").arg(t.temporaryPath, standbyHost),
                         onHost(standbyHost, CommandLine(QStringLiteral("Remove-Item"))
                                                 .value(t.temporaryPath)
                                                 .sw(QStringLiteral("Recurse"))
                                                 .text())});
    for (FlowStep &step : steps)
        step.subject = t.copiedStorageGroup;
    return steps;
}

std::vector<FlowStep> prepareTargetSteps(const TargetSurvey &survey, const QStringList &selected)
{
    std::vector<FlowStep> steps;
    for (const TargetSurveyRow &row : survey.rows) {
        if (!contains(selected, row.target.copiedStorageGroup))
            continue;
        for (FlowStep &step : prepareTargetSteps(row, survey.standbyHost))
            steps.push_back(std::move(step));
    }
    return steps;
}

std::vector<PreflightCheck> prepareTargetChecks(const TargetSurvey &survey, const QStringList &selected,
                                                const PrepareTargetFacts &facts)
{
    using O = PreflightCheck::Outcome;
    std::vector<PreflightCheck> checks;
    const QString standby = survey.standbyMachine;
    {
        PreflightCheck c{O::Pass, tr("%1 is an Exchange server with the Mailbox role").arg(standby), {}, {}};
        if (survey.serverProblem) {
            c.outcome = O::Fail;
            c.detail = survey.serverProblem->object + QStringLiteral(": ") + survey.serverProblem->reason;
            c.fix = survey.serverProblem->fix;
        }
        checks.push_back(c);
    }
    if (!survey.standbyHost.isEmpty()) {
        PreflightCheck c{
            O::Pass, tr("The standby machine's host %1 is powered on").arg(survey.standbyHost), {}, {}};
        if (!survey.hostPoweredOn) {
            c.outcome = O::Fail;
            c.detail = tr("%1 is powered off or unreachable: its disk cannot be read or written")
                           .arg(survey.standbyHost);
            c.fix = QStringLiteral("Start-Host %1").arg(survey.standbyHost);
        }
        checks.push_back(c);
    }
    {
        PreflightCheck c{O::Pass,
                         tr("%1 holds SCR copies").arg(standby),
                         tr("%n storage group(s) copied to it", nullptr, int(survey.rows.size())),
                         {}};
        if (survey.rows.empty()) {
            c.outcome = O::Fail;
            c.detail = tr("no storage group is copied to %1 (Get-StorageGroupCopyStatus -StandbyMachine %1 "
                          "lists none): there is no target to prepare")
                           .arg(standby);
            c.fix = tr("enable a copy first (Enable-StorageGroupCopy <storage group> -StandbyMachine %1)")
                        .arg(standby);
        }
        checks.push_back(c);
    }
    for (const QString &copy : selected) {
        const TargetSurveyRow *row = survey.row(copy);
        if (!row) {
            if (survey.rows.empty())
                continue; // said above
            checks.push_back({O::Fail, tr("%1 is copied to %2").arg(copy, standby),
                              tr("the copy is no longer there"),
                              tr("go Back and Refresh the list (Get-StorageGroupCopyStatus -StandbyMachine "
                                 "%1 lists the copies)")
                                  .arg(standby)});
            continue;
        }
        const TargetObjects &t = row->target;
        const QString what =
            tr("The target of %1: %2 and %3").arg(copy, t.storageGroupIdentity(), t.database);
        switch (row->state()) {
        case TargetSurveyRow::State::Conflict:
            checks.push_back({O::Fail, what, row->conflict, row->conflictFix});
            continue;
        case TargetSurveyRow::State::Prepared:
            checks.push_back({O::Pass, what, tr("prepared already: nothing to do"), {}});
            continue;
        case TargetSurveyRow::State::Activated:
            checks.push_back(
                {O::Pass, what, tr("points at the copy's files already (activated): nothing to do"), {}});
            continue;
        case TargetSurveyRow::State::Unknown:
            continue; // the host's check says why
        case TargetSurveyRow::State::ToMake:
            checks.push_back({O::Pass, what, tr("the names are free: both will be made"), {}});
            break;
        case TargetSurveyRow::State::Unfinished:
            checks.push_back(
                {O::Pass, what, tr("partly made by an earlier run: the steps left will run"), {}});
            break;
        }
        PreflightCheck path{
            O::Pass, tr("The temporary path %1 on %2 can be used").arg(t.temporaryPath, standby), {}, {}};
        if (auto p = facts.pathProblems.find(copy); p != facts.pathProblems.end()) {
            path.outcome = O::Fail;
            path.detail = p->second.object + QStringLiteral(": ") + p->second.reason;
            path.fix = p->second.fix;
        } else if (row->temporaryPathProblem) {
            path.outcome = O::Fail;
            path.detail =
                row->temporaryPathProblem->object + QStringLiteral(": ") + row->temporaryPathProblem->reason;
            path.fix = row->temporaryPathProblem->fix;
        } else if (auto o = facts.pathOwners.find(copy); o != facts.pathOwners.end()) {
            path.outcome = O::Fail;
            path.detail = tr("it is a folder of the storage group %1; two storage groups never share one")
                              .arg(o->second);
            path.fix =
                tr("move that storage group's files elsewhere (Move-StorageGroupPath %1)").arg(o->second);
        } else if (!row->storageGroupExists && row->temporaryEntries && !row->temporaryEntries->isEmpty()) {
            path.outcome = O::Fail;
            path.detail = tr("it holds %n file(s) from before that are no target's: %1", nullptr,
                             int(row->temporaryEntries->size()))
                              .arg(row->temporaryEntries->join(QStringLiteral(", ")));
            path.fix = tr("if they are not needed: Enter-PSSession %1; Remove-Item %2 -Recurse")
                           .arg(survey.standbyHost, t.temporaryPath);
        } else {
            path.detail = row->temporaryFolderExists
                              ? tr("it holds the target's files: they will be deleted")
                              : tr("it does not exist: the store makes it, the wizard deletes it");
        }
        checks.push_back(path);
    }
    if (facts.bytesNeeded > 0) {
        PreflightCheck c{O::Pass,
                         tr("%1's disk has room to mount the new databases once").arg(standby),
                         tr("%1 MB needed").arg(facts.bytesNeeded >> 20),
                         {}};
        if (facts.spaceProblem) {
            c.outcome = O::Fail;
            c.detail = facts.spaceProblem->object + QStringLiteral(": ") + facts.spaceProblem->reason;
            c.fix = facts.spaceProblem->fix;
        }
        checks.push_back(c);
    }
    return checks;
}

Preparation preparePrepareTarget(const Lab &lab, const QString &standbyMachine, const QStringList &selected)
{
    Preparation p;
    auto survey = surveyStandby(lab, standbyMachine);
    if (!survey) {
        p.checks.push_back({PreflightCheck::Outcome::Fail, tr("The directory can be read"),
                            survey.error().toString(), survey.error().fix});
        return p;
    }
    PrepareTargetFacts facts;
    std::optional<HostDisk> disk;
    if (survey->hostPoweredOn)
        disk = lab.hostDisk(survey->standbyHost);
    int mounts = 0;
    for (const TargetSurveyRow &row : survey->rows) {
        if (!contains(selected, row.target.copiedStorageGroup) || prepareTargetSteps(row, {}).empty())
            continue;
        const QString copy = row.target.copiedStorageGroup;
        mounts += row.needsMount() ? 1 : 0;
        // New-StorageGroup's rule: no other storage group of the server uses the folder.
        auto owner = storageGroupUsingPaths(lab, survey->standbyMachine, row.storageGroupId,
                                            {row.target.temporaryPath});
        if (!owner)
            facts.pathProblems.emplace(copy, owner.error());
        else if (*owner)
            facts.pathOwners.emplace(copy, (*owner)->identity());
    }
    // Mount-Database's rule (checkSpace), for every mount the plan makes.
    facts.bytesNeeded = mounts * kPrepareTargetBytes;
    if (disk && mounts > 0)
        if (auto st = checkSpace(*disk, facts.bytesNeeded); !st)
            facts.spaceProblem = st.error();
    p.checks = prepareTargetChecks(*survey, selected, facts);
    p.steps = prepareTargetSteps(*survey, selected);
    p.details = QVariant::fromValue(*survey);
    return p;
}

} // namespace cmdlets
} // namespace scr
