#pragma once
// QueueHistory: the copy and replay queue lengths of every SCR copy over the virtual clock, for the
// console's queue chart, kept outside any widget. Fed from snapshots (one sample per snapshot whose clock
// moved) and, at open, from the directory's status history.
//
// Bounded memory, so that a seven-day window stays cheap however long the console runs: per copy, the
// last two virtual hours at one sample per ten virtual seconds (samples within the same ten seconds merge,
// keeping each queue's maximum), then one bucket per ten virtual minutes (merged the same way: a peak is
// never lost, only its exact minute), and nothing older than seven virtual days. At most kMaxSamples
// (1,730) samples a copy. A copy that is no longer in the snapshot is forgotten with its samples.

#include "lab/labsnapshot.h"

#include <deque>
#include <map>
#include <vector>

#include <QPointF>
#include <QVector>

namespace scr {

class QueueHistory
{
public:
    static constexpr qint64 kRecentMs = 2 * 3600 * 1000;      // at full resolution
    static constexpr qint64 kRecentStepMs = 10 * 1000;        // full resolution: one sample a slot
    static constexpr qint64 kBucketMs = 10 * 60 * 1000;       // older samples: one a bucket
    static constexpr qint64 kKeepMs = 7LL * 24 * 3600 * 1000; // nothing older (the longest window)
    static constexpr std::size_t kMaxSamples =                // per copy: 721 recent + 1,009 buckets
        std::size_t(kRecentMs / kRecentStepMs + 1 + kKeepMs / kBucketMs + 1);

    struct Sample
    {
        qint64 timeMs = 0; // the newest sample merged into it
        qint64 copyQueue = 0;
        qint64 replayQueue = 0;
    };

    // The snapshot's copies get a sample at snapshot.nowMs (none when the clock did not move); copies
    // not in the snapshot are forgotten.
    void add(const LabSnapshot &snapshot);
    // Samples from the directory's status history (LabWorker::historyLoaded), oldest first: the chart
    // starts with the past instead of empty after a restart.
    void addSamples(const std::vector<StatusSample> &samples);
    // Points (epoch ms, length) of one copy, oldest first; windowMs > 0 keeps only those of the last
    // windowMs before nowMs().
    QVector<QPointF> copyQueue(qint64 copyId, qint64 windowMs = 0) const;
    QVector<QPointF> replayQueue(qint64 copyId, qint64 windowMs = 0) const;
    std::size_t size(qint64 copyId) const;
    bool contains(qint64 copyId) const { return m_copies.count(copyId) > 0; }
    std::vector<qint64> copies() const;
    // The virtual clock as last seen (the newest snapshot or sample); 0 before any.
    qint64 nowMs() const { return m_nowMs; }

private:
    struct Copy
    {
        std::deque<Sample> buckets; // older than kRecentMs, one per kBucketMs, oldest first
        std::deque<Sample> recent;  // the last kRecentMs, one per kRecentStepMs, oldest first
    };
    void addSample(Copy &copy, const Sample &sample);
    QVector<QPointF> points(qint64 copyId, qint64 windowMs, bool replay) const;

    std::map<qint64, Copy> m_copies; // by copy id
    qint64 m_nowMs = 0;
};

} // namespace scr
