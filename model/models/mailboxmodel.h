#pragma once
// MailboxModel: Recipient Configuration > Mailbox, one row a mailbox, with the columns EMC shows (Display
// Name, Alias, Recipient Type Details, Database, Server). Rows stay while the mailboxes stay (ranged
// dataChanged, e.g. when Move-Mailbox -ConfigurationOnly rehomes one); RawValueRole gives the sort proxy
// values that sort as an administrator expects (names without case, the type as its kind).

#include "lab/labsnapshot.h"
#include "objectstate.h"

#include <QAbstractTableModel>

namespace scr {

class MailboxModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        DisplayNameColumn,
        AliasColumn,
        RecipientTypeColumn,
        DatabaseColumn,
        ServerColumn,
        ColumnCount
    };
    enum Role {
        RawValueRole = Qt::UserRole + 1,
        GuidRole,          // the mailbox's GUID, as text: its identity whatever its name
        RecipientTypeRole, // RecipientType (int)
    };
    enum RecipientType { UserMailbox, SystemMailbox };
    // Also ObjectKindRole and ObjectStateRole (objectstate.h), for the icons.

    explicit MailboxModel(QObject *parent = nullptr);

    void setSnapshot(const LabSnapshot &snapshot);
    const MailboxSnapshot &mailbox(int row) const { return m_rows.at(static_cast<std::size_t>(row)); }

    // "UserMailbox" or "SystemMailbox", as Get-Mailbox's RecipientTypeDetails says.
    static RecipientType recipientTypeOf(MailboxClass objectClass);
    static QString recipientTypeName(RecipientType type);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVariant displayValue(const MailboxSnapshot &m, int column) const;
    QVariant rawValue(const MailboxSnapshot &m, int column) const;

    std::vector<MailboxSnapshot> m_rows;
};

} // namespace scr
