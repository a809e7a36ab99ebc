#include "databaselistmodel.h"

#include <array>

namespace scr {
namespace {

constexpr std::array<const char *, DatabaseListModel::ColumnCount> kHeaders = {
    QT_TRANSLATE_NOOP("scr::DatabaseListModel", "Name"),
    QT_TRANSLATE_NOOP("scr::DatabaseListModel", "Storage Group"),
    QT_TRANSLATE_NOOP("scr::DatabaseListModel", "Server"),
    QT_TRANSLATE_NOOP("scr::DatabaseListModel", "Mounted"),
    QT_TRANSLATE_NOOP("scr::DatabaseListModel", "Mailboxes")};

} // namespace

DatabaseListModel::DatabaseListModel(QObject *parent) : QAbstractTableModel(parent) {}

void DatabaseListModel::setSnapshot(const LabSnapshot &snapshot)
{
    std::vector<Row> fresh;
    for (const StorageGroupSnapshot &sg : snapshot.storageGroups)
        for (const DatabaseSnapshot &db : sg.databases)
            fresh.push_back({sg.record.identity() + QLatin1Char('\\') + db.record.name, db.record.name,
                             sg.record.identity(), sg.record.server, db.mounted, db.mailboxes});
    const bool sameRows = fresh.size() == m_rows.size() &&
                          std::equal(fresh.begin(), fresh.end(), m_rows.begin(),
                                     [](const Row &a, const Row &b) { return a.identity == b.identity; });
    if (!sameRows) {
        beginResetModel();
        m_rows = std::move(fresh);
        endResetModel();
        return;
    }
    for (std::size_t i = 0; i < fresh.size(); ++i) {
        if (fresh[i] == m_rows[i])
            continue;
        m_rows[i] = fresh[i];
        const int row = static_cast<int>(i);
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    }
}

int DatabaseListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int DatabaseListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DatabaseListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &r = m_rows[static_cast<std::size_t>(index.row())];
    switch (role) {
    case IdentityRole:
    case Qt::ToolTipRole:
        return r.identity;
    case ObjectKindRole:
        return static_cast<int>(ObjectKind::Database);
    case ObjectStateRole:
        return static_cast<int>(r.mounted ? ObjectState::Normal : ObjectState::Dismounted);
    case Qt::DisplayRole:
    case RawValueRole:
        break;
    default:
        return {};
    }
    const bool raw = role == RawValueRole;
    switch (index.column()) {
    case NameColumn:
        return raw ? QVariant(r.identity.toCaseFolded()) : QVariant(r.name);
    case StorageGroupColumn:
        return raw ? QVariant(r.storageGroup.toCaseFolded()) : QVariant(r.storageGroup);
    case ServerColumn:
        return raw ? QVariant(r.server.toCaseFolded()) : QVariant(r.server);
    case MountedColumn:
        return raw ? QVariant(r.mounted)
                   : QVariant(r.mounted ? QStringLiteral("True") : QStringLiteral("False"));
    case MailboxesColumn:
        return r.mailboxes;
    default:
        return {};
    }
}

QVariant DatabaseListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= ColumnCount)
        return {};
    return tr(kHeaders[static_cast<std::size_t>(section)]);
}

} // namespace scr
