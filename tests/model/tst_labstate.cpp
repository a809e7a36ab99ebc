// Robust lab state: what happens to a lab around its process rather than inside it. One process per lab,
// whatever happens to lab.lock; a damaged org.sqlite refused, never rebuilt; an unwritable lab refused with
// the fix; a database that fails to mount at open shown, not only logged; a virtual clock that never goes
// back after kill -9; a status history that stays bounded.

#include "cmdlets/storagegroupcopy.h"
#include "core/logging.h"
#include "ems/shellsession.h"
#include "lab/demolab.h"
#include "lab/lab.h"
#include "lab/labworker.h"
#include "models/organizationmodel.h"
#include "store/logfile.h"
#include "store/logfolder.h"
#include "store/logformat.h"
#include "testsupport.h"

#include <algorithm>
#include <csignal>
#include <unistd.h>

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace scr;

namespace {

using Run = test::ProcessRun;

Run shell(const QStringList &args)
{
    return test::runProcess(QStringLiteral(SCR_SHELL), args, 120000);
}

QString errorText(const Status &st)
{
    return st ? QString() : st.error().toString();
}

template <typename T> QString errorText(const Result<T> &r)
{
    return r ? QString() : r.error().toString();
}

QUuid databaseGuid(Lab &lab, const QString &storageGroup)
{
    auto sg = lab.directory().storageGroup(storageGroup);
    return lab.directory().databases((*sg)->id)->front().guid;
}

// The newest time written into the logs of a folder: every header's creation time and every record's time.
qint64 newestLogTime(const QString &folder)
{
    qint64 newest = 0;
    auto listing = listLogFolder(test::tempDisk(), folder, QStringLiteral("E00"));
    if (!listing)
        return -1;
    QStringList files;
    for (uint32_t gen : listing->closedGenerations)
        files << folder + QLatin1Char('/') + logFileName(QStringLiteral("E00"), gen);
    if (listing->hasOpenLog)
        files << folder + QStringLiteral("/E00.log");
    for (const QString &file : files) {
        auto log = LogFile::load(test::tempDisk(), file);
        if (!log)
            continue; // a log the kill tore is recovery's business, not this test's
        newest = std::max(newest, log->header().creationTimeMs);
        (void)log->scan(file.endsWith(QStringLiteral("E00.log")), [&](const LogRecordView &view) -> Status {
            newest = std::max(newest, view.timeMs);
            return {};
        });
    }
    return newest;
}

} // namespace

class TestLabState : public QObject
{
    Q_OBJECT
private:
    // A demo lab in a fresh temporary folder; the tests that only read it share nothing else.
    static bool makeLab(QTemporaryDir &dir)
    {
        test::ManualClock clock;
        return dir.isValid() && DemoLab::create(dir.path(), clock).hasValue();
    }

private Q_SLOTS:
    void initTestCase() { logging::setConsoleEcho(false); }

    // --- one process per lab ---------------------------------------------------------------------------

    void aSecondOpenInTheSameProcessIsRefused()
    {
        QTemporaryDir dir;
        QVERIFY(makeLab(dir));
        auto first = Lab::open(dir.path());
        QVERIFY2(first.hasValue(), qPrintable(errorText(first)));
        // flock on a second open file description of the folder conflicts even inside one process.
        auto second = Lab::open(dir.path());
        QVERIFY(!second.hasValue());
        QCOMPARE(second.error().code, JetCode::DatabaseInUse);
        QVERIFY2(second.error().reason.contains(QStringLiteral("pid %1").arg(::getpid())),
                 qPrintable(second.error().toString()));
        first->reset(); // closed: the lock goes with it
        auto third = Lab::open(dir.path());
        QVERIFY2(third.hasValue(), qPrintable(errorText(third)));
    }

    void deletingLabLockLetsNoSecondProcessIn()
    {
        QTemporaryDir dir;
        QVERIFY(makeLab(dir));
        auto holder = Lab::open(dir.path());
        QVERIFY2(holder.hasValue(), qPrintable(errorText(holder)));
        QVERIFY(QFile::remove(dir.filePath(QStringLiteral("lab.lock"))));

        auto again = Lab::open(dir.path());
        QVERIFY(!again.hasValue());
        QCOMPARE(again.error().code, JetCode::DatabaseInUse);
        // Another process, as the bug report had it: refused too, with nothing mounted (no -501/-528/-567).
        const Run r = shell({QStringLiteral("--lab"), dir.path(), QStringLiteral("-c"),
                             QStringLiteral("Get-MailboxDatabase -Status")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("is open in another process")), qPrintable(r.err));
        QVERIFY(!r.err.contains(QStringLiteral("-5")));
    }

    // --- a damaged directory -----------------------------------------------------------------------------

    void aDamagedDirectoryIsRefusedNotRebuilt_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("reason");
        QTest::newRow("zero bytes") << QByteArray() << QStringLiteral("is empty (0 bytes)");
        QTest::newRow("not SQLite") << QByteArray("Exchange organization backup\n").repeated(200)
                                    << QStringLiteral("is not a SQLite database");
        QTest::newRow("short") << QByteArray("SQLite") << QStringLiteral("is not a SQLite database");
    }
    void aDamagedDirectoryIsRefusedNotRebuilt()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, reason);
        QTemporaryDir dir;
        QVERIFY(makeLab(dir));
        const QString org = dir.filePath(QStringLiteral("org.sqlite"));
        for (const char *side : {"-wal", "-shm"})
            QFile::remove(org + QLatin1String(side));
        QFile file(org);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        QCOMPARE(file.write(content), content.size());
        file.close();

        auto lab = Lab::open(dir.path());
        QVERIFY(!lab.hasValue());
        QCOMPARE(lab.error().code, JetCode::None);
        QVERIFY2(lab.error().reason.contains(reason), qPrintable(lab.error().toString()));
        QVERIFY(lab.error().object.endsWith(QStringLiteral("org.sqlite")));
        QVERIFY(lab.error().fix.contains(QStringLiteral("restore org.sqlite from a backup")));
        QVERIFY(lab.error().fix.contains(QStringLiteral("--new-demo")));

        const Run r = shell({QStringLiteral("--lab"), dir.path(), QStringLiteral("-c"),
                             QStringLiteral("Get-ExchangeServer")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(reason) && r.err.contains(QStringLiteral("restore org.sqlite")),
                 qPrintable(r.err));
        // Nothing rebuilt it: the bytes are the damaged ones still.
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), content);
        QVERIFY(!QFile::exists(org + QStringLiteral("-wal")));
    }

    void aFolderThatIsNotALabGetsNothingWritten()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QFile note(dir.filePath(QStringLiteral("notes.txt")));
        QVERIFY(note.open(QIODevice::WriteOnly));
        note.write("not a lab\n");
        note.close();
        auto lab = Lab::open(dir.path());
        QVERIFY(!lab.hasValue());
        QCOMPARE(lab.error().code, JetCode::None);
        QVERIFY(lab.error().reason.contains(QStringLiteral("is not a lab folder")));
        QVERIFY(!Directory::open(dir.path()).hasValue());
        test::ManualClock clock;
        QVERIFY(!DemoLab::create(dir.path(), clock).hasValue()); // not empty: no demo lab over it
        const Run r = shell({QStringLiteral("--lab"), dir.path(), QStringLiteral("-c"),
                             QStringLiteral("Get-ExchangeServer")});
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot),
                 QStringList{QStringLiteral("notes.txt")});
    }

    // --- an unwritable lab -------------------------------------------------------------------------------

    void anUnwritableLabIsRefusedWithTheFix()
    {
        QTemporaryDir dir;
        QVERIFY(makeLab(dir));
        // As root, permissions do not stop a write: test::makeReadOnly makes the folder immutable then
        // (chattr +i), which stops root too. Where neither works, this case cannot be staged.
        if (!test::makeReadOnly(dir.path()))
            QSKIP("cannot make a folder read-only here (not root and no chmod, or no chattr)");
        auto lab = Lab::open(dir.path());
        const Run r = shell({QStringLiteral("--lab"), dir.path(), QStringLiteral("-c"),
                             QStringLiteral("Get-ExchangeServer")});
        test::makeWritable(dir.path());
        QVERIFY(!lab.hasValue());
        QCOMPARE(lab.error().code, JetCode::FileAccessDenied);
        QVERIFY2(lab.error().reason.contains(QStringLiteral("is not writable")), qPrintable(errorText(lab)));
        QVERIFY(lab.error().fix.contains(QStringLiteral("chmod")));
        QVERIFY2(!r.crashed, qPrintable(r.err)); // was: abort on an uncaught spdlog::spdlog_ex
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("is not writable")), qPrintable(r.err));
    }

    void aLogThatCannotBeOpenedIsAnErrorNotAnAbort()
    {
        // Staged for root too: a folder where the log file should be cannot be opened for writing by anyone.
        QTemporaryDir dir;
        QVERIFY(makeLab(dir));
        const QString log = dir.filePath(QStringLiteral("logs/scr.log"));
        QVERIFY(QFile::remove(log));
        QVERIFY(QDir().mkpath(log));
        const Status attached = logging::attachToLab(dir.path());
        QVERIFY(!attached.hasValue());
        QCOMPARE(attached.error().code, JetCode::FileAccessDenied);
        QVERIFY2(attached.error().reason.contains(QStringLiteral("cannot be opened for writing")),
                 qPrintable(errorText(attached)));
        auto lab = Lab::open(dir.path());
        QVERIFY(!lab.hasValue());
        QVERIFY(lab.error().object.endsWith(QStringLiteral("scr.log")));
        const Run r = shell({QStringLiteral("--lab"), dir.path(), QStringLiteral("-c"),
                             QStringLiteral("Get-ExchangeServer")});
        QVERIFY2(!r.crashed, qPrintable(r.err));
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("scr.log")), qPrintable(r.err));
    }

    // --- a database that fails to mount at open ----------------------------------------------------------

    void aMountFailureAtOpenIsShown()
    {
        QTemporaryDir dir;
        QVERIFY(makeLab(dir));
        const QString edb = dir.filePath(QStringLiteral("hosts/MBX1/C/Exchange/Data/SG1/DB1.edb"));
        QVERIFY(QFile::exists(edb));
        for (const char *side : {"-wal", "-shm"})
            QFile::remove(edb + QLatin1String(side));
        QFile file(edb);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(QByteArray(8192, 'x'));
        file.close();
        {
            auto lab = Lab::open(dir.path()); // the other databases mount; this one cannot
            QVERIFY2(lab.hasValue(), qPrintable(errorText(lab)));
            const QUuid db1 = databaseGuid(**lab, QStringLiteral("MBX1\\SG1"));
            QVERIFY(!(*lab)->mountedDatabase(db1));
            QVERIFY((*lab)->mountedDatabase(databaseGuid(**lab, QStringLiteral("MBX1\\SG2"))));
            const auto failed = (*lab)->mountError(db1);
            QVERIFY(failed.has_value());
            auto events = (*lab)->directory().events(50);
            QVERIFY(std::any_of(events->begin(), events->end(), [](const EventRecord &e) {
                return e.eventId == 1002 && e.level == QStringLiteral("Error") &&
                       e.source == QStringLiteral("MSExchangeIS") &&
                       e.text.contains(QStringLiteral("MBX1\\SG1\\DB1 could not be mounted"));
            }));
        }
        // The shell: Mounted False, and why.
        const Run r = shell({QStringLiteral("--lab"), dir.path(), QStringLiteral("-c"),
                             QStringLiteral("Get-MailboxDatabase MBX1\\SG1\\DB1 -Status | fl")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QRegularExpression(QStringLiteral("Mounted\\s+: False"))), qPrintable(r.out));
        QVERIFY2(r.out.contains(QRegularExpression(QStringLiteral("MountError\\s+: \\S"))),
                 qPrintable(r.out));
        const Run healthy = shell({QStringLiteral("--lab"), dir.path(), QStringLiteral("-c"),
                                   QStringLiteral("Get-MailboxDatabase MBX1\\SG2\\DB2 -Status | fl")});
        QVERIFY2(healthy.out.contains(QRegularExpression(QStringLiteral("Mounted\\s+: True"))),
                 qPrintable(healthy.out));

        // The console: the tree shows the database as failed to mount, with the error.
        LabWorker worker(dir.path());
        QSignalSpy opened(&worker, &LabWorker::opened);
        worker.open();
        QCOMPARE(opened.size(), 1);
        QVERIFY2(opened.at(0).at(0).toBool(), qPrintable(opened.at(0).at(1).toString()));
        const LabSnapshot snapshot = worker.snapshot();
        OrganizationModel model;
        model.setSnapshot(snapshot);
        const QModelIndex db = model.indexOfKey(QStringLiteral("db:MBX1\\SG1\\DB1"));
        QVERIFY(db.isValid());
        const QString status = db.siblingAtColumn(OrganizationModel::StatusColumn).data().toString();
        QVERIFY2(status.startsWith(QStringLiteral("Failed to mount: ")), qPrintable(status));
        QVERIFY(db.data(OrganizationModel::AttentionRole).toBool());
    }

    // --- the virtual clock -------------------------------------------------------------------------------

    void theClockNeverGoesBackAfterKillNine()
    {
        QTemporaryDir dir;
        QVERIFY(makeLab(dir));
        qint64 before = 0;
        {
            auto lab = Lab::open(dir.path());
            QVERIFY(lab.hasValue());
            before = (*lab)->clock().nowMs();
        }
        // One long Step-Simulation (a virtual day), killed in the middle: the clock was saved only at its
        // end before, so the lab came back at the start of it, behind the logs it had written.
        QProcess child;
        child.setProgram(QStringLiteral(SCR_SHELL));
        child.setArguments({QStringLiteral("--lab"), dir.path(), QStringLiteral("-c"),
                            QStringLiteral("Start-MailFlow MBX1\\SG1\\DB1 -MessagesPerMinute 600; "
                                           "Step-Simulation -Duration 1.00:00:00")});
        child.setStandardInputFile(QProcess::nullDevice());
        child.start();
        QVERIFY(child.waitForStarted());
        const QString logs = dir.filePath(QStringLiteral("hosts/MBX1/C/Exchange/Logs/SG1"));
        const auto generations = [&] {
            auto listing = listLogFolder(test::tempDisk(), logs, QStringLiteral("E00"));
            return listing ? listing->closedGenerations.size() : std::size_t(0);
        };
        const std::size_t start = generations();
        QTRY_VERIFY_WITH_TIMEOUT(generations() >= start + 8 || child.state() != QProcess::Running, 60000);
        QVERIFY2(child.state() == QProcess::Running, "Step-Simulation ended before it could be killed");
        ::kill(static_cast<pid_t>(child.processId()), SIGKILL);
        QVERIFY(child.waitForFinished(10000));

        const qint64 written = newestLogTime(logs);
        QVERIFY(written > before + 8 * 1000);
        auto lab = Lab::open(dir.path());
        QVERIFY2(lab.hasValue(), qPrintable(errorText(lab)));
        const qint64 now = (*lab)->clock().nowMs();
        QVERIFY2(now >= written, qPrintable(QStringLiteral("the clock went back: %1 < %2 (%3 ms)")
                                                .arg(now)
                                                .arg(written)
                                                .arg(written - now)));
        // ... and not far ahead either: the lease is a virtual minute.
        QVERIFY2(now <= written + 3 * 60 * 1000, qPrintable(QString::number(now - written)));
    }

    void theClockResumesAfterTheNewestEvent()
    {
        // Belt and braces: a time the directory holds (an event) is never in the clock's future at open.
        QTemporaryDir dir;
        QVERIFY(makeLab(dir));
        qint64 late = 0;
        {
            auto lab = Lab::open(dir.path());
            QVERIFY(lab.hasValue());
            late = (*lab)->clock().nowMs() + 3600 * 1000;
            auto other = Directory::open(dir.path()); // an event another process wrote
            QVERIFY(other.hasValue());
            QVERIFY((*other)->addEvent({0, late, 6005, QStringLiteral("Information"),
                                        QStringLiteral("EventLog"), QStringLiteral("later")}));
        }
        auto lab = Lab::open(dir.path());
        QVERIFY(lab.hasValue());
        QVERIFY((*lab)->clock().nowMs() >= late);
    }

    // --- the status history ------------------------------------------------------------------------------

    void theStatusHistoryStaysBounded()
    {
        QTemporaryDir dir;
        QVERIFY(makeLab(dir));
        auto lab = Lab::open(dir.path());
        QVERIFY(lab.hasValue());
        auto copy = cmdlets::enableStorageGroupCopy(
            **lab, {QStringLiteral("MBX1\\SG1"), QStringLiteral("MBX3"), 0, 0});
        QVERIFY2(copy.hasValue(), qPrintable(errorText(copy)));
        const qint64 copyId = copy->id;
        // Samples from long ago, as a lab left for weeks would have: beyond seven days they go.
        const qint64 start = (*lab)->clock().nowMs();
        std::vector<StatusSample> old;
        for (int i = 0; i < 100; ++i)
            old.push_back(
                {copyId, start - 8 * 24 * 3600 * 1000LL + i * 60000, 0, 0, QStringLiteral("Healthy")});
        auto other = Directory::open(dir.path()); // a history another process wrote
        QVERIFY(other.hasValue());
        QVERIFY((*other)->addSamples(old).hasValue());

        QVERIFY((*lab)->stepSimulation(26 * 3600 * 1000LL, 60 * 1000).hasValue()); // a day and two hours
        const qint64 now = (*lab)->clock().nowMs();
        auto all = (*lab)->directory().samples(copyId);
        QVERIFY(all.hasValue());
        // Every minute of the last two hours, one per ten minutes before that, nothing older than 7 days.
        const std::size_t bound = 121 + std::size_t(24 * 6) + 2;
        QVERIFY2(all->size() <= bound, qPrintable(QString::number(all->size())));
        QVERIFY(all->front().timeMs >= now - Lab::kHistoryKeepMs);
        auto recent = (*lab)->directory().samples(copyId, now - Lab::kHistoryFullResolutionMs);
        QVERIFY2(recent->size() >= 119, qPrintable(QString::number(recent->size())));
        // Older samples are one per ten-minute bucket (the bucket at the window's edge is still filling).
        for (std::size_t i = 1; i < all->size(); ++i) {
            if ((*all)[i].timeMs >= now - Lab::kHistoryFullResolutionMs - Lab::kHistoryBucketMs)
                break;
            QVERIFY2((*all)[i].timeMs - (*all)[i - 1].timeMs >= Lab::kHistoryBucketMs - 60 * 1000,
                     qPrintable(QStringLiteral("samples %1 and %2 apart").arg(i - 1).arg(i)));
        }
        QCOMPARE(*(*lab)->directory().sampleCount(), qint64(all->size()));
    }
};

QTEST_GUILESS_MAIN(TestLabState)
#include "tst_labstate.moc"
