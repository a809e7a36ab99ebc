// End-to-end runbooks: the .ps1 scripts in tests/runbooks, run by scr-shell (a separate process each, as an
// administrator would) on a fresh demo lab. After each activation every user mailbox must be homed on the
// activated database, the system mailboxes must not have moved, and Get-MailboxStatistics must show exactly
// the messages of the logs the copy had: every one when the source was reachable, those of the copied
// generations when it was not. The expected counts are read from the source's own log files.

#include "directory/directory.h"
#include "store/logfile.h"
#include "store/logfolder.h"
#include "store/records.h"
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
// log when withOpenLog): delivered, minus deleted.
std::map<QUuid, int> messagesInLogs(const QString &folder, uint32_t last, bool withOpenLog)
{
    std::map<QString, QUuid> owner;
    const auto visit = [&](const LogRecordView &view) -> Status {
        if (view.type == RecordType::DeliverMessage || view.type == RecordType::DeliverDescribedMessage) {
            auto m = DeliverMessageRecord::decode(view);
            if (!m)
                return m.error();
            owner[m->internetMessageId] = m->mailboxGuid;
        } else if (view.type == RecordType::DeleteMessage) {
            auto d = DeleteMessageRecord::decode(view);
            if (!d)
                return d.error();
            owner.erase(d->internetMessageId);
        }
        return {};
    };
    const HostDisk disk = HostDisk::atFolder(folder);
    auto listing = listLogFolder(disk, folder, QStringLiteral("E00"));
    if (!listing)
        return {};
    for (uint32_t gen : listing->closedGenerations) {
        if (gen > last)
            break;
        auto log = LogFile::load(disk, folder + QLatin1Char('/') + logFileName(QStringLiteral("E00"), gen));
        if (!log || !log->scan(false, visit))
            return {};
    }
    if (withOpenLog) {
        auto open = LogFile::load(disk, folder + QStringLiteral("/E00.log"));
        if (!open || !open->scan(true, visit))
            return {};
    }
    std::map<QUuid, int> perMailbox;
    for (const auto &[id, mailbox] : owner)
        ++perMailbox[mailbox];
    return perMailbox;
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
        // Without -Force the activation is refused, and says to use it.
        const Run refused = shell({QStringLiteral("--lab"), lab, runbook("database-portability.ps1")});
        QVERIFY(refused.exitCode != 0);
        QVERIFY2(refused.err.contains(QStringLiteral("-Force")), qPrintable(refused.err));
        Run r;
        runOk(lab, runbook("database-portability-source-lost.ps1"), &r);
        QVERIFY2(r.out.contains(QStringLiteral("Data was lost")), qPrintable(r.out));
        const uint32_t copied = reportNumber(r.out, QStringLiteral("LastLogCopied"));
        const int total = checkPortability(lab, before, copied, false);
        QVERIFY2(total > 1000, qPrintable(QString::number(total)));
        const auto everything =
            messagesInLogs(lab + QStringLiteral("/hosts/MBX1/C/Exchange/Logs/SG1"), 0xFFFFFFFFu, true);
        int all = 0;
        for (const QUuid &u : usersOfDb1(before))
            all += everything.count(u) ? everything.at(u) : 0;
        QVERIFY2(total < all, "the open log on the dead server was never copied");
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
        const uint32_t copied = reportNumber(r.out, QStringLiteral("LastLogCopied"));
        QVERIFY2(copied > 100, qPrintable(r.out)); // the scenario made well over 100 generations

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

        Run r;
        runOk(lab, runbook("recover-server.ps1"), &r);
        QVERIFY2(r.out.contains(QStringLiteral("Data was lost")), qPrintable(r.out));
        QVERIFY(r.out.contains(QStringLiteral("OpenLogLost       : True")));
        const uint32_t copied = reportNumber(r.out, QStringLiteral("LastLogCopied"));
        QVERIFY(copied > 100);

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
