// kill -9 of the process that runs the replication service (and the source's information store), then a
// restart: every copy resumes from where its files say it stood, with no gap, no log replayed twice, no
// reseed, and the source database recovers by itself. Five kills at seeded random moments.

#include "cmdlets/storagegroupcopy.h"
#include "host/hostdisk.h"
#include "lab/demolab.h"
#include "lab/lab.h"
#include "store/logfolder.h"
#include "store/logreplayer.h"
#include "testsupport.h"

#include <csignal>

#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace scr;

class TestReplicationRestart : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void killNineAndRestartLosesNothing()
    {
        QTemporaryDir dir;
        test::ManualClock clock;
        QVERIFY(DemoLab::create(dir.path(), clock).hasValue());
        {
            auto lab = Lab::open(dir.path());
            QVERIFY(lab.hasValue());
            auto copy = cmdlets::enableStorageGroupCopy(
                **lab, {QStringLiteral("MBX1\\SG1"), QStringLiteral("MBX3"), 0, 3600 * 1000});
            QVERIFY2(copy.hasValue(), qPrintable(copy.hasValue() ? QString() : copy.error().toString()));
        }
        QRandomGenerator rng(424242);
        const QString targetLogs = dir.filePath(QStringLiteral("hosts/MBX3/C/Exchange/Logs/SG1"));
        uint32_t replayedBefore = 0;
        for (int round = 0; round < 5; ++round) {
            QProcess child;
            child.setProgram(QStringLiteral(SCR_LAB_RUNNER));
            child.setArguments({dir.path()});
            child.start();
            QVERIFY(child.waitForStarted());
            // Let it run a random number of virtual seconds (at least 60, so the copy's database exists).
            const int steps = 60 + static_cast<int>(rng.bounded(40u));
            QByteArray out;
            QElapsedTimer timer;
            timer.start();
            while (out.count("step ") < steps && timer.elapsed() < 60000 &&
                   child.state() == QProcess::Running) {
                child.waitForReadyRead(100);
                out += child.readAllStandardOutput();
            }
            QVERIFY2(child.state() == QProcess::Running,
                     qPrintable(QString::fromLocal8Bit(child.readAllStandardError())));
            // Strike in the middle of whatever the next step is doing.
            QTest::qWait(static_cast<int>(rng.bounded(15u)));
            ::kill(static_cast<pid_t>(child.processId()), SIGKILL);
            QVERIFY(child.waitForFinished(10000));

            auto lab = Lab::open(dir.path()); // mounts MBX1's databases: soft recovery of the killed store
            QVERIFY2(lab.hasValue(), qPrintable(lab.hasValue() ? QString() : lab.error().toString()));
            auto rows = cmdlets::getStorageGroupCopyStatus(**lab, QStringLiteral("MBX1\\SG1"));
            QCOMPARE(rows->size(), std::size_t(1));
            const CopyStatus s = rows->front().status;
            QVERIFY2(!s.failed, qPrintable(s.failedMessage));
            QVERIFY(s.lastLogReplayed >= replayedBefore);
            // The files agree with the status: a contiguous run of inspected logs ending at LastLogInspected.
            auto listing = listLogFolder(HostDisk(dir.path(), QStringLiteral("MBX3")), targetLogs,
                                         QStringLiteral("E00"));
            QVERIFY(listing.hasValue());
            const auto &gens = listing->closedGenerations;
            QVERIFY(!gens.empty());
            QCOMPARE(gens.back(), s.lastLogInspected);
            QCOMPARE(uint32_t(gens.back() - gens.front() + 1), uint32_t(gens.size()));
            QVERIFY(QDir(targetLogs + QStringLiteral("/inspector"))
                        .entryList({QStringLiteral("*.tmp")}, QDir::Files)
                        .isEmpty());
            // Run on in this process: it keeps replicating with no failure.
            const QUuid db = (*lab)->directory().databases(rows->front().storageGroup.id)->front().guid;
            QVERIFY((*lab)->startMailFlow(db, 600, 100 * 1024).hasValue());
            QVERIFY((*lab)->stepSimulation(10 * 1000).hasValue());
            const CopyStatus after =
                cmdlets::getStorageGroupCopyStatus(**lab, QStringLiteral("MBX1\\SG1"))->front().status;
            QVERIFY2(!after.failed, qPrintable(after.failedMessage));
            QVERIFY(after.lastLogReplayed > s.lastLogReplayed);
            replayedBefore = after.lastLogReplayed;
        }
        // The copy holds exactly the source's content at the generation it replayed to.
        auto lab = Lab::open(dir.path());
        const CopyStatus s =
            cmdlets::getStorageGroupCopyStatus(**lab, QStringLiteral("MBX1\\SG1"))->front().status;
        const auto sg = *(*lab)->directory().storageGroup(QStringLiteral("MBX1\\SG1"));
        const QUuid guid = (*lab)->directory().databases(sg->id)->front().guid;
        lab->reset();
        QTemporaryDir scratch;
        LogReplayer reference(HostDisk::atFolder(scratch.path()), scratch.filePath(QStringLiteral("ref.edb")),
                              guid);
        for (uint32_t g = 1; g <= s.lastLogReplayed; ++g) {
            auto log = LogFile::load(HostDisk(dir.path(), QStringLiteral("MBX1")),
                                     dir.filePath(QStringLiteral("hosts/MBX1/C/Exchange/Logs/SG1/") +
                                                  logFileName(QStringLiteral("E00"), g)));
            QVERIFY(log.hasValue());
            QVERIFY(reference.replay(*log).hasValue());
        }
        auto copyDb = Database::open(HostDisk(dir.path(), QStringLiteral("MBX3")),
                                     dir.filePath(QStringLiteral("hosts/MBX3/C/Exchange/Data/SG1/DB1.edb")),
                                     Database::Access::ReadOnly);
        QVERIFY(copyDb.hasValue());
        QCOMPARE((*copyDb)->header().applied.generation, s.lastLogReplayed);
        QCOMPARE(*(*copyDb)->contentChecksum(), *reference.database()->contentChecksum());
    }
};

QTEST_GUILESS_MAIN(TestReplicationRestart)
#include "tst_replicationrestart.moc"
