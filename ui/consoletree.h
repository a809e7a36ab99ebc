#pragma once
// ConsoleTree: the console tree (OrganizationModel), as EMC's: its expansion and selection survive the
// model's resets, by key; the first tree of a lab opens on its servers; a key asked for before it exists
// (--select, a wizard's "select when done") is selected once a snapshot shows it.

#include <QStringList>
#include <QTreeView>

namespace scr {

class OrganizationModel;
struct LabSnapshot;

class ConsoleTree final : public QTreeView
{
    Q_OBJECT
public:
    explicit ConsoleTree(OrganizationModel *organization, QWidget *parent = nullptr);

    // Selects the item of key ("copy:MBX1\SG1>MBX3", "db:MBX1\SG1\DB1", any case) as soon as it exists.
    void selectWhenShown(const QString &key);
    bool selectionIsPending() const { return !m_pendingSelection.isEmpty(); }
    // Draws snapshot (OrganizationModel::setSnapshot), then selects the pending key if its item is there.
    void setSnapshot(const LabSnapshot &snapshot);
    // Selects key's item (its parent expanded, scrolled to); false when there is none.
    bool selectKey(const QString &key);
    // Another lab: its first tree opens as a new one does.
    void forgetLab();

private:
    void rememberExpansion();
    void restoreExpansion();
    void expandFirstTime();
    void showPendingSelection();

    OrganizationModel *m_organization;
    QStringList m_expandedKeys;
    bool m_hasServers = false;
    bool m_expandedOnce = false; // the tree's first expansion for this lab is done
    QString m_selectedKey;
    QString m_pendingSelection;
};

} // namespace scr
