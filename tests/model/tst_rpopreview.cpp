// The RPO preview of activating an SCR copy (model/cmdlets/rpopreview) and the replay speed the lab measures
// (ReplayRate): with the source reachable nothing is lost; with it powered off the loss is the generations
// the copy never got, as Restore-StorageGroupCopy then reports it; an unmeasured lab says so.

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
