#include "queuehistory.h"

namespace scr {

void QueueHistory::add(const LabSnapshot &snapshot)
{
    for (const CopySnapshot &c : snapshot.allCopies()) {
        std::deque<Sample> &ring = m_samples[c.record.id];
        if (!ring.empty() && ring.back().timeMs >= snapshot.nowMs)
            continue; // the clock did not move: nothing new to draw
        ring.push_back({snapshot.nowMs, c.status.copyQueueLength(), c.status.replayQueueLength()});
        if (ring.size() > kMaxSamples)
            ring.pop_front();
    }
}

void QueueHistory::addSamples(const std::vector<StatusSample> &samples)
{
    for (const StatusSample &s : samples) {
        std::deque<Sample> &ring = m_samples[s.copyId];
        if (!ring.empty() && ring.back().timeMs >= s.timeMs)
            continue;
        ring.push_back({s.timeMs, s.copyQueueLength, s.replayQueueLength});
        if (ring.size() > kMaxSamples)
            ring.pop_front();
    }
}

QVector<QPointF> QueueHistory::points(qint64 copyId, qint64 windowMs, bool replay) const
{
    QVector<QPointF> out;
    auto it = m_samples.find(copyId);
    if (it == m_samples.end() || it->second.empty())
        return out;
    const qint64 from = windowMs > 0 ? it->second.back().timeMs - windowMs : 0;
    for (const Sample &s : it->second)
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
    auto it = m_samples.find(copyId);
    return it == m_samples.end() ? 0 : it->second.size();
}

} // namespace scr
