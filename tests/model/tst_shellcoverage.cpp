// What the shell does that no other test drove: Resume-StorageGroupCopy, Start-DatabaseBackup and the
// truncation it may do, the loss a forced activation reports when the source is gone, MountAtStartup at
// Start-Host, a seed refused, cancelled, killed and seen Seeding, LastLogCopyNotified, and Invoke-Fault
// CorruptLog and DeleteLog. Every test starts from its own copy of a demo lab and judges the product by the
// files (folder listings, the logs' own headers), read here without the product's status.

#include "cmdlets/storagegroupcopy.h"
#include "ems/shellsession.h"
#include "lab/demolab.h"
#include "lab/lab.h"
#include "labfixture.h"
#include "replication/copyworker.h"
#include "store/checkpoint.h"
#include "store/database.h"
#include "store/logformat.h"
#include "testsupport.h"

#include <csignal>
#include <memory>

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace scr;

namespace {

const QString kSg = QStringLiteral("MBX1\\SG1");
const QString kStandby = QStringLiteral("MBX3");
const QString kCopyArgs = QStringLiteral("MBX1\\SG1 -StandbyMachine MBX3");

// Every file under folder with its size and content checksum: proof that a refusal changed nothing.
QString treeSnapshot(const QString &folder)
{
    QStringList lines;
    QDirIterator it(folder, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        lines << path.mid(folder.size()) + QLatin1Char(' ') + QString::number(QFileInfo(path).size()) +
                     QLatin1Char(' ') + test::fileFingerprint(path);
    }
    lines.sort();
    return lines.join(QLatin1Char('\n'));
}

// The value of "Name : value" in Format-List output.
QString listValue(const QString &output, const QString &name)
{
    const QRegularExpression line(QStringLiteral("^%1\\s*:\\s*(.*)$").arg(name),
                                  QRegularExpression::MultilineOption);
    const auto m = line.match(output);
    return m.hasMatch() ? m.captured(1).trimmed() : QString();
}

} // namespace

class TestShellCoverage : public QObject
{
    Q_OBJECT
    QTemporaryDir m_template;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ShellSession> m_shell;

    QString path(const QString &rel) const { return m_dir->filePath(rel); }
    QString sourceLogs() const { return path(QStringLiteral("hosts/MBX1/C/Exchange/Logs/SG1")); }
    QString targetLogs() const { return path(QStringLiteral("hosts/MBX3/C/Exchange/Logs/SG1")); }
    QString targetEdb() const { return path(QStringLiteral("hosts/MBX3/C/Exchange/Data/SG1/DB1.edb")); }
    Lab &lab() { return *m_shell->lab(); }

    // Runs a script as scr-shell would; false (the error logged) when it failed.
    bool sh(const QString &script, QString *output = nullptr)
    {
        auto out = m_shell->execute(script);
        if (!out) {
            qWarning("%s: %s", qPrintable(script), qPrintable(out.error().toString()));
            return false;
        }
        if (output)
            *output = *out;
        return true;
    }
    // The error a script fails with; empty when it did not fail.
    QString refusal(const QString &script)
    {
        auto out = m_shell->execute(script);
        return out ? QString() : out.error().toString();
    }
    // Closes the lab and opens it again: what a new scr-shell sees.
    bool reopen()
    {
        m_shell.reset();
        m_shell = std::make_unique<ShellSession>(m_dir->path());
        if (auto st = m_shell->open(); !st) {
            qWarning("%s", qPrintable(st.error().toString()));
            return false;
        }
        return m_shell->lab() != nullptr;
    }
    CopyStatus status()
    {
        auto rows = cmdlets::getStorageGroupCopyStatus(lab(), kSg, kStandby);
        if (!rows || rows->size() != 1)
            qFatal("no status row for the copy");
        return rows->front().status;
    }
    // MBX1\SG1 replicated to MBX3 with no lag for a virtual minute of mail (about a log a second).
    bool replicating()
    {
        return sh(QStringLiteral("Enable-StorageGroupCopy %1 -ReplayLagTime 0.00:00:00").arg(kCopyArgs)) &&
               sh(QStringLiteral(
                   "Start-MailFlow MBX1\\SG1\\DB1 -MessagesPerMinute 600 -MessageSizeKB 100")) &&
               sh(QStringLiteral("Step-Simulation 0.00:01:00"));
    }

private Q_SLOTS:
    void initTestCase()
    {
        test::ManualClock clock;
        QVERIFY(DemoLab::create(m_template.path(), clock).hasValue());
    }
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(test::copyLab(m_template.path(), m_dir->path()));
        QVERIFY(reopen());
    }
    void cleanup()
    {
        m_shell.reset();
        m_dir.reset();
    }

    void resumeFromTheShellCatchesUp()
    {
        QVERIFY(replicating());
        QVERIFY(sh(QStringLiteral("Suspend-StorageGroupCopy %1 -SuspendComment patching").arg(kCopyArgs)));
        const uint32_t atSuspend = test::closedGenerationsIn(targetLogs()).back();
        QVERIFY(sh(QStringLiteral("Step-Simulation 0.00:00:30")));
        QCOMPARE(test::closedGenerationsIn(targetLogs()).back(), atSuspend); // suspended: nothing copied
        QVERIFY(reopen());
        QCOMPARE(status().summary, SummaryCopyStatus::Suspended);
        QVERIFY(sh(QStringLiteral("Resume-StorageGroupCopy %1").arg(kCopyArgs)));
        QVERIFY(sh(QStringLiteral("Stop-MailFlow MBX1\\SG1\\DB1")));
        QVERIFY(sh(QStringLiteral("Step-Simulation 0.00:00:05")));
        QVERIFY(reopen());
        const CopyStatus s = status();
        QVERIFY2(s.summary == SummaryCopyStatus::Healthy && !s.suspend, qPrintable(test::copyStatusText(s)));
        QVERIFY(s.suspendComment.isEmpty());
        // Caught up with the source, as the files say: every closed log there is inspected here.
        const uint32_t newest = test::newestClosedAt(sourceLogs()).first;
        QVERIFY2(newest > atSuspend + 20, qPrintable(QString::number(newest))); // 30 s of mail waited
        QCOMPARE(test::closedGenerationsIn(targetLogs()).back(), newest);
        QCOMPARE(s.lastLogInspected, newest);
        auto copies = lab().directory().copies(lab().directory().storageGroup(kSg).value()->id);
        QVERIFY(copies.hasValue() && copies->size() == 1);
        QVERIFY(!copies->front().suspended);
    }

    // Exchange's Update-StorageGroupCopy resumes the copy when the seed is done; -ManualResume leaves a
    // suspended copy suspended (its comment kept), for the administrator to resume.
    void seedResumesUnlessManualResume()
    {
        QVERIFY(replicating());
        const auto copyRecord = [&] {
            auto copies = lab().directory().copies(lab().directory().storageGroup(kSg).value()->id);
            if (!copies || copies->size() != 1)
                qFatal("no copy record");
            return copies->front();
        };
        QVERIFY(sh(QStringLiteral("Suspend-StorageGroupCopy %1 -SuspendComment reseed").arg(kCopyArgs)));
        QVERIFY(sh(
            QStringLiteral("Update-StorageGroupCopy %1 -DeleteExistingFiles -ManualResume").arg(kCopyArgs)));
        QVERIFY(reopen());
        QVERIFY(copyRecord().suspended);
        QCOMPARE(copyRecord().suspendComment, QStringLiteral("reseed"));
        QCOMPARE(status().summary, SummaryCopyStatus::Suspended);
        QVERIFY(QFileInfo(targetEdb()).size() > 0); // seeded all the same

        QVERIFY(sh(QStringLiteral("Update-StorageGroupCopy %1 -DeleteExistingFiles").arg(kCopyArgs)));
        QVERIFY(reopen());
        QVERIFY(!copyRecord().suspended);
        QVERIFY(copyRecord().suspendComment.isEmpty());
        QVERIFY(sh(QStringLiteral("Step-Simulation 0.00:00:10")));
        const CopyStatus s = status();
        QVERIFY2(s.summary == SummaryCopyStatus::Healthy && !s.suspend, qPrintable(test::copyStatusText(s)));
        QCOMPARE(s.lastLogInspected, test::closedGenerationsIn(targetLogs()).back());
    }

    void backupTruncatesOnlyWhatEveryCopyInspected()
    {
        QVERIFY(replicating());
        QVERIFY(sh(QStringLiteral("Suspend-StorageGroupCopy %1").arg(kCopyArgs)));
        QVERIFY(sh(QStringLiteral("Step-Simulation 0.00:00:20")));
        const uint32_t inspected = test::closedGenerationsIn(targetLogs()).back();
        const std::vector<uint32_t> before = test::closedGenerationsIn(sourceLogs());
        QVERIFY(before.front() == 1 && before.back() > inspected + 10);
        QString out;
        QVERIFY(sh(QStringLiteral("Start-DatabaseBackup MBX1\\SG1 | Format-List"), &out));
        // SCR's rule: a log goes only once it is older than the checkpoint and every copy inspected it.
        auto checkpoint = readCheckpoint(test::tempDisk(), sourceLogs() + QStringLiteral("/E00.chk"));
        QVERIFY(checkpoint.hasValue());
        const uint32_t limit = std::min(inspected, checkpoint->position.generation - 1);
        QCOMPARE(limit, inspected); // the suspended copy holds truncation back, not the checkpoint
        std::vector<uint32_t> expected;
        for (uint32_t g : before)
            if (g > limit)
                expected.push_back(g);
        QCOMPARE(test::closedGenerationsIn(sourceLogs()), expected);
        QCOMPARE(listValue(out, QStringLiteral("TruncatedThroughGeneration")), QString::number(limit));
        QCOMPARE(listValue(out, QStringLiteral("LogsTruncated")), QString::number(limit));
        const QString backupTime = listValue(out, QStringLiteral("LatestFullBackupTime"));
        QVERIFY(!backupTime.isEmpty());
        // Another process sees the same backup time, and the copy resumes with nothing missing.
        QVERIFY(reopen());
        QVERIFY(sh(QStringLiteral("Get-StorageGroupCopyStatus %1 | Format-List").arg(kCopyArgs), &out));
        QCOMPARE(listValue(out, QStringLiteral("LatestFullBackupTime")), backupTime);
        QVERIFY(status().latestFullBackupTime > 0);
        QVERIFY(sh(QStringLiteral("Resume-StorageGroupCopy %1").arg(kCopyArgs)));
        QVERIFY(sh(QStringLiteral("Step-Simulation 0.00:00:05")));
        const CopyStatus s = status();
        QVERIFY2(s.summary == SummaryCopyStatus::Healthy, qPrintable(test::copyStatusText(s)));
        QVERIFY(s.lastLogInspected >= before.back());
    }

    void lostDataWhenTheSourceIsGone()
    {
        QVERIFY(replicating());
        QVERIFY(sh(QStringLiteral("Suspend-StorageGroupCopy %1").arg(kCopyArgs)));
        QVERIFY(sh(QStringLiteral("Step-Simulation 0.00:00:20")));
        const qint64 failedAt = lab().clock().nowMs();
        QVERIFY(sh(QStringLiteral("Stop-Host MBX1")));
        QVERIFY(reopen());
        QString out;
        QVERIFY(sh(
            QStringLiteral("Restore-StorageGroupCopy %1 -Force -Confirm:$false | Format-List").arg(kCopyArgs),
            &out));
        // The oracle: the dead source's disk still holds its folder, and the standby's holds what was copied.
        const uint32_t generated = test::newestClosedAt(sourceLogs()).first;
        const uint32_t copied = test::closedGenerationsIn(targetLogs()).back();
        QVERIFY2(generated > copied + 10, qPrintable(out));
        QCOMPARE(listValue(out, QStringLiteral("LostGenerations")), QString::number(generated - copied));
        const qint64 lostMs = failedAt - test::logCreationTime(targetLogs(), copied);
        QVERIFY(lostMs > 10 * 1000);
        QCOMPARE(listValue(out, QStringLiteral("LostTime")), test::timeSpanText(lostMs));
        QCOMPARE(listValue(out, QStringLiteral("LastLogCopied")), QString::number(copied));
        QVERIFY2(
            out.simplified().contains(QStringLiteral("at most %1 of mail").arg(test::timeSpanText(lostMs))),
            qPrintable(out));
    }

    void mountAtStartupAtStartHost()
    {
        QVERIFY(sh(QStringLiteral("Set-MailboxDatabase MBX2\\SG2\\DB2 -MountAtStartup $false")));
        QVERIFY(sh(QStringLiteral("Stop-Host MBX2")));
        QVERIFY(sh(QStringLiteral("Start-Host MBX2")));
        QString out;
        QVERIFY(
            sh(QStringLiteral("Get-MailboxDatabase -Server MBX2 -Status | Format-Table Name,Mounted"), &out));
        QVERIFY2(out.contains(QRegularExpression(QStringLiteral("DB1\\s+True"))), qPrintable(out));
        QVERIFY2(out.contains(QRegularExpression(QStringLiteral("DB2\\s+False"))), qPrintable(out));
        QVERIFY2(out.contains(QRegularExpression(QStringLiteral("DB3\\s+True"))), qPrintable(out));
        // On disk: a mounted database is Dirty Shutdown, one that stayed down is as the power-off left it,
        // with no process holding it (it opens for writing here).
        const auto state = [](const QString &file) {
            auto db = Database::open(test::tempDisk(), file, Database::Access::ReadOnly, file);
            return db ? (*db)->header().state : DatabaseState::JustCreated;
        };
        QCOMPARE(state(path(QStringLiteral("hosts/MBX2/C/Exchange/Data/SG1/DB1.edb"))),
                 DatabaseState::DirtyShutdown);
        // A new process mounts what the directory says is mounted: DB2 stays down there too.
        QVERIFY(reopen());
        QVERIFY(
            sh(QStringLiteral("Get-MailboxDatabase -Server MBX2 -Status | Format-Table Name,Mounted"), &out));
        QVERIFY2(out.contains(QRegularExpression(QStringLiteral("DB1\\s+True"))), qPrintable(out));
        QVERIFY2(out.contains(QRegularExpression(QStringLiteral("DB2\\s+False"))), qPrintable(out));
        // Back to the default: it mounts at the next power-on.
        QVERIFY(sh(QStringLiteral("Set-MailboxDatabase MBX2\\SG2\\DB2 -MountAtStartup $true")));
        QVERIFY(sh(QStringLiteral("Stop-Host MBX2; Start-Host MBX2")));
        QVERIFY(
            sh(QStringLiteral("Get-MailboxDatabase -Server MBX2 -Status | Format-Table Name,Mounted"), &out));
        QVERIFY2(out.contains(QRegularExpression(QStringLiteral("DB2\\s+True"))), qPrintable(out));
    }

    void seedRefusedChangesNothing()
    {
        QVERIFY(replicating());
        const QString standby = path(QStringLiteral("hosts/MBX3"));
        const QString before = treeSnapshot(standby);
        QVERIFY(!before.isEmpty());
        // The copy's files are there: only -DeleteExistingFiles replaces them.
        QString why = refusal(QStringLiteral("Update-StorageGroupCopy %1").arg(kCopyArgs));
        QVERIFY2(why.contains(QStringLiteral("-DeleteExistingFiles")), qPrintable(why));
        QCOMPARE(treeSnapshot(standby), before);
        // A seed is taken from the mounted source database.
        QVERIFY(sh(QStringLiteral(
            "Stop-MailFlow MBX1\\SG1\\DB1; Dismount-Database MBX1\\SG1\\DB1 -Confirm:$false")));
        const QString dismounted = treeSnapshot(standby);
        why = refusal(QStringLiteral("Update-StorageGroupCopy %1 -DeleteExistingFiles").arg(kCopyArgs));
        QVERIFY2(why.contains(QStringLiteral("is not mounted")), qPrintable(why));
        QCOMPARE(treeSnapshot(standby), dismounted);
        QVERIFY(!QFile::exists(targetLogs() + QStringLiteral("/seeding.inprogress")));
    }

    void seedIsSeedingThenCancelLeavesNoHalfDatabase()
    {
        QVERIFY(replicating());
        QVERIFY(QFile::exists(targetEdb()));
        for (const int cancelAt : {20, 80}) {
            std::vector<CopyStatus> during;
            auto cancelled = cmdlets::updateStorageGroupCopy(lab(), kSg, kStandby, true,
                                                             [&](int percent, const QString &) {
                                                                 during.push_back(status());
                                                                 return percent < cancelAt;
                                                             });
            QVERIFY(!cancelled.hasValue());
            QCOMPARE(cancelled.error().code, JetCode::OperationCancelled);
            // While it ran, the copy was Seeding (from 0 on the copy still ran: nothing was changed yet).
            QVERIFY(during.size() >= 2);
            for (std::size_t i = 1; i < during.size(); ++i)
                QVERIFY2(during[i].summary == SummaryCopyStatus::Seeding && during[i].seeding,
                         qPrintable(test::copyStatusText(during[i])));
            // No half database, no marker: nothing says Seeding now.
            for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
                QVERIFY2(!QFile::exists(targetEdb() + suffix), qPrintable(QString::number(cancelAt)));
            QVERIFY(!QFile::exists(targetLogs() + QStringLiteral("/seeding.inprogress")));
            QVERIFY(status().summary != SummaryCopyStatus::Seeding);
        }
        // The copy can be seeded again, and is Healthy from the seed.
        QVERIFY(sh(QStringLiteral("Update-StorageGroupCopy %1 -DeleteExistingFiles").arg(kCopyArgs)));
        QVERIFY(QFile::exists(targetEdb()));
        QVERIFY(sh(QStringLiteral("Step-Simulation 0.00:01:00")));
        QVERIFY(reopen());
        const CopyStatus s = status();
        QVERIFY2(s.summary == SummaryCopyStatus::Healthy && s.databaseExists && !s.seeding,
                 qPrintable(test::copyStatusText(s)));
    }

    void aKilledSeedLeavesTheCopyFailedInEveryProcess()
    {
        QVERIFY(replicating());
        QVERIFY(sh(QStringLiteral("Stop-MailFlow MBX1\\SG1\\DB1")));
        auto sg = lab().directory().storageGroup(kSg);
        QVERIFY(sg.hasValue() && *sg);
        CopyConfig config;
        config.identity = kSg;
        config.standbyMachine = kStandby;
        config.sourceDisk = test::tempDisk();
        config.targetDisk = test::tempDisk();
        config.sourceLogFolder = sourceLogs();
        config.targetLogFolder = targetLogs();
        config.targetEdbPath = targetEdb();
        config.databaseGuid = lab().directory().databases((*sg)->id)->front().guid;
        config.replayLagMs = 0;
        m_shell.reset(); // the seed runs in another process

        QProcess seeder;
        seeder.start(QStringLiteral(SCR_SEED_RUNNER), {m_dir->path(), kSg, kStandby, QStringLiteral("20")});
        QVERIFY(seeder.waitForStarted(10000));
        QByteArray said;
        QTRY_VERIFY_WITH_TIMEOUT((said += seeder.readAllStandardOutput()).contains("paused at 20"), 60000);
        // Seen from this process while the seed runs: the marker names the running seeder, and a copy's
        // status read from the files says Seeding.
        auto marker = CopyWorker::readSeedMarker(test::tempDisk(), targetLogs());
        QVERIFY(marker.has_value());
        QCOMPARE(marker->pid, seeder.processId());
        QVERIFY(marker->ownerRunning);
        test::ManualClock clock;
        {
            CopyWorker watcher(config, clock, {});
            QVERIFY2(watcher.status().summary == SummaryCopyStatus::Seeding && watcher.status().seeding,
                     qPrintable(test::copyStatusText(watcher.status())));
            watcher.runCycle(); // a running seed owns the files: the cycle leaves them alone
            QCOMPARE(watcher.status().summary, SummaryCopyStatus::Seeding);
        }
        ::kill(static_cast<pid_t>(seeder.processId()), SIGKILL);
        QVERIFY(seeder.waitForFinished(10000));
        {
            CopyWorker after(config, clock, {});
            const CopyStatus s = after.status();
            QVERIFY2(s.summary == SummaryCopyStatus::Failed && !s.seeding,
                     qPrintable(test::copyStatusText(s)));
            QVERIFY2(s.failedMessage.contains(QStringLiteral("Run Update-StorageGroupCopy")),
                     qPrintable(test::copyStatusText(s)));
            QVERIFY2(s.failedMessage.contains(QString::number(marker->pid)),
                     qPrintable(test::copyStatusText(s)));
        }
        // A new scr-shell process says the same, from the files.
        const test::ProcessRun other = test::runProcess(
            QStringLiteral(SCR_SHELL),
            {QStringLiteral("--lab"), m_dir->path(), QStringLiteral("-c"),
             QStringLiteral("Get-StorageGroupCopyStatus %1 | Format-List SummaryCopyStatus,Seeding")
                 .arg(kCopyArgs)},
            120000);
        QCOMPARE(other.exitCode, 0);
        QCOMPARE(listValue(other.out, QStringLiteral("SummaryCopyStatus")), QStringLiteral("Failed"));
        QCOMPARE(listValue(other.out, QStringLiteral("Seeding")), QStringLiteral("False"));
        // The lab opened again says the same, and Resume does not make a half-seeded copy look whole.
        QVERIFY(reopen());
        QVERIFY2(status().summary == SummaryCopyStatus::Failed, qPrintable(test::copyStatusText(status())));
        QVERIFY(sh(QStringLiteral("Resume-StorageGroupCopy %1").arg(kCopyArgs)));
        QVERIFY(sh(QStringLiteral("Step-Simulation 0.00:00:02")));
        QVERIFY2(status().summary == SummaryCopyStatus::Failed, qPrintable(test::copyStatusText(status())));
        // Seeding again mends it.
        QVERIFY(sh(QStringLiteral("Update-StorageGroupCopy %1 -DeleteExistingFiles").arg(kCopyArgs)));
        QVERIFY(!QFile::exists(targetLogs() + QStringLiteral("/seeding.inprogress")));
        QVERIFY(sh(QStringLiteral(
            "Start-MailFlow MBX1\\SG1\\DB1 -MessagesPerMinute 600; Step-Simulation 0.00:01:00")));
        const CopyStatus s = status();
        QVERIFY2(s.summary == SummaryCopyStatus::Healthy && s.databaseExists,
                 qPrintable(test::copyStatusText(s)));
    }

    void lastLogCopyNotifiedIsTheNewestClosedLogFound()
    {
        QVERIFY(replicating());
        QVERIFY(sh(QStringLiteral("Suspend-StorageGroupCopy %1").arg(kCopyArgs)));
        QVERIFY(sh(QStringLiteral("Step-Simulation 0.00:00:05; Stop-MailFlow MBX1\\SG1\\DB1")));
        // In step with the files while they agree.
        const auto [generated, generatedTime] = test::newestClosedAt(sourceLogs());
        QCOMPARE(status().lastLogGenerated, generated);
        QCOMPARE(status().lastLogCopyNotified, generated);
        QVERIFY(status().lastLogCopied < generated - 1); // suspended: the newest logs were not copied
        // The newest closed log goes: E00.log's header still says it was generated; it was never found
        // closed by a new process, so the copy was not notified of it.
        const QString newestName = logFileName(QStringLiteral("E00"), generated);
        const QString saved = path(QStringLiteral("saved.log"));
        QVERIFY(QFile::copy(sourceLogs() + QLatin1Char('/') + newestName, saved));
        QString out;
        QVERIFY(sh(QStringLiteral("Invoke-Fault DeleteLog -Server MBX1 -Path C:\\Exchange\\Logs\\SG1\\%1")
                       .arg(newestName),
                   &out));
        QVERIFY(!QFile::exists(sourceLogs() + QLatin1Char('/') + newestName));
        QVERIFY(reopen());
        const uint32_t found = test::closedGenerationsIn(sourceLogs()).back();
        QCOMPARE(found, generated - 1);
        CopyStatus s = status();
        QCOMPARE(s.lastLogGenerated, generated);
        QCOMPARE(s.latestAvailableLogTime, generatedTime);
        QCOMPARE(s.lastLogCopyNotified, found);
        QCOMPARE(s.lastCopyNotifiedLogTime, test::logCreationTime(sourceLogs(), found));
        QVERIFY(sh(QStringLiteral("Step-Simulation 0.00:00:03"))); // the suspended copy keeps watching
        s = status();
        QVERIFY2(s.lastLogCopyNotified == found && s.lastLogGenerated == generated,
                 qPrintable(test::copyStatusText(s)));
        // The log is put back (the database mounts again: soft recovery needs it) and the next log closes:
        // the copy is notified of the newest again.
        m_shell.reset();
        QVERIFY(QFile::copy(saved, sourceLogs() + QLatin1Char('/') + newestName));
        QVERIFY(reopen());
        QVERIFY(sh(QStringLiteral(
            "Start-MailFlow MBX1\\SG1\\DB1 -MessagesPerMinute 600; Step-Simulation 0.00:00:10")));
        s = status();
        const uint32_t newest = test::closedGenerationsIn(sourceLogs()).back();
        QVERIFY(newest > generated);
        QCOMPARE(s.lastLogGenerated, test::newestClosedAt(sourceLogs()).first);
        QVERIFY2(s.lastLogCopyNotified == newest && s.lastLogCopyNotified <= s.lastLogGenerated,
                 qPrintable(test::copyStatusText(s)));
    }

    void invokeFaultCorruptAndDeleteFromTheShell()
    {
        QVERIFY(replicating());
        QVERIFY(sh(QStringLiteral("Suspend-StorageGroupCopy %1").arg(kCopyArgs)));
        QVERIFY(sh(QStringLiteral("Step-Simulation 0.00:00:10; Stop-MailFlow MBX1\\SG1\\DB1")));
        const uint32_t inspected = test::closedGenerationsIn(targetLogs()).back();
        const uint32_t bad = inspected + 2;
        QVERIFY(test::newestClosedAt(sourceLogs()).first > bad + 2);
        const QString badName = logFileName(QStringLiteral("E00"), bad);
        const QString badFile = sourceLogs() + QLatin1Char('/') + badName;
        const QString fingerprint = test::fileFingerprint(badFile);
        QString out;
        QVERIFY(sh(QStringLiteral("Invoke-Fault CorruptLog -Server MBX1 -Path C:\\Exchange\\Logs\\SG1\\%1")
                       .arg(badName),
                   &out));
        QVERIFY2(out.contains(QStringLiteral("Corrupted byte")), qPrintable(out));
        QVERIFY(test::fileFingerprint(badFile) != fingerprint);
        // The copy takes what is good, then fails on the corrupt log, naming it, and goes no further.
        QVERIFY(sh(QStringLiteral("Resume-StorageGroupCopy %1; Step-Simulation 0.00:00:05").arg(kCopyArgs)));
        CopyStatus s = status();
        QVERIFY2(s.summary == SummaryCopyStatus::Failed, qPrintable(test::copyStatusText(s)));
        QVERIFY2(s.failedMessage.contains(
                     QStringLiteral("generation %1 (%2) is corrupt at the source").arg(bad).arg(badName)),
                 qPrintable(test::copyStatusText(s)));
        // Its fix is an SCR copy's (a reseed), not eseutil /r with /a, which is no fix for a copy.
        QVERIFY2(s.failedMessage.contains(QStringLiteral("Update-StorageGroupCopy -DeleteExistingFiles")) &&
                     !s.failedMessage.contains(QStringLiteral("with /a")),
                 qPrintable(test::copyStatusText(s)));
        QCOMPARE(test::closedGenerationsIn(targetLogs()).back(), bad - 1);
        QCOMPARE(s.lastLogInspected, bad - 1);
        // The log goes: resumed, the copy says it is missing at the source, from a new process too.
        QVERIFY(sh(QStringLiteral("Invoke-Fault DeleteLog -Server MBX1 -Path C:\\Exchange\\Logs\\SG1\\%1")
                       .arg(badName),
                   &out));
        QVERIFY(!QFile::exists(badFile));
        QVERIFY(reopen());
        QVERIFY(sh(QStringLiteral("Resume-StorageGroupCopy %1; Step-Simulation 0.00:00:03").arg(kCopyArgs)));
        s = status();
        QVERIFY2(s.summary == SummaryCopyStatus::Failed &&
                     s.failedMessage.contains(
                         QStringLiteral("generation %1 (%2) is missing at the source").arg(bad).arg(badName)),
                 qPrintable(test::copyStatusText(s)));
        // And it gives the fix: a reseed (issue 22: it once named no fix).
        QVERIFY2(s.failedMessage.contains(QStringLiteral("Suspend-StorageGroupCopy")) &&
                     s.failedMessage.contains(QStringLiteral("Update-StorageGroupCopy -DeleteExistingFiles")),
                 qPrintable(test::copyStatusText(s)));
        QCOMPARE(test::closedGenerationsIn(targetLogs()).back(), bad - 1);
    }

    void dirShowsEachFilesLength()
    {
        QVERIFY(sh(QStringLiteral("Start-MailFlow MBX1\\SG1\\DB1 -MessagesPerMinute 600 -MessageSizeKB 100; "
                                  "Step-Simulation 0.00:00:10; Stop-MailFlow MBX1\\SG1\\DB1")));
        QVERIFY(sh(QStringLiteral("Enter-PSSession MBX1")));
        for (const QString &folder : {QStringLiteral("Logs\\SG1"), QStringLiteral("Data\\SG1")}) {
            QString out;
            QVERIFY(sh(QStringLiteral("dir C:\\Exchange\\%1 | Format-Table Name,Length").arg(folder), &out));
            const QString local = path(QStringLiteral("hosts/MBX1/C/Exchange/") +
                                       QString(folder).replace(QLatin1Char('\\'), QLatin1Char('/')));
            const QStringList files = QDir(local).entryList(QDir::Files, QDir::Name);
            QVERIFY(!files.isEmpty());
            for (const QString &name : files) {
                // The length dir prints is the file's own (a log's 1 MiB, sparse or not), not a guess.
                const QRegularExpression row(
                    QStringLiteral("^%1\\s+(\\d+)\\s*$").arg(QRegularExpression::escape(name)),
                    QRegularExpression::MultilineOption);
                const auto m = row.match(out);
                QVERIFY2(m.hasMatch(), qPrintable(name + QStringLiteral("\n") + out));
                QCOMPARE(m.captured(1).toLongLong(), QFileInfo(local + QLatin1Char('/') + name).size());
            }
        }
        QCOMPARE(QFileInfo(sourceLogs() + QStringLiteral("/E00.log")).size(), qint64(1024 * 1024));
    }

    void totalItemSizeIsTheSumOfTheMessages()
    {
        // The demo lab's users hold 3 messages each, bodies of 24 * (40 + m) bytes (m = 0, 1, 2).
        const qint64 demo = 24 * (40 + 41 + 42);
        QString out;
        QVERIFY(sh(QStringLiteral("Get-MailboxStatistics -Database MBX1\\SG1\\DB1 | Format-Table "
                                  "DisplayName,ItemCount,TotalItemSize"),
                   &out));
        const QRegularExpression user(QStringLiteral("^([A-Z][a-z]+ [A-Z][a-z]+)\\s+(\\d+)\\s+(\\d+)\\s*$"),
                                      QRegularExpression::MultilineOption);
        int users = 0;
        for (auto it = user.globalMatch(out); it.hasNext();) {
            const auto m = it.next();
            QCOMPARE(m.captured(2).toLongLong(), 3);
            QCOMPARE(m.captured(3).toLongLong(), demo);
            ++users;
        }
        QCOMPARE(users, int(DemoLab::kUserMailboxesPerDatabase));
        // Mail of 100 KB a message: each mailbox grows by 100 KB for each message it got.
        QVERIFY(sh(QStringLiteral("Start-MailFlow MBX1\\SG1\\DB1 -MessagesPerMinute 600 -MessageSizeKB 100; "
                                  "Step-Simulation 0.00:00:30; Stop-MailFlow MBX1\\SG1\\DB1")));
        QVERIFY(sh(QStringLiteral("Get-MailboxStatistics -Database MBX1\\SG1\\DB1 | Format-Table "
                                  "DisplayName,ItemCount,TotalItemSize"),
                   &out));
        qint64 delivered = 0;
        users = 0;
        for (auto it = user.globalMatch(out); it.hasNext();) {
            const auto m = it.next();
            const qint64 items = m.captured(2).toLongLong();
            QVERIFY(items >= 3);
            QCOMPARE(m.captured(3).toLongLong(), demo + (items - 3) * 100 * 1024);
            delivered += items - 3;
            ++users;
        }
        QCOMPARE(users, int(DemoLab::kUserMailboxesPerDatabase));
        QVERIFY2(delivered > 0 && delivered <= 300, qPrintable(QString::number(delivered))); // 600 a minute
    }
};

QTEST_GUILESS_MAIN(TestShellCoverage)
#include "tst_shellcoverage.moc"
