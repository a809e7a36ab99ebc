#include "locallabclient.h"

#include "lab/labworker.h"

#include <QCoreApplication>
#include <QThread>

namespace scr {

LocalLabClient::LocalLabClient(const QString &labDir, QObject *parent)
    : LabClient(parent), m_labDir(labDir), m_thread(new QThread(this)), m_worker(new LabWorker(labDir))
{
    qRegisterMetaType<scr::ems::ScriptOutput>();
    qRegisterMetaType<scr::HealthReport>();
    m_thread->setObjectName(QStringLiteral("lab"));
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    // The worker's answers come queued to this thread; they die with this object (posted events do).
    connect(m_worker, &LabWorker::opened, this, &LabClient::opened);
    connect(m_worker, &LabWorker::scriptFinished, this, &LabClient::scriptFinished);
    connect(m_worker, &LabWorker::snapshotReady, this, &LocalLabClient::receiveSnapshot);
    connect(m_worker, &LabWorker::eventsLoaded, this, [this](const std::vector<EventRecord> &events) {
        m_health.reset(); // a lab (re)opened: its alerts are announced in its event log
        Q_EMIT eventsLoaded(events);
    });
    connect(m_worker, &LabWorker::eventRecorded, this, &LabClient::eventRecorded);
    connect(m_worker, &LabWorker::historyLoaded, this, &LabClient::historyLoaded);
    connect(m_worker, &LabWorker::speedMeasured, this, &LabClient::speedMeasured);
    m_thread->start();
}

LocalLabClient::~LocalLabClient()
{
    m_thread->quit(); // the worker, and with it the lab (its lock released), goes with the thread
    m_thread->wait();
}

void LocalLabClient::open()
{
    QMetaObject::invokeMethod(m_worker, &LabWorker::open, Qt::QueuedConnection);
}

qint64 LocalLabClient::run(const QString &script, bool stopAtFirstError)
{
    const qint64 id = m_nextRequest++;
    Q_EMIT scriptStarted(id, script);
    QMetaObject::invokeMethod(
        m_worker,
        [worker = m_worker, id, script, stopAtFirstError] {
            worker->runScript(id, script, stopAtFirstError);
        },
        Qt::QueuedConnection);
    return id;
}

void LocalLabClient::setRunning(bool running)
{
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, running] { worker->setRunning(running); }, Qt::QueuedConnection);
}

void LocalLabClient::setSpeed(double speed)
{
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, speed] { worker->setSpeed(speed); }, Qt::QueuedConnection);
}

void LocalLabClient::refresh()
{
    // The worker reads the lab (directory and files) again and sends the snapshot as after a tick.
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker] { Q_EMIT worker->snapshotReady(worker->snapshot()); },
        Qt::QueuedConnection);
}

void LocalLabClient::onLab(QObject *context, LabWork work, std::function<void()> done)
{
    // The answer is dropped when this client (its lab) or the asker (a wizard) is gone. Both are checked on
    // the client's thread, through the application object, which outlives the lab's thread: posting to an
    // object the GUI thread may have deleted by the time the work is done would crash the worker.
    QPointer<QObject> asker(context);
    QPointer<LocalLabClient> back(this);
    QMetaObject::invokeMethod(
        m_worker,
        [worker = m_worker, back, asker, work = std::move(work), done = std::move(done)] {
            worker->withLab(work);
            QMetaObject::invokeMethod(
                QCoreApplication::instance(),
                [back, asker, done] {
                    if (back && asker)
                        done();
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

void LocalLabClient::setThresholds(const HealthThresholds &thresholds)
{
    m_health.setThresholds(thresholds);
    publish(m_health.judge(m_last));
}

void LocalLabClient::receiveSnapshot(const LabSnapshot &snapshot)
{
    m_last = snapshot;
    Q_EMIT snapshotReady(snapshot);
    publish(m_health.judge(snapshot));
}

void LocalLabClient::publish(const HealthReport &report)
{
    Q_EMIT healthJudged(report);
    for (const EventRecord &event : report.events)
        Q_EMIT eventRecorded(event);
}

} // namespace scr
