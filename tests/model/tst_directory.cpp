#include "directory/directory.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace scr;

class TestDirectory : public QObject
{
    Q_OBJECT
private:
    // Host and server MBX1; returns an unsaved storage group MBX1\SG1 to fill in.
    static StorageGroupRecord addMbx1(Directory &d)
    {
        if (!d.addHost({QStringLiteral("MBX1"), true, {}}) ||
            !d.addServer({QStringLiteral("MBX1"), QStringLiteral("MBX1"), true, true}))
            qFatal("cannot add MBX1");
        StorageGroupRecord sg;
        sg.server = QStringLiteral("MBX1");
        sg.name = QStringLiteral("SG1");
        return sg;
    }

private Q_SLOTS:
    void createsTheSchemaAndReopens()
    {
        QTemporaryDir lab;
        {
            auto d = Directory::create(lab.path());
            QVERIFY(d.hasValue());
            QVERIFY((*d)->addHost({QStringLiteral("MBX1"), true, {}}).hasValue());
            QVERIFY((*d)->addServer({QStringLiteral("MBX1"), QStringLiteral("MBX1"), true, true}).hasValue());
        }
        auto d = Directory::open(lab.path());
        QVERIFY(d.hasValue());
        QCOMPARE((*d)->servers()->size(), std::size_t(1));
        QCOMPARE((*(*d)->host(QStringLiteral("MBX1")))->diskFolder, QStringLiteral("hosts/MBX1"));
        // Exchange compares names case-insensitively.
        QVERIFY((*(*d)->server(QStringLiteral("mbx1"))).has_value());
        QVERIFY(!(*d)->addHost({QStringLiteral("mbx1"), true, {}}).hasValue());
        QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("raw"));
        raw.setDatabaseName(lab.filePath(QStringLiteral("org.sqlite")));
        QVERIFY(raw.open());
        QSqlQuery q(raw);
        QVERIFY(q.exec(QStringLiteral("PRAGMA user_version")) && q.next());
        QCOMPARE(q.value(0).toInt(), Directory::kSchemaVersion);
        QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode")) && q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("wal"));
        QVERIFY(q.exec(QStringLiteral("PRAGMA user_version = 99")));
        q.finish();
        raw.close();
        d->reset();
        auto newer = Directory::open(lab.path());
        QVERIFY(!newer.hasValue());
        QVERIFY(newer.error().reason.contains(QStringLiteral("newer SCR Console")));
    }
    void storageGroupsByIdentityAndForeignKeys()
    {
        QTemporaryDir lab;
        auto d = Directory::create(lab.path());
        StorageGroupRecord sg = addMbx1(**d);
        sg.logFolderPath = sg.systemFolderPath = QStringLiteral("C:\\Logs");
        QVERIFY((*d)->addStorageGroup(sg).hasValue());
        auto found = (*d)->storageGroup(QStringLiteral("mbx1\\sg1"));
        QVERIFY(found.hasValue() && found->has_value());
        QCOMPARE((*found)->identity(), QStringLiteral("MBX1\\SG1"));
        QVERIFY(!(*(*d)->storageGroup(QStringLiteral("MBX1\\SG2"))).has_value());
        QVERIFY(!(*(*d)->storageGroup(QStringLiteral("no backslash"))).has_value());
        sg.server = QStringLiteral("NOPE");
        auto orphan = (*d)->addStorageGroup(sg);
        QVERIFY(!orphan.hasValue()); // foreign keys are on
        QVERIFY(orphan.error().reason.contains(QStringLiteral("does not exist")));
    }
    void transactionsAreAllOrNothing()
    {
        QTemporaryDir lab;
        auto d = Directory::create(lab.path());
        auto st = (*d)->transaction([&]() -> Status {
            SCR_TRY((*d)->addHost({QStringLiteral("A"), true, {}}));
            SCR_TRY((*d)->addHost({QStringLiteral("A"), true, {}})); // fails: exists
            return {};
        });
        QVERIFY(!st.hasValue());
        QVERIFY((*d)->hosts()->empty());
    }
    void historyIsDownsampled()
    {
        QTemporaryDir lab;
        auto d = Directory::create(lab.path());
        StorageGroupRecord sg = addMbx1(**d);
        const qint64 sgId = *(*d)->addStorageGroup(sg);
        const qint64 copyId = *(*d)->addCopy({0, sgId, QStringLiteral("MBX3"), 0, 0, false, {}});
        std::vector<StatusSample> samples;
        for (qint64 minute = 0; minute < 600; ++minute) // ten hours, one a minute
            samples.push_back({copyId, minute * 60000, minute % 7, 50, QStringLiteral("Healthy")});
        QVERIFY((*d)->addSamples(samples).hasValue());
        QVERIFY((*d)->downsample(540 * 60000, 15 * 60000).hasValue()); // keep the last hour whole
        auto kept = (*d)->samples(copyId);
        QCOMPARE(kept->size(), std::size_t(36 + 60));
        QCOMPARE(kept->back().timeMs, 599 * 60000);
        QCOMPARE((*d)->samples(copyId, 540 * 60000)->size(), std::size_t(60));
    }
};

QTEST_GUILESS_MAIN(TestDirectory)
#include "tst_directory.moc"
