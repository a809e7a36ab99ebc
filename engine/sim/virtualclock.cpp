#include "virtualclock.h"

#include <algorithm>

namespace scr {

VirtualClock::VirtualClock(qint64 startMs) : m_baseMs(startMs) {}

qint64 VirtualClock::nowLocked() const
{
    if (!m_running)
        return m_baseMs;
    return m_baseMs + static_cast<qint64>(static_cast<double>(m_real.nsecsElapsed()) / 1e6 * m_speed);
}

qint64 VirtualClock::nowMs() const
{
    QMutexLocker lock(&m_mutex);
    return nowLocked();
}

void VirtualClock::setSpeed(double factor)
{
    QMutexLocker lock(&m_mutex);
    m_baseMs = nowLocked();
    if (m_running)
        m_real.restart();
    m_speed = std::clamp(factor, kMinSpeed, kMaxSpeed);
}

double VirtualClock::speed() const
{
    QMutexLocker lock(&m_mutex);
    return m_speed;
}

void VirtualClock::setRunning(bool running)
{
    QMutexLocker lock(&m_mutex);
    if (running == m_running)
        return;
    m_baseMs = nowLocked();
    m_running = running;
    if (running)
        m_real.start();
}

bool VirtualClock::isRunning() const
{
    QMutexLocker lock(&m_mutex);
    return m_running;
}

void VirtualClock::advance(qint64 ms)
{
    QMutexLocker lock(&m_mutex);
    m_baseMs += std::max<qint64>(0, ms);
}

} // namespace scr
