// The replication service in its own thread: cycles run off the caller's thread on a running virtual clock,
// results arrive by queued signals, and stop() brings it back.

#include "replication/replicationservice.h"
#include "sim/mailflow.h"
#include "sim/virtualclock.h"
#include "store/mounteddatabase.h"

#include <QDir>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include "testsupport.h"

using namespace scr;

class TestReplicationService : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void runsInItsOwnThread()
    {
        QTemporaryDir lab;
        VirtualClock clock(1'750'000'000'000);
        StoragePaths source{.disk = test::tempDisk(),
                            .prefix = QStringLiteral("E00"),
                            .logFolder = {},
                            .systemFolder = {},
                            .edbPath = {}};
        source.logFolder = source.systemFolder = lab.filePath(QStringLiteral("hosts/MBX1/C/Logs"));
        source.edbPath = lab.filePath(QStringLiteral("hosts/MBX1/C/Data/DB1.edb"));
        const QUuid guid = QUuid::createUuid();
        auto db = MountedDatabase::mount(source, guid, QStringLiteral("DB1"), clock);
        QVERIFY(db.hasValue());
        const QUuid mailbox = QUuid::createUuid();
        QVERIFY((*db)->createMailbox({mailbox, QStringLiteral("Ada")}).hasValue());
        MailFlow flow(**db, {mailbox}, 1, clock.nowMs());
        flow.setRate(600);
        flow.setMessageSize(100 * 1024);

        ReplicationService service(QStringLiteral("MBX3"), clock);
        QSignalSpy events(&service, &ReplicationService::eventRaised);
        CopyConfig config;
        config.sourceDisk = config.targetDisk = test::tempDisk();
        config.identity = QStringLiteral("MBX1\\SG1");
        config.standbyMachine = QStringLiteral("MBX3");
        config.sourceLogFolder = source.logFolder;
        config.targetLogFolder = lab.filePath(QStringLiteral("hosts/MBX3/C/Logs"));
        config.targetEdbPath = lab.filePath(QStringLiteral("hosts/MBX3/C/Data/DB1.edb"));
        config.databaseGuid = guid;
        config.replayLagMs = 0;
        service.addCopy(1, config);

        QThread *cycleThread = nullptr;
        connect(
            &service, &ReplicationService::statusesUpdated, &service,
            [&] { cycleThread = QThread::currentThread(); }, Qt::DirectConnection);
        CopyStatus latest;
        QThread *deliveredOn = nullptr;
        connect(&service, &ReplicationService::statusesUpdated, this,
                [&](const QList<qint64> &, const QList<CopyStatus> &statuses) {
                    deliveredOn = QThread::currentThread();
                    latest = statuses.front();
                });

        clock.setSpeed(50);
        clock.setRunning(true);
        service.start(20);
        QTimer mail;
        QString mailError; // asserted below, not in the timer's slot
        connect(&mail, &QTimer::timeout, this, [&] {
            if (auto delivered = flow.deliverDue(clock.nowMs()); !delivered && mailError.isEmpty())
                mailError = delivered.error().toString();
        });
        mail.start(10);
        QTRY_VERIFY_WITH_TIMEOUT(latest.lastLogReplayed > 5, 30000);
        mail.stop();
        QVERIFY2(mailError.isEmpty(), qPrintable(mailError));
        service.stop();
        clock.setRunning(false);

        QVERIFY(cycleThread != nullptr &&
                cycleThread != QThread::currentThread()); // never on the caller's thread
        QCOMPARE(deliveredOn, QThread::currentThread());  // queued back to it
        // Started (2090), then the copy's database created by replay (2094), and no failure among them.
        QList<int> ids;
        QStringList seen;
        for (const QList<QVariant> &e : std::as_const(events)) {
            ids << e.at(0).value<ReplicationEvent>().id;
            seen << QString::number(ids.back());
        }
        QVERIFY2(ids.size() >= 2 && ids.at(0) == 2090 && ids.contains(2094),
                 qPrintable(QStringLiteral("events: %1").arg(seen.join(QLatin1Char(' ')))));
        QCOMPARE(ids.count(2094), 1);
        QCOMPARE(service.thread(), QThread::currentThread());
        QVERIFY(!latest.failed);
        // Back home, it runs synchronously again.
        const uint32_t copied = service.copy(1)->status().lastLogCopied;
        QVERIFY(flow.deliverDue(clock.nowMs() + 5000).hasValue());
        clock.advance(5000);
        QVERIFY(flow.deliverDue(clock.nowMs()).hasValue());
        service.runCycle();
        // One cycle on this thread copies every generation the source closed meanwhile (50 messages of
        // 100 KB: several), as the source's folder lists them.
        uint32_t lastClosed = 0;
        static const QRegularExpression closedLog(QStringLiteral("^E00([0-9A-F]{8})\\.log$"));
        for (const QString &name : QDir(source.logFolder).entryList(QDir::Files))
            if (const auto m = closedLog.match(name); m.hasMatch())
                lastClosed = std::max(lastClosed, m.captured(1).toUInt(nullptr, 16));
        QVERIFY2(lastClosed > copied + 2, qPrintable(QStringLiteral("%1 %2").arg(lastClosed).arg(copied)));
        QCOMPARE(service.copy(1)->status().lastLogCopied, lastClosed);
    }
};

QTEST_GUILESS_MAIN(TestReplicationService)
#include "tst_replicationservice.moc"
