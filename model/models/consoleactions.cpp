#include "consoleactions.h"

#include <algorithm>

#include "command/commandline.h"
#include "cmdlets/preparetarget.h"
#include "cmdlets/storagegroupcopy.h"
#include "models/copykey.h"

namespace scr {
namespace {

ConsoleAction command(const QString &text, const ems::CommandLine &script, const QString &confirm = {})
{
    return {ConsoleAction::Command, text, script.text(), confirm, {}};
}

ConsoleAction dialog(ConsoleAction::Kind kind, const QString &text, const QString &target)
{
    return {kind, text, {}, {}, target};
}

} // namespace

ConsoleSelection ConsoleSelection::fromIndex(const QModelIndex &index)
{
    ConsoleSelection selection;
    if (!index.isValid())
        return selection;
    selection.kind = static_cast<OrganizationModel::Kind>(index.data(OrganizationModel::KindRole).toInt());
    selection.identity = index.data(OrganizationModel::IdentityRole).toString();
    selection.standby = index.data(OrganizationModel::StandbyRole).toString();
    return selection;
}

const StorageGroupSnapshot *ConsoleActions::storageGroup(const LabSnapshot &snapshot, const QString &identity)
{
    for (const StorageGroupSnapshot &sg : snapshot.storageGroups)
        if (sg.record.identity().compare(identity, Qt::CaseInsensitive) == 0)
            return &sg;
    return nullptr;
}

const DatabaseSnapshot *ConsoleActions::database(const LabSnapshot &snapshot, const QString &identity)
{
    const StorageGroupSnapshot *sg = storageGroup(snapshot, identity.section(QLatin1Char('\\'), 0, 1));
    if (!sg)
        return nullptr;
    const QString name = identity.section(QLatin1Char('\\'), 2);
    for (const DatabaseSnapshot &db : sg->databases)
        if (db.record.name.compare(name, Qt::CaseInsensitive) == 0)
            return &db;
    return nullptr;
}

const CopySnapshot *ConsoleActions::copy(const LabSnapshot &snapshot, const QString &storageGroupIdentity,
                                         const QString &standby)
{
    const StorageGroupSnapshot *sg = storageGroup(snapshot, storageGroupIdentity);
    if (!sg)
        return nullptr;
    for (const CopySnapshot &c : sg->copies)
        if (c.record.standbyMachine.compare(standby, Qt::CaseInsensitive) == 0)
            return &c;
    return nullptr;
}

std::vector<ConsoleAction> ConsoleActions::of(const LabSnapshot &snapshot, const ConsoleSelection &selection)
{
    std::vector<ConsoleAction> actions;
    switch (selection.kind) {
    case OrganizationModel::Organization:
    case OrganizationModel::OrganizationConfiguration:
    case OrganizationModel::OrganizationMailbox:
    case OrganizationModel::ServerConfiguration:
    case OrganizationModel::ServerMailbox:
    case OrganizationModel::HeldCopies:
    case OrganizationModel::RecipientConfiguration:
    case OrganizationModel::RecipientMailbox:
    case OrganizationModel::Toolbox:
    case OrganizationModel::EventViewerTool:
    case OrganizationModel::ReplicationDashboardTool:
        break; // containers: what they show is in the result pane (or a dock), not an action on them
    case OrganizationModel::Server:
        if (const ServerRecord *server = snapshot.server(selection.identity))
            serverActions(snapshot, *server, actions);
        break;
    case OrganizationModel::StorageGroup:
        if (const StorageGroupSnapshot *sg = storageGroup(snapshot, selection.identity))
            storageGroupActions(*sg, actions);
        break;
    case OrganizationModel::Database:
        if (const DatabaseSnapshot *db = database(snapshot, selection.identity))
            databaseActions(databaseName(snapshot, selection.identity), *db, actions);
        break;
    case OrganizationModel::Copy:
        if (const CopySnapshot *c = copy(snapshot, selection.identity, selection.standby))
            copyActions(snapshot,
                        CopyKey{storageGroup(snapshot, selection.identity)->record.identity(),
                                c->record.standbyMachine},
                        *c, actions);
        break;
    }
    return actions;
}

void ConsoleActions::serverActions(const LabSnapshot &snapshot, const ServerRecord &server,
                                   std::vector<ConsoleAction> &actions)
{
    const QString host = server.host;
    if (snapshot.isPoweredOn(host))
        actions.push_back(command(tr("Power off %1 (simulate a failure)").arg(host),
                                  ems::CommandLine(QStringLiteral("Stop-Host")).value(host),
                                  tr("Power %1 off without a shutdown? Its databases stop dirty and its "
                                     "logs become unreachable.")
                                      .arg(host)));
    else
        actions.push_back(
            command(tr("Power on %1").arg(host), ems::CommandLine(QStringLiteral("Start-Host")).value(host)));
    // A standby machine (it holds SCR copies): make its target objects for database portability.
    bool holdsCopies = false;
    for (const StorageGroupSnapshot &sg : snapshot.storageGroups)
        for (const CopySnapshot &c : sg.copies)
            holdsCopies =
                holdsCopies || c.record.standbyMachine.compare(server.name, Qt::CaseInsensitive) == 0;
    if (holdsCopies)
        actions.push_back(dialog(ConsoleAction::OpenPrepareWizard,
                                 tr("Prepare SCR targets on %1...").arg(server.name), server.name));
    resumeActivations(snapshot, server, actions);
    // A failed server: recover it on a standby machine that holds its SCR copies, or finish a recovery
    // that stopped half-way (its copies activated already: the wizard plans from what is done).
    if (!snapshot.isPoweredOn(host) && server.installed && server.mailboxRole)
        actions.push_back(dialog(ConsoleAction::OpenRecoverServerWizard,
                                 tr("Recover server %1 from its SCR copies...").arg(server.name),
                                 server.name));
}

// A database portability that stopped after Restore-StorageGroupCopy ended the copy (its tree item is gone)
// and before the target was mounted: resume it here. Only in an activation's situation (the source database
// dismounted or its host down), so that a copy merely disabled is not offered.
void ConsoleActions::resumeActivations(const LabSnapshot &snapshot, const ServerRecord &server,
                                       std::vector<ConsoleAction> &actions)
{
    for (const StorageGroupSnapshot &target : snapshot.storageGroups) {
        if (target.record.server.compare(server.name, Qt::CaseInsensitive) != 0 ||
            target.databases.size() != 1 || target.databases.front().mounted)
            continue;
        for (const StorageGroupSnapshot &source : snapshot.storageGroups) {
            if (source.databases.size() != 1 ||
                source.record.server.compare(server.name, Qt::CaseInsensitive) == 0)
                continue;
            const bool stillCopied =
                std::any_of(source.copies.begin(), source.copies.end(), [&](const CopySnapshot &c) {
                    return c.record.standbyMachine.compare(server.name, Qt::CaseInsensitive) == 0;
                });
            const ServerRecord *sourceServer = snapshot.server(source.record.server);
            const bool activating = !source.databases.front().mounted ||
                                    (sourceServer && !snapshot.isPoweredOn(sourceServer->host));
            if (stillCopied || !activating)
                continue;
            for (const bool shared : {false, true})
                if (cmdlets::targetObjectsFor(source.record.identity(), server.name,
                                              source.databases.front().record.name, shared)
                        .storageGroup.compare(target.record.name, Qt::CaseInsensitive) == 0) {
                    actions.push_back(dialog(ConsoleAction::OpenPortabilityWizard,
                                             tr("Resume activating %1 on %2 by database portability...")
                                                 .arg(source.record.identity(), server.name),
                                             CopyKey{source.record.identity(), server.name}.toString()));
                    break;
                }
        }
    }
}

void ConsoleActions::storageGroupActions(const StorageGroupSnapshot &sg, std::vector<ConsoleAction> &actions)
{
    const QString name = sg.record.identity();
    actions.push_back(dialog(ConsoleAction::OpenEnableWizard, tr("Enable SCR for %1...").arg(name), name));
    for (const CopySnapshot &c : sg.copies)
        actions.push_back(disableAction(tr("Disable SCR copy %1 on %2").arg(name, c.record.standbyMachine),
                                        CopyKey{name, c.record.standbyMachine}));
    actions.push_back(command(tr("Start a full backup of %1").arg(name),
                              ems::CommandLine(QStringLiteral("Start-DatabaseBackup")).value(name)));
    actions.push_back(
        dialog(ConsoleAction::OpenStorageGroupProperties, tr("Properties of %1...").arg(name), name));
}

void ConsoleActions::databaseActions(const QString &name, const DatabaseSnapshot &db,
                                     std::vector<ConsoleAction> &actions)
{
    if (db.mounted) {
        actions.push_back(
            command(tr("Dismount %1").arg(name),
                    ems::CommandLine(QStringLiteral("Dismount-Database"))
                        .value(name)
                        .sw(QStringLiteral("Confirm"), false),
                    tr("Dismount %1? Its users lose access until it is mounted again.").arg(name)));
        actions.push_back(
            dialog(ConsoleAction::OpenMailFlowDialog, tr("Start mail flow to %1...").arg(name), name));
        actions.push_back(command(tr("Stop mail flow to %1").arg(name),
                                  ems::CommandLine(QStringLiteral("Stop-MailFlow")).value(name)));
    } else {
        actions.push_back(command(tr("Mount %1").arg(name),
                                  ems::CommandLine(QStringLiteral("Mount-Database")).value(name)));
    }
    actions.push_back(
        dialog(ConsoleAction::OpenDatabaseProperties, tr("Properties of %1...").arg(name), name));
}

void ConsoleActions::copyActions(const LabSnapshot &snapshot, const CopyKey &key, const CopySnapshot &c,
                                 std::vector<ConsoleAction> &actions)
{
    const QString name = key.displayName();
    if (c.record.suspended)
        actions.push_back(command(
            tr("Resume SCR copy %1").arg(name),
            cmdlets::copyCommand(QStringLiteral("Resume-StorageGroupCopy"), key.storageGroup, key.standby)));
    else
        actions.push_back(command(tr("Suspend SCR copy %1").arg(name),
                                  cmdlets::suspendCommand(key.storageGroup, key.standby,
                                                          QStringLiteral("Suspended from the console"))));
    actions.push_back(
        {ConsoleAction::Command,
         tr("Seed SCR copy %1 again").arg(name),
         cmdlets::seedCommands(key.storageGroup, key.standby, c.record.suspended).join(QStringLiteral("; ")),
         tr("Seed the copy of %1 on %2 again? Its files on %2 are deleted first.")
             .arg(key.storageGroup, key.standby),
         {}});
    actions.push_back(disableAction(tr("Disable SCR copy %1").arg(name), key));
    actions.push_back(dialog(ConsoleAction::OpenPortabilityWizard,
                             tr("Activate SCR copy %1 by database portability...").arg(name),
                             key.toString()));
    if (const ServerRecord *source = snapshot.server(key.storageGroup.section(QLatin1Char('\\'), 0, 0));
        source && !snapshot.isPoweredOn(source->host))
        actions.push_back(dialog(ConsoleAction::OpenRecoverServerWizard,
                                 tr("Recover server %1 on %2...").arg(source->name, key.standby),
                                 source->name + QLatin1Char('>') + key.standby));
    actions.push_back(
        dialog(ConsoleAction::OpenCopyProperties, tr("Properties of %1...").arg(name), key.toString()));
}

// Disable-StorageGroupCopy, with its question: the storage group's and the copy's own entries, and Del.
ConsoleAction ConsoleActions::disableAction(const QString &text, const CopyKey &key)
{
    return command(
        text, cmdlets::copyCommand(QStringLiteral("Disable-StorageGroupCopy"), key.storageGroup, key.standby),
        tr("Stop replicating %1 to %2? The copy's files stay on %2.").arg(key.storageGroup, key.standby));
}

QString ConsoleActions::databaseName(const LabSnapshot &snapshot, const QString &identity)
{
    const StorageGroupSnapshot *sg = storageGroup(snapshot, identity.section(QLatin1Char('\\'), 0, 1));
    const DatabaseSnapshot *db = database(snapshot, identity);
    return sg && db ? sg->record.identity() + QLatin1Char('\\') + db->record.name : QString();
}

std::optional<ConsoleAction> ConsoleActions::removal(const LabSnapshot &snapshot,
                                                     const ConsoleSelection &selection)
{
    switch (selection.kind) {
    case OrganizationModel::Copy:
        // The copy's own Disable entry, as the action pane offers it.
        if (const CopySnapshot *c = copy(snapshot, selection.identity, selection.standby)) {
            const CopyKey key{storageGroup(snapshot, selection.identity)->record.identity(),
                              c->record.standbyMachine};
            return disableAction(tr("Disable SCR copy %1").arg(key.displayName()), key);
        }
        return std::nullopt;
    case OrganizationModel::Database: {
        if (!database(snapshot, selection.identity))
            return std::nullopt;
        const QString name = databaseName(snapshot, selection.identity);
        return command(tr("Remove %1").arg(name),
                       ems::CommandLine(QStringLiteral("Remove-MailboxDatabase"))
                           .value(name)
                           .sw(QStringLiteral("Confirm"), false),
                       tr("Remove the mailbox database %1 from the organization? Its file stays on the disk; "
                          "the database must be dismounted and hold no mailboxes.")
                           .arg(name));
    }
    case OrganizationModel::StorageGroup: {
        const StorageGroupSnapshot *sg = storageGroup(snapshot, selection.identity);
        if (!sg)
            return std::nullopt;
        const QString name = sg->record.identity();
        return command(tr("Remove %1").arg(name),
                       ems::CommandLine(QStringLiteral("Remove-StorageGroup"))
                           .value(name)
                           .sw(QStringLiteral("Confirm"), false),
                       tr("Remove the storage group %1 from the organization? Its files stay on the disk; "
                          "it must hold no database.")
                           .arg(name));
    }
    default:
        return std::nullopt;
    }
}

} // namespace scr
