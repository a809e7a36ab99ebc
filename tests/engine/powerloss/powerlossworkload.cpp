#include "powerlossworkload.h"

#include "core/clock.h"
#include "directory/directory.h"
#include "cmdlets/storagegroupcopy.h"
#include "ems/shellsession.h"
#include "lab/demolab.h"
#include "lab/lab.h"
#include "host/hostdisk.h"
#include "replication/copyworker.h"
#include "store/logfile.h"
#include "store/logfolder.h"
#include "store/logreplayer.h"
#include "store/database.h"
#include "store/mounteddatabase.h"
#include "store/recovery.h"
#include "testsupport.h"

#include <algorithm>
#include <fcntl.h>
#include <unistd.h>

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QUuid>

namespace scr::powerloss {
namespace {

const QUuid kDatabase(QStringLiteral("{6f1c2a3e-0000-4000-8000-00000000db07}"));
const QUuid kMailbox(QStringLiteral("{6f1c2a3e-0000-4000-8000-0000000000a7}"));
constexpr quint64 kSeed = 7;
// Described bodies of 150 to 210 KB: a 1 MiB generation holds about six, so a short run rolls over often,
// and a thin log stores a few KiB.
constexpr int kMessages = 26;

DeliverMessageRecord message(qint64 n)
{
    DeliverMessageRecord m = test::makeMessage(kMailbox, kSeed, n, 10, 20);
    m.body.clear();
    m.describedBodySize = static_cast<uint32_t>(150'000 + (n % 7) * 10'000);
    m.bodySeed = static_cast<quint64>(1000 + n);
    return m;
}

StoragePaths storagePaths(const QString &root, const QString &host = {})
{
    const QString base = host.isEmpty() ? root : root + QLatin1Char('/') + host;
    StoragePaths paths{.disk = HostDisk::atFolder(root),
                       .prefix = QStringLiteral("E00"),
                       .logFolder = base + QStringLiteral("/Logs"),
                       .systemFolder = base + QStringLiteral("/Logs"),
                       .edbPath = base + QStringLiteral("/Data/DB1.edb")};
    return paths;
}

// The SCR copy of MBX1's storage group on MBX3, both beneath root.
CopyConfig copyConfig(const QString &root)
{
    CopyConfig c;
    c.identity = QStringLiteral("MBX1\\SG1");
    c.standbyMachine = QStringLiteral("MBX3");
    c.sourceDisk = c.targetDisk = HostDisk::atFolder(root);
    c.sourceLogFolder = storagePaths(root, QStringLiteral("MBX1")).logFolder;
    c.targetLogFolder = storagePaths(root, QStringLiteral("MBX3")).logFolder;
    c.targetEdbPath = storagePaths(root, QStringLiteral("MBX3")).edbPath;
    c.databaseGuid = kDatabase;
    return c;
}

Status logStreamSetup(const QString &root, const QString &host = {})
{
    auto db = MountedDatabase::mount(storagePaths(root, host), kDatabase, QStringLiteral("DB1"),
                                     SystemClock::instance());
    if (!db)
        return db.error();
    if (auto lsn = (*db)->createMailbox({kMailbox, QStringLiteral("Power Loss")}); !lsn)
        return lsn.error();
    SCR_TRY((*db)->commit());
    return (*db)->dismount();
}

// One group commit of 1 to 3 messages (by batch number), from message next on; marks the last one
// acknowledged once the commit returned and moves next past the batch.
Status commitBatch(MountedDatabase &db, int batch, qint64 &next, const Mark &mark)
{
    const int size = 1 + batch % 3;
    for (int i = 0; i < size; ++i)
        if (auto lsn = db.deliverMessage(message(next + i)); !lsn)
            return lsn.error();
    SCR_TRY(db.commit());
    next += size;
    mark(QStringLiteral("ack %1").arg(next - 1));
    return {};
}

// Group commits of 1 to 3 messages; the database file and the checkpoint catch up every third commit.
Status logStream(const QString &root, const Mark &mark)
{
    auto db =
        MountedDatabase::mount(storagePaths(root), kDatabase, QStringLiteral("DB1"), SystemClock::instance());
    if (!db)
        return db.error();
    qint64 next = 0;
    for (int batch = 0; next < kMessages; ++batch) {
        SCR_TRY(commitBatch(**db, batch, next, mark));
        if (batch % 3 == 2) {
            SCR_TRY((*db)->applyPending());
            mark(QStringLiteral("checkpoint"));
        }
    }
    SCR_TRY((*db)->dismount());
    mark(QStringLiteral("dismounted"));
    return {};
}

// A storage group made on the spot (lost folder creation): the database is mounted for the first time in
// folders that do not exist yet (NewSG/Logs, NewSG/Data: mount makes them, then the log stream and the
// database file in them), a mailbox is created and messages are delivered in group commits. Marks
// "mailbox" once the mailbox's commit returned, then "ack N". Each acknowledged record is in a log whose
// folder only exists on disk if its mkdir was made durable by an fsync of the folder above it.
Status newFolder(const QString &root, const Mark &mark)
{
    auto db = MountedDatabase::mount(storagePaths(root, QStringLiteral("NewSG")), kDatabase,
                                     QStringLiteral("DB1"), SystemClock::instance());
    if (!db)
        return db.error();
    if (auto lsn = (*db)->createMailbox({kMailbox, QStringLiteral("Power Loss")}); !lsn)
        return lsn.error();
    SCR_TRY((*db)->commit());
    mark(QStringLiteral("mailbox"));
    qint64 next = 0;
    for (int batch = 0; next < 8; ++batch)
        SCR_TRY(commitBatch(**db, batch, next, mark));
    SCR_TRY((*db)->dismount());
    mark(QStringLiteral("dismounted"));
    return {};
}

// The harness's own check: a journal of six appends, each acknowledged; synced: fdatasync after each and a
// folder fsync after the file was made.
Status journal(const QString &root, bool synced, const Mark &mark)
{
    const QByteArray path = QFile::encodeName(root + QStringLiteral("/journal"));
    const int fd = ::open(path.constData(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    if (fd < 0)
        return errorFromErrno(errno, root, QStringLiteral("creating the journal in"));
    for (int i = 0; i < 6; ++i) {
        const QByteArray line = QByteArray::number(i) + '\n';
        if (::write(fd, line.constData(), static_cast<size_t>(line.size())) != line.size() ||
            (synced && ::fdatasync(fd) != 0)) {
            ::close(fd);
            return errorFromErrno(errno, root, QStringLiteral("writing the journal in"));
        }
        if (synced && i == 0) {
            const int dir = ::open(QFile::encodeName(root).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
            if (dir < 0 || ::fsync(dir) != 0)
                return errorFromErrno(errno, root, QStringLiteral("syncing"));
            ::close(dir);
        }
        mark(QStringLiteral("ack %1").arg(i));
    }
    ::close(fd);
    return {};
}

// The source (MBX1) takes group commits across roll-overs while its SCR copy (MBX3) runs a cycle after each
// roll-over: copier into the inspector folder, inspector, move into the copy's log folder. Marks "ack N" and
// "inspected N" (LastLogInspected, on whose word a backup at the source may truncate).
Status copier(const QString &root, const Mark &mark)
{
    auto db = MountedDatabase::mount(storagePaths(root, QStringLiteral("MBX1")), kDatabase,
                                     QStringLiteral("DB1"), SystemClock::instance());
    if (!db)
        return db.error();
    CopyWorker copy(copyConfig(root), SystemClock::instance(), [](const ReplicationEvent &) {});
    uint32_t generation = (*db)->log().generation();
    qint64 next = 0;
    for (int batch = 0; next < kMessages; ++batch) {
        SCR_TRY(commitBatch(**db, batch, next, mark));
        if ((*db)->log().generation() != generation) {
            generation = (*db)->log().generation();
            copy.runCycle();
            const CopyStatus status = copy.status();
            if (status.failed)
                return Error{QStringLiteral("MBX1\\SG1"), status.failedMessage, {}, JetCode::DiskIO};
            mark(QStringLiteral("inspected %1").arg(status.lastLogInspected));
        }
    }
    return {};
}

// A demo lab at root in the state script leaves it in, run through the shell: the set-up of a shell
// workload.
Status demoLabAfter(const QString &root, const QString &script)
{
    if (auto lab = DemoLab::create(root, SystemClock::instance()); !lab)
        return lab.error();
    ShellSession shell(root);
    SCR_TRY(shell.open());
    if (auto out = shell.execute(script); !out)
        return out.error();
    return {};
}

// Runs command in shell and marks acknowledged once it returned.
Status runThenMark(ShellSession &shell, const QString &command, const QString &acknowledged, const Mark &mark)
{
    if (auto out = shell.execute(command); !out)
        return out.error();
    mark(acknowledged);
    return {};
}

// Restore-StorageGroupCopy through the shell (the model's cmdlet), with the source reachable and its database
// dismounted: the final copy of the logs, the inspector folder removed, the source's E00.log (E01.log)
// copied, the copy's record removed from the directory. Marks "restored" when the cmdlet returned.
const QString kRestore =
    QStringLiteral("Restore-StorageGroupCopy MBX1\\SG2 -StandbyMachine MBX3 -Confirm:$false");

Status restoreSetup(const QString &root)
{
    return demoLabAfter(
        root, QStringLiteral("Enable-StorageGroupCopy MBX1\\SG2 -StandbyMachine MBX3 -ReplayLagTime 0.0:0:0; "
                             "Start-MailFlow MBX1\\SG2\\DB2 -MessagesPerMinute 120 -MessageSizeKB 100; "
                             "Step-Simulation 0.00:01:30; Stop-MailFlow MBX1\\SG2\\DB2; "
                             "Dismount-Database MBX1\\SG2\\DB2 -Confirm:$false"));
}

Status restore(const QString &root, const Mark &mark)
{
    ShellSession shell(root);
    SCR_TRY(shell.open());
    return runThenMark(shell, kRestore, QStringLiteral("restored"), mark);
}

// Update-StorageGroupCopy (a seed) through the shell, the source database mounted and the copy holding its
// files: the copy's logs, inspector folder and database deleted, the source's database backed up onto the
// standby, its header set for replay. Marks "seeded" when the cmdlet returned.
const QString kSeedCommand =
    QStringLiteral("Update-StorageGroupCopy MBX1\\SG2 -StandbyMachine MBX3 -DeleteExistingFiles");

Status seedSetup(const QString &root)
{
    return demoLabAfter(
        root, QStringLiteral("Enable-StorageGroupCopy MBX1\\SG2 -StandbyMachine MBX3 -ReplayLagTime 0.0:0:0; "
                             "Start-MailFlow MBX1\\SG2\\DB2 -MessagesPerMinute 120 -MessageSizeKB 100; "
                             "Step-Simulation 0.00:01:00; Stop-MailFlow MBX1\\SG2\\DB2"));
}

Status seed(const QString &root, const Mark &mark)
{
    ShellSession shell(root);
    SCR_TRY(shell.open());
    return runThenMark(shell, kSeedCommand, QStringLiteral("seeded"), mark);
}

// Log truncation, both kinds: the SCR copy of MBX1\\SG2 on MBX3 (no lags) replays and its truncator deletes
// what it replayed while mail flows; then a full backup of MBX1\\SG2 writes its backup set and truncates the
// source's logs that the checkpoint passed and the copy inspected. Marks "stepped", then "backup".
Status truncationSetup(const QString &root)
{
    return demoLabAfter(
        root, QStringLiteral("Enable-StorageGroupCopy MBX1\\SG2 -StandbyMachine MBX3 -ReplayLagTime 0.0:0:0 "
                             "-TruncationLagTime 0.0:0:0; "
                             "Start-MailFlow MBX1\\SG2\\DB2 -MessagesPerMinute 600 -MessageSizeKB 100; "
                             "Step-Simulation 0.00:01:20"));
}

Status truncation(const QString &root, const Mark &mark)
{
    ShellSession shell(root);
    SCR_TRY(shell.open());
    SCR_TRY(
        runThenMark(shell, QStringLiteral("Step-Simulation 0.00:00:06"), QStringLiteral("stepped"), mark));
    return runThenMark(
        shell, QStringLiteral("Stop-MailFlow MBX1\\SG2\\DB2; Start-DatabaseBackup MBX1\\SG2 | Format-List"),
        QStringLiteral("backup"), mark);
}

// The directory's clock lease: mail flows into MBX1\\SG2\\DB2 while the shell steps the virtual clock in
// three steps of 40 s; the lab persists the clock a lease ahead before any time it reaches is used (a log
// header, an event). Marks "clock N" with the lab's time after each step returned (what the administrator
// saw).
Status clockLeaseSetup(const QString &root)
{
    return demoLabAfter(
        root, QStringLiteral("Start-MailFlow MBX1\\SG2\\DB2 -MessagesPerMinute 120 -MessageSizeKB 100"));
}

Status clockLease(const QString &root, const Mark &mark)
{
    ShellSession shell(root);
    SCR_TRY(shell.open());
    for (int i = 0; i < 3; ++i) {
        if (auto out = shell.execute(QStringLiteral("Step-Simulation 0.00:00:40")); !out)
            return out.error();
        mark(QStringLiteral("clock %1").arg(shell.lab()->clock().nowMs()));
    }
    return {};
}

// Replay into the copy's database: the source (MBX1) closed 55 generations of one 900 KB described message
// each, and the copy (MBX3) copied and inspected them all with a day's ReplayLagTime (set-up). Recorded: the
// ReplayLagTime is 0; four times the source closes three more generations and the copy runs a cycle, whose
// replayer creates the database from its first log, then replays what is 50 generations behind. Marks
// "replayed N" (LastLogReplayed) after each cycle.
DeliverMessageRecord bigMessage(qint64 n)
{
    DeliverMessageRecord m = message(n);
    m.describedBodySize = 900'000; // one generation each
    return m;
}

Status replaySetup(const QString &root)
{
    auto db = MountedDatabase::mount(storagePaths(root, QStringLiteral("MBX1")), kDatabase,
                                     QStringLiteral("DB1"), SystemClock::instance());
    if (!db)
        return db.error();
    if (auto lsn = (*db)->createMailbox({kMailbox, QStringLiteral("Power Loss")}); !lsn)
        return lsn.error();
    for (qint64 n = 0; n < 55; ++n) {
        if (auto lsn = (*db)->deliverMessage(bigMessage(n)); !lsn)
            return lsn.error();
        SCR_TRY((*db)->commit());
    }
    SCR_TRY((*db)->dismount());
    CopyWorker copy(copyConfig(root), SystemClock::instance(), [](const ReplicationEvent &) {});
    copy.runCycle();
    copy.runCycle();
    if (copy.status().failed || copy.status().lastLogInspected < 52)
        return Error{QStringLiteral("MBX1\\SG1"),
                     QStringLiteral("the set-up copy did not inspect every log: ") +
                         copy.status().failedMessage,
                     {},
                     JetCode::DiskIO};
    return {};
}

CopyConfig replayConfig(const QString &root)
{
    CopyConfig c = copyConfig(root);
    c.replayLagMs = 0;
    c.truncationLagMs =
        24 * 3600 * 1000; // keeps the copy's logs: the truncator is engine.powerloss.truncation's
    return c;
}

Status replay(const QString &root, const Mark &mark)
{
    auto db = MountedDatabase::mount(storagePaths(root, QStringLiteral("MBX1")), kDatabase,
                                     QStringLiteral("DB1"), SystemClock::instance());
    if (!db)
        return db.error();
    CopyWorker copy(replayConfig(root), SystemClock::instance(), [](const ReplicationEvent &) {});
    qint64 next = 55;
    for (int round = 0; round < 4; ++round) {
        for (int i = 0; i < 3; ++i, ++next) {
            if (auto lsn = (*db)->deliverMessage(bigMessage(next)); !lsn)
                return lsn.error();
            SCR_TRY((*db)->commit());
        }
        copy.runCycle();
        const CopyStatus status = copy.status();
        if (status.failed)
            return Error{QStringLiteral("MBX1\\SG1"), status.failedMessage, {}, JetCode::DiskIO};
        mark(QStringLiteral("replayed %1").arg(status.lastLogReplayed));
    }
    return {};
}

// A crash inside eseutil /r: the set-up leaves a dirty database (mounted, 26 messages in group commits, the
// file and the checkpoint caught up once, then the process gone without a dismount). Recorded: Recovery::run
// replays the logs into it and marks it Clean Shutdown. Marks "recovered" when it returned.
constexpr qint64 kDirtyMessages = 26;

Status eseutilSetup(const QString &root)
{
    SCR_TRY(logStreamSetup(root));
    auto db =
        MountedDatabase::mount(storagePaths(root), kDatabase, QStringLiteral("DB1"), SystemClock::instance());
    if (!db)
        return db.error();
    qint64 next = 0;
    for (int batch = 0; next < kDirtyMessages; ++batch) {
        SCR_TRY(commitBatch(**db, batch, next, [](const QString &) {}));
        if (batch == 4)
            SCR_TRY((*db)->applyPending());
    }
    return {}; // no dismount: the database stays Dirty Shutdown
}

RecoveryOptions recoveryOptions(const StoragePaths &paths)
{
    RecoveryOptions options;
    options.disk = paths.disk;
    options.logFolder = options.systemFolder = paths.logFolder;
    options.databasePath = paths.edbPath;
    return options;
}

Status eseutil(const QString &root, const Mark &mark)
{
    auto report = Recovery::run(recoveryOptions(storagePaths(root)), SystemClock::instance());
    if (!report)
        return report.error();
    mark(QStringLiteral("recovered"));
    return {};
}

// Move-StorageGroupPath and Move-DatabasePath (files moved, not -ConfigurationOnly) through the shell, on
// MBX1\\SG2 with its database dismounted after a half minute of mail: each copies the files into the new
// folder (made on the spot), points the directory at them, then deletes the old ones. Marks "moved logs",
// then "moved database". The set-up writes the database's message count beside the lab's drives.
const QString kMovedLogs = QStringLiteral("C:\\Moved\\Logs");
const QString kMovedEdb = QStringLiteral("C:\\Moved\\Data\\DB2.edb");

Status movePathSetup(const QString &root)
{
    SCR_TRY(demoLabAfter(
        root, QStringLiteral("Start-MailFlow MBX1\\SG2\\DB2 -MessagesPerMinute 120 -MessageSizeKB 100; "
                             "Step-Simulation 0.00:00:30; Stop-MailFlow MBX1\\SG2\\DB2; "
                             "Dismount-Database MBX1\\SG2\\DB2 -Confirm:$false")));
    const HostDisk disk = HostDisk::atFolder(root + QStringLiteral("/hosts/MBX1"));
    qint64 count = 0;
    {
        auto db = Database::open(disk, disk.root() + QStringLiteral("/C/Exchange/Data/SG2/DB2.edb"),
                                 Database::Access::ReadOnly);
        if (!db)
            return db.error();
        auto n = (*db)->messageCount();
        if (!n)
            return n.error();
        count = *n;
    }
    QFile f(root + QStringLiteral("/hosts/MBX1/expected-messages"));
    if (!f.open(QIODevice::WriteOnly) || f.write(QByteArray::number(count)) <= 0)
        return Error{f.fileName(), QStringLiteral("cannot be written"), {}, JetCode::DiskIO};
    // Reading it left an SQLite journal beside the file: a mount and a dismount make it self-contained.
    ShellSession shell(root);
    SCR_TRY(shell.open());
    auto out = shell.execute(
        QStringLiteral("Mount-Database MBX1\\SG2\\DB2; Dismount-Database MBX1\\SG2\\DB2 -Confirm:$false"));
    if (!out)
        return out.error();
    return {};
}

Status movePath(const QString &root, const Mark &mark)
{
    ShellSession shell(root);
    SCR_TRY(shell.open());
    SCR_TRY(
        runThenMark(shell,
                    QStringLiteral("Move-StorageGroupPath MBX1\\SG2 -LogFolderPath %1 -SystemFolderPath %1")
                        .arg(kMovedLogs),
                    QStringLiteral("moved logs"), mark));
    return runThenMark(shell,
                       QStringLiteral("Move-DatabasePath MBX1\\SG2\\DB2 -EdbFilePath %1").arg(kMovedEdb),
                       QStringLiteral("moved database"), mark);
}

qint64 lastAck(const QStringList &marks)
{
    qint64 acked = -1;
    for (const QString &m : marks)
        if (m.startsWith(QLatin1String("ack ")))
            acked = m.mid(4).toLongLong();
    return acked;
}

Verdict failed(const QString &why)
{
    return {Verdict::Failed, why};
}

} // namespace

Status runWorkload(const QString &name, const QString &root, const Mark &mark)
{
    if (name.startsWith(QLatin1String("selftest-")))
        return name.endsWith(QLatin1String("-setup"))
                   ? Status{}
                   : journal(root, name == QLatin1String("selftest-sync"), mark);
    if (name == QLatin1String("movepath-setup"))
        return movePathSetup(root);
    if (name == QLatin1String("movepath"))
        return movePath(root, mark);
    if (name == QLatin1String("eseutil-setup"))
        return eseutilSetup(root);
    if (name == QLatin1String("eseutil"))
        return eseutil(root, mark);
    if (name == QLatin1String("replay-setup"))
        return replaySetup(root);
    if (name == QLatin1String("replay"))
        return replay(root, mark);
    if (name == QLatin1String("clocklease-setup"))
        return clockLeaseSetup(root);
    if (name == QLatin1String("clocklease"))
        return clockLease(root, mark);
    if (name == QLatin1String("truncation-setup"))
        return truncationSetup(root);
    if (name == QLatin1String("truncation"))
        return truncation(root, mark);
    if (name == QLatin1String("seed-setup"))
        return seedSetup(root);
    if (name == QLatin1String("seed"))
        return seed(root, mark);
    if (name == QLatin1String("restore-setup"))
        return restoreSetup(root);
    if (name == QLatin1String("restore"))
        return restore(root, mark);
    if (name == QLatin1String("copier-setup"))
        return logStreamSetup(root, QStringLiteral("MBX1"));
    if (name == QLatin1String("copier"))
        return copier(root, mark);
    if (name == QLatin1String("newfolder-setup"))
        return {};
    if (name == QLatin1String("newfolder"))
        return newFolder(root, mark);
    if (name == QLatin1String("logstream-setup"))
        return logStreamSetup(root);
    if (name == QLatin1String("logstream"))
        return logStream(root, mark);
    return Error{name, QStringLiteral("no such workload"), {}, JetCode::InvalidParameter};
}

// eseutil /r, then the file must hold a prefix of the messages with every acknowledged one whole; then the
// database mounts again (LogStream::open finishes what a roll-over left) and takes one more commit.
namespace {

// mailboxAcked: the workload made the mailbox and its commit returned (else it came with the set-up).
Verdict checkDatabase(const StoragePaths &paths, qint64 acked, bool mailboxAcked = false)
{
    RecoveryOptions options;
    options.disk = paths.disk;
    options.logFolder = options.systemFolder = paths.logFolder;
    options.databasePath = paths.edbPath;
    auto report = Recovery::run(options, SystemClock::instance());
    if (!report) {
        if (report.error().object.isEmpty() || report.error().reason.isEmpty())
            return failed(QStringLiteral("recovery failed without naming what: ") +
                          report.error().toString());
        if (acked >= 0)
            return failed(QStringLiteral("recovery refused a state holding acknowledged message %1: %2")
                              .arg(acked)
                              .arg(report.error().toString()));
        if (mailboxAcked)
            return failed(QStringLiteral("recovery refused a state holding the acknowledged mailbox: ") +
                          report.error().toString());
        return {Verdict::Refused, report.error().toString()};
    }
    qint64 count = 0;
    bool hasMailbox = false;
    {
        auto db = Database::open(paths.disk, paths.edbPath, Database::Access::ReadOnly);
        if (!db)
            return failed(QStringLiteral("the recovered database does not open: ") + db.error().toString());
        if ((*db)->header().state != DatabaseState::CleanShutdown)
            return failed(QStringLiteral("recovery left the database out of Clean Shutdown"));
        auto mailboxes = (*db)->mailboxGuids();
        if (!mailboxes)
            return failed(mailboxes.error().toString());
        hasMailbox = std::find(mailboxes->begin(), mailboxes->end(), kMailbox) != mailboxes->end();
        if (mailboxAcked && !hasMailbox)
            return failed(QStringLiteral("the acknowledged mailbox is lost"));
        auto ids = (*db)->messageIds();
        if (!ids)
            return failed(ids.error().toString());
        count = static_cast<qint64>(ids->size());
        if (count < acked + 1)
            return failed(
                QStringLiteral("acknowledged messages lost: %1 recovered, message %2 was acknowledged")
                    .arg(count)
                    .arg(acked));
        for (qint64 n = 0; n < count; ++n) {
            if (ids->at(static_cast<size_t>(n)) != test::messageId(kSeed, n))
                return failed(QStringLiteral("not a prefix of the messages at %1").arg(n));
            auto row = (*db)->message(test::messageId(kSeed, n));
            if (!row || !row->has_value())
                return failed(QStringLiteral("message %1 listed but unreadable").arg(n));
            const DeliverMessageRecord m = message(n);
            if ((*row)->body != describedBody(m.bodySeed, m.describedBodySize))
                return failed(QStringLiteral("message %1 is torn").arg(n));
        }
    }
    auto db = MountedDatabase::mount(paths, kDatabase, QStringLiteral("DB1"), SystemClock::instance());
    if (!db)
        return failed(QStringLiteral("recovered, but the database does not mount again: ") +
                      db.error().toString());
    if (!hasMailbox)
        if (auto lsn = (*db)->createMailbox({kMailbox, QStringLiteral("Power Loss")}); !lsn)
            return failed(QStringLiteral("remounted, but creating the mailbox fails: ") +
                          lsn.error().toString());
    if (auto lsn = (*db)->deliverMessage(message(count)); !lsn)
        return failed(QStringLiteral("remounted, but a delivery fails: ") + lsn.error().toString());
    if (auto st = (*db)->commit(); !st)
        return failed(QStringLiteral("remounted, but a commit fails: ") + st.error().toString());
    if (auto st = (*db)->dismount(); !st)
        return failed(QStringLiteral("remounted, but the dismount fails: ") + st.error().toString());
    return {Verdict::Recovered, QStringLiteral("%1 messages, %2 acknowledged").arg(count).arg(acked + 1)};
}

} // namespace

Verdict checkLogStream(const QString &stateDir, const QStringList &marks)
{
    return checkDatabase(storagePaths(stateDir), lastAck(marks));
}

// As checkLogStream, in the storage group made during the workload: once the mailbox's commit returned,
// recovery must find the folders, the log and the mailbox; no refusal is allowed from then on.
Verdict checkNewFolder(const QString &stateDir, const QStringList &marks)
{
    return checkDatabase(storagePaths(stateDir, QStringLiteral("NewSG")), lastAck(marks),
                         marks.contains(QStringLiteral("mailbox")));
}

// The source first (as checkLogStream); then the backup that LastLogInspected allowed truncates the source's
// logs up to it; then the copy restarts from its files and must catch up with no failure, holding every
// generation the source closed, each the source's bytes, and none the source has not closed.
Verdict checkCopier(const QString &stateDir, const QStringList &marks)
{
    uint32_t inspected = 0;
    for (const QString &m : marks)
        if (m.startsWith(QLatin1String("inspected ")))
            inspected = m.mid(10).toUInt();
    const StoragePaths source = storagePaths(stateDir, QStringLiteral("MBX1"));
    const Verdict db = checkDatabase(source, lastAck(marks));
    if (db.kind != Verdict::Recovered)
        return db;
    auto listing = listLogFolder(source.disk, source.logFolder, source.prefix);
    if (!listing)
        return failed(listing.error().toString());
    const uint32_t newest = listing->lastClosed();
    if (newest == 0 && inspected == 0)
        return db; // the source never closed a log: nothing to copy
    std::map<uint32_t, QByteArray> sourceBytes;
    for (uint32_t gen : listing->closedGenerations) {
        const QString path = source.logFolder + QLatin1Char('/') + logFileName(source.prefix, gen);
        auto bytes = source.disk.readAll(path);
        if (!bytes)
            return failed(bytes.error().toString());
        sourceBytes[gen] = *bytes;
        if (gen <= inspected)
            if (auto st = source.disk.removeFile(path); !st)
                return failed(st.error().toString());
    }
    const CopyConfig config = copyConfig(stateDir);
    CopyStatus status;
    {
        CopyWorker copy(config, SystemClock::instance(), [](const ReplicationEvent &) {});
        for (int cycle = 0; cycle < 4; ++cycle) {
            copy.runCycle();
            status = copy.status();
            if (status.failed)
                return failed(QStringLiteral("the copy failed after the restart (LastLogInspected %1 was "
                                             "acknowledged): %2")
                                  .arg(inspected)
                                  .arg(status.failedMessage));
        }
    }
    if (status.lastLogInspected < inspected)
        return failed(QStringLiteral("LastLogInspected went back from %1 to %2")
                          .arg(inspected)
                          .arg(status.lastLogInspected));
    if (status.lastLogInspected != newest)
        return failed(QStringLiteral("the copy stopped at %1, the source closed %2")
                          .arg(status.lastLogInspected)
                          .arg(newest));
    auto target = listLogFolder(config.targetDisk, config.targetLogFolder, config.prefix);
    if (!target)
        return failed(target.error().toString());
    if (target->lastClosed() != newest)
        return failed(QStringLiteral("the copy holds generation %1, the source closed %2")
                          .arg(target->lastClosed())
                          .arg(newest));
    for (uint32_t gen = 1; gen <= newest; ++gen) {
        const QString path = config.targetLogFolder + QLatin1Char('/') + logFileName(config.prefix, gen);
        auto log = LogFile::load(config.targetDisk, path);
        if (!log)
            return failed(
                QStringLiteral("the copy's generation %1: %2").arg(gen).arg(log.error().toString()));
        if (auto scan = log->scan(false); !scan)
            return failed(
                QStringLiteral("the copy's generation %1: %2").arg(gen).arg(scan.error().toString()));
        auto bytes = config.targetDisk.readAll(path);
        if (!bytes || *bytes != sourceBytes[gen])
            return failed(QStringLiteral("the copy's generation %1 differs from the source's").arg(gen));
    }
    return {Verdict::Recovered, db.message + QStringLiteral(", copy at %1").arg(newest)};
}

// The source's database (dismounted before the restore, and not written by it) is the oracle: after eseutil
// /r on the standby's files, the activated database holds exactly its messages. Before the cmdlet returned,
// running it again must finish the activation with the same result.
Verdict checkRestore(const QString &stateDir, const QStringList &marks)
{
    const HostDisk source = HostDisk::atFolder(stateDir + QStringLiteral("/hosts/MBX1"));
    const HostDisk standby = HostDisk::atFolder(stateDir + QStringLiteral("/hosts/MBX3"));
    const QString edb = QStringLiteral("/C/Exchange/Data/SG2/DB2.edb");
    std::vector<QString> expected;
    {
        auto db = Database::open(source, source.root() + edb, Database::Access::ReadOnly);
        if (!db)
            return failed(QStringLiteral("the source's database: ") + db.error().toString());
        auto ids = (*db)->messageIds();
        if (!ids)
            return failed(ids.error().toString());
        expected = *ids;
    }
    QString how = QStringLiteral("acknowledged");
    if (marks.contains(QStringLiteral("restored"))) {
        // The cmdlet returned: the copy is gone from the directory (MBX3 held only this one).
        auto directory = Directory::open(stateDir);
        if (!directory)
            return failed(QStringLiteral("the directory does not open: ") + directory.error().toString());
        auto copies = (*directory)->copies();
        if (!copies)
            return failed(copies.error().toString());
        for (const ScrCopyRecord &c : *copies)
            if (c.standbyMachine.compare(QLatin1String("MBX3"), Qt::CaseInsensitive) == 0)
                return failed(
                    QStringLiteral("Restore-StorageGroupCopy returned, but the directory still lists "
                                   "the SCR copy on MBX3"));
    } else {
        ShellSession shell(stateDir);
        if (auto st = shell.open(); !st)
            return failed(QStringLiteral("the lab does not open: ") + st.error().toString());
        auto out = shell.execute(kRestore);
        if (out) {
            how = QStringLiteral("run again");
        } else if (out.error().reason.contains(QLatin1String("has no SCR copy"))) {
            // The crash came after the copy's record left the directory: the activation had finished.
            how = QStringLiteral("finished before the crash");
        } else {
            return failed(QStringLiteral("Restore-StorageGroupCopy, run again, fails: ") +
                          out.error().toString());
        }
    }
    RecoveryOptions options;
    options.disk = standby;
    options.prefix = QStringLiteral("E01");
    options.logFolder = options.systemFolder = standby.root() + QStringLiteral("/C/Exchange/Logs/SG2");
    options.databasePath = standby.root() + edb;
    auto report = Recovery::run(options, SystemClock::instance());
    if (!report)
        return failed(QStringLiteral("eseutil /r on the activated copy (%1) fails: %2")
                          .arg(how, report.error().toString()));
    auto db = Database::open(standby, options.databasePath, Database::Access::ReadOnly);
    if (!db)
        return failed(db.error().toString());
    auto ids = (*db)->messageIds();
    if (!ids)
        return failed(ids.error().toString());
    if (*ids != expected)
        return failed(QStringLiteral("the activated copy (%1) holds %2 messages, the source %3")
                          .arg(how)
                          .arg(ids->size())
                          .arg(expected.size()));
    return {Verdict::Recovered, QStringLiteral("%1 messages").arg(expected.size())};
}

} // namespace scr::powerloss

namespace scr::powerloss {

// After the seed returned, a fresh process sees the copy neither Failed nor Seeding, its database opens,
// and it replicates on with no failure. Before, the copy may read Failed (a seed that died), but running the
// seed again must succeed and give the same.
Verdict checkSeed(const QString &stateDir, const QStringList &marks)
{
    ShellSession shell(stateDir);
    if (auto st = shell.open(); !st || !shell.lab())
        return failed(QStringLiteral("the lab does not open: ") + (st ? QString() : st.error().toString()));
    const auto status = [&]() -> Result<CopyStatus> {
        auto rows = cmdlets::getStorageGroupCopyStatus(*shell.lab(), QStringLiteral("MBX1\\SG2"),
                                                       QStringLiteral("MBX3"));
        if (!rows)
            return rows.error();
        if (rows->size() != 1)
            return Error{QStringLiteral("MBX1\\SG2"), QStringLiteral("no status row for the copy"), {}, {}};
        return rows->front().status;
    };
    QString how = QStringLiteral("acknowledged");
    if (!marks.contains(QStringLiteral("seeded"))) {
        auto out = shell.execute(kSeedCommand);
        if (!out)
            return failed(QStringLiteral("Update-StorageGroupCopy, run again, fails: ") +
                          out.error().toString());
        how = QStringLiteral("seeded again");
    }
    auto first = status();
    if (!first)
        return failed(first.error().toString());
    if (first->failed || first->seeding)
        return failed(QStringLiteral("after the seed (%1) the copy reads %2: %3")
                          .arg(how, summaryCopyStatusName(first->summary), first->failedMessage));
    const HostDisk standby = HostDisk::atFolder(stateDir + QStringLiteral("/hosts/MBX3"));
    {
        auto db = Database::open(standby, standby.root() + QStringLiteral("/C/Exchange/Data/SG2/DB2.edb"),
                                 Database::Access::ReadOnly);
        if (!db)
            return failed(
                QStringLiteral("the seeded database (%1) does not open: %2").arg(how, db.error().toString()));
    }
    if (auto out = shell.execute(QStringLiteral("Step-Simulation 0.00:00:10")); !out)
        return failed(out.error().toString());
    auto then = status();
    if (!then)
        return failed(then.error().toString());
    if (then->failed)
        return failed(QStringLiteral("the seeded copy (%1) fails: %2").arg(how, then->failedMessage));
    return {Verdict::Recovered, how};
}

} // namespace scr::powerloss

namespace scr::powerloss {

// Whatever the crash left, the lab opens (the source database mounts, recovered), and the copy replicates on
// with no failure: neither truncation removed a log the copy or the source still needed. Once the backup
// returned, its set is on disk and its database file opens (the logs past its checkpoint, when there are any,
// are copied the same durable way).
Verdict checkTruncation(const QString &stateDir, const QStringList &marks)
{
    if (marks.contains(QStringLiteral("backup"))) {
        const QDir backups(stateDir + QStringLiteral("/backups"));
        const QStringList sets = backups.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        if (sets.size() != 1)
            return failed(
                QStringLiteral("the backup returned, but %1 backup sets are on disk").arg(sets.size()));
        const HostDisk lab = HostDisk::atFolder(stateDir);
        const QString set = backups.filePath(sets.front());
        auto db = Database::open(lab, set + QStringLiteral("/DB2.edb"), Database::Access::ReadOnly);
        if (!db)
            return failed(QStringLiteral("the backup set's database does not open: ") +
                          db.error().toString());
    }
    ShellSession shell(stateDir);
    if (auto st = shell.open(); !st || !shell.lab())
        return failed(QStringLiteral("the lab does not open: ") + (st ? QString() : st.error().toString()));
    if (auto out = shell.execute(QStringLiteral("Step-Simulation 0.00:00:10")); !out)
        return failed(out.error().toString());
    auto rows =
        cmdlets::getStorageGroupCopyStatus(*shell.lab(), QStringLiteral("MBX1\\SG2"), QStringLiteral("MBX3"));
    if (!rows || rows->size() != 1)
        return failed(QStringLiteral("no status row for the copy"));
    const CopyStatus &s = rows->front().status;
    if (s.failed)
        return failed(QStringLiteral("the copy fails after the crash: ") + s.failedMessage);
    if (s.lastLogInspected == 0 || s.lastLogReplayed == 0)
        return failed(QStringLiteral("the copy lost its position"));
    return {Verdict::Recovered, QStringLiteral("inspected %1").arg(s.lastLogInspected)};
}

} // namespace scr::powerloss

namespace scr::powerloss {

// The clock never goes back after a power loss: the reopened lab's time is at least every time the
// administrator was shown ("clock N") and every creation time in a log header that survived on any disk.
Verdict checkClockLease(const QString &stateDir, const QStringList &marks)
{
    qint64 floor = 0;
    QString why = QStringLiteral("nothing");
    for (const QString &m : marks)
        if (m.startsWith(QLatin1String("clock ")) && m.mid(6).toLongLong() > floor) {
            floor = m.mid(6).toLongLong();
            why = QStringLiteral("the time shown after a step");
        }
    const HostDisk disk = HostDisk::atFolder(stateDir);
    QDirIterator it(stateDir + QStringLiteral("/hosts"), {QStringLiteral("E*.log")}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        auto header = LogFile::readHeader(disk, path);
        if (header && header->creationTimeMs > floor) {
            floor = header->creationTimeMs;
            why = QStringLiteral("the creation time of ") + path.mid(stateDir.size() + 1);
        }
    }
    ShellSession shell(stateDir);
    if (auto st = shell.open(); !st || !shell.lab())
        return failed(QStringLiteral("the lab does not open: ") + (st ? QString() : st.error().toString()));
    const qint64 now = shell.lab()->clock().nowMs();
    if (now < floor)
        return failed(QStringLiteral("the clock went back: the lab reopened at %1, %2 is %3")
                          .arg(now)
                          .arg(why)
                          .arg(floor));
    return {Verdict::Recovered, QStringLiteral("reopened at %1, %2 ms ahead").arg(now).arg(now - floor)};
}

} // namespace scr::powerloss

namespace scr::powerloss {

// A copy restarted on the state: LastLogReplayed never below what was reported, no failure in two cycles,
// and its database holds exactly what the source's generations 1..LastLogReplayed hold (a reference replay
// of the source's own logs into a scratch file).
Verdict checkReplay(const QString &stateDir, const QStringList &marks)
{
    uint32_t acked = 0;
    for (const QString &m : marks)
        if (m.startsWith(QLatin1String("replayed ")))
            acked = m.mid(9).toUInt();
    const CopyConfig config = replayConfig(stateDir);
    CopyWorker copy(config, SystemClock::instance(), [](const ReplicationEvent &) {});
    if (copy.status().lastLogReplayed < acked)
        return failed(QStringLiteral("LastLogReplayed went back from %1 to %2")
                          .arg(acked)
                          .arg(copy.status().lastLogReplayed));
    for (int i = 0; i < 2; ++i) {
        copy.runCycle();
        if (copy.status().failed)
            return failed(
                QStringLiteral("the copy fails after the crash (LastLogReplayed %1 was reported): %2")
                    .arg(acked)
                    .arg(copy.status().failedMessage));
    }
    const uint32_t replayed = copy.status().lastLogReplayed;
    if (replayed < acked || replayed == 0)
        return failed(QStringLiteral("the copy replayed %1 after the restart, %2 was reported")
                          .arg(replayed)
                          .arg(acked));
    copy.closeDatabase();
    const StoragePaths source = storagePaths(stateDir, QStringLiteral("MBX1"));
    LogReplayer reference(source.disk, stateDir + QStringLiteral("/reference.edb"), kDatabase);
    for (uint32_t gen = 1; gen <= replayed; ++gen) {
        auto log =
            LogFile::load(source.disk, source.logFolder + QLatin1Char('/') + logFileName(source.prefix, gen));
        if (!log)
            return failed(
                QStringLiteral("the source's generation %1: %2").arg(gen).arg(log.error().toString()));
        if (auto st = reference.replay(*log); !st)
            return failed(
                QStringLiteral("the reference replay of %1: %2").arg(gen).arg(st.error().toString()));
    }
    auto db = Database::open(config.targetDisk, config.targetEdbPath, Database::Access::ReadOnly);
    if (!db)
        return failed(QStringLiteral("the copy's database does not open: ") + db.error().toString());
    auto mine = (*db)->contentChecksum();
    auto theirs = reference.database()->contentChecksum();
    if (!mine || !theirs || *mine != *theirs)
        return failed(
            QStringLiteral(
                "the copy's database (replayed through %1, %2 messages, applied %3) differs from the "
                "source's logs (%4 messages, applied %5)")
                .arg(replayed)
                .arg((*db)->messageCount() ? *(*db)->messageCount() : -1)
                .arg((*db)->header().applied.toString())
                .arg(reference.database()->messageCount() ? *reference.database()->messageCount() : -1)
                .arg(reference.database()->header().applied.toString()));
    return {Verdict::Recovered, QStringLiteral("replayed %1").arg(replayed)};
}

} // namespace scr::powerloss

namespace scr::powerloss {

// Every message was acknowledged before eseutil /r ran. Once it returned, the file as it is (no second
// recovery) is Clean Shutdown and holds them all; before, running it again gives the same; then the
// database mounts and takes a commit (checkDatabase).
Verdict checkEseutil(const QString &stateDir, const QStringList &marks)
{
    const StoragePaths paths = storagePaths(stateDir);
    if (marks.contains(QStringLiteral("recovered"))) {
        auto db = Database::open(paths.disk, paths.edbPath, Database::Access::ReadOnly);
        if (!db)
            return failed(QStringLiteral("eseutil /r returned, but the database does not open: ") +
                          db.error().toString());
        if ((*db)->header().state != DatabaseState::CleanShutdown)
            return failed(QStringLiteral("eseutil /r returned, but the database is not in Clean Shutdown"));
        auto count = (*db)->messageCount();
        if (!count || *count != kDirtyMessages)
            return failed(QStringLiteral("eseutil /r returned, but the database holds %1 of %2 messages")
                              .arg(count ? *count : -1)
                              .arg(kDirtyMessages));
    }
    return checkDatabase(paths, kDirtyMessages - 1);
}

} // namespace scr::powerloss

namespace scr::powerloss {

// Whatever the crash left, the directory points at whole files: the database mounts where the directory
// says, with every message. Once a move returned, the directory names its new path.
Verdict checkMovePath(const QString &stateDir, const QStringList &marks)
{
    QFile f(stateDir + QStringLiteral("/hosts/MBX1/expected-messages"));
    if (!f.open(QIODevice::ReadOnly))
        return failed(QStringLiteral("the set-up's count is missing"));
    const qint64 expected = f.readAll().toLongLong();
    ShellSession shell(stateDir);
    if (auto st = shell.open(); !st || !shell.lab())
        return failed(QStringLiteral("the lab does not open: ") + (st ? QString() : st.error().toString()));
    Lab &lab = *shell.lab();
    auto sg = lab.directory().storageGroup(QStringLiteral("MBX1\\SG2"));
    if (!sg || !*sg)
        return failed(QStringLiteral("MBX1\\SG2 is gone from the directory"));
    auto dbs = lab.directory().databases((**sg).id);
    if (!dbs || dbs->size() != 1)
        return failed(QStringLiteral("MBX1\\SG2's database is gone from the directory"));
    const DatabaseRecord record = dbs->front();
    if (marks.contains(QStringLiteral("moved logs")) &&
        ((**sg).logFolderPath != kMovedLogs || (**sg).systemFolderPath != kMovedLogs))
        return failed(QStringLiteral("Move-StorageGroupPath returned, but the directory says %1")
                          .arg((**sg).logFolderPath));
    if (marks.contains(QStringLiteral("moved database")) && record.edbFilePath != kMovedEdb)
        return failed(
            QStringLiteral("Move-DatabasePath returned, but the directory says %1").arg(record.edbFilePath));
    if (auto out = shell.execute(QStringLiteral("Mount-Database MBX1\\SG2\\DB2")); !out)
        return failed(QStringLiteral("the database does not mount (logs at %1, file at %2): %3")
                          .arg((**sg).logFolderPath, record.edbFilePath, out.error().toString()));
    MountedDatabase *mounted = lab.mountedDatabase(record.guid);
    if (!mounted)
        return failed(QStringLiteral("mounted, but not found"));
    auto count = mounted->database().messageCount();
    if (!count || *count != expected)
        return failed(QStringLiteral("the database (logs at %1, file at %2) holds %3 messages, %4 before")
                          .arg((**sg).logFolderPath, record.edbFilePath)
                          .arg(count ? *count : -1)
                          .arg(expected));
    return {Verdict::Recovered, QStringLiteral("%1 messages at %2").arg(expected).arg(record.edbFilePath)};
}

} // namespace scr::powerloss
