#include "replicationservice.h"

namespace scr {

ReplicationService::ReplicationService(QString standbyMachine, const Clock &clock, QObject *parent)
    : QObject(parent), m_standby(std::move(standbyMachine)), m_clock(clock)
{
    qRegisterMetaType<scr::ReplicationEvent>();
    qRegisterMetaType<scr::CopyStatus>();
    qRegisterMetaType<scr::CopyFailure>();
}

void ReplicationService::addCopy(qint64 key, const CopyConfig &config)
{
    m_copies[key] = std::make_unique<CopyWorker>(
        config, m_clock, [this](const ReplicationEvent &e) { Q_EMIT eventRaised(e); },
        [this, key](const std::optional<CopyFailure> &failure) {
            if (failure)
                Q_EMIT copyFailed(key, *failure);
            else
                Q_EMIT copyFailureCleared(key);
        });
}

void ReplicationService::removeCopy(qint64 key)
{
    m_copies.erase(key);
}

CopyWorker *ReplicationService::copy(qint64 key)
{
    auto it = m_copies.find(key);
    return it == m_copies.end() ? nullptr : it->second.get();
}

QList<qint64> ReplicationService::keys() const
{
    QList<qint64> out;
    for (const auto &[key, worker] : m_copies)
        out << key;
    return out;
}

QList<CopyStatus> ReplicationService::statuses() const
{
    QList<CopyStatus> out;
    for (const auto &[key, worker] : m_copies)
        out << worker->status();
    return out;
}

void ReplicationService::runCycle()
{
    for (auto &[key, worker] : m_copies)
        worker->runCycle();
}

} // namespace scr
