// The replication service of one standby machine: a cycle runs every copy it holds, and what a copy reports
// (its events, a failure to keep, a failure gone) leaves the service with that copy's key.

#include "replication/replicationservice.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace scr;

class TestReplicationService : public QObject
{
    Q_OBJECT

    static CopyConfig configIn(const QTemporaryDir &lab, const QString &sg)
    {
        CopyConfig config;
        config.sourceDisk = config.targetDisk = test::tempDisk();
        config.identity = QStringLiteral("MBX1\\") + sg;
        config.standbyMachine = QStringLiteral("MBX3");
        config.sourceLogFolder = lab.filePath(QStringLiteral("hosts/MBX1/C/Logs/") + sg);
        config.targetLogFolder = lab.filePath(QStringLiteral("hosts/MBX3/C/Logs/") + sg);
        config.targetEdbPath = lab.filePath(QStringLiteral("hosts/MBX3/C/Data/%1.edb").arg(sg));
        config.databaseGuid = QUuid::createUuid();
        QDir().mkpath(config.sourceLogFolder);
        QDir().mkpath(config.targetLogFolder);
        return config;
    }

private Q_SLOTS:
    void failuresLeaveWithTheirCopysKey()
    {
        QTemporaryDir lab;
        test::ManualClock clock;
        ReplicationService service(QStringLiteral("MBX3"), clock);
        QSignalSpy events(&service, &ReplicationService::eventRaised);
        QSignalSpy failed(&service, &ReplicationService::copyFailed);
        QSignalSpy cleared(&service, &ReplicationService::copyFailureCleared);

        service.addCopy(7, configIn(lab, QStringLiteral("SG1")));
        // SG2's copy holds the marker of a seed whose process is gone: its first cycle fails it for good.
        const CopyConfig broken = configIn(lab, QStringLiteral("SG2"));
        QFile marker(broken.targetLogFolder + QLatin1Char('/') + QLatin1String(CopyWorker::kSeedMarkerName));
        QVERIFY(marker.open(QIODevice::WriteOnly));
        marker.write("pid 0\nprocessStart 0\nstarted 1700000000000\n");
        marker.close();
        service.addCopy(9, broken);
        QCOMPARE(service.keys(), (QList<qint64>{7, 9}));
        QCOMPARE(events.size(), 2); // each copy started (2090)

        service.runCycle();
        QCOMPARE(failed.size(), 1);
        QCOMPARE(failed.at(0).at(0).toLongLong(), 9);
        const auto failure = failed.at(0).at(1).value<CopyFailure>();
        QCOMPARE(failure.eventId, 2104);
        QVERIFY(failure.permanent);
        const QList<CopyStatus> statuses = service.statuses();
        QCOMPARE(statuses.at(0).summary, SummaryCopyStatus::Initializing);
        QCOMPARE(statuses.at(1).summary, SummaryCopyStatus::Failed);

        service.copy(9)->resume(); // an administrator's Resume clears what the directory keeps
        QCOMPARE(cleared.size(), 1);
        QCOMPARE(cleared.at(0).at(0).toLongLong(), 9);

        service.removeCopy(9);
        QCOMPARE(service.keys(), (QList<qint64>{7}));
        QVERIFY(service.copy(9) == nullptr);
    }
};

QTEST_GUILESS_MAIN(TestReplicationService)
#include "tst_replicationservice.moc"
