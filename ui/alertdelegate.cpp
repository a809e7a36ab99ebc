#include "alertdelegate.h"

#include <functional>

#include "models/objectstate.h"

#include <QAbstractItemView>
#include <QHelpEvent>
#include <QCoreApplication>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>
#include <QToolTip>

namespace scr {

QColor AlertDelegate::alertText()
{
    return QColor(0x8a, 0x4b, 0x00);
}

QColor AlertDelegate::attentionText(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128 ? QColor(0xff, 0x8a, 0x80)
                                                           : QColor(0xb0, 0x30, 0x20);
}

QColor AlertDelegate::alertBackground()
{
    return QColor(0xff, 0xe0, 0xa8);
}

QColor AlertDelegate::failedText()
{
    return QColor(0x8e, 0x00, 0x00);
}

QColor AlertDelegate::failedBackground()
{
    return QColor(0xf9, 0xcf, 0xcf);
}

bool AlertDelegate::isFailedCopy(const QModelIndex &index)
{
    if (index.data(ObjectKindRole).toInt() != static_cast<int>(ObjectKind::Copy))
        return false;
    const auto state = static_cast<ObjectState>(index.data(ObjectStateRole).toInt());
    return state == ObjectState::Failed || state == ObjectState::ServiceDown;
}

namespace {

// icon at 16 and 32 px with a marker drawn over its top-left part by drawMarker(painter, size).
QIcon withOverlay(const QIcon &icon, const std::function<void(QPainter &, int)> &drawMarker)
{
    QIcon out;
    for (const int size : {16, 32}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter p(&pixmap);
        if (!icon.isNull())
            icon.paint(&p, QRect(0, 0, size, size));
        p.setRenderHint(QPainter::Antialiasing);
        drawMarker(p, size);
        p.end();
        out.addPixmap(pixmap);
    }
    return out;
}

} // namespace

QIcon AlertDelegate::withFailureMarker(const QIcon &icon)
{
    return withOverlay(icon, [](QPainter &p, int size) {
        // The marker: a red disc with a white cross over the top-left half, outlined so it shows on any
        // icon; another shape than the alert's triangle, so the two are told apart without colour.
        const qreal s = size * 0.62;
        p.setPen(QPen(failedText(), size / 16.0));
        p.setBrush(QColor(0xd3, 0x2f, 0x2f));
        p.drawEllipse(QRectF(0, 0, s, s));
        p.setPen(QPen(Qt::white, size / 10.0));
        p.drawLine(QPointF(s * 0.3, s * 0.3), QPointF(s * 0.7, s * 0.7));
        p.drawLine(QPointF(s * 0.7, s * 0.3), QPointF(s * 0.3, s * 0.7));
    });
}

QIcon AlertDelegate::withMarker(const QIcon &icon)
{
    return withOverlay(icon, [](QPainter &p, int size) {
        // The marker: a warning triangle over the top-left half, outlined so it shows on any icon.
        const qreal s = size * 0.6;
        QPainterPath triangle;
        triangle.moveTo(s / 2, 0);
        triangle.lineTo(s, s);
        triangle.lineTo(0, s);
        triangle.closeSubpath();
        p.setPen(QPen(alertText(), size / 16.0));
        p.setBrush(QColor(0xff, 0xb0, 0x00));
        p.drawPath(triangle);
        p.setPen(QPen(Qt::black, size / 10.0));
        p.drawLine(QPointF(s / 2, s * 0.3), QPointF(s / 2, s * 0.65));
        p.drawPoint(QPointF(s / 2, s * 0.82));
    });
}

void AlertDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    ObjectIconDelegate::initStyleOption(option, index);
    if (isFailedCopy(index)) {
        // At least as prominent as a copy in alert (a suspended one, typically): a background, bold, a
        // marker; red, since a failed copy protects nothing until an administrator acts.
        option->backgroundBrush = failedBackground();
        option->palette.setColor(QPalette::Text, failedText());
        option->palette.setColor(QPalette::HighlightedText, failedText());
        option->font.setBold(true);
        if (index.column() == 0) {
            option->features |= QStyleOptionViewItem::HasDecoration;
            option->icon = withFailureMarker(option->icon);
            if (!option->decorationSize.isValid() || option->decorationSize.isEmpty())
                option->decorationSize = QSize(16, 16);
        }
        return;
    }
    if (!index.data(AlertRole).toBool())
        return;
    option->backgroundBrush = alertBackground();
    option->palette.setColor(QPalette::Text, alertText());
    option->palette.setColor(QPalette::HighlightedText, alertText());
    option->font.setBold(true);
    if (index.column() == 0) {
        option->features |= QStyleOptionViewItem::HasDecoration;
        option->icon = withMarker(option->icon);
        if (!option->decorationSize.isValid() || option->decorationSize.isEmpty())
            option->decorationSize = QSize(16, 16);
    }
}

QStyleOptionViewItem AlertDelegate::optionFor(const QModelIndex &index) const
{
    QStyleOptionViewItem option;
    initStyleOption(&option, index);
    return option;
}

bool AlertDelegate::helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
                              const QModelIndex &index)
{
    const QString reasons = index.data(AlertReasonRole).toString();
    if (event->type() != QEvent::ToolTip || reasons.isEmpty())
        return ObjectIconDelegate::helpEvent(event, view, option, index);
    const QString base = index.data(Qt::ToolTipRole).toString();
    const QString text =
        (base.isEmpty() ? QString() : base + QLatin1Char('\n')) +
        QCoreApplication::translate("scr::AlertDelegate", "Threshold crossed: %1").arg(reasons);
    QToolTip::showText(event->globalPos(), text, view);
    return true;
}

} // namespace scr
