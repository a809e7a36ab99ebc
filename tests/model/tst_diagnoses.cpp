// Issue 22, section 5: refusals Exchange makes, and diagnoses that are true. Each test starts from its own
// copy of a demo lab and judges what the shell says against the files: EMS habits (setup /recoverserver,
// Get-StorageGroupCopyStatus -Server and Disabled, wildcards in property names), Restore-StorageGroupCopy
// -Force as Exchange runs it (no prompt; with the source reachable, no final copy, and what is left behind
// named), the seed plans' Suspend-StorageGroupCopy, and JET codes only on ESE errors.

#include "cmdlets/storagegroupcopy.h"
#include "cmdlets/wizardflow.h"
#include "ems/shellsession.h"
#include "lab/demolab.h"
#include "lab/lab.h"
#include "logoracle.h"
#include "store/logfile.h"
#include "store/logformat.h"
#include "labfixture.h"
#include "testsupport.h"

#include <algorithm>
#include <memory>

#include <QDir>
#include <QFileInfo>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace scr;

namespace {

const QString kSg = QStringLiteral("MBX1\\SG1");
const QString kCopyArgs = QStringLiteral("MBX1\\SG1 -StandbyMachine MBX3");

// The value of "Name : value" in Format-List output.
QString listValue(const QString &output, const QString &name)
{
    const QRegularExpression line(QStringLiteral("^%1\\s*:\\s*(.*)$").arg(name),
                                  QRegularExpression::MultilineOption);
    const auto m = line.match(output);
    return m.hasMatch() ? m.captured(1).trimmed() : QString();
}

} // namespace

class TestDiagnoses : public QObject
{
    Q_OBJECT
    QTemporaryDir m_template;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ShellSession> m_shell;

    QString path(const QString &rel) const { return m_dir->filePath(rel); }
    Lab &lab() { return *m_shell->lab(); }

    // Runs a script as scr-shell would; false (the error logged) when it failed.
    bool sh(const QString &script, QString *output = nullptr)
    {
        auto out = m_shell->execute(script);
        if (!out) {
            qWarning("%s: %s", qPrintable(script), qPrintable(out.error().toString()));
            return false;
        }
        if (output)
            *output = *out;
        return true;
    }
    QString out(const QString &script)
    {
        QString text;
        if (!sh(script, &text))
            return QStringLiteral("<failed>");
        return text;
    }
    // The error a script fails with; empty when it did not fail.
    Error refusal(const QString &script)
    {
        auto r = m_shell->execute(script);
        return r ? Error{} : r.error();
    }
    bool reopen()
    {
        m_shell.reset();
        m_shell = std::make_unique<ShellSession>(m_dir->path());
        if (auto st = m_shell->open(); !st) {
            qWarning("%s", qPrintable(st.error().toString()));
            return false;
        }
        return m_shell->lab() != nullptr;
    }
    // The texts of the events in the directory (of eventId, when not 0), oldest first, a line each.
    QString eventTexts(int eventId = 0)
    {
        auto events = lab().directory().events();
        if (!events)
            return QStringLiteral("<no events: %1>").arg(events.error().toString());
        QStringList lines;
        for (const EventRecord &e : *events)
            if (eventId == 0 || e.eventId == eventId)
                lines << QStringLiteral("%1 %2").arg(e.eventId).arg(e.text);
        std::sort(lines.begin(), lines.end()); // not needed for the searches below; stable output
        return lines.join(QLatin1Char('\n'));
    }
    // MBX1\SG1 replicated to MBX3 with no lag for a virtual minute of mail (about a log a second).
    bool replicating()
    {
        return sh(QStringLiteral("Enable-StorageGroupCopy %1 -ReplayLagTime 0.00:00:00").arg(kCopyArgs)) &&
               sh(QStringLiteral(
                   "Start-MailFlow MBX1\\SG1\\DB1 -MessagesPerMinute 600 -MessageSizeKB 100")) &&
               sh(QStringLiteral("Step-Simulation 0.00:01:00"));
    }

private Q_SLOTS:
    void initTestCase()
    {
        test::ManualClock clock;
        QVERIFY(DemoLab::create(m_template.path(), clock).hasValue());
    }
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(test::copyLab(m_template.path(), m_dir->path()));
        QVERIFY(reopen());
    }
    void cleanup()
    {
        m_shell.reset();
        m_dir.reset();
    }

    // EMS habits
    // ----------------------------------------------------------------------------------------------

    // `setup /recoverserver` (DESIGN.md's and the seed's spelling) runs /m:RecoverServer.
    void setupRecoverServerAsTheSeedSpellsIt()
    {
        QVERIFY(replicating());
        QVERIFY(sh(QStringLiteral("Stop-Host MBX1")));
        QVERIFY(sh(QStringLiteral("Restore-StorageGroupCopy %1 -Force -Confirm:$false").arg(kCopyArgs)));
        QVERIFY(
            sh(QStringLiteral("Enter-PSSession MBX3; setup /m:Uninstall; Rename-Computer -NewName MBX1")));
        const QString recovered = out(QStringLiteral("Enter-PSSession MBX1; setup /recoverserver"));
        QVERIFY2(recovered.contains(QStringLiteral("Server MBX1 was recovered onto host MBX1")),
                 qPrintable(recovered));
    }
    // The same switch with a dash, and either refuses as /m:RecoverServer does, never "needs a mode".
    void setupRecoverServerSwitchRefusesAsTheModeDoes()
    {
        const Error mode = refusal(QStringLiteral("Enter-PSSession MBX3; setup /m:RecoverServer"));
        QVERIFY(!mode.reason.isEmpty());
        for (const QString &spelling : {QStringLiteral("/recoverserver"), QStringLiteral("/RecoverServer"),
                                        QStringLiteral("-RecoverServer")}) {
            const Error e = refusal(QStringLiteral("Enter-PSSession MBX3; setup %1").arg(spelling));
            QCOMPARE(e.toString(), mode.toString());
        }
    }
    // Get-StorageGroupCopyStatus -Server MBX1: the storage groups of that server only.
    void copyStatusByServer()
    {
        QVERIFY(sh(QStringLiteral("Enable-StorageGroupCopy %1 -ReplayLagTime 0.00:00:00").arg(kCopyArgs)));
        const QString table = out(QStringLiteral("Get-StorageGroupCopyStatus -Server MBX1 | ft Identity"));
        for (const char *sg : {"MBX1\\SG1", "MBX1\\SG2", "MBX1\\SG3"})
            QVERIFY2(table.contains(QLatin1String(sg)), qPrintable(table));
        QVERIFY2(!table.contains(QStringLiteral("MBX2\\")), qPrintable(table));
        const QString one =
            out(QStringLiteral("Get-StorageGroupCopyStatus -Server mbx1 -StandbyMachine MBX3 | "
                               "where {$_.SummaryCopyStatus -ne 'Disabled'} | fl Identity"));
        QCOMPARE(listValue(one, QStringLiteral("Identity")), kSg);
        QVERIFY(out(QStringLiteral("Get-StorageGroupCopyStatus MBX1\\SG1 -Server MBX2")).trimmed().isEmpty());
        const Error unknown = refusal(QStringLiteral("Get-StorageGroupCopyStatus -Server MBX9"));
        QVERIFY2(unknown.object.contains(QStringLiteral("MBX9")), qPrintable(unknown.toString()));
    }
    // A storage group with no copy reads Disabled, not nothing; one with a copy reads its copy.
    void aStorageGroupWithNoCopyReadsDisabled()
    {
        const QString none =
            out(QStringLiteral("Get-StorageGroupCopyStatus MBX2\\SG2 | fl SummaryCopyStatus"));
        QCOMPARE(listValue(none, QStringLiteral("SummaryCopyStatus")), QStringLiteral("Disabled"));
        QVERIFY(sh(QStringLiteral("Enable-StorageGroupCopy %1 -ReplayLagTime 0.00:00:00").arg(kCopyArgs)));
        const QString all = out(QStringLiteral("Get-StorageGroupCopyStatus | ft Identity,SummaryCopyStatus"));
        QCOMPARE(all.count(QStringLiteral("Disabled")), 5); // six storage groups, one copied
        QVERIFY2(!all.contains(QRegularExpression(QStringLiteral("MBX1\\\\SG1 +Disabled"))), qPrintable(all));
        // A copy to another standby machine than the one asked for: Disabled there.
        const QString other =
            out(QStringLiteral("Get-StorageGroupCopyStatus MBX1\\SG1 -StandbyMachine MBX4 | fl *"));
        QCOMPARE(listValue(other, QStringLiteral("SummaryCopyStatus")), QStringLiteral("Disabled"));
        QCOMPARE(listValue(other, QStringLiteral("StandbyMachine")), QStringLiteral("MBX4"));
        // Disabled with its copy gone again.
        QVERIFY(sh(QStringLiteral("Disable-StorageGroupCopy %1 -Confirm:$false").arg(kCopyArgs)));
        const QString after =
            out(QStringLiteral("Get-StorageGroupCopyStatus MBX1\\SG1 | fl SummaryCopyStatus"));
        QCOMPARE(listValue(after, QStringLiteral("SummaryCopyStatus")), QStringLiteral("Disabled"));
    }
    // Format-List LastLog* lists every LastLog... property; Format-Table and Select-Object expand too.
    void propertyNamesTakeWildcards()
    {
        QVERIFY(sh(QStringLiteral("Enable-StorageGroupCopy %1 -ReplayLagTime 0.00:00:00").arg(kCopyArgs)));
        const QString list =
            out(QStringLiteral("Get-StorageGroupCopyStatus %1 | Format-List LastLog*").arg(kCopyArgs));
        const QStringList expected = {QStringLiteral("LastLogGenerated"),
                                      QStringLiteral("LastLogCopyNotified"), QStringLiteral("LastLogCopied"),
                                      QStringLiteral("LastLogInspected"), QStringLiteral("LastLogReplayed")};
        QStringList shown;
        for (const QString &line : list.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
            shown << line.section(QLatin1Char(':'), 0, 0).trimmed();
        QCOMPARE(shown, expected);
        const QString mixed =
            out(QStringLiteral("Get-StorageGroupCopyStatus %1 | fl Name,*queue*").arg(kCopyArgs));
        QVERIFY2(mixed.contains(QStringLiteral("Name              : SG1")), qPrintable(mixed));
        QVERIFY2(mixed.contains(QStringLiteral("CopyQueueLength   : ")), qPrintable(mixed));
        QVERIFY2(mixed.contains(QStringLiteral("ReplayQueueLength : ")), qPrintable(mixed));
        const QString table = out(QStringLiteral("Get-StorageGroup MBX1\\SG1 | ft *FolderPath"));
        QVERIFY2(table.contains(QStringLiteral("LogFolderPath")) &&
                     table.contains(QStringLiteral("SystemFolderPath")),
                 qPrintable(table));
        const QString selected =
            out(QStringLiteral("Get-StorageGroup MBX1\\SG1 | Select-Object Log?olderPath | fl"));
        QCOMPARE(listValue(selected, QStringLiteral("LogFolderPath")),
                 QStringLiteral("C:\\Exchange\\Logs\\SG1"));
        QVERIFY(out(QStringLiteral("Get-StorageGroup MBX1\\SG1 | fl NoSuch*")).trimmed().isEmpty());
    }

    // Restore-StorageGroupCopy -Force
    // ---------------------------------------------------------------------------

    // -Force means no prompt: a script runs it without -Confirm:$false; without either it still asks.
    void restoreWithForceAsksNothing()
    {
        QVERIFY(replicating());
        QVERIFY(sh(QStringLiteral("Stop-Host MBX1")));
        const Error asks = refusal(QStringLiteral("Restore-StorageGroupCopy %1").arg(kCopyArgs));
        QVERIFY2(asks.reason.contains(QStringLiteral("confirmation")), qPrintable(asks.toString()));
        const QString report = out(QStringLiteral("Restore-StorageGroupCopy %1 -Force").arg(kCopyArgs));
        QVERIFY2(report.contains(QStringLiteral("Data was lost")), qPrintable(report));
        QVERIFY(out(QStringLiteral("Get-StorageGroupCopyStatus %1 | fl SummaryCopyStatus").arg(kCopyArgs))
                    .contains(QStringLiteral("Disabled")));
    }
    // With the source reachable, -Force copies nothing more (Exchange's): the report names every log left on
    // the source, E00.log included, and says that without -Force they are copied. The standby holds none.
    void restoreWithForceLeavesTheSourcesLogsAndSaysWhich()
    {
        QVERIFY(replicating());
        // The copy falls behind: suspended while more logs close on the source.
        QVERIFY(sh(QStringLiteral("Suspend-StorageGroupCopy %1 -SuspendComment 'behind'").arg(kCopyArgs)));
        QVERIFY(sh(QStringLiteral("Step-Simulation 0.00:00:10; Stop-MailFlow MBX1\\SG1\\DB1; "
                                  "Dismount-Database MBX1\\SG1\\DB1 -Confirm:$false")));
        const QString sourceLogs = path(QStringLiteral("hosts/MBX1/C/Exchange/Logs/SG1"));
        const QString standbyLogs = path(QStringLiteral("hosts/MBX3/C/Exchange/Logs/SG1"));
        const std::vector<uint32_t> source = test::closedGenerationsIn(sourceLogs);
        const std::vector<uint32_t> before = test::closedGenerationsIn(standbyLogs);
        QVERIFY(!before.empty());
        QStringList expected;
        for (uint32_t gen : source)
            if (gen > before.back())
                expected << logFileName(QStringLiteral("E00"), gen);
        QVERIFY2(expected.size() >= 3, qPrintable(expected.join(QLatin1Char(' '))));
        const QString report =
            out(QStringLiteral("Restore-StorageGroupCopy %1 -Force | fl LeftBehind,LostGenerations,"
                               "OpenLogLost,OpenLogCopied,LogsCopiedNow,Summary")
                    .arg(kCopyArgs));
        QCOMPARE(listValue(report, QStringLiteral("LeftBehind")),
                 QLatin1Char('{') +
                     (expected + QStringList{QStringLiteral("E00.log")}).join(QStringLiteral(", ")) +
                     QLatin1Char('}'));
        QCOMPARE(listValue(report, QStringLiteral("LostGenerations")), QString::number(expected.size()));
        QCOMPARE(listValue(report, QStringLiteral("OpenLogLost")), QStringLiteral("True"));
        QCOMPARE(listValue(report, QStringLiteral("OpenLogCopied")), QStringLiteral("False"));
        QCOMPARE(listValue(report, QStringLiteral("LogsCopiedNow")), QStringLiteral("0"));
        const QString summary = listValue(report, QStringLiteral("Summary"));
        QVERIFY2(summary.contains(
                     QStringLiteral("generations %1 to %2").arg(before.back() + 1).arg(source.back())),
                 qPrintable(summary));
        QVERIFY2(summary.contains(QStringLiteral("and E00.log")), qPrintable(summary));
        QVERIFY2(summary.contains(QStringLiteral("left behind on MBX1")), qPrintable(summary));
        QVERIFY2(summary.contains(QStringLiteral("Without -Force")), qPrintable(summary));
        // The standby got none of them, and the source still has every one.
        QCOMPARE(test::closedGenerationsIn(standbyLogs), before);
        QCOMPARE(test::closedGenerationsIn(sourceLogs), source);
        QVERIFY(QFile::exists(sourceLogs + QStringLiteral("/E00.log")));
        // The event says the same.
        const QString events = eventTexts(2110);
        QVERIFY2(events.contains(QStringLiteral("left behind on MBX1")), qPrintable(events));
    }
    // The same lab without -Force: the final pass copies them all and E00.log, nothing left behind.
    void restoreWithoutForceKeepsWhatForceLeaves()
    {
        QVERIFY(replicating());
        QVERIFY(sh(QStringLiteral("Suspend-StorageGroupCopy %1 -SuspendComment 'behind'").arg(kCopyArgs)));
        QVERIFY(sh(QStringLiteral("Step-Simulation 0.00:00:10; Stop-MailFlow MBX1\\SG1\\DB1; "
                                  "Dismount-Database MBX1\\SG1\\DB1 -Confirm:$false")));
        const QString sourceLogs = path(QStringLiteral("hosts/MBX1/C/Exchange/Logs/SG1"));
        const std::vector<uint32_t> source = test::closedGenerationsIn(sourceLogs);
        const QString report =
            out(QStringLiteral(
                    "Restore-StorageGroupCopy %1 -Confirm:$false | fl LeftBehind,OpenLogCopied,Summary")
                    .arg(kCopyArgs));
        QCOMPARE(listValue(report, QStringLiteral("LeftBehind")), QStringLiteral("{}"));
        QCOMPARE(listValue(report, QStringLiteral("OpenLogCopied")), QStringLiteral("True"));
        QVERIFY2(listValue(report, QStringLiteral("Summary")).startsWith(QStringLiteral("No data was lost")),
                 qPrintable(report));
        const std::vector<uint32_t> standby =
            test::closedGenerationsIn(path(QStringLiteral("hosts/MBX3/C/Exchange/Logs/SG1")));
        QCOMPARE(standby.back(), source.back());
    }
    // -Force with the source's database still mounted: not refused (Exchange does not contact the source),
    // and the report says the database is still mounted there.
    void restoreWithForceNamesASourceStillMounted()
    {
        QVERIFY(replicating());
        const QString report =
            out(QStringLiteral("Restore-StorageGroupCopy %1 -Force | fl Summary").arg(kCopyArgs));
        QVERIFY2(report.contains(QStringLiteral("still mounted")), qPrintable(report));
        QVERIFY2(report.contains(QStringLiteral("E00.log")), qPrintable(report));
    }

    // Update-StorageGroupCopy as TechNet runs it ------------------------------------------------------------

    // The seed plan suspends the copy first; running it seeds and leaves the copy resumed.
    void seedPlanSuspendsTheCopyFirst()
    {
        const QStringList plan = cmdlets::seedCommands(kSg, QStringLiteral("MBX3"), false);
        QCOMPARE(plan.size(), 2);
        QVERIFY(plan.first().startsWith(
            QStringLiteral("Suspend-StorageGroupCopy MBX1\\SG1 -StandbyMachine MBX3")));
        QCOMPARE(
            plan.last(),
            QStringLiteral("Update-StorageGroupCopy MBX1\\SG1 -StandbyMachine MBX3 -DeleteExistingFiles"));
        QCOMPARE(cmdlets::seedCommands(kSg, QStringLiteral("MBX3"), true), QStringList{plan.last()});
        QVERIFY(replicating());
        QVERIFY(sh(plan.join(QStringLiteral("; "))));
        const QString events = eventTexts(2092);
        QVERIFY2(events.contains(QStringLiteral("Seeding (Update-StorageGroupCopy)")), qPrintable(events));
        const QString status =
            out(QStringLiteral("Get-StorageGroupCopyStatus %1 | fl Suspend,Seeding").arg(kCopyArgs));
        QCOMPARE(listValue(status, QStringLiteral("Suspend")), QStringLiteral("False"));
        QVERIFY(QFile::exists(path(QStringLiteral("hosts/MBX3/C/Exchange/Data/SG1/DB1.edb"))));
    }

    // Diagnoses that are true
    // ------------------------------------------------------------------------------------

    // A flipped byte of an .edb's SQLite header (its write version) is damage (-1206), not "make it
    // writable".
    void aFlippedHeaderByteIsCorruptionNotPermissions_data()
    {
        QTest::addColumn<qint64>("offset");
        QTest::newRow("write version (byte 18): SQLite would only read it") << qint64(18);
        QTest::newRow("read version (byte 19)") << qint64(19);
        QTest::newRow("magic (byte 3)") << qint64(3);
    }
    void aFlippedHeaderByteIsCorruptionNotPermissions()
    {
        QFETCH(qint64, offset);
        QVERIFY(sh(QStringLiteral("Dismount-Database MBX1\\SG1\\DB1 -Confirm:$false")));
        const QString edb = path(QStringLiteral("hosts/MBX1/C/Exchange/Data/SG1/DB1.edb"));
        QVERIFY(test::flipByte(edb, offset));
        const Error e = refusal(QStringLiteral("Mount-Database MBX1\\SG1\\DB1"));
        QVERIFY2(e.code == JetCode::DatabaseCorrupted, qPrintable(e.toString()));
        QVERIFY2(!e.fix.contains(QStringLiteral("writable")), qPrintable(e.toString()));
        QVERIFY2(e.fix.contains(QStringLiteral("restore the database from a backup")),
                 qPrintable(e.toString()));
    }
    // A link where SQLite opens the database's companions, or the .edb itself, is named as the link it is;
    // what it points at is untouched.
    void aLinkBesideTheDatabaseIsNamedAsALink_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("-wal") << QStringLiteral("DB1.edb-wal");
        QTest::newRow("-shm") << QStringLiteral("DB1.edb-shm");
        QTest::newRow("-journal") << QStringLiteral("DB1.edb-journal");
        QTest::newRow("the .edb itself") << QStringLiteral("DB1.edb");
    }
    void aLinkBesideTheDatabaseIsNamedAsALink()
    {
        QFETCH(QString, name);
        QVERIFY(sh(QStringLiteral("Dismount-Database MBX1\\SG1\\DB1 -Confirm:$false")));
        const QString folder = path(QStringLiteral("hosts/MBX1/C/Exchange/Data/SG1"));
        QTemporaryDir outside;
        const QString canary = outside.filePath(QStringLiteral("canary"));
        {
            QFile f(canary);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("canary");
        }
        if (name == QStringLiteral("DB1.edb"))
            QVERIFY(QFile::rename(folder + QStringLiteral("/DB1.edb"),
                                  outside.filePath(QStringLiteral("DB1.edb"))));
        QFile::remove(folder + QLatin1Char('/') + name);
        QVERIFY(QFile::link(name == QStringLiteral("DB1.edb") ? outside.filePath(QStringLiteral("DB1.edb"))
                                                              : canary,
                            folder + QLatin1Char('/') + name));
        const QString before = test::fileFingerprint(canary);
        for (const QString &script :
             {QStringLiteral("Mount-Database MBX1\\SG1\\DB1"),
              QStringLiteral("Enter-PSSession MBX1; eseutil /mh C:\\Exchange\\Data\\SG1\\DB1.edb")}) {
            const Error e = refusal(script);
            QVERIFY2(e.toString().contains(name) && e.reason.contains(QStringLiteral("symbolic link")),
                     qPrintable(script + QStringLiteral(": ") + e.toString()));
        }
        QCOMPARE(test::fileFingerprint(canary), before);
    }
    // The fix of a copy failed by a planted link names the link's real path, one an rm here removes.
    void aFailedMessageNamesTheRealPathToRemove()
    {
        QVERIFY(replicating());
        const QString inspector = path(QStringLiteral("hosts/MBX3/C/Exchange/Logs/SG1/inspector"));
        QTemporaryDir outside;
        QVERIFY(QDir(inspector).removeRecursively() || !QFileInfo::exists(inspector));
        QVERIFY(QFile::link(outside.path(), inspector));
        QVERIFY(sh(QStringLiteral("Step-Simulation 0.00:00:10")));
        const QString failed =
            listValue(out(QStringLiteral("Get-StorageGroupCopyStatus %1 | fl FailedMessage").arg(kCopyArgs)),
                      QStringLiteral("FailedMessage"));
        const QRegularExpression rm(QStringLiteral("rm '([^']*)'"));
        const auto m = rm.match(failed);
        QVERIFY2(m.hasMatch(), qPrintable(failed));
        QVERIFY2(QFileInfo(m.captured(1)).isSymLink(), qPrintable(failed));
        QCOMPARE(QFileInfo(m.captured(1)).canonicalFilePath(), QFileInfo(outside.path()).canonicalFilePath());
        // The object is still named as the administrator knows it.
        QVERIFY2(failed.contains(QStringLiteral("C:\\Exchange\\Logs\\SG1\\inspector")), qPrintable(failed));
    }
    // kill -9 (here: the host powered off, nothing dismounted), then E00.log's tail zeroed (what a file
    // system may leave of blocks it allocated but never wrote): the committed records there are gone, and the
    // next mount says so, naming the generation and what was lost. Mail delivered after it is kept.
    void aZeroedTailOfTheOpenLogRaisesAnEvent()
    {
        // Enough mail to roll over: the open log is then one the store wrote (thin), not the template's copy.
        QVERIFY(sh(QStringLiteral("Start-MailFlow MBX1\\SG1\\DB1 -MessagesPerMinute 6000 -MessageSizeKB 1; "
                                  "Step-Simulation 0.00:00:20; Stop-Host MBX1")));
        const QString openLog = path(QStringLiteral("hosts/MBX1/C/Exchange/Logs/SG1/E00.log"));
        auto whole = test::oracle::readLog(openLog);
        QVERIFY(whole && whole->mail.size() >= 20);
        // The file positions of its records, and where they end.
        auto log = LogFile::load(test::tempDisk(), openLog);
        QVERIFY(log.hasValue());
        std::vector<Lsn> lsns;
        auto scan = log->scan(true, [&](const LogRecordView &v) -> Status {
            lsns.push_back(v.lsn);
            return {};
        });
        QVERIFY(scan.hasValue());
        const qint64 end = scan->physicalEnd;
        qint64 from = -1;
        for (auto it = lsns.rbegin(); it != lsns.rend() && from < 0; ++it)
            if (const qint64 at = test::recordPosition(openLog, *it); at >= 0 && at + 6000 <= end)
                from = at;
        QVERIFY(from > 0);
        {
            QFile f(openLog);
            QVERIFY(f.open(QIODevice::ReadWrite));
            QVERIFY(f.seek(from));
            QCOMPARE(f.write(QByteArray(static_cast<qsizetype>(end - from), '\0')), end - from);
        }
        auto kept = test::oracle::readLog(openLog);
        QVERIFY(kept && kept->mail.size() < whole->mail.size());
        QVERIFY(sh(QStringLiteral("Start-Host MBX1")));
        QVERIFY(sh(QStringLiteral("Mount-Database MBX1\\SG1\\DB1")));
        const QString events = eventTexts(465);
        QVERIFY2(events.contains(QStringLiteral("generation %1").arg(whole->header.generation)),
                 qPrintable(events));
        QVERIFY2(events.contains(QStringLiteral("are lost")), qPrintable(events));
        QVERIFY2(events.count(QLatin1Char('\n')) == 0, qPrintable(events)); // once
        // Told once: the next mount finds nothing more to say.
        QVERIFY(sh(QStringLiteral(
            "Dismount-Database MBX1\\SG1\\DB1 -Confirm:$false; Mount-Database MBX1\\SG1\\DB1")));
        QCOMPARE(eventTexts(465).count(QLatin1Char('\n')), 0);
    }
    // A damaged E00.log header after a crash: the refusal's fix is eseutil /r with /a, and following it
    // works: recovery goes on without the log, keeps it as E00.log.damaged, the database mounts with what it
    // held, and mail after it is kept.
    void aDamagedOpenLogHeaderHasAdviceThatWorks_data()
    {
        QTest::addColumn<bool>("crashed");
        QTest::newRow("mounted, then the host powered off") << true;
        QTest::newRow("dismounted cleanly") << false;
    }
    void aDamagedOpenLogHeaderHasAdviceThatWorks()
    {
        QFETCH(bool, crashed);
        QVERIFY(sh(QStringLiteral("Start-MailFlow MBX1\\SG1\\DB1 -MessagesPerMinute 600 -MessageSizeKB 1; "
                                  "Step-Simulation 0.00:00:30; Stop-MailFlow MBX1\\SG1\\DB1")));
        QVERIFY(sh(crashed ? QStringLiteral("Stop-Host MBX1")
                           : QStringLiteral("Dismount-Database MBX1\\SG1\\DB1 -Confirm:$false")));
        const QString openLog = path(QStringLiteral("hosts/MBX1/C/Exchange/Logs/SG1/E00.log"));
        QVERIFY(test::flipByte(openLog, 2)); // the magic: the header is damaged
        if (crashed)                         // its mount at start fails (event 1002); the host is on
            (void)m_shell->execute(QStringLiteral("Start-Host MBX1"));
        const Error refused = refusal(QStringLiteral("Mount-Database MBX1\\SG1\\DB1"));
        QCOMPARE(refused.code, JetCode::LogFileCorrupt);
        QVERIFY2(refused.fix.contains(QStringLiteral("eseutil /r with /a")), qPrintable(refused.toString()));
        // Follow the advice.
        const QString recovered = out(QStringLiteral(
            "Enter-PSSession MBX1; eseutil /r E00 /l C:\\Exchange\\Logs\\SG1 /s C:\\Exchange\\Logs\\SG1 "
            "/d C:\\Exchange\\Data\\SG1 /a"));
        QVERIFY2(recovered.contains(QStringLiteral("E00.log.damaged")), qPrintable(recovered));
        QVERIFY(QFile::exists(openLog + QStringLiteral(".damaged")));
        QVERIFY(sh(QStringLiteral("Exit-PSSession; Mount-Database MBX1\\SG1\\DB1")));
        const QString countScript =
            QStringLiteral("Get-MailboxStatistics -Database MBX1\\SG1\\DB1 | Measure-Object ItemCount -Sum");
        const double before = listValue(out(countScript), QStringLiteral("Sum")).toDouble();
        QVERIFY(before > 0);
        QVERIFY(sh(QStringLiteral(
            "Start-MailFlow MBX1\\SG1\\DB1 -MessagesPerMinute 600 -MessageSizeKB 1; "
            "Step-Simulation 0.00:00:10; Stop-MailFlow MBX1\\SG1\\DB1; "
            "Dismount-Database MBX1\\SG1\\DB1 -Confirm:$false; Mount-Database MBX1\\SG1\\DB1")));
        const double after = listValue(out(countScript), QStringLiteral("Sum")).toDouble();
        QVERIFY2(after >= before + 90, qPrintable(QStringLiteral("%1 -> %2").arg(before).arg(after)));
    }
    // The same loss when the database file had already applied records the log then lost: the next records
    // go to a new generation, so the file does not take them for ones it holds and skip them.
    void mailAfterALostTailIsKeptWhenTheFileWasAhead()
    {
        QVERIFY(sh(QStringLiteral("Start-MailFlow MBX1\\SG1\\DB1 -MessagesPerMinute 6000 -MessageSizeKB 1; "
                                  "Step-Simulation 0.00:00:20; Stop-MailFlow MBX1\\SG1\\DB1")));
        // Dismount applies everything; the detach record is the log's last. Then the log loses its tail.
        QVERIFY(sh(QStringLiteral("Dismount-Database MBX1\\SG1\\DB1 -Confirm:$false")));
        const QString openLog = path(QStringLiteral("hosts/MBX1/C/Exchange/Logs/SG1/E00.log"));
        auto log = LogFile::load(test::tempDisk(), openLog);
        QVERIFY(log.hasValue());
        std::vector<Lsn> lsns;
        auto scan = log->scan(true, [&](const LogRecordView &v) -> Status {
            lsns.push_back(v.lsn);
            return {};
        });
        QVERIFY(scan.hasValue());
        const qint64 end = scan->physicalEnd;
        qint64 from = -1;
        for (auto it = lsns.rbegin(); it != lsns.rend() && from < 0; ++it)
            if (const qint64 at = test::recordPosition(openLog, *it); at >= 0 && at + 6000 <= end)
                from = at;
        QVERIFY(from > 0);
        {
            QFile f(openLog);
            QVERIFY(f.open(QIODevice::ReadWrite));
            QVERIFY(f.seek(from));
            QCOMPARE(f.write(QByteArray(static_cast<qsizetype>(end - from), '\0')), end - from);
        }
        const QString countScript =
            QStringLiteral("Get-MailboxStatistics -Database MBX1\\SG1\\DB1 | Measure-Object ItemCount -Sum");
        QVERIFY(sh(QStringLiteral("Mount-Database MBX1\\SG1\\DB1")));
        QVERIFY2(eventTexts(465).contains(QStringLiteral("are lost")), qPrintable(eventTexts()));
        const double before = listValue(out(countScript), QStringLiteral("Sum")).toDouble();
        QVERIFY(before > 0);
        QVERIFY(sh(QStringLiteral(
            "Start-MailFlow MBX1\\SG1\\DB1 -MessagesPerMinute 600 -MessageSizeKB 1; "
            "Step-Simulation 0.00:00:10; Stop-MailFlow MBX1\\SG1\\DB1; "
            "Dismount-Database MBX1\\SG1\\DB1 -Confirm:$false; Mount-Database MBX1\\SG1\\DB1")));
        const double after = listValue(out(countScript), QStringLiteral("Sum")).toDouble();
        QVERIFY2(after >= before + 90, qPrintable(QStringLiteral("%1 -> %2").arg(before).arg(after)));
    }
    // ESE codes only on ESE errors: a cmdlet's refusal ("lag out of range", "is not mounted", no such object,
    // a prompt no one can answer) carries none; a damaged .edb still says -1206.
    void jetCodesOnlyOnEseErrors_data()
    {
        QTest::addColumn<QString>("script");
        QTest::addColumn<QString>("says");
        QTest::newRow("lag out of range")
            << QStringLiteral(
                   "Enable-StorageGroupCopy MBX1\\SG1 -StandbyMachine MBX3 -ReplayLagTime 8.00:00:00")
            << QStringLiteral("out of range");
        QTest::newRow("backup of a database that is not mounted")
            << QStringLiteral(
                   "Dismount-Database MBX1\\SG1\\DB1 -Confirm:$false; Start-DatabaseBackup MBX1\\SG1")
            << QStringLiteral("is not mounted");
        QTest::newRow("mail flow to a database that is not mounted")
            << QStringLiteral(
                   "Dismount-Database MBX1\\SG1\\DB1 -Confirm:$false; Start-MailFlow MBX1\\SG1\\DB1")
            << QStringLiteral("not mounted");
        QTest::newRow("no such storage group")
            << QStringLiteral("Get-StorageGroupCopyStatus MBX9\\SG9") << QStringLiteral("MBX9");
        QTest::newRow("a prompt no one answers")
            << QStringLiteral("Dismount-Database MBX1\\SG1\\DB1") << QStringLiteral("confirmation");
        QTest::newRow("unknown cmdlet") << QStringLiteral("Get-Nothing") << QStringLiteral("Get-Nothing");
        QTest::newRow("setup with no mode")
            << QStringLiteral("Enter-PSSession MBX3; setup") << QStringLiteral("mode");
    }
    void jetCodesOnlyOnEseErrors()
    {
        QFETCH(QString, script);
        QFETCH(QString, says);
        const Error e = refusal(script);
        QVERIFY2(e.toString().contains(says), qPrintable(e.toString()));
        QCOMPARE(e.code, JetCode::None);
        QVERIFY2(!e.toString().contains(QStringLiteral("JET_err")), qPrintable(e.toString()));
    }
    void eseErrorsKeepTheirCodes()
    {
        QVERIFY(sh(QStringLiteral("Dismount-Database MBX1\\SG1\\DB1 -Confirm:$false")));
        QVERIFY(test::flipByte(path(QStringLiteral("hosts/MBX1/C/Exchange/Data/SG1/DB1.edb")), 0));
        const Error e =
            refusal(QStringLiteral("Enter-PSSession MBX1; eseutil /mh C:\\Exchange\\Data\\SG1\\DB1.edb"));
        QVERIFY2(e.toString().contains(QStringLiteral("-1206 JET_errDatabaseCorrupted")),
                 qPrintable(e.toString()));
    }
    // A real ENOSPC: MBX1's disk on a small tmpfs filled to the last block (in a mount namespace of its own,
    // so nothing outside the test sees it). Intact databases there are "the disk is full" (-1808) with the
    // fix, never "no ESE header (-1206) ... restore the database from a backup".
    void aFullDiskIsNotCorruption()
    {
        if (test::runProcess(QStringLiteral("unshare"), {QStringLiteral("-Urm"), QStringLiteral("true")},
                             10000)
                .exitCode != 0)
            QSKIP("no mount namespace here (unshare -Urm): a real full file system cannot be made");
        m_shell.reset(); // the child opens the lab
        const QString script = QStringLiteral(
            "set -e; disk=\"$1/hosts/MBX1\"; cp -a --sparse=always \"$disk\" \"$1/saved\"; "
            "mount -t tmpfs -o size=16m tmpfs \"$disk\"; cp -a --sparse=always \"$1/saved/.\" \"$disk/\"; "
            "dd if=/dev/zero of=\"$disk/fill\" bs=4k 2>/dev/null || true; "
            "exec \"$2\" --lab \"$1\" -c \"$3\"");
        const test::ProcessRun r = test::runProcess(
            QStringLiteral("unshare"),
            {QStringLiteral("-Urm"), QStringLiteral("sh"), QStringLiteral("-c"), script, QStringLiteral("sh"),
             m_dir->path(), QStringLiteral(SCR_SHELL),
             QStringLiteral(
                 "Dismount-Database MBX1\\SG1\\DB1 -Confirm:$false; Mount-Database MBX1\\SG1\\DB1")},
            120000);
        const QString all = r.out + r.err;
        QVERIFY2(r.exitCode != 0, qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("the disk is full")) ||
                     all.contains(QStringLiteral("JET_errDiskFull")),
                 qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("-1808 JET_errDiskFull")), qPrintable(all));
        QVERIFY2(!all.contains(QStringLiteral("no ESE header")) && !all.contains(QStringLiteral("-1206")),
                 qPrintable(all));
        QVERIFY2(!all.contains(QStringLiteral("restore the database from a backup")), qPrintable(all));
    }
    // scr-shell on a folder that is not a lab: no JET code on that.
    void notALabCarriesNoJetCode()
    {
        QTemporaryDir empty;
        const test::ProcessRun r = test::runProcess(
            QStringLiteral(SCR_SHELL),
            {QStringLiteral("--lab"), empty.path(), QStringLiteral("-c"), QStringLiteral("Get-Host")}, 30000);
        QVERIFY2(r.exitCode != 0 && r.err.contains(QStringLiteral("is not a lab folder")), qPrintable(r.err));
        QVERIFY2(!r.err.contains(QStringLiteral("JET_err")) && !r.err.contains(QStringLiteral("-1003")),
                 qPrintable(r.err));
    }
    // scr-shell --host takes one host name: a value with "; Stop-Host MBX1" in it is a name that does not
    // exist (refused), never a second statement that powers MBX1 off.
    void hostOptionIsOneValueNotAScript()
    {
        m_shell.reset(); // the children open the lab
        const test::ProcessRun r = test::runProcess(
            QStringLiteral(SCR_SHELL),
            {QStringLiteral("--lab"), m_dir->path(), QStringLiteral("--host"),
             QStringLiteral("MBX3; Stop-Host MBX1"), QStringLiteral("-c"), QStringLiteral("Get-Host MBX1")},
            30000);
        QVERIFY2(r.exitCode != 0 && r.err.contains(QStringLiteral("no such host")),
                 qPrintable(r.out + r.err));
        const test::ProcessRun after =
            test::runProcess(QStringLiteral(SCR_SHELL),
                             {QStringLiteral("--lab"), m_dir->path(), QStringLiteral("-c"),
                              QStringLiteral("Get-Host MBX1 | ft Name,PoweredOn")},
                             30000);
        QCOMPARE(after.exitCode, 0);
        QVERIFY2(after.out.simplified().endsWith(QStringLiteral("MBX1 True")), qPrintable(after.out));
    }
};

QTEST_GUILESS_MAIN(TestDiagnoses)
#include "tst_diagnoses.moc"
