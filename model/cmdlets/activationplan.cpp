#include "activationplan.h"

#include "ems/parser.h"

#include <QObject>

namespace scr {

std::vector<ActivationStep> planActivation(const ActivationRequest &r)
{
    using ems::quote;
    std::vector<ActivationStep> steps;
    const QString server = r.storageGroup.section(QLatin1Char('\\'), 0, 0);
    const QString source = quote(r.storageGroup + QLatin1Char('\\') + r.database);
    const QString copy =
        quote(r.storageGroup) + QStringLiteral(" -StandbyMachine ") + quote(r.standbyMachine);
    const QString session = QStringLiteral("Enter-PSSession %1; ").arg(quote(r.standbyHost));
    const QString dataFolder = r.edbFilePath.section(QLatin1Char('\\'), 0, -2);
    const QString recover =
        QStringLiteral("eseutil /r %1 /l %2 /s %3 /d %4")
            .arg(quote(r.logPrefix), quote(r.logFolderPath), quote(r.systemFolderPath), quote(dataFolder));
    const QString force = r.sourceReachable ? QString() : QStringLiteral(" -Force");

    if (r.method == ActivationRequest::Method::DatabasePortability) {
        const QString targetSg = quote(r.standbyMachine + QLatin1Char('\\') + r.targetStorageGroup);
        const QString targetDb = quote(r.standbyMachine + QLatin1Char('\\') + r.targetStorageGroup +
                                       QLatin1Char('\\') + r.targetDatabase);
        if (!r.targetExists) {
            steps.push_back(
                {QObject::tr("Prepare the target storage group and database on %1").arg(r.standbyMachine),
                 QStringLiteral("New-StorageGroup %1 -Server %2 -LogFolderPath %3 -SystemFolderPath %3; "
                                "New-MailboxDatabase %4 -StorageGroup %5 -EdbFilePath %6")
                     .arg(quote(r.targetStorageGroup), quote(r.standbyMachine), quote(r.temporaryPath),
                          quote(r.targetDatabase), targetSg,
                          quote(r.temporaryPath + QLatin1Char('\\') + r.targetDatabase +
                                QStringLiteral(".edb")))});
            steps.push_back(
                {QObject::tr("Mount and dismount the target database once"),
                 QStringLiteral("Mount-Database %1; Dismount-Database %1 -Confirm:$false").arg(targetDb)});
            steps.push_back(
                {QObject::tr("Delete the temporary files"),
                 session + QStringLiteral("Remove-Item %1 -Recurse").arg(quote(r.temporaryPath))});
        }
        if (r.sourceReachable)
            steps.push_back({QObject::tr("Dismount the source database"),
                             QStringLiteral("Dismount-Database %1 -Confirm:$false").arg(source)});
        steps.push_back({QObject::tr("Activate the copy (Restore-StorageGroupCopy)"),
                         QStringLiteral("Restore-StorageGroupCopy %1%2 -Confirm:$false").arg(copy, force)});
        steps.push_back(
            {QObject::tr("Bring the copy's database to Clean Shutdown (eseutil /r)"), session + recover});
        steps.push_back(
            {QObject::tr("Point the target at the copy's files"),
             QStringLiteral("Move-StorageGroupPath %1 -LogFolderPath %2 -SystemFolderPath %3 "
                            "-ConfigurationOnly; Move-DatabasePath %4 -EdbFilePath %5 -ConfigurationOnly")
                 .arg(targetSg, quote(r.logFolderPath), quote(r.systemFolderPath), targetDb,
                      quote(r.edbFilePath))});
        steps.push_back({QObject::tr("Allow the file to be overwritten by a restore"),
                         QStringLiteral("Set-MailboxDatabase %1 -AllowFileRestore $true").arg(targetDb)});
        steps.push_back(
            {QObject::tr("Mount the target database"), QStringLiteral("Mount-Database %1").arg(targetDb)});
        steps.push_back({QObject::tr("Rehome the users' mailboxes (not the system mailboxes)"),
                         QStringLiteral("Get-Mailbox -Database %1 | where {$_.ObjectClass -NotMatch "
                                        "'(SystemAttendantMailbox|ExOleDbSystemMailbox)'} | Move-Mailbox "
                                        "-ConfigurationOnly -TargetDatabase %2 -Confirm:$false")
                             .arg(source, targetDb)});
        return steps;
    }
    steps.push_back({QObject::tr("Activate the copy (Restore-StorageGroupCopy)"),
                     QStringLiteral("Restore-StorageGroupCopy %1%2 -Confirm:$false").arg(copy, force)});
    steps.push_back({QObject::tr("Uninstall Exchange from %1").arg(r.standbyHost),
                     session + QStringLiteral("setup /m:Uninstall")});
    steps.push_back({QObject::tr("Rename %1 to %2").arg(r.standbyHost, server),
                     QStringLiteral("Rename-Computer -ComputerName %1 -NewName %2")
                         .arg(quote(r.standbyHost), quote(server))});
    steps.push_back({QObject::tr("Recover server %1 on this machine (setup /m:RecoverServer)").arg(server),
                     QStringLiteral("Enter-PSSession %1; setup /m:RecoverServer").arg(quote(server))});
    steps.push_back({QObject::tr("Recover the database from the copied logs (eseutil /r)"),
                     QStringLiteral("Enter-PSSession %1; ").arg(quote(server)) + recover});
    steps.push_back({QObject::tr("Mount the database"), QStringLiteral("Mount-Database %1").arg(source)});
    return steps;
}

} // namespace scr
