#pragma once
// DatabaseListModel: Organization Configuration > Mailbox, one row a mailbox database of the organization
// (Name, Storage Group, Server, Mounted, Mailboxes). Rows stay while the databases stay (ranged
// dataChanged when one mounts or dismounts); RawValueRole gives the sort proxy numbers and booleans.

#include "lab/labsnapshot.h"
#include "objectstate.h"

#include <QAbstractTableModel>

namespace scr {

class DatabaseListModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, StorageGroupColumn, ServerColumn, MountedColumn, MailboxesColumn, ColumnCount };
    enum Role { RawValueRole = Qt::UserRole + 1, IdentityRole };
    // Also ObjectKindRole and ObjectStateRole (objectstate.h), for the icons.

    explicit DatabaseListModel(QObject *parent = nullptr);

    void setSnapshot(const LabSnapshot &snapshot);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        QString identity;     // "MBX1\SG1\DB1"
        QString name;         // "DB1"
        QString storageGroup; // "MBX1\SG1"
        QString server;       // "MBX1"
        bool mounted = false;
        int mailboxes = 0;
        friend bool operator==(const Row &, const Row &) = default;
    };

    std::vector<Row> m_rows;
};

} // namespace scr
