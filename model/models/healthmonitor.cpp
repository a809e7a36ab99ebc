#include "healthmonitor.h"

#include "core/logging.h"

#include <spdlog/spdlog.h>

namespace scr {

HealthMonitor::HealthMonitor(const HealthThresholds &thresholds) : m_thresholds(thresholds) {}

HealthReport HealthMonitor::judge(const LabSnapshot &snapshot)
{
    HealthReport report;
    report.health = ReplicationHealth::evaluate(snapshot, m_thresholds);
    const std::vector<AlertTransition> transitions = m_tracker.update(report.health);
    report.alerts = m_tracker.alerts();
    const auto log = logging::get("ui"); // the console's subsystem: these are the console's events
    for (const AlertTransition &t : transitions) {
        EventRecord event = t.event(snapshot.nowMs);
        if (t.entered)
            log->warn("event {}: {}", event.eventId, event.text.toStdString());
        else
            log->info("event {}: {}", event.eventId, event.text.toStdString());
        report.events.push_back(std::move(event));
    }
    return report;
}

} // namespace scr
