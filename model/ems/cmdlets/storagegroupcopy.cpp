// The SCR copy of a storage group: Enable-, Disable-, Suspend-, Resume-, Update- and
// Restore-StorageGroupCopy, Get-StorageGroupCopyStatus.

#include "registration.h"

#include "cmdlets/restorestoragegroupcopy.h"
#include "cmdlets/storagegroupcopy.h"
#include "ems/recordobjects.h"
#include "lab/lab.h"

namespace scr::ems {
namespace {

PSObject restoreReportObject(const RestoreReport &r)
{
    PSObject o{QStringLiteral("StorageGroupCopyRestore"), {}, {}};
    o.set(QStringLiteral("Identity"), r.identity);
    o.set(QStringLiteral("StandbyMachine"), r.standbyMachine);
    o.set(QStringLiteral("SourceReachable"), r.sourceReachable);
    o.set(QStringLiteral("LogsCopiedNow"), r.logsCopiedNow);
    o.set(QStringLiteral("OpenLogCopied"), r.openLogCopied);
    o.set(QStringLiteral("LastLogCopied"), static_cast<qlonglong>(r.lastLogCopied));
    o.set(QStringLiteral("LastLogGenerated"), static_cast<qlonglong>(r.lastLogGenerated));
    o.set(QStringLiteral("LostGenerations"), static_cast<qlonglong>(r.lostGenerations));
    o.set(QStringLiteral("OpenLogLost"), r.openLogLost);
    o.set(QStringLiteral("LeftBehind"),
          r.leftBehind); // -Force with the source reachable: still on the source
    o.set(QStringLiteral("LastCopiedLogTime"), when(r.lastCopiedLogTimeMs));
    o.set(QStringLiteral("FailureTime"), when(r.failureTimeMs));
    o.set(QStringLiteral("LostTime"), formatTimeSpan(r.lostTimeMs));
    o.set(QStringLiteral("DatabaseState"), r.databaseState);
    o.set(QStringLiteral("LogFolderPath"), r.logFolderPath);
    o.set(QStringLiteral("EdbFilePath"), r.edbFilePath);
    o.set(QStringLiteral("Summary"), r.summary());
    return o;
}

P standbyMachine(bool mandatory)
{
    return P{.name = QStringLiteral("StandbyMachine"), .mandatory = mandatory};
}

// Disable-, Suspend-, Resume- and Update-StorageGroupCopy: -Identity and -StandbyMachine name the copy,
// extra are the cmdlet's own parameters, and nothing is written to the pipeline.
CmdletSpec
copyAction(const char *name, const char *synopsis, std::vector<P> extra,
           std::function<Status(Lab &, const QString &, const QString &, const BoundParameters &)> call)
{
    std::vector<P> params{P{.name = QStringLiteral("Identity"), .position = 0, .mandatory = true},
                          standbyMachine(true)};
    params.insert(params.end(), extra.begin(), extra.end());
    return {.name = QString::fromLatin1(name),
            .synopsis = QString::fromLatin1(synopsis),
            .parameters = params,
            .run = [call](CmdletContext &ctx, const BoundParameters &b, const Objects &) -> Result<Objects> {
                SCR_TRY(call(*ctx.lab, b.string(QStringLiteral("Identity")),
                             b.string(QStringLiteral("StandbyMachine")), b));
                return none();
            }};
}

} // namespace

void registerStorageGroupCopyCmdlets(CmdletRegistry &r)
{
    r.add({.name = QStringLiteral("Enable-StorageGroupCopy"),
           .synopsis = QStringLiteral("Start an SCR copy of a storage group."),
           .parameters = {identityParameter(), standbyMachine(true),
                          P{.name = QStringLiteral("ReplayLagTime"), .type = T::TimeSpan},
                          P{.name = QStringLiteral("TruncationLagTime"), .type = T::TimeSpan}},
           .run = [](CmdletContext &ctx, const BoundParameters &b, const Objects &) -> Result<Objects> {
               EnableStorageGroupCopyRequest req{b.string(QStringLiteral("Identity")),
                                                 b.string(QStringLiteral("StandbyMachine"))};
               if (b.has(QStringLiteral("ReplayLagTime")))
                   req.replayLagMs = b.milliseconds(QStringLiteral("ReplayLagTime"));
               if (b.has(QStringLiteral("TruncationLagTime")))
                   req.truncationLagMs = b.milliseconds(QStringLiteral("TruncationLagTime"));
               auto copy = cmdlets::enableStorageGroupCopy(*ctx.lab, req);
               if (!copy)
                   return copy.error();
               return none();
           }});
    r.add(copyAction("Disable-StorageGroupCopy", "Stop and remove an SCR copy.", {},
                     [](Lab &lab, const QString &id, const QString &standby, const BoundParameters &) {
                         return cmdlets::disableStorageGroupCopy(lab, id, standby);
                     }));
    r.add(copyAction("Suspend-StorageGroupCopy", "Pause an SCR copy, with a comment.",
                     {P{.name = QStringLiteral("SuspendComment")}},
                     [](Lab &lab, const QString &id, const QString &standby, const BoundParameters &b) {
                         return cmdlets::suspendStorageGroupCopy(lab, id, standby,
                                                                 b.string(QStringLiteral("SuspendComment")));
                     }));
    r.add(copyAction("Resume-StorageGroupCopy", "Resume a suspended or failed SCR copy.", {},
                     [](Lab &lab, const QString &id, const QString &standby, const BoundParameters &) {
                         return cmdlets::resumeStorageGroupCopy(lab, id, standby);
                     }));
    r.add(copyAction("Update-StorageGroupCopy", "Seed an SCR copy from the mounted source database.",
                     {P{.name = QStringLiteral("DeleteExistingFiles"), .type = T::Switch},
                      P{.name = QStringLiteral("ManualResume"), .type = T::Switch}},
                     [](Lab &lab, const QString &id, const QString &standby, const BoundParameters &b) {
                         return cmdlets::updateStorageGroupCopy(lab, id, standby,
                                                                b.flag(QStringLiteral("DeleteExistingFiles")),
                                                                {}, b.flag(QStringLiteral("ManualResume")));
                     }));
    r.add({.name = QStringLiteral("Get-StorageGroupCopyStatus"),
           .synopsis = QStringLiteral("The health and queues of SCR copies."),
           .parameters = {P{.name = QStringLiteral("Identity"), .position = 0}, standbyMachine(false),
                          P{.name = QStringLiteral("Server")}},
           .run = [](CmdletContext &ctx, const BoundParameters &b, const Objects &) -> Result<Objects> {
               auto rows = cmdlets::getStorageGroupCopyStatusWithDisabled(
                   *ctx.lab, b.string(QStringLiteral("Identity")), b.string(QStringLiteral("StandbyMachine")),
                   b.string(QStringLiteral("Server")));
               if (!rows)
                   return rows.error();
               Objects out;
               for (const auto &row : *rows)
                   out.push_back(statusObject(row));
               return out;
           }});
    r.add({.name = QStringLiteral("Restore-StorageGroupCopy"),
           .synopsis =
               QStringLiteral("End an SCR copy and make its files ready to mount; reports the data lost."),
           .parameters = {identityParameter(), standbyMachine(true),
                          P{.name = QStringLiteral("Force"), .type = T::Switch},
                          P{.name = QStringLiteral("ReplaceLocations"), .type = T::Switch}},
           .confirms = true,
           .run = [](CmdletContext &ctx, const BoundParameters &b, const Objects &) -> Result<Objects> {
               auto report = cmdlets::restoreStorageGroupCopy(
                   *ctx.lab, {text(b, "Identity"), text(b, "StandbyMachine"), b.flag(QStringLiteral("Force")),
                              b.flag(QStringLiteral("ReplaceLocations"))});
               if (!report)
                   return report.error();
               return Objects{restoreReportObject(*report)};
           }});
}

} // namespace scr::ems
