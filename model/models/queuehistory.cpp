#include "queuehistory.h"

#include <algorithm>
#include <limits>
#include <set>

namespace scr {
namespace {

// Merges b into a: the newer time, each queue's maximum (a peak survives downsampling).
void merge(QueueHistory::Sample &a, const QueueHistory::Sample &b)
{
    a.timeMs = std::max(a.timeMs, b.timeMs);
    a.copyQueue = std::max(a.copyQueue, b.copyQueue);
    a.replayQueue = std::max(a.replayQueue, b.replayQueue);
}

} // namespace

void QueueHistory::addSample(Copy &copy, const Sample &sample)
{
    const Sample *last = !copy.recent.empty()    ? &copy.recent.back()
                         : !copy.buckets.empty() ? &copy.buckets.back()
                                                 : nullptr;
    if (last && last->timeMs >= sample.timeMs)
        return; // the clock did not move: nothing new to draw
    m_nowMs = std::max(m_nowMs, sample.timeMs);
    if (!copy.recent.empty() && copy.recent.back().timeMs / kRecentStepMs == sample.timeMs / kRecentStepMs)
        merge(copy.recent.back(), sample);
    else
        copy.recent.push_back(sample);
    // What left the recent two hours goes into its ten-minute bucket.
    while (!copy.recent.empty() && copy.recent.front().timeMs < sample.timeMs - kRecentMs) {
        const Sample old = copy.recent.front();
        copy.recent.pop_front();
        if (!copy.buckets.empty() && copy.buckets.back().timeMs / kBucketMs == old.timeMs / kBucketMs)
            merge(copy.buckets.back(), old);
        else
            copy.buckets.push_back(old);
    }
    while (!copy.buckets.empty() && copy.buckets.front().timeMs < sample.timeMs - kKeepMs)
        copy.buckets.pop_front();
}

void QueueHistory::add(const LabSnapshot &snapshot)
{
    std::set<qint64> present;
    for (const CopySnapshot &c : snapshot.allCopies()) {
        present.insert(c.record.id);
        addSample(m_copies[c.record.id],
                  {snapshot.nowMs, c.status.copyQueueLength(), c.status.replayQueueLength()});
    }
    // A copy that is gone (disabled, activated) takes its samples with it.
    for (auto it = m_copies.begin(); it != m_copies.end();)
        it = present.count(it->first) ? std::next(it) : m_copies.erase(it);
    m_nowMs = std::max(m_nowMs, snapshot.nowMs);
}

void QueueHistory::addSamples(const std::vector<StatusSample> &samples)
{
    for (const StatusSample &s : samples)
        addSample(m_copies[s.copyId], {s.timeMs, s.copyQueueLength, s.replayQueueLength});
}

QVector<QPointF> QueueHistory::points(qint64 copyId, qint64 windowMs, bool replay) const
{
    QVector<QPointF> out;
    auto it = m_copies.find(copyId);
    if (it == m_copies.end())
        return out;
    const qint64 from = windowMs > 0 ? m_nowMs - windowMs : std::numeric_limits<qint64>::min();
    for (const std::deque<Sample> *tier : {&it->second.buckets, &it->second.recent})
        for (const Sample &s : *tier)
            if (s.timeMs >= from)
                out.append(QPointF(static_cast<double>(s.timeMs),
                                   static_cast<double>(replay ? s.replayQueue : s.copyQueue)));
    return out;
}

QVector<QPointF> QueueHistory::copyQueue(qint64 copyId, qint64 windowMs) const
{
    return points(copyId, windowMs, false);
}

QVector<QPointF> QueueHistory::replayQueue(qint64 copyId, qint64 windowMs) const
{
    return points(copyId, windowMs, true);
}

std::size_t QueueHistory::size(qint64 copyId) const
{
    auto it = m_copies.find(copyId);
    return it == m_copies.end() ? 0 : it->second.buckets.size() + it->second.recent.size();
}

std::vector<qint64> QueueHistory::copies() const
{
    std::vector<qint64> out;
    for (const auto &[id, copy] : m_copies)
        out.push_back(id);
    return out;
}

} // namespace scr
