#include "queuechart.h"

#include "models/displaytime.h"
#include "models/queuehistory.h"

#include <algorithm>
#include <cmath>
#include <iterator>

#include <QCategoryAxis>
#include <QFontMetrics>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QLineSeries>
#include <QValueAxis>
#include <QVBoxLayout>

namespace scr {
namespace {

const qint64 kMinuteMs = 60 * 1000;
const qint64 kHourMs = 60 * kMinuteMs;
const qint64 kDayMs = 24 * kHourMs;

// One colour a copy, in the order the copies are charted.
QColor copyColour(std::size_t i)
{
    static const QColor colours[] = {QColor(0x1f, 0x77, 0xb4), QColor(0x2c, 0xa0, 0x2c),
                                     QColor(0x94, 0x67, 0xbd), QColor(0x8c, 0x56, 0x4b),
                                     QColor(0x17, 0xbe, 0xcf), QColor(0x7f, 0x7f, 0x7f)};
    return colours[i % std::size(colours)];
}

} // namespace

qint64 QueueChart::windowMs(Window window)
{
    switch (window) {
    case LastHour:
        return kHourMs;
    case LastDay:
        return kDayMs;
    case LastWeek:
        return 7 * kDayMs;
    }
    return kHourMs;
}

QueueChart::TimeAxis QueueChart::timeAxisFor(qint64 nowMs, Window window)
{
    TimeAxis t;
    switch (window) {
    case LastHour:
        t.stepMs = 10 * kMinuteMs;
        t.format = displayTimeOfDayFormat(); // the console's clock format (displaytime.h)
        break;
    case LastDay:
        t.stepMs = 4 * kHourMs;
        t.format = QStringLiteral("dd ") + displayTimeOfDayFormat();
        break;
    case LastWeek:
        t.stepMs = kDayMs;
        t.format = QStringLiteral("MMM dd");
        break;
    }
    // The first whole step at or after now (epoch milliseconds are UTC, so whole steps are whole UTC
    // minutes, hours and days): every tick falls on a round time and every label differs.
    const qint64 steps = nowMs > 0 ? (nowMs + t.stepMs - 1) / t.stepMs : 1;
    t.maxMs = steps * t.stepMs;
    t.minMs = t.maxMs - windowMs(window);
    for (qint64 at = t.minMs; at <= t.maxMs; at += t.stepMs)
        t.labels << QLocale().toString(QDateTime::fromMSecsSinceEpoch(at, Qt::UTC), t.format);
    return t;
}

QueueChart::LogAxis QueueChart::logAxisFor(double highest)
{
    const double top = std::max(highest, 1.0);
    // The smallest 1-2-5 step that needs at most five steps to reach the top.
    const double raw = top / 5;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    double step = magnitude;
    for (const double m : {1.0, 2.0, 5.0, 10.0})
        if (m * magnitude >= raw) {
            step = m * magnitude;
            break;
        }
    LogAxis axis;
    axis.step = std::max(1, static_cast<int>(std::lround(step)));
    // Strictly above the highest point, so a line at the top is never drawn on the frame.
    axis.max = (static_cast<int>(std::floor(top / axis.step)) + 1) * axis.step;
    return axis;
}

QueueChart::QueueChart(const QueueHistory *history, QWidget *parent)
    : QWidget(parent), m_history(history), m_windowCombo(new QComboBox), m_chart(new QChart),
      m_view(new QChartView(m_chart, this)), m_thresholdLine(new QLineSeries), m_time(new QCategoryAxis),
      m_length(new QValueAxis), m_legend(new QLabel)
{
    setObjectName(QStringLiteral("queueChart"));
    m_windowCombo->setObjectName(QStringLiteral("chartWindow"));
    m_windowCombo->addItem(tr("Last hour"), int(LastHour));
    m_windowCombo->addItem(tr("Last 24 hours"), int(LastDay));
    m_windowCombo->addItem(tr("Last 7 days"), int(LastWeek));
    m_windowCombo->setToolTip(tr("How much virtual time the chart shows"));
    connect(m_windowCombo, &QComboBox::currentIndexChanged, this,
            [this](int i) { setWindow(static_cast<Window>(m_windowCombo->itemData(i).toInt())); });
    // A resized dock (or another scale) fits the time labels again.
    connect(m_chart, &QChart::plotAreaChanged, this, &QueueChart::refresh);

    m_chart->setAnimationOptions(QChart::NoAnimation);
    // The axis title would be elided to "..." below the time labels in a dock's height: the chart's title
    // says what the axis is instead.
    m_time->setTitleText(tr("Virtual time (UTC)"));
    m_time->setTitleVisible(false);
    m_time->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    // Labels on values have no category width of their own: Qt Charts would elide every one to "...".
    m_time->setTruncateLabels(false);
    m_length->setTitleText(tr("Logs"));
    m_length->setLabelFormat(QStringLiteral("%d"));
    m_length->setTickType(QValueAxis::TicksDynamic);
    m_length->setTickAnchor(0);
    // A short dock leaves the count labels less room than Qt Charts wants: untruncated, they stay numbers
    // (elided, each read "..."; seen at 1280 x 820 under xvfb).
    m_length->setTruncateLabels(false);
    m_chart->addAxis(m_time, Qt::AlignBottom);
    m_chart->addAxis(m_length, Qt::AlignLeft);
    QPen thresholdPen(QColor(0xe0, 0x7b, 0x00));
    thresholdPen.setWidth(2);
    thresholdPen.setStyle(Qt::DotLine);
    m_thresholdLine->setPen(thresholdPen);
    m_chart->addSeries(m_thresholdLine);
    m_thresholdLine->attachAxis(m_time);
    m_thresholdLine->attachAxis(m_length);
    m_view->setRenderHint(QPainter::Antialiasing);

    auto *bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Window:")));
    bar->addWidget(m_windowCombo);
    bar->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_view, 1);
    m_chart->legend()->hide();
    m_legend->setObjectName(QStringLiteral("chartLegend"));
    m_legend->setTextFormat(Qt::RichText);
    m_legend->setWordWrap(true);
    m_legend->setContentsMargins(6, 0, 6, 2);
    m_legend->setAccessibleName(tr("Queue Chart legend"));
    layout->addWidget(m_legend);
    setThreshold(0);
    rebuildSeries();
    refresh();
}

void QueueChart::showCopies(const std::vector<ChartedCopy> &copies)
{
    const bool same = copies.size() == m_copies.size() &&
                      std::equal(copies.begin(), copies.end(), m_copies.begin(),
                                 [](const ChartedCopy &a, const ChartedCopy &b) { return a.id == b.id; });
    m_copies = copies;
    if (!same)
        rebuildSeries();
    refresh();
}

void QueueChart::showCopy(qint64 copyId, const QString &name)
{
    showCopies(copyId ? std::vector<ChartedCopy>{{copyId, name}} : std::vector<ChartedCopy>{});
}

qint64 QueueChart::copyId() const
{
    return m_copies.empty() ? 0 : m_copies.front().id;
}

std::vector<qint64> QueueChart::copyIds() const
{
    std::vector<qint64> out;
    for (const ChartedCopy &c : m_copies)
        out.push_back(c.id);
    return out;
}

void QueueChart::setThreshold(int copyQueueLogs)
{
    m_threshold = copyQueueLogs;
    m_thresholdLine->setName(tr("CopyQueueLength threshold (%1 logs)").arg(copyQueueLogs));
    updateLegend();
    refresh();
}

void QueueChart::setWindow(Window window)
{
    m_window = window;
    if (const int i = m_windowCombo->findData(int(window)); i != m_windowCombo->currentIndex()) {
        const QSignalBlocker block(m_windowCombo);
        m_windowCombo->setCurrentIndex(i);
    }
    refresh();
}

std::vector<QueueChart::AxisLabel> QueueChart::fittingLabels(const TimeAxis &axis, int labelWidth,
                                                             int plotWidth)
{
    const int n = int(axis.labels.size());
    int every = 1;
    if (plotWidth > 0 && labelWidth > 0 && n > 1) {
        const int room = std::max(1, plotWidth / labelWidth); // labels that fit side by side
        if (room < n)
            every = room == 1 ? n : int(std::ceil(double(n - 1) / (room - 1)));
    }
    std::vector<AxisLabel> out;
    for (int i = (n - 1) % every; i < n; i += every) // the newest always: counted back from it
        out.push_back({axis.labels[i], axis.minMs + i * axis.stepMs});
    return out;
}

void QueueChart::rebuildSeries()
{
    for (auto &[copy, replay] : m_series) {
        m_chart->removeSeries(copy);
        m_chart->removeSeries(replay);
        delete copy;
        delete replay;
    }
    m_series.clear();
    for (std::size_t i = 0; i < m_copies.size(); ++i) {
        auto *copy = new QLineSeries;
        auto *replay = new QLineSeries;
        const QString prefix = m_copies.size() > 1 ? m_copies[i].name + QLatin1Char(' ') : QString();
        copy->setName(prefix + tr("CopyQueueLength"));
        replay->setName(prefix + tr("ReplayQueueLength"));
        QPen pen(copyColour(i));
        pen.setWidth(2);
        copy->setPen(pen);
        pen.setStyle(Qt::DashLine);
        replay->setPen(pen);
        for (QLineSeries *s : {copy, replay}) {
            m_chart->addSeries(s);
            s->attachAxis(m_time);
            s->attachAxis(m_length);
        }
        m_series.emplace_back(copy, replay);
    }
    if (m_copies.empty())
        m_chart->setTitle(tr("Select an SCR copy to chart its queues"));
    else if (m_copies.size() == 1)
        m_chart->setTitle(tr("Queues of the SCR copy of %1 (virtual time, UTC)").arg(m_copies.front().name));
    else
        m_chart->setTitle(tr("Queues of %1 SCR copies (virtual time, UTC)").arg(m_copies.size()));
    updateLegend();
}

void QueueChart::updateLegend()
{
    // Each entry: its line's colour and dash, then its name; entries break between them only where they
    // must (a name keeps its first word with its line).
    QStringList entries;
    for (const QAbstractSeries *series : m_chart->series()) {
        const auto *line = qobject_cast<const QLineSeries *>(series);
        if (!line)
            continue;
        const Qt::PenStyle style = line->pen().style();
        const QString stroke = style == Qt::DashLine  ? QStringLiteral("\u254c\u254c")
                               : style == Qt::DotLine ? QStringLiteral("\u2508\u2508")
                                                      : QStringLiteral("\u2501\u2501");
        QString name = line->name().toHtmlEscaped();
        const qsizetype space = name.indexOf(QLatin1Char(' '));
        if (space > 0)
            name.replace(space, 1, QStringLiteral("&nbsp;"));
        entries << QStringLiteral("<span style=\"color:%1\"><b>%2</b></span>&nbsp;%3")
                       .arg(line->pen().color().name(), stroke, name);
    }
    m_legend->setText(entries.join(QStringLiteral("&nbsp;&nbsp; ")));
}

void QueueChart::refresh()
{
    // A copy that is gone (disabled, activated) is no longer drawn: the history forgot it.
    const auto gone = std::remove_if(m_copies.begin(), m_copies.end(),
                                     [this](const ChartedCopy &c) { return !m_history->contains(c.id); });
    if (gone != m_copies.end()) {
        m_copies.erase(gone, m_copies.end());
        rebuildSeries();
    }
    // The virtual clock as the snapshots say, even with nothing to draw.
    const TimeAxis t = timeAxisFor(m_history->nowMs(), m_window);
    const int labelWidth =
        t.labels.isEmpty() ? 0 : QFontMetrics(m_time->labelsFont()).horizontalAdvance(t.labels.last()) + 12;
    const std::vector<AxisLabel> shown = fittingLabels(t, labelWidth, int(m_chart->plotArea().width()));
    QStringList texts;
    for (const AxisLabel &l : shown)
        texts << l.text;
    if (m_time->categoriesLabels() != texts || m_time->min() != double(t.minMs)) {
        for (const QString &label : m_time->categoriesLabels())
            m_time->remove(label);
        m_time->setStartValue(double(t.minMs));
        for (const AxisLabel &l : shown)
            m_time->append(l.text, double(l.atMs));
        m_time->setRange(double(t.minMs), double(t.maxMs));
    }
    const qint64 since = m_history->nowMs() - t.minMs;
    double highest = m_threshold;
    for (std::size_t i = 0; i < m_copies.size(); ++i) {
        const QVector<QPointF> copy = m_history->copyQueue(m_copies[i].id, since);
        const QVector<QPointF> replay = m_history->replayQueue(m_copies[i].id, since);
        for (const QVector<QPointF> *series : {&copy, &replay})
            for (const QPointF &p : *series)
                highest = std::max(highest, p.y());
        m_series[i].first->replace(copy);
        m_series[i].second->replace(replay);
    }
    m_thresholdLine->replace({QPointF(double(t.minMs), m_threshold), QPointF(double(t.maxMs), m_threshold)});
    m_logAxis = logAxisFor(highest);
    m_length->setRange(0, m_logAxis.max);
    m_length->setTickInterval(m_logAxis.step);
}

int QueueChart::pointCount() const
{
    return m_series.empty() ? 0 : static_cast<int>(m_series.front().first->count());
}

qint64 QueueChart::timeMinMs() const
{
    return static_cast<qint64>(m_time->min());
}

qint64 QueueChart::timeMaxMs() const
{
    return static_cast<qint64>(m_time->max());
}

QStringList QueueChart::timeLabels() const
{
    return m_time->categoriesLabels();
}

QStringList QueueChart::logLabels() const
{
    // What QValueAxis draws with TicksDynamic from anchor 0, one tick an interval, each value with "%d".
    QStringList out;
    const double interval = m_length->tickInterval();
    for (double v = m_length->min(); v <= m_length->max() + 1e-9; v += interval)
        out << QString::number(static_cast<qint64>(std::llround(v)));
    return out;
}

QString QueueChart::logLabelFormat() const
{
    return m_length->labelFormat();
}

QStringList QueueChart::seriesNames() const
{
    QStringList out;
    for (const auto *s : m_chart->series())
        out << s->name();
    return out;
}

QString QueueChart::title() const
{
    return m_chart->title();
}

} // namespace scr
