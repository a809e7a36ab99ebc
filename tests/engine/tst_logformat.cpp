#include "store/logfile.h"
#include "store/logformat.h"
#include "store/records.h"

#include "testsupport.h"

#include <cstring>

#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace scr;

class TestLogFormat : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void headerRoundTrip()
    {
        LogHeader h;
        h.prefix = QStringLiteral("E07");
        h.signature = {0x1234567890ABCDEFull, 1'700'000'000'123};
        h.generation = 0x2A;
        h.creationTimeMs = 1'700'000'100'000;
        h.prevCreationTimeMs = 1'700'000'099'000;
        const QByteArray bytes = encodeLogHeader(h);
        QCOMPARE(bytes.size(), kStoredLogHeaderSize);
        auto back = decodeLogHeader(bytes.constData(), bytes.size(), QStringLiteral("x.log"));
        QVERIFY(back.hasValue());
        QCOMPARE(back->prefix, h.prefix);
        QCOMPARE(back->signature, h.signature);
        QCOMPARE(back->generation, h.generation);
        QCOMPARE(back->creationTimeMs, h.creationTimeMs);
        QCOMPARE(back->prevCreationTimeMs, h.prevCreationTimeMs);
    }
    void headerDamageIsDetected()
    {
        LogHeader h;
        h.prefix = QStringLiteral("E00");
        h.generation = 3;
        QByteArray bytes = encodeLogHeader(h);
        for (int at : {0, 9, 20, 40, 55}) {
            QByteArray damaged = bytes;
            damaged[at] = static_cast<char>(damaged[at] ^ 1);
            auto r = decodeLogHeader(damaged.constData(), damaged.size(), QStringLiteral("E0000000003.log"));
            QVERIFY2(!r.hasValue(), qPrintable(QString::number(at)));
            QCOMPARE(r.error().code, JetCode::LogFileCorrupt);
            QCOMPARE(r.error().object, QStringLiteral("E0000000003.log"));
        }
    }
    void recordRoundTrip()
    {
        QByteArray file(kLogFileSize, '\0');
        DeliverMessageRecord msg{QUuid::createUuid(), QStringLiteral("<a@b>"), QStringLiteral("s@x"),
                                 QStringLiteral("Hi"), QByteArray("body bytes")};
        QByteArray encoded;
        encodeRecord(encoded, {5, 4096}, RecordType::DeliverMessage, 42, msg.encode());
        QCOMPARE(encoded.size() % kRecordAlignment, 0);
        std::memcpy(file.data() + 4096, encoded.constData(), encoded.size());
        LogRecordView view;
        QString why;
        QCOMPARE(decodeRecordAt(file.constData(), file.size(), 4096, {5, 4096}, &view, &why),
                 RecordCheck::Valid);
        QCOMPARE(view.type, RecordType::DeliverMessage);
        QCOMPARE(view.timeMs, 42);
        auto back = DeliverMessageRecord::decode(view);
        QVERIFY(back.hasValue());
        QCOMPARE(back->mailboxGuid, msg.mailboxGuid);
        QCOMPARE(back->internetMessageId, msg.internetMessageId);
        QCOMPARE(back->body, msg.body);
        // The same bytes at another place or generation are not that record.
        LogRecordView elsewhere;
        QCOMPARE(decodeRecordAt(file.constData(), file.size(), 4096, {6, 4096}, &elsewhere, &why),
                 RecordCheck::Bad);
        // Zeros are the end of the log.
        LogRecordView after;
        QCOMPARE(decodeRecordAt(file.constData(), file.size(), 4096 + encoded.size(),
                                {5, static_cast<uint32_t>(4096 + encoded.size())}, &after, &why),
                 RecordCheck::End);
        // Any flipped byte of the record's header, payload or padding is detected.
        for (int i = 0; i < view.encodedSize; i += (i < kRecordHeaderSize + view.payloadSize ? 3 : 1)) {
            QByteArray damaged = file;
            damaged[4096 + i] = static_cast<char>(damaged[4096 + i] ^ 0x10);
            LogRecordView bad;
            QCOMPARE(decodeRecordAt(damaged.constData(), damaged.size(), 4096, {5, 4096}, &bad, &why),
                     RecordCheck::Bad);
        }
    }
    void describedRecordRoundTrip()
    {
        // A described body: sixteen stored bytes declare 100 KB, which the record takes in the generation.
        DeliverMessageRecord msg{QUuid::createUuid(),
                                 QStringLiteral("<d@b>"),
                                 QStringLiteral("s@x"),
                                 QStringLiteral("Big"),
                                 {},
                                 100 * 1024,
                                 0xC0FFEE};
        QCOMPARE(msg.type(), RecordType::DeliverDescribedMessage);
        QByteArray encoded;
        encodeRecord(encoded, {7, 4096}, msg.type(), 9, msg.encode(), msg.describedBodySize);
        QVERIFY(encoded.size() < 200);
        QByteArray file(8192, '\0');
        std::memcpy(file.data() + kPackedRecordsStart, encoded.constData(), encoded.size());
        LogRecordView view;
        QString why;
        QCOMPARE(decodeRecordAt(file.constData(), file.size(), kPackedRecordsStart, {7, 4096}, &view, &why),
                 RecordCheck::Valid);
        QCOMPARE(view.describedSize, 100u * 1024);
        QCOMPARE(view.logicalSize(), encoded.size() + 100 * 1024);
        auto back = DeliverMessageRecord::decode(view);
        QVERIFY(back.hasValue());
        QCOMPARE(back->bodySize(), 100 * 1024);
        // The body comes back byte for byte from its seed, in any process, and differs with the seed.
        const QByteArray body = back->bodyBytes();
        QCOMPARE(body.size(), 100 * 1024);
        QCOMPARE(body, describedBody(0xC0FFEE, 100 * 1024));
        QVERIFY(body != describedBody(0xC0FFEF, 100 * 1024));
        QCOMPARE(describedBody(0xC0FFEE, 10), body.left(10));
        // A header that declares other described bytes than the payload is damage.
        QByteArray lying;
        encodeRecord(lying, {7, 4096}, msg.type(), 9, msg.encode(), 10);
        std::memcpy(file.data() + kPackedRecordsStart, lying.constData(), lying.size());
        QCOMPARE(decodeRecordAt(file.constData(), file.size(), kPackedRecordsStart, {7, 4096}, &view, &why),
                 RecordCheck::Valid);
        QVERIFY(!DeliverMessageRecord::decode(view).hasValue());
        // Described bytes that run past the generation's 1 MiB are refused.
        QByteArray tooBig;
        encodeRecord(tooBig, {7, 1000000}, msg.type(), 9, msg.encode(), msg.describedBodySize);
        std::memcpy(file.data() + kPackedRecordsStart, tooBig.constData(), tooBig.size());
        QCOMPARE(
            decodeRecordAt(file.constData(), file.size(), kPackedRecordsStart, {7, 1000000}, &view, &why),
            RecordCheck::Bad);
    }
    void payloadsRoundTrip()
    {
        const QUuid g = QUuid::createUuid();
        const auto view = [](const QByteArray &payload, RecordType t) {
            LogRecordView v;
            v.type = t;
            v.payload = payload.constData();
            v.payloadSize = payload.size();
            return v;
        };
        const QByteArray c = CreateDatabaseRecord{g, QStringLiteral("DB1")}.encode();
        QCOMPARE(CreateDatabaseRecord::decode(view(c, RecordType::CreateDatabase))->databaseName,
                 QStringLiteral("DB1"));
        const QByteArray a = AttachRecord{g, QStringLiteral("C:\\DB1.edb")}.encode();
        QCOMPARE(AttachRecord::decode(view(a, RecordType::Attach))->databaseGuid, g);
        const QByteArray m = CreateMailboxRecord{g, QStringLiteral("Ada Adler")}.encode();
        QCOMPARE(CreateMailboxRecord::decode(view(m, RecordType::CreateMailbox))->displayName,
                 QStringLiteral("Ada Adler"));
        // A truncated payload is an error, not garbage.
        const QByteArray cut = m.left(m.size() - 3);
        QVERIFY(!CreateMailboxRecord::decode(view(cut, RecordType::CreateMailbox)).hasValue());
    }
    void fileNames_data()
    {
        QTest::addColumn<QString>("prefix");
        QTest::addColumn<uint>("generation");
        QTest::addColumn<QString>("name");
        QTest::newRow("first") << QStringLiteral("E00") << 1u << QStringLiteral("E0000000001.log");
        QTest::newRow("hex") << QStringLiteral("E00") << 0xABCu << QStringLiteral("E0000000ABC.log");
        QTest::newRow("other prefix") << QStringLiteral("E02") << 0x10u << QStringLiteral("E0200000010.log");
        QTest::newRow("big") << QStringLiteral("E49") << 0xFFFFFFF0u << QStringLiteral("E49FFFFFFF0.log");
    }
    void fileNames()
    {
        QFETCH(QString, prefix);
        QFETCH(uint, generation);
        QFETCH(QString, name);
        QCOMPARE(logFileName(prefix, generation), name);
        QCOMPARE(parseLogFileName(name, prefix).value_or(0), generation);
        QCOMPARE(parseLogFileName(name.toLower(), prefix).value_or(0), generation);
    }
    void notLogNames()
    {
        QVERIFY(!parseLogFileName(QStringLiteral("E00.log"), QStringLiteral("E00")));
        QVERIFY(!parseLogFileName(QStringLiteral("E00tmp.log"), QStringLiteral("E00")));
        QVERIFY(!parseLogFileName(QStringLiteral("E0100000001.log"), QStringLiteral("E00")));
        QVERIFY(!parseLogFileName(QStringLiteral("E000000000G.log"), QStringLiteral("E00")));
        QVERIFY(!parseLogFileName(QStringLiteral("E0000000000.log"), QStringLiteral("E00")));
        QCOMPARE(openLogFileName(QStringLiteral("E00")), QStringLiteral("E00.log"));
        QCOMPARE(checkpointFileName(QStringLiteral("E01")), QStringLiteral("E01.chk"));
        QVERIFY(isValidLogPrefix(QStringLiteral("E49")));
        QVERIFY(!isValidLogPrefix(QStringLiteral("E50")));
        QVERIFY(!isValidLogPrefix(QStringLiteral("R00")));
    }
    void lsnPrintsLikeEse()
    {
        QCOMPARE(Lsn({5, 0xB4 * 512 + 0x1A}).toString(), QStringLiteral("(0x5,B4,1A)"));
        QCOMPARE(Lsn({0x1F, 4096}).toString(), QStringLiteral("(0x1F,8,0)"));
        QVERIFY(Lsn({1, 9000}) < Lsn({2, 4096}));
    }
    // Found while writing fuzz_logfile (a crafted input, tests/fuzz/regressions/logfile, timed it out): after
    // a bad record, scan looks for a valid record further on (damage in the middle, or a torn tail?),
    // checking the checksum of every plausible header at each 8 bytes. A 1 MiB log holding a header of its
    // generation every 16 bytes, each claiming 512 KiB, made that 16 GiB of CRC32C (the fuzz target timed
    // out); and the open log was then taken as a torn tail, its megabyte silently dropped. The search is
    // bounded now, and such a file is damage. A real torn tail (one partial record, a few stray headers)
    // still reads as torn.
    void laterRecordSearchIsBounded()
    {
        QTemporaryDir dir;
        LogHeader h;
        h.prefix = QStringLiteral("E00");
        h.generation = 1;
        const QByteArray header = encodeLogHeader(h);
        // A 16-byte tile read from any multiple of 16: crc (and the offset of the header 16 bytes before)
        // 0x8000, length 512 KiB, type 5, generation 1.
        QByteArray tile(16, '\0');
        const uint32_t fields[4] = {0x8000, 512 * 1024, 5, 1};
        std::memcpy(tile.data(), fields, sizeof fields);
        const auto scanOf = [&](int tiles, bool open) {
            QByteArray bytes = header + tile.repeated(tiles);
            const QString path =
                dir.filePath(open ? QStringLiteral("E00.log") : QStringLiteral("E0000000001.log"));
            QFile f(path);
            if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(bytes) != bytes.size() ||
                !f.resize(kLogFileSize))
                qFatal("cannot write %s", qPrintable(path));
            f.close();
            auto log = LogFile::load(test::tempDisk(), path);
            if (!log)
                qFatal("%s", qPrintable(log.error().toString()));
            return log->scan(open);
        };
        const int fullFile = static_cast<int>((kLogFileSize - kStoredLogHeaderSize) / 16);
        for (bool open : {true, false}) {
            QElapsedTimer timer;
            timer.start();
            auto scan = scanOf(fullFile, open);
            QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
            QVERIFY(!scan.hasValue());
            QCOMPARE(scan.error().code, JetCode::LogFileCorrupt);
            QVERIFY2(scan.error().reason.contains(QStringLiteral("byte 512 of the file")),
                     qPrintable(scan.error().reason));
        }
        // A torn record followed by a few stray headers of the generation: a torn tail, as before.
        auto torn = scanOf(4, true);
        QVERIFY2(torn.hasValue(), qPrintable(torn ? QString() : torn.error().toString()));
        QVERIFY(torn->tornTail);
        QCOMPARE(torn->records, 0);
    }
};

QTEST_GUILESS_MAIN(TestLogFormat)
#include "tst_logformat.moc"
