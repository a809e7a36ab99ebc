#pragma once
// LocalLabClient: a LabClient whose lab runs in this process, in a LabWorker on a thread of its own. Calls
// go to the worker queued, answers come back queued; the health of each snapshot is judged here, on the
// client's thread, so that a change of thresholds is judged again at once. Destroying the client closes
// the lab cleanly (the worker and its thread end) and drops every answer still on its way.

#include "client/labclient.h"

#include <QPointer>

class QThread;

namespace scr {

class Clock;
class LabWorker;

class LocalLabClient final : public LabClient
{
    Q_OBJECT
public:
    explicit LocalLabClient(const QString &labDir, QObject *parent = nullptr);
    ~LocalLabClient() override;

    QString labDir() const override { return m_labDir; }
    void open() override;
    qint64 run(const QString &script, bool stopAtFirstError = true) override;
    void setRunning(bool running) override;
    void setSpeed(double speed) override;
    void refresh() override;
    void onLab(QObject *context, LabWork work, std::function<void()> done) override;
    HealthThresholds thresholds() const override { return m_health.thresholds(); }
    void setThresholds(const HealthThresholds &thresholds) override;

private:
    void receiveSnapshot(const LabSnapshot &snapshot);
    void publish(const HealthReport &report);

    QString m_labDir;
    QThread *m_thread;
    LabWorker *m_worker; // lives on m_thread, deleted with it
    qint64 m_nextRequest = 1;
    HealthMonitor m_health;
    LabSnapshot m_last; // the last snapshot, judged again when the thresholds change
};

} // namespace scr
