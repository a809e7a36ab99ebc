#pragma once
// ReplicationService: the Microsoft Exchange Replication service of one standby machine. It owns that
// machine's SCR copies (CopyWorker) and runs a cycle of each when its owner calls runCycle(): the Lab, on the
// lab's thread, once per step of the virtual clock (Lab::stepSimulation). It has no thread or timer of its
// own; its signals tell the Lab what each cycle found.

#include "copyworker.h"

#include <map>
#include <memory>

#include <QList>
#include <QObject>

namespace scr {

class ReplicationService final : public QObject
{
    Q_OBJECT
public:
    ReplicationService(QString standbyMachine, const Clock &clock, QObject *parent = nullptr);

    const QString &standbyMachine() const { return m_standby; }

    // Starts a copy (key: the directory's copy id). Its position comes from the files.
    void addCopy(qint64 key, const CopyConfig &config);
    void removeCopy(qint64 key);
    bool hasCopy(qint64 key) const { return m_copies.count(key) > 0; }
    CopyWorker *copy(qint64 key);
    QList<qint64> keys() const;
    QList<CopyStatus> statuses() const;

    // Runs one cycle of every copy; statuses() then holds what they found.
    void runCycle();

Q_SIGNALS:
    void eventRaised(const scr::ReplicationEvent &event);
    // A copy's failure is to be kept (key: the directory's copy id), or is gone; the directory keeps it.
    void copyFailed(qint64 key, const scr::CopyFailure &failure);
    void copyFailureCleared(qint64 key);

private:
    QString m_standby;
    const Clock &m_clock;
    std::map<qint64, std::unique_ptr<CopyWorker>> m_copies;
};

} // namespace scr
