// The RPO preview of activating an SCR copy (model/cmdlets/rpopreview) and the replay speed the lab measures
// (ReplayRate): with the source reachable nothing is lost; with it powered off the loss is the generations
// the copy never got, as Restore-StorageGroupCopy then reports it; an unmeasured lab says so.

#include "cmdlets/portabilityplan.h"
#include "cmdlets/restorestoragegroupcopy.h"
#include "cmdlets/rpopreview.h"
#include "core/clock.h"
#include "lab/demolab.h"
#include "lab/lab.h"
#include "replication/replayrate.h"

#include <QTemporaryDir>
#include <QTest>

using namespace scr;

class TestRpoPreview : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void replayRateIsKeptInTheLabFolder()
    {
        QTemporaryDir dir;
        const HostDisk folder = HostDisk::atFolder(dir.path());
        QVERIFY(!ReplayRate::read(folder));
        QVERIFY(ReplayRate::record(folder, 10, 2'000'000'000));
        QVERIFY(ReplayRate::record(folder, 10, 2'000'000'000));
        const auto rate = ReplayRate::read(folder);
        QVERIFY(rate);
        QCOMPARE(rate->logs, 20);
        QCOMPARE(rate->logsPerSecond(), 5.0);
        QCOMPARE(rate->estimateMs(50), 10'000);
    }

    void durationTexts()
    {
        QCOMPARE(cmdlets::durationText(500), QStringLiteral("less than a second"));
        QCOMPARE(cmdlets::durationText(65'000), QStringLiteral("1 min 05 s"));
        QCOMPARE(cmdlets::durationText(3'660'000), QStringLiteral("1 h 01 min"));
    }

    void linesSayWhatIsLostAndWhatIsNotMeasured()
    {
        RpoPreview p;
        p.identity = QStringLiteral("MBX1\\SG1");
        p.lastLogInspected = 120;
        p.lastLogGenerated = 123;
        p.lostGenerations = 3;
        p.openLogLost = true;
        p.lostTimeMs = 61'000;
        p.replayLogs = 50;
        QCOMPARE(p.lostLogs(), 4);
        QCOMPARE(p.lostMinutes(), 2);
        const QString text = p.lines().join(QLatin1Char('\n'));
        QVERIFY2(text.contains(QStringLiteral("generations 121 to 123 and the open log")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("MBX1 cannot be reached")));
        QVERIFY(text.contains(QStringLiteral("not measured yet")));
        p.replayLogsPerSecond = 10.0;
        p.replayEstimateMs = 5000;
        QVERIFY(
            p.lines().join(QLatin1Char('\n')).contains(QStringLiteral("5 second(s), at the 10.0 logs/s")));
    }

    // The plan is made from the state: what is done already is not done again.
    void planFollowsTheState()
    {
        PortabilityState s;
        s.storageGroup = QStringLiteral("MBX1\\SG1");
        s.sourceServer = QStringLiteral("MBX1");
        s.database = QStringLiteral("DB1");
        s.standbyMachine = QStringLiteral("MBX3");
        s.standbyHost = QStringLiteral("MBX3");
        s.logPrefix = QStringLiteral("E00");
        s.logFolderPath = QStringLiteral("C:\\Exchange\\Logs\\SG1");
        s.systemFolderPath = s.logFolderPath;
        s.edbFilePath = QStringLiteral("C:\\Exchange\\Data\\SG1\\DB1.edb");
        s.copyExists = true;
        s.sourceReachable = true;
        s.sourceMounted = true;
        s.target = cmdlets::targetObjectsFor(s.storageGroup, s.standbyMachine, s.database, false);
        s.targetStorageGroupExists = s.targetDatabaseExists = true;
        s.targetLogFolderPath = s.targetSystemFolderPath = s.target.temporaryPath;
        s.targetEdbFilePath = s.target.temporaryPath + QStringLiteral("\\DB1Target.edb");
        s.userMailboxes = QStringList{QStringLiteral("Ada Adler")};
        const auto commands = [](const std::vector<FlowStep> &steps) {
            QStringList out;
            for (const FlowStep &step : steps)
                out << step.command.section(QLatin1Char(' '), 0, 0);
            return out;
        };
        auto steps = cmdlets::planPortability(s);
        QCOMPARE(
            commands(steps).join(QLatin1Char(' ')),
            QStringLiteral("Dismount-Database Restore-StorageGroupCopy Enter-PSSession Move-StorageGroupPath "
                           "Move-DatabasePath Set-MailboxDatabase Mount-Database Get-Mailbox"));
        QVERIFY(steps[1].irreversible);
        QVERIFY(!steps[1].command.contains(QStringLiteral("-Force")));
        QVERIFY(steps[7].command.contains(QStringLiteral("-TargetDatabase MBX3\\SG1Target\\DB1Target")));

        s.sourceReachable = s.sourceMounted = false;
        steps = cmdlets::planPortability(s);
        QCOMPARE(steps.front().command.section(QLatin1Char(' '), 0, 0),
                 QStringLiteral("Restore-StorageGroupCopy"));
        QVERIFY(steps.front().command.contains(QStringLiteral(" -Force")));

        // Activated, recovered and pointed by an earlier run that stopped before the mount.
        s.copyExists = false;
        s.alreadyRestored = true;
        s.recoveryNeeded = false;
        s.targetLogFolderPath = s.targetSystemFolderPath = s.logFolderPath;
        s.targetEdbFilePath = s.edbFilePath;
        s.targetAllowFileRestore = true;
        QCOMPARE(commands(cmdlets::planPortability(s)).join(QLatin1Char(' ')),
                 QStringLiteral("Mount-Database Get-Mailbox"));
    }

    void noCopyIsRefused()
    {
        QTemporaryDir dir;
        const QString labDir = dir.filePath(QStringLiteral("lab"));
        QVERIFY(DemoLab::create(labDir, SystemClock::instance()).hasValue());
        auto lab = Lab::open(labDir);
        QVERIFY(lab);
        auto p = cmdlets::previewRpo(**lab, QStringLiteral("MBX1\\SG1"), QStringLiteral("MBX3"));
        QVERIFY(!p);
    }
};

QTEST_MAIN(TestRpoPreview)
#include "tst_rpopreview.moc"
