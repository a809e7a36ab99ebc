// Recovery (eseutil /r) and mount/dismount: what is acknowledged survives a crash, replay is idempotent,
// and every kind of bad input stops recovery with its own error and the database unchanged.

#include "core/fileio.h"
#include "store/checkpoint.h"
#include "store/logfile.h"
#include "store/logfolder.h"
#include "store/mounteddatabase.h"
#include "store/recovery.h"
#include "testsupport.h"

#include <sys/stat.h>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace scr;

namespace {

struct Lab
{
    QTemporaryDir dir;
    StoragePaths paths{.disk = test::tempDisk(),
                       .prefix = QStringLiteral("E00"),
                       .logFolder = {},
                       .systemFolder = {},
                       .edbPath = {}};
    QUuid guid = QUuid::createUuid();
    QUuid mailbox = QUuid::createUuid();
    qint64 committed = 0; // messages acknowledged

    Lab()
    {
        paths.logFolder = dir.filePath(QStringLiteral("Logs/SG1"));
        paths.systemFolder = paths.logFolder;
        paths.edbPath = dir.filePath(QStringLiteral("Data/SG1/DB1.edb"));
    }
    QString log(uint32_t gen) const
    {
        return paths.logFolder + QLatin1Char('/') + logFileName(paths.prefix, gen);
    }
    QString openLog() const { return paths.logFolder + QStringLiteral("/E00.log"); }
    QString checkpoint() const { return paths.systemFolder + QStringLiteral("/E00.chk"); }
    RecoveryOptions options() const
    {
        RecoveryOptions o;
        o.disk = test::tempDisk();
        o.prefix = paths.prefix;
        o.logFolder = paths.logFolder;
        o.systemFolder = paths.systemFolder;
        o.databasePath = paths.edbPath;
        return o;
    }
};

constexpr quint64 kSeed = 11;

// Mounts, writes `messages` messages (bodies of 20-40 KB: about 35 a generation) committing every 7, then
// either dismounts or "crashes" (destroys the mounted database without dismount) with `uncommitted` more
// messages logged but never flushed.
void writeMessages(Lab &lab, const Clock &clock, int messages, bool dismount, int uncommitted = 0)
{
    auto db = MountedDatabase::mount(lab.paths, lab.guid, QStringLiteral("DB1"), clock);
    QVERIFY2(db.hasValue(), qPrintable(db.hasValue() ? QString() : db.error().toString()));
    if (!(*db)->knowsMailbox(lab.mailbox))
        QVERIFY((*db)->createMailbox({lab.mailbox, QStringLiteral("Ada Adler")}).hasValue());
    for (int i = 0; i < messages; ++i) {
        QVERIFY((*db)
                    ->deliverMessage(test::makeMessage(lab.mailbox, kSeed, lab.committed + i, 20000, 40000))
                    .hasValue());
        if (i % 7 == 6 || i == messages - 1)
            QVERIFY((*db)->commit().hasValue());
    }
    lab.committed += messages;
    for (int i = 0; i < uncommitted; ++i)
        QVERIFY((*db)
                    ->deliverMessage(test::makeMessage(lab.mailbox, kSeed, lab.committed + i, 20000, 40000))
                    .hasValue());
    if (dismount)
        QVERIFY((*db)->dismount().hasValue());
}

constexpr uint32_t kDescribedSize = 100 * 1024;
quint64 bodySeedOf(qint64 n)
{
    return 0xB0D7000ULL + static_cast<quint64>(n);
}

// Message n with a described body of kDescribedSize bytes: about ten take a generation.
DeliverMessageRecord describedMessage(const QUuid &mailbox, qint64 n)
{
    DeliverMessageRecord m;
    m.mailboxGuid = mailbox;
    m.internetMessageId = test::messageId(kSeed, n);
    m.sender = QStringLiteral("sender%1@fabrikam.com").arg(n % 17);
    m.subject = QStringLiteral("Report %1").arg(n);
    m.describedBodySize = kDescribedSize;
    m.bodySeed = bodySeedOf(n);
    return m;
}

// As writeMessages, with described bodies.
void writeDescribed(Lab &lab, const Clock &clock, int messages, bool dismount, int uncommitted = 0)
{
    auto db = MountedDatabase::mount(lab.paths, lab.guid, QStringLiteral("DB1"), clock);
    QVERIFY2(db.hasValue(), qPrintable(db.hasValue() ? QString() : db.error().toString()));
    if (!(*db)->knowsMailbox(lab.mailbox))
        QVERIFY((*db)->createMailbox({lab.mailbox, QStringLiteral("Ada Adler")}).hasValue());
    for (int i = 0; i < messages + uncommitted; ++i) {
        QVERIFY((*db)->deliverMessage(describedMessage(lab.mailbox, lab.committed + i)).hasValue());
        if (i < messages && (i % 7 == 6 || i == messages - 1))
            QVERIFY((*db)->commit().hasValue());
    }
    lab.committed += messages;
    if (dismount)
        QVERIFY((*db)->dismount().hasValue());
}

// The bytes a file really takes on disk (st_blocks), whatever its length says.
qint64 allocatedBytes(const QString &path)
{
    struct stat st
    {};
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? qint64(st.st_blocks) * 512 : -1;
}

QString errorText(const Result<RecoveryReport> &r)
{
    return r.hasValue() ? QStringLiteral("(succeeded)") : r.error().toString();
}

} // namespace

class TestRecovery : public QObject
{
    Q_OBJECT
private:
    test::ManualClock m_clock;

    // Runs recovery expecting code; asserts that the database file did not change.
    void expectRefusal(Lab &lab, RecoveryOptions options, JetCode code, const QString &mentions)
    {
        const QString before = test::fileFingerprint(lab.paths.edbPath);
        const QString chkBefore = test::fileFingerprint(lab.checkpoint());
        auto r = Recovery::run(options, m_clock);
        QVERIFY2(!r.hasValue(), "recovery should have refused");
        QVERIFY2(r.error().code == code, qPrintable(r.error().toString()));
        QVERIFY2(r.error().toString().contains(mentions), qPrintable(r.error().toString()));
        QVERIFY(!r.error().fix.isEmpty());
        QCOMPARE(test::fileFingerprint(lab.paths.edbPath), before);
        QCOMPARE(test::fileFingerprint(lab.checkpoint()), chkBefore);
    }

private Q_SLOTS:
    void dismountLeavesCleanShutdown()
    {
        Lab lab;
        writeMessages(lab, m_clock, 20, true);
        auto db = Database::open(test::tempDisk(), lab.paths.edbPath, Database::Access::ReadOnly);
        QCOMPARE((*db)->header().state, DatabaseState::CleanShutdown);
        QCOMPARE((*db)->header().logRequiredLow, 0u);
        QCOMPARE((*db)->header().logRequiredHigh, 0u);
        QCOMPARE(*(*db)->messageCount(), 20);
        QCOMPARE((*db)->header().lastConsistent, (*db)->header().lastDetach);
        QVERIFY(!QFile::exists(lab.paths.edbPath + QStringLiteral("-wal")) ||
                QFileInfo(lab.paths.edbPath + QStringLiteral("-wal")).size() == 0);
        // Mounting again finds nothing to replay and continues the same stream.
        writeMessages(lab, m_clock, 5, true);
        QCOMPARE(*Database::open(test::tempDisk(), lab.paths.edbPath, Database::Access::ReadOnly)
                      .value()
                      ->messageCount(),
                 25);
    }
    void crashThenRecoveryKeepsEveryAcknowledgedMessage()
    {
        Lab lab;
        writeMessages(lab, m_clock, 150, false, 4);
        auto dirty = Database::open(test::tempDisk(), lab.paths.edbPath, Database::Access::ReadOnly);
        QCOMPARE((*dirty)->header().state, DatabaseState::DirtyShutdown);
        QVERIFY(*(*dirty)->messageCount() < 150); // the file lags the log: write-ahead, lazy apply
        dirty->reset();
        auto report = Recovery::run(lab.options(), m_clock);
        QVERIFY2(report.hasValue(), qPrintable(errorText(report)));
        QVERIFY(report->usedCheckpoint);
        QVERIFY(report->lastGeneration >= 4);
        auto db = Database::open(test::tempDisk(), lab.paths.edbPath, Database::Access::ReadOnly);
        QCOMPARE((*db)->header().state, DatabaseState::CleanShutdown);
        QCOMPARE(*(*db)->messageCount(), 150);
        for (qint64 n : {0, 77, 149}) {
            auto m = (*db)->message(test::messageId(kSeed, n));
            QVERIFY(m.hasValue() && m->has_value());
            QCOMPARE((*m)->body, test::makeMessage(lab.mailbox, kSeed, n, 20000, 40000).body);
        }
        QVERIFY(!(*(*db)->message(test::messageId(kSeed, 150)))); // logged, never acknowledged
        QCOMPARE(readCheckpoint(test::tempDisk(), lab.checkpoint())->position, report->end);
    }
    void describedBodiesReadBackFromThinLogs_data()
    {
        QTest::addColumn<bool>("dismount");
        QTest::newRow("dismount") << true;
        QTest::newRow("crash and recovery") << false;
    }
    // Thin logs end to end: described bodies take their logical size in the generations (about ten of
    // 100 KB a generation) and in the mailbox's statistics, come back byte for byte from their seeds, and
    // every log file really holds only a block or two.
    void describedBodiesReadBackFromThinLogs()
    {
        QFETCH(bool, dismount);
        Lab lab;
        constexpr int kMessages = 35;
        writeDescribed(lab, m_clock, kMessages, dismount, dismount ? 0 : 2);
        if (!dismount) {
            QCOMPARE(Database::open(test::tempDisk(), lab.paths.edbPath, Database::Access::ReadOnly)
                         .value()
                         ->header()
                         .state,
                     DatabaseState::DirtyShutdown);
            auto report = Recovery::run(lab.options(), m_clock);
            QVERIFY2(report.hasValue(), qPrintable(errorText(report)));
        }
        auto db = Database::open(test::tempDisk(), lab.paths.edbPath, Database::Access::ReadOnly);
        QVERIFY(db.hasValue());
        QCOMPARE((*db)->header().state, DatabaseState::CleanShutdown);
        QCOMPARE(*(*db)->messageCount(), kMessages);
        for (qint64 n = 0; n < kMessages; ++n) {
            auto m = (*db)->message(test::messageId(kSeed, n));
            QVERIFY(m.hasValue() && m->has_value());
            QCOMPARE((*m)->body.size(), qsizetype(kDescribedSize));
            QVERIFY2((*m)->body == describedBody(bodySeedOf(n), kDescribedSize),
                     qPrintable(QString::number(n)));
        }
        QVERIFY((*db)->message(test::messageId(kSeed, 0)).value()->body !=
                describedBody(bodySeedOf(1), kDescribedSize));
        QVERIFY(!(*(*db)->message(test::messageId(kSeed, kMessages)))); // logged, never acknowledged
        auto mailboxes = (*db)->mailboxes();
        QVERIFY(mailboxes.hasValue());
        QCOMPARE(mailboxes->size(), std::size_t(1));
        QCOMPARE(mailboxes->front().itemCount, kMessages);
        QCOMPARE(mailboxes->front().totalItemSize, qint64(kMessages) * kDescribedSize);
        // Generations roll at the logical rate: ten messages of 100 KB fill one (1 MiB less its header).
        auto listing = listLogFolder(test::tempDisk(), lab.paths.logFolder, lab.paths.prefix);
        QVERIFY(listing.hasValue());
        QCOMPARE(listing->closedGenerations, (std::vector<uint32_t>{1, 2, 3}));
        int delivered = 0;
        for (uint32_t g = 1; g <= 4; ++g) {
            const QString path = g < 4 ? lab.log(g) : lab.openLog();
            auto log = LogFile::load(test::tempDisk(), path);
            QVERIFY(log.hasValue());
            QCOMPARE(log->header().generation, g);
            auto scan = log->scan(g == 4);
            QVERIFY2(scan.hasValue(), qPrintable(scan.hasValue() ? QString() : scan.error().toString()));
            const int count = scan->countByType[std::size_t(RecordType::DeliverDescribedMessage)];
            QCOMPARE(scan->countByType[std::size_t(RecordType::DeliverMessage)], 0);
            if (g < 4) {
                QCOMPARE(count, 10);
                QVERIFY(scan->end.offset > kLogFileSize - kDescribedSize); // no room for another
            }
            QCOMPARE(scan->describedBytes, qint64(count) * kDescribedSize);
            QVERIFY(log->storedBytes() <= 8192);
            delivered += count;
        }
        QCOMPARE(delivered, kMessages); // the two never acknowledged never reached the file
        // Each log is 1 MiB long and really takes a block or two.
        const QStringList logs = QDir(lab.paths.logFolder).entryList({QStringLiteral("*.log")}, QDir::Files);
        QCOMPARE(logs.size(), 4);
        for (const QString &name : logs) {
            const QString path = lab.paths.logFolder + QLatin1Char('/') + name;
            QCOMPARE(QFileInfo(path).size(), kLogFileSize);
            const qint64 used = allocatedBytes(path);
            QVERIFY2(used > 0 && used <= 8192,
                     qPrintable(QStringLiteral("%1: %2 bytes").arg(name).arg(used)));
        }
    }
    void mountRecoversByItself()
    {
        Lab lab;
        writeMessages(lab, m_clock, 40, false);
        writeMessages(lab, m_clock, 10, true); // soft recovery at mount, then 10 more
        QCOMPARE(*Database::open(test::tempDisk(), lab.paths.edbPath, Database::Access::ReadOnly)
                      .value()
                      ->messageCount(),
                 50);
    }
    void replayingTheSameLogsTwiceChangesNothing()
    {
        Lab lab;
        writeMessages(lab, m_clock, 120, false);
        auto first = Recovery::run(lab.options(), m_clock);
        QVERIFY2(first.hasValue(), qPrintable(errorText(first)));
        const QString checksum =
            *Database::open(test::tempDisk(), lab.paths.edbPath, Database::Access::ReadOnly)
                 .value()
                 ->contentChecksum();
        // Make the database believe it needs every log again, and lose the checkpoint: all logs are replayed.
        {
            auto db = Database::open(test::tempDisk(), lab.paths.edbPath, Database::Access::ReadWrite);
            DatabaseHeader h = (*db)->header();
            h.state = DatabaseState::DirtyShutdown;
            h.logRequiredLow = 1;
            h.logRequiredHigh = 1;
            QVERIFY((*db)->writeHeader(h).hasValue());
        }
        QVERIFY(QFile::remove(lab.checkpoint()));
        auto second = Recovery::run(lab.options(), m_clock);
        QVERIFY2(second.hasValue(), qPrintable(errorText(second)));
        QCOMPARE(second->firstGeneration, 1u);
        QCOMPARE(second->recordsApplied, 0);
        QVERIFY(second->recordsSkipped > 120);
        QCOMPARE(*Database::open(test::tempDisk(), lab.paths.edbPath, Database::Access::ReadOnly)
                      .value()
                      ->contentChecksum(),
                 checksum);
        // A database born from the same logs alone has the same content, row for row.
        QVERIFY(QFile::remove(lab.paths.edbPath));
        auto reborn = Recovery::run(lab.options(), m_clock);
        QVERIFY2(reborn.hasValue(), qPrintable(errorText(reborn)));
        QVERIFY(reborn->createdDatabase);
        auto db = Database::open(test::tempDisk(), lab.paths.edbPath, Database::Access::ReadOnly);
        QCOMPARE(*(*db)->contentChecksum(), checksum);
        QCOMPARE((*db)->header().guid, lab.guid);
    }
    void truncatedLogIsRefused()
    {
        Lab lab;
        writeMessages(lab, m_clock, 120, false);
        QFile f(lab.log(2));
        QVERIFY(f.resize(500 * 1024));
        expectRefusal(lab, lab.options(), JetCode::LogFileSizeMismatch, QStringLiteral("E0000000002.log"));
    }
    void flippedByteIsRefused()
    {
        Lab lab;
        writeMessages(lab, m_clock, 120, false);
        QVERIFY(test::flipByte(lab.log(2), 300'000));
        expectRefusal(lab, lab.options(), JetCode::LogFileCorrupt,
                      QStringLiteral("generation 2 is corrupt at (0x2,"));
    }
    // A thin log's records are a few hundred stored bytes: a flipped one is found as surely as in a log
    // that stores its bodies, and so is a byte written into the hole after them.
    void flippedStoredByteOfADescribedLogIsRefused()
    {
        Lab lab;
        writeDescribed(lab, m_clock, 35, false);
        std::vector<Lsn> lsns;
        auto log = LogFile::load(test::tempDisk(), lab.log(2));
        QVERIFY(log.hasValue());
        QVERIFY(log->scan(false,
                          [&](const LogRecordView &v) -> Status {
                              lsns.push_back(v.lsn);
                              return {};
                          })
                    .hasValue());
        QCOMPARE(lsns.size(), std::size_t(10));
        const Lsn victim = lsns[4];
        const qint64 position = test::recordPosition(lab.log(2), victim);
        QVERIFY(position >= kPackedRecordsStart && position < 4096); // packed, not at its logical offset
        QVERIFY(test::flipByte(lab.log(2), position + kRecordHeaderSize + 5)); // in its payload
        auto scan = LogFile::load(test::tempDisk(), lab.log(2))->scan(false);
        QVERIFY(!scan.hasValue());
        QCOMPARE(scan.error().code, JetCode::LogFileCorrupt);
        QVERIFY2(scan.error().toString().contains(
                     QStringLiteral("generation 2 is corrupt at %1").arg(victim.toString())),
                 qPrintable(scan.error().toString()));
        expectRefusal(lab, lab.options(), JetCode::LogFileCorrupt,
                      QStringLiteral("generation 2 is corrupt at %1").arg(victim.toString()));
    }
    void byteInTheHoleAfterTheRecordsIsRefused()
    {
        Lab lab;
        writeDescribed(lab, m_clock, 35, false);
        const qint64 end = LogFile::load(test::tempDisk(), lab.log(3))->scan(false)->physicalEnd;
        QVERIFY(end > kPackedRecordsStart && end < 4096);
        const qint64 at = 300'000; // far into the hole: what Invoke-Fault's old default hit
        {
            auto file = File::open(lab.log(3), File::Mode::ReadOnly);
            auto ranges = file->dataRanges();
            QVERIFY(ranges.hasValue() && !ranges->empty());
            QVERIFY(ranges->back().second <= at); // a hole there
        }
        QVERIFY(test::flipByte(lab.log(3), at));
        QCOMPARE(QFileInfo(lab.log(3)).size(), kLogFileSize);
        auto scan = LogFile::load(test::tempDisk(), lab.log(3))->scan(false);
        QVERIFY(!scan.hasValue());
        QCOMPARE(scan.error().code, JetCode::LogFileCorrupt);
        QVERIFY2(scan.error().toString().contains(QStringLiteral("bytes follow the last record")),
                 qPrintable(scan.error().toString()));
        QVERIFY2(scan.error().toString().contains(QStringLiteral("generation 3 is corrupt at (0x3,")),
                 qPrintable(scan.error().toString()));
        QVERIFY(scan.error().toString().contains(QStringLiteral("(byte 300000 of the file)")));
        expectRefusal(lab, lab.options(), JetCode::LogFileCorrupt,
                      QStringLiteral("bytes follow the last record"));
    }
    void flippedHeaderByteIsRefused()
    {
        Lab lab;
        writeMessages(lab, m_clock, 120, false);
        QVERIFY(test::flipByte(lab.log(3), 30));
        expectRefusal(lab, lab.options(), JetCode::LogFileCorrupt, QStringLiteral("E0000000003.log"));
    }
    void logOfAnotherStreamIsRefused()
    {
        Lab lab;
        writeMessages(lab, m_clock, 120, false);
        Lab other;
        writeMessages(other, m_clock, 120, false);
        QVERIFY(QFile::remove(lab.log(2)));
        QVERIFY(QFile::copy(other.log(2), lab.log(2)));
        expectRefusal(lab, lab.options(), JetCode::BadLogSignature, QStringLiteral("another log stream"));
    }
    void gapInGenerationsIsRefused()
    {
        Lab lab;
        writeMessages(lab, m_clock, 120, false);
        QVERIFY(QFile::remove(lab.log(2)));
        RecoveryOptions o = lab.options();
        o.allowLossOfTail = true; // /a does not bridge a gap
        expectRefusal(lab, o, JetCode::MissingLogFile, QStringLiteral("E0000000002.log"));
    }
    void logsOfAnotherDatabaseAreRefused()
    {
        // DB1 lives in the stream, is dismounted and its file put aside; a new database (another GUID) is
        // created in the same stream. Putting the old file back and recovering meets the new one's records.
        Lab lab;
        writeMessages(lab, m_clock, 40, true);
        const QString aside = lab.dir.filePath(QStringLiteral("old.edb"));
        QVERIFY(QFile::rename(lab.paths.edbPath, aside));
        lab.guid = QUuid::createUuid();
        writeMessages(lab, m_clock, 40, false);
        QVERIFY(QFile::remove(lab.paths.edbPath));
        QFile::remove(lab.paths.edbPath + QStringLiteral("-wal"));
        QFile::remove(lab.paths.edbPath + QStringLiteral("-shm"));
        QVERIFY(QFile::rename(aside, lab.paths.edbPath));
        expectRefusal(lab, lab.options(), JetCode::AttachedDatabaseMismatch,
                      lab.guid.toString(QUuid::WithoutBraces));
    }
    void missingCheckpointFallsBackToTheHeader()
    {
        Lab lab;
        writeMessages(lab, m_clock, 120, false);
        QVERIFY(QFile::remove(lab.checkpoint()));
        auto r = Recovery::run(lab.options(), m_clock);
        QVERIFY2(r.hasValue(), qPrintable(errorText(r)));
        QVERIFY(!r->usedCheckpoint);
        QVERIFY(r->notes.join(QLatin1Char(' ')).contains(QStringLiteral("No usable checkpoint")));
        QCOMPARE(*Database::open(test::tempDisk(), lab.paths.edbPath, Database::Access::ReadOnly)
                      .value()
                      ->messageCount(),
                 120);
    }
    void corruptCheckpointIsRefused()
    {
        Lab lab;
        writeMessages(lab, m_clock, 50, false);
        QVERIFY(test::flipByte(lab.checkpoint(), 20));
        expectRefusal(lab, lab.options(), JetCode::CheckpointCorrupt, QStringLiteral("E00.chk"));
    }
    void databaseFileThatIsNotOursIsRefused()
    {
        Lab lab;
        writeMessages(lab, m_clock, 30, false);
        QVERIFY(QFile::remove(lab.paths.edbPath));
        QFile::remove(lab.paths.edbPath + QStringLiteral("-wal"));
        QFile f(lab.paths.edbPath);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray("MZ this is a program, not a database").repeated(100));
        f.close();
        expectRefusal(lab, lab.options(), JetCode::DatabaseCorrupted, QStringLiteral("DB1.edb"));
    }
    void readOnlyFolderIsRefused()
    {
        Lab lab;
        writeMessages(lab, m_clock, 30, false);
        const QString folder = QFileInfo(lab.paths.edbPath).absolutePath();
        if (!test::makeReadOnly(folder))
            QSKIP("this file system cannot make a folder read-only for this user");
        expectRefusal(lab, lab.options(), JetCode::FileAccessDenied, QStringLiteral("read-only"));
        test::makeWritable(folder);
        QVERIFY(Recovery::run(lab.options(), m_clock).hasValue());
    }
    void missingCurrentLogNeedsAllowLoss()
    {
        Lab lab;
        writeMessages(lab, m_clock, 120, false);
        const uint32_t openGen = LogFile::load(test::tempDisk(), lab.openLog())->header().generation;
        QVERIFY(QFile::remove(lab.openLog()));
        expectRefusal(lab, lab.options(), JetCode::MissingLogFile, QStringLiteral("/a"));
        RecoveryOptions o = lab.options();
        o.allowLossOfTail = true;
        auto r = Recovery::run(o, m_clock);
        QVERIFY2(r.hasValue(), qPrintable(errorText(r)));
        QVERIFY(r->lostTail);
        QCOMPARE(r->lastGeneration, openGen - 1);
        auto db = Database::open(test::tempDisk(), lab.paths.edbPath, Database::Access::ReadOnly);
        QCOMPARE((*db)->header().state, DatabaseState::CleanShutdown);
        const qint64 kept = *(*db)->messageCount();
        QVERIFY(kept > 0 && kept < 120);
        // Exactly a prefix of the acknowledged messages survives: nothing out of order, nothing torn.
        for (qint64 n = 0; n < kept; ++n)
            QVERIFY((*(*db)->message(test::messageId(kSeed, n))).has_value());
    }
    void interruptedRollOverLosesNothing()
    {
        // The crash fell between "E00.log → E000000000N.log" and "E00tmp.log → E00.log" of a roll-over.
        Lab lab;
        writeMessages(lab, m_clock, 120, false);
        auto open = LogFile::load(test::tempDisk(), lab.openLog());
        QVERIFY(open.hasValue());
        QVERIFY(open->scan(true)->records > 0);
        const uint32_t gen = open->header().generation;
        LogHeader next = open->header();
        next.generation = gen + 1;
        next.prevCreationTimeMs = open->header().creationTimeMs;
        QByteArray bytes = encodeLogHeader(next);
        bytes.resize(kLogFileSize, '\0');
        QVERIFY(test::tempDisk()
                    .writeAtomically(lab.paths.logFolder + QStringLiteral("/E00tmp.log"), bytes)
                    .hasValue());
        QVERIFY(QFile::rename(lab.openLog(), lab.log(gen)));
        auto r = Recovery::run(lab.options(), m_clock);
        QVERIFY2(r.hasValue(), qPrintable(errorText(r)));
        QVERIFY(!r->lostTail);
        QCOMPARE(r->lastGeneration, gen);
        QCOMPARE(*Database::open(test::tempDisk(), lab.paths.edbPath, Database::Access::ReadOnly)
                      .value()
                      ->messageCount(),
                 120);
        // And the writer picks up where the roll-over stopped.
        writeMessages(lab, m_clock, 5, true);
        QCOMPARE(*Database::open(test::tempDisk(), lab.paths.edbPath, Database::Access::ReadOnly)
                      .value()
                      ->messageCount(),
                 125);
        QCOMPARE(LogFile::load(test::tempDisk(), lab.openLog())->header().generation, gen + 1);
    }
    void aPreparedLogWithoutItsHeaderLosesNothing()
    {
        // The power went after a roll-over renamed its prepared log into place, before the first flush
        // into it made its header durable: E00.log reads as 1 MiB of zeros. Every acknowledged message is
        // in the closed logs; recovery and the writer take E00.log for the prepared log it was.
        Lab lab;
        writeMessages(lab, m_clock, 120, false);
        auto open = LogFile::load(test::tempDisk(), lab.openLog());
        QVERIFY(open.hasValue());
        const uint32_t gen = open->header().generation;
        QVERIFY(QFile::rename(lab.openLog(), lab.log(gen)));
        QFile zeros(lab.openLog());
        QVERIFY(zeros.open(QIODevice::WriteOnly) && zeros.resize(kLogFileSize));
        zeros.close();
        auto r = Recovery::run(lab.options(), m_clock);
        QVERIFY2(r.hasValue(), qPrintable(errorText(r)));
        QVERIFY(!r->lostTail);
        QCOMPARE(r->lastGeneration, gen);
        QCOMPARE(*Database::open(test::tempDisk(), lab.paths.edbPath, Database::Access::ReadOnly)
                      .value()
                      ->messageCount(),
                 120);
        writeMessages(lab, m_clock, 5, true);
        QCOMPARE(*Database::open(test::tempDisk(), lab.paths.edbPath, Database::Access::ReadOnly)
                      .value()
                      ->messageCount(),
                 125);
        QCOMPARE(LogFile::load(test::tempDisk(), lab.openLog())->header().generation, gen + 1);
    }
    void databaseIsBornFromItsLogs()
    {
        Lab lab;
        writeMessages(lab, m_clock, 60, true);
        const QString checksum =
            *Database::open(test::tempDisk(), lab.paths.edbPath, Database::Access::ReadOnly)
                 .value()
                 ->contentChecksum();
        QVERIFY(QFile::remove(lab.paths.edbPath));
        RecoveryOptions o = lab.options();
        o.databasePath =
            QFileInfo(lab.paths.edbPath).absolutePath(); // /d names the folder, as eseutil's does
        auto r = Recovery::run(o, m_clock);
        QVERIFY2(r.hasValue(), qPrintable(errorText(r)));
        QVERIFY(r->createdDatabase);
        QCOMPARE(r->databasePath, lab.paths.edbPath);
        QCOMPARE(*Database::open(test::tempDisk(), lab.paths.edbPath, Database::Access::ReadOnly)
                      .value()
                      ->contentChecksum(),
                 checksum);
    }
    void aDatabasePathThatIsNeitherFolderNorEdbIsRefused()
    {
        Lab lab;
        writeMessages(lab, m_clock, 5, true);
        RecoveryOptions o = lab.options();
        o.databasePath = lab.dir.filePath(QStringLiteral("Data/SG9"));
        auto r = Recovery::run(o, m_clock);
        QVERIFY(!r.hasValue());
        QCOMPARE(r.error().code, JetCode::FileNotFound);
        QVERIFY(!QFileInfo::exists(o.databasePath));
    }
    void cancelLeavesAConsistentDatabaseAndCanResume()
    {
        Lab lab;
        writeMessages(lab, m_clock, 150, false);
        int calls = 0;
        auto r = Recovery::run(lab.options(), m_clock, [&](const QString &phase, int, int) {
            return !(phase.startsWith(QStringLiteral("Replaying")) && ++calls == 3);
        });
        QVERIFY(!r.hasValue());
        QCOMPARE(r.error().code, JetCode::OperationCancelled);
        QCOMPARE(Database::open(test::tempDisk(), lab.paths.edbPath, Database::Access::ReadOnly)
                     .value()
                     ->header()
                     .state,
                 DatabaseState::DirtyShutdown);
        auto again = Recovery::run(lab.options(), m_clock);
        QVERIFY2(again.hasValue(), qPrintable(errorText(again)));
        QCOMPARE(*Database::open(test::tempDisk(), lab.paths.edbPath, Database::Access::ReadOnly)
                      .value()
                      ->messageCount(),
                 150);
    }
    void mountRefusesAFileOfAnotherDatabase()
    {
        Lab lab;
        writeMessages(lab, m_clock, 10, true);
        const QString before = test::fileFingerprint(lab.paths.edbPath);
        auto db = MountedDatabase::mount(lab.paths, QUuid::createUuid(), QStringLiteral("DB1"), m_clock);
        QVERIFY(!db.hasValue());
        QCOMPARE(db.error().code, JetCode::AttachedDatabaseMismatch);
        QCOMPARE(test::fileFingerprint(lab.paths.edbPath), before);
    }
};

QTEST_GUILESS_MAIN(TestRecovery)
#include "tst_recovery.moc"
