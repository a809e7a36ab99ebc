#include "organizationmodel.h"

#include "models/copykey.h"

namespace scr {

namespace {

ObjectKind objectKindOf(OrganizationModel::Kind kind)
{
    switch (kind) {
    case OrganizationModel::Organization:
        return ObjectKind::Organization;
    case OrganizationModel::Server:
        return ObjectKind::Server;
    case OrganizationModel::StorageGroup:
        return ObjectKind::StorageGroup;
    case OrganizationModel::Database:
        return ObjectKind::Database;
    case OrganizationModel::Copy:
        return ObjectKind::Copy;
    }
    return ObjectKind::Organization;
}

} // namespace

OrganizationModel::OrganizationModel(QObject *parent) : QAbstractItemModel(parent) {}

std::vector<OrganizationModel::Node> OrganizationModel::build(const LabSnapshot &snapshot)
{
    std::vector<Node> nodes;
    const auto add = [&nodes](int parent, Node node) {
        node.parent = parent;
        const int id = static_cast<int>(nodes.size());
        if (parent >= 0) {
            node.row = static_cast<int>(nodes[static_cast<std::size_t>(parent)].children.size());
            nodes[static_cast<std::size_t>(parent)].children.push_back(id);
        }
        nodes.push_back(std::move(node));
        return id;
    };
    Node org;
    org.kind = Organization;
    org.key = QStringLiteral("org");
    // The lab folder's own name (the organization's), from the path as a string: no file is read.
    QString labDir = snapshot.labDir;
    while (labDir.size() > 1 && labDir.endsWith(QLatin1Char('/')))
        labDir.chop(1);
    org.name = labDir.mid(labDir.lastIndexOf(QLatin1Char('/')) + 1);
    org.status = QStringLiteral("Organization");
    add(-1, org);
    for (const ServerRecord &server : snapshot.servers) {
        const bool on = snapshot.isPoweredOn(server.host);
        Node s;
        s.kind = Server;
        s.key = QStringLiteral("server:") + server.name.toUpper();
        s.name = server.name;
        s.identity = server.name;
        s.status = on ? QStringLiteral("Running on %1").arg(server.host)
                      : QStringLiteral("%1 is powered off").arg(server.host);
        s.attention = !on;
        s.state = on ? ObjectState::Normal : ObjectState::PoweredOff;
        const int serverId = add(0, s);
        for (const StorageGroupSnapshot &sg : snapshot.storageGroups) {
            if (sg.record.server.compare(server.name, Qt::CaseInsensitive) != 0)
                continue;
            Node g;
            g.kind = StorageGroup;
            g.key = QStringLiteral("sg:") + sg.record.identity().toUpper();
            g.name = sg.record.name;
            g.identity = sg.record.identity();
            g.status = sg.copies.empty()       ? QStringLiteral("Not replicated")
                       : sg.copies.size() == 1 ? QStringLiteral("SCR: 1 copy")
                                               : QStringLiteral("SCR: %1 copies").arg(sg.copies.size());
            g.state = sg.copies.empty() ? ObjectState::Normal : ObjectState::Replicated;
            const int sgId = add(serverId, g);
            for (const DatabaseSnapshot &db : sg.databases) {
                Node d;
                d.kind = Database;
                d.identity = sg.record.identity() + QLatin1Char('\\') + db.record.name;
                d.key = QStringLiteral("db:") + d.identity.toUpper();
                d.name = db.record.name;
                d.status = db.mounted                 ? QStringLiteral("Mounted")
                           : !db.mountError.isEmpty() ? QStringLiteral("Failed to mount: ") + db.mountError
                                                      : QStringLiteral("Dismounted");
                d.attention = !db.mounted;
                d.state = db.mounted ? ObjectState::Normal : ObjectState::Dismounted;
                add(sgId, d);
            }
            for (const CopySnapshot &copy : sg.copies) {
                Node c;
                c.kind = Copy;
                c.identity = sg.record.identity();
                c.standby = copy.record.standbyMachine;
                c.key = CopyKey{c.identity, c.standby}.toString();
                c.name = QStringLiteral("SCR copy on %1").arg(copy.record.standbyMachine);
                c.status = summaryCopyStatusName(copy.status.summary);
                c.attention = copy.status.failed || copy.status.summary == SummaryCopyStatus::Suspended ||
                              copy.status.summary == SummaryCopyStatus::ServiceDown;
                c.state = objectStateOf(copy.status.summary);
                add(sgId, c);
            }
        }
    }
    return nodes;
}

void OrganizationModel::setSnapshot(const LabSnapshot &snapshot)
{
    std::vector<Node> fresh = build(snapshot);
    const bool sameShape =
        fresh.size() == m_nodes.size() &&
        std::equal(fresh.begin(), fresh.end(), m_nodes.begin(),
                   [](const Node &a, const Node &b) { return a.key == b.key && a.parent == b.parent; });
    if (!sameShape) {
        beginResetModel();
        m_nodes = std::move(fresh);
        endResetModel();
        return;
    }
    for (std::size_t i = 0; i < fresh.size(); ++i) {
        Node &old = m_nodes[i];
        const Node &now = fresh[i];
        if (old.name == now.name && old.status == now.status && old.attention == now.attention &&
            old.state == now.state)
            continue;
        old.name = now.name;
        old.status = now.status;
        old.attention = now.attention;
        old.state = now.state;
        const QModelIndex first = createIndex(old.row, NameColumn, static_cast<quintptr>(i));
        Q_EMIT dataChanged(first, first.siblingAtColumn(StatusColumn));
    }
}

QModelIndex OrganizationModel::indexOfKey(const QString &key) const
{
    for (std::size_t i = 0; i < m_nodes.size(); ++i)
        if (m_nodes[i].key == key)
            return createIndex(m_nodes[i].row, NameColumn, static_cast<quintptr>(i));
    return {};
}

void OrganizationModel::setAlerts(const CopyAlerts &alerts)
{
    const std::vector<QString> changed = CopyAlerts::changed(m_alerts, alerts);
    m_alerts = alerts;
    for (const QString &key : changed)
        if (const QModelIndex i = indexOfKey(key); i.isValid())
            Q_EMIT dataChanged(i, i.siblingAtColumn(StatusColumn), {AlertRole, AlertReasonRole});
}

int OrganizationModel::nodeOf(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<int>(index.internalId()) : -1;
}

QModelIndex OrganizationModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount)
        return {};
    if (!parent.isValid())
        return row == 0 && !m_nodes.empty() ? createIndex(0, column, quintptr(0)) : QModelIndex();
    if (parent.column() != 0)
        return {};
    const Node &p = m_nodes[static_cast<std::size_t>(nodeOf(parent))];
    if (row >= static_cast<int>(p.children.size()))
        return {};
    return createIndex(row, column, static_cast<quintptr>(p.children[static_cast<std::size_t>(row)]));
}

QModelIndex OrganizationModel::parent(const QModelIndex &child) const
{
    const int id = nodeOf(child);
    if (id <= 0)
        return {};
    const int parentId = m_nodes[static_cast<std::size_t>(id)].parent;
    return createIndex(m_nodes[static_cast<std::size_t>(parentId)].row, 0, static_cast<quintptr>(parentId));
}

int OrganizationModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return m_nodes.empty() ? 0 : 1;
    if (parent.column() != 0)
        return 0;
    return static_cast<int>(m_nodes[static_cast<std::size_t>(nodeOf(parent))].children.size());
}

int OrganizationModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant OrganizationModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Node &n = m_nodes[static_cast<std::size_t>(nodeOf(index))];
    if (role == AlertRole || role == AlertReasonRole)
        return m_alerts.data(n.key, role);
    switch (role) {
    case Qt::DisplayRole:
        return index.column() == NameColumn ? n.name : n.status;
    case Qt::ToolTipRole:
        return n.identity.isEmpty() ? n.name : n.identity + QStringLiteral(": ") + n.status;
    case AttentionRole:
        return n.attention;
    case KindRole:
        return n.kind;
    case ObjectKindRole:
        return static_cast<int>(objectKindOf(n.kind));
    case ObjectStateRole:
        return static_cast<int>(n.state);
    case IdentityRole:
        return n.identity;
    case StandbyRole:
        return n.standby;
    case KeyRole:
        return n.key;
    default:
        return {};
    }
}

QVariant OrganizationModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return section == NameColumn ? QStringLiteral("Name") : QStringLiteral("Status");
}

} // namespace scr
