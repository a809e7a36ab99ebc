#include "replicationdashboard.h"

#include "alertdelegate.h"

#include "models/dashboardmodel.h"

#include <algorithm>

#include <QLabel>
#include <QStringList>
#include <QListView>
#include <QPainter>
#include <QPainterPath>
#include <QVBoxLayout>

namespace scr {
namespace {

constexpr int kCellWidth = 210;
constexpr int kCellHeight = 62;
constexpr int kStripe = 6; // the status's colour down the left edge

} // namespace

QColor DashboardCellDelegate::statusColour(ObjectState state)
{
    switch (state) {
    case ObjectState::Healthy:
        return QColor(0x2e, 0x7d, 0x32);
    case ObjectState::Initializing:
    case ObjectState::Seeding:
        return QColor(0x15, 0x65, 0xc0);
    case ObjectState::Suspended:
        return QColor(0x8d, 0x6e, 0x63);
    case ObjectState::Failed:
        return QColor(0xc6, 0x28, 0x28);
    case ObjectState::ServiceDown:
        return QColor(0x8e, 0x00, 0x00);
    default:
        return QColor(0x75, 0x75, 0x75);
    }
}

QColor DashboardCellDelegate::statusTint(ObjectState state)
{
    switch (state) {
    case ObjectState::Healthy:
        return QColor(0xe3, 0xf2, 0xe3);
    case ObjectState::Initializing:
    case ObjectState::Seeding:
        return QColor(0xe1, 0xec, 0xf9);
    case ObjectState::Suspended:
        return QColor(0xef, 0xe8, 0xe4);
    case ObjectState::Failed:
    case ObjectState::ServiceDown:
        return QColor(0xf9, 0xdc, 0xdc);
    default:
        return QColor(0xea, 0xea, 0xea);
    }
}

QColor DashboardCellDelegate::alertColour()
{
    return QColor(0xe0, 0x7b, 0x00);
}

QColor DashboardCellDelegate::alertFill()
{
    return AlertDelegate::alertBackground(); // the dashboard's amber is the tree's and the table's
}

DashboardCellLook DashboardCellDelegate::look(const QModelIndex &index)
{
    return look(static_cast<ObjectState>(index.data(ObjectStateRole).toInt()),
                index.data(AlertRole).toBool());
}

DashboardCellLook DashboardCellDelegate::look(ObjectState state, bool alert)
{
    DashboardCellLook l;
    l.stripe = statusColour(state);
    l.failed = state == ObjectState::Failed || state == ObjectState::ServiceDown;
    if (l.failed) {
        // A failure says more than a threshold: its own red, with the border and the marker an alert has.
        l.fill = statusTint(state);
        l.border = statusColour(state);
        l.marker = true;
        l.markerFill = statusColour(ObjectState::Failed);
        l.borderWidth = 3;
        l.text = statusColour(ObjectState::ServiceDown).darker(130);
    } else if (alert) {
        l.fill = alertFill();
        l.border = alertColour();
        l.marker = true;
        l.markerFill = alertColour();
        l.borderWidth = 3;
        l.text = alertColour().darker(170);
    } else {
        l.fill = statusTint(state);
        l.border = statusColour(state);
        l.text = QColor(0x21, 0x21, 0x21);
    }
    l.statusText = l.stripe.darker(120);
    return l;
}

QRect DashboardCellDelegate::markerRect(const QRect &cell)
{
    return QRect(cell.right() - 22, cell.top() + 6, 16, 14);
}

QSize DashboardCellDelegate::sizeHint(const QStyleOptionViewItem &, const QModelIndex &) const
{
    return QSize(kCellWidth, kCellHeight);
}

void DashboardCellDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                                  const QModelIndex &index) const
{
    const DashboardCellLook l = look(index);
    const QRect cell = option.rect.adjusted(2, 2, -2, -2);
    const bool selected = option.state & QStyle::State_Selected;
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, false); // exact colours, for eyes and for tests
    painter->fillRect(cell, l.fill);
    painter->fillRect(QRect(cell.left(), cell.top(), kStripe, cell.height()), l.stripe);
    const int borderWidth = l.marker ? l.borderWidth : selected ? 2 : 1;
    painter->setPen(QPen(selected && !l.marker ? option.palette.color(QPalette::Highlight) : l.border,
                         borderWidth, Qt::SolidLine, Qt::SquareCap, Qt::MiterJoin));
    painter->setBrush(Qt::NoBrush);
    painter->drawRect(
        cell.adjusted(borderWidth / 2, borderWidth / 2, -(borderWidth + 1) / 2, -(borderWidth + 1) / 2));
    if (selected && l.marker) { // the selection still shows, inside the alert's border
        painter->setPen(QPen(option.palette.color(QPalette::Highlight), 1));
        painter->drawRect(cell.adjusted(4, 4, -5, -5));
    }
    if (l.marker) {
        // A warning triangle, so the alert is told by shape and not by colour alone.
        const QRect m = markerRect(cell);
        QPainterPath triangle;
        triangle.moveTo(m.center().x(), m.top());
        triangle.lineTo(m.right(), m.bottom());
        triangle.lineTo(m.left(), m.bottom());
        triangle.closeSubpath();
        painter->setPen(QPen(l.markerFill.darker(150), 1));
        painter->setBrush(l.markerFill);
        painter->drawPath(triangle);
        painter->setPen(QPen(Qt::black, 2));
        painter->drawLine(m.center().x(), m.top() + 4, m.center().x(), m.bottom() - 5);
        painter->drawPoint(m.center().x(), m.bottom() - 2);
    }
    const QRect text = cell.adjusted(kStripe + 6, 4, -(l.marker ? 26 : 6), -4);
    QFont bold = option.font;
    bold.setBold(true);
    painter->setPen(l.text);
    painter->setFont(bold);
    const QFontMetrics fm(bold);
    const int line = fm.height();
    painter->drawText(QRect(text.left(), text.top(), text.width(), line), Qt::AlignLeft | Qt::AlignVCenter,
                      fm.elidedText(index.data().toString(), Qt::ElideMiddle, text.width()));
    painter->setFont(l.failed ? bold : option.font); // a failed copy's status word in bold
    const QFontMetrics plain(option.font);
    painter->setPen(l.statusText);
    painter->drawText(QRect(text.left(), text.top() + line, text.width(), line),
                      Qt::AlignLeft | Qt::AlignVCenter, index.data(DashboardModel::StatusRole).toString());
    painter->setPen(l.text);
    painter->drawText(QRect(text.left(), text.top() + 2 * line, cell.right() - text.left() - 6, line),
                      Qt::AlignLeft | Qt::AlignVCenter,
                      plain.elidedText(tr("Copy %1 \u00b7 Replay %2 logs")
                                           .arg(index.data(DashboardModel::CopyQueueRole).toLongLong())
                                           .arg(index.data(DashboardModel::ReplayQueueRole).toLongLong()),
                                       Qt::ElideRight, cell.right() - text.left() - 6));
    painter->restore();
}

ReplicationDashboard::ReplicationDashboard(QWidget *parent)
    : QWidget(parent), m_model(new DashboardModel(this)), m_view(new QListView), m_summary(new QLabel)
{
    setObjectName(QStringLiteral("replicationDashboard"));
    m_summary->setObjectName(QStringLiteral("dashboardSummary"));
    m_view->setObjectName(QStringLiteral("dashboardGrid"));
    m_view->setAccessibleName(tr("Replication Dashboard"));
    m_view->setModel(m_model);
    m_view->setItemDelegate(new DashboardCellDelegate(m_view));
    m_view->setViewMode(QListView::IconMode);
    m_view->setFlow(QListView::LeftToRight);
    m_view->setWrapping(true);
    m_view->setResizeMode(QListView::Adjust);
    m_view->setMovement(QListView::Static);
    m_view->setUniformItemSizes(true);
    m_view->setGridSize(QSize(kCellWidth + 4, kCellHeight + 4));
    m_view->setSpacing(0);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setMouseTracking(true);
    m_view->setWhatsThis(tr("Every SCR copy of the organization, one cell each, coloured by its status; a "
                            "copy that crosses a threshold (Tools > Settings) is drawn in amber with a "
                            "warning sign, and its tooltip says why. Click a cell to select the copy."));
    connect(m_view, &QAbstractItemView::clicked, this, [this](const QModelIndex &index) {
        if (const auto key = CopyKey::parse(index.data(DashboardModel::KeyRole).toString()))
            Q_EMIT copySelected(*key);
    });
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(m_summary);
    layout->addWidget(m_view, 1);
    setHealth({});
}

void ReplicationDashboard::setHealth(const std::vector<CopyHealth> &health)
{
    const QString current = m_view->currentIndex().data(DashboardModel::KeyRole).toString();
    m_model->setHealth(health);
    if (!current.isEmpty() && !m_view->currentIndex().isValid())
        if (const auto key = CopyKey::parse(current))
            setCurrentCopy(*key); // a reset keeps the current cell where the copy still is
    m_summary->setText(dashboardSummary(health, m_model->alertCount()));
    // Failed copies make the header red and bold, as their cells are: they are what to look at first.
    const bool anyFailed = std::any_of(health.begin(), health.end(), [](const CopyHealth &h) {
        return h.summary == SummaryCopyStatus::Failed || h.summary == SummaryCopyStatus::ServiceDown;
    });
    m_summary->setProperty("failed", anyFailed);
    m_summary->setStyleSheet(anyFailed ? QStringLiteral("QLabel { color: #8e0000; font-weight: bold; }")
                                       : QString());
}

QString dashboardSummary(const std::vector<CopyHealth> &health, int alerts)
{
    if (health.empty())
        return ReplicationDashboard::tr(
            "No SCR copies. Enable SCR on a storage group to see its copies here.");
    int failed = 0;
    int serviceDown = 0;
    int suspended = 0;
    for (const CopyHealth &h : health) {
        failed += h.summary == SummaryCopyStatus::Failed ? 1 : 0;
        serviceDown += h.summary == SummaryCopyStatus::ServiceDown ? 1 : 0;
        suspended += h.summary == SummaryCopyStatus::Suspended ? 1 : 0;
    }
    QStringList states;
    if (failed > 0)
        states << ReplicationDashboard::tr("%n failed", nullptr, failed);
    if (serviceDown > 0)
        states << ReplicationDashboard::tr("%n with the service down", nullptr, serviceDown);
    if (suspended > 0)
        states << ReplicationDashboard::tr("%n suspended", nullptr, suspended);
    if (alerts > 0)
        states << ReplicationDashboard::tr("%n crossing a threshold", nullptr, alerts);
    const QString copies = ReplicationDashboard::tr("%n SCR copies", nullptr, int(health.size()));
    return states.isEmpty()
               ? copies
               : ReplicationDashboard::tr("%1: %2").arg(copies, states.join(QStringLiteral(", ")));
}

void ReplicationDashboard::setCurrentCopy(const CopyKey &key)
{
    const int row = m_model->rowOf(key);
    // Not clicked: copySelected is for the administrator's clicks only.
    if (row < 0)
        m_view->clearSelection();
    else
        m_view->setCurrentIndex(m_model->index(row));
}

QRect ReplicationDashboard::cellRect(const CopyKey &key) const
{
    const int row = m_model->rowOf(key);
    return row < 0 ? QRect() : m_view->visualRect(m_model->index(row));
}

} // namespace scr
