#pragma once
// Clock: where every timestamp in the engine comes from. The simulation's virtual clock implements it so
// that a one-day ReplayLagTime can be watched in a minute and tests step time deterministically.

#include <QtGlobal>

namespace scr {

class Clock
{
public:
    virtual ~Clock() = default;
    virtual qint64 nowMs() const = 0; // milliseconds since the Unix epoch, UTC
};

class SystemClock final : public Clock
{
public:
    qint64 nowMs() const override;
    static const SystemClock &instance();
};

} // namespace scr
