#pragma once
// ReplicationHealth: the Replication Dashboard's judgement of every SCR copy against the administrator's
// thresholds (HealthThresholds, kept in QSettings), each crossing with a reason in the rule's own units
// ("CopyQueueLength 73 logs > 50"); AlertTracker remembers which copies are in alert, so that a crossing is
// announced once, when it begins, and not at every snapshot; CopyAlerts is what the item models answer
// AlertRole and AlertReasonRole (objectstate.h) from. No widgets: the ui layer draws what this says.
//
// The console's own events (README, "Replication Dashboard"), shown in the event viewer and logged through
// spdlog but not written to the lab's directory (they are the console's opinion, not the lab's state):
//   9100 Warning      SCR Console  an SCR copy crossed a threshold: names the copy and the reason
//   9101 Information  SCR Console  an SCR copy is back within a threshold it had crossed

#include "directory/records.h"
#include "lab/labsnapshot.h"
#include "models/copykey.h"
#include "models/objectstate.h"

#include <map>
#include <vector>

#include <QString>
#include <QVariant>

class QSettings;

namespace scr {

// The three thresholds, with their defaults (README, "Replication Dashboard").
struct HealthThresholds
{
    // A copy whose CopyQueueLength is above this many logs is in alert: logs the source closed and the
    // standby machine has not copied yet, what the copy would lose if the source died now.
    static constexpr int kDefaultCopyQueueLogs = 50;
    // A copy whose ReplayQueueLength is above what its ReplayLagTime and SCR's hold-back of 50 logs explain
    // (ReplicationHealth::expectedReplayQueue) by more than this many logs is in alert: replay is behind.
    static constexpr int kDefaultReplayQueueExtraLogs = 50;
    // A copy whose last inspected log is older than this many minutes of virtual time, while its source
    // is powered on and has closed a newer log, is in alert: copying or inspecting has stalled.
    static constexpr int kDefaultInspectedAgeMinutes = 60;
    // What the settings accept: up to a million logs, up to seven days (the longest ReplayLagTime).
    static constexpr int kMaxLogs = 1000000;
    static constexpr int kMaxMinutes = 7 * 24 * 60;

    int copyQueueLogs = kDefaultCopyQueueLogs;
    int replayQueueExtraLogs = kDefaultReplayQueueExtraLogs;
    int inspectedAgeMinutes = kDefaultInspectedAgeMinutes;

    // Keys "dashboard/copyQueueLogs", "dashboard/replayQueueExtraLogs", "dashboard/inspectedAgeMinutes";
    // a key that is missing, not a number or out of range reads as its default.
    static HealthThresholds load(const QSettings &settings);
    static HealthThresholds load(); // from the application's QSettings
    void save(QSettings &settings) const;
    void save() const;

    friend bool operator==(const HealthThresholds &, const HealthThresholds &) = default;
};

enum class HealthRule { CopyQueue, ReplayQueue, InspectedLogAge };

// One threshold a copy crosses, in the rule's units (logs, or minutes for the inspected log's age).
struct ThresholdCrossing
{
    HealthRule rule = HealthRule::CopyQueue;
    qint64 value = 0;
    qint64 limit = 0;
    QString reason; // "CopyQueueLength 73 logs > 50"
};

// One copy as the dashboard shows it: its figures and the thresholds it crosses.
struct CopyHealth
{
    CopyKey key;
    qint64 copyId = 0;
    SummaryCopyStatus summary = SummaryCopyStatus::Initializing;
    qint64 copyQueue = 0;
    qint64 replayQueue = 0;
    qint64 expectedReplayQueue = -1; // -1: not judged (see ReplicationHealth::expectedReplayQueue)
    std::vector<ThresholdCrossing> crossings;

    bool inAlert() const { return !crossings.empty(); }
    bool crosses(HealthRule rule) const;
    QString reasons() const; // every crossing's reason, "; " between them
};

class ReplicationHealth
{
public:
    // SCR keeps the newest 50 logs unreplayed whatever the lag (CopyWorker::kReplayLagGenerations).
    static constexpr qint64 kHeldBackLogs = 50;

    // The ReplayQueueLength that ReplayLagTime and the hold-back explain, from the copy's own figures:
    //   rate     = (LastLogInspected - LastLogReplayed) / (LastInspectedLogTime - LastReplayedLogTime),
    //              the logs a virtual millisecond the source made over the span the replay queue covers;
    //   expected = rate x ReplayLagTime + 50.
    // The replayer holds back a log while either is true (it is among the newest 50, or younger than
    // ReplayLagTime), so a healthy queue is about the larger of the two; the sum is a bound a healthy
    // copy stays under, with up to 50 logs to spare for a rate that changed. A stalled replayer keeps
    // LastLogReplayed and its time still, the queue's span grows past ReplayLagTime, and the queue
    // outgrows the bound by about the logs made since replay stopped. With no lag, expected = 50.
    // -1 (not judged) while ReplayLagTime > 0 and no log has been replayed yet (no LastReplayedLogTime:
    // the initial replay waits for the lag by design), or when the span is empty.
    static qint64 expectedReplayQueue(const CopyStatus &status, qint64 replayLagMs);
    // One copy against the thresholds. The inspected log's age is measured on the virtual clock
    // (snapshot.nowMs), only while the source server's host is powered on and the source has closed a
    // log the copy has not inspected (an idle storage group makes no logs, and its copy is not late).
    static CopyHealth judge(const LabSnapshot &snapshot, const StorageGroupSnapshot &storageGroup,
                            const CopySnapshot &copy, const HealthThresholds &thresholds);
    // Every copy of the organization, in the snapshot's order.
    static std::vector<CopyHealth> evaluate(const LabSnapshot &snapshot, const HealthThresholds &thresholds);
};

// The copies in alert, by CopyKey::toString(), with their reasons.
class CopyAlerts
{
public:
    CopyAlerts() = default;
    explicit CopyAlerts(const std::vector<CopyHealth> &health);

    bool contains(const QString &copyKey) const { return m_reasons.count(copyKey) > 0; }
    QString reasons(const QString &copyKey) const;
    std::size_t size() const { return m_reasons.size(); }
    // AlertRole (bool) and AlertReasonRole (QString) for the row of copyKey (any key: a row that is not a
    // copy is not in alert); an invalid QVariant for any other role.
    QVariant data(const QString &copyKey, int role) const;
    // The keys whose alert differs between a and b (in one and not the other, or other reasons).
    static std::vector<QString> changed(const CopyAlerts &a, const CopyAlerts &b);

    friend bool operator==(const CopyAlerts &, const CopyAlerts &) = default;

private:
    std::map<QString, QString> m_reasons;
};

// A copy entering or leaving the alert of one rule.
struct AlertTransition
{
    CopyKey key;
    HealthRule rule = HealthRule::CopyQueue;
    bool entered = true; // false: back within the threshold
    QString reason;      // the crossing's reason (entered), or the rule's name (cleared)

    // The console's event for it (9100 Warning when entered, 9101 Information when cleared), at nowMs.
    EventRecord event(qint64 nowMs) const;
};

// Remembers which copies cross which thresholds, and says what changed since the last update: a copy
// that stays in alert is reported once. A copy that is gone is forgotten silently (its removal has its
// own event).
class AlertTracker
{
public:
    std::vector<AlertTransition> update(const std::vector<CopyHealth> &health);
    const CopyAlerts &alerts() const { return m_alerts; }
    bool inAlert(const CopyKey &key) const { return m_alerts.contains(key.toString()); }

private:
    std::map<QString, std::vector<HealthRule>> m_crossing; // by CopyKey::toString()
    CopyAlerts m_alerts;
};

} // namespace scr
