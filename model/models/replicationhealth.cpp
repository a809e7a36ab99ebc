#include "replicationhealth.h"

#include "replication/copyworker.h"

#include <algorithm>
#include <cmath>

#include <QSettings>
#include <QStringList>

namespace scr {

static_assert(ReplicationHealth::kHeldBackLogs == CopyWorker::kReplayLagGenerations,
              "the dashboard's expectation holds back what the replayer holds back");

namespace {

const QString kCopyQueueKey = QStringLiteral("dashboard/copyQueueLogs");
const QString kReplayQueueKey = QStringLiteral("dashboard/replayQueueExtraLogs");
const QString kInspectedAgeKey = QStringLiteral("dashboard/inspectedAgeMinutes");

int readInt(const QSettings &settings, const QString &key, int fallback, int max)
{
    bool ok = false;
    const int value = settings.value(key).toInt(&ok);
    return ok && value >= 0 && value <= max ? value : fallback;
}

QString ruleName(HealthRule rule)
{
    switch (rule) {
    case HealthRule::CopyQueue:
        return QStringLiteral("CopyQueueLength");
    case HealthRule::ReplayQueue:
        return QStringLiteral("ReplayQueueLength");
    case HealthRule::InspectedLogAge:
        return QStringLiteral("LastInspectedLogTime");
    }
    return {};
}

} // namespace

HealthThresholds HealthThresholds::load(const QSettings &settings)
{
    HealthThresholds t;
    t.copyQueueLogs = readInt(settings, kCopyQueueKey, kDefaultCopyQueueLogs, kMaxLogs);
    t.replayQueueExtraLogs = readInt(settings, kReplayQueueKey, kDefaultReplayQueueExtraLogs, kMaxLogs);
    t.inspectedAgeMinutes = readInt(settings, kInspectedAgeKey, kDefaultInspectedAgeMinutes, kMaxMinutes);
    return t;
}

HealthThresholds HealthThresholds::load()
{
    const QSettings settings;
    return load(settings);
}

void HealthThresholds::save(QSettings &settings) const
{
    settings.setValue(kCopyQueueKey, copyQueueLogs);
    settings.setValue(kReplayQueueKey, replayQueueExtraLogs);
    settings.setValue(kInspectedAgeKey, inspectedAgeMinutes);
}

void HealthThresholds::save() const
{
    QSettings settings;
    save(settings);
}

bool CopyHealth::crosses(HealthRule rule) const
{
    return std::any_of(crossings.begin(), crossings.end(),
                       [rule](const ThresholdCrossing &c) { return c.rule == rule; });
}

QString CopyHealth::reasons() const
{
    QStringList out;
    for (const ThresholdCrossing &c : crossings)
        out << c.reason;
    return out.join(QStringLiteral("; "));
}

qint64 ReplicationHealth::expectedReplayQueue(const CopyStatus &status, qint64 replayLagMs)
{
    if (replayLagMs <= 0)
        return kHeldBackLogs;
    // No log replayed yet: the initial replay waits for ReplayLagTime by design, and the queue's span
    // (from the replayed log's time) is unknown.
    if (status.lastLogReplayed == 0 || status.lastReplayedLogTime <= 0)
        return -1;
    const qint64 logs = status.replayQueueLength();
    const qint64 spanMs = status.lastInspectedLogTime - status.lastReplayedLogTime;
    if (logs <= 0)
        return kHeldBackLogs; // nothing queued: any figure explains it
    if (spanMs <= 0)
        return -1; // logs made within one millisecond: no rate to speak of
    const double rate = static_cast<double>(logs) / static_cast<double>(spanMs);
    return static_cast<qint64>(std::llround(rate * static_cast<double>(replayLagMs))) + kHeldBackLogs;
}

CopyHealth ReplicationHealth::judge(const LabSnapshot &snapshot, const StorageGroupSnapshot &storageGroup,
                                    const CopySnapshot &copy, const HealthThresholds &thresholds)
{
    const CopyStatus &s = copy.status;
    CopyHealth h;
    h.key = CopyKey{storageGroup.record.identity(), copy.record.standbyMachine};
    h.copyId = copy.record.id;
    h.summary = s.summary;
    h.copyQueue = s.copyQueueLength();
    h.replayQueue = s.replayQueueLength();
    h.expectedReplayQueue = expectedReplayQueue(s, copy.record.replayLagMs);

    if (h.copyQueue > thresholds.copyQueueLogs)
        h.crossings.push_back(
            {HealthRule::CopyQueue, h.copyQueue, thresholds.copyQueueLogs,
             QStringLiteral("CopyQueueLength %1 logs > %2").arg(h.copyQueue).arg(thresholds.copyQueueLogs)});

    if (h.expectedReplayQueue >= 0) {
        const qint64 limit = h.expectedReplayQueue + thresholds.replayQueueExtraLogs;
        if (h.replayQueue > limit)
            h.crossings.push_back(
                {HealthRule::ReplayQueue, h.replayQueue, limit,
                 QStringLiteral("ReplayQueueLength %1 logs > %2 (%3 held back + %4 made during "
                                "ReplayLagTime + %5 allowed)")
                     .arg(h.replayQueue)
                     .arg(limit)
                     .arg(kHeldBackLogs)
                     .arg(h.expectedReplayQueue - kHeldBackLogs)
                     .arg(thresholds.replayQueueExtraLogs)});
    }

    // The age of the last inspected log, on the virtual clock; judged while the source is up and has
    // closed a log the copy has not inspected (a copy with nothing inspected yet has no age to tell).
    const ServerRecord *source = snapshot.server(storageGroup.record.server);
    const bool sourceUp = source && snapshot.isPoweredOn(source->host);
    if (sourceUp && s.lastLogGenerated > s.lastLogInspected && s.lastInspectedLogTime > 0) {
        const qint64 ageMs = snapshot.nowMs - s.lastInspectedLogTime;
        const qint64 limitMs = qint64(thresholds.inspectedAgeMinutes) * 60 * 1000;
        if (ageMs > limitMs)
            h.crossings.push_back({HealthRule::InspectedLogAge, ageMs / 60000, thresholds.inspectedAgeMinutes,
                                   QStringLiteral("last inspected log %1 minutes old > %2")
                                       .arg(ageMs / 60000)
                                       .arg(thresholds.inspectedAgeMinutes)});
    }
    return h;
}

std::vector<CopyHealth> ReplicationHealth::evaluate(const LabSnapshot &snapshot,
                                                    const HealthThresholds &thresholds)
{
    std::vector<CopyHealth> out;
    for (const StorageGroupSnapshot &sg : snapshot.storageGroups)
        for (const CopySnapshot &copy : sg.copies)
            out.push_back(judge(snapshot, sg, copy, thresholds));
    return out;
}

CopyAlerts::CopyAlerts(const std::vector<CopyHealth> &health)
{
    for (const CopyHealth &h : health)
        if (h.inAlert())
            m_reasons[h.key.toString()] = h.reasons();
}

QString CopyAlerts::reasons(const QString &copyKey) const
{
    auto it = m_reasons.find(copyKey);
    return it == m_reasons.end() ? QString() : it->second;
}

QVariant CopyAlerts::data(const QString &copyKey, int role) const
{
    if (role == AlertRole)
        return contains(copyKey);
    if (role == AlertReasonRole)
        return reasons(copyKey);
    return {};
}

std::vector<QString> CopyAlerts::changed(const CopyAlerts &a, const CopyAlerts &b)
{
    std::vector<QString> out;
    for (const auto &[key, reasons] : a.m_reasons)
        if (b.reasons(key) != reasons)
            out.push_back(key);
    for (const auto &[key, reasons] : b.m_reasons)
        if (!a.contains(key))
            out.push_back(key);
    return out;
}

EventRecord AlertTransition::event(qint64 nowMs) const
{
    EventRecord e;
    e.timeMs = nowMs;
    e.source = QStringLiteral("SCR Console");
    if (entered) {
        e.eventId = 9100;
        e.level = QStringLiteral("Warning");
        e.text = QStringLiteral("The SCR copy of %1 crossed a threshold of the Replication Dashboard: %2.")
                     .arg(key.displayName(), reason);
    } else {
        e.eventId = 9101;
        e.level = QStringLiteral("Information");
        e.text = QStringLiteral("The SCR copy of %1 is back within its %2 threshold.")
                     .arg(key.displayName(), ruleName(rule));
    }
    return e;
}

std::vector<AlertTransition> AlertTracker::update(const std::vector<CopyHealth> &health)
{
    std::vector<AlertTransition> out;
    std::map<QString, std::vector<HealthRule>> now;
    for (const CopyHealth &h : health) {
        const QString key = h.key.toString();
        std::vector<HealthRule> &rules = now[key];
        const std::vector<HealthRule> &before = m_crossing[key];
        for (const ThresholdCrossing &c : h.crossings) {
            rules.push_back(c.rule);
            if (std::find(before.begin(), before.end(), c.rule) == before.end())
                out.push_back({h.key, c.rule, true, c.reason});
        }
        for (HealthRule rule : before)
            if (!h.crosses(rule))
                out.push_back({h.key, rule, false, ruleName(rule)});
    }
    m_crossing = std::move(now); // copies that are gone are forgotten here
    m_alerts = CopyAlerts(health);
    return out;
}

} // namespace scr
