#include "replicationservice.h"

#include <QTimer>

namespace scr {

ReplicationService::ReplicationService(QString standbyMachine, const Clock &clock, QObject *parent)
    : QObject(parent), m_standby(std::move(standbyMachine)), m_clock(clock)
{
    qRegisterMetaType<scr::ReplicationEvent>();
    qRegisterMetaType<scr::CopyStatus>();
    qRegisterMetaType<scr::CopyFailure>();
    m_thread.setObjectName(QStringLiteral("repl-") + m_standby);
}

ReplicationService::~ReplicationService()
{
    stop();
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
    Q_EMIT statusesUpdated(keys(), statuses());
}

void ReplicationService::start(int intervalMs)
{
    if (m_thread.isRunning())
        return;
    setParent(nullptr);
    m_thread.start();
    moveToThread(&m_thread);
    QMetaObject::invokeMethod(
        this,
        [this, intervalMs] {
            m_timer = new QTimer(this);
            m_timer->setInterval(intervalMs);
            connect(m_timer, &QTimer::timeout, this, &ReplicationService::runCycle);
            m_timer->start();
        },
        Qt::BlockingQueuedConnection);
}

void ReplicationService::stop()
{
    if (!m_thread.isRunning())
        return;
    QThread *caller = QThread::currentThread();
    QMetaObject::invokeMethod(
        this,
        [this, caller] {
            delete m_timer;
            m_timer = nullptr;
            moveToThread(caller);
        },
        Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

} // namespace scr
