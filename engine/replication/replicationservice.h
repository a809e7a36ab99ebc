#pragma once
// ReplicationService: the Microsoft Exchange Replication service of one standby machine. It owns that
// machine's SCR copies (CopyWorker) and runs their cycles. It is a QObject meant to live in a worker thread
// (start() moves it there and drives it with a timer); tests and Step-Simulation call runCycle() directly on
// a service that has no thread. Either way, call it only from the thread it lives in (invokeMethod from
// others); results leave it by queued signals.

#include "copyworker.h"

#include <map>
#include <memory>

#include <QList>
#include <QObject>
#include <QThread>

class QTimer;

namespace scr {

class ReplicationService final : public QObject
{
    Q_OBJECT
public:
    ReplicationService(QString standbyMachine, const Clock &clock, QObject *parent = nullptr);
    ~ReplicationService() override;

    const QString &standbyMachine() const { return m_standby; }

    // Starts a copy (key: the directory's copy id). Its position comes from the files.
    void addCopy(qint64 key, const CopyConfig &config);
    void removeCopy(qint64 key);
    bool hasCopy(qint64 key) const { return m_copies.count(key) > 0; }
    CopyWorker *copy(qint64 key);
    QList<qint64> keys() const;
    QList<CopyStatus> statuses() const;

    // Runs one cycle of every copy, then emits statusesUpdated.
    void runCycle();

    // Threaded mode: moves the service to its own thread and runs a cycle every intervalMs of real time.
    void start(int intervalMs);
    void stop(); // back on the caller's thread, with no timer; blocks until the running cycle ends

Q_SIGNALS:
    void eventRaised(const scr::ReplicationEvent &event);
    void statusesUpdated(const QList<qint64> &keys, const QList<scr::CopyStatus> &statuses);
    // A copy's failure is to be kept (key: the directory's copy id), or is gone; the directory keeps it.
    void copyFailed(qint64 key, const scr::CopyFailure &failure);
    void copyFailureCleared(qint64 key);

private:
    QString m_standby;
    const Clock &m_clock;
    std::map<qint64, std::unique_ptr<CopyWorker>> m_copies;
    QThread m_thread;
    QTimer *m_timer = nullptr;
};

} // namespace scr
