// Storage groups and databases through their lives, as scr-shell runs the cmdlets: made, mounted, filled,
// moved with their files (logs, checkpoint, database), mounted again with nothing lost, removed (files stay).

#include "cmdlets/mailboxdatabase.h"
#include "ems/shellsession.h"
#include "lab/demolab.h"
#include "lab/lab.h"
#include "testsupport.h"

#include <QTemporaryDir>
#include <QTest>

using namespace scr;

// A script that must succeed: its output in out, or the test fails with the command's error.
#define RUN(out, script)                                                                                     \
    const auto out##Ran = m_shell->execute(script);                                                          \
    QVERIFY2(out##Ran.hasValue(),                                                                            \
             qPrintable(QString(script) + QStringLiteral(": ") +                                             \
                        (out##Ran.hasValue() ? QString() : out##Ran.error().toString())));                   \
    const QString out = *out##Ran
// A set-up step (a helper that may fail the test): the function stops at its failure.
#define SETUP(call)                                                                                          \
    call;                                                                                                    \
    if (QTest::currentTestFailed())                                                                          \
    return

class TestLifecycle : public QObject
{
    Q_OBJECT
    // Each function has a fresh demo lab of its own and builds the state it needs with the helpers below,
    // so that every one runs alone and in any order.
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ShellSession> m_shell;

    QString disk(const char *relative) const
    {
        return m_dir->filePath(QStringLiteral("hosts/MBX4/C/") + QLatin1String(relative));
    }
    qint64 messages(const char *identity)
    {
        auto row = cmdlets::findMailboxDatabase(*m_shell->lab(), QLatin1String(identity));
        MountedDatabase *db = row ? m_shell->lab()->mountedDatabase(row->database.guid) : nullptr;
        if (!db || !db->applyPending())
            return -1;
        return *db->database().messageCount();
    }
    QString edbFilePath(const char *identity)
    {
        auto row = cmdlets::findMailboxDatabase(*m_shell->lab(), QLatin1String(identity));
        return row ? row->database.edbFilePath : QStringLiteral("(no such database)");
    }

    // MBX4\SGA (logs in C:\A\Logs, checkpoint in C:\A\System) and MBX4\SGB with the default paths.
    void makeStorageGroups()
    {
        RUN(out, QStringLiteral("New-StorageGroup SGA -Server MBX4 -LogFolderPath C:\\A\\Logs "
                                "-SystemFolderPath C:\\A\\System; New-StorageGroup SGB -Server MBX4"));
        QVERIFY2(out.contains(QStringLiteral("LogFilePrefix          : E00")), qPrintable(out));
    }
    // MBX4\SGA\DBA at C:\A\Data\DBA.edb, made by its first mount, with one user and 30 messages of 100 KB
    // (3 MiB of mail: closed generations and the open log), dismounted.
    void makeFilledDatabase()
    {
        SETUP(makeStorageGroups());
        RUN(made, QStringLiteral("New-MailboxDatabase DBA -StorageGroup MBX4\\SGA -EdbFilePath "
                                 "C:\\A\\Data\\DBA.edb"));
        QVERIFY(!QFileInfo::exists(disk("A/Data/DBA.edb")));
        RUN(mounted, QStringLiteral("Mount-Database MBX4\\SGA\\DBA"));
        QVERIFY(QFileInfo::exists(disk("A/Data/DBA.edb")));
        QVERIFY(QFileInfo::exists(disk("A/Logs/E00.log")));
        // Mail in it: the demo's users are elsewhere, so create one mailbox in the store directly.
        MountedDatabase *db = m_shell->lab()->mountedDatabase(
            cmdlets::findMailboxDatabase(*m_shell->lab(), QStringLiteral("MBX4\\SGA\\DBA"))->database.guid);
        QVERIFY(db);
        const QUuid user = QUuid::createUuid();
        QVERIFY(db->createMailbox({user, QStringLiteral("Test User")}).hasValue());
        for (int i = 0; i < 30; ++i) {
            DeliverMessageRecord m;
            m.mailboxGuid = user;
            m.internetMessageId = QStringLiteral("<m%1@test>").arg(i);
            m.body = QByteArray(100 * 1024, 'x');
            QVERIFY(db->deliverMessage(m).hasValue());
        }
        QVERIFY(db->commit().hasValue());
        QCOMPARE(messages("MBX4\\SGA\\DBA"), 30);
        RUN(dismounted, QStringLiteral("Dismount-Database MBX4\\SGA\\DBA -Confirm:$false"));
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        QVERIFY(DemoLab::create(m_dir->path(), SystemClock::instance()).hasValue());
        m_shell = std::make_unique<ShellSession>(m_dir->path());
        QVERIFY(m_shell->open().hasValue());
    }
    void cleanup()
    {
        m_shell.reset();
        m_dir.reset();
    }

    void newStorageGroupTakesTheNextPrefix()
    {
        RUN(out, QStringLiteral("New-StorageGroup SGA -Server MBX4 -LogFolderPath C:\\A\\Logs "
                                "-SystemFolderPath C:\\A\\System; New-StorageGroup SGB -Server MBX4"));
        QVERIFY2(out.contains(QStringLiteral("LogFilePrefix          : E00")), qPrintable(out));
        QVERIFY(out.contains(QStringLiteral("LogFilePrefix          : E01")));
        QVERIFY(
            out.contains(QStringLiteral("LogFolderPath          : C:\\Exchange\\Logs\\SGB"))); // the default
    }

    void aNewDatabaseIsMadeAtItsFirstMount()
    {
        // The steps and their checks are the helper's: made at the first mount, not before; 30 messages in.
        SETUP(makeFilledDatabase());
        QCOMPARE(edbFilePath("MBX4\\SGA\\DBA"), QStringLiteral("C:\\A\\Data\\DBA.edb"));
        RUN(mounted, QStringLiteral("Mount-Database MBX4\\SGA\\DBA"));
        QCOMPARE(messages("MBX4\\SGA\\DBA"), 30);
    }

    void moveStorageGroupPathMovesLogsAndCheckpoint()
    {
        SETUP(makeFilledDatabase());
        const QStringList logsBefore =
            QDir(disk("A/Logs")).entryList({QStringLiteral("E00*.log")}, QDir::Files);
        QVERIFY(logsBefore.size() >= 3); // 3 MiB of mail: closed generations and the open log
        QVERIFY(QFileInfo::exists(disk("A/System/E00.chk")));
        RUN(out, QStringLiteral("Move-StorageGroupPath MBX4\\SGA -LogFolderPath C:\\B\\Logs "
                                "-SystemFolderPath C:\\B\\System; Get-StorageGroup MBX4\\SGA | fl "
                                "LogFolderPath,SystemFolderPath"));
        QVERIFY2(out.contains(QStringLiteral("LogFolderPath    : C:\\B\\Logs")), qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("SystemFolderPath : C:\\B\\System")), qPrintable(out));
        QCOMPARE(QDir(disk("B/Logs")).entryList({QStringLiteral("E00*.log")}, QDir::Files), logsBefore);
        QVERIFY(QDir(disk("A/Logs")).entryList({QStringLiteral("E00*.log")}, QDir::Files).isEmpty());
        QVERIFY(QFileInfo::exists(disk("B/System/E00.chk")));
        QVERIFY(!QFileInfo::exists(disk("A/System/E00.chk")));
        RUN(mounted, QStringLiteral("Mount-Database MBX4\\SGA\\DBA"));
        QCOMPARE(messages("MBX4\\SGA\\DBA"), 30);
    }

    void moveDatabasePathMovesTheFile()
    {
        SETUP(makeFilledDatabase());
        RUN(moved, QStringLiteral("Move-DatabasePath MBX4\\SGA\\DBA -EdbFilePath C:\\B\\Data\\Renamed.edb"));
        QVERIFY(QFileInfo::exists(disk("B/Data/Renamed.edb")));
        QVERIFY(!QFileInfo::exists(disk("A/Data/DBA.edb")));
        QCOMPARE(edbFilePath("MBX4\\SGA\\DBA"), QStringLiteral("C:\\B\\Data\\Renamed.edb"));
        RUN(mounted, QStringLiteral("Mount-Database MBX4\\SGA\\DBA"));
        QCOMPARE(messages("MBX4\\SGA\\DBA"), 30);
    }

    void configurationOnlyTouchesNoFile()
    {
        SETUP(makeFilledDatabase());
        const QString before = test::fileFingerprint(disk("A/Data/DBA.edb"));
        QVERIFY(!before.isEmpty());
        RUN(moved, QStringLiteral("Move-DatabasePath MBX4\\SGA\\DBA -EdbFilePath C:\\C\\Elsewhere.edb "
                                  "-ConfigurationOnly"));
        // The object points at the new path; no file moved, none was made, the old one is as it was.
        QCOMPARE(edbFilePath("MBX4\\SGA\\DBA"), QStringLiteral("C:\\C\\Elsewhere.edb"));
        QCOMPARE(test::fileFingerprint(disk("A/Data/DBA.edb")), before);
        QVERIFY(!QFileInfo::exists(disk("C/Elsewhere.edb")));
        QVERIFY(!QFileInfo::exists(disk("C")));
        RUN(back, QStringLiteral("Move-DatabasePath MBX4\\SGA\\DBA -EdbFilePath C:\\A\\Data\\DBA.edb "
                                 "-ConfigurationOnly"));
        QCOMPARE(edbFilePath("MBX4\\SGA\\DBA"), QStringLiteral("C:\\A\\Data\\DBA.edb"));
        QCOMPARE(test::fileFingerprint(disk("A/Data/DBA.edb")), before);
        RUN(mounted, QStringLiteral("Mount-Database MBX4\\SGA\\DBA"));
        QCOMPARE(messages("MBX4\\SGA\\DBA"), 30);
    }

    void aRestoredFileOfAnotherStreamIsTakenOver()
    {
        // DBB's storage group has logs of its own (another log signature); its object is pointed at a copy of
        // DBA's clean file, as a restore would put it there.
        SETUP(makeFilledDatabase());
        RUN(made, QStringLiteral(
                      "New-StorageGroup SGC -Server MBX4 -LogFolderPath C:\\E\\Logs; "
                      "New-MailboxDatabase DBB -StorageGroup MBX4\\SGC -EdbFilePath C:\\E\\Data\\DBB.edb; "
                      "Mount-Database MBX4\\SGC\\DBB; Dismount-Database MBX4\\SGC\\DBB -Confirm:$false"));
        QVERIFY(QFile::copy(disk("A/Data/DBA.edb"), disk("E/Data/Restored.edb")));
        RUN(pointed, QStringLiteral("Move-DatabasePath MBX4\\SGC\\DBB -EdbFilePath C:\\E\\Data\\Restored.edb "
                                    "-ConfigurationOnly"));
        auto refused = m_shell->execute(QStringLiteral("Mount-Database MBX4\\SGC\\DBB"));
        QVERIFY(!refused.hasValue());
        QCOMPARE(refused.error().code, JetCode::AttachedDatabaseMismatch);
        QVERIFY(
            refused.error().fix.contains(QStringLiteral("This database can be overwritten by a restore")));

        RUN(allowed,
            QStringLiteral(
                "Set-MailboxDatabase MBX4\\SGC\\DBB -AllowFileRestore $true; Mount-Database MBX4\\SGC\\DBB"));
        QCOMPARE(messages("MBX4\\SGC\\DBB"), 30); // the restored file's mail
        const auto row = cmdlets::findMailboxDatabase(*m_shell->lab(), QStringLiteral("MBX4\\SGC\\DBB"));
        MountedDatabase *db = m_shell->lab()->mountedDatabase(row->database.guid);
        QVERIFY(db);
        QCOMPARE(db->database().header().guid, row->database.guid); // stamped with the object's GUID
        QCOMPARE(db->database().header().logSignature, db->log().signature()); // attached to SGC's stream
        // It lives on in its new stream: new mail, a dismount, a mount (recovery from SGC's checkpoint).
        const QUuid user = db->database().mailboxes()->front().guid;
        DeliverMessageRecord m;
        m.mailboxGuid = user;
        m.internetMessageId = QStringLiteral("<after-restore@test>");
        m.body = QByteArray("hello");
        QVERIFY(db->deliverMessage(m).hasValue());
        QVERIFY(db->commit().hasValue());
        RUN(again, QStringLiteral(
                       "Dismount-Database MBX4\\SGC\\DBB -Confirm:$false; Mount-Database MBX4\\SGC\\DBB"));
        QCOMPARE(messages("MBX4\\SGC\\DBB"), 31);
    }

    void softRecoveryIsInTheEventLog()
    {
        // MBX2 dies with its databases mounted; at power on they mount again after soft recovery, which the
        // event log tells as ESE did (301 replay, 302 completed).
        const auto countEvents = [&](int id) {
            int n = 0;
            for (const EventRecord &e : *m_shell->lab()->directory().events())
                n += e.eventId == id && e.text.startsWith(QStringLiteral("MBX2\\SG1\\DB1"));
            return n;
        };
        // A clean mount replays nothing and says nothing of recovery.
        RUN(clean, QStringLiteral(
                       "Dismount-Database MBX2\\SG1\\DB1 -Confirm:$false; Mount-Database MBX2\\SG1\\DB1"));
        QCOMPARE(countEvents(301), 0);
        QCOMPARE(countEvents(302), 0);
        // Mail acknowledged but not yet in the file when the host dies: soft recovery replays it.
        RUN(died, QStringLiteral("Start-MailFlow MBX2\\SG1\\DB1 -MessagesPerMinute 60; Step-Simulation "
                                 "0.00:00:30; Stop-Host MBX2; Start-Host MBX2"));
        // One power-on, one soft recovery: one replay begun, one completed, and the database is mounted.
        QCOMPARE(countEvents(301), 1);
        QCOMPARE(countEvents(302), 1);
        QVERIFY(m_shell->lab()->mountedDatabase(
            cmdlets::findMailboxDatabase(*m_shell->lab(), QStringLiteral("MBX2\\SG1\\DB1"))->database.guid));
    }

    void removeLeavesTheFiles()
    {
        SETUP(makeFilledDatabase());
        RUN(removed, QStringLiteral("Remove-MailboxDatabase MBX4\\SGA\\DBA -Confirm:$false; "
                                    "Remove-StorageGroup MBX4\\SGA -Confirm:$false"));
        QVERIFY(!m_shell->lab()->directory().storageGroup(QStringLiteral("MBX4\\SGA"))->has_value());
        QVERIFY(QFileInfo::exists(disk("A/Data/DBA.edb")));
        QVERIFY(QFileInfo::exists(disk("A/Logs/E00.log")));
        QVERIFY(QFileInfo::exists(disk("A/System/E00.chk")));
        // The name and the prefix are free again (SGB holds E01).
        RUN(again, QStringLiteral("New-StorageGroup SGA -Server MBX4 -LogFolderPath C:\\D"));
        QVERIFY2(again.contains(QStringLiteral("LogFilePrefix          : E00")), qPrintable(again));
    }
};

QTEST_GUILESS_MAIN(TestLifecycle)
#include "tst_lifecycle.moc"
