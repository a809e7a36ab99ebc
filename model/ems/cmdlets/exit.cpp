// exit: leave scr-shell.

#include "registration.h"

namespace scr::ems {

void registerExitCmdlets(CmdletRegistry &r)
{
    r.add({.name = QStringLiteral("exit"),
           .synopsis = QStringLiteral("Leave scr-shell."),
           .needsLab = false,
           .run = [](CmdletContext &ctx, const BoundParameters &, const Objects &) -> Result<Objects> {
               ctx.exitRequested = true;
               return none();
           }});
}

} // namespace scr::ems
