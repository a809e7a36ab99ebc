// Failure survives a fresh process: a copy that failed (a corrupt source log, a damaged standby database, a
// full standby disk, a link in its inspector folder, a seed killed while it was suspended) reads Failed, with
// its reason, in a new scr-shell (a child process) and in the console's first snapshot (a new LabWorker),
// before any cycle finds the cause again. The failure goes only when an administrator resumes or reseeds the
// copy, or the replication service finds the cause gone: each direction is checked from a new process.

#include "cmdlets/hostdiskspace.h"
#include "cmdlets/mailboxdatabase.h"
#include "cmdlets/storagegroupcopy.h"
#include "lab/demolab.h"
#include "lab/lab.h"
#include "lab/labworker.h"
#include "labfixture.h"
#include "sim/faultinjector.h"
#include "store/logformat.h"
#include "testsupport.h"

#include <cerrno>
#include <csignal>
#include <cstring>

#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace scr;

namespace {

const QString kSg = QStringLiteral("MBX1\\SG1");
const QString kStandby = QStringLiteral("MBX3");
const QString kCopyArgs = QStringLiteral("MBX1\\SG1 -StandbyMachine MBX3");

// A property of a Format-List record; a long value goes on over the lines that follow, indented.
QString listValue(const QString &output, const QString &name)
{
    const QStringList lines = output.split(QLatin1Char('\n'));
    const QRegularExpression start(QStringLiteral("^%1\\s*:\\s?(.*)$").arg(name));
    const QRegularExpression next(QStringLiteral("^\\S+\\s*:"));
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const auto m = start.match(lines[i]);
        if (!m.hasMatch())
            continue;
        QString value = m.captured(1).trimmed();
        for (qsizetype j = i + 1;
             j < lines.size() && !lines[j].trimmed().isEmpty() && !next.match(lines[j]).hasMatch(); ++j)
            value += QLatin1Char(' ') + lines[j].trimmed();
        return value;
    }
    return {};
}

} // namespace

// A check made in a helper: the test function stops at the helper's first failure too.
#define CHECK(call)                                                                                          \
    do {                                                                                                     \
        call;                                                                                                \
        if (QTest::currentTestFailed())                                                                      \
            return;                                                                                          \
    } while (false)

class TestFailureTruth : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_template;
    test::ManualClock m_clock;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Lab> m_lab;

    QString sourceLogs() const { return m_dir->filePath(QStringLiteral("hosts/MBX1/C/Exchange/Logs/SG1")); }
    QString targetLogs() const { return m_dir->filePath(QStringLiteral("hosts/MBX3/C/Exchange/Logs/SG1")); }
    QString targetEdb() const
    {
        return m_dir->filePath(QStringLiteral("hosts/MBX3/C/Exchange/Data/SG1/DB1.edb"));
    }

    CopyStatus status()
    {
        auto rows = cmdlets::getStorageGroupCopyStatus(*m_lab, kSg, kStandby);
        if (!rows || rows->size() != 1)
            qFatal("no status row");
        return rows->front().status;
    }
    bool reopen()
    {
        m_lab.reset();
        auto lab = Lab::open(m_dir->path());
        if (!lab)
            return false;
        m_lab = std::move(*lab);
        return true;
    }
    // A new scr-shell runs script on the lab (this process holds no lab while it runs).
    test::ProcessRun shell(const QString &script)
    {
        m_lab.reset();
        return test::runProcess(QStringLiteral(SCR_SHELL),
                                {QStringLiteral("--lab"), m_dir->path(), QStringLiteral("-c"), script},
                                120000);
    }
    // What a new scr-shell says of the copy, before anything runs a cycle.
    QString freshShellStatus()
    {
        const test::ProcessRun run =
            shell(QStringLiteral("Get-StorageGroupCopyStatus %1 | Format-List "
                                 "SummaryCopyStatus,Failed,FailedMessage,Suspend,Seeding")
                      .arg(kCopyArgs));
        if (run.exitCode != 0)
            return QStringLiteral("scr-shell failed: ") + run.err;
        return run.out;
    }
    // What the console's first snapshot says of the copy (a new LabWorker, no tick).
    CopyStatus consoleStatus()
    {
        m_lab.reset();
        LabWorker worker(m_dir->path());
        worker.open();
        const LabSnapshot snapshot = worker.snapshot();
        for (const CopySnapshot &c : snapshot.allCopies())
            if (c.status.standbyMachine.compare(kStandby, Qt::CaseInsensitive) == 0)
                return c.status;
        qFatal("no copy in the snapshot");
    }
    // The copy reads Failed with a reason holding why, in a new scr-shell and in the console.
    void verifyFailedEverywhere(const QString &why)
    {
        const QString out = freshShellStatus();
        QVERIFY2(listValue(out, QStringLiteral("SummaryCopyStatus")) == QStringLiteral("Failed"),
                 qPrintable(out));
        QVERIFY2(listValue(out, QStringLiteral("Failed")) == QStringLiteral("True"), qPrintable(out));
        QVERIFY2(listValue(out, QStringLiteral("FailedMessage")).contains(why), qPrintable(out));
        const CopyStatus console = consoleStatus();
        QVERIFY2(console.summary == SummaryCopyStatus::Failed && console.failed &&
                     console.failedMessage.contains(why),
                 qPrintable(test::copyStatusText(console)));
        QVERIFY(console.failedEventId > 0);
        QVERIFY(console.failedTimeMs > 0);
    }
    void verifyNotFailedInAFreshShell()
    {
        const QString out = freshShellStatus();
        QVERIFY2(listValue(out, QStringLiteral("SummaryCopyStatus")) != QStringLiteral("Failed") &&
                     listValue(out, QStringLiteral("Failed")) == QStringLiteral("False") &&
                     listValue(out, QStringLiteral("FailedMessage")).isEmpty(),
                 qPrintable(out));
    }
    QString errorOf(const Status &st) { return st ? QString() : st.error().toString(); }

private Q_SLOTS:
    void initTestCase() { QVERIFY(DemoLab::create(m_template.path(), m_clock).hasValue()); }

    void init()
    {
        // A copy of the demo lab with an SCR copy (no lag) that has replicated and replayed 2 virtual
        // minutes of mail.
        m_dir = std::make_unique<QTemporaryDir>();
        QDirIterator it(m_template.path(), QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString from = it.next();
            const QString to = m_dir->path() + from.mid(m_template.path().size());
            QDir().mkpath(QFileInfo(to).absolutePath());
            QFile::copy(from, to);
        }
        QDir().mkpath(m_dir->filePath(QStringLiteral("hosts/MBX3/C")));
        QVERIFY(reopen());
        QVERIFY(cmdlets::enableStorageGroupCopy(*m_lab, {kSg, kStandby, 0, 0}).hasValue());
        auto sg = m_lab->directory().storageGroup(kSg);
        QVERIFY(m_lab->startMailFlow(m_lab->directory().databases((*sg)->id)->front().guid, 600, 100 * 1024)
                    .hasValue());
        QVERIFY(m_lab->stepSimulation(2 * 60 * 1000).hasValue());
        const CopyStatus s = status();
        QVERIFY2(s.summary == SummaryCopyStatus::Healthy && s.databaseExists,
                 qPrintable(test::copyStatusText(s)));
    }
    void cleanup()
    {
        m_lab.reset();
        m_dir.reset();
    }

    // Event 2105: a log corrupt at the source. Resume clears it (a fresh process sees it cleared); the next
    // cycle finds the cause again and the failure is kept again.
    void corruptSourceLogStaysFailedUntilResumed()
    {
        QVERIFY(cmdlets::suspendStorageGroupCopy(*m_lab, kSg, kStandby, {}).hasValue());
        QVERIFY(m_lab->stepSimulation(10 * 1000).hasValue());
        const uint32_t gen = status().lastLogCopied + 1;
        const QString log = sourceLogs() + QLatin1Char('/') + logFileName(QStringLiteral("E00"), gen);
        QVERIFY(QFile::exists(log));
        QVERIFY(FaultInjector::corruptFile(m_lab->hostDisk(QStringLiteral("MBX1")), log).hasValue());
        QVERIFY(cmdlets::resumeStorageGroupCopy(*m_lab, kSg, kStandby).hasValue());
        QVERIFY(m_lab->stepSimulation(10 * 1000).hasValue());
        CopyStatus s = status();
        QVERIFY2(s.summary == SummaryCopyStatus::Failed && s.failedEventId == 2105 &&
                     s.failedMessage.contains(QStringLiteral("corrupt at the source")),
                 qPrintable(test::copyStatusText(s)));
        CHECK(verifyFailedEverywhere(QStringLiteral("generation %1 (%2) is corrupt at the source")
                                         .arg(gen)
                                         .arg(logFileName(QStringLiteral("E00"), gen))));
        // Resumed by an administrator in one process: the next process sees no failure before a cycle.
        const test::ProcessRun resumed = shell(QStringLiteral("Resume-StorageGroupCopy %1").arg(kCopyArgs));
        QVERIFY2(resumed.exitCode == 0, qPrintable(resumed.err));
        CHECK(verifyNotFailedInAFreshShell());
        // The cause is still there: the service finds it again, and it is kept again.
        QVERIFY(reopen());
        QVERIFY(m_lab->stepSimulation(10 * 1000).hasValue());
        s = status();
        QVERIFY2(s.summary == SummaryCopyStatus::Failed && s.failedEventId == 2105,
                 qPrintable(test::copyStatusText(s)));
        CHECK(verifyFailedEverywhere(QStringLiteral("corrupt at the source")));
    }

    // Found beside the examples: a log deleted at the source before the copy had it (2104, a permanent
    // failure: the copy needs a seed). The directory's row holds the failure, its event and time.
    void logMissingAtTheSourceStaysFailed()
    {
        QVERIFY(cmdlets::suspendStorageGroupCopy(*m_lab, kSg, kStandby, {}).hasValue());
        QVERIFY(m_lab->stepSimulation(10 * 1000).hasValue());
        const uint32_t gen = status().lastLogCopied + 1;
        const QString log = sourceLogs() + QLatin1Char('/') + logFileName(QStringLiteral("E00"), gen);
        QVERIFY(FaultInjector::deleteFile(m_lab->hostDisk(QStringLiteral("MBX1")), log).hasValue());
        QVERIFY(cmdlets::resumeStorageGroupCopy(*m_lab, kSg, kStandby).hasValue());
        QVERIFY(m_lab->stepSimulation(5 * 1000).hasValue());
        const CopyStatus s = status();
        QVERIFY2(s.summary == SummaryCopyStatus::Failed && s.failedEventId == 2104 &&
                     s.failedMessage.contains(QStringLiteral("missing at the source")),
                 qPrintable(test::copyStatusText(s)));
        const qint64 copyId = m_lab->directory().copies()->front().id;
        m_lab.reset();
        {
            auto directory = Directory::open(m_dir->path());
            QVERIFY(directory.hasValue());
            auto kept = (*directory)->copyFailure(copyId);
            QVERIFY(kept.hasValue() && kept->has_value());
            QCOMPARE((*kept)->eventId, 2104);
            QCOMPARE((*kept)->message, s.failedMessage);
            QCOMPARE((*kept)->timeMs, s.failedTimeMs);
            QVERIFY((*kept)->permanent);
        }
        CHECK(verifyFailedEverywhere(QStringLiteral("missing at the source")));
    }

    // A zeroed standby .edb: replay fails (2107); a reseed (Update-StorageGroupCopy) clears it.
    void zeroedStandbyDatabaseStaysFailedUntilReseeded()
    {
        m_lab.reset();
        QFile edb(targetEdb());
        QVERIFY(edb.open(QIODevice::ReadWrite));
        const qint64 size = edb.size();
        QVERIFY(size > 0);
        QVERIFY(edb.write(QByteArray(size, '\0')) == size);
        edb.close();
        QVERIFY(reopen());
        QVERIFY(m_lab->stepSimulation(10 * 1000).hasValue());
        const CopyStatus s = status();
        QVERIFY2(s.summary == SummaryCopyStatus::Failed, qPrintable(test::copyStatusText(s)));
        const QString why = s.failedMessage.left(30);
        CHECK(verifyFailedEverywhere(why));
        const test::ProcessRun reseeded =
            shell(QStringLiteral("Update-StorageGroupCopy %1 -DeleteExistingFiles").arg(kCopyArgs));
        QVERIFY2(reseeded.exitCode == 0, qPrintable(reseeded.out + reseeded.err));
        CHECK(verifyNotFailedInAFreshShell());
    }

    // A real ENOSPC on the standby (its disk filled): Failed in every process until space returns, then the
    // service finds the cause gone, and a new process sees the failure cleared.
    void fullStandbyDiskStaysFailedUntilTheServiceFindsSpace()
    {
        auto filled = cmdlets::fillDisk(*m_lab, kStandby, std::nullopt);
        QVERIFY2(filled.hasValue(), qPrintable(filled.hasValue() ? QString() : filled.error().toString()));
        QVERIFY(m_lab->stepSimulation(10 * 1000).hasValue());
        const CopyStatus s = status();
        QVERIFY2(s.summary == SummaryCopyStatus::Failed, qPrintable(test::copyStatusText(s)));
        QVERIFY2(s.failedMessage.contains(QStringLiteral("space")) ||
                     s.failedMessage.contains(QStringLiteral("full")),
                 qPrintable(test::copyStatusText(s)));
        CHECK(verifyFailedEverywhere(s.failedMessage.left(30)));
        const test::ProcessRun freed =
            shell(QStringLiteral("Invoke-Fault FreeDisk -Server MBX3; Step-Simulation 0.00:00:05"));
        QVERIFY2(freed.exitCode == 0, qPrintable(freed.out + freed.err));
        CHECK(verifyNotFailedInAFreshShell());
    }

    // A link planted in the copy's inspector folder: the copy refuses it and is Failed in every process
    // until the link goes.
    void linkInInspectorStaysFailedUntilItGoes()
    {
        m_lab.reset();
        QTemporaryDir outside;
        const QString inspector = targetLogs() + QStringLiteral("/inspector");
        QVERIFY(QDir(inspector).removeRecursively());
        QVERIFY(QFile::link(outside.path(), inspector));
        QVERIFY(reopen());
        QVERIFY(m_lab->stepSimulation(10 * 1000).hasValue());
        const CopyStatus s = status();
        QVERIFY2(s.summary == SummaryCopyStatus::Failed && s.failedMessage.contains(QStringLiteral("link")),
                 qPrintable(test::copyStatusText(s)));
        CHECK(verifyFailedEverywhere(QStringLiteral("link")));
        QVERIFY(QDir(outside.path()).isEmpty());
        QVERIFY(QFile::remove(inspector));
        const test::ProcessRun stepped = shell(QStringLiteral("Step-Simulation 0.00:00:05"));
        QVERIFY2(stepped.exitCode == 0, qPrintable(stepped.out + stepped.err));
        CHECK(verifyNotFailedInAFreshShell());
    }

    // A seed killed while the copy was suspended: its files are gone; it reads Failed with the reason, not
    // Suspended.
    void killedSeedOfASuspendedCopyReadsFailed()
    {
        QVERIFY(cmdlets::suspendStorageGroupCopy(*m_lab, kSg, kStandby, QStringLiteral("reseed")).hasValue());
        m_lab.reset();
        QProcess seeder;
        seeder.start(QStringLiteral(SCR_SEED_RUNNER), {m_dir->path(), kSg, kStandby, QStringLiteral("20")});
        QVERIFY(seeder.waitForStarted(10000));
        QByteArray said;
        QTRY_VERIFY_WITH_TIMEOUT((said += seeder.readAllStandardOutput()).contains("paused at 20"), 60000);
        ::kill(static_cast<pid_t>(seeder.processId()), SIGKILL);
        QVERIFY(seeder.waitForFinished(10000));
        QVERIFY(!QFile::exists(targetEdb())); // the seed deleted the copy's files before it was killed
        CHECK(verifyFailedEverywhere(QStringLiteral("did not finish")));
        const QString out = freshShellStatus();
        QCOMPARE(listValue(out, QStringLiteral("Seeding")), QStringLiteral("False"));
        QCOMPARE(listValue(out, QStringLiteral("Suspend")), QStringLiteral("True")); // still suspended, too
    }

    // The disk fault reaches every writer through HostDisk and every File opened before it: EROFS refuses
    // writes and lets reads go on; EIO refuses both; mended, both work again.
    void diskFaultReachesEveryWriter()
    {
        QTemporaryDir lab;
        QVERIFY(QDir().mkpath(lab.filePath(QStringLiteral("hosts/H/C/Data"))));
        HostDisk disk(lab.path(), QStringLiteral("H"));
        QVERIFY(disk.writeAtomically(QStringLiteral("C:\\Data\\a.bin"), QByteArray(4096, 'a')).hasValue());
        auto file = disk.open(QStringLiteral("C:\\Data\\a.bin"), File::Mode::ReadWrite);
        QVERIFY(file.hasValue());
        char byte = 0;
        const auto writes = [&]() -> QList<Status> {
            return {file->writeAt(0, "b", 1),
                    file->syncData(),
                    file->setLength(8192),
                    disk.writeAtomically(QStringLiteral("C:\\Data\\b.bin"), "b"),
                    disk.makeFolders(QStringLiteral("C:\\Data\\New")),
                    disk.rename(QStringLiteral("C:\\Data\\a.bin"), QStringLiteral("C:\\Data\\c.bin")),
                    disk.removeFile(QStringLiteral("C:\\Data\\a.bin")),
                    [&]() -> Status {
                        auto opened = disk.open(QStringLiteral("C:\\Data\\a.bin"), File::Mode::ReadWrite);
                        if (opened)
                            return {};
                        return opened.error();
                    }()};
        };
        for (const int err : {EROFS, EIO}) {
            disk.setIoFault(err);
            const QString why = QString::fromLocal8Bit(std::strerror(err));
            const QList<Status> refused = writes();
            for (qsizetype i = 0; i < refused.size(); ++i)
                QVERIFY2(!refused[i] && refused[i].error().reason.contains(why),
                         qPrintable(QStringLiteral("write %1 under %2: %3")
                                        .arg(i)
                                        .arg(why, refused[i] ? QStringLiteral("done")
                                                             : refused[i].error().toString())));
            const bool readable = err == EROFS;
            QCOMPARE(file->readAt(0, &byte, 1).hasValue(), readable);
            QCOMPARE(disk.readAll(QStringLiteral("C:\\Data\\a.bin")).hasValue(), readable);
            QCOMPARE(disk.fault(false), readable ? 0 : EIO);
            QCOMPARE(disk.fault(true), err);
        }
        // Nothing changed under the fault: the file is whole, nothing was made.
        disk.setIoFault(0);
        QCOMPARE(disk.readAll(QStringLiteral("C:\\Data\\a.bin")).value(), QByteArray(4096, 'a'));
        QVERIFY(!disk.exists(QStringLiteral("C:\\Data\\b.bin")));
        QVERIFY(!disk.exists(QStringLiteral("C:\\Data\\New")));
        QVERIFY(file->writeAt(0, "b", 1).hasValue());
        QVERIFY(file->readAt(0, &byte, 1).hasValue());
        QCOMPARE(byte, 'b');
    }

    // The source's disk goes read-only (EROFS) or fails every I/O (EIO) mid-run: every database on it stops
    // reading Mounted at the next step (dismounted, event 482, the reason kept), the copy whose source it
    // holds is not Healthy, in this process and in a new one; mended, the copy recovers by itself.
    void failedSourceDiskDismountsItsDatabasesAndFailsTheCopy_data()
    {
        QTest::addColumn<int>("err");
        QTest::addColumn<QString>("why");
        QTest::newRow("read-only") << EROFS << QStringLiteral("read-only");
        QTest::newRow("I/O error") << EIO << QStringLiteral("I/O errors");
    }
    void failedSourceDiskDismountsItsDatabasesAndFailsTheCopy()
    {
        QFETCH(int, err);
        QFETCH(QString, why);
        auto before = cmdlets::getMailboxDatabase(*m_lab, {}, QStringLiteral("MBX1"));
        QVERIFY(before.hasValue() && !before->empty());
        for (const MailboxDatabaseRow &row : *before)
            QVERIFY2(row.mounted, qPrintable(row.identity()));
        QVERIFY(m_lab->setHostDiskFault(QStringLiteral("MBX1"), err).hasValue());
        QVERIFY(m_lab->stepSimulation(5 * 1000).hasValue());
        // This process: no database of MBX1 reads Mounted, each says why; the copy is Failed.
        auto after = cmdlets::getMailboxDatabase(*m_lab, {}, QStringLiteral("MBX1"));
        QVERIFY(after.hasValue());
        QCOMPARE(after->size(), before->size());
        for (const MailboxDatabaseRow &row : *after)
            QVERIFY2(!row.mounted && row.mountError.contains(why),
                     qPrintable(row.identity() + QStringLiteral(": ") + row.mountError));
        int dismounted = 0;
        for (const EventRecord &e : *m_lab->directory().events())
            dismounted += e.eventId == 482 && e.text.contains(why) ? 1 : 0;
        QCOMPARE(dismounted, int(before->size()));
        const CopyStatus s = status();
        QVERIFY2(s.summary == SummaryCopyStatus::Failed && s.failedMessage.contains(why),
                 qPrintable(test::copyStatusText(s)));
        // A new process: the disk is still failed (the directory says so), nothing mounts, the copy is
        // Failed from the first look.
        CHECK(verifyFailedEverywhere(why));
        const test::ProcessRun dbs =
            shell(QStringLiteral("Get-MailboxDatabase -Server MBX1 -Status | Format-List Identity,Mounted"));
        QVERIFY2(dbs.exitCode == 0, qPrintable(dbs.err));
        QCOMPARE(dbs.out.count(QRegularExpression(QStringLiteral("^Mounted\\s*:\\s*False"),
                                                  QRegularExpression::MultilineOption)),
                 qsizetype(before->size()));
        QVERIFY2(!dbs.out.contains(QStringLiteral("True")), qPrintable(dbs.out));
        // Mended, mounted, and the copy recovers by itself; a new process sees it so.
        const test::ProcessRun mended =
            shell(QStringLiteral("Invoke-Fault ClearDiskFault -Server MBX1; Mount-Database MBX1\\SG1\\DB1; "
                                 "Step-Simulation 0.00:00:05"));
        QVERIFY2(mended.exitCode == 0, qPrintable(mended.out + mended.err));
        CHECK(verifyNotFailedInAFreshShell());
    }
};

QTEST_GUILESS_MAIN(TestFailureTruth)
#include "tst_failuretruth.moc"
