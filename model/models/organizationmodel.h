#pragma once
// OrganizationModel: the console tree, as EMC showed it: the organization, its servers (with the host each is
// bound to and whether it is powered), their storage groups, and under each storage group its database and
// its SCR copies. Filled from LabSnapshots: when only states change, the rows stay and dataChanged says so
// (selection and expansion survive); when objects come or go, the model is reset.

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
    enum Kind { Organization, Server, StorageGroup, Database, Copy };
    enum Role {
        KindRole = Qt::UserRole + 1, // Kind
        IdentityRole,                // "MBX1", "MBX1\SG1", "MBX1\SG1\DB1"; a copy: its storage group
        StandbyRole,                 // a copy: its standby machine
        KeyRole,                     // unique and stable: "copy:MBX1\SG1>MBX3"
        AttentionRole                // bool: failed, stopped, powered off or dismounted
    };
    // Also ObjectKindRole and ObjectStateRole (objectstate.h), for the icons.

    explicit OrganizationModel(QObject *parent = nullptr);

    void setSnapshot(const LabSnapshot &snapshot);
    QModelIndex indexOfKey(const QString &key) const;
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
        bool attention = false; // failed, powered off, dismounted: shown in another colour
        int parent = -1;        // index into m_nodes
        int row = 0;            // row under its parent
        ObjectState state = ObjectState::Normal;
        std::vector<int> children;
    };
    static std::vector<Node> build(const LabSnapshot &snapshot);
    int nodeOf(const QModelIndex &index) const;

    std::vector<Node> m_nodes; // m_nodes[0] is the organization
    CopyAlerts m_alerts;
};

} // namespace scr
