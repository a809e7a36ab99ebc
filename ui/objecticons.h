#pragma once
// ObjectIcons: the console's icon for each kind of object and its state (resources/icons/objects/*.svg,
// compiled in; drawn by Qt's SVG icon engine, so they stay sharp at any scale). ObjectIconDelegate shows
// them in the first column of any view whose model answers ObjectKindRole and ObjectStateRole.

#include "models/objectstate.h"

#include <QIcon>
#include <QStyledItemDelegate>

namespace scr {

class ObjectIcons
{
public:
    // The icon of a kind in a state (cached). A state that the kind does not have gives the kind's normal
    // icon: never a null icon.
    static QIcon icon(ObjectKind kind, ObjectState state = ObjectState::Normal);
    // The icon of a model row, from its ObjectKindRole and ObjectStateRole; null if the row has no kind.
    static QIcon forIndex(const QModelIndex &index);
    // The resource that draws kind in state (":/icons/objects/copy-failed.svg").
    static QString resourcePath(ObjectKind kind, ObjectState state);
    // Every kind with each state it is drawn in.
    static QList<QPair<ObjectKind, ObjectState>> all();
};

// Adds the row's object icon to column 0; other columns as QStyledItemDelegate draws them.
class ObjectIconDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};

} // namespace scr
