// eseutil: the ESE utility on the session's host (/mh /ml /mk /r).

#include "registration.h"

#include "ems/eseutilcommand.h"
#include "lab/filesinuse.h"
#include "lab/lab.h"
#include "replication/replayrate.h"

#include <QElapsedTimer>

namespace scr::ems {

void registerEseutilCmdlets(CmdletRegistry &r)
{
    r.add({.name = QStringLiteral("eseutil"),
           .synopsis = QStringLiteral("The ESE utility on the session's host: /mh /ml /mk /r."),
           .needsLab = false,
           .rawArguments = true,
           .run = [](CmdletContext &ctx, const BoundParameters &b, const Objects &) -> Result<Objects> {
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
