// setup: Exchange setup on the session's host, /m:RecoverServer or /m:Uninstall.

#include "registration.h"

#include "cmdlets/recoverserver.h"
#include "lab/lab.h"

namespace scr::ems {

void registerSetupCmdlets(CmdletRegistry &r)
{
    r.add({.name = QStringLiteral("setup"),
           .synopsis =
               QStringLiteral("Exchange setup on the session's host: /m:RecoverServer (or /RecoverServer) or "
                              "/m:Uninstall (/mode: too)."),
           .rawArguments = true,
           .run = [](CmdletContext &ctx, const BoundParameters &b, const Objects &) -> Result<Objects> {
               if (ctx.host.isEmpty())
                   return Error{QStringLiteral("setup"), QStringLiteral("runs on a host"),
                                QStringLiteral("Enter-PSSession MBX3 first")};
               const QStringList words = b.values.value(QStringLiteral("Arguments")).toStringList();
               QString mode;
               for (const QString &w : words) {
                   const QString lower = w.toLower();
                   for (const QString &prefix : {QStringLiteral("/m:"), QStringLiteral("/mode:"),
                                                 QStringLiteral("-m:"), QStringLiteral("-mode:")})
                       if (lower.startsWith(prefix))
                           mode = lower.mid(prefix.size());
                   // The switch alone, as DESIGN.md and many runbooks spell it: setup /recoverserver.
                   if (lower == QStringLiteral("/recoverserver") || lower == QStringLiteral("-recoverserver"))
                       mode = QStringLiteral("recoverserver");
               }
               if (mode == QStringLiteral("uninstall")) {
                   SCR_TRY(cmdlets::uninstallExchange(*ctx.lab, ctx.host));
                   PSObject o{QStringLiteral("Text"), {QStringLiteral("Output")}, {}};
                   o.set(
                       QStringLiteral("Output"),
                       QStringLiteral("Exchange Server was removed from %1. The host stays.").arg(ctx.host));
                   return Objects{o};
               }
               if (mode == QStringLiteral("recoverserver")) {
                   auto report = cmdlets::recoverServer(*ctx.lab, ctx.host);
                   if (!report)
                       return report.error();
                   QString out = QStringLiteral("Server %1 was recovered onto host %2 (it was on %3).\n")
                                     .arg(report->server, report->host, report->previousHost);
                   for (const QString &line : report->databases)
                       out += QStringLiteral("  %1\n").arg(line);
                   out += QStringLiteral("Recover dirty databases with eseutil /r, then Mount-Database.");
                   PSObject o{QStringLiteral("Text"), {QStringLiteral("Output")}, {}};
                   o.set(QStringLiteral("Output"), out);
                   return Objects{o};
               }
               return Error{QStringLiteral("setup"),
                            mode.isEmpty()
                                ? QStringLiteral("needs a mode")
                                : QStringLiteral("mode \"%1\" is not one SCR Console runs").arg(mode),
                            QStringLiteral("use setup /m:RecoverServer or setup /m:Uninstall")};
           }});
}

} // namespace scr::ems
