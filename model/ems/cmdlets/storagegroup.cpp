// Get-, New- and Remove-StorageGroup, Move-StorageGroupPath.

#include "registration.h"

#include "cmdlets/storagegroup.h"
#include "cmdlets/validation.h"
#include "ems/recordobjects.h"
#include "lab/lab.h"

namespace scr::ems {
namespace {

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

} // namespace

void registerStorageGroupCmdlets(CmdletRegistry &r)
{
    r.add({.name = QStringLiteral("Get-StorageGroup"),
           .synopsis = QStringLiteral("Storage groups, with their log paths."),
           .parameters = {{.name = QStringLiteral("Identity"), .position = 0},
                          {.name = QStringLiteral("Server")}},
           .run = [](CmdletContext &ctx, const BoundParameters &b, const Objects &) -> Result<Objects> {
               auto sgs = ctx.lab->directory().storageGroups(b.string(QStringLiteral("Server")));
               if (!sgs)
                   return sgs.error();
               Objects out;
               for (const StorageGroupRecord &sg : *sgs) {
                   if (b.has(QStringLiteral("Identity")) &&
                       !cmdlets::identityMatches(b.string(QStringLiteral("Identity")), sg.identity()))
                       continue;
                   auto copies = ctx.lab->directory().copies(sg.id);
                   if (!copies)
                       return copies.error();
                   PSObject o = storageGroupObject(sg, !copies->empty());
                   out.push_back(o);
               }
               return out;
           }});
    r.add(
        {.name = QStringLiteral("New-StorageGroup"),
         .synopsis = QStringLiteral("Create a storage group (the next free log prefix) on a mailbox server."),
         .parameters = {{.name = QStringLiteral("Name"), .position = 0, .mandatory = true},
                        {.name = QStringLiteral("Server")},
                        {.name = QStringLiteral("LogFolderPath")},
                        {.name = QStringLiteral("SystemFolderPath")}},
         .run = [](CmdletContext &ctx, const BoundParameters &b, const Objects &) -> Result<Objects> {
             auto server = serverOrSession(ctx, b, QStringLiteral("New-StorageGroup"));
             if (!server)
                 return server.error();
             auto sg = cmdlets::newStorageGroup(
                 *ctx.lab, {*server, text(b, "Name"), text(b, "LogFolderPath"), text(b, "SystemFolderPath")});
             if (!sg)
                 return sg.error();
             return Objects{storageGroupObject(*sg, false)};
         }});
    r.add(identityAction("Remove-StorageGroup",
                         "Remove an empty storage group from the directory (its files stay).", true,
                         [](Lab &lab, const QString &id) { return cmdlets::removeStorageGroup(lab, id); }));
    r.add({.name = QStringLiteral("Move-StorageGroupPath"),
           .synopsis = QStringLiteral(
               "Move a storage group's logs and checkpoint, or with -ConfigurationOnly repoint it."),
           .parameters = {identityParameter(),
                          {.name = QStringLiteral("LogFolderPath")},
                          {.name = QStringLiteral("SystemFolderPath")},
                          {.name = QStringLiteral("ConfigurationOnly"), .type = ParameterType::Switch}},
           .run = [](CmdletContext &ctx, const BoundParameters &b, const Objects &) -> Result<Objects> {
               MovePathRequest request;
               request.identity = text(b, "Identity");
               request.logFolderPath = text(b, "LogFolderPath");
               request.systemFolderPath = text(b, "SystemFolderPath");
               request.configurationOnly = b.flag(QStringLiteral("ConfigurationOnly"));
               SCR_TRY(cmdlets::moveStorageGroupPath(*ctx.lab, request));
               return Objects{};
           }});
}

} // namespace scr::ems
