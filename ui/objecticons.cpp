#include "objecticons.h"

#include <QCoreApplication>
#include <QHash>

// Outside the namespace, as Q_INIT_RESOURCE needs: scr_ui is a static library, so its resources are
// registered explicitly before the first icon is made.
static void initObjectIconResources()
{
    Q_INIT_RESOURCE(objecticons);
}

namespace scr {
namespace {

QString fileName(ObjectKind kind, ObjectState state)
{
    switch (kind) {
    case ObjectKind::Organization:
        return QStringLiteral("organization");
    case ObjectKind::Server:
        return state == ObjectState::PoweredOff ? QStringLiteral("server-off") : QStringLiteral("server");
    case ObjectKind::StorageGroup:
        return state == ObjectState::Replicated ? QStringLiteral("storagegroup-replicated")
                                                : QStringLiteral("storagegroup");
    case ObjectKind::Database:
        return state == ObjectState::Dismounted ? QStringLiteral("database-dismounted")
                                                : QStringLiteral("database");
    case ObjectKind::Copy:
        switch (state) {
        case ObjectState::Initializing:
            return QStringLiteral("copy-initializing");
        case ObjectState::Seeding:
            return QStringLiteral("copy-seeding");
        case ObjectState::Suspended:
            return QStringLiteral("copy-suspended");
        case ObjectState::Failed:
            return QStringLiteral("copy-failed");
        case ObjectState::ServiceDown:
            return QStringLiteral("copy-servicedown");
        case ObjectState::Disabled:
            return QStringLiteral("copy-disabled");
        default:
            return QStringLiteral("copy-healthy");
        }
    case ObjectKind::EventViewer:
        return QStringLiteral("eventviewer");
    case ObjectKind::Mailbox:
        return QStringLiteral("mailbox");
    case ObjectKind::OrganizationConfiguration:
        return QStringLiteral("organization-configuration");
    case ObjectKind::ServerConfiguration:
        return QStringLiteral("server-configuration");
    case ObjectKind::RecipientConfiguration:
        return QStringLiteral("recipient-configuration");
    case ObjectKind::Toolbox:
        return QStringLiteral("toolbox");
    case ObjectKind::MailboxRole:
        return QStringLiteral("mailbox-role");
    case ObjectKind::HeldCopies:
        return QStringLiteral("held-copies");
    case ObjectKind::ReplicationDashboard:
        return QStringLiteral("dashboard");
    }
    return QStringLiteral("organization");
}

} // namespace

QString ObjectIcons::resourcePath(ObjectKind kind, ObjectState state)
{
    return QStringLiteral(":/icons/objects/%1.svg").arg(fileName(kind, state));
}

QIcon ObjectIcons::icon(ObjectKind kind, ObjectState state)
{
    // Emptied when the application goes (qAddPostRoutine), so no icon outlives QGuiApplication.
    static QHash<QString, QIcon> cache;
    static const bool registered = [] {
        initObjectIconResources();
        qAddPostRoutine([] { cache.clear(); });
        return true;
    }();
    Q_UNUSED(registered)
    const QString path = resourcePath(kind, state);
    auto it = cache.find(path);
    if (it == cache.end())
        it = cache.insert(path, QIcon(path));
    return *it;
}

QIcon ObjectIcons::forIndex(const QModelIndex &index)
{
    const QVariant kind = index.data(ObjectKindRole);
    if (!kind.isValid())
        return {};
    const QVariant state = index.data(ObjectStateRole);
    return icon(static_cast<ObjectKind>(kind.toInt()),
                state.isValid() ? static_cast<ObjectState>(state.toInt()) : ObjectState::Normal);
}

QList<QPair<ObjectKind, ObjectState>> ObjectIcons::all()
{
    using K = ObjectKind;
    using S = ObjectState;
    return {{K::Organization, S::Normal},
            {K::Server, S::Normal},
            {K::Server, S::PoweredOff},
            {K::StorageGroup, S::Normal},
            {K::StorageGroup, S::Replicated},
            {K::Database, S::Normal},
            {K::Database, S::Dismounted},
            {K::Copy, S::Healthy},
            {K::Copy, S::Initializing},
            {K::Copy, S::Seeding},
            {K::Copy, S::Suspended},
            {K::Copy, S::Failed},
            {K::Copy, S::ServiceDown},
            {K::Copy, S::Disabled},
            {K::EventViewer, S::Normal},
            {K::Mailbox, S::Normal},
            {K::OrganizationConfiguration, S::Normal},
            {K::ServerConfiguration, S::Normal},
            {K::RecipientConfiguration, S::Normal},
            {K::Toolbox, S::Normal},
            {K::MailboxRole, S::Normal},
            {K::HeldCopies, S::Normal},
            {K::ReplicationDashboard, S::Normal}};
}

void ObjectIconDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (index.column() != 0)
        return;
    if (const QIcon icon = ObjectIcons::forIndex(index); !icon.isNull()) {
        option->features |= QStyleOptionViewItem::HasDecoration;
        option->icon = icon;
        // The view's icon size if it set one, else the style's small icon (16 px at scale 1).
        if (!option->decorationSize.isValid() || option->decorationSize.isEmpty())
            option->decorationSize = QSize(16, 16);
    }
}

} // namespace scr
