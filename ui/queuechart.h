#pragma once
// QueueChart: the console's chart of the selected SCR copies' CopyQueueLength (solid) and ReplayQueueLength
// (dashed) over the virtual clock, with the CopyQueueLength threshold drawn as a line, over a window of
// the last hour, day or week of virtual time. It draws from a QueueHistory kept outside it, replacing each
// series' points at once on refresh(); animations are off.
//
// Time is always the virtual clock (QueueHistory::nowMs(), fed by the snapshots), never the wall clock,
// even with nothing to draw. The time axis is a QCategoryAxis over epoch milliseconds whose labels we
// write, on whole UTC boundaries (every 10 minutes for an hour, 4 hours for a day, a day for a week), in a
// format that tells them apart (HH:mm, dd HH:mm, MMM dd): QDateTimeAxis in Qt 6.4 writes its labels in the
// local time zone at min + i (max - min) / (n - 1), which repeated "22:41" over a short span, while the
// console's virtual clock is UTC everywhere. The log axis has whole-log ticks on a 1-2-5 step.

#include <vector>

#include <QString>
#include <QStringList>
#include <QWidget>

class QCategoryAxis;
class QChart;
class QChartView;
class QComboBox;
class QLabel;
class QLineSeries;
class QValueAxis;

namespace scr {

class QueueHistory;

class QueueChart final : public QWidget
{
    Q_OBJECT
public:
    enum Window { LastHour, LastDay, LastWeek };
    struct ChartedCopy
    {
        qint64 id = 0;
        QString name; // "MBX1\SG1 on MBX3"
    };
    // The time axis for a window ending at nowMs: [minMs, maxMs] on whole steps, maxMs the first step
    // boundary at or after nowMs, a label a step.
    struct TimeAxis
    {
        qint64 minMs = 0;
        qint64 maxMs = 0;
        qint64 stepMs = 0;
        QString format; // QDateTime format, UTC
        QStringList labels;
    };
    // The log axis from 0 to max, a tick every step logs (1, 2 or 5 times a power of ten).
    struct LogAxis
    {
        int max = 0;
        int step = 1;
    };
    static qint64 windowMs(Window window);
    static TimeAxis timeAxisFor(qint64 nowMs, Window window);
    static LogAxis logAxisFor(double highest);
    // The time labels that fit side by side in plotWidth pixels, each labelWidth wide: every one, or every
    // second, third... (at 200 % scale or in a narrow dock), always with the newest. All of them when the
    // plot's width is not known yet.
    struct AxisLabel
    {
        QString text;
        qint64 atMs = 0;
    };
    static std::vector<AxisLabel> fittingLabels(const TimeAxis &axis, int labelWidth, int plotWidth);

    explicit QueueChart(const QueueHistory *history, QWidget *parent = nullptr);

    // Which copies to draw (none: an empty chart, still on the virtual clock).
    void showCopies(const std::vector<ChartedCopy> &copies);
    void showCopy(qint64 copyId, const QString &name); // one copy; 0: none
    qint64 copyId() const;                             // the first copy drawn; 0: none
    std::vector<qint64> copyIds() const;
    void setThreshold(int copyQueueLogs);
    void setWindow(Window window);
    Window window() const { return m_window; }
    // Redraws from the history; a copy the history no longer has (it is gone) is dropped from the chart.
    void refresh();

    // For tests: the first copy's CopyQueueLength points, the axes as drawn, the series' names.
    int pointCount() const;
    qint64 timeMinMs() const;
    qint64 timeMaxMs() const;
    QStringList timeLabels() const;
    QStringList logLabels() const;
    QString logLabelFormat() const;
    LogAxis logAxis() const { return m_logAxis; }
    QStringList seriesNames() const;
    QString title() const;
    // The legend: a line of the chart's own below it, wrapped between entries, so that no name is elided
    // or clipped in a narrow dock (Qt Charts' legend elides its names and lays out past the chart's edge).
    QLabel *legend() const { return m_legend; }

private:
    void rebuildSeries();
    void updateLegend();

    const QueueHistory *m_history;
    std::vector<ChartedCopy> m_copies;
    Window m_window = LastHour;
    int m_threshold = 0;
    LogAxis m_logAxis;
    QComboBox *m_windowCombo;
    QChart *m_chart;
    QChartView *m_view;
    std::vector<std::pair<QLineSeries *, QLineSeries *>> m_series; // per copy: copy queue, replay queue
    QLineSeries *m_thresholdLine;
    QCategoryAxis *m_time;
    QValueAxis *m_length;
    QLabel *m_legend;
};

} // namespace scr
