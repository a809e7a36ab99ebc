// Recovery (eseutil /r) and mount/dismount: what is acknowledged survives a crash, replay is idempotent,
// and every kind of bad input stops recovery with its own error and the database unchanged.

#include "core/fileio.h"
#include "store/checkpoint.h"
#include "store/logfile.h"
#include "store/logfolder.h"
#include "store/mounteddatabase.h"
#include "store/recovery.h"
#include "testsupport.h"

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
