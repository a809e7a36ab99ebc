// Containment: no command reaches outside a host's disk through a symbolic link. For every command that
// touches a host's files (as scr-shell runs it, on a fresh copy of a demo lab), a link planted inside a
// host's folder (to a folder outside the lab, to a file outside, dangling, or a loop) makes the command fail
// with an error that names the link, and a canary file and folder outside the lab keep their content and
// modification time while the outside folder gains nothing. A destructive command deletes nothing of the lab
// either. Also: a disk folder of "../esc" in the directory is refused, and so is Remove-Item C:\ -Recurse in
// a lab opened by a relative path.

#include "cmdlets/storagegroupcopy.h"
#include "ems/shellsession.h"
#include "lab/demolab.h"
#include "lab/lab.h"
#include "testsupport.h"

#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace scr;

namespace {

// Setup commands that leave MBX1\SG1 replicated to MBX3 with copied logs there.
const char *const kReplicating = "Enable-StorageGroupCopy MBX1\\SG1 -StandbyMachine MBX3\n"
                                 "Start-MailFlow MBX1\\SG1\\DB1 -MessagesPerMinute 600\n"
                                 "Step-Simulation 0.00:00:10\n"
                                 "Stop-MailFlow MBX1\\SG1\\DB1";

// Every entry under root (links not followed): relative name, and for a file its size, content checksum and
// modification time; for a link where it points.
QString treeSnapshot(const QString &root, bool withTimes)
{
    QStringList entries;
    QDirIterator it(root, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        if (path.endsWith(QStringLiteral("-shm")) || path.endsWith(QStringLiteral("-wal")))
            continue; // SQLite's own: fileFingerprint folds the -wal into its database's
        const QFileInfo info(path);
        QString line = path.mid(root.size());
        if (info.isSymLink())
            line += QStringLiteral(" -> ") + info.symLinkTarget();
        else if (info.isDir())
            line += QLatin1Char('/');
        else
            line += QLatin1Char(' ') + test::fileFingerprint(path) +
                    (withTimes ? QLatin1Char(' ') + QString::number(info.lastModified().toMSecsSinceEpoch())
                               : QString());
        entries << line;
    }
    entries.sort();
    return entries.join(QLatin1Char('\n'));
}

bool copyTree(const QString &from, const QString &to)
{
    QDirIterator it(from, QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QString target = to + path.mid(from.size());
        if (QFileInfo(path).isDir()) {
            if (!QDir().mkpath(target))
                return false;
        } else if (!QDir().mkpath(QFileInfo(target).absolutePath()) || !QFile::copy(path, target)) {
            return false;
        }
    }
    return true;
}

} // namespace

class TestContainment : public QObject
{
    Q_OBJECT
    QTemporaryDir m_template;
    test::ManualClock m_clock;

    // A fresh lab (a copy of the demo lab) in parent/lab, and canaries in parent/outside.
    struct Scene
    {
        QTemporaryDir parent;
        QString lab;
        QString outside;
    };

    bool makeScene(Scene &scene)
    {
        scene.lab = scene.parent.filePath(QStringLiteral("lab"));
        scene.outside = scene.parent.filePath(QStringLiteral("outside"));
        if (!copyTree(m_template.path(), scene.lab))
            return false;
        QDir().mkpath(scene.outside + QStringLiteral("/canaryDir"));
        QFile file(scene.outside + QStringLiteral("/canary.txt"));
        QFile inner(scene.outside + QStringLiteral("/canaryDir/inner.txt"));
        if (!file.open(QIODevice::WriteOnly) || !inner.open(QIODevice::WriteOnly))
            return false;
        file.write("the canary file, outside the lab\n");
        inner.write("the canary folder's file, outside the lab\n");
        return true;
    }

    // A link at path (relative to the lab) of kind folder, file, dangling or loop; its parents are made.
    static bool plantLink(const Scene &scene, const QString &path, const QString &kind)
    {
        const QString link = scene.lab + QLatin1Char('/') + path;
        QDir().mkpath(QFileInfo(link).absolutePath());
        QDir(link).removeRecursively(); // whatever the lab had there goes: the link takes its place
        QFile::remove(link);
        const QString target =
            kind == QStringLiteral("folder")     ? scene.outside + QStringLiteral("/canaryDir")
            : kind == QStringLiteral("file")     ? scene.outside + QStringLiteral("/canary.txt")
            : kind == QStringLiteral("dangling") ? scene.outside + QStringLiteral("/missing")
                                                 : link; // a loop: the link points at itself
        return QFile::link(target, link);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(DemoLab::create(m_template.path(), m_clock).hasValue());
        QDir().mkpath(m_template.filePath(QStringLiteral("hosts/MBX3/C")));
        QDir().mkpath(m_template.filePath(QStringLiteral("hosts/MBX4/C")));
    }

    void linkIsRefused_data()
    {
        QTest::addColumn<QString>("setup");   // run before the link is planted
        QTest::addColumn<QString>("link");    // where, relative to the lab folder
        QTest::addColumn<QString>("command"); // must fail, naming the link
        QTest::addColumn<QString>("kind");
        QTest::addColumn<bool>("labUnchanged");  // the lab's hosts keep every file
        QTest::addColumn<bool>("failsInStatus"); // the copier: the copy fails, naming the link

        struct Case
        {
            const char *name;
            const char *setup;
            const char *link;
            const char *command;
            bool labUnchanged;
            bool failsInStatus;
        };
        const Case cases[] = {
            {"dir: a folder holding a link", "", "hosts/MBX1/C/Linked", "Enter-PSSession MBX1; dir C:\\",
             true, false},
            {"dir: through a link", "", "hosts/MBX1/C/Linked",
             "Enter-PSSession MBX1; dir C:\\Linked\\inner.txt", true, false},
            {"Get-ChildItem: the link", "", "hosts/MBX1/C/Linked",
             "Enter-PSSession MBX1; Get-ChildItem C:\\Linked", true, false},
            {"Test-Path: the link", "", "hosts/MBX1/C/Linked", "Enter-PSSession MBX1; Test-Path C:\\Linked",
             true, false},
            {"Test-Path: through a link", "", "hosts/MBX1/C/Linked",
             "Enter-PSSession MBX1; Test-Path C:\\Linked\\inner.txt", true, false},
            {"Remove-Item: the link", "", "hosts/MBX1/C/Linked",
             "Enter-PSSession MBX1; Remove-Item C:\\Linked", true, false},
            {"Remove-Item: through a link", "", "hosts/MBX1/C/Linked",
             "Enter-PSSession MBX1; Remove-Item C:\\Linked\\inner.txt", true, false},
            {"Remove-Item -Recurse: a link inside", "", "hosts/MBX4/C/Exchange/Stuff/Linked",
             "Enter-PSSession MBX4; Remove-Item C:\\Exchange -Recurse", true, false},
            {"eseutil /ml", "", "hosts/MBX1/C/Linked", "Enter-PSSession MBX1; eseutil /ml C:\\Linked", true,
             false},
            {"eseutil /mh", "", "hosts/MBX1/C/Linked",
             "Enter-PSSession MBX1; eseutil /mh C:\\Linked\\DB1.edb", true, false},
            {"eseutil /mk", "", "hosts/MBX1/C/Linked", "Enter-PSSession MBX1; eseutil /mk C:\\Linked", true,
             false},
            {"New-StorageGroup: the log folder", "", "hosts/MBX1/C/Linked",
             "New-StorageGroup X -Server MBX1 -LogFolderPath C:\\Linked", true, false},
            {"New-StorageGroup: through a link", "", "hosts/MBX1/C/Linked",
             "New-StorageGroup X -Server MBX1 -LogFolderPath C:\\Linked\\X", true, false},
            {"New-MailboxDatabase", "New-StorageGroup X -Server MBX1 -LogFolderPath C:\\XLogs",
             "hosts/MBX1/C/Linked",
             "New-MailboxDatabase XDB -StorageGroup MBX1\\X -EdbFilePath C:\\Linked\\XDB.edb", true, false},
            {"Mount-Database: the database's folder",
             "New-StorageGroup X -Server MBX1 -LogFolderPath C:\\XLogs\n"
             "New-MailboxDatabase XDB -StorageGroup MBX1\\X -EdbFilePath C:\\XData\\XDB.edb",
             "hosts/MBX1/C/XData", "Mount-Database MBX1\\X\\XDB", true, false},
            {"Mount-Database: the log folder",
             "New-StorageGroup X -Server MBX1 -LogFolderPath C:\\XLogs\n"
             "New-MailboxDatabase XDB -StorageGroup MBX1\\X -EdbFilePath C:\\XData\\XDB.edb",
             "hosts/MBX1/C/XLogs", "Mount-Database MBX1\\X\\XDB", true, false},
            {"Move-StorageGroupPath: the new folder", "Dismount-Database MBX1\\SG2\\DB2 -Confirm:$false",
             "hosts/MBX1/C/Linked", "Move-StorageGroupPath MBX1\\SG2 -LogFolderPath C:\\Linked\\SG2", true,
             false},
            {"Move-StorageGroupPath: a link among the logs",
             "Dismount-Database MBX1\\SG2\\DB2 -Confirm:$false",
             "hosts/MBX1/C/Exchange/Logs/SG2/E01000000F0.log",
             "Move-StorageGroupPath MBX1\\SG2 -LogFolderPath C:\\NewLogs", true, false},
            {"Move-DatabasePath", "Dismount-Database MBX1\\SG2\\DB2 -Confirm:$false", "hosts/MBX1/C/Linked",
             "Move-DatabasePath MBX1\\SG2\\DB2 -EdbFilePath C:\\Linked\\DB2.edb", true, false},
            {"Update-StorageGroupCopy -DeleteExistingFiles", kReplicating,
             "hosts/MBX3/C/Exchange/Logs/SG1/inspector/Linked",
             "Update-StorageGroupCopy MBX1\\SG1 -StandbyMachine MBX3 -DeleteExistingFiles", true, false},
            {"the copier's inspector folder", "Enable-StorageGroupCopy MBX1\\SG1 -StandbyMachine MBX3",
             "hosts/MBX3/C/Exchange/Logs/SG1/inspector",
             "Start-MailFlow MBX1\\SG1\\DB1 -MessagesPerMinute 600\nStep-Simulation 0.00:00:10", false, true},
            {"Start-DatabaseBackup", "", "hosts/MBX1/C/Exchange/Logs/SG1/E00000000F0.log",
             "Start-DatabaseBackup MBX1\\SG1", true, false},
            {"Restore-StorageGroupCopy",
             "Enable-StorageGroupCopy MBX1\\SG1 -StandbyMachine MBX3\n"
             "Start-MailFlow MBX1\\SG1\\DB1 -MessagesPerMinute 600\n"
             "Step-Simulation 0.00:00:10\n"
             "Stop-MailFlow MBX1\\SG1\\DB1\n"
             "Dismount-Database MBX1\\SG1\\DB1 -Confirm:$false",
             "hosts/MBX3/C/Exchange/Logs/SG1/inspector/Linked",
             "Restore-StorageGroupCopy MBX1\\SG1 -StandbyMachine MBX3 -Confirm:$false", true, false},
        };
        for (const Case &c : cases)
            for (const char *kind : {"folder", "file", "dangling", "loop"})
                QTest::addRow("%s / %s", c.name, kind)
                    << QString::fromUtf8(c.setup) << QString::fromUtf8(c.link) << QString::fromUtf8(c.command)
                    << QString::fromLatin1(kind) << c.labUnchanged << c.failsInStatus;
    }

    void linkIsRefused()
    {
        QFETCH(QString, setup);
        QFETCH(QString, link);
        QFETCH(QString, command);
        QFETCH(QString, kind);
        QFETCH(bool, labUnchanged);
        QFETCH(bool, failsInStatus);
        Scene scene;
        QVERIFY(makeScene(scene));
        ShellSession shell(scene.lab);
        QVERIFY(shell.open().hasValue());
        if (!setup.isEmpty()) {
            auto done = shell.execute(setup);
            QVERIFY2(done.hasValue(), qPrintable(done.hasValue() ? QString() : done.error().toString()));
        }
        QVERIFY(plantLink(scene, link, kind));
        const QString linkName = QFileInfo(link).fileName();
        const QString outsideBefore = treeSnapshot(scene.outside, true);
        const QString hostsBefore = treeSnapshot(scene.lab + QStringLiteral("/hosts"), false);

        auto result = shell.execute(command);
        QString said;
        if (failsInStatus) {
            QVERIFY2(result.hasValue(),
                     qPrintable(result.hasValue() ? QString() : result.error().toString()));
            auto rows = cmdlets::getStorageGroupCopyStatus(*shell.lab(), QStringLiteral("MBX1\\SG1"),
                                                           QStringLiteral("MBX3"));
            QVERIFY(rows.hasValue() && rows->size() == 1);
            QVERIFY2(rows->front().status.failed, qPrintable(rows->front().status.failedMessage));
            said = rows->front().status.failedMessage;
        } else {
            QVERIFY2(!result.hasValue(), qPrintable(QStringLiteral("was not refused: ") + command));
            said = result.error().toString();
        }
        QVERIFY2(said.contains(linkName) && said.contains(QStringLiteral("symbolic link")), qPrintable(said));

        QCOMPARE(treeSnapshot(scene.outside, true), outsideBefore);
        if (labUnchanged)
            QCOMPARE(treeSnapshot(scene.lab + QStringLiteral("/hosts"), false), hostsBefore);
    }

    void diskFolderOutsideTheLabIsRefused_data()
    {
        QTest::addColumn<QString>("command");
        QTest::newRow("dir") << "Enter-PSSession MBX3; dir C:\\";
        QTest::newRow("Test-Path") << "Enter-PSSession MBX3; Test-Path C:\\Exchange";
        QTest::newRow("Remove-Item") << "Enter-PSSession MBX3; Remove-Item C:\\Exchange -Recurse";
        QTest::newRow("eseutil /mk") << "Enter-PSSession MBX3; eseutil /mk C:\\Exchange\\Logs\\SG1\\E00.chk";
        QTest::newRow("Enable-StorageGroupCopy") << "Enable-StorageGroupCopy MBX1\\SG1 -StandbyMachine MBX3";
        QTest::newRow("New-StorageGroup") << "New-StorageGroup X -Server MBX3";
    }

    void diskFolderOutsideTheLabIsRefused()
    {
        QFETCH(QString, command);
        Scene scene;
        QVERIFY(makeScene(scene));
        const QString escape = scene.parent.filePath(QStringLiteral("esc"));
        QDir().mkpath(escape + QStringLiteral("/C/Exchange")); // what a follower of ../esc would find
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("tamper"));
            db.setDatabaseName(scene.lab + QStringLiteral("/org.sqlite"));
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("UPDATE hosts SET disk_folder = '../esc' WHERE name = 'MBX3'")));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("tamper"));
        const QString escapeBefore = treeSnapshot(escape, true);

        ShellSession shell(scene.lab);
        QVERIFY(shell.open().hasValue());
        auto result = shell.execute(command);
        QVERIFY2(!result.hasValue(), qPrintable(QStringLiteral("was not refused: ") + command));
        const QString said = result.error().toString();
        QVERIFY2(said.contains(QStringLiteral("../esc")) && said.contains(QStringLiteral("disk_folder")),
                 qPrintable(said));
        QCOMPARE(treeSnapshot(escape, true), escapeBefore);
        QVERIFY(!QFileInfo::exists(scene.parent.filePath(QStringLiteral("esc/C/Exchange/Logs"))));
    }

    void driveRootOfARelativeLabIsKept()
    {
        Scene scene;
        QVERIFY(makeScene(scene));
        const QString current = QDir::currentPath();
        QVERIFY(QDir::setCurrent(scene.parent.path()));
        {
            ShellSession shell(QStringLiteral("lab"));
            QVERIFY(shell.open().hasValue());
            QVERIFY(shell.execute(QStringLiteral("Enter-PSSession MBX1; dir C:\\")).hasValue());
            // Taken with the lab open: its mounted databases are as they stay while it runs.
            const QString before = treeSnapshot(scene.lab + QStringLiteral("/hosts"), false);
            for (const char *host : {"MBX1", "MBX4"})
                for (const char *root : {"C:\\", "C:", "c:\\\\"}) {
                    const QString command = QStringLiteral("Enter-PSSession %1; Remove-Item %2 -Recurse")
                                                .arg(QLatin1String(host), QLatin1String(root));
                    auto result = shell.execute(command);
                    QVERIFY2(!result.hasValue(), qPrintable(command));
                    QVERIFY2(result.error().toString().contains(QStringLiteral("drive's root")),
                             qPrintable(result.error().toString()));
                }
            // The disk itself refuses it too, whatever the cmdlet checks first.
            for (const char *host : {"MBX1", "MBX4"}) {
                auto direct =
                    shell.lab()->hostDisk(QLatin1String(host)).removeRecursively(QStringLiteral("C:\\"));
                QVERIFY(!direct.hasValue());
                QVERIFY2(direct.error().toString().contains(QStringLiteral("drive's root")),
                         qPrintable(direct.error().toString()));
            }
            QCOMPARE(treeSnapshot(scene.lab + QStringLiteral("/hosts"), false), before);
        }
        QVERIFY(QDir::setCurrent(current));
        QVERIFY(QFileInfo(scene.lab + QStringLiteral("/hosts/MBX4/C")).isDir());
        QVERIFY(QFileInfo(scene.lab + QStringLiteral("/hosts/MBX1/C/Exchange/Data/SG1/DB1.edb")).isFile());
    }
};

QTEST_GUILESS_MAIN(TestContainment)
#include "tst_containment.moc"
