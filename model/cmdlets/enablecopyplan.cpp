#include "enablecopyplan.h"

#include "command/commandline.h"
#include "storagegroupcopy.h"

#include <QCoreApplication>

#include <map>

namespace scr::cmdlets {
namespace {

// The context lupdate gives tr() calls in namespace scr::cmdlets, so that resources/translations finds them.
QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("scr::cmdlets", text, disambiguation, n);
}

// Whether the copy of identity must be seeded, as a check (warning when it must).
PreflightCheck seedCheck(const Lab &lab, const QString &identity)
{
    auto seed = copyNeedsSeed(lab, identity);
    PreflightCheck s;
    s.check = tr("The source of %1 still holds its first log").arg(identity);
    if (!seed) {
        s.outcome = PreflightCheck::Outcome::Fail;
        s.detail = seed.error().toString();
        s.fix = seed.error().fix;
    } else if (*seed) {
        s.outcome = PreflightCheck::Outcome::Warning;
        s.detail = tr("a backup truncated its first logs: the copy cannot start from log 1");
        s.fix = tr("the wizard seeds the copy from the mounted database (Update-StorageGroupCopy)");
    } else {
        s.detail = tr("the copy starts from log 1; no seed is needed");
    }
    return s;
}

} // namespace

Result<EnableCopyCandidates> enableCopyCandidates(const Lab &lab, const QStringList &storageGroups)
{
    EnableCopyCandidates answer;
    std::map<QString, EnableCopyCandidate> byServer;
    for (const QString &sg : storageGroups) {
        auto list = standbyEligibility(lab, sg);
        if (!list)
            return list.error();
        for (const StandbyEligibility &e : *list) {
            EnableCopyCandidate &c = byServer[e.server];
            c.server = e.server;
            if (findStorageGroupCopy(lab, sg, e.server))
                c.holding << sg; // enabled already (an earlier run): skipped
            else if (!e.eligible() && c.reason.isEmpty())
                c.reason = e.reason + QStringLiteral("; ") + e.fix;
        }
        auto seed = copyNeedsSeed(lab, sg);
        if (seed && *seed)
            answer.needSeed << sg;
    }
    for (auto &[name, c] : byServer) {
        if (c.holding.size() == storageGroups.size() && c.reason.isEmpty())
            c.reason = tr("already holds the copies of %1").arg(c.holding.join(QStringLiteral(", ")));
        answer.servers.push_back(c);
    }
    return answer;
}

QString enableCopyPreselection(const std::vector<EnableCopyCandidate> &servers, const QString &preselect)
{
    QString pick;
    for (const EnableCopyCandidate &c : servers) {
        if (!c.eligible())
            continue;
        if (c.server.compare(preselect, Qt::CaseInsensitive) == 0)
            return c.server;
        if (pick.isEmpty() && preselect.isEmpty())
            pick = c.server;
    }
    return pick;
}

Preparation prepareEnableCopy(const Lab &lab, const EnableCopyRequest &request)
{
    Preparation p;
    QStringList holding;
    QStringList needSeed;
    for (const QString &identity : request.storageGroups) {
        PreflightCheck c;
        c.check = tr("%1 can take the SCR copy of %2").arg(request.standbyMachine, identity);
        if (findStorageGroupCopy(lab, identity, request.standbyMachine)) {
            c.detail = tr("the copy is enabled already: skipped");
            p.checks.push_back(c);
            holding << identity;
            continue;
        }
        // The cmdlet's own checks, all of them, as the Enable step will make them.
        if (auto st = checkEnableStorageGroupCopy(
                lab, {identity, request.standbyMachine, request.replayLagMs, request.truncationLagMs});
            !st) {
            c.outcome = PreflightCheck::Outcome::Fail;
            c.detail = st.error().object + QLatin1Char(' ') + st.error().reason;
            c.fix = st.error().fix;
        } else {
            c.detail = tr("a mailbox server, powered on, with the copy's paths free");
        }
        p.checks.push_back(c);
        if (c.outcome == PreflightCheck::Outcome::Pass) {
            p.checks.push_back(seedCheck(lab, identity));
            if (p.checks.back().outcome == PreflightCheck::Outcome::Warning)
                needSeed << identity;
        }
    }
    p.steps = planEnableCopy(request, holding, needSeed);
    return p;
}

std::vector<FlowStep> planEnableCopy(const EnableCopyRequest &request, const QStringList &holding,
                                     const QStringList &needSeed)
{
    const QString &standby = request.standbyMachine;
    std::vector<FlowStep> steps;
    for (const QString &sg : request.storageGroups) {
        if (holding.contains(sg, Qt::CaseInsensitive))
            continue;
        steps.push_back({tr("Enable the SCR copy of %1 on %2").arg(sg, standby),
                         ems::CommandLine(QStringLiteral("Enable-StorageGroupCopy"))
                             .value(sg)
                             .arg(QStringLiteral("StandbyMachine"), standby)
                             .timeSpan(QStringLiteral("ReplayLagTime"), request.replayLagMs)
                             .timeSpan(QStringLiteral("TruncationLagTime"), request.truncationLagMs)
                             .text()});
        if (needSeed.contains(sg, Qt::CaseInsensitive)) {
            // TechNet's procedure: suspend the new copy, then seed it (the seed resumes it). The files the
            // seed deletes can only be the new copy's own: the pre-flight found the copy's paths free on the
            // standby machine before it was enabled.
            const QStringList seed = seedCommands(sg, standby, false);
            steps.push_back(
                {tr("Suspend the copy of %1 on %2 for its seed (Suspend-StorageGroupCopy)").arg(sg, standby),
                 seed.first()});
            steps.push_back(
                {tr("Seed the copy of %1 on %2 (Update-StorageGroupCopy)").arg(sg, standby), seed.last()});
        }
    }
    return steps;
}

} // namespace scr::cmdlets
