// The SCR copy pipeline on real files: copier, inspector, replayer, truncator under mail flow on a stepped
// virtual clock, with faults.

#include "sim/faultinjector.h"
#include "replication/copyworker.h"
#include "sim/mailflow.h"
#include "sim/virtualclock.h"
#include "store/logfile.h"
#include "store/logfolder.h"
#include "store/logreplayer.h"
#include "store/mounteddatabase.h"
#include "testsupport.h"

#include <functional>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace scr;

namespace {

constexpr qint64 kHour = 3600 * 1000;
constexpr qint64 kDay = 24 * kHour;

// One source storage group on MBX1 with mail flow of about one log a virtual second, and its SCR copies.
struct Site
{
    QTemporaryDir lab;
    VirtualClock clock{1'750'000'000'000};
    QUuid guid = QUuid::createUuid();
    std::vector<QUuid> mailboxes;
    std::map<QString, HostDisk> disks; // one per host, shared state (power, space), as the Lab keeps them
    StoragePaths source;
    std::unique_ptr<MountedDatabase> db;
    std::unique_ptr<MailFlow> flow;
    std::vector<std::unique_ptr<CopyWorker>> copies;
    std::vector<ReplicationEvent> events;

    QString hostRoot(const QString &host) const { return lab.filePath(QStringLiteral("hosts/") + host); }
    HostDisk disk(const QString &host)
    {
        auto it = disks.find(host);
        if (it == disks.end())
            it = disks.emplace(host, HostDisk(lab.path(), host)).first;
        return it->second;
    }
    QString logFolderOn(const QString &host) const
    {
        return hostRoot(host) + QStringLiteral("/C/Exchange/Logs/SG1");
    }
    QString edbOn(const QString &host) const
    {
        return hostRoot(host) + QStringLiteral("/C/Exchange/Data/SG1/DB1.edb");
    }

    Site()
    {
        source.disk = disk(QStringLiteral("MBX1"));
        source.logFolder = source.systemFolder = logFolderOn(QStringLiteral("MBX1"));
        source.edbPath = edbOn(QStringLiteral("MBX1"));
        auto mounted = MountedDatabase::mount(source, guid, QStringLiteral("DB1"), clock);
        if (!mounted)
            qFatal("%s", qPrintable(mounted.error().toString()));
        db = std::move(*mounted);
        for (int i = 0; i < 5; ++i) {
            mailboxes.push_back(QUuid::createUuid());
            if (auto created = db->createMailbox({mailboxes.back(), QStringLiteral("User %1").arg(i)});
                !created)
                qFatal("%s", qPrintable(created.error().toString()));
        }
        if (auto committed = db->commit(); !committed)
            qFatal("%s", qPrintable(committed.error().toString()));
        flow = std::make_unique<MailFlow>(*db, mailboxes, 7, clock.nowMs());
        flow->setRate(600);               // 10 messages a second...
        flow->setMessageSize(100 * 1024); // ...of 100 KB: about one log a second
    }
    CopyWorker &addCopy(const QString &standby, qint64 replayLag, qint64 truncationLag = 0)
    {
        CopyConfig c;
        c.sourceDisk = disk(QStringLiteral("MBX1"));
        c.targetDisk = disk(standby);
        c.identity = QStringLiteral("MBX1\\SG1");
        c.standbyMachine = standby;
        c.sourceLogFolder = source.logFolder;
        c.targetLogFolder = logFolderOn(standby);
        c.targetEdbPath = edbOn(standby);
        c.databaseGuid = guid;
        c.replayLagMs = replayLag;
        c.truncationLagMs = truncationLag;
        copies.push_back(std::make_unique<CopyWorker>(
            c, clock, [this](const ReplicationEvent &e) { events.push_back(e); }));
        return *copies.back();
    }
    void flowOnly(int seconds)
    {
        for (int s = 0; s < seconds; ++s) {
            clock.advance(1000);
            if (flow) {
                auto r = flow->deliverDue(clock.nowMs());
                QVERIFY2(r.hasValue(), qPrintable(r.hasValue() ? QString() : r.error().toString()));
            }
        }
    }
    void cycle()
    {
        for (auto &c : copies)
            c->runCycle();
    }
    void run(int seconds)
    {
        for (int s = 0; s < seconds; ++s) {
            flowOnly(1);
            cycle();
        }
    }
    bool hasEvent(int id) const
    {
        return std::any_of(events.begin(), events.end(),
                           [id](const ReplicationEvent &e) { return e.id == id; });
    }
    int logsOn(const QString &host) const
    {
        auto listing = listLogFolder(test::tempDisk(), logFolderOn(host), QStringLiteral("E00"));
        return listing ? int(listing->closedGenerations.size()) : 0;
    }
};

// Rewrites the stored header of the log at path (its checksum made again), as a log made that way would be.
bool rewriteLogHeader(const QString &path, const std::function<void(LogHeader &)> &edit)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadWrite))
        return false;
    const QByteArray stored = f.read(kStoredLogHeaderSize);
    auto header = decodeLogHeader(stored.constData(), stored.size(), path);
    if (!header)
        return false;
    edit(*header);
    const QByteArray encoded = encodeLogHeader(*header);
    return f.seek(0) && f.write(encoded) == encoded.size();
}

// Another storage group's log stream (its own signature) in the same lab, on the same clock, rolled over
// until generation last is closed: one described message of 900 KB per generation.
QString otherStreamLog(Site &site, uint32_t last)
{
    StoragePaths other;
    other.disk = site.disk(QStringLiteral("MBX1"));
    other.logFolder = other.systemFolder = site.hostRoot(QStringLiteral("MBX1")) + QStringLiteral("/C/Other");
    other.edbPath = site.hostRoot(QStringLiteral("MBX1")) + QStringLiteral("/C/Other/DB9.edb");
    const QUuid mailbox = QUuid::createUuid();
    auto db = MountedDatabase::mount(other, QUuid::createUuid(), QStringLiteral("DB9"), site.clock);
    if (!db || !(*db)->createMailbox({mailbox, QStringLiteral("Other")}))
        return {};
    for (qint64 n = 0; (*db)->log().generation() <= last; ++n) {
        DeliverMessageRecord m = test::makeMessage(mailbox, 99, n);
        m.body.clear();
        m.describedBodySize = 900'000;
        m.bodySeed = static_cast<quint64>(n);
        if (!(*db)->deliverMessage(m) || !(*db)->commit())
            return {};
    }
    if (!(*db)->dismount())
        return {};
    return other.logFolder + QLatin1Char('/') + logFileName(QStringLiteral("E00"), last);
}

QString statusText(const CopyStatus &s)
{
    return QStringLiteral("%1 gen %2 copied %3 inspected %4 replayed %5 failed '%6' note '%7'")
        .arg(summaryCopyStatusName(s.summary))
        .arg(s.lastLogGenerated)
        .arg(s.lastLogCopied)
        .arg(s.lastLogInspected)
        .arg(s.lastLogReplayed)
        .arg(s.failedMessage, s.note);
}

} // namespace

class TestReplication : public QObject
{
    Q_OBJECT
private Q_SLOTS:

    void lagZeroStaysHealthyFiftyLogsBehind()
    {
        Site site;
        CopyWorker &copy = site.addCopy(QStringLiteral("MBX3"), 0);
        copy.runCycle(); // no log closed yet at the source
        QCOMPARE(copy.status().summary, SummaryCopyStatus::Initializing);
        site.run(30);
        CopyStatus s = copy.status();
        // Waiting for SCR's 50 logs is normal operation: Healthy, with the note saying what it waits for.
        QVERIFY2(s.summary == SummaryCopyStatus::Healthy, qPrintable(statusText(s)));
        QVERIFY2(s.note.startsWith(QStringLiteral("waiting for initial replay (")),
                 qPrintable(statusText(s)));
        QVERIFY(s.note.contains(QStringLiteral("/50 logs)")));
        QVERIFY(!s.databaseExists);
        site.run(100);
        s = copy.status();
        QVERIFY2(s.summary == SummaryCopyStatus::Healthy, qPrintable(statusText(s)));
        QVERIFY(s.lastLogGenerated > 100);
        QVERIFY2(s.copyQueueLength() <= 1, qPrintable(statusText(s)));
        QCOMPARE(s.replayQueueLength(), 50);
        QVERIFY(s.databaseExists);
        QVERIFY(site.hasEvent(2094));
        // Truncation with lags of 0 keeps only what replay still needs.
        QVERIFY2(site.logsOn(QStringLiteral("MBX3")) <= 52,
                 qPrintable(QString::number(site.logsOn(QStringLiteral("MBX3")))));
        QVERIFY(s.lastCopiedLogTime > 0 && s.lastInspectedLogTime >= s.lastReplayedLogTime &&
                s.lastReplayedLogTime > 0);
    }
    void replayLagOfOneDayHoldsReplayBack()
    {
        Site site;
        CopyWorker &copy = site.addCopy(QStringLiteral("MBX3"), kDay);
        site.run(90);
        CopyStatus s = copy.status();
        QCOMPARE(s.lastLogReplayed, 0u);
        QVERIFY(s.lastLogInspected > 80);
        QVERIFY2(s.note.contains(QStringLiteral("ReplayLagTime")), qPrintable(statusText(s)));
        site.flow->setRate(0);
        site.clock.advance(kDay - 200 * 1000); // not quite a day after the first log
        site.cycle();
        QCOMPARE(copy.status().lastLogReplayed, 0u);
        site.clock.advance(300 * 1000);
        site.cycle();
        s = copy.status();
        QCOMPARE(s.lastLogReplayed, s.lastLogInspected - CopyWorker::kReplayLagGenerations);
        QVERIFY(s.databaseExists);
    }
    void copyHoldsExactlyTheReplayedGenerations()
    {
        Site site;
        CopyWorker &copy = site.addCopy(QStringLiteral("MBX3"), 0, kDay); // keep every log for the comparison
        site.run(100);
        site.flow->setRate(0);
        site.run(3);
        const CopyStatus s = copy.status();
        QVERIFY(s.lastLogReplayed > 10);
        // The source's content at that generation: its logs 1..R replayed into a scratch database.
        QTemporaryDir scratch;
        LogReplayer reference(test::tempDisk(), scratch.filePath(QStringLiteral("ref.edb")), site.guid);
        for (uint32_t g = 1; g <= s.lastLogReplayed; ++g) {
            auto log = LogFile::load(test::tempDisk(), site.source.logFolder + QLatin1Char('/') +
                                                           logFileName(QStringLiteral("E00"), g));
            QVERIFY(log.hasValue());
            QVERIFY(reference.replay(*log).hasValue());
        }
        copy.closeDatabase();
        auto copyDb =
            Database::open(test::tempDisk(), site.edbOn(QStringLiteral("MBX3")), Database::Access::ReadOnly);
        QVERIFY(copyDb.hasValue());
        QCOMPARE(*(*copyDb)->contentChecksum(), *reference.database()->contentChecksum());
        QVERIFY(*(*copyDb)->messageCount() > 0);
        QVERIFY(*(*copyDb)->messageCount() < site.flow->delivered()); // the last 50 logs are not in it yet
        QCOMPARE((*copyDb)->header().state, DatabaseState::DirtyShutdown);
    }
    // The logs are thin (the flow's bodies are described): a record's stored bytes are a few hundred bytes
    // at the start of the file, the rest a hole. Damage in either is found.
    void damagedCopyIsFetchedAgainAndStaysHealthy_data()
    {
        QTest::addColumn<qint64>("offset");
        QTest::newRow("a record's stored byte") << qint64(-1); // FaultInjector's pick
        QTest::newRow("the hole after the records") << qint64(300'000);
    }
    void damagedCopyIsFetchedAgainAndStaysHealthy()
    {
        QFETCH(qint64, offset);
        Site site;
        CopyWorker &copy = site.addCopy(QStringLiteral("MBX3"), 0, kDay);
        site.run(70);
        const uint32_t victim = copy.status().lastLogReplayed + 5;
        const QString name = logFileName(QStringLiteral("E00"), victim);
        const QString copied = site.logFolderOn(QStringLiteral("MBX3")) + QLatin1Char('/') + name;
        const QString source = site.source.logFolder + QLatin1Char('/') + name;
        QVERIFY(victim <= copy.status().lastLogCopied);
        QCOMPARE(test::fileFingerprint(copied), test::fileFingerprint(source));
        auto hit = FaultInjector::corruptFile(site.disk(QStringLiteral("MBX3")), copied,
                                              offset < 0 ? std::nullopt : std::optional(offset));
        QVERIFY(hit.hasValue());
        if (offset < 0)
            QVERIFY2(*hit >= kPackedRecordsStart &&
                         *hit < LogFile::load(test::tempDisk(), source)->scan(false)->physicalEnd,
                     qPrintable(QString::number(*hit)));
        else
            QCOMPARE(*hit, offset);
        auto damaged = LogFile::load(test::tempDisk(), copied)->scan(false);
        QVERIFY(!damaged.hasValue());
        QCOMPARE(damaged.error().code, JetCode::LogFileCorrupt);
        QVERIFY2(damaged.error().toString().contains(QStringLiteral("generation %1 is corrupt").arg(victim)),
                 qPrintable(damaged.error().toString()));
        site.run(20);
        const CopyStatus s = copy.status();
        QVERIFY2(s.summary == SummaryCopyStatus::Healthy, qPrintable(statusText(s)));
        QVERIFY(s.lastLogReplayed > victim);
        QVERIFY(site.hasEvent(2106));
        // Fetched again: the copy is the source's log again, byte for byte, and as thin.
        QCOMPARE(test::fileFingerprint(copied), test::fileFingerprint(source));
        QVERIFY(LogFile::load(test::tempDisk(), copied)->scan(false).hasValue());
    }
    void corruptSourceLogFailsTheCopyNamingTheGeneration_data()
    {
        QTest::addColumn<qint64>("offset");
        QTest::newRow("a record's stored byte") << qint64(-1);
        QTest::newRow("the hole after the records") << qint64(200'000);
    }
    void corruptSourceLogFailsTheCopyNamingTheGeneration()
    {
        QFETCH(qint64, offset);
        Site site;
        CopyWorker &copy = site.addCopy(QStringLiteral("MBX3"), 0);
        site.run(10);
        const uint32_t copied = copy.status().lastLogCopied;
        site.flowOnly(3); // new generations, not copied yet
        const uint32_t victim = copied + 1;
        const QString path =
            site.source.logFolder + QLatin1Char('/') + logFileName(QStringLiteral("E00"), victim);
        const qint64 end = LogFile::load(test::tempDisk(), path)->scan(false)->physicalEnd;
        auto hit = FaultInjector::corruptFile(site.source.disk, path,
                                              offset < 0 ? std::nullopt : std::optional(offset));
        QVERIFY(hit.hasValue());
        QVERIFY(offset < 0 ? (*hit >= kPackedRecordsStart && *hit < end) : *hit == offset);
        // A stored byte breaks a record; a byte in the hole is data where only zeros may be.
        auto damaged = LogFile::load(test::tempDisk(), path)->scan(false);
        QVERIFY(!damaged.hasValue());
        QCOMPARE(damaged.error().toString().contains(QStringLiteral("bytes follow the last record")),
                 offset >= 0);
        for (int i = 0; i < 5; ++i)
            site.cycle();
        const CopyStatus s = copy.status();
        QCOMPARE(s.summary, SummaryCopyStatus::Failed);
        QVERIFY(s.failed);
        QVERIFY2(s.failedMessage.contains(QStringLiteral("generation %1").arg(victim)),
                 qPrintable(s.failedMessage));
        QVERIFY(s.failedMessage.contains(QStringLiteral("corrupt at the source")));
        QVERIFY(site.hasEvent(2105));
        QCOMPARE(s.lastLogInspected, victim - 1);
        // A failed copy stays failed (no busy retries) until an administrator acts.
        site.run(3);
        QCOMPARE(copy.status().summary, SummaryCopyStatus::Failed);
    }
    // What SCR's inspector exists for (issue 22, 6b): each row puts, at the source, in place of the next
    // generation the copy has not copied yet, a log that exactly one of the inspector's rules refuses (the
    // others pass it), so removing that rule makes the row fail. The copy must refuse it, never move it into
    // its log folder, and fail naming the generation and the reason.
    void inspectorRefusesALogThatDoesNotBelong_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("reason");
        // The log signature: another stream's generation of the same number, whose header names the right
        // predecessor's creation time (so only the signature tells it apart).
        QTest::newRow("a log from another stream") << "signature"
                                                   << "belongs to another log stream";
        // The same before the copy's database exists (nothing replayed yet): the last inspected log's stream.
        QTest::newRow("a log from another stream, nothing replayed yet") << "signature-early"
                                                                         << "belongs to another log stream";
        // The chain: the source's own generation, but its header names a predecessor the copy does not hold
        // (the generation before it was replaced by another log made a second earlier).
        QTest::newRow("a log whose predecessor was replaced") << "chain"
                                                              << "does not follow generation";
        QTest::newRow("the same, the copy restarted first") << "chain-restart"
                                                            << "does not follow generation";
        // The generation: the file is named N but holds generation N + 1 (its header naming N - 1's time).
        QTest::newRow("a file holding another generation") << "generation"
                                                           << "holds generation";
        // The header checksum: a byte of the header's creation time changed.
        QTest::newRow("a header that does not match its checksum") << "checksum"
                                                                   << "its checksum does not match";
        // The size: the log cut to half (its records, at the start, are intact).
        QTest::newRow("a log cut short") << "size"
                                         << "it was truncated or is not a log";
    }
    void inspectorRefusesALogThatDoesNotBelong()
    {
        QFETCH(QString, kind);
        QFETCH(QString, reason);
        Site site;
        site.addCopy(QStringLiteral("MBX3"), 0, kDay);
        const bool early = kind == QLatin1String("signature-early");
        site.run(early ? 12 : 65);
        QVERIFY2(site.copies.back()->status().databaseExists != early,
                 qPrintable(statusText(site.copies.back()->status())));
        const uint32_t victim = site.copies.back()->status().lastLogCopied + 1;
        const auto sourceLog = [&](uint32_t gen) -> QString {
            return site.source.logFolder + QLatin1Char('/') + logFileName(QStringLiteral("E00"), gen);
        };
        const QString path = sourceLog(victim);
        const QString other =
            kind.startsWith(QLatin1String("signature")) ? otherStreamLog(site, victim) : QString();
        site.flowOnly(4); // victim and the one after it are closed at the source, not copied yet
        QVERIFY(QFileInfo::exists(sourceLog(victim + 1)));
        const qint64 before = LogFile::readHeader(test::tempDisk(), sourceLog(victim - 1))->creationTimeMs;
        const auto replaceWith = [&](const QString &from) {
            QFile in(from);
            QFile out(path);
            return in.open(QIODevice::ReadOnly) && out.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
                   out.write(in.readAll()) == kLogFileSize;
        };
        if (kind.startsWith(QLatin1String("signature"))) {
            QVERIFY(!other.isEmpty());
            QVERIFY(replaceWith(other));
            QVERIFY(rewriteLogHeader(path, [&](LogHeader &h) { h.prevCreationTimeMs = before; }));
            QVERIFY(LogFile::readHeader(test::tempDisk(), path)->signature !=
                    LogFile::readHeader(test::tempDisk(), sourceLog(victim - 1))->signature);
        } else if (kind.startsWith(QLatin1String("chain"))) {
            QVERIFY(rewriteLogHeader(path, [&](LogHeader &h) { h.prevCreationTimeMs = before - 1000; }));
        } else if (kind == QLatin1String("generation")) {
            QVERIFY(replaceWith(sourceLog(victim + 1)));
            QVERIFY(rewriteLogHeader(path, [&](LogHeader &h) { h.prevCreationTimeMs = before; }));
        } else if (kind == QLatin1String("checksum")) {
            QVERIFY(test::flipByte(path, 36)); // the low byte of the header's creation time
        } else if (kind == QLatin1String("size")) {
            QVERIFY(QFile::resize(path, kLogFileSize / 2));
        }
        // Every rule but the one this row is about passes the log: its records scan.
        if (kind != QLatin1String("checksum") && kind != QLatin1String("size"))
            QVERIFY(LogFile::load(test::tempDisk(), path)->scan(false).hasValue());
        if (kind == QLatin1String("chain-restart")) {
            site.copies.clear();
            site.addCopy(QStringLiteral("MBX3"), 0, kDay);
        }
        CopyWorker &copy = *site.copies.back();
        for (int i = 0; i < CopyWorker::kInspectorTries + 2; ++i)
            site.cycle();
        const CopyStatus s = copy.status();
        QVERIFY2(s.summary == SummaryCopyStatus::Failed, qPrintable(statusText(s)));
        QVERIFY2(s.failedMessage.contains(QStringLiteral("generation %1").arg(victim)),
                 qPrintable(s.failedMessage));
        QVERIFY2(s.failedMessage.contains(reason), qPrintable(s.failedMessage));
        QCOMPARE(s.lastLogInspected, victim - 1);
        QVERIFY(!QFileInfo::exists(site.logFolderOn(QStringLiteral("MBX3")) + QLatin1Char('/') +
                                   logFileName(QStringLiteral("E00"), victim)));
        QVERIFY(site.hasEvent(2104) || site.hasEvent(2105));
        // A failed copy stays failed: nothing more is inspected.
        site.run(3);
        QCOMPARE(copy.status().lastLogInspected, victim - 1);
    }
    void deletedLogsAtTargetAndSource()
    {
        Site site;
        CopyWorker &copy = site.addCopy(QStringLiteral("MBX3"), 0, kDay);
        site.run(70);
        // A log deleted on the standby before replay is fetched again.
        const uint32_t target = copy.status().lastLogReplayed + 3;
        QVERIFY(FaultInjector::deleteFile(site.disk(QStringLiteral("MBX3")),
                                          site.logFolderOn(QStringLiteral("MBX3")) + QLatin1Char('/') +
                                              logFileName(QStringLiteral("E00"), target)));
        site.run(10);
        CopyStatus s = copy.status();
        QVERIFY2(!s.failed && s.lastLogReplayed > target, qPrintable(statusText(s)));
        // A log deleted at the source before it was copied fails the copy, naming it.
        const uint32_t copied = s.lastLogCopied;
        site.flowOnly(3);
        QVERIFY(
            FaultInjector::deleteFile(site.source.disk, site.source.logFolder + QLatin1Char('/') +
                                                            logFileName(QStringLiteral("E00"), copied + 1)));
        site.cycle();
        s = copy.status();
        QCOMPARE(s.summary, SummaryCopyStatus::Failed);
        QVERIFY2(s.failedMessage.contains(QStringLiteral("generation %1").arg(copied + 1)),
                 qPrintable(s.failedMessage));
        QVERIFY(!FaultInjector::deleteFile(site.source.disk,
                                           site.source.logFolder + QStringLiteral("/nothing.log")));
    }
    void fullDiskFailsTheCopyUntilSpaceReturns()
    {
        Site site;
        CopyWorker &copy = site.addCopy(QStringLiteral("MBX3"), 0);
        site.run(60);
        QVERIFY(FaultInjector::fillDisk(site.disk(QStringLiteral("MBX3"))).hasValue());
        site.run(5);
        CopyStatus s = copy.status();
        QVERIFY2(s.summary == SummaryCopyStatus::Failed, qPrintable(statusText(s)));
        QVERIFY2(s.failedMessage.contains(QStringLiteral("JET_errDiskFull")), qPrintable(s.failedMessage));
        QVERIFY(site.hasEvent(2104));
        QVERIFY(FaultInjector::freeDisk(site.disk(QStringLiteral("MBX3"))).hasValue());
        site.run(5);
        s = copy.status();
        QVERIFY2(!s.failed && s.summary == SummaryCopyStatus::Healthy, qPrintable(statusText(s)));
        QVERIFY(s.copyQueueLength() <= 1);
        QVERIFY(site.hasEvent(2108));
    }
    void poweringTheSourceOffLeavesTheCopyIntact()
    {
        Site site;
        CopyWorker &copy = site.addCopy(QStringLiteral("MBX3"), 0, kDay);
        site.run(70);
        const CopyStatus before = copy.status();
        const int logs = site.logsOn(QStringLiteral("MBX3"));
        site.disk(QStringLiteral("MBX1")).setPoweredOn(false);
        site.flow.reset();
        site.db.reset(); // the information store dies with the host: no dismount
        site.run(10);
        const CopyStatus s = copy.status();
        // Never Healthy with the source gone: Failed, naming the source and since when.
        QVERIFY2(s.failed && s.summary == SummaryCopyStatus::Failed, qPrintable(statusText(s)));
        QVERIFY2(s.failedMessage.contains(QStringLiteral("MBX1 cannot be reached since ")),
                 qPrintable(s.failedMessage));
        QVERIFY(s.note.contains(QStringLiteral("unreachable")));
        QVERIFY(site.hasEvent(2109));
        QVERIFY(!site.hasEvent(2108));
        QCOMPARE(s.lastLogCopied, before.lastLogCopied);
        QCOMPARE(s.lastLogInspected, before.lastLogInspected);
        QCOMPARE(site.logsOn(QStringLiteral("MBX3")), logs);
        QVERIFY(s.lastLogReplayed >= before.lastLogReplayed);
        copy.closeDatabase();
        QVERIFY(
            Database::open(test::tempDisk(), site.edbOn(QStringLiteral("MBX3")), Database::Access::ReadOnly)
                .hasValue());
        // While it is off, its files are unreachable for everyone.
        QVERIFY(!listLogFolder(site.source.disk, site.source.logFolder, QStringLiteral("E00")).hasValue());
        // Back on: the copy recovers by itself within a cycle.
        site.disk(QStringLiteral("MBX1")).setPoweredOn(true);
        copy.runCycle();
        QVERIFY2(!copy.status().failed && copy.status().summary == SummaryCopyStatus::Healthy,
                 qPrintable(statusText(copy.status())));
        QVERIFY(site.hasEvent(2108));
    }
    // A copy's database is born from its first log and put in place before the batch replaying that log
    // commits. A power loss or kill between the two (found by tst_powerloss replayIntoTheCopy) left a file
    // with no record applied that said generation 1 was replayed: the records after its CreateDB record
    // (the mailboxes, the first messages) were skipped for good.
    void copyBornButNotReplayedReplaysItsFirstLog()
    {
        Site site;
        site.addCopy(QStringLiteral("MBX3"), kDay, kDay); // copies and inspects, replays nothing yet
        site.run(60);
        QVERIFY(!site.copies.back()->status().databaseExists);
        site.copies.clear();
        // What the replayer leaves when it dies right after the birth: Database::createFromLog alone.
        auto first =
            LogFile::load(test::tempDisk(), site.logFolderOn(QStringLiteral("MBX3")) + QLatin1Char('/') +
                                                logFileName(QStringLiteral("E00"), 1));
        QVERIFY(first.hasValue());
        std::optional<LogRecordView> created;
        QVERIFY(first
                    ->scan(false,
                           [&](const LogRecordView &view) -> Status {
                               if (!created && view.type == RecordType::CreateDatabase)
                                   created = view;
                               return {};
                           })
                    .hasValue());
        QVERIFY(created.has_value());
        QVERIFY(Database::createFromLog(site.disk(QStringLiteral("MBX3")), site.edbOn(QStringLiteral("MBX3")),
                                        site.guid, QStringLiteral("DB1"), first->header().signature,
                                        created->lsn, created->timeMs)
                    .hasValue());
        CopyWorker &copy = site.addCopy(QStringLiteral("MBX3"), 0, kDay);
        QCOMPARE(copy.status().lastLogReplayed, 0u); // generation 1 is still to replay
        site.flow->setRate(0);
        site.cycle();
        const CopyStatus s = copy.status();
        QVERIFY2(!s.failed && s.lastLogReplayed > 1, qPrintable(statusText(s)));
        QTemporaryDir scratch;
        LogReplayer reference(test::tempDisk(), scratch.filePath(QStringLiteral("ref.edb")), site.guid);
        for (uint32_t g = 1; g <= s.lastLogReplayed; ++g) {
            auto log = LogFile::load(test::tempDisk(), site.source.logFolder + QLatin1Char('/') +
                                                           logFileName(QStringLiteral("E00"), g));
            QVERIFY(log.hasValue());
            QVERIFY(reference.replay(*log).hasValue());
        }
        copy.closeDatabase();
        auto copyDb =
            Database::open(test::tempDisk(), site.edbOn(QStringLiteral("MBX3")), Database::Access::ReadOnly);
        QVERIFY(copyDb.hasValue());
        QCOMPARE((*copyDb)->mailboxGuids()->size(), site.mailboxes.size());
        QCOMPARE(*(*copyDb)->contentChecksum(), *reference.database()->contentChecksum());
    }
    void restartResumesWithoutGapOrSecondReplay()
    {
        Site site;
        site.addCopy(QStringLiteral("MBX3"), 0);
        site.run(80);
        const CopyStatus before = site.copies.back()->status();
        site.copies.clear(); // the service goes away between two cycles
        CopyWorker &again = site.addCopy(QStringLiteral("MBX3"), 0);
        const CopyStatus after = again.status();
        QCOMPARE(after.lastLogCopied, before.lastLogCopied);
        QCOMPARE(after.lastLogInspected, before.lastLogInspected);
        QCOMPARE(after.lastLogReplayed, before.lastLogReplayed);
        site.run(30);
        const CopyStatus s = again.status();
        QVERIFY2(!s.failed && s.summary == SummaryCopyStatus::Healthy, qPrintable(statusText(s)));
        QVERIFY(s.lastLogReplayed > before.lastLogReplayed);
    }
    void fourTargetsAreIndependentlyLagged()
    {
        Site site;
        CopyWorker &a = site.addCopy(QStringLiteral("MBX2"), 0);
        CopyWorker &b = site.addCopy(QStringLiteral("MBX3"), 0, kHour);
        CopyWorker &c = site.addCopy(QStringLiteral("MBX4"), kHour);
        CopyWorker &d = site.addCopy(QStringLiteral("MBX5"), kDay);
        site.run(120);
        QCOMPARE(a.status().lastLogReplayed, b.status().lastLogReplayed);
        QVERIFY(a.status().lastLogReplayed > 50);
        QVERIFY(site.logsOn(QStringLiteral("MBX3")) >
                site.logsOn(QStringLiteral("MBX2"))); // its truncation lag
        QCOMPARE(c.status().lastLogReplayed, 0u);
        QCOMPARE(d.status().lastLogReplayed, 0u);
        site.flow->setRate(0);
        site.clock.advance(kHour);
        for (int i = 0; i < 3; ++i) // a cycle replays at most kMaxLogsPerCycle logs
            site.cycle();
        QCOMPARE(c.status().lastLogReplayed, c.status().lastLogInspected - 50);
        QCOMPARE(d.status().lastLogReplayed, 0u);
        for (CopyWorker *w : {&a, &b, &c, &d})
            QVERIFY2(!w->status().failed, qPrintable(statusText(w->status())));
    }
    void suspendStopsAndResumeCatchesUp()
    {
        Site site;
        CopyWorker &copy = site.addCopy(QStringLiteral("MBX3"), 0);
        site.run(60);
        copy.suspend(QStringLiteral("storage maintenance"));
        copy.suspend(QStringLiteral("storage maintenance")); // twice is not an error
        const uint32_t copied = copy.status().lastLogCopied;
        site.run(20);
        CopyStatus s = copy.status();
        QCOMPARE(s.summary, SummaryCopyStatus::Suspended);
        QVERIFY(s.suspend);
        QCOMPARE(s.suspendComment, QStringLiteral("storage maintenance"));
        QCOMPARE(s.lastLogCopied, copied);
        QVERIFY(s.copyQueueLength() >= 19);
        copy.resume();
        site.run(3);
        s = copy.status();
        QVERIFY2(s.summary == SummaryCopyStatus::Healthy, qPrintable(statusText(s)));
        QVERIFY(s.copyQueueLength() <= 1);
    }
};

QTEST_GUILESS_MAIN(TestReplication)
#include "tst_replication.moc"
