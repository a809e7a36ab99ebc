// The SCR cmdlets on a demo lab: validation that refuses and changes nothing, and copies that replicate.

#include "cmdlets/databasebackup.h"
#include "cmdlets/storagegroupcopy.h"
#include "store/database.h"
#include "store/logfolder.h"
#include "lab/demolab.h"
#include "lab/lab.h"
#include "testsupport.h"

#include <map>

#include <QDir>
#include <QDirIterator>
#include <QTemporaryDir>
#include <QTest>

using namespace scr;

namespace {

constexpr qint64 kDay = 24 * 3600 * 1000;

QString copiesSnapshot(Lab &lab)
{
    QStringList rows;
    for (const ScrCopyRecord &c : *lab.directory().copies())
        rows << QStringLiteral("%1 %2 %3 %4 %5 %6")
                    .arg(c.id)
                    .arg(c.storageGroupId)
                    .arg(c.standbyMachine)
                    .arg(c.replayLagMs)
                    .arg(c.truncationLagMs)
                    .arg(c.suspended);
    return rows.join(QLatin1Char('|'));
}

QString filesSnapshot(const QString &root)
{
    QStringList files;
    QDirIterator it(root, QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << it.next().mid(root.size());
    files.sort();
    return files.join(QLatin1Char('\n'));
}

QUuid databaseOf(Lab &lab, const QString &identity)
{
    auto sg = lab.directory().storageGroup(identity);
    return lab.directory().databases((*sg)->id)->front().guid;
}

} // namespace

class TestScrCopy : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_template;
    test::ManualClock m_clock;

    std::unique_ptr<Lab> freshLab(QTemporaryDir &dir)
    {
        // Copying a made demo lab is much faster than making one per test.
        QDirIterator it(m_template.path(), QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString from = it.next();
            const QString to = dir.path() + from.mid(m_template.path().size());
            QDir().mkpath(QFileInfo(to).absolutePath());
            QFile::copy(from, to);
        }
        QDir().mkpath(dir.filePath(QStringLiteral("hosts/MBX3/C")));
        QDir().mkpath(dir.filePath(QStringLiteral("hosts/MBX4/C")));
        auto lab = Lab::open(dir.path());
        if (!lab)
            qFatal("%s", qPrintable(lab.error().toString()));
        return std::move(*lab);
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(DemoLab::create(m_template.path(), m_clock).hasValue()); }

    void enabledCopyReplicatesUnderMailFlow()
    {
        QTemporaryDir dir;
        auto lab = freshLab(dir);
        auto copy = cmdlets::enableStorageGroupCopy(
            *lab, {QStringLiteral("mbx1\\sg1"), QStringLiteral("mbx3"), 0, 0});
        QVERIFY2(copy.hasValue(), qPrintable(copy.hasValue() ? QString() : copy.error().toString()));
        QCOMPARE(copy->standbyMachine, QStringLiteral("MBX3")); // the directory's spelling
        QVERIFY(
            lab->startMailFlow(databaseOf(*lab, QStringLiteral("MBX1\\SG1")), 600, 100 * 1024).hasValue());
        auto stepped = lab->stepSimulation(150 * 1000);
        QVERIFY2(stepped.hasValue(), qPrintable(stepped.hasValue() ? QString() : stepped.error().toString()));
        auto rows = cmdlets::getStorageGroupCopyStatus(*lab, QStringLiteral("MBX1\\SG1"));
        QVERIFY(rows.hasValue());
        QCOMPARE(rows->size(), std::size_t(1));
        const CopyStatus s = rows->front().status;
        QVERIFY2(s.summary == SummaryCopyStatus::Healthy, qPrintable(s.failedMessage + s.note));
        QVERIFY(s.copyQueueLength() <= 1);
        QCOMPARE(s.replayQueueLength(), 50);
        // Events and history reached the directory.
        bool started = false, created = false;
        for (const EventRecord &e : *lab->directory().events()) {
            started = started || e.eventId == 2090;
            created = created || e.eventId == 2094;
        }
        QVERIFY(started && created);
        QVERIFY(lab->directory().samples(copy->id)->size() >= 2);
    }
    void refusalsChangeNothing_data()
    {
        QTest::addColumn<QString>("identity");
        QTest::addColumn<QString>("standby");
        QTest::addColumn<qint64>("replayLag");
        QTest::addColumn<qint64>("truncationLag");
        QTest::addColumn<QString>("setup");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("unknown storage group") << "MBX1\\SG9"
                                               << "MBX3" << 0LL << 0LL << ""
                                               << "no such storage group";
        QTest::newRow("replay lag over 7 days") << "MBX1\\SG1"
                                                << "MBX3" << 8 * kDay << 0LL << ""
                                                << "ReplayLagTime 8.00:00:00";
        QTest::newRow("negative truncation lag") << "MBX1\\SG1"
                                                 << "MBX3" << 0LL << -1000LL << ""
                                                 << "TruncationLagTime";
        QTest::newRow("circular logging") << "MBX1\\SG4"
                                          << "MBX3" << 0LL << 0LL << "circular"
                                          << "circular logging";
        QTest::newRow("recovery storage group") << "MBX1\\RSG"
                                                << "MBX3" << 0LL << 0LL << "recovery"
                                                << "recovery storage group";
        QTest::newRow("two databases") << "MBX1\\SG5"
                                       << "MBX3" << 0LL << 0LL << "twodbs"
                                       << "holds 2 databases";
        QTest::newRow("standby is the source") << "MBX1\\SG1"
                                               << "MBX1" << 0LL << 0LL << ""
                                               << "is the source";
        QTest::newRow("not a mailbox server") << "MBX1\\SG1"
                                              << "HUB1" << 0LL << 0LL << "hub"
                                              << "not a mailbox server";
        QTest::newRow("unknown standby") << "MBX1\\SG1"
                                         << "MBX9" << 0LL << 0LL << ""
                                         << "no such Exchange server";
        QTest::newRow("paths in use on the standby") << "MBX1\\SG1"
                                                     << "MBX2" << 0LL << 0LL << ""
                                                     << "already uses";
        QTest::newRow("files in the way") << "MBX1\\SG1"
                                          << "MBX3" << 0LL << 0LL << "leftover"
                                          << "already exists";
        QTest::newRow("changing ReplayLagTime") << "MBX1\\SG1"
                                                << "MBX3" << kDay << 0LL << "enabled"
                                                << "cannot be changed";
        QTest::newRow("enabled twice") << "MBX1\\SG1"
                                       << "MBX3" << 0LL << 0LL << "enabled"
                                       << "already has an SCR copy";
        QTest::newRow("a fifth standby") << "MBX1\\SG1"
                                         << "MBX8" << 0LL << 0LL << "four"
                                         << "4 SCR copies";
        QTest::newRow("standby powered off") << "MBX1\\SG1"
                                             << "MBX3" << 0LL << 0LL << "off"
                                             << "powered off";
    }
    void refusalsChangeNothing()
    {
        QFETCH(QString, identity);
        QFETCH(QString, standby);
        QFETCH(qint64, replayLag);
        QFETCH(qint64, truncationLag);
        QFETCH(QString, setup);
        QFETCH(QString, mentions);
        QTemporaryDir dir;
        auto lab = freshLab(dir);
        // The odd set-ups (a hub server, a circular-logging group) are written as another process would.
        auto other = Directory::open(dir.path());
        QVERIFY(other.hasValue());
        Directory &d = **other;
        const auto addSg = [&](const QString &name, bool circular, bool recovery, int databases) {
            StorageGroupRecord sg;
            sg.server = QStringLiteral("MBX1");
            sg.name = name;
            sg.logPrefix = QStringLiteral("E09");
            sg.logFolderPath = sg.systemFolderPath = QStringLiteral("C:\\Exchange\\Logs\\") + name;
            sg.circularLogging = circular;
            sg.recovery = recovery;
            const qint64 id = *d.addStorageGroup(sg);
            for (int i = 0; i < databases; ++i)
                QVERIFY(d.addDatabase({0, id, name + QString::number(i), QUuid::createUuid(),
                                       QStringLiteral("C:\\Exchange\\Data\\%1\\%1-%2.edb").arg(name).arg(i)})
                            .hasValue());
        };
        if (setup == QStringLiteral("circular"))
            addSg(QStringLiteral("SG4"), true, false, 1);
        else if (setup == QStringLiteral("recovery"))
            addSg(QStringLiteral("RSG"), false, true, 1);
        else if (setup == QStringLiteral("twodbs"))
            addSg(QStringLiteral("SG5"), false, false, 2);
        else if (setup == QStringLiteral("hub")) {
            QVERIFY(d.addHost({QStringLiteral("HUB1"), true, {}}).hasValue());
            QVERIFY(d.addServer({QStringLiteral("HUB1"), QStringLiteral("HUB1"), true, false}).hasValue());
        } else if (setup == QStringLiteral("leftover")) {
            QDir().mkpath(dir.filePath(QStringLiteral("hosts/MBX3/C/Exchange/Data/SG1")));
            QFile f(dir.filePath(QStringLiteral("hosts/MBX3/C/Exchange/Data/SG1/DB1.edb")));
            QVERIFY(f.open(QIODevice::WriteOnly));
        } else if (setup == QStringLiteral("enabled")) {
            QVERIFY(cmdlets::enableStorageGroupCopy(
                        *lab, {QStringLiteral("MBX1\\SG1"), QStringLiteral("MBX3"), 0, 0})
                        .hasValue());
        } else if (setup == QStringLiteral("four")) {
            for (int i = 5; i <= 8; ++i) {
                const QString name = QStringLiteral("MBX%1").arg(i);
                QVERIFY(d.addHost({name, true, {}}).hasValue());
                QVERIFY(d.addServer({name, name, true, true}).hasValue());
            }
            for (const char *s : {"MBX3", "MBX4", "MBX5", "MBX6"})
                QVERIFY(cmdlets::enableStorageGroupCopy(
                            *lab, {QStringLiteral("MBX1\\SG1"), QString::fromLatin1(s), 0, 0})
                            .hasValue());
        } else if (setup == QStringLiteral("off")) {
            QVERIFY(lab->setHostPowered(QStringLiteral("MBX3"), false).hasValue());
        }
        const QString copiesBefore = copiesSnapshot(*lab);
        const QString filesBefore = filesSnapshot(dir.filePath(QStringLiteral("hosts")));
        auto r = cmdlets::enableStorageGroupCopy(*lab, {identity, standby, replayLag, truncationLag});
        QVERIFY(!r.hasValue());
        QVERIFY2(r.error().toString().contains(mentions), qPrintable(r.error().toString()));
        QVERIFY(!r.error().fix.isEmpty());
        QCOMPARE(copiesSnapshot(*lab), copiesBefore);
        QCOMPARE(filesSnapshot(dir.filePath(QStringLiteral("hosts"))), filesBefore);
    }
    void suspendResumeDisable()
    {
        QTemporaryDir dir;
        auto lab = freshLab(dir);
        QVERIFY(cmdlets::enableStorageGroupCopy(
                    *lab, {QStringLiteral("MBX2\\SG2"), QStringLiteral("MBX4"), kDay, 0})
                    .hasValue());
        QVERIFY(cmdlets::suspendStorageGroupCopy(*lab, QStringLiteral("MBX2\\SG2"), QStringLiteral("MBX4"),
                                                 QStringLiteral("patching"))
                    .hasValue());
        QVERIFY(cmdlets::suspendStorageGroupCopy(*lab, QStringLiteral("MBX2\\SG2"), QStringLiteral("MBX4"),
                                                 QStringLiteral("patching"))
                    .hasValue());
        auto rows = cmdlets::getStorageGroupCopyStatus(*lab, {}, QStringLiteral("MBX4"));
        QCOMPARE(rows->size(), std::size_t(1));
        QCOMPARE(rows->front().status.summary, SummaryCopyStatus::Suspended);
        QCOMPARE(rows->front().status.suspendComment, QStringLiteral("patching"));
        QVERIFY(lab->directory().copies()->front().suspended);
        QVERIFY(cmdlets::resumeStorageGroupCopy(*lab, QStringLiteral("MBX2\\SG2"), QStringLiteral("MBX4"))
                    .hasValue());
        QVERIFY(!cmdlets::getStorageGroupCopyStatus(*lab)->front().status.suspend);
        QVERIFY(
            !cmdlets::suspendStorageGroupCopy(*lab, QStringLiteral("MBX2\\SG2"), QStringLiteral("MBX3"), {})
                 .hasValue());
        QVERIFY(cmdlets::disableStorageGroupCopy(*lab, QStringLiteral("MBX2\\SG2"), QStringLiteral("MBX4"))
                    .hasValue());
        QVERIFY(cmdlets::getStorageGroupCopyStatus(*lab)->empty());
        QCOMPARE(lab->directory().events(1)->front().eventId, 2091);
        QVERIFY(!cmdlets::disableStorageGroupCopy(*lab, QStringLiteral("MBX2\\SG2"), QStringLiteral("MBX4"))
                     .hasValue());
    }
    void fullBackupTruncatesOnlyWhatEveryCopyInspected()
    {
        QTemporaryDir dir;
        auto lab = freshLab(dir);
        const QString sg = QStringLiteral("MBX2\\SG1");
        QVERIFY(cmdlets::enableStorageGroupCopy(*lab, {sg, QStringLiteral("MBX3"), 0, 0}).hasValue());
        QVERIFY(cmdlets::enableStorageGroupCopy(*lab, {sg, QStringLiteral("MBX4"), 0, 0}).hasValue());
        QVERIFY(lab->startMailFlow(databaseOf(*lab, sg), 600, 100 * 1024).hasValue());
        QVERIFY(lab->stepSimulation(40 * 1000).hasValue());
        QVERIFY(
            cmdlets::suspendStorageGroupCopy(*lab, sg, QStringLiteral("MBX4"), QStringLiteral("held back"))
                .hasValue());
        QVERIFY(lab->stepSimulation(40 * 1000).hasValue());
        const auto rows = *cmdlets::getStorageGroupCopyStatus(*lab, sg);
        const uint32_t heldBack = rows[1].status.lastLogInspected;
        QVERIFY(rows[0].status.lastLogInspected > heldBack + 30);
        const QString sourceLogs = dir.filePath(QStringLiteral("hosts/MBX2/C/Exchange/Logs/SG1"));
        auto report = cmdlets::startDatabaseBackup(*lab, sg);
        QVERIFY2(report.hasValue(), qPrintable(report.hasValue() ? QString() : report.error().toString()));
        QCOMPARE(report->truncatedThrough, heldBack);
        auto listing =
            listLogFolder(lab->hostDisk(QStringLiteral("MBX2")), sourceLogs, QStringLiteral("E00"));
        QCOMPARE(listing->closedGenerations.front(), heldBack + 1);
        // The backup set: the database file and the logs it reports, each log the source's own bytes.
        const QStringList backedUpLogs =
            QDir(report->backupFolder).entryList({QStringLiteral("E00*.log")}, QDir::Files, QDir::Name);
        QCOMPARE(int(backedUpLogs.size()), report->logsBackedUp);
        QCOMPARE(QDir(report->backupFolder).entryList(QDir::Files),
                 QStringList{QStringLiteral("DB1.edb")} + backedUpLogs);
        for (const QString &name : backedUpLogs)
            QCOMPARE(test::fileFingerprint(report->backupFolder + QLatin1Char('/') + name),
                     test::fileFingerprint(sourceLogs + QLatin1Char('/') + name));
        // A real, consistent database holding every message the source's database held when it was taken.
        auto backedUp = Database::open(lab->labFolder(), report->backupFolder + QStringLiteral("/DB1.edb"),
                                       Database::Access::ReadOnly);
        QVERIFY2(backedUp.hasValue(), qPrintable(report->backupFolder));
        MountedDatabase *live = lab->mountedDatabase(databaseOf(*lab, sg));
        QVERIFY(live && live->applyPending());
        QVERIFY(*(*backedUp)->messageCount() > 0);
        QCOMPARE(*(*backedUp)->messageCount(), *live->database().messageCount());
        // The held-back copy still finds every log it needs when resumed.
        QVERIFY(cmdlets::resumeStorageGroupCopy(*lab, sg, QStringLiteral("MBX4")).hasValue());
        QVERIFY(lab->stepSimulation(5 * 1000).hasValue());
        for (const auto &row : *cmdlets::getStorageGroupCopyStatus(*lab, sg)) {
            QVERIFY2(!row.status.failed, qPrintable(row.status.failedMessage));
            QCOMPARE(row.status.latestFullBackupTime, report->timeMs);
            QVERIFY(row.status.copyQueueLength() <= 1);
        }
        // A second backup can now truncate up to the checkpoint.
        auto second = cmdlets::startDatabaseBackup(*lab, sg);
        QVERIFY(second.hasValue());
        QVERIFY(second->truncatedThrough > heldBack);
    }
    void aCopyThatNeedsASeedIsSeeded()
    {
        QTemporaryDir dir;
        auto lab = freshLab(dir);
        const QString sg = QStringLiteral("MBX1\\SG3");
        const QUuid guid = databaseOf(*lab, sg);
        QVERIFY(lab->startMailFlow(guid, 600, 100 * 1024).hasValue());
        QVERIFY(lab->stepSimulation(30 * 1000).hasValue());
        QVERIFY(cmdlets::copyNeedsSeed(*lab, sg).hasValue() &&
                !*cmdlets::copyNeedsSeed(*lab, sg));          // generation 1 is there
        auto backup = cmdlets::startDatabaseBackup(*lab, sg); // no copy yet: the old logs go
        QVERIFY(backup.hasValue());
        QVERIFY(backup->truncatedThrough > 1);
        QVERIFY(cmdlets::copyNeedsSeed(*lab, sg).hasValue() && *cmdlets::copyNeedsSeed(*lab, sg));
        QVERIFY(cmdlets::enableStorageGroupCopy(*lab, {sg, QStringLiteral("MBX3"), 0, 0}).hasValue());
        QVERIFY(lab->stepSimulation(2 * 1000).hasValue());
        CopyStatus s = cmdlets::getStorageGroupCopyStatus(*lab, sg)->front().status;
        QCOMPARE(s.summary, SummaryCopyStatus::Failed);
        QVERIFY2(s.failedMessage.contains(QStringLiteral("Update-StorageGroupCopy")),
                 qPrintable(s.failedMessage));
        // Files of the failed attempt are in the way unless -DeleteExistingFiles.
        QVERIFY(lab->stepSimulation(1000).hasValue());
        std::vector<int> seen;
        auto seeded = cmdlets::updateStorageGroupCopy(*lab, sg, QStringLiteral("MBX3"), true,
                                                      [&](int percent, const QString &) {
                                                          seen.push_back(percent);
                                                          return true;
                                                      });
        QVERIFY2(seeded.hasValue(), qPrintable(seeded.hasValue() ? QString() : seeded.error().toString()));
        QCOMPARE(seen.back(), 100);
        QVERIFY(lab->stepSimulation(90 * 1000).hasValue());
        s = cmdlets::getStorageGroupCopyStatus(*lab, sg)->front().status;
        QVERIFY2(s.summary == SummaryCopyStatus::Healthy, qPrintable(s.failedMessage + s.note));
        QCOMPARE(s.replayQueueLength(), 50);
        // Seeding again is refused while the copy's files exist, and changes nothing.
        const QString before = filesSnapshot(dir.filePath(QStringLiteral("hosts/MBX3")));
        auto refused = cmdlets::updateStorageGroupCopy(*lab, sg, QStringLiteral("MBX3"), false);
        QVERIFY(!refused.hasValue());
        QVERIFY(refused.error().fix.contains(QStringLiteral("-DeleteExistingFiles")));
        QCOMPARE(filesSnapshot(dir.filePath(QStringLiteral("hosts/MBX3"))), before);
    }
    void lagTimesAreCheckedWithoutALab()
    {
        const QString sg = QStringLiteral("MBX1\\SG1");
        QVERIFY(cmdlets::checkLagTimes(sg, 0, 0).hasValue());
        QVERIFY(cmdlets::checkLagTimes(sg, cmdlets::kMaxLagMs, cmdlets::kMaxLagMs).hasValue());
        auto over = cmdlets::checkLagTimes(sg, cmdlets::kMaxLagMs + 60 * 1000, 0);
        QVERIFY(!over.hasValue());
        QCOMPARE(over.error().reason, QStringLiteral("ReplayLagTime 7.00:01:00 is out of range"));
        QCOMPARE(over.error().fix, QStringLiteral("use 0.00:00:00 to 7.00:00:00"));
        auto negative = cmdlets::checkLagTimes(sg, 0, -1000);
        QVERIFY(!negative.hasValue());
        QVERIFY(negative.error().reason.startsWith(QStringLiteral("TruncationLagTime")));
    }

    void whoCanTakeACopyAndWhyNot()
    {
        QTemporaryDir dir;
        auto lab = freshLab(dir);
        QVERIFY(
            cmdlets::enableStorageGroupCopy(*lab, {QStringLiteral("MBX1\\SG2"), QStringLiteral("MBX4"), 0, 0})
                .hasValue());
        QVERIFY(
            cmdlets::enableStorageGroupCopy(*lab, {QStringLiteral("MBX2\\SG1"), QStringLiteral("MBX3"), 0, 0})
                .hasValue());
        auto list = cmdlets::standbyEligibility(*lab, QStringLiteral("MBX1\\SG1"));
        QVERIFY(list.hasValue());
        std::map<QString, QString> why;
        for (const StandbyEligibility &e : *list)
            why[e.server] = e.reason;
        QCOMPARE(why.size(), std::size_t(4));
        QCOMPARE(why[QStringLiteral("MBX1")], QStringLiteral("MBX1 is the source of MBX1\\SG1"));
        QVERIFY2(why[QStringLiteral("MBX2")].contains(QStringLiteral("already uses C:\\Exchange\\Logs\\SG1")),
                 qPrintable(why[QStringLiteral("MBX2")]));
        QVERIFY2(
            why[QStringLiteral("MBX3")].contains(QStringLiteral("already holds the SCR copy of MBX2\\SG1")),
            qPrintable(why[QStringLiteral("MBX3")]));
        QCOMPARE(why[QStringLiteral("MBX4")], QString()); // another storage group's copy is no obstacle
        // The same rule refuses the cmdlet, and the list changes nothing.
        const QString before = copiesSnapshot(*lab);
        auto refused = cmdlets::enableStorageGroupCopy(
            *lab, {QStringLiteral("MBX1\\SG1"), QStringLiteral("MBX3"), 0, 0});
        QVERIFY(!refused.hasValue());
        QCOMPARE(QString(refused.error().object + QLatin1Char(' ') + refused.error().reason),
                 why[QStringLiteral("MBX3")]);
        QCOMPARE(copiesSnapshot(*lab), before);
        QVERIFY(lab->setHostPowered(QStringLiteral("MBX4"), false).hasValue());
        auto off = cmdlets::standbyEligibility(*lab, QStringLiteral("MBX1\\SG1"));
        for (const StandbyEligibility &e : *off)
            if (e.server == QStringLiteral("MBX4"))
                QCOMPARE(e.reason, QStringLiteral("MBX4 is powered off or unreachable"));
    }

    void reopeningTheLabResumesEveryCopy()
    {
        QTemporaryDir dir;
        CopyStatus before;
        qint64 clockBefore = 0;
        {
            auto lab = freshLab(dir);
            QVERIFY(cmdlets::enableStorageGroupCopy(
                        *lab, {QStringLiteral("MBX1\\SG2"), QStringLiteral("MBX3"), 0, 0})
                        .hasValue());
            QVERIFY(lab->startMailFlow(databaseOf(*lab, QStringLiteral("MBX1\\SG2")), 600, 100 * 1024)
                        .hasValue());
            QVERIFY(lab->stepSimulation(90 * 1000).hasValue());
            before = cmdlets::getStorageGroupCopyStatus(*lab)->front().status;
            clockBefore = lab->clock().nowMs();
        }
        auto lab = Lab::open(dir.path());
        QVERIFY2(lab.hasValue(), qPrintable(lab.hasValue() ? QString() : lab.error().toString()));
        QCOMPARE((*lab)->clock().nowMs(), clockBefore);
        const CopyStatus after = cmdlets::getStorageGroupCopyStatus(**lab)->front().status;
        QCOMPARE(after.lastLogReplayed, before.lastLogReplayed);
        QCOMPARE(after.lastLogInspected, before.lastLogInspected);
        QVERIFY((*lab)->mountedDatabase(databaseOf(**lab, QStringLiteral("MBX1\\SG2"))) != nullptr);
        QVERIFY((*lab)
                    ->startMailFlow(databaseOf(**lab, QStringLiteral("MBX1\\SG2")), 600, 100 * 1024)
                    .hasValue());
        QVERIFY((*lab)->stepSimulation(20 * 1000).hasValue());
        const CopyStatus later = cmdlets::getStorageGroupCopyStatus(**lab)->front().status;
        QVERIFY2(!later.failed && later.lastLogReplayed > before.lastLogReplayed,
                 qPrintable(later.failedMessage));
    }
};

QTEST_GUILESS_MAIN(TestScrCopy)
#include "tst_scrcopy.moc"
