#pragma once
// LabWorker: the lab at work behind the console, on a thread of its own. It owns the shell session (the Lab
// and every cmdlet) so that the GUI thread never waits on a file or the directory: the GUI asks by queued
// calls (runScript, setRunning, setSpeed) and hears back by signals (scriptFinished, snapshotReady,
// eventRecorded). While running, a timer advances the virtual clock by the real time elapsed times the speed,
// delivering mail and running every copy's cycle as Step-Simulation does. It measures the speed it actually
// achieves (virtual time advanced over real time, on a real-time clock that tests can replace), so the
// console shows it beside the speed asked for and 86400x never pretends.

#include "directory/records.h"
#include "ems/pipelinerunner.h"
#include "labsnapshot.h"

#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <vector>

#include <QObject>

class QTimer;

namespace scr {

class Clock;
class Lab;
class ShellSession;

class LabWorker final : public QObject
{
    Q_OBJECT
public:
    static constexpr int kTickMs = 250;
    // The status history sent at open (historyLoaded): all the directory keeps, seven virtual days (at most
    // about 1,130 rows a copy), so the chart's 7 d window starts full after a restart.
    static constexpr qint64 kHistoryWindowMs = 7LL * 24 * 3600 * 1000;
    // The achieved speed is measured over the last few real seconds: long enough to smooth one slow tick,
    // short enough to follow a change of load.
    static constexpr qint64 kAchievedWindowMs = 4000;

    // The virtual step a tick that must advance virtualMs takes: a twentieth of it, one to sixty virtual
    // seconds (bench_lab steps the same way).
    static qint64 stepMsFor(qint64 virtualMs);

    explicit LabWorker(QString labDir, QObject *parent = nullptr);
    // realTime is the monotonic real-time clock ticks are measured on (tests pass a manual one); it must
    // outlive the worker.
    LabWorker(QString labDir, const Clock &realTime, QObject *parent = nullptr);
    ~LabWorker() override;

    // Synchronous for tests and for the worker's own thread; the GUI calls the slots through queued
    // connections (QMetaObject::invokeMethod).
    LabSnapshot snapshot();
    // Virtual ms advanced per real ms over the last kAchievedWindowMs of ticks; 0 before the first tick
    // after Run, Pause or a change of speed.
    double achievedSpeed() const;
    // Runs work with the open lab, on the worker's own thread (queue it there); false, work not run, when no
    // lab is open. For the wizards' read-only checks and previews: changes go through runScript.
    bool withLab(const std::function<void(const Lab &)> &work);

public Q_SLOTS:
    void open();
    // Runs a script as scr-shell would (no terminal: confirmations must be given with -Confirm:$false):
    // a failing statement is reported and the next one runs, unless stopAtFirstError (the console's
    // wizards and actions, whose later steps assume the earlier ones worked). scriptFinished carries the
    // outcome as a value: the text, the objects written, every Error.
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
    void scriptFinished(qint64 requestId, const scr::ems::ScriptOutput &output);
    void snapshotReady(const scr::LabSnapshot &snapshot);
    // After every tick, and when running or the speed changes: the speed asked for and the one achieved
    // (0 while paused or not yet measured).
    void speedMeasured(double requested, double achieved);

private:
    struct SpeedSample
    {
        qint64 realMs;    // on m_realTime
        qint64 virtualMs; // virtual time advanced by ticks so far
    };
    void restartSpeedMeasure();

    // The property sheets' figures of a database (its last full backup, the size of its file), kept between
    // snapshots: reading them costs a directory query and two stats per database, too much for a large lab
    // four times a second. Read again after every script, and otherwise once kFiguresMs of real time has
    // passed, at most kFiguresPerSnapshot databases a snapshot.
    struct DatabaseFigures
    {
        qint64 lastFullBackupMs = 0;
        qint64 sizeBytes = -1;
        qint64 readAtMs = -1; // on m_realTime; -1 = not read yet
    };
    static constexpr qint64 kFiguresMs = 2000;
    static constexpr int kFiguresPerSnapshot = 32;
    std::map<QUuid, DatabaseFigures> m_databaseFigures;

    QString m_labDir;
    std::unique_ptr<Clock> m_ownRealTime; // the default monotonic clock, when none was given
    const Clock *m_realTime;
    std::unique_ptr<ShellSession> m_session;
    QTimer *m_timer = nullptr;
    qint64 m_lastTickMs = -1; // m_realTime at the start of the last tick (or at Run); -1 = none yet
    qint64 m_virtualAdvancedMs = 0;
    std::deque<SpeedSample> m_speedSamples;
    double m_speed = 60;
    bool m_running = false;
};

} // namespace scr
