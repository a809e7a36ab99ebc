// Rename-Computer: a host's new name (Recover Server gives the standby the source's).

#include "registration.h"

#include "cmdlets/recoverserver.h"
#include "lab/lab.h"

namespace scr::ems {
void registerComputerCmdlets(CmdletRegistry &r)
{
    r.add({.name = QStringLiteral("Rename-Computer"),
           .synopsis = QStringLiteral("Rename a host (the session's, or -ComputerName); it keeps its disk."),
           .parameters = {P{.name = QStringLiteral("NewName"), .position = 0, .mandatory = true},
                          P{.name = QStringLiteral("ComputerName")}},
           .run = [](CmdletContext &ctx, const BoundParameters &b, const Objects &) -> Result<Objects> {
               const QString host =
                   b.has(QStringLiteral("ComputerName")) ? text(b, "ComputerName") : ctx.host;
               if (host.isEmpty())
                   return needsParameter(
                       QStringLiteral("Rename-Computer"), QStringLiteral("a host"),
                       QStringLiteral("Enter-PSSession MBX3 first, or add -ComputerName MBX3"));
               auto report = cmdlets::renameComputer(*ctx.lab, host, text(b, "NewName"));
               if (!report)
                   return report.error();
               if (ctx.host.compare(report->oldName, Qt::CaseInsensitive) == 0)
                   ctx.host = report->newName; // the session follows its machine
               PSObject o{QStringLiteral("RenameComputer"), {}, {}};
               o.set(QStringLiteral("OldName"), report->oldName);
               o.set(QStringLiteral("NewName"), report->newName);
               o.set(QStringLiteral("RetiredHost"), report->retiredHost);
               return Objects{o};
           }});
}

} // namespace scr::ems
