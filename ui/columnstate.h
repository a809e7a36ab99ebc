#pragma once
// The saved columns of a table's header, keyed by what each column shows (a field name), not by its
// position: which are shown, their widths, their order and the sort column. Versioned, so that a state from
// an older console (QHeaderView::saveState's positional bytes, written before columns had names) is
// recognised and ignored instead of hiding or moving the wrong columns. A column the state does not know
// (added since) keeps the place and visibility the view gave it; a name the view no longer has is dropped.

#include <QByteArray>
#include <QStringList>

class QHeaderView;

namespace scr {

// keys[logicalIndex]: the name of what that column shows.
QByteArray saveColumns(const QHeaderView *header, const QStringList &keys);
// False (and the header untouched) for an empty, unversioned or foreign state.
bool restoreColumns(QHeaderView *header, const QStringList &keys, const QByteArray &state);

} // namespace scr
