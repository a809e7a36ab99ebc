// End-to-end runbooks: the .ps1 scripts in tests/runbooks, run by scr-shell (a separate process each, as an
// administrator would) on a fresh demo lab. After each activation every user mailbox must be homed on the
// activated database, the system mailboxes must not have moved, and Get-MailboxStatistics must show exactly
// the messages of the logs the copy had: every one when the source was reachable, those of the copied
// generations when it was not. The expected counts are read from the source's own log files.

#include "directory/directory.h"
#include "store/logfile.h"
#include "store/logfolder.h"
#include "store/records.h"
#include "logoracle.h"
#include "testsupport.h"

#include <map>
#include <set>

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace scr;

namespace {

using Run = test::ProcessRun;

Run shell(const QStringList &args)
{
    return test::runProcess(QStringLiteral(SCR_SHELL), args, 300000);
}

QString runbook(const char *name)
{
    return QStringLiteral(SCR_RUNBOOKS "/") + QLatin1String(name);
}

// The messages each mailbox holds after replaying the source's logs through generation last (and the open
// log when withOpenLog): delivered, minus deleted, as the test's own decoder reads the files (logoracle.h).
std::map<QUuid, int> messagesInLogs(const QString &folder, uint32_t last, bool withOpenLog)
{
    return test::oracle::messagesThrough(folder, QStringLiteral("E00"), last, withOpenLog);
}

// "d.hh:mm:ss", whole seconds, as a TimeSpan prints.
QString timeSpan(qint64 ms)
{
    const qint64 s = ms / 1000;
    return QStringLiteral("%1.%2:%3:%4")
        .arg(s / 86400)
        .arg((s / 3600) % 24, 2, 10, QLatin1Char('0'))
        .arg((s / 60) % 60, 2, 10, QLatin1Char('0'))
        .arg(s % 60, 2, 10, QLatin1Char('0'));
}

int sumOver(const std::map<QUuid, int> &counts, const std::set<QUuid> &users)
{
    int total = 0;
    for (const QUuid &u : users)
        total += counts.count(u) ? counts.at(u) : 0;
    return total;
}

// What the files say a source-lost activation lost, computed without the product's status: the copy holds
// the source's generations through copied (the same files, by their headers, on the standby); the source
// closed lastClosed; the mail written after generation copied was created is at most failure - its time.
struct Loss
{
    uint32_t copied = 0;
    uint32_t lastClosed = 0;
    qint64 copiedCreationMs = 0;
    qint64 lastRecordMs = 0; // the newest record of the source's stream, open log included
};

Loss lossOf(const QString &lab, const QString &standbyFolder)
{
    const QString source = lab + QStringLiteral("/hosts/MBX1/C/Exchange/Logs/SG1");
    Loss l;
    l.copied = test::oracle::copiedThrough(source, standbyFolder, QStringLiteral("E00"));
    const auto closed = test::oracle::closedGenerations(source, QStringLiteral("E00"));
    l.lastClosed = closed.empty() ? 0 : closed.back();
    const QString hex = QStringLiteral("%1").arg(l.copied, 8, 16, QLatin1Char('0')).toUpper();
    if (const auto h =
            test::oracle::readHeader(source + QStringLiteral("/E00") + hex + QStringLiteral(".log")))
        l.copiedCreationMs = h->creationTimeMs;
    if (const auto open = test::oracle::readLog(source + QStringLiteral("/E00.log")))
        l.lastRecordMs = open->lastRecordTimeMs;
    return l;
}

// Get-MailboxStatistics of a database, by mailbox GUID, as scr-shell prints it.
std::map<QUuid, int> itemCounts(const QString &lab, const QString &database)
{
    const Run r = shell(
        {QStringLiteral("--lab"), lab, QStringLiteral("-c"),
         QStringLiteral("Get-MailboxStatistics -Database %1 | ft MailboxGuid,ItemCount").arg(database)});
    std::map<QUuid, int> counts;
    static const QRegularExpression row(QStringLiteral("^([0-9a-f-]{36})\\s+(\\d+)$"));
    for (const QString &line : r.out.split(QLatin1Char('\n'))) {
        const auto m = row.match(line.trimmed());
        if (m.hasMatch())
            counts[QUuid::fromString(m.captured(1))] = m.captured(2).toInt();
    }
    return counts;
}

uint32_t reportNumber(const QString &out, const QString &field)
{
    const auto m = QRegularExpression(field + QStringLiteral("\\s+:\\s+(\\d+)")).match(out);
    return m.hasMatch() ? m.captured(1).toUInt() : 0;
}

struct Homes
{
    std::vector<MailboxRecord> users;
    std::vector<MailboxRecord> system;
    QUuid db1;
    QUuid dbTarget;
};

Homes homesOf(const QString &lab)
{
    Homes h;
    auto directory = Directory::open(lab);
    if (!directory)
        return h;
    auto sg1 = (*directory)->storageGroup(QStringLiteral("MBX1\\SG1"));
    if (sg1 && *sg1)
        h.db1 = (*directory)->databases((*sg1)->id)->front().guid;
    auto target = (*directory)->storageGroup(QStringLiteral("MBX3\\SG1Target"));
    if (target && *target && !(*directory)->databases((*target)->id)->empty())
        h.dbTarget = (*directory)->databases((*target)->id)->front().guid;
    for (const MailboxRecord &m : *(*directory)->mailboxes())
        (m.objectClass == MailboxClass::User ? h.users : h.system).push_back(m);
    return h;
}

} // namespace

class RunbookTest : public QObject
{
    Q_OBJECT

    QTemporaryDir m_tmp;

    QString freshLab(const char *name)
    {
        const QString lab = m_tmp.filePath(QLatin1String(name));
        const Run made = shell({QStringLiteral("--new-demo"), lab});
        if (made.exitCode != 0)
            qWarning("%s", qPrintable(made.err));
        return lab;
    }

    void runOk(const QString &lab, const QString &script, Run *out = nullptr)
    {
        const Run r = shell({QStringLiteral("--lab"), lab, script});
        QVERIFY2(r.exitCode == 0, qPrintable(script + QStringLiteral(":\n") + r.out + r.err));
        if (out)
            *out = r;
    }

    // The users of MBX1\SG1\DB1 as the demo made them, and what the source's logs say they hold.
    std::set<QUuid> usersOfDb1(const Homes &h)
    {
        std::set<QUuid> users;
        for (const MailboxRecord &m : h.users)
            if (m.databaseGuid == h.db1)
                users.insert(m.guid);
        return users;
    }

    // When MBX1 was powered off (the scenario's input, read from the lab's directory before activation).
    static qint64 failureTimeOfMbx1(const QString &lab)
    {
        auto directory = Directory::open(lab);
        if (!directory)
            return -1;
        auto at = (*directory)->hostPoweredOffAt(QStringLiteral("MBX1"));
        return at ? *at : -1;
    }

    // The report of a source-lost Restore-StorageGroupCopy against the files: the generations the standby
    // holds (by their headers), those the source closed, and the time since the newest copied generation
    // was created up to the failure, which must cover every record the source wrote.
    void checkLossReport(const QString &out, const Loss &loss, qint64 failure)
    {
        QVERIFY2(loss.copied > 100, qPrintable(QString::number(loss.copied))); // 12 minutes of 1 MiB logs
        QVERIFY(loss.lastClosed >= loss.copied);
        QCOMPARE(reportNumber(out, QStringLiteral("LastLogCopied")), loss.copied);
        QCOMPARE(reportNumber(out, QStringLiteral("LastLogGenerated")), loss.lastClosed);
        QCOMPARE(reportNumber(out, QStringLiteral("LostGenerations")), loss.lastClosed - loss.copied);
        QVERIFY2(QRegularExpression(QStringLiteral("OpenLogLost\\s+:\\s+True")).match(out).hasMatch(),
                 qPrintable(out));
        QVERIFY(failure > 0);
        QVERIFY2(failure >= loss.lastRecordMs, "the source wrote after it was powered off");
        QVERIFY(loss.copiedCreationMs > 0);
        const QString lostTime = timeSpan(failure - loss.copiedCreationMs);
        QVERIFY2(
            QRegularExpression(QStringLiteral("LostTime\\s+:\\s+") + QRegularExpression::escape(lostTime))
                .match(out)
                .hasMatch(),
            qPrintable(lostTime + QStringLiteral("\n") + out));
        QVERIFY2(out.contains(QStringLiteral("at most %1 of mail, written after generation %2")
                                  .arg(lostTime)
                                  .arg(loss.copied)),
                 qPrintable(out));
        const uint32_t logs = loss.lastClosed - loss.copied + 1; // and the open log
        QVERIFY2(out.contains(QStringLiteral("Data was lost: %1 %2")
                                  .arg(logs)
                                  .arg(QLatin1String(logs == 1 ? "log was" : "logs were"))),
                 qPrintable(out));
    }

private Q_SLOTS:
    void mailFlowOutlivesTheProcess()
    {
        // Start-MailFlow in one scr-shell run, Step-Simulation in the next: the flow is kept in the lab.
        const QString lab = freshLab("mailflow");
        const auto items = [&](const QString &before) {
            const Run r = shell({QStringLiteral("--lab"), lab, QStringLiteral("-c"),
                                 before + QStringLiteral("; Get-MailboxStatistics -Database MBX2\\SG2\\DB2 | "
                                                         "Measure-Object ItemCount -Sum")});
            return r.out.section(QStringLiteral("Sum      : "), 1, 1)
                .section(QLatin1Char('\n'), 0, 0)
                .toInt();
        };
        QCOMPARE(shell({QStringLiteral("--lab"), lab, QStringLiteral("-c"),
                        QStringLiteral("Start-MailFlow MBX2\\SG2\\DB2 -MessagesPerMinute 60")})
                     .exitCode,
                 0);
        const int start = items(QStringLiteral("Step-Simulation 0.00:00:01"));
        QCOMPARE(items(QStringLiteral("Step-Simulation 0.00:01:00")), start + 60);
        QCOMPARE(items(QStringLiteral("Stop-MailFlow MBX2\\SG2\\DB2; Step-Simulation 0.00:01:00")),
                 start + 60);
        QCOMPARE(items(QStringLiteral("Step-Simulation 0.00:01:00")), start + 60);
    }

    // EMS's non-terminating errors: a refused command reports its error, the script goes on, and the exit
    // status still says that something failed; -ErrorAction Stop and $ErrorActionPreference stop it.
    void errorsDoNotStopAScriptUnlessTold()
    {
        const QString lab = freshLab("errors");
        const QString script = m_tmp.filePath(QStringLiteral("errors.ps1"));
        const auto write = [&](const QString &text) {
            QFile f(script);
            QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
            f.write(text.toUtf8());
        };
        write(QStringLiteral("Mount-Database NoSuchDB\nGet-ExchangeServer MBX1 | fl Name\n"));
        Run r = shell({QStringLiteral("--lab"), lab, script});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("no such mailbox database")), qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("Name : MBX1")), qPrintable(r.out));
        write(
            QStringLiteral("Mount-Database NoSuchDB -ErrorAction Stop\nGet-ExchangeServer MBX1 | fl Name\n"));
        r = shell({QStringLiteral("--lab"), lab, script});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(!r.out.contains(QStringLiteral("MBX1")), qPrintable(r.out));
        write(QStringLiteral(
            "$ErrorActionPreference = 'Stop'\nGet-Nothing\nGet-ExchangeServer MBX1 | fl Name\n"));
        r = shell({QStringLiteral("--lab"), lab, script});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("Get-Nothing")), qPrintable(r.err));
        QVERIFY2(!r.out.contains(QStringLiteral("MBX1")), qPrintable(r.out));
        r = shell({QStringLiteral("--lab"), lab, QStringLiteral("-c"),
                   QStringLiteral("Get-Nothing; Get-ExchangeServer MBX2 | fl Name")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains(QStringLiteral("Name : MBX2")), qPrintable(r.out));
        // An error that SilentlyContinue hides does not fail the run.
        r = shell({QStringLiteral("--lab"), lab, QStringLiteral("-c"),
                   QStringLiteral("Mount-Database NoSuchDB -ErrorAction SilentlyContinue; Get-ExchangeServer "
                                  "MBX2 | fl Name")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.isEmpty(), qPrintable(r.err));
        // The runbook lines: a bare database name, a wildcard removal.
        r = shell({QStringLiteral("--lab"), lab, QStringLiteral("-c"),
                   QStringLiteral("New-StorageGroup SG1Target -Server MBX3 -LogFolderPath C:\\SG1Target; "
                                  "New-MailboxDatabase DBTarget -StorageGroup SG1Target -EdbFilePath "
                                  "C:\\SG1Target\\DBTarget.edb; Mount-Database DBTarget; "
                                  "Dismount-Database DBTarget -Confirm:$false; Enter-PSSession MBX3; "
                                  "Remove-Item C:\\SG1Target\\* -Recurse; dir C:\\SG1Target")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QVERIFY(QFileInfo(lab + QStringLiteral("/hosts/MBX3/C/SG1Target")).isDir());
        QVERIFY(QDir(lab + QStringLiteral("/hosts/MBX3/C/SG1Target")).isEmpty());
    }

    void prepareTheTarget()
    {
        const QString lab = freshLab("prepare");
        Run r;
        runOk(lab, runbook("prepare-target.ps1"), &r);
        QVERIFY2(r.out.contains(QStringLiteral("\nFalse\n")),
                 qPrintable(r.out)); // Test-Path after Remove-Item
        QVERIFY(r.out.contains(QStringLiteral("Mounted     : False")));
        QVERIFY(!QFileInfo::exists(lab + QStringLiteral("/hosts/MBX3/C/Temp/SG1Target")));
        const Homes h = homesOf(lab);
        QVERIFY(!h.dbTarget.isNull());
    }

    // After portability: every user of DB1 is homed on DBTarget, the system mailboxes stayed, and each user
    // holds exactly the messages of the source's logs through generation copied (and its open log when
    // withOpenLog). Returns the users' total.
    int checkPortability(const QString &lab, const Homes &before, uint32_t copied, bool withOpenLog)
    {
        const std::set<QUuid> users = usersOfDb1(before);
        const Homes after = homesOf(lab);
        for (const MailboxRecord &m : after.users)
            if (users.count(m.guid) && m.databaseGuid != before.dbTarget)
                return -1;
        for (const MailboxRecord &m : after.system) {
            const auto was = std::find_if(before.system.begin(), before.system.end(),
                                          [&](const MailboxRecord &b) { return b.guid == m.guid; });
            if (was == before.system.end() || m.databaseGuid != was->databaseGuid)
                return -2; // system mailboxes do not move
        }
        const auto expected =
            messagesInLogs(lab + QStringLiteral("/hosts/MBX1/C/Exchange/Logs/SG1"), copied, withOpenLog);
        const auto shown = itemCounts(lab, QStringLiteral("MBX3\\SG1Target\\DBTarget"));
        int total = 0;
        for (const QUuid &u : users) {
            const int want = expected.count(u) ? expected.at(u) : 0;
            if (!shown.count(u) || shown.at(u) != want) {
                qWarning("%s: shown %d, the logs hold %d", qPrintable(u.toString()),
                         shown.count(u) ? shown.at(u) : -1, want);
                return -3;
            }
            total += want;
        }
        return total;
    }

    void databasePortabilityWithTheSourceLost()
    {
        const QString lab = freshLab("portability-lost");
        runOk(lab, runbook("scenario-replicating.ps1"));
        runOk(lab, runbook("prepare-target.ps1"));
        const Run off =
            shell({QStringLiteral("--lab"), lab, QStringLiteral("-c"),
                   QStringLiteral("Start-MailFlow MBX1\\SG1\\DB1 -MessagesPerMinute 120 -MessageSizeKB 100; "
                                  "Step-Simulation 0.00:00:30; Stop-Host MBX1")});
        QCOMPARE(off.exitCode, 0);
        const Homes before = homesOf(lab);
        const qint64 failure = failureTimeOfMbx1(lab);
        // Without -Force the activation is refused, and says to use it.
        const Run refused = shell({QStringLiteral("--lab"), lab, runbook("database-portability.ps1")});
        QVERIFY(refused.exitCode != 0);
        QVERIFY2(refused.err.contains(QStringLiteral("-Force")), qPrintable(refused.err));
        Run r;
        runOk(lab, runbook("database-portability-source-lost.ps1"), &r);
        // What was lost, by the files: the standby's copies of the source's generations, their headers'
        // times.
        const Loss loss = lossOf(lab, lab + QStringLiteral("/hosts/MBX3/C/Exchange/Logs/SG1"));
        checkLossReport(r.out, loss, failure);
        // Each user holds exactly the messages of the generations the standby holds; the rest is lost.
        const int total = checkPortability(lab, before, loss.copied, false);
        QVERIFY2(total > 1000, qPrintable(QString::number(total)));
        const QString source = lab + QStringLiteral("/hosts/MBX1/C/Exchange/Logs/SG1");
        const int all = sumOver(messagesInLogs(source, 0xFFFFFFFFu, true), usersOfDb1(before));
        const int lost = all - total;
        // Those of the open log on the dead server (and of any closed generation never copied).
        QVERIFY2(lost > 0, qPrintable(QString::number(lost)));
    }

    void databasePortability()
    {
        const QString lab = freshLab("portability");
        runOk(lab, runbook("scenario-replicating.ps1"));
        runOk(lab, runbook("prepare-target.ps1"));
        const Homes before = homesOf(lab);
        const std::set<QUuid> users = usersOfDb1(before);
        QCOMPARE(users.size(), std::size_t(20));

        Run r;
        runOk(lab, runbook("database-portability.ps1"), &r);
        QVERIFY2(r.out.contains(QStringLiteral("No data was lost")), qPrintable(r.out));
        QVERIFY(r.out.contains(QStringLiteral("State: Clean Shutdown")));
        QCOMPARE(reportNumber(r.out, QStringLiteral("LostGenerations")), 0u);
        // Every generation the source closed lies on the standby as the same file (by its header).
        const Loss loss = lossOf(lab, lab + QStringLiteral("/hosts/MBX3/C/Exchange/Logs/SG1"));
        const uint32_t copied = loss.copied;
        QVERIFY2(copied > 100, qPrintable(r.out)); // the scenario made well over 100 generations
        QCOMPARE(copied, loss.lastClosed);
        QCOMPARE(reportNumber(r.out, QStringLiteral("LastLogCopied")), copied);

        // Nothing lost: every message of every source log, the last open log included.
        const int total = checkPortability(lab, before, copied, true);
        QVERIFY2(total > 1000, qPrintable(QString::number(total))); // 60 from the demo + 12 min at 120/min
    }

    void recoverServer()
    {
        const QString lab = freshLab("recover");
        runOk(lab, runbook("scenario-replicating.ps1"));
        // The failure: MBX1 dies without a shutdown, mail in flight.
        Run off =
            shell({QStringLiteral("--lab"), lab, QStringLiteral("-c"),
                   QStringLiteral("Start-MailFlow MBX1\\SG1\\DB1 -MessagesPerMinute 120 -MessageSizeKB 100; "
                                  "Step-Simulation 0.00:00:30; Stop-Host MBX1")});
        QCOMPARE(off.exitCode, 0);
        const Homes before = homesOf(lab);
        const std::set<QUuid> users = usersOfDb1(before);

        const qint64 failure = failureTimeOfMbx1(lab);
        Run r;
        runOk(lab, runbook("recover-server.ps1"), &r);
        QVERIFY2(r.out.contains(QStringLiteral("Data was lost")), qPrintable(r.out));
        QVERIFY(r.out.contains(QStringLiteral("OpenLogLost       : True")));
        // The machine that was MBX3 keeps its disk folder: the copy's logs are in hosts/MBX3.
        const Loss loss = lossOf(lab, lab + QStringLiteral("/hosts/MBX3/C/Exchange/Logs/SG1"));
        checkLossReport(r.out, loss, failure);
        const uint32_t copied = loss.copied;

        // The machine that was MBX3 is MBX1 now, with its own disk, and the server object is bound to it.
        auto directory = Directory::open(lab);
        QVERIFY(directory.hasValue());
        auto host = *(*directory)->host(QStringLiteral("MBX1"));
        QVERIFY(host && host->poweredOn);
        QCOMPARE(host->diskFolder, QStringLiteral("hosts/MBX3"));
        QVERIFY(!(*(*directory)->server(QStringLiteral("MBX3"))).has_value());
        QCOMPARE((*(*directory)->server(QStringLiteral("MBX1")))->host, QStringLiteral("MBX1"));
        auto retired = *(*directory)->host(QStringLiteral("MBX1-RETIRED"));
        QVERIFY(retired && !retired->poweredOn);

        // Every user is still homed on MBX1\SG1\DB1, now served from the recovered machine.
        const Homes after = homesOf(lab);
        QCOMPARE(after.db1, before.db1);
        for (const MailboxRecord &m : after.users)
            if (users.count(m.guid))
                QCOMPARE(m.databaseGuid, before.db1);
        // Exactly the messages of the copied generations: none that was copied is lost.
        const auto expected =
            messagesInLogs(lab + QStringLiteral("/hosts/MBX1/C/Exchange/Logs/SG1"), copied, false);
        const auto everything =
            messagesInLogs(lab + QStringLiteral("/hosts/MBX1/C/Exchange/Logs/SG1"), 0xFFFFFFFFu, true);
        const auto shown = itemCounts(lab, QStringLiteral("MBX1\\SG1\\DB1"));
        int shownTotal = 0;
        int allTotal = 0;
        for (const QUuid &u : users) {
            QVERIFY(shown.count(u));
            QCOMPARE(shown.at(u), expected.count(u) ? expected.at(u) : 0);
            shownTotal += shown.at(u);
            allTotal += everything.count(u) ? everything.at(u) : 0;
        }
        QVERIFY2(shownTotal < allTotal, "the messages of the open log on the dead server are lost");
    }
};

QTEST_GUILESS_MAIN(RunbookTest)
#include "tst_runbooks.moc"
