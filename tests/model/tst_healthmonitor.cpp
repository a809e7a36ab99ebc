// HealthMonitor: the console's health judgement as the lab side can run it (issue 23). A copy that crosses
// a threshold raises one 9100 Warning, however many snapshots keep it there; back within it raises one 9101
// Information; new thresholds judge the same snapshot again; after reset() (a lab opened again) what is in
// alert is announced again. The events are the console's own (source "SCR Console"), timed on the virtual
// clock.

#include "lab/labsnapshot.h"
#include "models/healthmonitor.h"

#include <QTest>

using namespace scr;

namespace {

const qint64 kNow = 1'700'000'000'000;

// MBX1\SG1 replicated to MBX3 with copyQueue logs generated and not copied; nothing else late.
LabSnapshot copyQueueOf(uint32_t copyQueue, qint64 nowMs = kNow)
{
    LabSnapshot s;
    s.nowMs = nowMs;
    for (const char *name : {"MBX1", "MBX3"}) { // both up: the inspected log's age is judged, and within
        s.hosts.push_back({QLatin1String(name), true, {}, 0});
        s.servers.push_back({QLatin1String(name), QLatin1String(name), true, true});
    }
    StorageGroupSnapshot sg{StorageGroupRecord{}, {}, {}};
    sg.record.id = 1;
    sg.record.server = QStringLiteral("MBX1");
    sg.record.name = QStringLiteral("SG1");
    CopySnapshot c;
    c.record = {};
    c.record.id = 7;
    c.record.storageGroupId = sg.record.id;
    c.record.standbyMachine = QStringLiteral("MBX3");
    c.status.identity = sg.record.identity();
    c.status.standbyMachine = c.record.standbyMachine;
    c.status.summary = SummaryCopyStatus::Healthy;
    c.status.lastLogGenerated = 1000 + copyQueue;
    c.status.lastLogCopyNotified = 1000 + copyQueue;
    c.status.lastLogCopied = 1000;
    c.status.lastLogInspected = 1000;
    c.status.lastLogReplayed = 1000;
    c.status.latestAvailableLogTime = nowMs;
    c.status.lastCopiedLogTime = nowMs;
    c.status.lastInspectedLogTime = nowMs;
    c.status.lastReplayedLogTime = nowMs;
    sg.copies.push_back(c);
    s.storageGroups.push_back(sg);
    return s;
}

// Not a global: CopyKey's prefix is a static of another file, not initialized before this one's statics.
QString copyKey()
{
    return CopyKey{QStringLiteral("MBX1\\SG1"), QStringLiteral("MBX3")}.toString();
}

} // namespace

class TestHealthMonitor : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void aCrossingRaises9100OnceAndRecovery9101Once()
    {
        HealthMonitor monitor; // the defaults: CopyQueueLength above 50 logs is an alert
        HealthReport r = monitor.judge(copyQueueOf(10));
        QCOMPARE(r.health.size(), std::size_t(1));
        QVERIFY(r.events.empty());
        QVERIFY(!r.alerts.contains(copyKey()));

        r = monitor.judge(copyQueueOf(80, kNow + 1000));
        QCOMPARE(r.events.size(), std::size_t(1));
        const EventRecord crossed = r.events.front();
        QCOMPARE(crossed.eventId, 9100);
        QCOMPARE(crossed.level, QStringLiteral("Warning"));
        QCOMPARE(crossed.source, QStringLiteral("SCR Console"));
        QCOMPARE(crossed.timeMs, kNow + 1000);
        QVERIFY2(crossed.text.contains(QStringLiteral("MBX1\\SG1 on MBX3")), qPrintable(crossed.text));
        QVERIFY2(crossed.text.contains(QStringLiteral("CopyQueueLength 80 logs > 50")),
                 qPrintable(crossed.text));
        QVERIFY(r.alerts.contains(copyKey()));
        QVERIFY(r.health.front().inAlert());

        // Still above: in alert, and no second event.
        for (uint32_t queue : {90u, 120u, 51u}) {
            r = monitor.judge(copyQueueOf(queue));
            QVERIFY(r.events.empty());
            QVERIFY(r.alerts.contains(copyKey()));
        }

        // Back within: one Information event, the alert gone.
        r = monitor.judge(copyQueueOf(5, kNow + 2000));
        QCOMPARE(r.events.size(), std::size_t(1));
        QCOMPARE(r.events.front().eventId, 9101);
        QCOMPARE(r.events.front().level, QStringLiteral("Information"));
        QCOMPARE(r.events.front().timeMs, kNow + 2000);
        QVERIFY(!r.alerts.contains(copyKey()));
        r = monitor.judge(copyQueueOf(5));
        QVERIFY(r.events.empty());
    }

    void newThresholdsJudgeTheSameSnapshotAgain()
    {
        HealthMonitor monitor;
        const LabSnapshot s = copyQueueOf(80);
        QCOMPARE(monitor.judge(s).events.size(), std::size_t(1)); // 9100
        HealthThresholds wider = monitor.thresholds();
        wider.copyQueueLogs = 100;
        monitor.setThresholds(wider);
        QCOMPARE(monitor.thresholds().copyQueueLogs, 100);
        HealthReport r = monitor.judge(s);
        QCOMPARE(r.events.size(), std::size_t(1));
        QCOMPARE(r.events.front().eventId, 9101);
        QVERIFY(!r.alerts.contains(copyKey()));
        HealthThresholds zero = wider;
        zero.copyQueueLogs = 0;
        monitor.setThresholds(zero);
        r = monitor.judge(copyQueueOf(1));
        QCOMPARE(r.events.size(), std::size_t(1));
        QCOMPARE(r.events.front().eventId, 9100);
        QVERIFY2(r.events.front().text.contains(QStringLiteral("CopyQueueLength 1 logs > 0")),
                 qPrintable(r.events.front().text));
    }

    // A lab opened again starts a new event log: its copies in alert are announced in it once more.
    void afterAResetWhatIsInAlertIsAnnouncedAgain()
    {
        HealthMonitor monitor;
        QCOMPARE(monitor.judge(copyQueueOf(80)).events.size(), std::size_t(1));
        QVERIFY(monitor.judge(copyQueueOf(80)).events.empty());
        monitor.reset();
        const HealthReport r = monitor.judge(copyQueueOf(80));
        QCOMPARE(r.events.size(), std::size_t(1));
        QCOMPARE(r.events.front().eventId, 9100);
    }
};

QTEST_GUILESS_MAIN(TestHealthMonitor)
#include "tst_healthmonitor.moc"
