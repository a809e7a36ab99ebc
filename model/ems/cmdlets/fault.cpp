// Invoke-Fault: a fault of the fault registry (faultregistry.h) on a server's host.

#include "registration.h"

#include "ems/faultregistry.h"
#include "lab/lab.h"

namespace scr::ems {

void registerFaultCmdlets(CmdletRegistry &r)
{
    r.add({.name = QStringLiteral("Invoke-Fault"),
           .synopsis = faultSynopsis(),
           .parameters = faultParameters(),
           .run = [](CmdletContext &ctx, const BoundParameters &b, const Objects &) -> Result<Objects> {
               const QString server = b.string(QStringLiteral("Server"));
               auto host = ctx.lab->hostOfServer(server);
               if (!host)
                   return host.error();
               auto kind = findFaultKind(b.string(QStringLiteral("Kind")));
               if (!kind)
                   return kind.error();
               SCR_TRY(checkFaultParameters(**kind, b));
               return (*kind)->inject(FaultTarget{*ctx.lab, server, *host, ctx.lab->hostDisk(*host)}, b);
           }});
}

} // namespace scr::ems
