#include "core/crc32c.h"

#include <QRandomGenerator>
#include <QTest>

using namespace scr;

class TestCrc32c : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void knownVectors_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<uint>("expected");
        // Check values from RFC 3720 (iSCSI), appendix B.4, and the CRC catalogue.
        QTest::newRow("123456789") << QByteArray("123456789") << 0xE3069283u;
        QTest::newRow("32 zeros") << QByteArray(32, '\0') << 0x8A9136AAu;
        QTest::newRow("32 ones") << QByteArray(32, '\xFF') << 0x62A8AB43u;
        QTest::newRow("empty") << QByteArray() << 0u;
    }
    void knownVectors()
    {
        QFETCH(QByteArray, input);
        QFETCH(uint, expected);
        QCOMPARE(crc32c(input.constData(), input.size()), expected);
        QCOMPARE(crc32cPortable(input.constData(), input.size()), expected);
    }
    void incrementalEqualsWhole()
    {
        QByteArray data(10007, Qt::Uninitialized);
        QRandomGenerator rng(7);
        for (auto &c : data)
            c = static_cast<char>(rng.bounded(256));
        const uint32_t whole = crc32c(data.constData(), data.size());
        for (int split : {0, 1, 7, 8, 4096, 10006}) {
            const uint32_t first = crc32c(data.constData(), split);
            QCOMPARE(crc32c(data.constData() + split, data.size() - split, first), whole);
        }
        QCOMPARE(crc32cPortable(data.constData(), data.size()), whole);
    }
    void detectsEveryOneByteChange()
    {
        QByteArray data(512, 'x');
        const uint32_t base = crc32c(data.constData(), data.size());
        for (int i = 0; i < data.size(); ++i) {
            data[i] = 'y';
            QVERIFY(crc32c(data.constData(), data.size()) != base);
            data[i] = 'x';
        }
    }
};

QTEST_GUILESS_MAIN(TestCrc32c)
#include "tst_crc32c.moc"
