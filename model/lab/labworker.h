#pragma once
// LabWorker: the lab at work behind the console, on a thread of its own. It owns the shell session (the Lab
// and every cmdlet) so that the GUI thread never waits on a file or the directory: the GUI asks by queued
// calls (runScript, setRunning, setSpeed) and hears back by signals (scriptFinished, snapshotReady,
// eventRecorded). While running, a timer advances the virtual clock by the real time elapsed times the speed,
// delivering mail and running every copy's cycle as Step-Simulation does.

#include "directory/records.h"
#include "labsnapshot.h"

#include <memory>
#include <vector>

#include <QElapsedTimer>
#include <QObject>

class QTimer;

namespace scr {

class ShellSession;

class LabWorker final : public QObject
{
    Q_OBJECT
public:
    static constexpr int kTickMs = 250;
    static constexpr qint64 kHistoryWindowMs = 2 * 3600 * 1000; // what the console's chart shows

    explicit LabWorker(QString labDir, QObject *parent = nullptr);
    ~LabWorker() override;

    // Synchronous for tests and for the worker's own thread; the GUI calls the slots through queued
    // connections (QMetaObject::invokeMethod).
    LabSnapshot snapshot();

public Q_SLOTS:
    void open();
    // Runs a script as scr-shell would (no terminal: confirmations must be given with -Confirm:$false):
    // a failing statement is reported and the next one runs, unless stopAtFirstError (the console's
    // wizards and actions, whose later steps assume the earlier ones worked). error holds every error.
    void runScript(qint64 requestId, const QString &script, bool stopAtFirstError = false);
    void setRunning(bool running);
    void setSpeed(double speed);
    // One tick of running mode; public so that tests can drive it without a timer.
    void tick();

Q_SIGNALS:
    void opened(bool ok, const QString &error);
    void eventsLoaded(const std::vector<scr::EventRecord> &events);
    // The status history of every copy for the chart's window, oldest first, once at open.
    void historyLoaded(const std::vector<scr::StatusSample> &samples);
    void eventRecorded(const scr::EventRecord &event);
    void scriptFinished(qint64 requestId, const QString &text, bool ok, const QString &error);
    void snapshotReady(const scr::LabSnapshot &snapshot);

private:
    QString m_labDir;
    std::unique_ptr<ShellSession> m_session;
    QTimer *m_timer = nullptr;
    QElapsedTimer m_sinceTick;
    double m_speed = 60;
    bool m_running = false;
};

} // namespace scr

Q_DECLARE_METATYPE(std::vector<scr::EventRecord>)
Q_DECLARE_METATYPE(std::vector<scr::StatusSample>)
