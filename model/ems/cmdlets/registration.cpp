#include "registration.h"

namespace scr::ems {

CmdletSpec identityAction(const char *name, const char *synopsis, bool confirms,
                          std::function<Status(Lab &, const QString &)> act)
{
    return {.name = QString::fromLatin1(name),
            .synopsis = QString::fromLatin1(synopsis),
            .parameters = {identityParameter()},
            .confirms = confirms,
            .run = [act](CmdletContext &ctx, const BoundParameters &b, const Objects &) -> Result<Objects> {
                SCR_TRY(act(*ctx.lab, b.string(QStringLiteral("Identity"))));
                return none();
            }};
}

} // namespace scr::ems
