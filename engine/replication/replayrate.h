#pragma once
// ReplayRate: how fast this lab really replays logs into a database (logs per second of wall clock), as the
// SCR replayer measured it. The activation preview estimates the replay left from it. It is kept in the lab
// folder (kFileName beside org.sqlite: the engine writes no directory SQL), written atomically (temporary
// file, fdatasync, rename, folder fsync) and summed over every measurement, so it outlives the process.

#include "core/result.h"
#include "host/hostdisk.h"

#include <optional>

#include <QElapsedTimer>

namespace scr {

struct ReplayRate
{
    static constexpr const char *kFileName = "replay-rate.txt";

    qint64 logs = 0;      // generations replayed while measured
    qint64 elapsedNs = 0; // their wall-clock replay time

    double logsPerSecond() const { return elapsedNs > 0 ? double(logs) * 1e9 / double(elapsedNs) : 0.0; }
    // How long replaying logs would take at this rate, in milliseconds of wall clock.
    qint64 estimateMs(qint64 logCount) const;

    // What the lab folder holds; nullopt when nothing was measured yet (or the file cannot be read).
    static std::optional<ReplayRate> read(const HostDisk &labFolder);
    // Adds a measurement (logs replayed in elapsedNs) to what the lab folder holds, durably. Serialized in
    // this process (every copy's worker may report).
    static Status record(const HostDisk &labFolder, qint64 logs, qint64 elapsedNs);
};

// ReplayRateMeter: what one replayer measured and has not yet added to the lab folder's ReplayRate. It is
// written at most every kFlushMs of wall clock (the first measurement at once) and when the meter goes.
class ReplayRateMeter
{
public:
    static constexpr qint64 kFlushMs = 5000;

    // labFolder unset: nothing is measured.
    explicit ReplayRateMeter(std::optional<HostDisk> labFolder) : m_folder(std::move(labFolder)) {}
    ~ReplayRateMeter() { flush(); }
    ReplayRateMeter(const ReplayRateMeter &) = delete;
    ReplayRateMeter &operator=(const ReplayRateMeter &) = delete;

    void measured(qint64 logs, qint64 elapsedNs);
    void flush();

private:
    std::optional<HostDisk> m_folder;
    qint64 m_logs = 0;
    qint64 m_ns = 0;
    QElapsedTimer m_flushed;
};

} // namespace scr
