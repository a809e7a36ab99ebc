#pragma once
// ConsoleActions: what the console offers for a selected object (the action pane, the Action menu, the
// context menus), and the Exchange Management Shell command each entry runs. No widgets: an entry that needs
// a dialog says which dialog and on what; the window opens it. Names are qualified with the server
// ("Suspend SCR copy MBX1\SG1 on MBX3"), as several servers have an SG1.

#include "lab/labsnapshot.h"
#include "models/copykey.h"
#include "models/organizationmodel.h"

#include <optional>
#include <vector>

#include <QCoreApplication>

namespace scr {

// One entry: its text, the command it runs, and the question to ask first (if any).
struct ConsoleAction
{
    enum Kind {
        Command,                    // runs script
        OpenEnableWizard,           // target: the storage group's identity
        OpenDatabaseProperties,     // target: the database's identity
        OpenPortabilityWizard,      // target: the copy's CopyKey text
        OpenMailFlowDialog,         // target: the database's identity
        OpenCopyProperties,         // target: the copy's CopyKey text
        OpenStorageGroupProperties, // target: the storage group's identity
        OpenPrepareWizard,          // target: the standby server's name
        OpenRecoverServerWizard     // target: the failed server's name, or "MBX1>MBX3" with the standby
    };
    // A Properties entry (the last of its list, as in EMC; Alt+Enter opens it).
    bool isProperties() const
    {
        return kind == OpenDatabaseProperties || kind == OpenCopyProperties ||
               kind == OpenStorageGroupProperties;
    }
    Kind kind = Command;
    QString text;
    QString script;  // Command: the EMS command
    QString confirm; // when set: asked before the command runs
    QString target;
};

// What is selected: a tree item's kind and identity (a copy: its storage group and standby machine).
struct ConsoleSelection
{
    OrganizationModel::Kind kind = OrganizationModel::Organization;
    QString identity;
    QString standby;
    // The selection a tree (or proxy of it) index stands for; an invalid index selects nothing.
    static ConsoleSelection fromIndex(const QModelIndex &index);
};

class ConsoleActions
{
    Q_DECLARE_TR_FUNCTIONS(ConsoleActions)
public:
    // The entries for selection as snapshot shows the lab (a copy's suspension, a server's power, a
    // database's mount). None for the organization, the tree's containers (Server Configuration, Toolbox...)
    // or for what the snapshot does not hold.
    static std::vector<ConsoleAction> of(const LabSnapshot &snapshot, const ConsoleSelection &selection);

    // What Del does to the selection: the entry that removes it (an SCR copy: Disable-StorageGroupCopy; a
    // database: Remove-MailboxDatabase; a storage group: Remove-StorageGroup), always with its question;
    // nothing for what cannot be removed from the console (the organization, a server). The cmdlet refuses
    // what it must (a mounted database, a storage group that still holds one) with its own error.
    static std::optional<ConsoleAction> removal(const LabSnapshot &snapshot,
                                                const ConsoleSelection &selection);

    static const StorageGroupSnapshot *storageGroup(const LabSnapshot &snapshot, const QString &identity);
    static const DatabaseSnapshot *database(const LabSnapshot &snapshot, const QString &identity);
    static const CopySnapshot *copy(const LabSnapshot &snapshot, const QString &storageGroup,
                                    const QString &standby);

private:
    static void serverActions(const LabSnapshot &snapshot, const ServerRecord &server,
                              std::vector<ConsoleAction> &actions);
    static void resumeActivations(const LabSnapshot &snapshot, const ServerRecord &server,
                                  std::vector<ConsoleAction> &actions);
    static void storageGroupActions(const StorageGroupSnapshot &sg, std::vector<ConsoleAction> &actions);
    static void databaseActions(const QString &name, const DatabaseSnapshot &db,
                                std::vector<ConsoleAction> &actions);
    static void copyActions(const LabSnapshot &snapshot, const CopyKey &key, const CopySnapshot &c,
                            std::vector<ConsoleAction> &actions);
    static ConsoleAction disableAction(const QString &text, const CopyKey &key);
    // "MBX1\SG1\DB1" as the snapshot spells it, or "" when it holds no such database.
    static QString databaseName(const LabSnapshot &snapshot, const QString &identity);
};

} // namespace scr
