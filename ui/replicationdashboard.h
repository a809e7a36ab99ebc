#pragma once
// ReplicationDashboard: every SCR copy of the organization at a glance, one cell a copy: its name qualified
// ("MBX1\SG1 on MBX3"), its SummaryCopyStatus in the status's colour, its queues; a copy that crosses a
// threshold (ReplicationHealth) is drawn in the alert colours with a warning marker, and its tooltip gives
// the reasons. Clicking a cell emits copySelected; the window selects the copy in the console tree.

#include "models/copykey.h"
#include "models/objectstate.h"
#include "models/replicationhealth.h"

#include <vector>

#include <QColor>
#include <QStyledItemDelegate>
#include <QWidget>

class QLabel;
class QListView;

namespace scr {

class DashboardModel;

// How a cell is drawn: what the delegate paints, and what tests check.
struct DashboardCellLook
{
    QColor fill;         // the cell's background: the status's tint, or the alert background
    QColor border;       // the status's colour, or the alert colour
    QColor stripe;       // the status's colour, always (the status stays readable in alert)
    bool marker = false; // the warning triangle, top right
    QColor markerFill;   // the triangle's colour: the alert colour, or the failure's red
    int borderWidth = 1; // 3 for a copy in alert or failed: it stands out
    bool failed = false; // Failed or Service Down: drawn at least as prominently as an alert
    // The fill is always light, whatever the palette: the cell's own inks, never the palette's Text (white
    // under a dark palette, unreadable on the tint).
    QColor text;       // the copy's name and its queues
    QColor statusText; // the status word, in the status's colour darkened
};

class DashboardCellDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    static QColor statusColour(ObjectState state);
    static QColor statusTint(ObjectState state);
    static QColor alertColour();
    static QColor alertFill();
    static DashboardCellLook look(const QModelIndex &index);
    static DashboardCellLook look(ObjectState state, bool alert);
    // Where the marker is drawn in a cell's rectangle.
    static QRect markerRect(const QRect &cell);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

class ReplicationDashboard final : public QWidget
{
    Q_OBJECT
public:
    explicit ReplicationDashboard(QWidget *parent = nullptr);

    void setHealth(const std::vector<CopyHealth> &health);
    // Marks the copy's cell as the current one (the tree's selection), without emitting copySelected.
    void setCurrentCopy(const CopyKey &key);
    DashboardModel *model() const { return m_model; }
    QListView *view() const { return m_view; }
    // The cell of a copy in the view's coordinates (its viewport's); empty when the copy has none.
    QRect cellRect(const CopyKey &key) const;

Q_SIGNALS:
    void copySelected(const scr::CopyKey &key);

private:
    DashboardModel *m_model;
    QListView *m_view;
    QLabel *m_summary;
};

// The dashboard's header: "4 SCR copies: 3 failed, 1 suspended, 1 crossing a threshold" (the failed first).
QString dashboardSummary(const std::vector<CopyHealth> &health, int alerts);

} // namespace scr
