// Status that never lies: after each of mail flow, suspend, a source power-off, a standby power-off and a
// backup, the lab is closed and opened again (a new Lab: what a new scr-shell or console sees), and every
// status field is checked against what the files say, read here without the product (directory listings
// and the logs' own headers).

#include "cmdlets/databasebackup.h"
#include "cmdlets/storagegroupcopy.h"
#include "lab/demolab.h"
#include "lab/lab.h"
#include "store/logfile.h"
#include "store/logformat.h"
#include "labfixture.h"
#include "testsupport.h"

#include <QDirIterator>
#include <QTemporaryDir>
#include <QTest>

using namespace scr;
using test::closedGenerationsIn;
using test::logCreationTime;
using test::newestClosedAt;

namespace {

const QString kSg = QStringLiteral("MBX1\\SG1");
const QString kStandby = QStringLiteral("MBX3");

} // namespace

class TestStatusTruth : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_template;
    test::ManualClock m_clock;
    QTemporaryDir m_dir;
    std::unique_ptr<Lab> m_lab;

    QString sourceLogs() const { return m_dir.filePath(QStringLiteral("hosts/MBX1/C/Exchange/Logs/SG1")); }
    QString targetLogs() const { return m_dir.filePath(QStringLiteral("hosts/MBX3/C/Exchange/Logs/SG1")); }

    CopyStatus status()
    {
        auto rows = cmdlets::getStorageGroupCopyStatus(*m_lab, kSg, kStandby);
        if (!rows || rows->size() != 1)
            qFatal("no status row");
        return rows->front().status;
    }
    void reopen()
    {
        m_lab.reset(); // a clean close, as a scr-shell run ends
        auto lab = Lab::open(m_dir.path());
        if (!lab)
            qFatal("%s", qPrintable(lab.error().toString()));
        m_lab = std::move(*lab);
    }
    // The fields the files decide, compared with the files.
    void verifyAgainstFiles(const CopyStatus &s, bool sourceReachable)
    {
        const auto target = closedGenerationsIn(targetLogs());
        QVERIFY(!target.empty());
        QCOMPARE(s.lastLogInspected, target.back());
        QCOMPARE(s.lastInspectedLogTime, logCreationTime(targetLogs(), target.back()));
        QVERIFY(s.lastLogCopied >= s.lastLogInspected);
        QVERIFY(s.lastCopiedLogTime >= s.lastInspectedLogTime);
        if (s.lastLogReplayed > 0)
            QCOMPARE(s.lastReplayedLogTime, logCreationTime(targetLogs(), s.lastLogReplayed));
        if (sourceReachable) {
            const auto [newest, created] = newestClosedAt(sourceLogs());
            QCOMPARE(s.lastLogGenerated, newest);
            QCOMPARE(s.latestAvailableLogTime, created);
            // The notification follows the source's log close: the newest closed log there.
            QCOMPARE(s.lastLogCopyNotified, newest);
            QCOMPARE(s.lastCopyNotifiedLogTime, created);
        } else {
            // What was last seen closed at the source: never ahead of what was generated, never behind
            // what was copied.
            QVERIFY(s.lastLogCopyNotified <= s.lastLogGenerated);
            QVERIFY(s.lastLogCopyNotified >= s.lastLogCopied);
        }
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(DemoLab::create(m_template.path(), m_clock).hasValue()); }

    void init()
    {
        // A fresh copy of the demo lab with an SCR copy (no lag) that has replicated 2 virtual minutes of
        // mail.
        QDirIterator it(m_template.path(), QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString from = it.next();
            const QString to = m_dir.path() + from.mid(m_template.path().size());
            QDir().mkpath(QFileInfo(to).absolutePath());
            QFile::copy(from, to);
        }
        QDir().mkpath(m_dir.filePath(QStringLiteral("hosts/MBX3/C")));
        QDir().mkpath(m_dir.filePath(QStringLiteral("hosts/MBX4/C")));
        auto lab = Lab::open(m_dir.path());
        QVERIFY2(lab.hasValue(), qPrintable(lab.hasValue() ? QString() : lab.error().toString()));
        m_lab = std::move(*lab);
        QVERIFY(cmdlets::enableStorageGroupCopy(*m_lab, {kSg, kStandby, 0, 0}).hasValue());
        auto sg = m_lab->directory().storageGroup(kSg);
        QVERIFY(m_lab->startMailFlow(m_lab->directory().databases((*sg)->id)->front().guid, 600, 100 * 1024)
                    .hasValue());
        QVERIFY(m_lab->stepSimulation(2 * 60 * 1000).hasValue());
    }
    void cleanup()
    {
        m_lab.reset();
        QDir(m_dir.path()).removeRecursively();
        QDir().mkpath(m_dir.path());
    }

    void afterMailFlow()
    {
        const CopyStatus before = status();
        QCOMPARE(before.summary, SummaryCopyStatus::Healthy);
        reopen();
        const CopyStatus s = status();
        QVERIFY2(s.summary == SummaryCopyStatus::Healthy, qPrintable(test::copyStatusText(s)));
        verifyAgainstFiles(s, true);
        QCOMPARE(s.lastLogReplayed, before.lastLogReplayed);
        QVERIFY(s.lastLogGenerated > 100); // 2 minutes at about a log a second
    }
    void afterSuspendTheQueueGrowsVisibly()
    {
        QVERIFY(cmdlets::suspendStorageGroupCopy(*m_lab, kSg, kStandby, QStringLiteral("maintenance"))
                    .hasValue());
        QVERIFY(m_lab->stepSimulation(60 * 1000).hasValue()); // mail goes on; the copy does not
        reopen();
        const CopyStatus s = status();
        QVERIFY2(s.summary == SummaryCopyStatus::Suspended, qPrintable(test::copyStatusText(s)));
        QVERIFY(s.suspend);
        QCOMPARE(s.suspendComment, QStringLiteral("maintenance"));
        verifyAgainstFiles(s, true);
        QCOMPARE(s.copyQueueLength(), qint64(newestClosedAt(sourceLogs()).first - s.lastLogCopied));
        QVERIFY2(s.copyQueueLength() > 40, qPrintable(test::copyStatusText(s))); // a minute of logs waits
    }
    void afterSourcePowerOffTheCopyIsFailed()
    {
        const uint32_t newestBefore = newestClosedAt(sourceLogs()).first;
        QVERIFY(m_lab->setHostPowered(QStringLiteral("MBX1"), false).hasValue());
        QVERIFY(m_lab->stepSimulation(60 * 60 * 1000, 60 * 1000).hasValue());
        reopen();
        const CopyStatus s = status();
        QVERIFY2(s.summary == SummaryCopyStatus::Failed && s.failed, qPrintable(test::copyStatusText(s)));
        QVERIFY2(s.failedMessage.contains(QStringLiteral("MBX1 cannot be reached since ")),
                 qPrintable(test::copyStatusText(s)));
        // The power-off time from the directory, not this process's first look an hour later.
        const qint64 offAt = m_lab->poweredOffAt(QStringLiteral("MBX1"));
        QVERIFY(offAt > 0);
        QVERIFY2(s.failedMessage.contains(QDateTime::fromMSecsSinceEpoch(offAt, Qt::UTC)
                                              .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"))),
                 qPrintable(test::copyStatusText(s)));
        // What was last seen of the source: its newest closed log when it died (read here from its folder,
        // which the dead host's files still hold).
        QCOMPARE(s.lastLogGenerated, newestBefore);
        QCOMPARE(s.latestAvailableLogTime, logCreationTime(sourceLogs(), newestBefore));
        verifyAgainstFiles(s, false);
        // The age of the last inspected log tells the hour the copy has been cut off.
        auto rows = cmdlets::getStorageGroupCopyStatus(*m_lab, kSg, kStandby);
        QVERIFY(rows->front().lastInspectedLogAgeMs >= 60 * 60 * 1000);
        QCOMPARE(rows->front().lastInspectedLogAgeMs, m_lab->clock().nowMs() - s.lastInspectedLogTime);
        // Back on: Healthy again by itself, with event 2108.
        QVERIFY(m_lab->setHostPowered(QStringLiteral("MBX1"), true).hasValue());
        QVERIFY(m_lab->stepSimulation(2000).hasValue());
        const CopyStatus back = status();
        QVERIFY2(back.summary == SummaryCopyStatus::Healthy && !back.failed,
                 qPrintable(test::copyStatusText(back)));
        bool recovered = false;
        for (const EventRecord &e : *m_lab->directory().events())
            recovered = recovered || e.eventId == 2108;
        QVERIFY(recovered);
    }
    void afterStandbyPowerOffTheServiceIsDown()
    {
        QVERIFY(m_lab->setHostPowered(kStandby, false).hasValue());
        QVERIFY(m_lab->stepSimulation(60 * 1000).hasValue());
        QCOMPARE(status().summary, SummaryCopyStatus::ServiceDown);
        reopen();
        const CopyStatus s = status();
        QVERIFY2(s.summary == SummaryCopyStatus::ServiceDown, qPrintable(test::copyStatusText(s)));
        QVERIFY(!s.failed);
        QVERIFY(s.note.contains(QStringLiteral("not running")));
        QVERIFY(m_lab->setHostPowered(kStandby, true).hasValue());
        QVERIFY(m_lab->stepSimulation(2000).hasValue());
        const CopyStatus back = status();
        QVERIFY2(back.summary == SummaryCopyStatus::Healthy, qPrintable(test::copyStatusText(back)));
        verifyAgainstFiles(back, true);
        // Both changes are events naming the copy.
        QStringList changes;
        for (const EventRecord &e : *m_lab->directory().events())
            if (e.eventId == 2111)
                changes << e.text;
        QVERIFY2(changes.contains(
                     QStringLiteral("The SCR copy of MBX1\\SG1 on MBX3 is ServiceDown (it was Healthy).")),
                 qPrintable(changes.join(QLatin1Char('\n'))));
        QVERIFY2(changes.contains(
                     QStringLiteral("The SCR copy of MBX1\\SG1 on MBX3 is Healthy (it was ServiceDown).")),
                 qPrintable(changes.join(QLatin1Char('\n'))));
    }
    void afterBackup()
    {
        auto backup = cmdlets::startDatabaseBackup(*m_lab, kSg);
        QVERIFY2(backup.hasValue(), qPrintable(backup.hasValue() ? QString() : backup.error().toString()));
        const qint64 backedUpAt = status().latestFullBackupTime;
        QVERIFY(backedUpAt > 0);
        reopen();
        const CopyStatus s = status();
        QCOMPARE(s.latestFullBackupTime, backedUpAt);
        // The backup truncated the source's logs that the copy inspected: LastLogGenerated and its time are
        // still the newest closed log's, as the open log's header says.
        QVERIFY(backup->truncatedThrough > 0);
        verifyAgainstFiles(s, true);
    }
};

QTEST_GUILESS_MAIN(TestStatusTruth)
#include "tst_statustruth.moc"
