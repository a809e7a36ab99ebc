#include "store/eseutil.h"
#include "store/mounteddatabase.h"
#include "testsupport.h"

#include <QTemporaryDir>
#include <QTest>

using namespace scr;

class TestEseutil : public QObject
{
    Q_OBJECT
private:
    test::ManualClock m_clock;
    std::unique_ptr<QTemporaryDir> m_dir; // a folder of its own for each function: none needs another's
    StoragePaths m_paths{.disk = test::tempDisk(),
                         .prefix = QStringLiteral("E00"),
                         .logFolder = {},
                         .systemFolder = {},
                         .edbPath = {}};

    QString displayOf(const QString &p) const
    {
        return QStringLiteral("C:\\Lab\\") + QFileInfo(p).fileName();
    }

    // A database of one mailbox and 60 messages of 20-30 KB (generations 1 and 2), cleanly dismounted.
    void makeDatabase(const QUuid &guid)
    {
        const QUuid mbx = QUuid::createUuid();
        auto db = MountedDatabase::mount(m_paths, guid, QStringLiteral("DB1"), m_clock);
        QVERIFY(db.hasValue());
        QVERIFY((*db)->createMailbox({mbx, QStringLiteral("Ada Adler")}).hasValue());
        for (int i = 0; i < 60; ++i)
            QVERIFY((*db)->deliverMessage(test::makeMessage(mbx, 3, i, 20000, 30000)).hasValue());
        QVERIFY((*db)->commit().hasValue());
        QVERIFY((*db)->dismount().hasValue());
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_paths.logFolder = m_paths.systemFolder = m_dir->filePath(QStringLiteral("Logs"));
        m_paths.edbPath = m_dir->filePath(QStringLiteral("DB1.edb"));
    }
    void cleanup() { m_dir.reset(); }
    void headerDumpShowsCleanAndDirtyShutdown()
    {
        const QUuid guid = QUuid::createUuid();
        makeDatabase(guid);
        if (QTest::currentTestFailed())
            return;
        auto clean = eseutil::dumpDatabaseHeader(test::tempDisk(), m_paths.edbPath,
                                                 QStringLiteral("C:\\Data\\DB1.edb"));
        QVERIFY(clean.hasValue());
        QVERIFY2(clean->contains(QStringLiteral("            State: Clean Shutdown\n")), qPrintable(*clean));
        QVERIFY(clean->contains(QStringLiteral("     Log Required: 0-0 (0x0-0x0)\n")));
        QVERIFY(clean->contains(QStringLiteral("         Database: C:\\Data\\DB1.edb")));
        QVERIFY(clean->contains(guid.toString(QUuid::WithBraces).toUpper()));
        QVERIFY(clean->contains(QStringLiteral("         Messages: 60\n")));
        QVERIFY(clean->contains(QStringLiteral("  Last Consistent: (0x2,")));
        {
            auto db = MountedDatabase::mount(m_paths, guid, QStringLiteral("DB1"), m_clock);
            QVERIFY(db.hasValue());
        } // not dismounted
        auto dirty = eseutil::dumpDatabaseHeader(test::tempDisk(), m_paths.edbPath,
                                                 QStringLiteral("C:\\Data\\DB1.edb"));
        QVERIFY2(dirty.hasValue(), qPrintable(dirty.hasValue() ? QString() : dirty.error().toString()));
        QVERIFY2(dirty->contains(QStringLiteral("State: Dirty Shutdown")), qPrintable(*dirty));
        QVERIFY(dirty->contains(QStringLiteral("Log Required: 2-2 (0x2-0x2)")));
    }
    void logDumpShowsGenerationAndRecords()
    {
        makeDatabase(QUuid::createUuid());
        if (QTest::currentTestFailed())
            return;
        auto text = eseutil::dumpLog(test::tempDisk(), m_paths.logFolder + QStringLiteral("/E0000000001.log"),
                                     QStringLiteral("C:\\Logs\\E0000000001.log"));
        QVERIFY2(text.hasValue(), qPrintable(text.hasValue() ? QString() : text.error().toString()));
        QVERIFY2(text->contains(QStringLiteral("lGeneration: 1 (0x1)")), qPrintable(*text));
        QVERIFY(text->contains(QStringLiteral("Base name: E00")));
        QVERIFY(text->contains(QStringLiteral("prev gen time: 00/00/1900 00:00:00.000")));
        QVERIFY(text->contains(QStringLiteral("CreateDB 1")));
        QVERIFY(text->contains(QStringLiteral("CreateMailbox 1")));
        QVERIFY(
            text->contains(QStringLiteral("Integrity check passed for log file: C:\\Logs\\E0000000001.log")));
        QVERIFY(test::flipByte(m_paths.logFolder + QStringLiteral("/E0000000001.log"), 5000));
        auto bad = eseutil::dumpLog(test::tempDisk(), m_paths.logFolder + QStringLiteral("/E0000000001.log"),
                                    QStringLiteral("x.log"));
        QVERIFY(!bad.hasValue());
        QCOMPARE(bad.error().code, JetCode::LogFileCorrupt);
    }
    void checkpointDump()
    {
        makeDatabase(QUuid::createUuid());
        if (QTest::currentTestFailed())
            return;
        auto text =
            eseutil::dumpCheckpoint(test::tempDisk(), m_paths.systemFolder + QStringLiteral("/E00.chk"),
                                    QStringLiteral("C:\\Logs\\E00.chk"));
        QVERIFY(text.hasValue());
        QVERIFY2(text->contains(QStringLiteral("Checkpoint: (0x2,")), qPrintable(*text));
        auto missing = eseutil::dumpCheckpoint(test::tempDisk(), m_dir->filePath(QStringLiteral("none.chk")),
                                               QStringLiteral("C:\\none.chk"));
        QVERIFY(!missing.hasValue());
        QCOMPARE(missing.error().code, JetCode::FileNotFound);
    }
    void recoveryReportNamesWhatItDid()
    {
        RecoveryReport r;
        r.firstGeneration = 3;
        r.lastGeneration = 9;
        r.end = {9, 8192};
        r.notes << QStringLiteral("Replayed generations 3 to 9.");
        const QString text = eseutil::formatRecoveryReport(r, QStringLiteral("C:\\Data\\DB1.edb"));
        QVERIFY(text.contains(QStringLiteral("Logs: 3-9 (0x3-0x9)")));
        QVERIFY(text.contains(QStringLiteral("Last Consistent: (0x9,10,0)")));
    }
};

QTEST_GUILESS_MAIN(TestEseutil)
#include "tst_eseutil.moc"
