#pragma once
// VirtualClock: the simulation's time, so a one-day ReplayLagTime can be watched in a minute and every run is
// reproducible. The Lab keeps it stopped and steps it (Lab::stepSimulation: Step-Simulation, or the console's
// LabWorker timer at the speed the window asks), on the lab's thread, where every cycle reads it too.
// Running, it flows at a speed factor (1x to 86,400x) against real time instead. Its lock makes any one call
// safe from another thread.

#include "core/clock.h"

#include <QElapsedTimer>
#include <QMutex>

namespace scr {

class VirtualClock final : public Clock
{
public:
    static constexpr double kMinSpeed = 1.0;
    static constexpr double kMaxSpeed = 86400.0;

    explicit VirtualClock(qint64 startMs);

    qint64 nowMs() const override;
    // Clamped to [1, 86400]. The virtual time does not jump when the speed changes.
    void setSpeed(double factor);
    double speed() const;
    // Running: time flows with real time times the speed. Stopped: it moves only by advance().
    void setRunning(bool running);
    bool isRunning() const;
    void advance(qint64 ms);

private:
    qint64 nowLocked() const;

    mutable QMutex m_mutex;
    qint64 m_baseMs;      // virtual time when m_real was started
    QElapsedTimer m_real; // valid while running
    double m_speed = 1.0;
    bool m_running = false;
};

} // namespace scr
