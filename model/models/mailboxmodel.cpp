#include "mailboxmodel.h"

#include <array>

namespace scr {
namespace {

constexpr std::array<const char *, MailboxModel::ColumnCount> kHeaders = {
    QT_TRANSLATE_NOOP("scr::MailboxModel", "Display Name"), QT_TRANSLATE_NOOP("scr::MailboxModel", "Alias"),
    QT_TRANSLATE_NOOP("scr::MailboxModel", "Recipient Type Details"),
    QT_TRANSLATE_NOOP("scr::MailboxModel", "Database"), QT_TRANSLATE_NOOP("scr::MailboxModel", "Server")};

bool sameMailbox(const MailboxSnapshot &a, const MailboxSnapshot &b)
{
    return a.record.guid == b.record.guid;
}

bool sameRow(const MailboxSnapshot &a, const MailboxSnapshot &b)
{
    return a.record.name == b.record.name && a.record.alias == b.record.alias &&
           a.record.objectClass == b.record.objectClass && a.database == b.database && a.server == b.server;
}

} // namespace

MailboxModel::MailboxModel(QObject *parent) : QAbstractTableModel(parent) {}

MailboxModel::RecipientType MailboxModel::recipientTypeOf(MailboxClass objectClass)
{
    return objectClass == MailboxClass::User ? UserMailbox : SystemMailbox;
}

QString MailboxModel::recipientTypeName(RecipientType type)
{
    return type == UserMailbox ? QStringLiteral("UserMailbox") : QStringLiteral("SystemMailbox");
}

void MailboxModel::setSnapshot(const LabSnapshot &snapshot)
{
    const std::vector<MailboxSnapshot> &fresh = snapshot.mailboxes;
    const bool sameRows =
        fresh.size() == m_rows.size() && std::equal(fresh.begin(), fresh.end(), m_rows.begin(), sameMailbox);
    if (!sameRows) {
        beginResetModel();
        m_rows = fresh;
        endResetModel();
        return;
    }
    // Ranged: one dataChanged for each run of changed rows, so a tick that moves nothing says nothing.
    int first = -1;
    const auto flush = [this, &first](int end) {
        if (first >= 0)
            Q_EMIT dataChanged(index(first, 0), index(end - 1, ColumnCount - 1));
        first = -1;
    };
    for (std::size_t i = 0; i < fresh.size(); ++i) {
        const int row = static_cast<int>(i);
        if (sameRow(m_rows[i], fresh[i])) {
            flush(row);
            continue;
        }
        m_rows[i] = fresh[i];
        if (first < 0)
            first = row;
    }
    flush(static_cast<int>(fresh.size()));
}

int MailboxModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int MailboxModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MailboxModel::displayValue(const MailboxSnapshot &m, int column) const
{
    switch (column) {
    case DisplayNameColumn:
        return m.record.name;
    case AliasColumn:
        return m.record.alias;
    case RecipientTypeColumn:
        return recipientTypeName(recipientTypeOf(m.record.objectClass));
    case DatabaseColumn:
        return m.database;
    case ServerColumn:
        return m.server;
    default:
        return {};
    }
}

QVariant MailboxModel::rawValue(const MailboxSnapshot &m, int column) const
{
    // Text sorts without regard to case ("ada" beside "Ada"); the type sorts as its kind, users first.
    if (column == RecipientTypeColumn)
        return static_cast<int>(recipientTypeOf(m.record.objectClass));
    const QVariant shown = displayValue(m, column);
    return shown.isValid() ? QVariant(shown.toString().toCaseFolded()) : QVariant();
}

QVariant MailboxModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const MailboxSnapshot &m = m_rows[static_cast<std::size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        return displayValue(m, index.column());
    case RawValueRole:
        return rawValue(m, index.column());
    case Qt::ToolTipRole:
        return QStringLiteral("%1 (%2) on %3").arg(m.record.name, m.record.alias, m.database);
    case GuidRole:
        return m.record.guid.toString(QUuid::WithoutBraces);
    case RecipientTypeRole:
        return static_cast<int>(recipientTypeOf(m.record.objectClass));
    case ObjectKindRole:
        return static_cast<int>(ObjectKind::Mailbox);
    case ObjectStateRole:
        return static_cast<int>(ObjectState::Normal);
    default:
        return {};
    }
}

QVariant MailboxModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= ColumnCount)
        return {};
    return tr(kHeaders[static_cast<std::size_t>(section)]);
}

} // namespace scr
