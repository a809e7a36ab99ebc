#include "consoletree.h"

#include "alertdelegate.h"
#include "lab/labsnapshot.h"
#include "models/organizationmodel.h"

#include <functional>

#include <QHeaderView>

namespace scr {
namespace {

// Draws the tree's failed, stopped, dismounted and powered-off items in red (the model says which, the
// model layer has no colours), with each object's icon; a copy in alert as AlertDelegate does (red text
// stays red: a failure says more than a threshold).
class AttentionDelegate final : public AlertDelegate
{
public:
    using AlertDelegate::AlertDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        AlertDelegate::initStyleOption(option, index);
        // A failed copy keeps AlertDelegate's dark red on its light red background, whatever the palette.
        if (index.data(OrganizationModel::AttentionRole).toBool() && !isFailedCopy(index))
            option->palette.setColor(QPalette::Text, attentionText(option->palette));
    }
};

} // namespace

ConsoleTree::ConsoleTree(OrganizationModel *organization, QWidget *parent)
    : QTreeView(parent), m_organization(organization)
{
    setObjectName(QStringLiteral("consoleTree"));
    setAccessibleName(tr("Console tree"));
    setAccessibleDescription(tr("The organization: servers, storage groups, databases and SCR copies"));
    setModel(m_organization);
    setItemDelegate(new AttentionDelegate(this));
    setSelectionMode(QAbstractItemView::SingleSelection);
    header()->setSectionResizeMode(OrganizationModel::NameColumn, QHeaderView::ResizeToContents);
    header()->setResizeContentsPrecision(0); // the rows in view: the tree has 1,300 at 100 servers
    connect(m_organization, &QAbstractItemModel::modelAboutToBeReset, this, &ConsoleTree::rememberExpansion);
    connect(m_organization, &QAbstractItemModel::modelReset, this, &ConsoleTree::restoreExpansion);
}

void ConsoleTree::rememberExpansion()
{
    m_expandedKeys.clear();
    std::function<void(const QModelIndex &)> walk = [&](const QModelIndex &under) {
        for (int r = 0; r < m_organization->rowCount(under); ++r) {
            const QModelIndex i = m_organization->index(r, 0, under);
            if (isExpanded(i))
                m_expandedKeys << i.data(OrganizationModel::KeyRole).toString();
            walk(i);
        }
    };
    walk({});
    const QModelIndex current = currentIndex();
    m_selectedKey = current.isValid() ? current.data(OrganizationModel::KeyRole).toString() : QString();
}

void ConsoleTree::restoreExpansion()
{
    // Once per lab, when its servers are first there (not on the empty tree before its first snapshot).
    if (!m_expandedOnce && m_hasServers) {
        expandFirstTime();
        m_expandedOnce = true;
    }
    for (const QString &key : std::as_const(m_expandedKeys))
        expand(m_organization->indexOfKey(key));
    if (!m_selectedKey.isEmpty())
        setCurrentIndex(m_organization->indexOfKey(m_selectedKey));
}

// The first time there is a tree: Microsoft Exchange, Server Configuration > Mailbox and each server open,
// so the storage groups show, as they did before the tree had EMC's containers.
void ConsoleTree::expandFirstTime()
{
    expand(m_organization->index(0, 0));
    const QModelIndex servers = m_organization->indexOfKey(
        OrganizationModel::containerKey(QStringLiteral("Server Configuration\\Mailbox")));
    expand(servers.parent());
    expand(servers);
    for (int r = 0; r < m_organization->rowCount(servers); ++r)
        expand(m_organization->index(r, 0, servers));
}

void ConsoleTree::setSnapshot(const LabSnapshot &snapshot)
{
    m_hasServers = !snapshot.servers.empty();
    m_organization->setSnapshot(snapshot);
    showPendingSelection();
}

void ConsoleTree::selectWhenShown(const QString &key)
{
    m_pendingSelection = key.toUpper();
}

void ConsoleTree::showPendingSelection()
{
    if (m_pendingSelection.isEmpty())
        return;
    // Keys are upper case after their kind: "copy:MBX1\SG1>MBX3".
    const QString key = m_pendingSelection.section(QLatin1Char(':'), 0, 0).toLower() + QLatin1Char(':') +
                        m_pendingSelection.section(QLatin1Char(':'), 1);
    if (const QModelIndex index = m_organization->indexOfKey(key); index.isValid()) {
        expand(index.parent());
        setCurrentIndex(index);
        m_pendingSelection.clear();
    }
}

bool ConsoleTree::selectKey(const QString &key)
{
    const QModelIndex index = m_organization->indexOfKey(key);
    if (!index.isValid())
        return false;
    expand(index.parent());
    setCurrentIndex(index);
    scrollTo(index);
    return true;
}

void ConsoleTree::forgetLab()
{
    m_expandedKeys.clear();
    m_selectedKey.clear();
    m_expandedOnce = false;
}

} // namespace scr
