#include "queuechart.h"

#include "models/queuehistory.h"

#include <algorithm>

#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QLineSeries>
#include <QValueAxis>
#include <QVBoxLayout>

namespace scr {

QueueChart::QueueChart(const QueueHistory *history, QWidget *parent)
    : QWidget(parent), m_history(history), m_chart(new QChart), m_view(new QChartView(m_chart, this)),
      m_copyQueue(new QLineSeries), m_replayQueue(new QLineSeries), m_time(new QDateTimeAxis),
      m_length(new QValueAxis)
{
    setObjectName(QStringLiteral("queueChart"));
    m_chart->setAnimationOptions(QChart::NoAnimation);
    m_copyQueue->setName(tr("CopyQueueLength"));
    m_replayQueue->setName(tr("ReplayQueueLength"));
    m_chart->addSeries(m_copyQueue);
    m_chart->addSeries(m_replayQueue);
    m_time->setFormat(QStringLiteral("HH:mm"));
    m_time->setTickCount(7);
    m_time->setTitleText(tr("Virtual time (UTC)"));
    m_length->setTitleText(tr("Logs"));
    m_length->setLabelFormat(QStringLiteral("%d"));
    m_chart->addAxis(m_time, Qt::AlignBottom);
    m_chart->addAxis(m_length, Qt::AlignLeft);
    for (QLineSeries *s : {m_copyQueue, m_replayQueue}) {
        s->attachAxis(m_time);
        s->attachAxis(m_length);
    }
    m_chart->setTitle(tr("Select an SCR copy to chart its queues"));
    m_view->setRenderHint(QPainter::Antialiasing);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
}

void QueueChart::showCopy(qint64 copyId, const QString &title)
{
    m_copyId = copyId;
    m_chart->setTitle(copyId ? tr("Queues of the SCR copy of %1").arg(title)
                             : tr("Select an SCR copy to chart its queues"));
    refresh();
}

void QueueChart::refresh()
{
    const QVector<QPointF> copy = m_copyId ? m_history->copyQueue(m_copyId, kWindowMs) : QVector<QPointF>();
    const QVector<QPointF> replay =
        m_copyId ? m_history->replayQueue(m_copyId, kWindowMs) : QVector<QPointF>();
    m_copyQueue->replace(copy);
    m_replayQueue->replace(replay);
    if (copy.isEmpty()) {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        m_time->setRange(QDateTime::fromMSecsSinceEpoch(now - 3600 * 1000),
                         QDateTime::fromMSecsSinceEpoch(now));
        m_length->setRange(0, 60);
        return;
    }
    const qint64 first = static_cast<qint64>(copy.front().x());
    const qint64 last = std::max(static_cast<qint64>(copy.back().x()), first + 60 * 1000);
    m_time->setRange(QDateTime::fromMSecsSinceEpoch(first, Qt::UTC),
                     QDateTime::fromMSecsSinceEpoch(last, Qt::UTC));
    double top = 10;
    for (const QVector<QPointF> *series : {&copy, &replay})
        for (const QPointF &p : *series)
            top = std::max(top, p.y());
    m_length->setRange(0, top * 1.15);
}

int QueueChart::pointCount() const
{
    return static_cast<int>(m_copyQueue->count());
}

} // namespace scr
