// Start-MailFlow and Stop-MailFlow: the simulation's mail delivery into a mounted database.

#include "registration.h"

#include "cmdlets/mailboxdatabase.h"
#include "cmdlets/mailflow.h"
#include "lab/lab.h"

namespace scr::ems {
namespace {

ParameterSpec databaseParameter()
{
    return P{.name = QStringLiteral("Database"), .position = 0, .mandatory = true};
}

// The GUID of the database -Database names.
Result<QUuid> databaseGuid(Lab &lab, const BoundParameters &b)
{
    auto found = cmdlets::findMailboxDatabase(lab, b.string(QStringLiteral("Database")));
    if (!found)
        return found.error();
    return found->database.guid;
}

} // namespace

void registerMailFlowCmdlets(CmdletRegistry &r)
{
    r.add({.name = QStringLiteral("Start-MailFlow"),
           .synopsis = QStringLiteral("Deliver mail into a mounted database at a set rate."),
           .parameters = {databaseParameter(),
                          P{.name = QStringLiteral("MessagesPerMinute"), .type = T::Integer},
                          P{.name = QStringLiteral("MessageSizeKB"), .type = T::Integer}},
           .run = [](CmdletContext &ctx, const BoundParameters &b, const Objects &) -> Result<Objects> {
               auto guid = databaseGuid(*ctx.lab, b);
               if (!guid)
                   return guid.error();
               using L = cmdlets::MailFlowLimits;
               const qint64 rate = b.has(QStringLiteral("MessagesPerMinute"))
                                       ? b.milliseconds(QStringLiteral("MessagesPerMinute"))
                                       : L::kDefaultMessagesPerMinute;
               const qint64 kb = b.has(QStringLiteral("MessageSizeKB"))
                                     ? b.milliseconds(QStringLiteral("MessageSizeKB"))
                                     : L::kDefaultMessageSizeKB;
               SCR_TRY(cmdlets::checkMailFlow(rate, kb));
               SCR_TRY(ctx.lab->startMailFlow(*guid, static_cast<double>(rate), static_cast<int>(kb * 1024)));
               return none();
           }});
    r.add({.name = QStringLiteral("Stop-MailFlow"),
           .synopsis = QStringLiteral("Stop delivering mail into a database."),
           .parameters = {databaseParameter()},
           .run = [](CmdletContext &ctx, const BoundParameters &b, const Objects &) -> Result<Objects> {
               auto guid = databaseGuid(*ctx.lab, b);
               if (!guid)
                   return guid.error();
               ctx.lab->stopMailFlow(*guid);
               return none();
           }});
}

} // namespace scr::ems
