// Get-, Set-, New- and Remove-MailboxDatabase.

#include "registration.h"

#include "cmdlets/mailboxdatabase.h"
#include "cmdlets/storagegroup.h"
#include "ems/recordobjects.h"
#include "lab/lab.h"

namespace scr::ems {
void registerMailboxDatabaseCmdlets(CmdletRegistry &r)
{
    r.add({.name = QStringLiteral("Get-MailboxDatabase"),
           .synopsis = QStringLiteral("Mailbox databases and their properties."),
           .parameters = {P{.name = QStringLiteral("Identity"), .position = 0},
                          P{.name = QStringLiteral("Server")},
                          P{.name = QStringLiteral("Status"), .type = T::Switch}},
           .run = [](CmdletContext &ctx, const BoundParameters &b, const Objects &) -> Result<Objects> {
               auto rows = cmdlets::getMailboxDatabase(*ctx.lab, b.string(QStringLiteral("Identity")),
                                                       b.string(QStringLiteral("Server")));
               if (!rows)
                   return rows.error();
               Objects out;
               for (const MailboxDatabaseRow &row : *rows) {
                   PSObject o = mailboxDatabaseObject(row, b.flag(QStringLiteral("Status")));
                   out.push_back(o);
               }
               return out;
           }});
    r.add({.name = QStringLiteral("Set-MailboxDatabase"),
           .synopsis = QStringLiteral("Change a mailbox database's properties."),
           .parameters = {identityParameter(),
                          P{.name = QStringLiteral("AllowFileRestore"), .type = T::Boolean},
                          P{.name = QStringLiteral("MountAtStartup"), .type = T::Boolean}},
           .run = [](CmdletContext &ctx, const BoundParameters &b, const Objects &) -> Result<Objects> {
               const auto optional = [&](const char *name) {
                   return b.has(QLatin1String(name)) ? std::optional<bool>(b.flag(QLatin1String(name)))
                                                     : std::nullopt;
               };
               SCR_TRY(cmdlets::setMailboxDatabase(*ctx.lab, b.string(QStringLiteral("Identity")),
                                                   optional("AllowFileRestore"), optional("MountAtStartup")));
               return none();
           }});
    r.add({.name = QStringLiteral("New-MailboxDatabase"),
           .synopsis = QStringLiteral(
               "Create a mailbox database in a storage group (the file is made at its first mount)."),
           .parameters = {P{.name = QStringLiteral("Name"), .position = 0, .mandatory = true},
                          P{.name = QStringLiteral("StorageGroup"), .mandatory = true},
                          P{.name = QStringLiteral("EdbFilePath")}},
           .run = [](CmdletContext &ctx, const BoundParameters &b, const Objects &) -> Result<Objects> {
               auto db = cmdlets::newMailboxDatabase(
                   *ctx.lab, {text(b, "StorageGroup"), text(b, "Name"), text(b, "EdbFilePath")});
               if (!db)
                   return db.error();
               // -StorageGroup may be the group's name alone: the new database is named by the full one.
               auto sg = ctx.lab->directory().storageGroup(db->storageGroupId);
               if (!sg)
                   return sg.error();
               if (!*sg)
                   return Error{
                       text(b, "StorageGroup"), QStringLiteral("vanished while its database was made"), {}};
               auto row =
                   cmdlets::findMailboxDatabase(*ctx.lab, (*sg)->identity() + QLatin1Char('\\') + db->name);
               if (!row)
                   return row.error();
               return Objects{mailboxDatabaseObject(*row, false)};
           }});
    r.add(identityAction(
        "Remove-MailboxDatabase", "Remove a dismounted mailbox database with no mailboxes (its file stays).",
        true, [](Lab &lab, const QString &id) { return cmdlets::removeMailboxDatabase(lab, id); }));
}

} // namespace scr::ems
