#include "organizationmodel.h"

#include <map>

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
    case OrganizationModel::OrganizationConfiguration:
        return ObjectKind::OrganizationConfiguration;
    case OrganizationModel::ServerConfiguration:
        return ObjectKind::ServerConfiguration;
    case OrganizationModel::RecipientConfiguration:
        return ObjectKind::RecipientConfiguration;
    case OrganizationModel::OrganizationMailbox:
    case OrganizationModel::ServerMailbox:
    case OrganizationModel::RecipientMailbox:
        return ObjectKind::MailboxRole;
    case OrganizationModel::HeldCopies:
        return ObjectKind::HeldCopies;
    case OrganizationModel::Toolbox:
        return ObjectKind::Toolbox;
    case OrganizationModel::EventViewerTool:
        return ObjectKind::EventViewer;
    case OrganizationModel::ReplicationDashboardTool:
        return ObjectKind::ReplicationDashboard;
    }
    return ObjectKind::Organization;
}

const QString kPathSeparator = QStringLiteral(" \u203A "); // "Server Configuration › Mailbox"

} // namespace

OrganizationModel::OrganizationModel(QObject *parent) : QAbstractItemModel(parent) {}

QString OrganizationModel::containerKey(const QString &path)
{
    return QStringLiteral("node:") + path.toUpper();
}

QString OrganizationModel::heldCopyKey(const QString &copyKey)
{
    return QStringLiteral("held:") + copyKey.toUpper(); // upper case after "held:", as --select writes it
}

int OrganizationModel::add(std::vector<Node> &nodes, int parent, Node node)
{
    node.parent = parent;
    const int id = static_cast<int>(nodes.size());
    if (parent >= 0) {
        node.row = static_cast<int>(nodes[static_cast<std::size_t>(parent)].children.size());
        nodes[static_cast<std::size_t>(parent)].children.push_back(id);
    }
    if (node.qualifiedName.isEmpty())
        node.qualifiedName = node.identity.isEmpty() ? node.name : node.identity;
    nodes.push_back(std::move(node));
    return id;
}

// A container: its key comes from its English path under the root (--select node:... the same in every
// language), its name and qualified name are translated.
int OrganizationModel::addContainer(std::vector<Node> &nodes, int parent, Kind kind, const char *englishName,
                                    const QString &status)
{
    const QString name = tr(englishName);
    Node c;
    c.kind = kind;
    c.name = name;
    c.status = status;
    c.qualifiedName =
        parent > 0 ? nodes[static_cast<std::size_t>(parent)].qualifiedName + kPathSeparator + name : name;
    // "node:SERVER CONFIGURATION" → "node:SERVER CONFIGURATION\\MAILBOX"
    const QString parentPath =
        parent > 0
            ? nodes[static_cast<std::size_t>(parent)].key.section(QLatin1Char(':'), 1) + QLatin1Char('\\')
            : QString();
    c.key = containerKey(parentPath + QString::fromLatin1(englishName));
    return add(nodes, parent, c);
}

std::vector<OrganizationModel::Node> OrganizationModel::build(const LabSnapshot &snapshot)
{
    std::vector<Node> nodes;
    Node org;
    org.kind = Organization;
    org.key = QStringLiteral("org");
    org.name = QStringLiteral("Microsoft Exchange");
    // The lab folder's own name (the organization's), from the path as a string: no file is read.
    QString labDir = snapshot.labDir;
    while (labDir.size() > 1 && labDir.endsWith(QLatin1Char('/')))
        labDir.chop(1);
    org.status = tr("Organization %1").arg(labDir.mid(labDir.lastIndexOf(QLatin1Char('/')) + 1));
    add(nodes, -1, org);

    int databases = 0;
    for (const StorageGroupSnapshot &sg : snapshot.storageGroups)
        databases += static_cast<int>(sg.databases.size());
    const int organizationConfiguration =
        addContainer(nodes, 0, OrganizationConfiguration, QT_TR_NOOP("Organization Configuration"), {});
    addContainer(nodes, organizationConfiguration, OrganizationMailbox, QT_TR_NOOP("Mailbox"),
                 databases == 1 ? tr("1 mailbox database") : tr("%1 mailbox databases").arg(databases));
    const int serverConfiguration =
        addContainer(nodes, 0, ServerConfiguration, QT_TR_NOOP("Server Configuration"), {});
    const int mailboxServers = addContainer(
        nodes, serverConfiguration, ServerMailbox, QT_TR_NOOP("Mailbox"),
        snapshot.servers.size() == 1 ? tr("1 server") : tr("%1 servers").arg(snapshot.servers.size()));
    addServers(nodes, mailboxServers, snapshot);

    const int recipientConfiguration =
        addContainer(nodes, 0, RecipientConfiguration, QT_TR_NOOP("Recipient Configuration"), {});
    addContainer(nodes, recipientConfiguration, RecipientMailbox, QT_TR_NOOP("Mailbox"),
                 snapshot.mailboxes.size() == 1 ? tr("1 mailbox")
                                                : tr("%1 mailboxes").arg(snapshot.mailboxes.size()));
    const int toolbox = addContainer(nodes, 0, Toolbox, QT_TR_NOOP("Toolbox"), {});
    addContainer(nodes, toolbox, EventViewerTool, QT_TR_NOOP("Event Viewer"), {});
    addContainer(nodes, toolbox, ReplicationDashboardTool, QT_TR_NOOP("Replication Dashboard"), {});
    return nodes;
}

void OrganizationModel::addServers(std::vector<Node> &nodes, int mailboxServers, const LabSnapshot &snapshot)
{
    // Each server's storage groups and the copies it holds, grouped in one pass (a scan of every storage
    // group per server cost milliseconds a tick at 100 servers, bench_console).
    std::map<QString, std::vector<const StorageGroupSnapshot *>> groupsOf;
    std::map<QString, std::vector<HeldCopy>> heldBy;
    for (const StorageGroupSnapshot &sg : snapshot.storageGroups) {
        groupsOf[sg.record.server.toUpper()].push_back(&sg);
        for (const CopySnapshot &copy : sg.copies)
            heldBy[copy.record.standbyMachine.toUpper()].emplace_back(&copy, sg.record.identity());
    }
    for (const ServerRecord &server : snapshot.servers) {
        const bool on = snapshot.isPoweredOn(server.host);
        Node s;
        s.kind = Server;
        s.key = QStringLiteral("server:") + server.name.toUpper();
        s.name = server.name;
        s.identity = server.name;
        s.status = on ? tr("Running on %1").arg(server.host) : tr("%1 is powered off").arg(server.host);
        s.attention = !on;
        s.state = on ? ObjectState::Normal : ObjectState::PoweredOff;
        const int serverId = add(nodes, mailboxServers, s);
        const QString serverKey = server.name.toUpper();
        for (const StorageGroupSnapshot *group : groupsOf[serverKey])
            addStorageGroup(nodes, serverId, *group);
        // The copies this server is the standby machine of, with their storage groups' identities.
        if (const std::vector<HeldCopy> &held = heldBy[serverKey]; !held.empty())
            addHeldCopies(nodes, serverId, server, held);
    }
}

void OrganizationModel::addStorageGroup(std::vector<Node> &nodes, int serverId,
                                        const StorageGroupSnapshot &sg)
{
    Node g;
    g.kind = StorageGroup;
    g.key = QStringLiteral("sg:") + sg.record.identity().toUpper();
    g.name = sg.record.name;
    g.identity = sg.record.identity();
    g.status = sg.copies.empty()       ? tr("Not replicated")
               : sg.copies.size() == 1 ? tr("SCR: 1 copy")
                                       : tr("SCR: %1 copies").arg(sg.copies.size());
    g.state = sg.copies.empty() ? ObjectState::Normal : ObjectState::Replicated;
    const int sgId = add(nodes, serverId, g);
    for (const DatabaseSnapshot &db : sg.databases) {
        Node d;
        d.kind = Database;
        d.identity = sg.record.identity() + QLatin1Char('\\') + db.record.name;
        d.key = QStringLiteral("db:") + d.identity.toUpper();
        d.name = db.record.name;
        d.status = db.mounted                 ? tr("Mounted")
                   : !db.mountError.isEmpty() ? tr("Failed to mount: %1").arg(db.mountError)
                                              : tr("Dismounted");
        d.attention = !db.mounted;
        d.state = db.mounted ? ObjectState::Normal : ObjectState::Dismounted;
        add(nodes, sgId, d);
    }
    for (const CopySnapshot &copy : sg.copies) {
        Node c = copyNode(copy, sg.record.identity());
        c.key = CopyKey{c.identity, c.standby}.toString();
        c.name = tr("SCR copy on %1").arg(copy.record.standbyMachine);
        add(nodes, sgId, c);
    }
}

// The standby's own view: the copies it holds, each named by its source (several servers have an SG1), the
// same objects (kind, identity, standby, state) as under their storage groups.
void OrganizationModel::addHeldCopies(std::vector<Node> &nodes, int serverId, const ServerRecord &server,
                                      const std::vector<HeldCopy> &held)
{
    Node h;
    h.kind = HeldCopies;
    h.key = QStringLiteral("held:") + server.name.toUpper();
    h.name = tr("SCR copies held");
    h.qualifiedName = tr("SCR copies held by %1").arg(server.name);
    h.status = held.size() == 1 ? tr("1 copy") : tr("%1 copies").arg(held.size());
    const int heldId = add(nodes, serverId, h);
    for (const auto &[copy, storageGroupIdentity] : held) {
        Node c = copyNode(*copy, storageGroupIdentity);
        c.key = heldCopyKey(CopyKey{c.identity, c.standby}.toString());
        c.name = tr("Copy of %1").arg(c.identity);
        add(nodes, heldId, c);
    }
}

OrganizationModel::Node OrganizationModel::copyNode(const CopySnapshot &copy,
                                                    const QString &storageGroupIdentity)
{
    Node c;
    c.kind = Copy;
    c.identity = storageGroupIdentity;
    c.standby = copy.record.standbyMachine;
    c.qualifiedName = tr("SCR copy %1").arg(CopyKey{c.identity, c.standby}.displayName());
    c.status = summaryCopyStatusName(copy.status.summary);
    c.attention = copy.status.failed || copy.status.summary == SummaryCopyStatus::Suspended ||
                  copy.status.summary == SummaryCopyStatus::ServiceDown;
    c.state = objectStateOf(copy.status.summary);
    return c;
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
    // One dataChanged per parent, over the rows that changed under it: at 800 copies a signal per item
    // cost the views (and whoever listens) more than building the tree (bench_console).
    std::map<int, std::pair<int, int>> changedRows; // parent node → first and last changed node
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
        const int node = static_cast<int>(i);
        auto [it, inserted] = changedRows.try_emplace(old.parent, node, node);
        if (!inserted) {
            if (old.row < m_nodes[static_cast<std::size_t>(it->second.first)].row)
                it->second.first = node;
            if (old.row > m_nodes[static_cast<std::size_t>(it->second.second)].row)
                it->second.second = node;
        }
    }
    for (const auto &[parent, range] : changedRows) {
        const Node &first = m_nodes[static_cast<std::size_t>(range.first)];
        const Node &last = m_nodes[static_cast<std::size_t>(range.second)];
        Q_EMIT dataChanged(createIndex(first.row, NameColumn, static_cast<quintptr>(range.first)),
                           createIndex(last.row, StatusColumn, static_cast<quintptr>(range.second)));
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
        return n.status.isEmpty() ? n.qualifiedName : n.qualifiedName + QStringLiteral(": ") + n.status;
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
    case QualifiedNameRole:
        return n.qualifiedName;
    default:
        return {};
    }
}

QVariant OrganizationModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return section == NameColumn ? tr("Name") : tr("Status");
}

} // namespace scr
