// The cmdlets of the activation runbooks (prepare the target, database portability, Recover Server): thin
// adapters from bound parameters to the typed calls in model/cmdlets, and from their results to pipeline
// objects.

#include "cmdletregistry.h"

#include "cmdlets/hostdiskspace.h"
#include "cmdlets/mailbox.h"
#include "cmdlets/recoverserver.h"
#include "cmdlets/restorestoragegroupcopy.h"
#include "cmdlets/storagegroup.h"
#include "lab/lab.h"
#include "recordobjects.h"

namespace scr::ems {
namespace {

using P = ParameterSpec;
using T = ParameterType;
using Objects = std::vector<PSObject>;

QString text(const BoundParameters &b, const char *name)
{
    return b.string(QLatin1String(name));
}

Error needsParameter(const QString &cmdlet, const QString &parameter, const QString &example)
{
    return Error{cmdlet, QStringLiteral("needs %1").arg(parameter), example};
}

// The server a command acts on: -Server, or the server bound to the session's host.
Result<QString> serverOrSession(CmdletContext &ctx, const BoundParameters &b, const QString &cmdlet)
{
    if (b.has(QStringLiteral("Server")))
        return text(b, "Server");
    if (!ctx.host.isEmpty()) {
        auto servers = ctx.lab->directory().servers();
        if (!servers)
            return servers.error();
        for (const ServerRecord &s : *servers)
            if (s.host.compare(ctx.host, Qt::CaseInsensitive) == 0)
                return s.name;
    }
    return needsParameter(cmdlet, QStringLiteral("-Server"),
                          QStringLiteral("add -Server MBX3, or Enter-PSSession MBX3 first"));
}

MailboxFilter mailboxFilter(const BoundParameters &b)
{
    return {text(b, "Identity"), text(b, "Database"), text(b, "Server")};
}

PSObject restoreReportObject(const RestoreReport &r)
{
    PSObject o{QStringLiteral("StorageGroupCopyRestore"), {}, {}};
    o.set(QStringLiteral("Identity"), r.identity);
    o.set(QStringLiteral("StandbyMachine"), r.standbyMachine);
    o.set(QStringLiteral("SourceReachable"), r.sourceReachable);
    o.set(QStringLiteral("LogsCopiedNow"), r.logsCopiedNow);
    o.set(QStringLiteral("OpenLogCopied"), r.openLogCopied);
    o.set(QStringLiteral("LastLogCopied"), static_cast<qlonglong>(r.lastLogCopied));
    o.set(QStringLiteral("LastLogGenerated"), static_cast<qlonglong>(r.lastLogGenerated));
    o.set(QStringLiteral("LostGenerations"), static_cast<qlonglong>(r.lostGenerations));
    o.set(QStringLiteral("OpenLogLost"), r.openLogLost);
    o.set(QStringLiteral("LeftBehind"),
          r.leftBehind); // -Force with the source reachable: still on the source
    o.set(QStringLiteral("LastCopiedLogTime"), when(r.lastCopiedLogTimeMs));
    o.set(QStringLiteral("FailureTime"), when(r.failureTimeMs));
    o.set(QStringLiteral("LostTime"), formatTimeSpan(r.lostTimeMs));
    o.set(QStringLiteral("DatabaseState"), r.databaseState);
    o.set(QStringLiteral("LogFolderPath"), r.logFolderPath);
    o.set(QStringLiteral("EdbFilePath"), r.edbFilePath);
    o.set(QStringLiteral("Summary"), r.summary());
    return o;
}

} // namespace

void registerActivationCmdlets(CmdletRegistry &r)
{
    r.add({QStringLiteral("New-StorageGroup"),
           QStringLiteral("Create a storage group (the next free log prefix) on a mailbox server."),
           {P{QStringLiteral("Name"), T::String, 0, true}, P{QStringLiteral("Server"), T::String, -1, false},
            P{QStringLiteral("LogFolderPath"), T::String, -1, false},
            P{QStringLiteral("SystemFolderPath"), T::String, -1, false}},
           false,
           true,
           false,
           [](CmdletContext &ctx, const BoundParameters &b, const Objects &) -> Result<Objects> {
               auto server = serverOrSession(ctx, b, QStringLiteral("New-StorageGroup"));
               if (!server)
                   return server.error();
               auto sg =
                   cmdlets::newStorageGroup(*ctx.lab, {*server, text(b, "Name"), text(b, "LogFolderPath"),
                                                       text(b, "SystemFolderPath")});
               if (!sg)
                   return sg.error();
               return Objects{storageGroupObject(*sg, false)};
           }});
    r.add({QStringLiteral("Remove-StorageGroup"),
           QStringLiteral("Remove an empty storage group from the directory (its files stay)."),
           {P{QStringLiteral("Identity"), T::String, 0, true}},
           true,
           true,
           false,
           [](CmdletContext &ctx, const BoundParameters &b, const Objects &) -> Result<Objects> {
               SCR_TRY(cmdlets::removeStorageGroup(*ctx.lab, text(b, "Identity")));
               return Objects{};
           }});
    r.add({QStringLiteral("New-MailboxDatabase"),
           QStringLiteral(
               "Create a mailbox database in a storage group (the file is made at its first mount)."),
           {P{QStringLiteral("Name"), T::String, 0, true},
            P{QStringLiteral("StorageGroup"), T::String, -1, true},
            P{QStringLiteral("EdbFilePath"), T::String, -1, false}},
           false,
           true,
           false,
           [](CmdletContext &ctx, const BoundParameters &b, const Objects &) -> Result<Objects> {
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
    r.add({QStringLiteral("Remove-MailboxDatabase"),
           QStringLiteral("Remove a dismounted mailbox database with no mailboxes (its file stays)."),
           {P{QStringLiteral("Identity"), T::String, 0, true}},
           true,
           true,
           false,
           [](CmdletContext &ctx, const BoundParameters &b, const Objects &) -> Result<Objects> {
               SCR_TRY(cmdlets::removeMailboxDatabase(*ctx.lab, text(b, "Identity")));
               return Objects{};
           }});
    r.add(
        {QStringLiteral("Move-StorageGroupPath"),
         QStringLiteral("Move a storage group's logs and checkpoint, or with -ConfigurationOnly repoint it."),
         {P{QStringLiteral("Identity"), T::String, 0, true},
          P{QStringLiteral("LogFolderPath"), T::String, -1, false},
          P{QStringLiteral("SystemFolderPath"), T::String, -1, false},
          P{QStringLiteral("ConfigurationOnly"), T::Switch, -1, false}},
         false,
         true,
         false,
         [](CmdletContext &ctx, const BoundParameters &b, const Objects &) -> Result<Objects> {
             MovePathRequest request;
             request.identity = text(b, "Identity");
             request.logFolderPath = text(b, "LogFolderPath");
             request.systemFolderPath = text(b, "SystemFolderPath");
             request.configurationOnly = b.flag(QStringLiteral("ConfigurationOnly"));
             SCR_TRY(cmdlets::moveStorageGroupPath(*ctx.lab, request));
             return Objects{};
         }});
    r.add({QStringLiteral("Move-DatabasePath"),
           QStringLiteral("Move a mailbox database's file, or with -ConfigurationOnly repoint it."),
           {P{QStringLiteral("Identity"), T::String, 0, true},
            P{QStringLiteral("EdbFilePath"), T::String, -1, true},
            P{QStringLiteral("ConfigurationOnly"), T::Switch, -1, false}},
           false,
           true,
           false,
           [](CmdletContext &ctx, const BoundParameters &b, const Objects &) -> Result<Objects> {
               MovePathRequest request;
               request.identity = text(b, "Identity");
               request.edbFilePath = text(b, "EdbFilePath");
               request.configurationOnly = b.flag(QStringLiteral("ConfigurationOnly"));
               SCR_TRY(cmdlets::moveDatabasePath(*ctx.lab, request));
               return Objects{};
           }});
    r.add({QStringLiteral("Restore-StorageGroupCopy"),
           QStringLiteral("End an SCR copy and make its files ready to mount; reports the data lost."),
           {P{QStringLiteral("Identity"), T::String, 0, true},
            P{QStringLiteral("StandbyMachine"), T::String, -1, true},
            P{QStringLiteral("Force"), T::Switch, -1, false},
            P{QStringLiteral("ReplaceLocations"), T::Switch, -1, false}},
           true,
           true,
           false,
           [](CmdletContext &ctx, const BoundParameters &b, const Objects &) -> Result<Objects> {
               auto report = cmdlets::restoreStorageGroupCopy(
                   *ctx.lab, {text(b, "Identity"), text(b, "StandbyMachine"), b.flag(QStringLiteral("Force")),
                              b.flag(QStringLiteral("ReplaceLocations"))});
               if (!report)
                   return report.error();
               return Objects{restoreReportObject(*report)};
           }});
    r.add({QStringLiteral("Get-Mailbox"),
           QStringLiteral("Mailboxes, by name, alias or GUID, by -Database or by -Server."),
           {P{QStringLiteral("Identity"), T::String, 0, false},
            P{QStringLiteral("Database"), T::String, -1, false},
            P{QStringLiteral("Server"), T::String, -1, false}},
           false,
           true,
           false,
           [](CmdletContext &ctx, const BoundParameters &b, const Objects &) -> Result<Objects> {
               auto entries = cmdlets::getMailbox(*ctx.lab, mailboxFilter(b));
               if (!entries)
                   return entries.error();
               Objects out;
               for (const MailboxEntry &e : *entries)
                   out.push_back(mailboxObject(e));
               return out;
           }});
    r.add({QStringLiteral("Get-MailboxStatistics"),
           QStringLiteral("Item count and size of mailboxes, as their mounted database's file holds them."),
           {P{QStringLiteral("Identity"), T::String, 0, false},
            P{QStringLiteral("Database"), T::String, -1, false},
            P{QStringLiteral("Server"), T::String, -1, false}},
           false,
           true,
           false,
           [](CmdletContext &ctx, const BoundParameters &b, const Objects &input) -> Result<Objects> {
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
    r.add({QStringLiteral("Move-Mailbox"),
           QStringLiteral("With -ConfigurationOnly: rehome mailboxes (from the pipeline or -Identity) on a "
                          "database."),
           {P{QStringLiteral("Identity"), T::String, 0, false},
            P{QStringLiteral("TargetDatabase"), T::String, -1, true},
            P{QStringLiteral("ConfigurationOnly"), T::Switch, -1, false}},
           true,
           true,
           false,
           [](CmdletContext &ctx, const BoundParameters &b, const Objects &input) -> Result<Objects> {
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
    r.add({QStringLiteral("Rename-Computer"),
           QStringLiteral("Rename a host (the session's, or -ComputerName); it keeps its disk."),
           {P{QStringLiteral("NewName"), T::String, 0, true},
            P{QStringLiteral("ComputerName"), T::String, -1, false}},
           false,
           true,
           false,
           [](CmdletContext &ctx, const BoundParameters &b, const Objects &) -> Result<Objects> {
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
    r.add(
        {QStringLiteral("Get-Host"),
         QStringLiteral("The simulated machines: power, disk folder, and the Exchange server bound to each."),
         {P{QStringLiteral("Identity"), T::String, 0, false}},
         false,
         true,
         false,
         [](CmdletContext &ctx, const BoundParameters &b, const Objects &) -> Result<Objects> {
             auto hosts = ctx.lab->directory().hosts();
             if (!hosts)
                 return hosts.error();
             auto servers = ctx.lab->directory().servers();
             if (!servers)
                 return servers.error();
             Objects out;
             for (const HostRecord &h : *hosts) {
                 if (b.has(QStringLiteral("Identity")) &&
                     h.name.compare(text(b, "Identity"), Qt::CaseInsensitive) != 0)
                     continue;
                 QStringList bound;
                 for (const ServerRecord &s : *servers)
                     if (s.host.compare(h.name, Qt::CaseInsensitive) == 0)
                         bound << s.name;
                 PSObject o{QStringLiteral("Host"),
                            {QStringLiteral("Name"), QStringLiteral("PoweredOn"),
                             QStringLiteral("ExchangeServer"), QStringLiteral("DiskSizeGB"),
                             QStringLiteral("DiskFreeGB"), QStringLiteral("DiskFolder")},
                            {}};
                 o.set(QStringLiteral("Name"), h.name);
                 o.set(QStringLiteral("PoweredOn"), h.poweredOn);
                 o.set(QStringLiteral("ExchangeServer"), bound.join(QStringLiteral(", ")));
                 o.set(QStringLiteral("DiskFolder"), ctx.lab->hostDisk(h.name).root());
                 auto disk = cmdlets::hostDiskReport(*ctx.lab, h.name);
                 if (!disk)
                     return disk.error();
                 setDiskProperties(o, *disk);
                 out.push_back(o);
             }
             return out;
         }});
    r.add({QStringLiteral("Set-Host"),
           QStringLiteral(
               "Set a simulated machine's logical disk size: -DiskSizeGB (decimals allowed, not below "
               "what its files use)."),
           {P{QStringLiteral("Identity"), T::String, 0, true},
            P{QStringLiteral("DiskSizeGB"), T::String, -1, false}},
           false,
           true,
           false,
           [](CmdletContext &ctx, const BoundParameters &b, const Objects &) -> Result<Objects> {
               if (!b.has(QStringLiteral("DiskSizeGB")))
                   return needsParameter(
                       QStringLiteral("Set-Host"), QStringLiteral("-DiskSizeGB"),
                       QStringLiteral("Set-Host %1 -DiskSizeGB 200").arg(text(b, "Identity")));
               auto bytes = cmdlets::parseGigabytes(QStringLiteral("DiskSizeGB"), text(b, "DiskSizeGB"),
                                                    cmdlets::kMinDiskSizeGB, cmdlets::kMaxDiskSizeGB);
               if (!bytes)
                   return bytes.error();
               auto report = cmdlets::setHostDiskSize(*ctx.lab, text(b, "Identity"), *bytes);
               if (!report)
                   return report.error();
               return Objects{hostDiskObject(*report)};
           }});
    r.add({QStringLiteral("setup"),
           QStringLiteral("Exchange setup on the session's host: /m:RecoverServer (or /RecoverServer) or "
                          "/m:Uninstall (/mode: too)."),
           {},
           false,
           true,
           true,
           [](CmdletContext &ctx, const BoundParameters &b, const Objects &) -> Result<Objects> {
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
