// Enter-PSSession and Exit-PSSession: the host whose disk the file commands and eseutil act on.

#include "registration.h"

#include "lab/lab.h"

namespace scr::ems {

void registerPSSessionCmdlets(CmdletRegistry &r)
{
    r.add({.name = QStringLiteral("Enter-PSSession"),
           .synopsis = QStringLiteral("Act on a host's disk (file commands, eseutil)."),
           .parameters = {{.name = QStringLiteral("ComputerName"), .position = 0, .mandatory = true}},
           .needsLab = false,
           .run = [](CmdletContext &ctx, const BoundParameters &b, const Objects &) -> Result<Objects> {
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
    r.add({.name = QStringLiteral("Exit-PSSession"),
           .synopsis = QStringLiteral("Leave the host."),
           .needsLab = false,
           .run = [](CmdletContext &ctx, const BoundParameters &, const Objects &) -> Result<Objects> {
               ctx.host.clear();
               return none();
           }});
}

} // namespace scr::ems
