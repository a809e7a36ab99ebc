// Power loss (README "Reliability"): a workload runs in a child process under scr-fsrecorder (LD_PRELOAD),
// which records every file-system call beneath its folder with the bytes written; the crash states a power
// loss could leave are built from the folder's snapshot and that trace (powerloss/crashstates.h: unsynced
// operations dropped, reordered, torn), and the product's own recovery runs on each. Every state must recover
// with everything the workload had acknowledged before the crash, or be refused with an error that names
// what is wrong while nothing was acknowledged yet. Never a crash, a hang, or silent loss.

#include "powerloss/crashstates.h"
#include "powerloss/powerlossworkload.h"

#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace scr;
using namespace scr::powerloss;

namespace {

struct Outcome
{
    ExploreStats stats;
    std::vector<Op> ops;
    int recovered = 0;
    int refused = 0;
    int failed = 0;
    QStringList failures; // the first few
};

using Check = std::function<Verdict(const QString &stateDir, const QStringList &marks)>;

bool runChild(const QStringList &args, const QProcessEnvironment &env, QString *why)
{
    QProcess child;
    child.setProgram(QStringLiteral(SCR_POWERLOSS_WORKLOAD));
    child.setArguments(args);
    child.setProcessEnvironment(env);
    child.start();
    if (!child.waitForFinished(120'000) || child.exitStatus() != QProcess::NormalExit ||
        child.exitCode() != 0) {
        *why = QStringLiteral("%1 failed: %2")
                   .arg(args.join(QLatin1Char(' ')), QString::fromLocal8Bit(child.readAllStandardError()));
        child.kill();
        child.waitForFinished();
        return false;
    }
    return true;
}

// Runs workload's set-up, snapshots, records the workload, and checks every crash state.
// edit, when set, changes the recorded trace before the states are built (to show what a missing step
// would cost).
Outcome runHarness(const QString &workload, const Check &check, const ExploreOptions &options = {},
                   const std::function<void(std::vector<Op> &)> &edit = {})
{
    Outcome out;
    QTemporaryDir tmp;
    if (!tmp.isValid()) {
        out.failures << QStringLiteral("no temporary folder");
        return out;
    }
    const QString root = tmp.filePath(QStringLiteral("root"));
    const QString trace = tmp.filePath(QStringLiteral("trace"));
    // The states are checked on a RAM disk when there is one: recovery's fsyncs cost nothing there, and what
    // is checked is the product's answer to the bytes, not the disk.
    QTemporaryDir ram(QStringLiteral("/dev/shm/scr-powerloss-XXXXXX"));
    const QString stateDir = (ram.isValid() ? ram.path() : tmp.path()) + QStringLiteral("/state");
    QDir().mkpath(root);
    QString why;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (!runChild({workload + QStringLiteral("-setup"), root}, env, &why)) {
        out.failures << why;
        qInfo("FAILED: %s", qPrintable(why));
        return out;
    }
    const Snapshot snapshot = takeSnapshot(root);
    QElapsedTimer timer;
    timer.start();
    env.insert(QStringLiteral("LD_PRELOAD"), QStringLiteral(SCR_FSRECORDER));
    env.insert(QStringLiteral("SCR_FSTRACE"), trace);
    env.insert(QStringLiteral("SCR_FSTRACE_ROOT"), root);
    if (!runChild({workload, root}, env, &why)) {
        out.failures << why;
        qInfo("FAILED: %s", qPrintable(why));
        return out;
    }
    qInfo("%s: workload recorded in %lld ms", qPrintable(workload), static_cast<long long>(timer.elapsed()));
    out.ops = readTrace(trace, snapshot, &why);
    if (!why.isEmpty()) {
        out.failures << why;
        return out;
    }
    if (edit)
        edit(out.ops);
    if (qEnvironmentVariableIsSet("SCR_POWERLOSS_DUMP"))
        for (std::size_t i = 0; i < out.ops.size(); ++i)
            qInfo("#%d %s", static_cast<int>(i), qPrintable(out.ops[i].describe()));
    qint64 checkMs = 0;
    timer.restart();
    out.stats = explore(snapshot, out.ops, options, [&](const CrashState &state) {
        QDir(stateDir).removeRecursively();
        QString error;
        if (!materialize(state.fs, stateDir, &error)) {
            out.failures << error;
            return false;
        }
        QElapsedTimer checking;
        checking.start();
        const Verdict v = check(stateDir, state.marks);
        checkMs += checking.elapsed();
        switch (v.kind) {
        case Verdict::Recovered:
            ++out.recovered;
            break;
        case Verdict::Refused:
            ++out.refused;
            break;
        case Verdict::Failed:
            if (++out.failed <= 12 || qEnvironmentVariableIsSet("SCR_POWERLOSS_DUMP"))
                out.failures << state.variant + QStringLiteral(": ") + v.message;
            break;
        }
        return true;
    });
    QDir(stateDir).removeRecursively();
    qInfo("%s: explored in %lld ms, %lld ms of it checking", qPrintable(workload),
          static_cast<long long>(timer.elapsed()), static_cast<long long>(checkMs));
    for (const QString &f : out.failures)
        qInfo("FAILED: %s", qPrintable(f));
    qInfo("%s: %d operations recorded, %d crash points, %d states built, %d distinct: %d recovered, %d "
          "refused, "
          "%d failed",
          qPrintable(workload), out.stats.operations, out.stats.crashPoints, out.stats.generated,
          out.stats.unique, out.recovered, out.refused, out.failed);
    return out;
}

int countOps(const std::vector<Op> &ops, OpType type, const QString &pathContains = {})
{
    return static_cast<int>(std::count_if(ops.begin(), ops.end(), [&](const Op &op) {
        return op.type == type &&
               (pathContains.isEmpty() || op.path.contains(pathContains) || op.path2.contains(pathContains));
    }));
}

} // namespace

class TestPowerLoss : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // The harness must be able to fail: an append acknowledged without fdatasync loses data in some state,
    // and the same append with fdatasync and a folder fsync does not.
    void harnessFindsAMissingSync()
    {
        const auto check = [](const QString &dir, const QStringList &marks) {
            QFile f(dir + QStringLiteral("/journal"));
            const QByteArray data = f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
            for (const QString &m : marks)
                if (m.startsWith(QLatin1String("ack ")) &&
                    !data.contains(QByteArray(m.mid(4).toUtf8() + '\n')))
                    return Verdict{Verdict::Failed, QStringLiteral("record %1 lost").arg(m.mid(4))};
            return Verdict{Verdict::Recovered, {}};
        };
        const Outcome unsafe = runHarness(QStringLiteral("selftest-nosync"), check);
        QVERIFY2(unsafe.stats.unique > 3, "the unsafe journal gave too few states");
        QVERIFY2(!unsafe.failures.isEmpty(),
                 "the harness did not see an acknowledged write without fdatasync");
        const Outcome safe = runHarness(QStringLiteral("selftest-sync"), check);
        QVERIFY2(safe.failures.isEmpty(), qPrintable(safe.failures.join(QLatin1Char('\n'))));
        QVERIFY(safe.recovered > 3);
    }

    // MountedDatabase and LogStream: group commits across four roll-overs (E00.log → E0000000N.log), the
    // database file and the checkpoint catching up, a dismount. Recovery is eseutil /r, then a mount.
    void logStreamCheckpointAndRecovery()
    {
        QElapsedTimer timer;
        timer.start();
        const Outcome out = runHarness(QStringLiteral("logstream"), checkLogStream);
        QVERIFY2(out.failed == 0, "a crash state failed (listed above)");
        // The trace holds what the claim is about (else the harness proved nothing).
        QVERIFY(countOps(out.ops, OpType::Rename, QStringLiteral("E0000000004.log")) >= 1);
        QVERIFY(countOps(out.ops, OpType::Rename, QStringLiteral("E00.chk")) >= 3);
        QVERIFY(countOps(out.ops, OpType::Fdatasync, QStringLiteral("E00.log")) >= 10);
        QVERIFY(countOps(out.ops, OpType::Write, QStringLiteral("DB1.edb-wal")) >= 1);
        QVERIFY(countOps(out.ops, OpType::FolderSync) >= 3);
        QVERIFY(countOps(out.ops, OpType::Mark) >= 15);
        QVERIFY(out.stats.unique >= 100);
        QVERIFY(out.recovered >= out.stats.unique - out.refused);
        qInfo("%lld ms", static_cast<long long>(timer.elapsed()));
    }

    // Lost folder creation: a storage group's first mount makes its folders (NewSG, NewSG/Logs, NewSG/Data)
    // and then its log and database in them. A folder whose mkdir was not followed by an fsync of the folder
    // above it may be gone after a power loss, with every file in it, however durable their own names. So
    // HostDisk::makeFolders flushes the parent of each folder it makes; without those flushes the same
    // trace loses acknowledged messages (shown here by taking them out of the trace).
    void lostFolderCreation()
    {
        QElapsedTimer timer;
        timer.start();
        const Outcome out = runHarness(QStringLiteral("newfolder"), checkNewFolder);
        QVERIFY2(out.failed == 0, "a crash state failed (listed above)");
        QVERIFY(countOps(out.ops, OpType::Mkdir, QStringLiteral("NewSG/Logs")) == 1);
        QVERIFY(countOps(out.ops, OpType::Mkdir, QStringLiteral("NewSG/Data")) == 1);
        // Each mkdir is followed by its parent's fsync.
        for (std::size_t i = 0; i < out.ops.size(); ++i) {
            if (out.ops[i].type != OpType::Mkdir)
                continue;
            const QString parent = out.ops[i].path.section(QLatin1Char('/'), 0, -2);
            QVERIFY2(i + 1 < out.ops.size() && out.ops[i + 1].type == OpType::FolderSync &&
                         out.ops[i + 1].path == parent,
                     qPrintable(out.ops[i].describe()));
        }
        QVERIFY(countOps(out.ops, OpType::Mark, QStringLiteral("")) >= 5);
        QVERIFY(out.stats.unique >= 30);
        QVERIFY(out.recovered > 0);
        const qint64 withFix = timer.elapsed();

        // The same trace without the parent fsyncs that follow each mkdir: acknowledged messages are lost
        // in some state (the folder, and the log in it, gone).
        const Outcome unsafe =
            runHarness(QStringLiteral("newfolder"), checkNewFolder, {}, [](std::vector<Op> &ops) {
                for (std::size_t i = 0; i + 1 < ops.size(); ++i)
                    if (ops[i].type == OpType::Mkdir && ops[i + 1].type == OpType::FolderSync)
                        ops.erase(ops.begin() + static_cast<std::ptrdiff_t>(i + 1));
            });
        QVERIFY2(unsafe.failed > 0, "without the parent fsync no state lost an acknowledged message");
        QVERIFY(std::any_of(unsafe.failures.begin(), unsafe.failures.end(),
                            [](const QString &f) { return f.contains(QLatin1String("acknowledged")); }));
        qInfo("%lld ms (%lld ms with the fix)", static_cast<long long>(timer.elapsed()),
              static_cast<long long>(withFix));
    }

    // The copier and inspector hand-off: MBX1's stream rolls over while its SCR copy on MBX3 copies each
    // closed generation into the inspector folder, checks it and moves it into its log folder. After the
    // crash the source recovers, a backup truncates what LastLogInspected acknowledged, and a restarted copy
    // must catch up with the source's own bytes.
    void copierHandOff()
    {
        const Outcome out = runHarness(QStringLiteral("copier"), checkCopier);
        QVERIFY2(out.failed == 0, "a crash state failed (listed above)");
        QVERIFY(countOps(out.ops, OpType::Rename, QStringLiteral("inspector/E0000000003.log")) >= 1);
        QVERIFY(countOps(out.ops, OpType::FolderSync, QStringLiteral("MBX3/Logs/inspector")) >= 2);
        QVERIFY(countOps(out.ops, OpType::Mark, QStringLiteral("")) >= 15);
        QVERIFY(out.stats.unique >= 100);
    }

    // Seeding: Update-StorageGroupCopy -DeleteExistingFiles through the shell, the source mounted: after it
    // returned, a fresh process sees the copy neither Failed nor Seeding and it replicates on; before,
    // running the seed again does.
    void seeding()
    {
        QElapsedTimer timer;
        timer.start();
        ExploreOptions options;
        options.focus = {QStringLiteral("hosts/MBX3/"), QStringLiteral("org.sqlite")};
        options.randomSubsets = 1;
        options.maxDropsPerPoint = 4;
        options.maxCrashPoints = 40;
        const Outcome out = runHarness(QStringLiteral("seed"), checkSeed, options);
        QVERIFY2(out.failed == 0, "a crash state failed (listed above)");
        QVERIFY(countOps(out.ops, OpType::Mark) == 1);
        QVERIFY(countOps(out.ops, OpType::Unlink, QStringLiteral("MBX3/C/Exchange/Logs/SG2/E01")) >= 1);
        QVERIFY(countOps(out.ops, OpType::Rename, QStringLiteral("MBX3/C/Exchange/Data/SG2/DB2.edb")) >= 1);
        QVERIFY(out.stats.unique >= 20);
        qInfo("%lld ms", static_cast<long long>(timer.elapsed()));
    }

    // Log truncation: the copy's truncator deleting what it replayed (no lags) while mail flows, then a full
    // backup writing its set and truncating the source's logs. After any crash the lab opens and the copy
    // replicates on with no failure; once the backup returned, its set is whole.
    void logTruncation()
    {
        QElapsedTimer timer;
        timer.start();
        ExploreOptions options;
        options.focus = {QStringLiteral("hosts/MBX3/"), QStringLiteral("hosts/MBX1/C/Exchange/Logs/SG2/"),
                         QStringLiteral("backups"), QStringLiteral("org.sqlite")};
        options.randomSubsets = 1;
        options.maxDropsPerPoint = 4;
        options.maxCrashPoints = 30;
        const Outcome out = runHarness(QStringLiteral("truncation"), checkTruncation, options);
        QVERIFY2(out.failed == 0, "a crash state failed (listed above)");
        QVERIFY(countOps(out.ops, OpType::Mark) == 2);
        // Both truncations are in the trace: the copy's (its log folder) and the backup's (the source's).
        QVERIFY(countOps(out.ops, OpType::Unlink, QStringLiteral("MBX1/C/Exchange/Logs/SG2/E01")) >= 1);
        QVERIFY(countOps(out.ops, OpType::Unlink, QStringLiteral("MBX3/C/Exchange/Logs/SG2/E01")) +
                    countOps(out.ops, OpType::Rename, QStringLiteral("SG2/inspector/spare-")) >=
                1);
        QVERIFY(out.stats.unique >= 20);
        qInfo("%lld ms", static_cast<long long>(timer.elapsed()));
    }

    // The directory's clock lease (model/lab/lab.cpp): the virtual clock is persisted a lease ahead before
    // any time it reaches is used. After any crash the reopened lab's clock is at least every time shown
    // and every log header's creation time on disk.
    void clockLease()
    {
        QElapsedTimer timer;
        timer.start();
        ExploreOptions options;
        options.focus = {QStringLiteral("hosts/MBX1/C/Exchange/Logs/SG2/"), QStringLiteral("org.sqlite")};
        options.randomSubsets = 1;
        options.maxDropsPerPoint = 4;
        options.maxCrashPoints = 40;
        const Outcome out = runHarness(QStringLiteral("clocklease"), checkClockLease, options);
        QVERIFY2(out.failed == 0, "a crash state failed (listed above)");
        QVERIFY(countOps(out.ops, OpType::Mark) == 3);
        QVERIFY(countOps(out.ops, OpType::Rename, QStringLiteral("MBX1/C/Exchange/Logs/SG2/E01000")) >= 3);
        QVERIFY(countOps(out.ops, OpType::Write, QStringLiteral("org.sqlite")) >= 2);
        QVERIFY(out.stats.unique >= 20);
        qInfo("%lld ms", static_cast<long long>(timer.elapsed()));
    }

    // Replay into the copy's database: the replayer creates it from the first log, then replays in batches
    // (one SQLite transaction each) as the source closes generations. A restarted copy never reports less
    // than it did, does not fail, and its database is exactly the source's logs replayed.
    void replayIntoTheCopy()
    {
        QElapsedTimer timer;
        timer.start();
        ExploreOptions options;
        options.focus = {QStringLiteral("MBX3/")};
        options.randomSubsets = 1;
        options.maxDropsPerPoint = 6;
        options.maxCrashPoints = 40;
        const Outcome out = runHarness(QStringLiteral("replay"), checkReplay, options);
        QVERIFY2(out.failed == 0, "a crash state failed (listed above)");
        QVERIFY(countOps(out.ops, OpType::Mark) == 4);
        QVERIFY(countOps(out.ops, OpType::Write, QStringLiteral("MBX3/Data/DB1.edb")) >= 4);
        QVERIFY(countOps(out.ops, OpType::Fsync, QStringLiteral("MBX3/Data/DB1.edb")) +
                    countOps(out.ops, OpType::Fdatasync, QStringLiteral("MBX3/Data/DB1.edb")) >=
                4);
        QVERIFY(out.stats.unique >= 30);
        qInfo("%lld ms", static_cast<long long>(timer.elapsed()));
    }

    // A crash inside eseutil /r on a dirty database whose every message was acknowledged: after it
    // returned, the file is Clean Shutdown with all of them; before, running it again gives the same.
    void crashInsideEseutilRecovery()
    {
        QElapsedTimer timer;
        timer.start();
        const Outcome out = runHarness(QStringLiteral("eseutil"), checkEseutil);
        QVERIFY2(out.failed == 0, "a crash state failed (listed above)");
        QVERIFY(countOps(out.ops, OpType::Mark) == 1);
        QVERIFY(countOps(out.ops, OpType::Write, QStringLiteral("DB1.edb")) >= 2);
        QVERIFY(countOps(out.ops, OpType::Rename, QStringLiteral("E00.chk")) >= 1);
        QVERIFY(out.stats.unique >= 20);
        QVERIFY(out.refused == 0);
        qInfo("%lld ms", static_cast<long long>(timer.elapsed()));
    }

    // Move-StorageGroupPath and Move-DatabasePath moving the files into folders made on the spot: after any
    // crash the directory points at whole files (the database mounts with every message), and once a move
    // returned the directory names the new path.
    void movePaths()
    {
        QElapsedTimer timer;
        timer.start();
        ExploreOptions options;
        options.focus = {QStringLiteral("hosts/MBX1/C/Moved"),
                         QStringLiteral("hosts/MBX1/C/Exchange/Logs/SG2"),
                         QStringLiteral("hosts/MBX1/C/Exchange/Data/SG2"), QStringLiteral("org.sqlite")};
        options.randomSubsets = 1;
        options.maxDropsPerPoint = 6;
        options.maxCrashPoints = 50;
        const Outcome out = runHarness(QStringLiteral("movepath"), checkMovePath, options);
        QVERIFY2(out.failed == 0, "a crash state failed (listed above)");
        QVERIFY(countOps(out.ops, OpType::Mark) == 2);
        QVERIFY(countOps(out.ops, OpType::Mkdir, QStringLiteral("MBX1/C/Moved")) >= 2);
        QVERIFY(countOps(out.ops, OpType::Unlink, QStringLiteral("MBX1/C/Exchange/Data/SG2/DB2.edb")) >= 1);
        QVERIFY(out.stats.unique >= 20);
        qInfo("%lld ms", static_cast<long long>(timer.elapsed()));
    }

    // Restore-StorageGroupCopy (the model's cmdlet, through the shell) with the source dismounted: after it
    // returned, eseutil /r on the standby gives exactly the source's messages; before, running it again does.
    void restoreStorageGroupCopy()
    {
        // Opening the lab mounts the other databases (MountAtStartup): their files are not what this proves.
        ExploreOptions options;
        options.focus = {QStringLiteral("hosts/MBX3/"), QStringLiteral("org.sqlite")};
        options.randomSubsets = 1;
        options.maxDropsPerPoint = 6;
        options.maxCrashPoints = 120;
        const Outcome out = runHarness(QStringLiteral("restore"), checkRestore, options);
        QVERIFY2(out.failed == 0, "a crash state failed (listed above)");
        QVERIFY(countOps(out.ops, OpType::Mark) == 1);
        QVERIFY(countOps(out.ops, OpType::Rmdir, QStringLiteral("inspector")) >= 1);
        QVERIFY(countOps(out.ops, OpType::Rename, QStringLiteral("MBX3/C/Exchange/Logs/SG2/E01.log")) >= 1);
        QVERIFY(out.stats.unique >= 20);
    }
};

QTEST_GUILESS_MAIN(TestPowerLoss)
#include "tst_powerloss.moc"
