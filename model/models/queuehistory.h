#pragma once
// QueueHistory: the recent copy and replay queue lengths of every SCR copy, on the virtual clock, for the
// dashboard's chart: a bounded ring of samples per copy, fed from snapshots (one sample per snapshot whose
// clock moved), kept outside any widget.

#include "lab/labsnapshot.h"

#include <deque>
#include <map>

#include <QPointF>
#include <QVector>

namespace scr {

class QueueHistory
{
public:
    static constexpr std::size_t kMaxSamples = 2000;

    struct Sample
    {
        qint64 timeMs = 0;
        qint64 copyQueue = 0;
        qint64 replayQueue = 0;
    };

    void add(const LabSnapshot &snapshot);
    // Samples from the directory's status history (LabWorker::historyLoaded), oldest first: the chart
    // starts with the past instead of empty after a restart.
    void addSamples(const std::vector<StatusSample> &samples);
    // Points (epoch ms, length) of one copy, oldest first; windowMs > 0 keeps only the last window.
    QVector<QPointF> copyQueue(qint64 copyId, qint64 windowMs = 0) const;
    QVector<QPointF> replayQueue(qint64 copyId, qint64 windowMs = 0) const;
    std::size_t size(qint64 copyId) const;

private:
    QVector<QPointF> points(qint64 copyId, qint64 windowMs, bool replay) const;
    std::map<qint64, std::deque<Sample>> m_samples; // by copy id
};

} // namespace scr
