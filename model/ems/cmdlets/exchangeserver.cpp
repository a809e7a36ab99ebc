// Get-ExchangeServer: the Exchange servers of the organization.

#include "registration.h"

#include "lab/lab.h"

namespace scr::ems {

void registerExchangeServerCmdlets(CmdletRegistry &r)
{
    r.add({.name = QStringLiteral("Get-ExchangeServer"),
           .synopsis = QStringLiteral("The Exchange servers of the organization."),
           .parameters = {{.name = QStringLiteral("Identity"), .position = 0}},
           .run = [](CmdletContext &ctx, const BoundParameters &b, const Objects &) -> Result<Objects> {
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
}

} // namespace scr::ems
