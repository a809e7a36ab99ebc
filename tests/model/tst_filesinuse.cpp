// Files in use stay (issue 22, part 3): what a mounted database or a running SCR copy uses is refused to
// every command that deletes, renames or overwrites, as Windows refuses to delete a file the store holds
// open. Each refusal names the user and the fix and changes nothing (every directory table and every host
// file, by name, size and content, is the same after); once the user lets go (Dismount-Database,
// Suspend-StorageGroupCopy) the same command works. Also: a refused mount makes nothing, and a mount never
// empties a database silently.

#include "ems/shellsession.h"
#include "lab/demolab.h"
#include "lab/lab.h"
#include "labfixture.h"
#include "testsupport.h"

#include <memory>

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QTest>

using namespace scr;

namespace {

QString directorySnapshot(const QString &labDir)
{
    QStringList rows;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("snapshot"));
        db.setDatabaseName(labDir + QStringLiteral("/org.sqlite"));
        if (!db.open())
            return QStringLiteral("cannot open the directory");
        for (const char *table :
             {"hosts", "servers", "storage_groups", "databases", "mailboxes", "scr_copies", "settings"}) {
            QSqlQuery q(db);
            q.exec(QStringLiteral("SELECT * FROM %1 ORDER BY 1").arg(QLatin1String(table)));
            while (q.next()) {
                QStringList cells{QLatin1String(table)};
                for (int i = 0; i < q.record().count(); ++i)
                    cells << q.value(i).toString();
                rows << cells.join(QLatin1Char('|'));
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("snapshot"));
    return rows.join(QLatin1Char('\n'));
}

// Every file and folder of every host: name, and for a file its size and checksum.
QString filesSnapshot(const QString &labDir)
{
    const QString root = labDir + QStringLiteral("/hosts");
    QStringList files;
    QDirIterator it(root, QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        if (path.endsWith(QStringLiteral("-shm")) || path.endsWith(QStringLiteral("-wal")))
            continue; // SQLite's own: fileFingerprint folds the -wal into its database's
        const QFileInfo info(path);
        files << path.mid(root.size()) +
                     (info.isDir() ? QStringLiteral("/") : QLatin1Char(' ') + test::fileFingerprint(path));
    }
    files.sort();
    return files.join(QLatin1Char('\n'));
}

QStringList namesIn(const QString &folder, const QString &pattern)
{
    return QDir(folder).entryList({pattern}, QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
}

} // namespace

class TestFilesInUse : public QObject
{
    Q_OBJECT
    // A demo lab where MBX1\SG1\DB1 is mounted with closed logs, and its SCR copy runs on MBX3 with logs in
    // C:\Exchange\Logs\SG1 and its inspector folder; MBX3 has a spare storage group and database (SG1Target,
    // DBTarget, at C:\Temp\SG1Target) for the portability steps. Closed: each lab is a copy of it.
    QTemporaryDir m_template;
    // The lab the refusals run on: a copy of the template, open all along (nothing may change it).
    QTemporaryDir m_dir;
    std::unique_ptr<ShellSession> m_shell;

    // A fresh copy of the template in dir, opened.
    static std::unique_ptr<ShellSession> freshLab(const QString &templateDir, const QTemporaryDir &dir)
    {
        if (!test::copyLab(templateDir, dir.path()))
            return nullptr;
        auto shell = std::make_unique<ShellSession>(dir.path());
        if (auto st = shell->open(); !st) {
            qWarning("%s", qPrintable(st.error().toString()));
            return nullptr;
        }
        return shell;
    }

    static QString run(ShellSession &shell, const QString &script)
    {
        auto out = shell.execute(script);
        return out ? QString() : out.error().toString();
    }

    static QString host(const QTemporaryDir &dir, const QString &server, const QString &rel)
    {
        return dir.filePath(QStringLiteral("hosts/%1/C/%2").arg(server, rel));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(DemoLab::create(m_template.path(), SystemClock::instance()).hasValue());
        {
            ShellSession shell(m_template.path());
            QVERIFY(shell.open().hasValue());
            auto setup = shell.execute(
                QStringLiteral("Enable-StorageGroupCopy MBX1\\SG1 -StandbyMachine MBX3\n"
                               "Start-MailFlow MBX1\\SG1\\DB1 -MessagesPerMinute 600 -MessageSizeKB 100\n"
                               "Step-Simulation 0.00:00:20\n"
                               "Stop-MailFlow MBX1\\SG1\\DB1\n"
                               "New-StorageGroup SG1Target -Server MBX3 -LogFolderPath C:\\Temp\\SG1Target\n"
                               "New-MailboxDatabase DBTarget -StorageGroup MBX3\\SG1Target -EdbFilePath "
                               "C:\\Temp\\SG1Target\\DBTarget.edb"));
            QVERIFY2(setup.hasValue(), qPrintable(setup.hasValue() ? QString() : setup.error().toString()));
        }
        // What the rows below act on is there: the source's logs and checkpoint, the copy's logs and
        // inspector folder.
        const QString source = host(m_template, QStringLiteral("MBX1"), QStringLiteral("Exchange/Logs/SG1"));
        const QString target = host(m_template, QStringLiteral("MBX3"), QStringLiteral("Exchange/Logs/SG1"));
        QVERIFY(QFileInfo::exists(source + QStringLiteral("/E00.chk")));
        QVERIFY(QFileInfo::exists(source + QStringLiteral("/E0000000001.log")));
        QVERIFY2(namesIn(target, QStringLiteral("E00*.log")).size() >= 3,
                 qPrintable(namesIn(target, QStringLiteral("*")).join(QLatin1Char(' '))));
        QVERIFY(QFileInfo(target + QStringLiteral("/inspector")).isDir());
        m_shell = freshLab(m_template.path(), m_dir);
        QVERIFY(m_shell);
    }

    // Every way to delete, rename or overwrite what a mounted database or a running copy uses: refused, the
    // user and the fix named, nothing changed.
    void changeIsRefused_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("fix");

        const QString db = QStringLiteral("in use by the mounted database MBX1\\SG1\\DB1");
        const QString dismount = QStringLiteral("Dismount-Database MBX1\\SG1\\DB1 first");
        const QString copy = QStringLiteral("in use by the SCR copy of MBX1\\SG1 on MBX3");
        const QString suspend =
            QStringLiteral("Suspend-StorageGroupCopy MBX1\\SG1 -StandbyMachine MBX3 first");
        const auto on = [](const char *server, const char *command) {
            return QStringLiteral("Enter-PSSession %1; %2")
                .arg(QLatin1String(server), QLatin1String(command));
        };

        // The mounted database: the examples, then the rest of its files and the other commands.
        QTest::newRow("database: Remove-Item E00*.log (issue)")
            << on("MBX1", "Remove-Item C:\\Exchange\\Logs\\SG1\\E00*.log") << db << dismount;
        QTest::newRow("database: Remove-Item E00.chk (issue)")
            << on("MBX1", "Remove-Item C:\\Exchange\\Logs\\SG1\\E00.chk") << db << dismount;
        QTest::newRow("database: Remove-Item a generation")
            << on("MBX1", "Remove-Item C:\\Exchange\\Logs\\SG1\\E0000000001.log") << db << dismount;
        QTest::newRow("database: Remove-Item E00.log")
            << on("MBX1", "Remove-Item C:\\Exchange\\Logs\\SG1\\E00.log") << db << dismount;
        QTest::newRow("database: Remove-Item the .edb")
            << on("MBX1", "Remove-Item C:\\Exchange\\Data\\SG1\\DB1.edb") << db << dismount;
        QTest::newRow("database: Remove-Item * in the log folder")
            << on("MBX1", "Remove-Item C:\\Exchange\\Logs\\SG1\\*") << db << dismount;
        QTest::newRow("database: Move-Item E00.chk away")
            << on("MBX1", "Move-Item C:\\Exchange\\Logs\\SG1\\E00.chk C:\\Exchange") << db << dismount;
        QTest::newRow("database: Move-Item the data folder")
            << on("MBX1", "Move-Item C:\\Exchange\\Data\\SG1 C:\\Exchange\\Moved") << db << dismount;
        QTest::newRow("database: Rename-Item a generation")
            << on("MBX1", "Rename-Item C:\\Exchange\\Logs\\SG1\\E0000000002.log old.log") << db << dismount;
        QTest::newRow("database: Copy-Item over E00.chk")
            << on("MBX1", "Copy-Item C:\\Exchange\\Logs\\SG2\\E01.chk C:\\Exchange\\Logs\\SG1\\E00.chk") << db
            << dismount;
        QTest::newRow("database: Copy-Item over the .edb")
            << on("MBX1", "Copy-Item C:\\Exchange\\Data\\SG2\\DB2.edb C:\\Exchange\\Data\\SG1\\DB1.edb") << db
            << dismount;
        QTest::newRow("database: Copy-Item a log into the stream")
            << on("MBX1", "Copy-Item C:\\Exchange\\Logs\\SG1\\E0000000001.log "
                          "C:\\Exchange\\Logs\\SG1\\E00000000FF.log")
            << db << dismount;
        QTest::newRow("database: eseutil /r /a")
            << on("MBX1", "eseutil /r E00 /l C:\\Exchange\\Logs\\SG1 /d C:\\Exchange\\Data\\SG1 /a") << db
            << dismount;

        // The running SCR copy on MBX3.
        QTest::newRow("copy: Remove-Item E00*.log (issue)")
            << on("MBX3", "Remove-Item C:\\Exchange\\Logs\\SG1\\E00*.log") << copy << suspend;
        QTest::newRow("copy: Remove-Item a generation")
            << on("MBX3", "Remove-Item C:\\Exchange\\Logs\\SG1\\E0000000001.log") << copy << suspend;
        QTest::newRow("copy: Remove-Item the inspector folder")
            << on("MBX3", "Remove-Item C:\\Exchange\\Logs\\SG1\\inspector -Recurse") << copy << suspend;
        QTest::newRow("copy: Remove-Item the log folder")
            << on("MBX3", "Remove-Item C:\\Exchange\\Logs\\SG1 -Recurse") << copy << suspend;
        QTest::newRow("copy: eseutil /r /a (issue)")
            << on("MBX3", "eseutil /r E00 /l C:\\Exchange\\Logs\\SG1 /d C:\\Exchange\\Data\\SG1 /a") << copy
            << suspend;
        QTest::newRow("copy: eseutil /r")
            << on("MBX3", "eseutil /r E00 /l C:\\Exchange\\Logs\\SG1 /s C:\\Exchange\\Logs\\SG1 /d "
                          "C:\\Exchange\\Data\\SG1\\DB1.edb")
            << copy << suspend;
        QTest::newRow("copy: Move-Item the log folder")
            << on("MBX3", "Move-Item C:\\Exchange\\Logs\\SG1 C:\\Exchange\\Logs\\Old") << copy << suspend;
        QTest::newRow("copy: Rename-Item a generation")
            << on("MBX3", "Rename-Item C:\\Exchange\\Logs\\SG1\\E0000000001.log x.log") << copy << suspend;
        QTest::newRow("copy: Copy-Item into the inspector")
            << on("MBX3", "Copy-Item C:\\Exchange\\Logs\\SG1\\E0000000001.log "
                          "C:\\Exchange\\Logs\\SG1\\inspector\\E00000000FF.log")
            << copy << suspend;
        QTest::newRow("copy: Copy-Item over a generation")
            << on("MBX3", "Copy-Item C:\\Exchange\\Logs\\SG1\\E0000000001.log "
                          "C:\\Exchange\\Logs\\SG1\\E0000000002.log")
            << copy << suspend;
        // Objects placed in the copy's folders (the portability flow points SG1Target and DBTarget there
        // only after Restore-StorageGroupCopy ended the copy).
        QTest::newRow("copy: New-StorageGroup in its log folder")
            << "New-StorageGroup X -Server MBX3 -LogFolderPath C:\\Exchange\\Logs\\SG1" << copy << suspend;
        QTest::newRow("copy: New-StorageGroup with its system folder")
            << "New-StorageGroup X -Server MBX3 -LogFolderPath C:\\Temp\\X -SystemFolderPath "
               "C:\\Exchange\\Logs\\SG1"
            << copy << suspend;
        QTest::newRow("copy: New-MailboxDatabase at its .edb")
            << "New-MailboxDatabase X -StorageGroup MBX3\\SG1Target -EdbFilePath "
               "C:\\Exchange\\Data\\SG1\\DB1.edb"
            << copy << suspend;
        QTest::newRow("copy: Move-StorageGroupPath -ConfigurationOnly onto its logs")
            << "Move-StorageGroupPath MBX3\\SG1Target -LogFolderPath C:\\Exchange\\Logs\\SG1 "
               "-SystemFolderPath "
               "C:\\Exchange\\Logs\\SG1 -ConfigurationOnly"
            << copy << suspend;
        QTest::newRow("copy: Move-StorageGroupPath onto its logs")
            << "Move-StorageGroupPath MBX3\\SG1Target -LogFolderPath C:\\Exchange\\Logs\\SG1" << copy
            << suspend;
        QTest::newRow("copy: Move-DatabasePath -ConfigurationOnly onto its .edb")
            << "Move-DatabasePath MBX3\\SG1Target\\DBTarget -EdbFilePath C:\\Exchange\\Data\\SG1\\DB1.edb "
               "-ConfigurationOnly"
            << copy << suspend;
    }

    void changeIsRefused()
    {
        QFETCH(QString, command);
        QFETCH(QString, user);
        QFETCH(QString, fix);
        const QString directoryBefore = directorySnapshot(m_dir.path());
        const QString filesBefore = filesSnapshot(m_dir.path());
        auto result = m_shell->execute(command);
        (void)m_shell->execute(QStringLiteral("Exit-PSSession"));
        QVERIFY2(!result.hasValue(), qPrintable(QStringLiteral("was not refused: ") + command));
        const Error &error = result.error();
        QVERIFY2(error.reason.contains(user), qPrintable(error.toString()));
        QVERIFY2(error.fix.contains(fix), qPrintable(error.toString()));
        QCOMPARE(error.code, JetCode::DatabaseInUse);
        QCOMPARE(directorySnapshot(m_dir.path()), directoryBefore);
        QCOMPARE(filesSnapshot(m_dir.path()), filesBefore);
    }

    // A wildcard whose matches are partly free: nothing goes, not even the free ones (checked first).
    void wildcardDeletesNothingWhenOneMatchIsInUse()
    {
        QTemporaryDir dir;
        auto shell = freshLab(m_template.path(), dir);
        QVERIFY(shell);
        const QString logs = host(dir, QStringLiteral("MBX1"), QStringLiteral("Exchange/Logs/SG1"));
        QFile free(logs + QStringLiteral("/E00notes.txt"));
        QVERIFY(free.open(QIODevice::WriteOnly));
        free.write("the administrator's own");
        free.close();
        const QString before = filesSnapshot(dir.path());
        const QString said =
            run(*shell, QStringLiteral("Enter-PSSession MBX1; Remove-Item C:\\Exchange\\Logs\\SG1\\E00*"));
        QVERIFY2(said.contains(QStringLiteral("in use by the mounted database MBX1\\SG1\\DB1")),
                 qPrintable(said));
        QCOMPARE(filesSnapshot(dir.path()), before);
        // The free file alone may go: only the stream's files are the database's.
        QCOMPARE(run(*shell, QStringLiteral("Remove-Item C:\\Exchange\\Logs\\SG1\\E00notes.txt")), QString());
        QVERIFY(!QFileInfo::exists(free.fileName()));
    }

    // The same commands work once the user let go: the refusal is about use, not about the files.
    void allowedOnceTheDatabaseIsDismounted()
    {
        QTemporaryDir dir;
        auto shell = freshLab(m_template.path(), dir);
        QVERIFY(shell);
        const QString logs = host(dir, QStringLiteral("MBX1"), QStringLiteral("Exchange/Logs/SG1"));
        QVERIFY(
            !run(*shell, QStringLiteral("Enter-PSSession MBX1; Remove-Item C:\\Exchange\\Logs\\SG1\\E00.chk"))
                 .isEmpty());
        QVERIFY(QFileInfo::exists(logs + QStringLiteral("/E00.chk")));
        QCOMPARE(run(*shell, QStringLiteral("Dismount-Database MBX1\\SG1\\DB1 -Confirm:$false")), QString());
        QCOMPARE(run(*shell,
                     QStringLiteral("Copy-Item C:\\Exchange\\Logs\\SG1\\E00.chk C:\\Exchange\\E00.chk.bak")),
                 QString());
        QCOMPARE(run(*shell, QStringLiteral("Rename-Item C:\\Exchange\\Logs\\SG1\\E0000000001.log kept.log")),
                 QString());
        QVERIFY(QFileInfo::exists(logs + QStringLiteral("/kept.log")));
        QCOMPARE(run(*shell, QStringLiteral("Remove-Item C:\\Exchange\\Logs\\SG1\\E00*.log")), QString());
        QCOMPARE(run(*shell, QStringLiteral("Remove-Item C:\\Exchange\\Logs\\SG1\\E00.chk")), QString());
        QCOMPARE(namesIn(logs, QStringLiteral("E00*")), QStringList());
        QVERIFY(QFileInfo::exists(host(dir, QStringLiteral("MBX1"), QStringLiteral("Exchange/E00.chk.bak"))));
    }

    void allowedOnceTheCopyIsSuspended()
    {
        QTemporaryDir dir;
        auto shell = freshLab(m_template.path(), dir);
        QVERIFY(shell);
        const QString logs = host(dir, QStringLiteral("MBX3"), QStringLiteral("Exchange/Logs/SG1"));
        const QStringList held = namesIn(logs, QStringLiteral("E00*.log"));
        QVERIFY(!held.isEmpty());
        QVERIFY(!run(*shell,
                     QStringLiteral("Enter-PSSession MBX3; Remove-Item C:\\Exchange\\Logs\\SG1\\E00*.log"))
                     .isEmpty());
        QCOMPARE(namesIn(logs, QStringLiteral("E00*.log")), held);
        QCOMPARE(run(*shell,
                     QStringLiteral("Exit-PSSession; Suspend-StorageGroupCopy MBX1\\SG1 -StandbyMachine MBX3 "
                                    "-Confirm:$false")),
                 QString());
        // TechNet's reseed: suspend, delete the copy's files, Update-StorageGroupCopy.
        QCOMPARE(
            run(*shell, QStringLiteral("Enter-PSSession MBX3; Remove-Item C:\\Exchange\\Logs\\SG1\\E00*.log; "
                                       "Remove-Item C:\\Exchange\\Logs\\SG1\\inspector -Recurse")),
            QString());
        QCOMPARE(namesIn(logs, QStringLiteral("E00*.log")), QStringList());
    }

    // Mount-Database -AllowFileRestore on a target pointed (while the copy was suspended) at the copy's
    // paths, the copy running again: it would take the copy's files over. Refused, nothing changed.
    void mountOntoARunningCopysFilesIsRefused()
    {
        QTemporaryDir dir;
        auto shell = freshLab(m_template.path(), dir);
        QVERIFY(shell);
        QCOMPARE(
            run(*shell,
                QStringLiteral("Suspend-StorageGroupCopy MBX1\\SG1 -StandbyMachine MBX3 -Confirm:$false; "
                               "Move-StorageGroupPath MBX3\\SG1Target -LogFolderPath C:\\Exchange\\Logs\\SG1 "
                               "-SystemFolderPath C:\\Exchange\\Logs\\SG1 -ConfigurationOnly; "
                               "Move-DatabasePath MBX3\\SG1Target\\DBTarget -EdbFilePath "
                               "C:\\Exchange\\Data\\SG1\\DB1.edb "
                               "-ConfigurationOnly; "
                               "Set-MailboxDatabase MBX3\\SG1Target\\DBTarget -AllowFileRestore $true; "
                               "Resume-StorageGroupCopy MBX1\\SG1 -StandbyMachine MBX3")),
            QString());
        const QString directoryBefore = directorySnapshot(dir.path());
        const QString filesBefore = filesSnapshot(dir.path());
        const QString said = run(*shell, QStringLiteral("Mount-Database MBX3\\SG1Target\\DBTarget"));
        QVERIFY2(said.contains(QStringLiteral("in use by the SCR copy of MBX1\\SG1 on MBX3")),
                 qPrintable(said));
        QVERIFY2(said.contains(QStringLiteral("Suspend-StorageGroupCopy")), qPrintable(said));
        QCOMPARE(directorySnapshot(dir.path()), directoryBefore);
        QCOMPARE(filesSnapshot(dir.path()), filesBefore);
    }

    // The copy's own database, once replay made it (no lag, more than 50 logs): eseutil /r /a used to take it
    // over; removing, moving or overwriting it is refused too, and the file keeps its bytes.
    void copysDatabaseFileIsHeld()
    {
        QTemporaryDir dir;
        QVERIFY(DemoLab::create(dir.path(), SystemClock::instance()).hasValue());
        ShellSession shell(dir.path());
        QVERIFY(shell.open().hasValue());
        QCOMPARE(
            run(shell, QStringLiteral("Enable-StorageGroupCopy MBX1\\SG1 -StandbyMachine MBX3 -ReplayLagTime "
                                      "0.00:00:00; Start-MailFlow MBX1\\SG1\\DB1 -MessagesPerMinute 600 "
                                      "-MessageSizeKB 100; Step-Simulation 0.00:01:30; "
                                      "Stop-MailFlow MBX1\\SG1\\DB1")),
            QString());
        const QString edb = host(dir, QStringLiteral("MBX3"), QStringLiteral("Exchange/Data/SG1/DB1.edb"));
        QVERIFY2(QFileInfo::exists(edb), "replay made no database on the standby");
        QFile junk(host(dir, QStringLiteral("MBX3"), QStringLiteral("junk.edb")));
        QVERIFY(junk.open(QIODevice::WriteOnly));
        junk.write("not a database");
        junk.close();
        const QString directoryBefore = directorySnapshot(dir.path());
        const QString filesBefore = filesSnapshot(dir.path());
        for (const QString &command :
             {QStringLiteral("eseutil /r E00 /l C:\\Exchange\\Logs\\SG1 /d C:\\Exchange\\Data\\SG1 /a"),
              QStringLiteral("Remove-Item C:\\Exchange\\Data\\SG1\\DB1.edb"),
              QStringLiteral("Remove-Item C:\\Exchange\\Data -Recurse"),
              QStringLiteral("Move-Item C:\\Exchange\\Data\\SG1\\DB1.edb C:\\Exchange\\Data\\DB1.edb"),
              QStringLiteral("Copy-Item C:\\junk.edb C:\\Exchange\\Data\\SG1\\DB1.edb")}) {
            const QString said = run(shell, QStringLiteral("Enter-PSSession MBX3; ") + command);
            QVERIFY2(said.contains(QStringLiteral("in use by the SCR copy of MBX1\\SG1 on MBX3")),
                     qPrintable(command + QStringLiteral(": ") + said));
            QVERIFY2(said.contains(QStringLiteral("Suspend-StorageGroupCopy")), qPrintable(said));
            (void)run(shell, QStringLiteral("Exit-PSSession"));
            QCOMPARE(directorySnapshot(dir.path()), directoryBefore);
            QCOMPARE(filesSnapshot(dir.path()), filesBefore);
        }
    }

    // A mount refused at a missing log folder makes nothing: no folder, no E01.log (issue).
    void refusedMountMakesNothing()
    {
        QTemporaryDir dir;
        auto shell = freshLab(m_template.path(), dir);
        QVERIFY(shell);
        QCOMPARE(
            run(*shell, QStringLiteral("Dismount-Database MBX1\\SG2\\DB2 -Confirm:$false; "
                                       "Enter-PSSession MBX1; Remove-Item C:\\Exchange\\Logs\\SG2 -Recurse; "
                                       "Exit-PSSession")),
            QString());
        const QString logs = host(dir, QStringLiteral("MBX1"), QStringLiteral("Exchange/Logs/SG2"));
        QVERIFY(!QFileInfo::exists(logs));
        const QString directoryBefore = directorySnapshot(dir.path());
        const QString filesBefore = filesSnapshot(dir.path());
        const QString said = run(*shell, QStringLiteral("Mount-Database MBX1\\SG2\\DB2"));
        QVERIFY2(!said.isEmpty(), "the mount was not refused");
        // It used to make the folder and an E01.log, then refuse.
        QVERIFY2(!QFileInfo::exists(logs),
                 qPrintable(namesIn(logs, QStringLiteral("*")).join(QLatin1Char(' '))));
        QVERIFY2(said.contains(QStringLiteral("C:\\Exchange\\Logs\\SG2")), qPrintable(said));
        QCOMPARE(filesSnapshot(dir.path()), filesBefore);
        QCOMPARE(directorySnapshot(dir.path()), directoryBefore);
    }

    // Section 5: the .edb gone after a backup truncated the first logs. Without -Force the mount is refused
    // (it used to come up empty, 0 items); with -Force it is the empty dial-tone database, on purpose.
    void mountNeverEmptiesADatabaseSilently()
    {
        QTemporaryDir dir;
        auto shell = freshLab(m_template.path(), dir);
        QVERIFY(shell);
        const QString logs = host(dir, QStringLiteral("MBX1"), QStringLiteral("Exchange/Logs/SG2"));
        QCOMPARE(run(*shell, QStringLiteral(
                                 "Start-MailFlow MBX1\\SG2\\DB2 -MessagesPerMinute 600 -MessageSizeKB 100; "
                                 "Step-Simulation 0.00:00:10; Stop-MailFlow MBX1\\SG2\\DB2; "
                                 "Start-DatabaseBackup MBX1\\SG2")),
                 QString());
        const auto generations = test::closedGenerationsIn(logs, QStringLiteral("E01"));
        QVERIFY2(generations.empty() || generations.front() > 1, "the backup truncated nothing");
        QCOMPARE(run(*shell,
                     QStringLiteral("Dismount-Database MBX1\\SG2\\DB2 -Confirm:$false; Enter-PSSession MBX1; "
                                    "Remove-Item C:\\Exchange\\Data\\SG2\\DB2.edb; Exit-PSSession")),
                 QString());
        const QString directoryBefore = directorySnapshot(dir.path());
        const QString filesBefore = filesSnapshot(dir.path());
        const QString said = run(*shell, QStringLiteral("Mount-Database MBX1\\SG2\\DB2"));
        QVERIFY2(said.contains(QStringLiteral("empty database")), qPrintable(said));
        QVERIFY2(said.contains(QStringLiteral("-Force")), qPrintable(said));
        QCOMPARE(filesSnapshot(dir.path()), filesBefore);
        QCOMPARE(directorySnapshot(dir.path()), directoryBefore);
        QCOMPARE(run(*shell, QStringLiteral("Mount-Database MBX1\\SG2\\DB2 -Force")), QString());
        auto stats = shell->execute(QStringLiteral("Get-MailboxStatistics -Database MBX1\\SG2\\DB2 | "
                                                   "Measure-Object ItemCount -Sum | fl Sum"));
        QVERIFY2(stats.hasValue(), qPrintable(stats.hasValue() ? QString() : stats.error().toString()));
        QVERIFY2(stats->contains(QStringLiteral("Sum : 0")), qPrintable(*stats));
    }

    // With every log since generation 1 the logs rebuild the lost file: the mount is right, and every item
    // is back.
    void mountRebuildsFromEveryLogKeepingTheItems()
    {
        QTemporaryDir dir;
        auto shell = freshLab(m_template.path(), dir);
        QVERIFY(shell);
        const QString logs = host(dir, QStringLiteral("MBX1"), QStringLiteral("Exchange/Logs/SG1"));
        QCOMPARE(test::closedGenerationsIn(logs).front(), 1u);
        const QString count = QStringLiteral("Get-MailboxStatistics -Database MBX1\\SG1\\DB1 | "
                                             "Measure-Object ItemCount -Sum | fl Sum");
        auto before = shell->execute(count);
        QVERIFY(before.hasValue());
        QVERIFY2(!before->contains(QStringLiteral("Sum : 0")), qPrintable(*before));
        QCOMPARE(run(*shell, QStringLiteral(
                                 "Suspend-StorageGroupCopy MBX1\\SG1 -StandbyMachine MBX3 -Confirm:$false; "
                                 "Dismount-Database MBX1\\SG1\\DB1 -Confirm:$false; Enter-PSSession MBX1; "
                                 "Remove-Item C:\\Exchange\\Data\\SG1\\DB1.edb; Exit-PSSession")),
                 QString());
        QCOMPARE(run(*shell, QStringLiteral("Mount-Database MBX1\\SG1\\DB1")), QString());
        auto after = shell->execute(count);
        QVERIFY(after.hasValue());
        QCOMPARE(*after, *before);
    }

    void cleanupTestCase() { m_shell.reset(); }
};

QTEST_GUILESS_MAIN(TestFilesInUse)
#include "tst_filesinuse.moc"
