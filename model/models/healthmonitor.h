#pragma once
// HealthMonitor: judges every SCR copy of each snapshot against the administrator's thresholds
// (ReplicationHealth) and raises the console's events once per crossing (AlertTracker): 9100 Warning when a
// copy crosses a threshold, 9101 Information when it is back within it (replicationhealth.h). No widgets and
// no thread of its own: whoever holds the lab's snapshots runs it (LocalLabClient today, the lab's service
// next, which judges with no console open). Each event is logged through spdlog as it is raised.

#include "models/replicationhealth.h"

#include <vector>

#include <QMetaType>

namespace scr {

// One judgement: every copy's health, the copies in alert, and the events this judgement raised.
struct HealthReport
{
    std::vector<CopyHealth> health;
    CopyAlerts alerts;
    std::vector<EventRecord> events; // 9100 / 9101, each crossing once
};

class HealthMonitor
{
public:
    explicit HealthMonitor(const HealthThresholds &thresholds = {});

    const HealthThresholds &thresholds() const { return m_thresholds; }
    void setThresholds(const HealthThresholds &thresholds) { m_thresholds = thresholds; }
    // The copies of snapshot against the thresholds; an event for each copy that entered or left an alert
    // since the last judgement, timed at the snapshot's virtual now.
    HealthReport judge(const LabSnapshot &snapshot);
    // Another lab, or the lab opened again: what was in alert is announced again.
    void reset() { m_tracker = AlertTracker(); }

private:
    HealthThresholds m_thresholds;
    AlertTracker m_tracker;
};

} // namespace scr

Q_DECLARE_METATYPE(scr::HealthReport)
