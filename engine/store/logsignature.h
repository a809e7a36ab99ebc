#pragma once
// LogSignature: made once, at random, when a log stream is created. Every log header, the checkpoint and the
// database header carry it; a log with another signature belongs to another stream (-530).

#include <cstdint>

#include <QString>

namespace scr {

class Clock;

struct LogSignature
{
    quint64 random = 0;
    qint64 createTimeMs = 0;

    bool operator==(const LogSignature &) const = default;
    bool isNull() const { return random == 0 && createTimeMs == 0; }
    // "Create time:11/25/2026 19:37:50.123 Rand:2345678 Computer:" as eseutil prints it
    QString toString() const;
    static LogSignature generate(const Clock &clock);
};

// "11/25/2026 19:37:50.123", eseutil's time format; "00/00/1900 00:00:00.000" for 0.
QString eseTimeString(qint64 msSinceEpoch);

} // namespace scr
