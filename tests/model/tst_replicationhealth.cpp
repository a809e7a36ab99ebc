// The Replication Dashboard's judgement (ReplicationHealth): each threshold crossed, and not crossed, with
// the numbers at its edge; the replay expectation (logs made during ReplayLagTime + the 50 held back) on
// figures and on a real lab whose copies replay as configured; the inspected log's age on the virtual
// clock, only while the source is up; AlertTracker reporting a crossing once; the thresholds' defaults and
// their QSettings round trip; the models answering AlertRole; QueueHistory bounded over seven virtual days
// with its maxima kept, forgetting copies that are gone.

#include "core/clock.h"
#include "lab/demolab.h"
#include "lab/labworker.h"
#include "labfixture.h"
#include "models/copystatusmodel.h"
#include "models/dashboardmodel.h"
#include "models/organizationmodel.h"
#include "models/queuehistory.h"
#include "models/replicationhealth.h"
#include "testsupport.h"

#include <QAbstractItemModelTester>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace scr;

namespace {

const qint64 kMinute = 60 * 1000;
const qint64 kHour = 60 * kMinute;
const qint64 kTenSeconds = 10 * 1000;
const qint64 kNow = 1'700'000'000'000;

// An organization of one source server MBX1 (host MBX1) with MBX1\SG1, replicated to MBX3.
LabSnapshot oneCopy(const CopyStatus &status, qint64 replayLagMs = 0, bool sourceUp = true)
{
    LabSnapshot s;
    s.labDir = QStringLiteral("/labs/org");
    s.nowMs = kNow;
    s.hosts = {HostRecord{QStringLiteral("MBX1"), sourceUp, {}, 0},
               HostRecord{QStringLiteral("MBX3"), true, {}, 0}};
    s.servers = {ServerRecord{QStringLiteral("MBX1"), QStringLiteral("MBX1"), true, true},
                 ServerRecord{QStringLiteral("MBX3"), QStringLiteral("MBX3"), true, true}};
    StorageGroupSnapshot sg;
    sg.record.id = 1;
    sg.record.server = QStringLiteral("MBX1");
    sg.record.name = QStringLiteral("SG1");
    CopySnapshot c;
    c.record.id = 7;
    c.record.storageGroupId = 1;
    c.record.standbyMachine = QStringLiteral("MBX3");
    c.record.replayLagMs = replayLagMs;
    c.status = status;
    c.status.identity = QStringLiteral("MBX1\\SG1");
    c.status.standbyMachine = QStringLiteral("MBX3");
    c.status.summary = SummaryCopyStatus::Healthy;
    sg.copies.push_back(c);
    s.storageGroups.push_back(sg);
    return s;
}

// A copy that has copied, inspected and replayed up to the given generations, its logs made one every
// everyMs (generation g created at kNow - (top - g) x everyMs, top the newest generated).
CopyStatus positions(uint32_t generated, uint32_t copied, uint32_t inspected, uint32_t replayed,
                     qint64 everyMs = kMinute)
{
    CopyStatus s;
    const auto at = [generated, everyMs](uint32_t gen) { return kNow - qint64(generated - gen) * everyMs; };
    s.lastLogGenerated = generated;
    s.lastLogCopyNotified = generated;
    s.lastLogCopied = copied;
    s.lastLogInspected = inspected;
    s.lastLogReplayed = replayed;
    s.latestAvailableLogTime = at(generated);
    s.lastCopiedLogTime = at(copied);
    s.lastInspectedLogTime = at(inspected);
    s.lastReplayedLogTime = replayed ? at(replayed) : 0;
    return s;
}

CopyHealth judgeOne(const LabSnapshot &s, const HealthThresholds &t = {})
{
    const std::vector<CopyHealth> all = ReplicationHealth::evaluate(s, t);
    return all.size() == 1 ? all.front() : CopyHealth{};
}

} // namespace

class TestReplicationHealth : public QObject
{
    Q_OBJECT
    QTemporaryDir m_template; // one demo lab, copied for each function that needs a lab
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<LabWorker> m_worker;

    void openLab()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(test::copyLab(m_template.path(), m_dir->path()));
        m_worker = std::make_unique<LabWorker>(m_dir->path());
        QSignalSpy opened(m_worker.get(), &LabWorker::opened);
        m_worker->open();
        QCOMPARE(opened.count(), 1);
        QVERIFY2(opened.at(0).at(0).toBool(), qPrintable(opened.at(0).at(1).toString()));
    }
    void run(const QString &script)
    {
        QSignalSpy finished(m_worker.get(), &LabWorker::scriptFinished);
        m_worker->runScript(1, script, true);
        QCOMPARE(finished.count(), 1);
        QVERIFY2(finished.at(0).at(1).value<ems::ScriptOutput>().ok,
                 qPrintable(script + QStringLiteral(": ") +
                            finished.at(0).at(1).value<ems::ScriptOutput>().errorText()));
    }
    CopyHealth labCopy(const QString &sg, const QString &standby, const HealthThresholds &t = {})
    {
        for (const CopyHealth &h : ReplicationHealth::evaluate(m_worker->snapshot(), t))
            if (h.key.matches(sg, standby))
                return h;
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // QSettings in a test location, never the user's
        test::ManualClock clock;
        QVERIFY(DemoLab::create(m_template.path(), clock).hasValue());
    }
    void cleanup()
    {
        m_worker.reset();
        m_dir.reset();
        QSettings().clear();
    }

    void defaults()
    {
        const HealthThresholds t;
        QCOMPARE(t.copyQueueLogs, 50);
        QCOMPARE(t.replayQueueExtraLogs, 50);
        QCOMPARE(t.inspectedAgeMinutes, 60);
        QSettings().clear();
        QCOMPARE(HealthThresholds::load(), t); // nothing saved: the defaults
    }

    void settingsRoundTrip()
    {
        HealthThresholds t;
        t.copyQueueLogs = 7;
        t.replayQueueExtraLogs = 0;
        t.inspectedAgeMinutes = 1440;
        t.save();
        QCOMPARE(HealthThresholds::load(), t);
        {
            QSettings settings;
            QCOMPARE(settings.value(QStringLiteral("dashboard/copyQueueLogs")).toInt(), 7);
            // A value that is not a number, or out of range, reads as its default; the others stay.
            settings.setValue(QStringLiteral("dashboard/copyQueueLogs"), QStringLiteral("many"));
            settings.setValue(QStringLiteral("dashboard/inspectedAgeMinutes"), -5);
        }
        const HealthThresholds read = HealthThresholds::load();
        QCOMPARE(read.copyQueueLogs, HealthThresholds::kDefaultCopyQueueLogs);
        QCOMPARE(read.replayQueueExtraLogs, 0);
        QCOMPARE(read.inspectedAgeMinutes, HealthThresholds::kDefaultInspectedAgeMinutes);
    }

    void copyQueueCrossing()
    {
        // 173 generated, 100 copied (a log every 10 s: the last inspected is 12 minutes old): 73 logs
        // queued, above 50.
        CopyHealth h = judgeOne(oneCopy(positions(173, 100, 100, 50, kTenSeconds)));
        QCOMPARE(h.copyQueue, 73);
        QVERIFY(h.crosses(HealthRule::CopyQueue));
        QCOMPARE(h.crossings.size(), std::size_t(1));
        QCOMPARE(h.crossings.front().reason, QStringLiteral("CopyQueueLength 73 logs > 50"));
        QCOMPARE(h.key.displayName(), QStringLiteral("MBX1\\SG1 on MBX3"));
        // At the threshold is not above it.
        QVERIFY(!judgeOne(oneCopy(positions(150, 100, 100, 50, kTenSeconds))).inAlert());
        HealthThresholds t;
        t.copyQueueLogs = 49;
        QCOMPARE(judgeOne(oneCopy(positions(150, 100, 100, 50, kTenSeconds)), t).reasons(),
                 QStringLiteral("CopyQueueLength 50 logs > 49"));
    }

    void replayQueueWithoutLag()
    {
        // No ReplayLagTime: only the 50 held back are explained, plus 50 allowed.
        CopyHealth h = judgeOne(oneCopy(positions(300, 300, 300, 200)));
        QCOMPARE(h.replayQueue, 100);
        QCOMPARE(h.expectedReplayQueue, 50);
        QVERIFY(!h.inAlert());
        h = judgeOne(oneCopy(positions(300, 300, 300, 199)));
        QCOMPARE(h.replayQueue, 101);
        QVERIFY(h.crosses(HealthRule::ReplayQueue));
        QCOMPARE(h.reasons(), QStringLiteral("ReplayQueueLength 101 logs > 100 (50 held back + 0 made during "
                                             "ReplayLagTime + 50 allowed)"));
    }

    void replayQueueWithLag()
    {
        // A log a minute and a ReplayLagTime of an hour: 60 logs made during the lag + 50 held back.
        // A copy replaying as configured holds back about the larger of the two (60): no alert.
        CopyHealth h = judgeOne(oneCopy(positions(1000, 1000, 1000, 940), kHour));
        QCOMPARE(h.replayQueue, 60);
        QCOMPARE(h.expectedReplayQueue, 110);
        QVERIFY(!h.inAlert());
        // Its replay stalled 200 logs ago: 260 queued, rate still a log a minute, 110 + 50 allowed.
        h = judgeOne(oneCopy(positions(1000, 1000, 1000, 740), kHour));
        QCOMPARE(h.replayQueue, 260);
        QCOMPARE(h.expectedReplayQueue, 110);
        QVERIFY(h.crosses(HealthRule::ReplayQueue));
        QCOMPARE(h.crossings.front().limit, 160);
        QCOMPARE(h.reasons(),
                 QStringLiteral("ReplayQueueLength 260 logs > 160 (50 held back + 60 made during "
                                "ReplayLagTime + 50 allowed)"));
        // Twice the rate (logs every 30 s): twice the logs explained by the same lag.
        CopyStatus fast = positions(1000, 1000, 1000, 880);
        fast.lastReplayedLogTime = fast.lastInspectedLogTime - 60 * kMinute; // 120 logs in an hour
        QCOMPARE(ReplicationHealth::expectedReplayQueue(fast, kHour), 170);
        // Nothing replayed yet with a lag: the initial replay waits by design; not judged.
        h = judgeOne(oneCopy(positions(1000, 1000, 1000, 0), kHour));
        QCOMPARE(h.expectedReplayQueue, -1);
        QVERIFY(!h.crosses(HealthRule::ReplayQueue));
    }

    void inspectedLogAge()
    {
        // The last inspected log (generation 927) was made 73 minutes ago; the source made newer ones.
        CopyHealth h = judgeOne(oneCopy(positions(1000, 927, 927, 877)));
        QVERIFY(h.crosses(HealthRule::InspectedLogAge));
        QVERIFY2(h.reasons().contains(QStringLiteral("last inspected log 73 minutes old > 60")),
                 qPrintable(h.reasons()));
        // The age is on the virtual clock: the same figures an hour earlier are 13 minutes old.
        LabSnapshot earlier = oneCopy(positions(1000, 927, 927, 877));
        earlier.nowMs -= kHour; // the log times stay: only the clock moved
        QVERIFY(!judgeOne(earlier).crosses(HealthRule::InspectedLogAge));
        // The source's host is powered off: its copy cannot be blamed for not inspecting.
        QVERIFY(!judgeOne(oneCopy(positions(1000, 927, 927, 877), 0, false))
                     .crosses(HealthRule::InspectedLogAge));
        // An idle storage group (nothing newer than what was inspected) is not late, however old the log.
        QVERIFY(!judgeOne(oneCopy(positions(927, 927, 927, 877))).crosses(HealthRule::InspectedLogAge));
        HealthThresholds t;
        t.inspectedAgeMinutes = 73;
        QVERIFY(!judgeOne(oneCopy(positions(1000, 927, 927, 877)), t).crosses(HealthRule::InspectedLogAge));
    }

    void trackerReportsACrossingOnce()
    {
        AlertTracker tracker;
        const auto health = [](uint32_t generated, uint32_t copied) {
            return ReplicationHealth::evaluate(
                oneCopy(positions(generated, copied, copied, copied - 50, kTenSeconds)), HealthThresholds{});
        };
        QVERIFY(tracker.update(health(100, 100)).empty());
        std::vector<AlertTransition> t = tracker.update(health(173, 100));
        QCOMPARE(t.size(), std::size_t(1));
        QVERIFY(t.front().entered);
        QCOMPARE(t.front().rule, HealthRule::CopyQueue);
        QVERIFY(tracker.inAlert(CopyKey{QStringLiteral("MBX1\\SG1"), QStringLiteral("MBX3")}));
        const EventRecord e = t.front().event(kNow);
        QCOMPARE(e.eventId, 9100);
        QCOMPARE(e.level, QStringLiteral("Warning"));
        QCOMPARE(e.source, QStringLiteral("SCR Console"));
        QCOMPARE(e.timeMs, kNow);
        QVERIFY2(e.text.contains(QStringLiteral("MBX1\\SG1 on MBX3")), qPrintable(e.text));
        QVERIFY2(e.text.contains(QStringLiteral("CopyQueueLength 73 logs > 50")), qPrintable(e.text));
        // Still in alert, with other numbers: nothing new to say.
        QVERIFY(tracker.update(health(173, 100)).empty());
        QVERIFY(tracker.update(health(180, 101)).empty());
        QCOMPARE(
            tracker.alerts().reasons(CopyKey{QStringLiteral("MBX1\\SG1"), QStringLiteral("MBX3")}.toString()),
            QStringLiteral("CopyQueueLength 79 logs > 50"));
        // Back within: one Information event; in alert again: one Warning again.
        t = tracker.update(health(180, 180));
        QCOMPARE(t.size(), std::size_t(1));
        QVERIFY(!t.front().entered);
        QCOMPARE(t.front().event(kNow).eventId, 9101);
        QCOMPARE(t.front().event(kNow).level, QStringLiteral("Information"));
        QCOMPARE(tracker.alerts().size(), std::size_t(0));
        QCOMPARE(tracker.update(health(300, 180)).size(), std::size_t(1));
        // A second rule crossed while in alert is a crossing of its own.
        t = tracker.update(
            ReplicationHealth::evaluate(oneCopy(positions(1000, 927, 927, 877)), HealthThresholds{}));
        QCOMPARE(t.size(), std::size_t(1));
        QCOMPARE(t.front().rule, HealthRule::InspectedLogAge);
        // A copy that is gone is forgotten, silently.
        QVERIFY(tracker.update({}).empty());
        QCOMPARE(tracker.alerts().size(), std::size_t(0));
    }

    void modelsAnswerTheAlertRole()
    {
        const LabSnapshot s = oneCopy(positions(173, 100, 100, 50, kTenSeconds));
        OrganizationModel organization;
        CopyStatusModel copies;
        DashboardModel dashboard;
        QAbstractItemModelTester t1(&organization, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t2(&copies, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t3(&dashboard, QAbstractItemModelTester::FailureReportingMode::QtTest);
        organization.setSnapshot(s);
        copies.setSnapshot(s);
        const QString key = QStringLiteral("copy:MBX1\\SG1>MBX3");
        const QModelIndex item = organization.indexOfKey(key);
        QVERIFY(item.isValid());
        QCOMPARE(item.data(AlertRole).toBool(), false);
        QCOMPARE(copies.index(0, 0).data(AlertRole).toBool(), false);
        QSignalSpy treeChanged(&organization, &QAbstractItemModel::dataChanged);
        QSignalSpy rowChanged(&copies, &QAbstractItemModel::dataChanged);
        const std::vector<CopyHealth> health = ReplicationHealth::evaluate(s, HealthThresholds{});
        const CopyAlerts alerts(health);
        organization.setAlerts(alerts);
        copies.setAlerts(alerts);
        dashboard.setHealth(health);
        QCOMPARE(treeChanged.count(), 1); // the copy's item only
        QCOMPARE(treeChanged.at(0).at(0).toModelIndex(), item);
        QCOMPARE(rowChanged.count(), 1);
        QCOMPARE(item.data(AlertRole).toBool(), true);
        QCOMPARE(item.data(AlertReasonRole).toString(), QStringLiteral("CopyQueueLength 73 logs > 50"));
        QCOMPARE(copies.index(0, CopyStatusModel::CopyQueueColumn).data(AlertRole).toBool(), true);
        QCOMPARE(organization.indexOfKey(QStringLiteral("sg:MBX1\\SG1")).data(AlertRole).toBool(), false);
        QCOMPARE(dashboard.rowCount(), 1);
        QCOMPARE(dashboard.index(0).data().toString(), QStringLiteral("MBX1\\SG1 on MBX3"));
        QCOMPARE(dashboard.index(0).data(AlertRole).toBool(), true);
        QVERIFY(dashboard.index(0).data(Qt::ToolTipRole).toString().contains(QStringLiteral("73 logs > 50")));
        // The same alerts again: nothing changed, nothing said.
        organization.setAlerts(alerts);
        copies.setAlerts(alerts);
        QCOMPARE(treeChanged.count(), 1);
        QCOMPARE(rowChanged.count(), 1);
        // The alert survives a new snapshot of the same organization (rows kept).
        organization.setSnapshot(s);
        QCOMPARE(organization.indexOfKey(key).data(AlertRole).toBool(), true);
    }

    // The expectation against the real replayer: copies replaying as configured (no lag, an hour's lag)
    // under mail flow are not in alert with the defaults; their queues are what the formula explains.
    void copiesReplayingAsConfiguredAreNotInAlert()
    {
        openLab();
        run(QStringLiteral(
            "Enable-StorageGroupCopy MBX1\\SG1 -StandbyMachine MBX3 -ReplayLagTime 0.00:00:00; "
            "Enable-StorageGroupCopy MBX1\\SG2 -StandbyMachine MBX4 -ReplayLagTime 0.01:00:00; "
            "Start-MailFlow MBX1\\SG1\\DB1 -MessagesPerMinute 30 -MessageSizeKB 100; "
            "Start-MailFlow MBX1\\SG2\\DB2 -MessagesPerMinute 30 -MessageSizeKB 100; "
            "Step-Simulation 0.02:30:00"));
        const CopyHealth noLag = labCopy(QStringLiteral("MBX1\\SG1"), QStringLiteral("MBX3"));
        const CopyHealth lagged = labCopy(QStringLiteral("MBX1\\SG2"), QStringLiteral("MBX4"));
        const QString both =
            QStringLiteral("no lag: replay %1 expected %2 (%3); an hour: replay %4 expected %5 (%6)")
                .arg(noLag.replayQueue)
                .arg(noLag.expectedReplayQueue)
                .arg(noLag.reasons())
                .arg(lagged.replayQueue)
                .arg(lagged.expectedReplayQueue)
                .arg(lagged.reasons());
        QVERIFY2(noLag.replayQueue >= 50 && lagged.replayQueue > 100, qPrintable(both)); // logs did flow
        QVERIFY2(!noLag.inAlert() && !lagged.inAlert(), qPrintable(both));
        QCOMPARE(noLag.expectedReplayQueue, 50);
        // The hour's lag explains about the logs made in an hour (their queue, less the 50 held back).
        QVERIFY2(lagged.expectedReplayQueue >= lagged.replayQueue &&
                     lagged.expectedReplayQueue <= lagged.replayQueue + 60,
                 qPrintable(both));
        qInfo("%s", qPrintable(both));
    }

    // A suspended copy under mail flow: its copy queue grows past the threshold, and its last inspected
    // log ages past the threshold while the source runs; not once the source's host is powered off.
    void aSuspendedCopyCrossesInALab()
    {
        openLab();
        run(QStringLiteral(
            "Enable-StorageGroupCopy MBX1\\SG1 -StandbyMachine MBX3 -ReplayLagTime 0.00:00:00; "
            "Start-MailFlow MBX1\\SG1\\DB1 -MessagesPerMinute 60 -MessageSizeKB 100; "
            "Step-Simulation 0.00:10:00"));
        QVERIFY(!labCopy(QStringLiteral("MBX1\\SG1"), QStringLiteral("MBX3")).inAlert());
        run(QStringLiteral("Suspend-StorageGroupCopy MBX1\\SG1 -StandbyMachine MBX3 -SuspendComment test; "
                           "Step-Simulation 0.01:30:00"));
        const CopyHealth suspended = labCopy(QStringLiteral("MBX1\\SG1"), QStringLiteral("MBX3"));
        QCOMPARE(suspended.summary, SummaryCopyStatus::Suspended);
        QVERIFY2(suspended.crosses(HealthRule::CopyQueue), qPrintable(suspended.reasons()));
        QVERIFY(suspended.copyQueue > 50);
        QVERIFY2(suspended.reasons().startsWith(
                     QStringLiteral("CopyQueueLength %1 logs > 50").arg(suspended.copyQueue)),
                 qPrintable(suspended.reasons()));
        QVERIFY2(suspended.crosses(HealthRule::InspectedLogAge), qPrintable(suspended.reasons()));
        run(QStringLiteral("Stop-Host MBX1; Step-Simulation 0.00:01:00"));
        const CopyHealth sourceDown = labCopy(QStringLiteral("MBX1\\SG1"), QStringLiteral("MBX3"));
        QVERIFY2(!sourceDown.crosses(HealthRule::InspectedLogAge), qPrintable(sourceDown.reasons()));
    }

    // QueueHistory over seven virtual days of a sample every 15 s: bounded, the maxima kept where samples
    // were merged, the window on the virtual clock; a copy that is gone is forgotten.
    void queueHistoryIsBoundedOverAWeek()
    {
        QueueHistory history;
        StatusSample s;
        s.copyId = 8;
        const qint64 start = kNow;
        const qint64 week = 7 * 24 * kHour;
        std::size_t most = 0;
        qint64 spikeAt = 0;
        for (qint64 t = start; t <= start + week; t += 15 * 1000) {
            s.timeMs = t;
            s.copyQueueLength = 3;
            s.replayQueueLength = 50;
            if (t == start + 3 * 24 * kHour) { // one spike, three days in, between 3-log samples
                s.copyQueueLength = 999;
                spikeAt = t;
            }
            history.addSamples({s});
            most = std::max(most, history.size(8));
        }
        QVERIFY2(most <= QueueHistory::kMaxSamples, qPrintable(QString::number(most)));
        QVERIFY2(most < 1800, qPrintable(QString::number(most)));
        qInfo("figure queue_history_samples_per_copy_week %zu samples (bound %zu)", most,
              QueueHistory::kMaxSamples);
        QCOMPARE(history.nowMs(), start + week);
        // The week's points: the spike survives downsampling in its ten-minute bucket.
        const QVector<QPointF> weekPoints = history.copyQueue(8, week);
        double highest = 0;
        qint64 highestAt = 0;
        for (const QPointF &p : weekPoints)
            if (p.y() > highest) {
                highest = p.y();
                highestAt = qint64(p.x());
            }
        QCOMPARE(highest, 999.0);
        QVERIFY(highestAt >= spikeAt && highestAt < spikeAt + QueueHistory::kBucketMs);
        // The last hour is at full resolution: a sample every ten seconds' slot (every 15 s here).
        const QVector<QPointF> hour = history.copyQueue(8, kHour);
        QVERIFY2(hour.size() >= 239 && hour.size() <= 241, qPrintable(QString::number(hour.size())));
        QCOMPARE(qint64(hour.back().x()), start + week);
        // Older than the week: gone.
        QVERIFY(qint64(history.copyQueue(8).front().x()) >= start + week - QueueHistory::kKeepMs);
        // A snapshot without the copy (only copy 7 is there): copy 8 is forgotten, samples and all.
        LabSnapshot snapshot = oneCopy(positions(10, 10, 10, 0));
        snapshot.nowMs = start + week + kMinute;
        history.add(snapshot);
        QVERIFY(!history.contains(8));
        QCOMPARE(history.size(8), std::size_t(0));
        QVERIFY(history.copyQueue(8, week).isEmpty());
        QCOMPARE(history.copies(), std::vector<qint64>{7});
        QCOMPARE(history.size(7), std::size_t(1));
    }
};

QTEST_GUILESS_MAIN(TestReplicationHealth)
#include "tst_replicationhealth.moc"
