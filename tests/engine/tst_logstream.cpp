#include "core/fileio.h"
#include "store/logfile.h"
#include "store/logfolder.h"
#include "store/logstream.h"
#include "testsupport.h"

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace scr;

class TestLogStream : public QObject
{
    Q_OBJECT
private:
    test::ManualClock m_clock;

    static QByteArray payloadOf(int size, char fill) { return QByteArray(size, fill); }
    // Twenty records of 64,000 bytes, flushed: generation 1 closed, generation 2 open in E00.log.
    void writeOneClosedGeneration(const QString &folder)
    {
        auto s = LogStream::open(test::tempDisk(), folder, QStringLiteral("E00"), m_clock);
        QVERIFY(s.hasValue());
        for (int i = 0; i < 20; ++i)
            QVERIFY((*s)->append(RecordType::DeleteMessage, payloadOf(64000, 'z'), 1).hasValue());
        QVERIFY((*s)->flush().hasValue());
        QCOMPARE((*s)->generation(), 2u);
    }

private Q_SLOTS:
    void newStreamStartsAtGenerationOne()
    {
        QTemporaryDir dir;
        auto s = LogStream::open(test::tempDisk(), dir.path() + QStringLiteral("/Logs"),
                                 QStringLiteral("E00"), m_clock);
        QVERIFY(s.hasValue());
        QCOMPARE((*s)->generation(), 1u);
        QCOMPARE((*s)->end(), (Lsn{1, static_cast<uint32_t>(kLogHeaderSize)}));
        const QString e00 = dir.path() + QStringLiteral("/Logs/E00.log");
        QCOMPARE(QFileInfo(e00).size(), kLogFileSize);
        QVERIFY(!(*s)->signature().isNull());
    }
    void appendFlushAndReadBack()
    {
        QTemporaryDir dir;
        auto s = LogStream::open(test::tempDisk(), dir.path(), QStringLiteral("E00"), m_clock);
        QVERIFY(s.hasValue());
        std::vector<Lsn> lsns;
        for (int i = 0; i < 10; ++i)
            lsns.push_back(
                *(*s)->append(RecordType::DeleteMessage, payloadOf(100 + i, char('a' + i)), 1000 + i));
        QVERIFY((*s)->pendingBytes() > 0);
        QVERIFY((*s)->durableEnd() < (*s)->end());
        QVERIFY((*s)->flush().hasValue());
        QCOMPARE((*s)->durableEnd(), (*s)->end());
        auto log = LogFile::load(test::tempDisk(), dir.path() + QStringLiteral("/E00.log"));
        QVERIFY(log.hasValue());
        int i = 0;
        auto scan = log->scan(true, [&](const LogRecordView &v) -> Status {
            if (v.lsn != lsns[i] || v.payloadSize != 100 + i || v.payload[0] != char('a' + i) ||
                v.timeMs != 1000 + i)
                return Error{QStringLiteral("record"), QString::number(i), {}, JetCode::None};
            ++i;
            return {};
        });
        QVERIFY2(scan.hasValue(), qPrintable(scan.hasValue() ? QString() : scan.error().toString()));
        QCOMPARE(scan->records, 10);
        QCOMPARE(scan->end, (*s)->end());
    }
    void rollsOverAtExactlyOneMebibyte()
    {
        QTemporaryDir dir;
        auto s = LogStream::open(test::tempDisk(), dir.path(), QStringLiteral("E00"), m_clock);
        QVERIFY(s.hasValue());
        std::vector<uint32_t> closed;
        (*s)->setGenerationClosedHandler([&](uint32_t g) { closed.push_back(g); });
        // Records of 64 KiB - header: exactly 15 fit after the 4 KiB header (15 * 64 KiB + 4 KiB < 1 MiB).
        const QByteArray payload = payloadOf(64 * 1024 - int(kRecordHeaderSize), 'x');
        for (int i = 0; i < 15; ++i)
            QVERIFY((*s)->append(RecordType::DeleteMessage, payload, 1).hasValue());
        QCOMPARE((*s)->generation(), 1u);
        QCOMPARE((*s)->end().offset, uint32_t(kLogHeaderSize + 15 * 64 * 1024));
        // This one ends exactly at 1 MiB: it still belongs to generation 1.
        const qint64 rest = kLogFileSize - kLogHeaderSize - 15 * 64 * 1024 - kRecordHeaderSize;
        QVERIFY((*s)->append(RecordType::DeleteMessage, payloadOf(int(rest), 'y'), 1).hasValue());
        QCOMPARE((*s)->generation(), 1u);
        QCOMPARE((*s)->end().offset, uint32_t(kLogFileSize));
        auto lsn = (*s)->append(RecordType::DeleteMessage, payload, 1);
        QVERIFY(lsn.hasValue());
        QCOMPARE(*lsn, (Lsn{2, static_cast<uint32_t>(kLogHeaderSize)}));
        QCOMPARE(closed, std::vector<uint32_t>{1});
        QVERIFY((*s)->flush().hasValue());
        for (int i = 0; i < 40; ++i)
            QVERIFY((*s)->append(RecordType::DeleteMessage, payload, 1).hasValue());
        QVERIFY((*s)->flush().hasValue());
        auto listing = listLogFolder(test::tempDisk(), dir.path(), QStringLiteral("E00"));
        QCOMPARE(listing->closedGenerations, (std::vector<uint32_t>{1, 2, 3}));
        QVERIFY(listing->hasOpenLog);
        QVERIFY(!listing->hasNextTemp);
        const QStringList names = QDir(dir.path()).entryList(QDir::Files, QDir::Name);
        QCOMPARE(names, (QStringList{QStringLiteral("E00.log"), QStringLiteral("E0000000001.log"),
                                     QStringLiteral("E0000000002.log"), QStringLiteral("E0000000003.log")}));
        for (const QString &n : names)
            QCOMPARE(QFileInfo(dir.filePath(n)).size(), kLogFileSize);
        // Headers chain: each generation names the creation time of the one before.
        qint64 prev = 0;
        for (uint32_t g = 1; g <= 3; ++g) {
            auto log = LogFile::load(test::tempDisk(), dir.filePath(logFileName(QStringLiteral("E00"), g)));
            QVERIFY(log.hasValue());
            QCOMPARE(log->header().generation, g);
            QCOMPARE(log->header().prevCreationTimeMs, prev);
            QCOMPARE(log->header().signature, (*s)->signature());
            QCOMPARE(log->scan(false)->records, g == 1 ? 16 : 15);
            prev = log->header().creationTimeMs;
        }
        QCOMPARE(
            LogFile::load(test::tempDisk(), dir.filePath(QStringLiteral("E00.log")))->header().generation,
            4u);
    }
    void reopenContinuesWhereItEnded()
    {
        QTemporaryDir dir;
        LogSignature sig;
        Lsn end;
        {
            auto s = LogStream::open(test::tempDisk(), dir.path(), QStringLiteral("E03"), m_clock);
            for (int i = 0; i < 100; ++i)
                QVERIFY((*s)->append(RecordType::DeleteMessage, payloadOf(20000, 'q'), 5).hasValue());
            QVERIFY((*s)->flush().hasValue());
            sig = (*s)->signature();
            end = (*s)->end();
        }
        auto s = LogStream::open(test::tempDisk(), dir.path(), QStringLiteral("E03"), m_clock);
        QVERIFY(s.hasValue());
        QCOMPARE((*s)->signature(), sig);
        QCOMPARE((*s)->end(), end);
        QVERIFY(end.generation > 1);
    }
    void unflushedRecordsAreNotInTheFile()
    {
        QTemporaryDir dir;
        {
            auto s = LogStream::open(test::tempDisk(), dir.path(), QStringLiteral("E00"), m_clock);
            QVERIFY((*s)->append(RecordType::DeleteMessage, payloadOf(10, 'a'), 1).hasValue());
            QVERIFY((*s)->flush().hasValue());
            QVERIFY((*s)->append(RecordType::DeleteMessage, payloadOf(10, 'b'), 1).hasValue());
            // destroyed without flush: a crash before the group commit
        }
        auto log = LogFile::load(test::tempDisk(), dir.path() + QStringLiteral("/E00.log"));
        QCOMPARE(log->scan(true)->records, 1);
    }
    void tornTailIsClearedOnOpen()
    {
        QTemporaryDir dir;
        Lsn second;
        {
            auto s = LogStream::open(test::tempDisk(), dir.path(), QStringLiteral("E00"), m_clock);
            QVERIFY((*s)->append(RecordType::DeleteMessage, payloadOf(100, 'a'), 1).hasValue());
            second = *(*s)->append(RecordType::DeleteMessage, payloadOf(100, 'b'), 1);
            QVERIFY((*s)->flush().hasValue());
        }
        // Tear the second record: its bytes are half there.
        const QString e00 = dir.path() + QStringLiteral("/E00.log");
        const qint64 secondAt = test::recordPosition(e00, second);
        QVERIFY(secondAt > 0);
        QVERIFY(test::flipByte(e00, secondAt + 60));
        auto torn = LogFile::load(test::tempDisk(), e00);
        auto scan = torn->scan(true);
        QVERIFY(scan.hasValue());
        QVERIFY(scan->tornTail);
        QCOMPARE(scan->records, 1);
        // A closed log with the same damage is corrupt, and the error names generation and offset.
        auto strict = torn->scan(false);
        QVERIFY(!strict.hasValue());
        QCOMPARE(strict.error().code, JetCode::LogFileCorrupt);
        QVERIFY(strict.error().reason.contains(second.toString()));
        auto s = LogStream::open(test::tempDisk(), dir.path(), QStringLiteral("E00"), m_clock);
        QVERIFY(s.hasValue());
        QCOMPARE((*s)->end(), second);
        QVERIFY(LogFile::load(test::tempDisk(), e00)->isZeroFrom(secondAt));
    }
    void damageBeforeGoodRecordsIsCorruptionNotATornTail()
    {
        QTemporaryDir dir;
        Lsn first;
        {
            auto s = LogStream::open(test::tempDisk(), dir.path(), QStringLiteral("E00"), m_clock);
            first = *(*s)->append(RecordType::DeleteMessage, payloadOf(100, 'a'), 1);
            for (int i = 0; i < 5; ++i)
                QVERIFY((*s)->append(RecordType::DeleteMessage, payloadOf(100, 'b'), 1).hasValue());
            QVERIFY((*s)->flush().hasValue());
        }
        const QString e00 = dir.path() + QStringLiteral("/E00.log");
        QVERIFY(test::flipByte(e00, test::recordPosition(e00, first) + 50));
        auto scan = LogFile::load(test::tempDisk(), e00)->scan(true);
        QVERIFY(!scan.hasValue());
        QCOMPARE(scan.error().code, JetCode::LogFileCorrupt);
        // And the writer refuses to append after it rather than silently dropping five acknowledged records.
        QVERIFY(!LogStream::open(test::tempDisk(), dir.path(), QStringLiteral("E00"), m_clock).hasValue());
    }
    void finishesAnInterruptedRollOver()
    {
        QTemporaryDir dir;
        writeOneClosedGeneration(dir.path());
        if (QTest::currentTestFailed())
            return;
        // Simulate a crash between the two renames of a roll-over: E00.log already renamed to generation 2,
        // the prepared E00tmp.log (generation 3) not yet renamed to E00.log.
        auto gen2 = LogFile::load(test::tempDisk(), dir.filePath(QStringLiteral("E00.log")));
        LogHeader next = gen2->header();
        next.generation = 3;
        next.prevCreationTimeMs = gen2->header().creationTimeMs;
        next.creationTimeMs = gen2->header().creationTimeMs + 777;
        QByteArray bytes = encodeLogHeader(next);
        bytes.resize(kLogFileSize, '\0');
        QVERIFY(
            test::tempDisk().writeAtomically(dir.filePath(QStringLiteral("E00tmp.log")), bytes).hasValue());
        QVERIFY(QFile::rename(dir.filePath(QStringLiteral("E00.log")),
                              dir.filePath(QStringLiteral("E0000000002.log"))));
        {
            auto s = LogStream::open(test::tempDisk(), dir.path(), QStringLiteral("E00"), m_clock);
            QVERIFY(s.hasValue());
            QCOMPARE((*s)->generation(), 3u);
        }
        QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("E00tmp.log"))));
        auto log = LogFile::load(test::tempDisk(), dir.filePath(QStringLiteral("E00.log")));
        QCOMPARE(log->header().generation, 3u);
        QCOMPARE(log->header().creationTimeMs, next.creationTimeMs);
        // Without the prepared file, the stream continues with a new E00.log after the last closed log.
        QVERIFY(QFile::rename(dir.filePath(QStringLiteral("E00.log")),
                              dir.filePath(QStringLiteral("E0000000003.log"))));
        auto s = LogStream::open(test::tempDisk(), dir.path(), QStringLiteral("E00"), m_clock);
        QVERIFY(s.hasValue());
        QCOMPARE((*s)->generation(), 4u);
        QCOMPARE(LogFile::load(test::tempDisk(), dir.filePath(QStringLiteral("E00.log")))
                     ->header()
                     .prevCreationTimeMs,
                 next.creationTimeMs);
    }
    void aRollOversHeaderLostToPowerIsMadeAgain()
    {
        // A roll-over does not fdatasync the prepared log's header (the first flush into it does). If the
        // power went before that, E00.log is 1 MiB of zeros: it never held a record, and both recovery and
        // the writer take it for the prepared log it was.
        QTemporaryDir dir;
        writeOneClosedGeneration(dir.path());
        if (QTest::currentTestFailed())
            return;
        const QString e00 = dir.filePath(QStringLiteral("E00.log"));
        const QString closed = dir.filePath(QStringLiteral("E0000000001.log"));
        QVERIFY(QFile::resize(e00, 0) && QFile::resize(e00, kLogFileSize));
        QVERIFY(isUnwrittenLog(test::tempDisk(), e00));
        QVERIFY(!isUnwrittenLog(test::tempDisk(), closed));
        // One stray byte and it is damage, not an unwritten log.
        QVERIFY(test::flipByte(e00, 700000));
        QVERIFY(!isUnwrittenLog(test::tempDisk(), e00));
        QVERIFY(!LogStream::open(test::tempDisk(), dir.path(), QStringLiteral("E00"), m_clock).hasValue());
        QVERIFY(test::flipByte(e00, 700000));
        auto s = LogStream::open(test::tempDisk(), dir.path(), QStringLiteral("E00"), m_clock);
        QVERIFY(s.hasValue());
        QCOMPARE((*s)->generation(), 2u);
        auto log = LogFile::load(test::tempDisk(), e00);
        QVERIFY(log.hasValue());
        QCOMPARE(log->header().generation, 2u);
        QCOMPARE(log->header().prevCreationTimeMs,
                 LogFile::load(test::tempDisk(), closed)->header().creationTimeMs);
    }
    void refusesOversizedRecordsAndBadPrefixes()
    {
        QTemporaryDir dir;
        auto s = LogStream::open(test::tempDisk(), dir.path(), QStringLiteral("E00"), m_clock);
        auto r = (*s)->append(RecordType::DeleteMessage, QByteArray(kLogFileSize, 'x'), 1);
        QVERIFY(!r.hasValue());
        QCOMPARE(r.error().code, JetCode::InvalidParameter);
        QCOMPARE((*s)->pendingBytes(), 0);
        QVERIFY(!LogStream::open(test::tempDisk(), dir.path(), QStringLiteral("E50"), m_clock).hasValue());
    }
};

QTEST_GUILESS_MAIN(TestLogStream)
#include "tst_logstream.moc"
