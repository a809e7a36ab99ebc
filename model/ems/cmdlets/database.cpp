// Mount-Database, Dismount-Database, Move-DatabasePath and Start-DatabaseBackup: a mailbox database's file.

#include "registration.h"

#include "cmdlets/databasebackup.h"
#include "cmdlets/mailboxdatabase.h"
#include "cmdlets/storagegroup.h"
#include "ems/recordobjects.h"
#include "lab/lab.h"

namespace scr::ems {
void registerDatabaseCmdlets(CmdletRegistry &r)
{
    r.add(
        {.name = QStringLiteral("Mount-Database"),
         .synopsis = QStringLiteral("Mount a mailbox database (soft recovery first); -Force mounts an empty "
                                    "database in place of a lost file."),
         .parameters = {identityParameter(), P{.name = QStringLiteral("Force"), .type = T::Switch}},
         .run = [](CmdletContext &ctx, const BoundParameters &b, const Objects &) -> Result<Objects> {
             SCR_TRY(cmdlets::mountDatabase(*ctx.lab, b.string(QStringLiteral("Identity")),
                                            b.flag(QStringLiteral("Force"))));
             return none();
         }});
    r.add(identityAction("Dismount-Database", "Dismount a mailbox database (Clean Shutdown).", true,
                         [](Lab &lab, const QString &id) { return cmdlets::dismountDatabase(lab, id); }));
    r.add(
        {.name = QStringLiteral("Move-DatabasePath"),
         .synopsis = QStringLiteral("Move a mailbox database's file, or with -ConfigurationOnly repoint it."),
         .parameters = {identityParameter(), P{.name = QStringLiteral("EdbFilePath"), .mandatory = true},
                        P{.name = QStringLiteral("ConfigurationOnly"), .type = T::Switch}},
         .run = [](CmdletContext &ctx, const BoundParameters &b, const Objects &) -> Result<Objects> {
             MovePathRequest request;
             request.identity = text(b, "Identity");
             request.edbFilePath = text(b, "EdbFilePath");
             request.configurationOnly = b.flag(QStringLiteral("ConfigurationOnly"));
             SCR_TRY(cmdlets::moveDatabasePath(*ctx.lab, request));
             return Objects{};
         }});
    r.add({.name = QStringLiteral("Start-DatabaseBackup"),
           .synopsis = QStringLiteral(
               "A full backup of a storage group's database; truncates the logs every copy inspected."),
           .parameters = {identityParameter()},
           .run = [](CmdletContext &ctx, const BoundParameters &b, const Objects &) -> Result<Objects> {
               auto report = cmdlets::startDatabaseBackup(*ctx.lab, b.string(QStringLiteral("Identity")));
               if (!report)
                   return report.error();
               PSObject o{QStringLiteral("BackupSet"), {}, {}};
               o.set(QStringLiteral("BackupFolder"), report->backupFolder);
               o.set(QStringLiteral("LogsBackedUp"), report->logsBackedUp);
               o.set(QStringLiteral("LogsTruncated"), report->logsTruncated);
               o.set(QStringLiteral("TruncatedThroughGeneration"),
                     static_cast<qlonglong>(report->truncatedThrough));
               o.set(QStringLiteral("LatestFullBackupTime"), when(report->timeMs));
               return Objects{o};
           }});
}

} // namespace scr::ems
