#pragma once
// OrganizationModel: the console tree, as EMC showed it:
//   Microsoft Exchange
//     Organization Configuration > Mailbox
//     Server Configuration > Mailbox > each server (with the host it is bound to and whether it is powered)
//       > its storage groups > each one's database and SCR copies; under a standby server, "SCR copies held"
//       lists the copies it holds
//     Recipient Configuration > Mailbox
//     Toolbox > Event Viewer, Replication Dashboard
// Filled from LabSnapshots: when only states change, the rows stay and dataChanged says so (selection and
// expansion survive); when objects come or go, the model is reset.

#include "lab/labsnapshot.h"
#include "objectstate.h"
#include "replicationhealth.h"

#include <QAbstractItemModel>

namespace scr {

class OrganizationModel final : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, StatusColumn, ColumnCount };
    // The lab's objects first (their values are kept), then the containers EMC shows around them.
    enum Kind {
        Organization, // the root, "Microsoft Exchange"
        Server,
        StorageGroup,
        Database,
        Copy, // under its storage group, and again under the standby server that holds it
        OrganizationConfiguration,
        OrganizationMailbox, // Organization Configuration > Mailbox
        ServerConfiguration,
        ServerMailbox, // Server Configuration > Mailbox: the servers
        HeldCopies,    // a standby server's "SCR copies held"
        RecipientConfiguration,
        RecipientMailbox, // Recipient Configuration > Mailbox
        Toolbox,
        EventViewerTool,
        ReplicationDashboardTool
    };
    enum Role {
        KindRole = Qt::UserRole + 1, // Kind
        IdentityRole,                // "MBX1", "MBX1\SG1", "MBX1\SG1\DB1"; a copy: its storage group
        StandbyRole,                 // a copy: its standby machine
        // Unique and stable: "copy:MBX1\SG1>MBX3", "db:MBX1\SG1\DB1", "server:MBX1", "sg:MBX1\SG1"; a
        // container: "node:" and its path, "node:RECIPIENT CONFIGURATION\MAILBOX"; the copy as listed under
        // its standby server: "held:COPY:MBX1\SG1>MBX3" (indexOfKey("copy:...") is the one under its storage
        // group); a standby's list of them: "held:MBX3". Upper case after the first ':'.
        KeyRole,
        AttentionRole,    // bool: failed, stopped, powered off or dismounted
        QualifiedNameRole // the name that needs no tree around it: "MBX1\SG1 on MBX3", "Toolbox > Event
                          // Viewer"
    };
    // Also ObjectKindRole and ObjectStateRole (objectstate.h), for the icons.

    explicit OrganizationModel(QObject *parent = nullptr);

    void setSnapshot(const LabSnapshot &snapshot);
    QModelIndex indexOfKey(const QString &key) const;
    // The key of a container node from its path ("Recipient Configuration\Mailbox"), the one place that
    // form is written.
    static QString containerKey(const QString &path);
    // The key of the copy as listed under its standby server.
    static QString heldCopyKey(const QString &copyKey);
    // The copies in alert (the Replication Dashboard's thresholds): AlertRole and AlertReasonRole.
    void setAlerts(const CopyAlerts &alerts);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Node
    {
        Kind kind = Organization;
        QString key;
        QString name;
        QString status;
        QString identity;
        QString standby;
        QString qualifiedName;
        bool attention = false; // failed, powered off, dismounted: shown in another colour
        int parent = -1;        // index into m_nodes
        int row = 0;            // row under its parent
        ObjectState state = ObjectState::Normal;
        std::vector<int> children;
    };
    using HeldCopy = std::pair<const CopySnapshot *, QString>; // a copy and its storage group's identity
    static std::vector<Node> build(const LabSnapshot &snapshot);
    // Each adds under parent and returns the new node's index.
    static int add(std::vector<Node> &nodes, int parent, Node node);
    static int addContainer(std::vector<Node> &nodes, int parent, Kind kind, const char *englishName,
                            const QString &status);
    static void addServers(std::vector<Node> &nodes, int mailboxServers, const LabSnapshot &snapshot);
    static void addStorageGroup(std::vector<Node> &nodes, int serverId, const StorageGroupSnapshot &sg);
    static void addHeldCopies(std::vector<Node> &nodes, int serverId, const ServerRecord &server,
                              const std::vector<HeldCopy> &held);
    // A copy's node, under its storage group or its standby's "SCR copies held" (they differ in key and
    // name).
    static Node copyNode(const CopySnapshot &copy, const QString &storageGroupIdentity);
    int nodeOf(const QModelIndex &index) const;

    std::vector<Node> m_nodes; // m_nodes[0] is the organization
    CopyAlerts m_alerts;
};

} // namespace scr
