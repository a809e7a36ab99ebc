// The cmdlets scr-shell (and the console's completion pages) run: thin adapters from bound parameters to the
// typed calls in model/cmdlets and model/lab, and from their results to pipeline objects.

#include "cmdletregistry.h"

#include "cmdlets/databasebackup.h"
#include "cmdlets/hostdiskspace.h"
#include "cmdlets/mailboxdatabase.h"
#include "cmdlets/mailflow.h"
#include "cmdlets/storagegroupcopy.h"
#include "cmdlets/validation.h"
#include "eseutilcommand.h"
#include "replication/replayrate.h"
#include "recordobjects.h"
#include "lab/filesinuse.h"
#include "lab/lab.h"
#include "sim/faultinjector.h"

#include <cerrno>

#include <QElapsedTimer>
#include <QDateTime>

namespace scr::ems {
namespace {

using P = ParameterSpec;
using T = ParameterType;
using Objects = std::vector<PSObject>;

Error notFound(const QString &what, const QString &identity, const QString &fix)
{
    return Error{identity, QStringLiteral("no such %1").arg(what), fix};
}

Objects none()
{
    return {};
}

} // namespace

void registerScrCmdlets(CmdletRegistry &r)
{
    r.add({QStringLiteral("Enter-PSSession"),
           QStringLiteral("Act on a host's disk (file commands, eseutil)."),
           {P{QStringLiteral("ComputerName"), T::String, 0, true}},
           false,
           false,
           false,
           [](CmdletContext &ctx, const BoundParameters &b, const Objects &) -> Result<Objects> {
               const QString host = b.string(QStringLiteral("ComputerName"));
               if (ctx.lab) {
                   auto record = ctx.lab->directory().host(host);
                   if (!record)
                       return record.error();
                   if (!*record)
                       return notFound(QStringLiteral("host"), host,
                                       QStringLiteral("Get-ExchangeServer lists the servers"));
                   ctx.host = (*record)->name;
               } else {
                   ctx.host = host.toUpper();
               }
               return none();
           }});
    r.add({QStringLiteral("Exit-PSSession"),
           QStringLiteral("Leave the host."),
           {},
           false,
           false,
           false,
           [](CmdletContext &ctx, const BoundParameters &, const Objects &) -> Result<Objects> {
               ctx.host.clear();
               return none();
           }});
    r.add({QStringLiteral("exit"),
           QStringLiteral("Leave scr-shell."),
           {},
           false,
           false,
           false,
           [](CmdletContext &ctx, const BoundParameters &, const Objects &) -> Result<Objects> {
               ctx.exitRequested = true;
               return none();
           }});
    r.add({QStringLiteral("Get-ExchangeServer"),
           QStringLiteral("The Exchange servers of the organization."),
           {P{QStringLiteral("Identity"), T::String, 0, false}},
           false,
           true,
           false,
           [](CmdletContext &ctx, const BoundParameters &b, const Objects &) -> Result<Objects> {
               auto servers = ctx.lab->directory().servers();
               if (!servers)
                   return servers.error();
               Objects out;
               for (const ServerRecord &s : *servers) {
                   if (b.has(QStringLiteral("Identity")) &&
                       s.name.compare(b.string(QStringLiteral("Identity")), Qt::CaseInsensitive) != 0)
                       continue;
                   PSObject o{QStringLiteral("ExchangeServer"),
                              {QStringLiteral("Name"), QStringLiteral("ServerRole"), QStringLiteral("Host"),
                               QStringLiteral("IsInstalled")},
                              {}};
                   o.set(QStringLiteral("Name"), s.name);
                   o.set(QStringLiteral("ServerRole"),
                         s.mailboxRole ? QStringLiteral("Mailbox") : QStringLiteral("None"));
                   o.set(QStringLiteral("Host"), s.host);
                   o.set(QStringLiteral("IsInstalled"), s.installed);
                   out.push_back(o);
               }
               return out;
           }});
    r.add({QStringLiteral("Get-StorageGroup"),
           QStringLiteral("Storage groups, with their log paths."),
           {P{QStringLiteral("Identity"), T::String, 0, false},
            P{QStringLiteral("Server"), T::String, -1, false}},
           false,
           true,
           false,
           [](CmdletContext &ctx, const BoundParameters &b, const Objects &) -> Result<Objects> {
               auto sgs = ctx.lab->directory().storageGroups(b.string(QStringLiteral("Server")));
               if (!sgs)
                   return sgs.error();
               Objects out;
               for (const StorageGroupRecord &sg : *sgs) {
                   if (b.has(QStringLiteral("Identity")) &&
                       !cmdlets::identityMatches(b.string(QStringLiteral("Identity")), sg.identity()))
                       continue;
                   auto copies = ctx.lab->directory().copies(sg.id);
                   if (!copies)
                       return copies.error();
                   PSObject o = storageGroupObject(sg, !copies->empty());
                   out.push_back(o);
               }
               return out;
           }});
    r.add({QStringLiteral("Enable-StorageGroupCopy"),
           QStringLiteral("Start an SCR copy of a storage group."),
           {P{QStringLiteral("Identity"), T::String, 0, true},
            P{QStringLiteral("StandbyMachine"), T::String, -1, true},
            P{QStringLiteral("ReplayLagTime"), T::TimeSpan, -1, false},
            P{QStringLiteral("TruncationLagTime"), T::TimeSpan, -1, false}},
           false,
           true,
           false,
           [](CmdletContext &ctx, const BoundParameters &b, const Objects &) -> Result<Objects> {
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
    const auto copyCmdlet =
        [&r](const char *name, const char *synopsis, bool withComment, bool withDelete,
             std::function<Status(Lab &, const QString &, const QString &, const BoundParameters &)> call) {
            std::vector<ParameterSpec> params{P{QStringLiteral("Identity"), T::String, 0, true},
                                              P{QStringLiteral("StandbyMachine"), T::String, -1, true}};
            if (withComment)
                params.push_back(P{QStringLiteral("SuspendComment"), T::String, -1, false});
            if (withDelete) { // Update-StorageGroupCopy's
                params.push_back(P{QStringLiteral("DeleteExistingFiles"), T::Switch, -1, false});
                params.push_back(P{QStringLiteral("ManualResume"), T::Switch, -1, false});
            }
            r.add({QString::fromLatin1(name), QString::fromLatin1(synopsis), params, false, true, false,
                   [call](CmdletContext &ctx, const BoundParameters &b, const Objects &) -> Result<Objects> {
                       SCR_TRY(call(*ctx.lab, b.string(QStringLiteral("Identity")),
                                    b.string(QStringLiteral("StandbyMachine")), b));
                       return none();
                   }});
        };
    copyCmdlet("Disable-StorageGroupCopy", "Stop and remove an SCR copy.", false, false,
               [](Lab &lab, const QString &id, const QString &standby, const BoundParameters &) {
                   return cmdlets::disableStorageGroupCopy(lab, id, standby);
               });
    copyCmdlet("Suspend-StorageGroupCopy", "Pause an SCR copy, with a comment.", true, false,
               [](Lab &lab, const QString &id, const QString &standby, const BoundParameters &b) {
                   return cmdlets::suspendStorageGroupCopy(lab, id, standby,
                                                           b.string(QStringLiteral("SuspendComment")));
               });
    copyCmdlet("Resume-StorageGroupCopy", "Resume a suspended or failed SCR copy.", false, false,
               [](Lab &lab, const QString &id, const QString &standby, const BoundParameters &) {
                   return cmdlets::resumeStorageGroupCopy(lab, id, standby);
               });
    copyCmdlet("Update-StorageGroupCopy", "Seed an SCR copy from the mounted source database.", false, true,
               [](Lab &lab, const QString &id, const QString &standby, const BoundParameters &b) {
                   return cmdlets::updateStorageGroupCopy(lab, id, standby,
                                                          b.flag(QStringLiteral("DeleteExistingFiles")), {},
                                                          b.flag(QStringLiteral("ManualResume")));
               });
    r.add({QStringLiteral("Get-StorageGroupCopyStatus"),
           QStringLiteral("The health and queues of SCR copies."),
           {P{QStringLiteral("Identity"), T::String, 0, false},
            P{QStringLiteral("StandbyMachine"), T::String, -1, false},
            P{QStringLiteral("Server"), T::String, -1, false}},
           false,
           true,
           false,
           [](CmdletContext &ctx, const BoundParameters &b, const Objects &) -> Result<Objects> {
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
    r.add({QStringLiteral("Get-MailboxDatabase"),
           QStringLiteral("Mailbox databases and their properties."),
           {P{QStringLiteral("Identity"), T::String, 0, false},
            P{QStringLiteral("Server"), T::String, -1, false},
            P{QStringLiteral("Status"), T::Switch, -1, false}},
           false,
           true,
           false,
           [](CmdletContext &ctx, const BoundParameters &b, const Objects &) -> Result<Objects> {
               auto rows = cmdlets::getMailboxDatabase(*ctx.lab, b.string(QStringLiteral("Identity")),
                                                       b.string(QStringLiteral("Server")));
               if (!rows)
                   return rows.error();
               Objects out;
               for (const MailboxDatabaseRow &row : *rows) {
                   PSObject o = mailboxDatabaseObject(row, b.flag(QStringLiteral("Status")));
                   out.push_back(o);
               }
               return out;
           }});
    // Cmdlets that act on one object named by -Identity and write nothing to the pipeline.
    const auto identityAction = [&r](const char *name, const char *synopsis, bool confirms,
                                     std::function<Status(Lab &, const QString &)> act) {
        r.add({QString::fromLatin1(name),
               QString::fromLatin1(synopsis),
               {P{QStringLiteral("Identity"), T::String, 0, true}},
               confirms,
               true,
               false,
               [act](CmdletContext &ctx, const BoundParameters &b, const Objects &) -> Result<Objects> {
                   SCR_TRY(act(*ctx.lab, b.string(QStringLiteral("Identity"))));
                   return none();
               }});
    };
    r.add(
        {QStringLiteral("Mount-Database"),
         QStringLiteral("Mount a mailbox database (soft recovery first); -Force mounts an empty database in "
                        "place of a lost file."),
         {P{QStringLiteral("Identity"), T::String, 0, true},
          P{QStringLiteral("Force"), T::Switch, -1, false}},
         false,
         true,
         false,
         [](CmdletContext &ctx, const BoundParameters &b, const Objects &) -> Result<Objects> {
             SCR_TRY(cmdlets::mountDatabase(*ctx.lab, b.string(QStringLiteral("Identity")),
                                            b.flag(QStringLiteral("Force"))));
             return none();
         }});
    identityAction("Dismount-Database", "Dismount a mailbox database (Clean Shutdown).", true,
                   [](Lab &lab, const QString &id) { return cmdlets::dismountDatabase(lab, id); });
    r.add({QStringLiteral("Set-MailboxDatabase"),
           QStringLiteral("Change a mailbox database's properties."),
           {P{QStringLiteral("Identity"), T::String, 0, true},
            P{QStringLiteral("AllowFileRestore"), T::Boolean, -1, false},
            P{QStringLiteral("MountAtStartup"), T::Boolean, -1, false}},
           false,
           true,
           false,
           [](CmdletContext &ctx, const BoundParameters &b, const Objects &) -> Result<Objects> {
               const auto optional = [&](const char *name) {
                   return b.has(QLatin1String(name)) ? std::optional<bool>(b.flag(QLatin1String(name)))
                                                     : std::nullopt;
               };
               SCR_TRY(cmdlets::setMailboxDatabase(*ctx.lab, b.string(QStringLiteral("Identity")),
                                                   optional("AllowFileRestore"), optional("MountAtStartup")));
               return none();
           }});
    r.add({QStringLiteral("Start-DatabaseBackup"),
           QStringLiteral(
               "A full backup of a storage group's database; truncates the logs every copy inspected."),
           {P{QStringLiteral("Identity"), T::String, 0, true}},
           false,
           true,
           false,
           [](CmdletContext &ctx, const BoundParameters &b, const Objects &) -> Result<Objects> {
               auto report = cmdlets::startDatabaseBackup(*ctx.lab, b.string(QStringLiteral("Identity")));
               if (!report)
                   return report.error();
               PSObject o{QStringLiteral("BackupSet"), {}, {}};
               o.set(QStringLiteral("BackupFolder"), report->backupFolder);
               o.set(QStringLiteral("LogsBackedUp"), report->logsBackedUp);
               o.set(QStringLiteral("LogsTruncated"), report->logsTruncated);
               o.set(QStringLiteral("TruncatedThroughGeneration"),
                     static_cast<qlonglong>(report->truncatedThrough));
               o.set(QStringLiteral("LatestFullBackupTime"), when(report->timeMs));
               return Objects{o};
           }});
    r.add({QStringLiteral("Start-MailFlow"),
           QStringLiteral("Deliver mail into a mounted database at a set rate."),
           {P{QStringLiteral("Database"), T::String, 0, true},
            P{QStringLiteral("MessagesPerMinute"), T::Integer, -1, false},
            P{QStringLiteral("MessageSizeKB"), T::Integer, -1, false}},
           false,
           true,
           false,
           [](CmdletContext &ctx, const BoundParameters &b, const Objects &) -> Result<Objects> {
               auto found = cmdlets::findMailboxDatabase(*ctx.lab, b.string(QStringLiteral("Database")));
               if (!found)
                   return found.error();
               using L = cmdlets::MailFlowLimits;
               const qint64 rate = b.has(QStringLiteral("MessagesPerMinute"))
                                       ? b.milliseconds(QStringLiteral("MessagesPerMinute"))
                                       : L::kDefaultMessagesPerMinute;
               const qint64 kb = b.has(QStringLiteral("MessageSizeKB"))
                                     ? b.milliseconds(QStringLiteral("MessageSizeKB"))
                                     : L::kDefaultMessageSizeKB;
               SCR_TRY(cmdlets::checkMailFlow(rate, kb));
               SCR_TRY(ctx.lab->startMailFlow(found->database.guid, static_cast<double>(rate),
                                              static_cast<int>(kb * 1024)));
               return none();
           }});
    r.add({QStringLiteral("Stop-MailFlow"),
           QStringLiteral("Stop delivering mail into a database."),
           {P{QStringLiteral("Database"), T::String, 0, true}},
           false,
           true,
           false,
           [](CmdletContext &ctx, const BoundParameters &b, const Objects &) -> Result<Objects> {
               auto found = cmdlets::findMailboxDatabase(*ctx.lab, b.string(QStringLiteral("Database")));
               if (!found)
                   return found.error();
               ctx.lab->stopMailFlow(found->database.guid);
               return none();
           }});
    r.add({QStringLiteral("Step-Simulation"),
           QStringLiteral(
               "Advance the virtual clock, delivering mail and replicating, as fast as the machine can."),
           {P{QStringLiteral("Duration"), T::TimeSpan, 0, true}},
           false,
           true,
           false,
           [](CmdletContext &ctx, const BoundParameters &b, const Objects &) -> Result<Objects> {
               const qint64 ms = b.milliseconds(QStringLiteral("Duration"));
               if (ms <= 0 || ms > 7LL * 24 * 3600 * 1000)
                   return Error{QStringLiteral("Step-Simulation"),
                                QStringLiteral("-Duration must be more than 0 and at most 7 days"),
                                QStringLiteral("write -Duration 0.00:10:00 for ten minutes")};
               SCR_TRY(ctx.lab->stepSimulation(ms, ms > 3600 * 1000 ? 60 * 1000 : 1000));
               return none();
           }});
    const auto power = [](bool on) {
        return [on](Lab &lab, const QString &host) -> Status {
            auto record = lab.directory().host(host);
            if (!record)
                return record.error();
            if (!*record)
                return notFound(QStringLiteral("host"), host,
                                QStringLiteral("Get-ExchangeServer lists the hosts"));
            return lab.setHostPowered((*record)->name, on);
        };
    };
    identityAction("Start-Host", "Power a host on; its MountAtStartup databases mount.", false, power(true));
    identityAction("Stop-Host", "Power a host off, without a shutdown.", false, power(false));
    r.add({QStringLiteral("Set-SimulationClock"),
           QStringLiteral(
               "Set the virtual clock's speed (1 to 86400 times real time) for the running console."),
           {P{QStringLiteral("Speed"), T::Integer, 0, true}},
           false,
           true,
           false,
           [](CmdletContext &ctx, const BoundParameters &b, const Objects &) -> Result<Objects> {
               const qint64 speed = b.milliseconds(QStringLiteral("Speed"));
               if (speed < 1 || speed > 86400)
                   return Error{QStringLiteral("Set-SimulationClock"),
                                QStringLiteral("-Speed %1 is out of range").arg(speed),
                                QStringLiteral("use 1 (real time) to 86400 (a day a second)")};
               ctx.lab->clock().setSpeed(static_cast<double>(speed));
               PSObject o{QStringLiteral("SimulationClock"), {}, {}};
               o.set(QStringLiteral("Speed"), speed);
               o.set(QStringLiteral("Now"), when(ctx.lab->clock().nowMs()));
               return Objects{o};
           }});
    r.add(
        {QStringLiteral("Invoke-Fault"),
         QStringLiteral(
             "Inject a fault: CorruptLog [-Offset] or DeleteLog (-Path on -Server's disk), FillDisk "
             "[-SizeGB] (a sparse C:\\SCR-FillDisk.bin as long as the free space) or FreeDisk; ReadOnly or "
             "IOError (-Server's disk goes read-only or fails every I/O) or ClearDiskFault."),
         {P{QStringLiteral("Kind"), T::String, 0, true}, P{QStringLiteral("Server"), T::String, -1, true},
          P{QStringLiteral("Path"), T::String, -1, false}, P{QStringLiteral("Offset"), T::Integer, -1, false},
          P{QStringLiteral("SizeGB"), T::String, -1, false}},
         false,
         true,
         false,
         [](CmdletContext &ctx, const BoundParameters &b, const Objects &) -> Result<Objects> {
             const QString kind = b.string(QStringLiteral("Kind"));
             const QString server = b.string(QStringLiteral("Server"));
             auto host = ctx.lab->hostOfServer(server);
             if (!host)
                 return host.error();
             const HostDisk disk = ctx.lab->hostDisk(*host);
             const auto is = [&](const char *k) {
                 return kind.compare(QLatin1String(k), Qt::CaseInsensitive) == 0;
             };
             if (b.has(QStringLiteral("SizeGB")) && !is("FillDisk"))
                 return Error{QStringLiteral("Invoke-Fault"), QStringLiteral("-SizeGB is for FillDisk only"),
                              QStringLiteral("leave it out")};
             if (is("FillDisk") || is("FreeDisk")) {
                 // A real (sparse) file on the host's disk: every process sees the disk full, or free.
                 std::optional<qint64> size;
                 if (b.has(QStringLiteral("SizeGB"))) {
                     auto bytes =
                         cmdlets::parseGigabytes(QStringLiteral("SizeGB"), b.string(QStringLiteral("SizeGB")),
                                                 cmdlets::kMinDiskSizeGB, cmdlets::kMaxDiskSizeGB);
                     if (!bytes)
                         return bytes.error();
                     size = *bytes;
                 }
                 auto report = is("FillDisk") ? cmdlets::fillDisk(*ctx.lab, server, size)
                                              : cmdlets::freeDisk(*ctx.lab, server);
                 if (!report)
                     return report.error();
                 return Objects{hostDiskObject(*report)};
             }
             if (is("ReadOnly") || is("IOError") || is("ClearDiskFault")) {
                 if (b.has(QStringLiteral("Path")) || b.has(QStringLiteral("Offset")))
                     return Error{QStringLiteral("Invoke-Fault"),
                                  QStringLiteral("%1 acts on the whole disk: -Path and -Offset do not apply")
                                      .arg(kind),
                                  QStringLiteral("leave them out")};
                 SCR_TRY(ctx.lab->setHostDiskFault(*host, is("ReadOnly") ? EROFS : is("IOError") ? EIO : 0));
                 return none();
             }
             if (!is("CorruptLog") && !is("DeleteLog"))
                 return Error{
                     kind, QStringLiteral("is not a fault kind"),
                     QStringLiteral("use CorruptLog, DeleteLog, FillDisk, FreeDisk, ReadOnly, IOError or "
                                    "ClearDiskFault")};
             if (!b.has(QStringLiteral("Path")))
                 return Error{
                     QStringLiteral("Invoke-Fault"), QStringLiteral("%1 needs -Path").arg(kind),
                     QStringLiteral("name the log, e.g. -Path C:\\Exchange\\Logs\\SG1\\E0000000005.log")};
             const QString path = b.string(QStringLiteral("Path"));
             // A path that names nothing is the user's slip, not an ESE error: no JET code.
             auto there = disk.entry(path);
             if (!there)
                 return there.error();
             if (!there->has_value())
                 return Error{
                     disk.displayPath(path), QStringLiteral("does not exist on %1").arg(server),
                     QStringLiteral("name an existing log: Get-ChildItem the log folder to see them")};
             if (is("DeleteLog")) {
                 SCR_TRY(FaultInjector::deleteFile(disk, path));
                 return none();
             }
             // Without -Offset: a stored byte of a record (a thin log is mostly a hole).
             auto offset = FaultInjector::corruptFile(
                 disk, path,
                 b.has(QStringLiteral("Offset")) ? std::optional(b.milliseconds(QStringLiteral("Offset")))
                                                 : std::nullopt);
             if (!offset)
                 return offset.error();
             PSObject o{QStringLiteral("Text"), {QStringLiteral("Output")}, {}};
             o.set(QStringLiteral("Output"), QStringLiteral("Corrupted byte %1 of %2 on %3.")
                                                 .arg(*offset)
                                                 .arg(disk.displayPath(path), server));
             return Objects{o};
         }});
    r.add({QStringLiteral("eseutil"),
           QStringLiteral("The ESE utility on the session's host: /mh /ml /mk /r."),
           {},
           false,
           false,
           true,
           [](CmdletContext &ctx, const BoundParameters &b, const Objects &) -> Result<Objects> {
               if (ctx.host.isEmpty())
                   return Error{QStringLiteral("eseutil"), QStringLiteral("runs on a host's disk"),
                                QStringLiteral("Enter-PSSession MBX1 first")};
               auto cmd = EseutilCommand::parse(b.values.value(QStringLiteral("Arguments")).toStringList());
               if (!cmd)
                   return cmd.error();
               const HostDisk disk = ctx.lab ? ctx.lab->hostDisk(ctx.host) : HostDisk(ctx.labDir, ctx.host);
               if (cmd->mode == EseutilCommand::Mode::Recover && ctx.lab) {
                   // Recovery writes the file, the checkpoint and (with /a) the logs: never under a mounted
                   // database or a running SCR copy (it once took over a running copy's .edb).
                   QStringList written{cmd->databasePath, cmd->logPath};
                   if (!cmd->systemPath.isEmpty())
                       written << cmd->systemPath;
                   SCR_TRY(FilesInUse(*ctx.lab).check(disk, written));
               }
               RecoveryReport recovered;
               QElapsedTimer timer;
               timer.start();
               auto text = runEseutil(*cmd, disk,
                                      ctx.lab ? static_cast<const Clock &>(ctx.lab->clock())
                                              : SystemClock::instance(),
                                      {}, &recovered);
               if (!text)
                   return text.error();
               // How fast this lab replays (ReplayRate): what an activation's preview estimates from.
               if (cmd->mode == EseutilCommand::Mode::Recover && ctx.lab && recovered.firstGeneration > 0 &&
                   recovered.lastGeneration >= recovered.firstGeneration)
                   (void)ReplayRate::record(ctx.lab->labFolder(),
                                            qint64(recovered.lastGeneration - recovered.firstGeneration) + 1,
                                            timer.nsecsElapsed());
               if (cmd->mode == EseutilCommand::Mode::Recover && ctx.lab)
                   ctx.lab->recordEvent({302, EventLevel::Information, QStringLiteral("ESE"),
                                         QStringLiteral("eseutil /r on %1 completed recovery of %2.")
                                             .arg(ctx.host, cmd->databasePath),
                                         ctx.lab->clock().nowMs()});
               PSObject o{QStringLiteral("Text"), {QStringLiteral("Output")}, {}};
               o.set(QStringLiteral("Output"), *text);
               return Objects{o};
           }});
}

} // namespace scr::ems
