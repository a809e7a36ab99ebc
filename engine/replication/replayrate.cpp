#include "replayrate.h"

#include "keyvaluefile.h"

#include <mutex>

namespace scr {
namespace {

std::mutex &fileMutex()
{
    static std::mutex m;
    return m;
}

QString ratePath(const HostDisk &labFolder)
{
    return labFolder.root() + QLatin1Char('/') + QLatin1String(ReplayRate::kFileName);
}

std::optional<ReplayRate> readLocked(const HostDisk &labFolder)
{
    const auto values = readKeyValueFile(labFolder, ratePath(labFolder));
    if (!values)
        return std::nullopt;
    ReplayRate rate;
    rate.logs = values->value("logs").toLongLong();
    rate.elapsedNs = values->value("elapsedNs").toLongLong();
    if (rate.logs <= 0 || rate.elapsedNs <= 0)
        return std::nullopt;
    return rate;
}

} // namespace

qint64 ReplayRate::estimateMs(qint64 logCount) const
{
    if (logs <= 0 || elapsedNs <= 0 || logCount <= 0)
        return 0;
    return static_cast<qint64>(double(logCount) * double(elapsedNs) / double(logs) / 1e6);
}

std::optional<ReplayRate> ReplayRate::read(const HostDisk &labFolder)
{
    std::lock_guard lock(fileMutex());
    return readLocked(labFolder);
}

Status ReplayRate::record(const HostDisk &labFolder, qint64 logs, qint64 elapsedNs)
{
    if (logs <= 0 || elapsedNs <= 0)
        return {};
    std::lock_guard lock(fileMutex());
    ReplayRate rate = readLocked(labFolder).value_or(ReplayRate{});
    rate.logs += logs;
    rate.elapsedNs += elapsedNs;
    const QByteArray text =
        QStringLiteral("logs %1\nelapsedNs %2\n").arg(rate.logs).arg(rate.elapsedNs).toLatin1();
    return labFolder.writeAtomically(ratePath(labFolder), text);
}

void ReplayRateMeter::measured(qint64 logs, qint64 elapsedNs)
{
    if (!m_folder)
        return;
    m_logs += logs;
    m_ns += elapsedNs;
    if (m_flushed.isValid() && m_flushed.elapsed() < kFlushMs)
        return;
    flush();
}

void ReplayRateMeter::flush()
{
    if (!m_folder || m_logs == 0)
        return;
    // A measurement that cannot be written is only a worse estimate later: the replay itself succeeded.
    if (ReplayRate::record(*m_folder, m_logs, m_ns)) {
        m_logs = 0;
        m_ns = 0;
    }
    m_flushed.start();
}

} // namespace scr
