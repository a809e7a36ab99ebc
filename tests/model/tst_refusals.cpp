// Every cmdlet's refusals change nothing: for each refused command (as scr-shell runs it), the whole
// directory (every table but the event log and the status history) and every file of every host (name, size
// and content) are the same before and after, and the error names the object and says what to do.

#include "ems/shellsession.h"
#include "lab/demolab.h"
#include "lab/lab.h"
#include "testsupport.h"

#include <QCoreApplication>
#include <QDirIterator>
#include <QFile>
#include <QProcess>
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

QString filesSnapshot(const QString &labDir)
{
    const QString root = labDir + QStringLiteral("/hosts");
    QStringList files;
    QDirIterator it(root, QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
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

} // namespace

class TestRefusals : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<ShellSession> m_shell;
    QTemporaryDir m_setupDir;
    std::unique_ptr<ShellSession> m_setupShell;

    // The state the refusals meet, in dir: MBX1\SG1 and MBX2\SG1 replicated, spare objects on MBX4 (not
    // mounted), a stray file on MBX4, and MBX2 powered off; MBX3 holds copied logs.
    static void prepare(QTemporaryDir &dir, std::unique_ptr<ShellSession> &shell)
    {
        QVERIFY(DemoLab::create(dir.path(), SystemClock::instance()).hasValue());
        shell = std::make_unique<ShellSession>(dir.path());
        QVERIFY(shell->open().hasValue());
        auto setup = shell->execute(QStringLiteral(
            "Enable-StorageGroupCopy MBX1\\SG1 -StandbyMachine MBX3\n"
            "Enable-StorageGroupCopy MBX2\\SG1 -StandbyMachine MBX4\n"
            "New-StorageGroup Spare -Server MBX4 -LogFolderPath C:\\Spare -SystemFolderPath C:\\Spare\n"
            "New-StorageGroup Spare2 -Server MBX4 -LogFolderPath C:\\Spare2\n"
            "New-MailboxDatabase SpareDB -StorageGroup MBX4\\Spare -EdbFilePath C:\\Spare\\SpareDB.edb\n"
            "Start-MailFlow MBX1\\SG1\\DB1 -MessagesPerMinute 600\n"
            "Step-Simulation 0.00:00:10\n"
            "Stop-MailFlow MBX1\\SG1\\DB1\n"
            "Stop-Host MBX2"));
        QVERIFY2(setup.hasValue(), qPrintable(setup.hasValue() ? QString() : setup.error().toString()));
        // A machine without Exchange, powered on.
        // (written as another process would: the Lab has no state change for it)
        auto other = Directory::open(dir.path());
        QVERIFY(other.hasValue());
        QVERIFY((*other)->addHost({QStringLiteral("WS1"), true, QStringLiteral("hosts/WS1")}).hasValue());
        QDir().mkpath(dir.filePath(QStringLiteral("hosts/WS1/C")));
        QDir().mkpath(dir.filePath(QStringLiteral("hosts/MBX4/C/Junk")));
        QFile stray(dir.filePath(QStringLiteral("hosts/MBX4/C/Junk/stray.edb")));
        QVERIFY(stray.open(QIODevice::WriteOnly));
        stray.write("not a database");
    }

private Q_SLOTS:
    // refusalChangesNothing works on one lab (its rows must change nothing), refusalAfterSetupChangesNothing
    // on another (its last row leaves SpareDB without files), dialToneMountNeedsForce on its own: each
    // function runs alone and in any order.
    void initTestCase()
    {
        prepare(m_dir, m_shell);
        if (QTest::currentTestFailed())
            return;
        prepare(m_setupDir, m_setupShell);
    }

    void refusalChangesNothing_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QString>("mentions"); // in the error's reason or fix

        // New-StorageGroup
        QTest::newRow("New-StorageGroup: exists") << "New-StorageGroup SG1 -Server MBX1"
                                                  << "exists already";
        QTest::newRow("New-StorageGroup: no server") << "New-StorageGroup X -Server NOPE"
                                                     << "Get-ExchangeServer";
        QTest::newRow("New-StorageGroup: relative path")
            << "New-StorageGroup X -Server MBX1 -LogFolderPath Logs\\X"
            << "full path";
        QTest::newRow("New-StorageGroup: path in use")
            << "New-StorageGroup X -Server MBX1 -LogFolderPath C:\\Exchange\\Logs\\SG2"
            << "MBX1\\SG2";
        QTest::newRow("New-StorageGroup: host off") << "New-StorageGroup X -Server MBX2"
                                                    << "Start-Host MBX2";
        QTest::newRow("New-StorageGroup: folder has logs")
            << "New-StorageGroup X -Server MBX3 -LogFolderPath C:\\Exchange\\Logs\\SG1"
            << "in use by the SCR copy of MBX1\\SG1 on MBX3"; // its logs are the running copy's
        QTest::newRow("New-StorageGroup: bad name") << "New-StorageGroup 'a\\b' -Server MBX1"
                                                    << "valid storage group";
        // Remove-StorageGroup
        QTest::newRow("Remove-StorageGroup: has a database")
            << "Remove-StorageGroup MBX4\\Spare -Confirm:$false"
            << "Remove-MailboxDatabase MBX4\\Spare\\SpareDB";
        QTest::newRow("Remove-StorageGroup: replicated") << "Remove-StorageGroup MBX1\\SG1 -Confirm:$false"
                                                         << "Disable-StorageGroupCopy";
        QTest::newRow("Remove-StorageGroup: unconfirmed") << "Remove-StorageGroup MBX4\\Spare2"
                                                          << "-Confirm:$false";
        // New-MailboxDatabase
        QTest::newRow("New-MailboxDatabase: replicated SG") << "New-MailboxDatabase X -StorageGroup MBX1\\SG1"
                                                            << "Disable-StorageGroupCopy";
        QTest::newRow("New-MailboxDatabase: exists")
            << "New-MailboxDatabase SpareDB -StorageGroup MBX4\\Spare"
            << "exists already";
        QTest::newRow("New-MailboxDatabase: not .edb")
            << "New-MailboxDatabase X -StorageGroup MBX4\\Spare2 -EdbFilePath C:\\Spare2\\X.txt"
            << ".edb";
        QTest::newRow("New-MailboxDatabase: file exists")
            << "New-MailboxDatabase X -StorageGroup MBX4\\Spare2 -EdbFilePath C:\\Junk\\stray.edb"
            << "Move-DatabasePath";
        QTest::newRow("New-MailboxDatabase: another's file")
            << "New-MailboxDatabase X -StorageGroup MBX4\\Spare2 -EdbFilePath C:\\Spare\\SpareDB.edb"
            << "MBX4\\Spare\\SpareDB";
        QTest::newRow("New-MailboxDatabase: no SG") << "New-MailboxDatabase X -StorageGroup MBX4\\Nope"
                                                    << "Get-StorageGroup";
        // Remove-MailboxDatabase
        QTest::newRow("Remove-MailboxDatabase: mounted")
            << "Remove-MailboxDatabase MBX1\\SG2\\DB2 -Confirm:$false"
            << "Dismount-Database MBX1\\SG2\\DB2";
        QTest::newRow("Remove-MailboxDatabase: has mailboxes")
            << "Remove-MailboxDatabase MBX2\\SG2\\DB2 -Confirm:$false"
            << "Get-Mailbox -Database";
        QTest::newRow("Remove-MailboxDatabase: replicated")
            << "Remove-MailboxDatabase MBX2\\SG1\\DB1 -Confirm:$false"
            << "Disable-StorageGroupCopy";
        // Move-StorageGroupPath
        QTest::newRow("Move-StorageGroupPath: no path") << "Move-StorageGroupPath MBX4\\Spare"
                                                        << "-LogFolderPath";
        QTest::newRow("Move-StorageGroupPath: mounted")
            << "Move-StorageGroupPath MBX1\\SG2 -LogFolderPath C:\\New -ConfigurationOnly"
            << "Dismount-Database";
        QTest::newRow("Move-StorageGroupPath: replicated")
            << "Move-StorageGroupPath MBX1\\SG1 -LogFolderPath C:\\New -ConfigurationOnly"
            << "Disable-StorageGroupCopy";
        QTest::newRow("Move-StorageGroupPath: another's path")
            << "Move-StorageGroupPath MBX4\\Spare2 -LogFolderPath C:\\Spare"
            << "MBX4\\Spare";
        QTest::newRow("Move-StorageGroupPath: host off")
            << "Move-StorageGroupPath MBX2\\SG2 -LogFolderPath C:\\New"
            << "Start-Host MBX2";
        // Move-DatabasePath
        QTest::newRow("Move-DatabasePath: mounted")
            << "Move-DatabasePath MBX1\\SG2\\DB2 -EdbFilePath C:\\New\\DB2.edb"
            << "Dismount-Database";
        QTest::newRow("Move-DatabasePath: replicated")
            << "Move-DatabasePath MBX1\\SG1\\DB1 -EdbFilePath C:\\New\\DB1.edb -ConfigurationOnly"
            << "Disable-StorageGroupCopy";
        QTest::newRow("Move-DatabasePath: file exists")
            << "Move-DatabasePath MBX4\\Spare\\SpareDB -EdbFilePath C:\\Junk\\stray.edb"
            << "-ConfigurationOnly";
        QTest::newRow("Move-DatabasePath: not .edb")
            << "Move-DatabasePath MBX4\\Spare\\SpareDB -EdbFilePath C:\\Spare\\x.dat"
            << ".edb";
        // Restore-StorageGroupCopy
        QTest::newRow("Restore-StorageGroupCopy: source mounted")
            << "Restore-StorageGroupCopy MBX1\\SG1 -StandbyMachine MBX3 -Confirm:$false"
            << "Dismount-Database MBX1\\SG1\\DB1";
        QTest::newRow("Restore-StorageGroupCopy: unreachable, no -Force")
            << "Restore-StorageGroupCopy MBX2\\SG1 -StandbyMachine MBX4 -Confirm:$false"
            << "-Force";
        QTest::newRow("Restore-StorageGroupCopy: no copy")
            << "Restore-StorageGroupCopy MBX1\\SG2 -StandbyMachine MBX3 -Confirm:$false"
            << "Get-StorageGroupCopyStatus";
        QTest::newRow("Restore-StorageGroupCopy: -ReplaceLocations")
            << "Restore-StorageGroupCopy MBX1\\SG1 -StandbyMachine MBX3 -ReplaceLocations -Confirm:$false"
            << "-ReplaceLocations";
        QTest::newRow("Restore-StorageGroupCopy: unconfirmed") // -Force would mean no prompt (issue 22)
            << "Restore-StorageGroupCopy MBX2\\SG1 -StandbyMachine MBX4"
            << "-Confirm:$false";
        // Mailboxes
        QTest::newRow("Get-Mailbox: no such") << "Get-Mailbox nobody"
                                              << "Get-Mailbox lists them";
        QTest::newRow("Get-MailboxStatistics: dismounted") << "Get-MailboxStatistics -Database MBX2\\SG2\\DB2"
                                                           << "Mount-Database MBX2\\SG2\\DB2";
        QTest::newRow("Move-Mailbox: not -ConfigurationOnly")
            << "Move-Mailbox adaadler -TargetDatabase MBX4\\Spare\\SpareDB -Confirm:$false"
            << "-ConfigurationOnly";
        QTest::newRow("Move-Mailbox: no target")
            << "Move-Mailbox adaadler -TargetDatabase MBX4\\Spare\\Nope -ConfigurationOnly -Confirm:$false"
            << "Get-MailboxDatabase";
        QTest::newRow("Move-Mailbox: one system mailbox refuses them all")
            << "Get-Mailbox -Database MBX1\\SG2\\DB2 | Move-Mailbox -ConfigurationOnly -TargetDatabase "
               "MBX4\\Spare\\SpareDB -Confirm:$false"
            << "system mailbox";
        QTest::newRow("Move-Mailbox: unconfirmed")
            << "Move-Mailbox adaadler -TargetDatabase MBX4\\Spare\\SpareDB -ConfigurationOnly"
            << "-Confirm:$false";
        // Hosts and setup
        QTest::newRow("Rename-Computer: Exchange installed")
            << "Rename-Computer -ComputerName MBX3 -NewName MBX9"
            << "setup /m:Uninstall";
        QTest::newRow("Rename-Computer: bad name") << "Rename-Computer -ComputerName MBX3 -NewName 'a b'"
                                                   << "valid computer name";
        QTest::newRow("Rename-Computer: powered off") << "Rename-Computer -ComputerName MBX2 -NewName MBX9"
                                                      << "Start-Host MBX2";
        QTest::newRow("Rename-Computer: a powered-on host has the name")
            << "Rename-Computer -ComputerName WS1 -NewName MBX1"
            << "powered-on host";
        QTest::newRow("setup /m:RecoverServer: no server of that name")
            << "Enter-PSSession WS1; setup /m:RecoverServer"
            << "Rename-Computer";
        QTest::newRow("setup /m:Uninstall: nothing installed") << "Enter-PSSession WS1; setup /m:Uninstall"
                                                               << "no Exchange server installed";
        QTest::newRow("setup /m:Uninstall: storage groups") << "Enter-PSSession MBX1; setup /m:Uninstall"
                                                            << "Remove-StorageGroup";
        QTest::newRow("setup /m:Uninstall: standby machine") << "Enter-PSSession MBX3; setup /m:Uninstall"
                                                             << "Disable-StorageGroupCopy";
        QTest::newRow("setup /m:RecoverServer: installed") << "Enter-PSSession MBX3; setup /m:RecoverServer"
                                                           << "setup /m:Uninstall";
        QTest::newRow("setup: unknown mode") << "Enter-PSSession MBX3; setup /m:Upgrade"
                                             << "/m:RecoverServer";
        QTest::newRow("setup: no session") << "Exit-PSSession; setup /m:RecoverServer"
                                           << "Enter-PSSession";
        // Files
        QTest::newRow("Remove-Item: mounted database")
            << "Enter-PSSession MBX1; Remove-Item C:\\Exchange\\Data\\SG2 -Recurse"
            << "Dismount-Database";
        QTest::newRow("Remove-Item: SCR copy") << "Enter-PSSession MBX3; Remove-Item C:\\Exchange -Recurse"
                                               << "Disable-StorageGroupCopy";
        QTest::newRow("Remove-Item: drive root") << "Enter-PSSession MBX4; Remove-Item C:\\ -Recurse"
                                                 << "drive";
        QTest::newRow("Remove-Item: not empty") << "Enter-PSSession MBX4; Remove-Item C:\\Junk"
                                                << "-Recurse";
        QTest::newRow("Remove-Item: host off") << "Enter-PSSession MBX2; Remove-Item C:\\Exchange -Recurse"
                                               << "Start-Host MBX2";
        QTest::newRow("eseutil /r: mounted") << "Enter-PSSession MBX1; eseutil /r E01 /l "
                                                "C:\\Exchange\\Logs\\SG2 /s C:\\Exchange\\Logs\\SG2 /d "
                                                "C:\\Exchange\\Data\\SG2"
                                             << "Dismount-Database";
        // Identities: a name alone that more than one object has (issue 9)
        QTest::newRow("Dismount-Database: ambiguous name") << "Dismount-Database DB2 -Confirm:$false"
                                                           << "MBX1\\SG2\\DB2, MBX2\\SG2\\DB2";
        QTest::newRow("Enable-StorageGroupCopy: ambiguous storage group")
            << "Enable-StorageGroupCopy SG3 -StandbyMachine MBX3"
            << "matches more than one storage group";
        QTest::newRow("Set-MailboxDatabase: ambiguous name")
            << "Set-MailboxDatabase DB3 -AllowFileRestore $true"
            << "give the full identity";
        // TimeSpans beyond TimeSpan's range (they once wrapped around) or the cmdlet's limit
        QTest::newRow("Enable-StorageGroupCopy: ReplayLagTime overflows qint64")
            << "Enable-StorageGroupCopy MBX1\\SG3 -StandbyMachine MBX3 -ReplayLagTime 213503982335.00:00:00"
            << "beyond a TimeSpan's range";
        QTest::newRow("Enable-StorageGroupCopy: twenty digits of days")
            << "Enable-StorageGroupCopy MBX1\\SG3 -StandbyMachine MBX3 -TruncationLagTime "
               "99999999999999999999.00:00:00"
            << "beyond a TimeSpan's range";
        QTest::newRow("Enable-StorageGroupCopy: ReplayLagTime beyond 7 days")
            << "Enable-StorageGroupCopy MBX1\\SG3 -StandbyMachine MBX3 -ReplayLagTime 7.00:00:01"
            << "use 0.00:00:00 to 7.00:00:00";
        QTest::newRow("Enable-StorageGroupCopy: negative TruncationLagTime")
            << "Enable-StorageGroupCopy MBX1\\SG3 -StandbyMachine MBX3 -TruncationLagTime -1:00"
            << "use 0.00:00:00 to 7.00:00:00";
        QTest::newRow("Step-Simulation: beyond 7 days") << "Step-Simulation 10675199.00:00:00"
                                                        << "at most 7 days";
        // Wildcards (issue 9): every match is checked before the first deletion
        QTest::newRow("Remove-Item: a wildcard match not empty") << "Enter-PSSession MBX4; Remove-Item C:\\J*"
                                                                 << "-Recurse";
        QTest::newRow("Remove-Item: a wildcard match in use")
            << "Enter-PSSession MBX1; Remove-Item C:\\Exchange\\Data\\* -Recurse"
            << "Dismount-Database";
        QTest::newRow("Remove-Item: a wildcard before the last part")
            << "Enter-PSSession MBX4; Remove-Item C:\\J*\\stray.edb"
            << "only the last part";
        // Databases
        QTest::newRow("Mount-Database: host off") << "Mount-Database MBX2\\SG2\\DB2"
                                                  << "Start-Host MBX2";
        QTest::newRow("Dismount-Database: unconfirmed") << "Dismount-Database MBX1\\SG2\\DB2"
                                                        << "-Confirm:$false";
        // SCR: the cause is the source's power, not "not mounted" (and the database is named in full).
        QTest::newRow("Update-StorageGroupCopy: source off")
            << "Update-StorageGroupCopy MBX2\\SG1 -StandbyMachine MBX4 -DeleteExistingFiles"
            << "Start-Host MBX2";
        // Set-Host -DiskSizeGB: the size is checked, then the host, then what its files already use.
        QTest::newRow("Set-Host: no setting") << "Set-Host MBX1"
                                              << "-DiskSizeGB";
        QTest::newRow("Set-Host: not a number") << "Set-Host MBX1 -DiskSizeGB lots"
                                                << "number of GB";
        QTest::newRow("Set-Host: zero") << "Set-Host MBX1 -DiskSizeGB 0"
                                        << "from 0.001 to 10240";
        QTest::newRow("Set-Host: too big") << "Set-Host MBX1 -DiskSizeGB 20000"
                                           << "from 0.001 to 10240";
        QTest::newRow("Set-Host: no such host") << "Set-Host NOPE -DiskSizeGB 10"
                                                << "Get-Host";
        QTest::newRow("Set-Host: below what its files use") << "Set-Host MBX1 -DiskSizeGB 0.001"
                                                            << "or more";
        QTest::newRow("Invoke-Fault FillDisk: more than is free")
            << "Invoke-Fault FillDisk -Server MBX1 -SizeGB 300"
            << "leave out -SizeGB";
        QTest::newRow("Invoke-Fault FillDisk: host off") << "Invoke-Fault FillDisk -Server MBX2"
                                                         << "Start-Host MBX2";
        QTest::newRow("Invoke-Fault FreeDisk: -SizeGB") << "Invoke-Fault FreeDisk -Server MBX1 -SizeGB 1"
                                                        << "FillDisk only";
        // Two copies would write one folder: MBX2\SG1 has MBX1\SG1's paths, and MBX3 holds MBX1\SG1's copy.
        QTest::newRow("Enable-StorageGroupCopy: standby paths used by another copy")
            << "Enable-StorageGroupCopy MBX2\\SG1 -StandbyMachine MBX3"
            << "already holds the SCR copy of MBX1\\SG1";
    }

    void refusalChangesNothing()
    {
        QFETCH(QString, command);
        QFETCH(QString, mentions);
        const QString directoryBefore = directorySnapshot(m_dir.path());
        const QString filesBefore = filesSnapshot(m_dir.path());
        auto result = m_shell->execute(command);
        QVERIFY2(!result.hasValue(), qPrintable(QStringLiteral("was not refused: ") + command));
        const QString said = result.error().toString();
        QVERIFY2(said.contains(mentions), qPrintable(said));
        QCOMPARE(directorySnapshot(m_dir.path()), directoryBefore);
        QCOMPARE(filesSnapshot(m_dir.path()), filesBefore);
        (void)m_shell->execute(QStringLiteral("Exit-PSSession"));
    }

    // Refusals that need a state first (a host powered off, a full disk, a planted link): setup runs before
    // the snapshots, the command must be refused changing nothing, and undo puts the state back.
    void refusalAfterSetupChangesNothing_data()
    {
        QTest::addColumn<QString>("setup");
        QTest::addColumn<QString>("command");
        QTest::addColumn<QString>("mentions"); // in the error's reason or fix
        QTest::addColumn<QString>("undo");

        // The standby machine is off: nothing of the copy's files may go (it once deleted all of them and
        // only then failed with -1022).
        QTest::newRow("Update-StorageGroupCopy -DeleteExistingFiles: standby off")
            << "Stop-Host MBX3"
            << "Update-StorageGroupCopy MBX1\\SG1 -StandbyMachine MBX3 -DeleteExistingFiles"
            << "Start-Host MBX3"
            << "Start-Host MBX3";
        QTest::newRow("Mount-Database: disk full") << "Invoke-Fault FillDisk -Server MBX4"
                                                   << "Mount-Database MBX4\\Spare\\SpareDB"
                                                   << "Invoke-Fault FreeDisk -Server MBX4"
                                                   << "Invoke-Fault FreeDisk -Server MBX4";
        QTest::newRow("Update-StorageGroupCopy -DeleteExistingFiles: disk full")
            << "Invoke-Fault FillDisk -Server MBX3"
            << "Update-StorageGroupCopy MBX1\\SG1 -StandbyMachine MBX3 -DeleteExistingFiles"
            << "disk is full"
            << "Invoke-Fault FreeDisk -Server MBX3";
        QTest::newRow("Remove-Item -Recurse: a link inside")
            << ""
            << "Enter-PSSession MBX4; Remove-Item C:\\Linked -Recurse"
            << "symbolic link"
            << "";
        QTest::newRow("Get-ChildItem: a link inside") << ""
                                                      << "Enter-PSSession MBX4; dir C:\\Linked"
                                                      << "rm '"
                                                      << "";
        QTest::newRow("Move-StorageGroupPath: through a link")
            << ""
            << "Move-StorageGroupPath MBX4\\Spare2 -LogFolderPath C:\\Linked\\Out\\Spare2"
            << "symbolic link"
            << "";
        // Last: it leaves SpareDB without files. A database that was mounted, whose file and logs are gone,
        // would come up empty: refused without -Force (dialToneMountNeedsForce mounts it with -Force).
        QTest::newRow("Mount-Database: its file and logs are gone")
            << "Mount-Database MBX4\\Spare\\SpareDB; Dismount-Database MBX4\\Spare\\SpareDB -Confirm:$false; "
               "Enter-PSSession MBX4; Remove-Item C:\\Spare -Recurse; Exit-PSSession"
            << "Mount-Database MBX4\\Spare\\SpareDB"
            << "Mount-Database MBX4\\Spare\\SpareDB -Force"
            << "";
    }

    void refusalAfterSetupChangesNothing()
    {
        QFETCH(QString, setup);
        QFETCH(QString, command);
        QFETCH(QString, mentions);
        QFETCH(QString, undo);
        // A link on MBX4 to a folder outside the lab, whose content must survive every refusal.
        QTemporaryDir outside;
        QFile canary(outside.filePath(QStringLiteral("canary.txt")));
        QVERIFY(canary.open(QIODevice::WriteOnly));
        canary.write("outside the lab");
        canary.close();
        const QString linked = m_setupDir.filePath(QStringLiteral("hosts/MBX4/C/Linked"));
        QDir().mkpath(linked);
        QFile::remove(linked + QStringLiteral("/Out")); // should a row before this one have failed
        QVERIFY(QFile::link(outside.path(), linked + QStringLiteral("/Out")));
        if (!setup.isEmpty()) {
            auto done = m_setupShell->execute(setup);
            QVERIFY2(done.hasValue(), qPrintable(done.hasValue() ? QString() : done.error().toString()));
        }
        const QString directoryBefore = directorySnapshot(m_setupDir.path());
        const QString filesBefore = filesSnapshot(m_setupDir.path());
        auto result = m_setupShell->execute(command);
        QVERIFY2(!result.hasValue(), qPrintable(QStringLiteral("was not refused: ") + command));
        const QString said = result.error().toString();
        QVERIFY2(said.contains(mentions), qPrintable(said));
        QCOMPARE(directorySnapshot(m_setupDir.path()), directoryBefore);
        QCOMPARE(filesSnapshot(m_setupDir.path()), filesBefore);
        QCOMPARE(QDir(outside.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot),
                 QStringList{QStringLiteral("canary.txt")});
        QVERIFY(canary.open(QIODevice::ReadOnly));
        QCOMPARE(canary.readAll(), QByteArray("outside the lab"));
        canary.close();
        (void)m_setupShell->execute(QStringLiteral("Exit-PSSession"));
        if (!undo.isEmpty()) {
            auto undone = m_setupShell->execute(undo);
            QVERIFY2(undone.hasValue(),
                     qPrintable(undone.hasValue() ? QString() : undone.error().toString()));
        }
        QFile::remove(linked + QStringLiteral("/Out"));
        QDir(linked).removeRecursively();
    }

    void dialToneMountNeedsForce()
    {
        // A database that was mounted and whose file and logs are gone (as the last row above leaves it):
        // a mount is refused, -Force mounts an empty database in place of the lost one. A lab of its own.
        QTemporaryDir dir;
        QVERIFY(DemoLab::create(dir.path(), SystemClock::instance()).hasValue());
        ShellSession shell(dir.path());
        QVERIFY(shell.open().hasValue());
        auto setup = shell.execute(QStringLiteral(
            "New-StorageGroup Spare -Server MBX4 -LogFolderPath C:\\Spare -SystemFolderPath C:\\Spare; "
            "New-MailboxDatabase SpareDB -StorageGroup MBX4\\Spare -EdbFilePath C:\\Spare\\SpareDB.edb; "
            "Mount-Database MBX4\\Spare\\SpareDB; Dismount-Database MBX4\\Spare\\SpareDB -Confirm:$false; "
            "Enter-PSSession MBX4; Remove-Item C:\\Spare -Recurse; Exit-PSSession"));
        QVERIFY2(setup.hasValue(), qPrintable(setup.hasValue() ? QString() : setup.error().toString()));
        QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("hosts/MBX4/C/Spare/SpareDB.edb"))));
        auto refused = shell.execute(QStringLiteral("Mount-Database MBX4\\Spare\\SpareDB"));
        QVERIFY(!refused.hasValue());
        QVERIFY2(refused.error().toString().contains(QStringLiteral("-Force")),
                 qPrintable(refused.error().toString()));
        auto mounted = shell.execute(QStringLiteral("Mount-Database MBX4\\Spare\\SpareDB -Force"));
        QVERIFY2(mounted.hasValue(), qPrintable(mounted.hasValue() ? QString() : mounted.error().toString()));
        QVERIFY(QFileInfo::exists(dir.filePath(QStringLiteral("hosts/MBX4/C/Spare/SpareDB.edb"))));
        auto stats =
            shell.execute(QStringLiteral("Get-MailboxDatabase MBX4\\Spare\\SpareDB -Status | fl Mounted"));
        QVERIFY(stats.hasValue());
        QVERIFY2(stats->contains(QStringLiteral("Mounted : True")), qPrintable(*stats));
    }

    // README says how many refusals this test proves: the number must be its rows, counted by Qt Test
    // itself (this executable's -datatags), not by hand.
    void readmeCountsEveryRow()
    {
        // Qt Test exits after listing, before this object's temporary lab folders are removed: give the
        // listing a temporary folder of its own, removed with it.
        QTemporaryDir listingTmp;
        QProcess self;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("TMPDIR"), listingTmp.path());
        self.setProcessEnvironment(env);
        self.start(QCoreApplication::applicationFilePath(), {QStringLiteral("-datatags")});
        QVERIFY(self.waitForFinished(30000));
        QCOMPARE(self.exitCode(), 0);
        int rows = 0;
        for (const QByteArray &line : self.readAllStandardOutput().split('\n'))
            rows += line.startsWith("TestRefusals refusalChangesNothing ") ||
                    line.startsWith("TestRefusals refusalAfterSetupChangesNothing ");
        QVERIFY(rows > 80);
        QFile readme(QStringLiteral(SCR_SOURCE_DIR "/README.md"));
        QVERIFY(readme.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(readme.readAll()).simplified();
        static const QRegularExpression said(
            QStringLiteral("tst_refusals\\.cpp` proves for (\\d+) refusals"));
        const auto m = said.match(text);
        QVERIFY2(m.hasMatch(), "README no longer says how many refusals tst_refusals proves");
        QCOMPARE(m.captured(1).toInt(), rows);
    }

    void cleanupTestCase()
    {
        m_shell.reset();
        m_setupShell.reset();
    }
};

QTEST_GUILESS_MAIN(TestRefusals)
#include "tst_refusals.moc"
