#include "store/checkpoint.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace scr;

class TestCheckpoint : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void roundTrip()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("E00.chk"));
        const Checkpoint c{{99, 1234}, {7, 8192}, QUuid::createUuid(), 5555};
        QVERIFY(writeCheckpoint(test::tempDisk(), path, c).hasValue());
        auto back = readCheckpoint(test::tempDisk(), path);
        QVERIFY(back.hasValue());
        QCOMPARE(back->signature, c.signature);
        QCOMPARE(back->position, c.position);
        QCOMPARE(back->databaseGuid, c.databaseGuid);
        QCOMPARE(back->writtenMs, c.writtenMs);
        // Written atomically: no temporary file is left beside it.
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{QStringLiteral("E00.chk")});
        // Overwriting replaces it whole.
        const Checkpoint later{{99, 1234}, {9, 4096}, c.databaseGuid, 6666};
        QVERIFY(writeCheckpoint(test::tempDisk(), path, later).hasValue());
        QCOMPARE(readCheckpoint(test::tempDisk(), path)->position, later.position);
    }
    void missingIsFileNotFound()
    {
        QTemporaryDir dir;
        auto r = readCheckpoint(test::tempDisk(), dir.filePath(QStringLiteral("E00.chk")),
                                QStringLiteral("C:\\Logs\\E00.chk"));
        QVERIFY(!r.hasValue());
        QCOMPARE(r.error().code, JetCode::FileNotFound);
        QCOMPARE(r.error().object, QStringLiteral("C:\\Logs\\E00.chk"));
    }
    void damageIsCheckpointCorrupt_data()
    {
        QTest::addColumn<int>("damage");
        QTest::newRow("flipped byte in position") << 24;
        QTest::newRow("flipped byte in magic") << 0;
        QTest::newRow("truncated") << -1;
        QTest::newRow("empty") << -2;
    }
    void damageIsCheckpointCorrupt()
    {
        QFETCH(int, damage);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("E00.chk"));
        QVERIFY(writeCheckpoint(test::tempDisk(), path, Checkpoint{{1, 2}, {3, 4096}, QUuid::createUuid(), 1})
                    .hasValue());
        if (damage >= 0) {
            QVERIFY(test::flipByte(path, damage));
        } else {
            QFile f(path);
            QVERIFY(f.resize(damage == -1 ? 20 : 0));
        }
        auto r = readCheckpoint(test::tempDisk(), path);
        QVERIFY(!r.hasValue());
        QCOMPARE(r.error().code, JetCode::CheckpointCorrupt);
        QVERIFY(r.error().fix.contains(QStringLiteral("Log Required")));
    }
};

QTEST_GUILESS_MAIN(TestCheckpoint)
#include "tst_checkpoint.moc"
