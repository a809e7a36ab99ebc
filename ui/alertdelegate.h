#pragma once
// AlertDelegate: draws a row of a view whose model answers AlertRole (objectstate.h) — an SCR copy that
// crosses a threshold of the Replication Dashboard — in the alert colours (amber background, dark amber
// bold text) and, in the first column, with a warning marker on its object icon, so that an alert is told
// by shape as well as by colour; its tooltip gives the reasons (AlertReasonRole). A failed copy (Failed or
// Service Down) stands out at least as much: light red background, dark red bold text and a red marker;
// a failure says more than a threshold, so it wins over an alert. Other rows as ObjectIconDelegate draws
// them.

#include "objecticons.h"

#include <QColor>
#include <QIcon>
#include <QPalette>

namespace scr {

class AlertDelegate : public ObjectIconDelegate
{
public:
    using ObjectIconDelegate::ObjectIconDelegate;

    static QColor alertText();        // dark amber
    static QColor alertBackground();  // light amber
    static QColor failedText();       // dark red
    static QColor failedBackground(); // light red
    // A copy whose SummaryCopyStatus is Failed or Service Down (ObjectKindRole Copy, ObjectStateRole).
    static bool isFailedCopy(const QModelIndex &index);
    // The text of a failed, stopped or powered-off item: red, dark on a light Base and light on a dark one
    // (a dark palette's Base would swallow the dark red).
    static QColor attentionText(const QPalette &palette);
    // icon with a warning triangle in its top-left corner (the marker); a triangle alone for a null icon.
    static QIcon withMarker(const QIcon &icon);
    // icon with a failure marker (a red disc with a white cross) in its top-left corner.
    static QIcon withFailureMarker(const QIcon &icon);
    // The style option a row is drawn with, for tests.
    QStyleOptionViewItem optionFor(const QModelIndex &index) const;

    bool helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                   const QModelIndex &index) override;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};

} // namespace scr
