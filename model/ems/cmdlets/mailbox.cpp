// Get-Mailbox, Get-MailboxStatistics and Move-Mailbox -ConfigurationOnly.

#include "registration.h"

#include "cmdlets/mailbox.h"
#include "ems/recordobjects.h"
#include "lab/lab.h"

namespace scr::ems {
namespace {

MailboxFilter mailboxFilter(const BoundParameters &b)
{
    return {text(b, "Identity"), text(b, "Database"), text(b, "Server")};
}

} // namespace

void registerMailboxCmdlets(CmdletRegistry &r)
{
    r.add({.name = QStringLiteral("Get-Mailbox"),
           .synopsis = QStringLiteral("Mailboxes, by name, alias or GUID, by -Database or by -Server."),
           .parameters = {P{.name = QStringLiteral("Identity"), .position = 0},
                          P{.name = QStringLiteral("Database")}, P{.name = QStringLiteral("Server")}},
           .run = [](CmdletContext &ctx, const BoundParameters &b, const Objects &) -> Result<Objects> {
               auto entries = cmdlets::getMailbox(*ctx.lab, mailboxFilter(b));
               if (!entries)
                   return entries.error();
               Objects out;
               for (const MailboxEntry &e : *entries)
                   out.push_back(mailboxObject(e));
               return out;
           }});
    r.add({.name = QStringLiteral("Get-MailboxStatistics"),
           .synopsis = QStringLiteral(
               "Item count and size of mailboxes, as their mounted database's file holds them."),
           .parameters = {P{.name = QStringLiteral("Identity"), .position = 0},
                          P{.name = QStringLiteral("Database")}, P{.name = QStringLiteral("Server")}},
           .run = [](CmdletContext &ctx, const BoundParameters &b, const Objects &input) -> Result<Objects> {
               std::vector<MailboxFilter> filters;
               if (!b.has(QStringLiteral("Identity")) &&
                   !input.empty()) // Get-Mailbox ... | Get-MailboxStatistics
                   for (const PSObject &o : input)
                       filters.push_back(
                           {o.property(QStringLiteral("Identity")).value_or(QVariant()).toString(), {}, {}});
               else
                   filters.push_back(mailboxFilter(b));
               Objects out;
               for (const MailboxFilter &f : filters) {
                   auto stats = cmdlets::getMailboxStatistics(*ctx.lab, f);
                   if (!stats)
                       return stats.error();
                   for (const MailboxStatistics &s : *stats)
                       out.push_back(mailboxStatisticsObject(s));
               }
               return out;
           }});
    r.add({.name = QStringLiteral("Move-Mailbox"),
           .synopsis = QStringLiteral(
               "With -ConfigurationOnly: rehome mailboxes (from the pipeline or -Identity) on a "
               "database."),
           .parameters = {P{.name = QStringLiteral("Identity"), .position = 0},
                          P{.name = QStringLiteral("TargetDatabase"), .mandatory = true},
                          P{.name = QStringLiteral("ConfigurationOnly"), .type = T::Switch}},
           .confirms = true,
           .run = [](CmdletContext &ctx, const BoundParameters &b, const Objects &input) -> Result<Objects> {
               if (!b.flag(QStringLiteral("ConfigurationOnly")))
                   return Error{QStringLiteral("Move-Mailbox"),
                                QStringLiteral("moves only the directory object here: the mailbox content "
                                               "stays in its database file"),
                                QStringLiteral("add -ConfigurationOnly, after the database file has been "
                                               "brought over (database portability)")};
               QStringList identities;
               if (b.has(QStringLiteral("Identity")))
                   identities << text(b, "Identity");
               for (const PSObject &o : input)
                   identities << o.property(QStringLiteral("Identity")).value_or(QVariant()).toString();
               if (identities.isEmpty())
                   return needsParameter(QStringLiteral("Move-Mailbox"), QStringLiteral("mailboxes to move"),
                                         QStringLiteral("give -Identity ALIAS, or pipe Get-Mailbox into it"));
               const QString target = text(b, "TargetDatabase");
               // Validate every mailbox and the target before moving any, then move them in one transaction.
               SCR_TRY(cmdlets::moveMailboxConfigurationOnly(*ctx.lab, identities, target));
               Objects out;
               for (const QString &identity : identities) {
                   auto moved = cmdlets::getMailbox(*ctx.lab, {identity, {}, {}});
                   if (!moved)
                       return moved.error();
                   for (const MailboxEntry &e : *moved)
                       out.push_back(mailboxObject(e));
               }
               return out;
           }});
}

} // namespace scr::ems
