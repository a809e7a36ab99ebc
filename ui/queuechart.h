#pragma once
// QueueChart: the dashboard's live chart of one SCR copy's CopyQueueLength and ReplayQueueLength over the
// virtual clock. It draws from a QueueHistory kept outside it, replacing each series' points at once on
// refresh(); animations are off, time is a QDateTimeAxis in epoch milliseconds.

#include <QWidget>

class QChart;
class QChartView;
class QDateTimeAxis;
class QLineSeries;
class QValueAxis;

namespace scr {

class QueueHistory;

class QueueChart final : public QWidget
{
    Q_OBJECT
public:
    static constexpr qint64 kWindowMs = 2 * 3600 * 1000; // the last two virtual hours

    explicit QueueChart(const QueueHistory *history, QWidget *parent = nullptr);

    // Which copy to draw (0: none), and its name for the title.
    void showCopy(qint64 copyId, const QString &title);
    qint64 copyId() const { return m_copyId; }
    void refresh();
    int pointCount() const; // of the copy queue series, for tests

private:
    const QueueHistory *m_history;
    qint64 m_copyId = 0;
    QChart *m_chart;
    QChartView *m_view;
    QLineSeries *m_copyQueue;
    QLineSeries *m_replayQueue;
    QDateTimeAxis *m_time;
    QValueAxis *m_length;
};

} // namespace scr
