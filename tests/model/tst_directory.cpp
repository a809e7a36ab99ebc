#include "directory/directory.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace scr;

namespace {

// Schema 1 as it shipped, before lab state moved out of settings: the fixture of the migration test.
const char *const kSchema1 =
    R"(CREATE TABLE hosts(name TEXT PRIMARY KEY COLLATE NOCASE, powered_on INTEGER NOT NULL DEFAULT 1,
    disk_folder TEXT NOT NULL);
CREATE TABLE servers(name TEXT PRIMARY KEY COLLATE NOCASE,
    host TEXT NOT NULL COLLATE NOCASE REFERENCES hosts(name) ON UPDATE CASCADE,
    installed INTEGER NOT NULL DEFAULT 1, mailbox_role INTEGER NOT NULL DEFAULT 1);
CREATE TABLE storage_groups(id INTEGER PRIMARY KEY,
    server TEXT NOT NULL COLLATE NOCASE REFERENCES servers(name) ON UPDATE CASCADE ON DELETE CASCADE,
    name TEXT NOT NULL COLLATE NOCASE, log_prefix TEXT NOT NULL, log_folder_path TEXT NOT NULL,
    system_folder_path TEXT NOT NULL, circular_logging INTEGER NOT NULL DEFAULT 0,
    recovery INTEGER NOT NULL DEFAULT 0, UNIQUE(server, name));
CREATE TABLE databases(id INTEGER PRIMARY KEY,
    storage_group_id INTEGER NOT NULL REFERENCES storage_groups(id) ON DELETE CASCADE,
    name TEXT NOT NULL COLLATE NOCASE, guid TEXT NOT NULL UNIQUE, edb_file_path TEXT NOT NULL,
    mounted INTEGER NOT NULL DEFAULT 0, mount_at_startup INTEGER NOT NULL DEFAULT 1,
    allow_file_restore INTEGER NOT NULL DEFAULT 0);
CREATE TABLE mailboxes(guid TEXT PRIMARY KEY, name TEXT NOT NULL COLLATE NOCASE,
    alias TEXT NOT NULL COLLATE NOCASE UNIQUE, object_class INTEGER NOT NULL,
    database_guid TEXT NOT NULL REFERENCES databases(guid) ON UPDATE CASCADE);
CREATE TABLE scr_copies(id INTEGER PRIMARY KEY,
    storage_group_id INTEGER NOT NULL REFERENCES storage_groups(id) ON DELETE CASCADE,
    standby_machine TEXT NOT NULL COLLATE NOCASE, replay_lag_ms INTEGER NOT NULL,
    truncation_lag_ms INTEGER NOT NULL, suspended INTEGER NOT NULL DEFAULT 0, suspend_comment TEXT NOT NULL DEFAULT '',
    UNIQUE(storage_group_id, standby_machine));
CREATE TABLE status_history(copy_id INTEGER NOT NULL REFERENCES scr_copies(id) ON DELETE CASCADE,
    time_ms INTEGER NOT NULL, copy_queue INTEGER NOT NULL, replay_queue INTEGER NOT NULL, summary TEXT NOT NULL);
CREATE INDEX status_history_by_copy ON status_history(copy_id, time_ms);
CREATE TABLE events(id INTEGER PRIMARY KEY, time_ms INTEGER NOT NULL, event_id INTEGER NOT NULL,
    level TEXT NOT NULL, source TEXT NOT NULL, text TEXT NOT NULL);
CREATE TABLE settings(key TEXT PRIMARY KEY, value TEXT NOT NULL);)";

} // namespace

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
        QVERIFY(q.exec(QStringLiteral("PRAGMA application_id")) && q.next());
        QCOMPARE(q.value(0).toLongLong(), Directory::kApplicationId);
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
        // And nothing older than the drop time.
        QVERIFY((*d)->downsample(540 * 60000, 15 * 60000, 300 * 60000).hasValue());
        QCOMPARE((*d)->samples(copyId)->size(), std::size_t(16 + 60));
        QVERIFY((*d)->samples(copyId)->front().timeMs >= 300 * 60000);
        QCOMPARE(*(*d)->sampleCount(), qint64(16 + 60));
    }

    void schema1LabStateMovesIntoColumns()
    {
        // A v1 org.sqlite with the lab state as settings strings, as main wrote it.
        QTemporaryDir lab;
        const QString db1 = QStringLiteral("11111111-2222-3333-4444-555555555555");
        const QString gone = QStringLiteral("99999999-2222-3333-4444-555555555555");
        {
            QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v1"));
            raw.setDatabaseName(lab.filePath(QStringLiteral("org.sqlite")));
            QVERIFY(raw.open());
            QStringList statements = QString::fromUtf8(kSchema1).split(QLatin1Char(';'), Qt::SkipEmptyParts);
            statements
                << QStringLiteral("INSERT INTO hosts VALUES('MBX1', 0, 'hosts/MBX1')")
                << QStringLiteral("INSERT INTO hosts VALUES('MBX3', 1, 'hosts/MBX3')")
                << QStringLiteral("INSERT INTO servers VALUES('MBX1', 'MBX1', 1, 1)")
                << QStringLiteral("INSERT INTO storage_groups VALUES(1, 'MBX1', 'SG1', 'E00', 'C:\\L', "
                                  "'C:\\L', 0, 0)")
                << QStringLiteral("INSERT INTO databases VALUES(1, 1, 'DB1', '%1', 'C:\\D\\DB1.edb', "
                                  "1, 1, 0)")
                       .arg(db1)
                << QStringLiteral("INSERT INTO scr_copies VALUES(1, 1, 'MBX3', 0, 0, 0, '')")
                << QStringLiteral("INSERT INTO settings VALUES('clock.nowMs', '1700000000000')")
                << QStringLiteral("INSERT INTO settings VALUES('copy.1.lastLogGenerated', '42')")
                << QStringLiteral("INSERT INTO settings VALUES('copy.1.latestAvailableLogTime', '1700')")
                << QStringLiteral("INSERT INTO settings VALUES('copy.7.lastLogGenerated', '9')") // removed
                << QStringLiteral("INSERT INTO settings VALUES('host.MBX1.poweredOffMs', '1234')")
                << QStringLiteral("INSERT INTO settings VALUES('backup.1', '555')")
                << QStringLiteral("INSERT INTO settings VALUES('mailflows', '%1 600 102400\n%2 5 10')")
                       .arg(db1, gone)
                << QStringLiteral("PRAGMA user_version = 1");
            for (const QString &statement : statements) {
                if (statement.trimmed().isEmpty())
                    continue;
                QSqlQuery q(raw);
                QVERIFY2(q.exec(statement),
                         qPrintable(statement + QStringLiteral(": ") + q.lastError().text()));
            }
            raw.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("v1"));

        auto d = Directory::open(lab.path());
        QVERIFY2(d.hasValue(), qPrintable(d.hasValue() ? QString() : d.error().toString()));
        const CopySourcePosition seen = *(*d)->copySourcePosition(1);
        QCOMPARE(seen.lastLogGenerated, 42u);
        QCOMPARE(seen.latestAvailableLogTime, qint64(1700));
        QCOMPARE(*(*d)->hostPoweredOffAt(QStringLiteral("mbx1")), qint64(1234));
        QCOMPARE(*(*d)->hostPoweredOffAt(QStringLiteral("MBX3")), qint64(0));
        QCOMPARE(*(*d)->lastFullBackup(1), qint64(555));
        const auto flows = *(*d)->mailFlows();
        QCOMPARE(flows.size(), std::size_t(1)); // the flow of a database that is gone is dropped
        QCOMPARE(flows.front().database, QUuid::fromString(db1));
        QCOMPARE(flows.front().messagesPerMinute, 600.0);
        QCOMPARE(flows.front().messageBytes, 102400);
        QCOMPARE(*(*d)->savedClock(), qint64(1700000000000));
        // No lab state is left as a string, the stale copy 7 included.
        for (const char *key : {"copy.1.lastLogGenerated", "copy.1.latestAvailableLogTime",
                                "copy.7.lastLogGenerated", "host.MBX1.poweredOffMs", "backup.1", "mailflows"})
            QCOMPARE(*(*d)->setting(QString::fromLatin1(key), QStringLiteral("absent")),
                     QStringLiteral("absent"));
        d->reset();
        QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v2"));
        raw.setDatabaseName(lab.filePath(QStringLiteral("org.sqlite")));
        QVERIFY(raw.open());
        {
            QSqlQuery q(raw);
            QVERIFY(q.exec(QStringLiteral("PRAGMA user_version")) && q.next());
            QCOMPARE(q.value(0).toInt(), Directory::kSchemaVersion);
            // A lab made before the application id is marked as this product's by its migration.
            QVERIFY(q.exec(QStringLiteral("PRAGMA application_id")) && q.next());
            QCOMPARE(q.value(0).toLongLong(), Directory::kApplicationId);
        }
        raw.close();
    }

    void labStateGoesWithItsObject()
    {
        QTemporaryDir lab;
        auto d = Directory::create(lab.path());
        StorageGroupRecord sg = addMbx1(**d);
        const qint64 sgId = *(*d)->addStorageGroup(sg);
        DatabaseRecord db;
        db.storageGroupId = sgId;
        db.name = QStringLiteral("DB1");
        db.guid = QUuid::createUuid();
        db.edbFilePath = QStringLiteral("C:\\DB1.edb");
        const qint64 dbId = *(*d)->addDatabase(db);
        const qint64 copyId = *(*d)->addCopy({0, sgId, QStringLiteral("MBX3"), 0, 0, false, {}});
        QVERIFY((*d)->setCopySourcePosition(copyId, {42, 1700}).hasValue());
        QVERIFY((*d)->replaceMailFlows({{db.guid, 600, 1024}}).hasValue());
        QVERIFY((*d)->setLastFullBackup(sgId, 555).hasValue());

        // A copy removed and enabled again (SQLite may hand out the same id) starts with nothing seen.
        QVERIFY((*d)->removeCopy(copyId).hasValue());
        const qint64 again = *(*d)->addCopy({0, sgId, QStringLiteral("MBX3"), 0, 0, false, {}});
        QCOMPARE((*d)->copySourcePosition(again)->lastLogGenerated, 0u);
        // A database's flow goes with it (and follows a new GUID).
        const QUuid moved = QUuid::createUuid();
        db.id = dbId;
        db.guid = moved;
        QVERIFY((*d)->updateDatabase(db).hasValue());
        QCOMPARE((*d)->mailFlows()->front().database, moved);
        QVERIFY((*d)->removeDatabase(dbId).hasValue());
        QVERIFY((*d)->mailFlows()->empty());
        // A storage group's backup time goes with it.
        QVERIFY((*d)->removeStorageGroup(sgId).hasValue());
        const qint64 sgAgain = *(*d)->addStorageGroup(sg);
        QCOMPARE(*(*d)->lastFullBackup(sgAgain), qint64(0));
    }
};

QTEST_GUILESS_MAIN(TestDirectory)
#include "tst_directory.moc"
