#pragma once
// LabClient: the one way a window (the console, its wizards, property sheets and shell pane) reaches a lab.
// It runs scripts by request id and answers each with a structured ScriptOutput, sends the lab's snapshots,
// events and status history, runs and paces the simulation, judges the copies' health against the
// thresholds it is given, and runs read-only work with the Lab on the lab's own thread (onLab). An abstract
// interface: LocalLabClient runs the lab on a worker thread of this process; a remote client (scr-service
// over Qt Remote Objects) stands behind the same calls and signals. One client is one lab: opening another
// lab is another client, and nothing of the first one's answers reaches a window attached to the second.

#include "directory/records.h"
#include "ems/pipelinerunner.h"
#include "lab/labsnapshot.h"
#include "models/healthmonitor.h"

#include <functional>
#include <vector>

#include <QObject>

namespace scr {

class Lab;

class LabClient : public QObject
{
    Q_OBJECT
public:
    using LabWork = std::function<void(const Lab &lab)>;

    explicit LabClient(QObject *parent = nullptr);
    ~LabClient() override;

    // The lab's folder, absolute.
    virtual QString labDir() const = 0;
    // Opens the lab, once: opened() says how it went; then come its events, history and snapshots.
    virtual void open() = 0;
    // Runs script as scr-shell would; returns its request id, which scriptFinished() names. stopAtFirstError
    // for the console's own steps (actions, wizards), not for what the administrator types in the shell
    // pane (that runs on after an error, as EMS does).
    virtual qint64 run(const QString &script, bool stopAtFirstError = true) = 0;
    virtual void setRunning(bool running) = 0;
    virtual void setSpeed(double speed) = 0;
    // The lab read again now (F5): a snapshot comes, whether the simulation runs or not.
    virtual void refresh() = 0;
    // Runs work with the lab on the lab's thread, then done on this object's thread; done is dropped when
    // context or this client is gone by then. Read-only work (pre-flight checks, previews): changes go
    // through run().
    virtual void onLab(QObject *context, LabWork work, std::function<void()> done) = 0;
    // The Replication Dashboard's thresholds: setting them judges every copy again at once (healthJudged,
    // and an event per new crossing).
    virtual HealthThresholds thresholds() const = 0;
    virtual void setThresholds(const HealthThresholds &thresholds) = 0;

Q_SIGNALS:
    void opened(bool ok, const QString &error);
    // A script asked for by run() (by any user of this client: the console shows each in its shell pane).
    void scriptStarted(qint64 requestId, const QString &script);
    void scriptFinished(qint64 requestId, const scr::ems::ScriptOutput &output);
    void snapshotReady(const scr::LabSnapshot &snapshot);
    // The copies of the last snapshot judged (after each snapshotReady, and when the thresholds change).
    void healthJudged(const scr::HealthReport &report);
    // The lab's event log at open, oldest first; then each event as it is recorded (the lab's, and the
    // health judgement's 9100 / 9101).
    void eventsLoaded(const std::vector<scr::EventRecord> &events);
    void eventRecorded(const scr::EventRecord &event);
    // The status history of every copy for the chart's window, oldest first, once at open.
    void historyLoaded(const std::vector<scr::StatusSample> &samples);
    // The speed asked for and the one achieved (0 while paused or not yet measured).
    void speedMeasured(double requested, double achieved);
};

} // namespace scr
