// The shell end to end on a demo lab: cmdlets, the pipeline's verbs, default formatting, -WhatIf and
// confirmation that never hangs a script.

#include "ems/pipelinerunner.h"
#include "ems/shellsession.h"
#include "lab/lab.h"
#include "lab/demolab.h"
#include "testsupport.h"

#include <QTemporaryDir>
#include <QTest>

using namespace scr;
using namespace scr::ems;

class TestPipelineRunner : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_lab;
    std::unique_ptr<ShellSession> m_shell;

    QString run(const QString &script)
    {
        auto r = m_shell->execute(script);
        if (!r)
            qWarning("%s", qPrintable(r.error().toString()));
        return r.hasValue() ? *r : QStringLiteral("<failed> ") + r.error().toString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        test::ManualClock clock;
        QVERIFY(DemoLab::create(m_lab.path(), clock).hasValue());
        m_shell = std::make_unique<ShellSession>(m_lab.path());
        QVERIFY(m_shell->open().hasValue());
    }
    void cleanupTestCase() { m_shell.reset(); }

    void tablesForManyListsForOne()
    {
        const QString table = run(QStringLiteral("Get-ExchangeServer"));
        QVERIFY2(table.contains(
                     QStringLiteral("Name ServerRole Host IsInstalled\n---- ---------- ---- -----------\n")),
                 qPrintable(table));
        QCOMPARE(table.count(QStringLiteral("Mailbox")), 4);
        const QString list = run(QStringLiteral("Get-ExchangeServer mbx2"));
        QVERIFY2(list.contains(QStringLiteral("Name        : MBX2\n")), qPrintable(list));
    }
    void whereSelectSortMeasure()
    {
        const QString mbx2 = run(QStringLiteral("Get-StorageGroup | where {$_.Server -eq 'mbx2'} | "
                                                "Sort-Object Name -Descending | Format-Table Name,Server"));
        QVERIFY2(mbx2.contains(QStringLiteral("SG3  MBX2\nSG2  MBX2\nSG1  MBX2\n")), qPrintable(mbx2));
        QVERIFY(!mbx2.contains(QStringLiteral("MBX1")));
        const QString count = run(QStringLiteral("Get-StorageGroup | Measure-Object"));
        QVERIFY2(count.contains(QStringLiteral("Count    : 6")), qPrintable(count));
        const QString selected =
            run(QStringLiteral("Get-StorageGroup MBX1\\SG2 | Select-Object Identity,LogFolderPath"));
        QVERIFY2(selected.contains(QStringLiteral("LogFolderPath : C:\\Exchange\\Logs\\SG2")),
                 qPrintable(selected));
        QVERIFY(!selected.contains(QStringLiteral("Recovery")));
    }
    void aRunbookReplicates()
    {
        const QString out = run(QStringLiteral(
            "Enable-StorageGroupCopy MBX2\\SG1 -StandbyMachine MBX4 -ReplayLagTime 0.0:0:0\n"
            "Start-MailFlow MBX2\\SG1\\DB1 -MessagesPerMinute 600\n"
            "Step-Simulation -Duration 0.00:02:10\n"
            "Get-StorageGroupCopyStatus -StandbyMachine MBX4 | fl Name,SummaryCopyStatus,ReplayQueueLength"));
        QVERIFY2(out.contains(QStringLiteral("SummaryCopyStatus : Healthy")), qPrintable(out));
        QVERIFY(out.contains(QStringLiteral("ReplayQueueLength : 50")));
        const QString table = run(QStringLiteral("Get-StorageGroupCopyStatus"));
        QVERIFY2(table.contains(QStringLiteral(
                     "Name SummaryCopyStatus CopyQueueLength ReplayQueueLength LastInspectedLogTime")),
                 qPrintable(table));
    }
    void whatIfChangesNothing()
    {
        const QString out =
            run(QStringLiteral("Enable-StorageGroupCopy MBX2\\SG2 -StandbyMachine MBX3 -WhatIf"));
        QVERIFY2(out.startsWith(QStringLiteral("What if: Enable-StorageGroupCopy MBX2\\SG2")),
                 qPrintable(out));
        QVERIFY(run(QStringLiteral("Get-StorageGroupCopyStatus MBX2\\SG2")).trimmed().isEmpty());
    }
    void errorsSuggestAndStopTheScript()
    {
        auto r = m_shell->execute(QStringLiteral("Get-StorageGroupCopyStats; Get-ExchangeServer"));
        QVERIFY(!r.hasValue());
        QVERIFY2(r.error().fix.contains(QStringLiteral("Get-StorageGroupCopyStatus")),
                 qPrintable(r.error().toString()));
        auto bad = m_shell->execute(QStringLiteral("Enable-StorageGroupCopy MBX1\\SG2 -StandbyMachine MBX1"));
        QVERIFY(!bad.hasValue());
        QVERIFY(bad.error().reason.contains(QStringLiteral("is the source")));
    }
    void dismountAndMount()
    {
        auto refused = m_shell->execute(QStringLiteral("Dismount-Database MBX2\\SG3\\DB3"));
        QVERIFY(!refused.hasValue()); // a script cannot answer the question
        QVERIFY(refused.error().fix.contains(QStringLiteral("-Confirm:$false")));
        QVERIFY2(run(QStringLiteral("Get-MailboxDatabase MBX2\\SG3\\DB3 -Status"))
                     .contains(QStringLiteral("Mounted          : True")),
                 qPrintable(run(QStringLiteral("Get-MailboxDatabase MBX2\\SG3\\DB3 -Status"))));
        run(QStringLiteral("Dismount-Database MBX2\\SG3\\DB3 -Confirm:$false"));
        QVERIFY(run(QStringLiteral("Get-MailboxDatabase MBX2\\SG3\\DB3 -Status"))
                    .contains(QStringLiteral("Mounted          : False")));
        const QString mh = run(QStringLiteral(
            "Enter-PSSession MBX2; eseutil /mh C:\\Exchange\\Data\\SG3\\DB3.edb; Exit-PSSession"));
        QVERIFY2(mh.contains(QStringLiteral("State: Clean Shutdown")), qPrintable(mh));
        run(QStringLiteral("Mount-Database MBX2\\SG3\\DB3"));
        QVERIFY(run(QStringLiteral(
                        "Get-MailboxDatabase -Server MBX2 -Status | where {$_.Name -eq 'DB3'} | fl Mounted"))
                    .contains(QStringLiteral("Mounted : True")));
    }
    void aFileOfAnotherDatabaseNeedsAllowFileRestore()
    {
        // Put MBX2\SG2's database file where MBX2\SG2 is not expecting it: under DB2's object, another GUID.
        run(QStringLiteral("Dismount-Database MBX2\\SG2\\DB2 -Confirm:$false"));
        const QString before =
            run(QStringLiteral("Get-MailboxDatabase MBX2\\SG2\\DB2 | fl Guid,AllowFileRestore"));
        auto lab = m_shell->lab();
        auto sg = *lab->directory().storageGroup(QStringLiteral("MBX2\\SG2"));
        DatabaseRecord db = lab->directory().databases(sg->id)->front();
        db.guid = QUuid::createUuid(); // the object now names another database than its file holds
        QVERIFY(lab->directory().updateDatabase(db).hasValue());
        auto refused = m_shell->execute(QStringLiteral("Mount-Database MBX2\\SG2\\DB2"));
        QVERIFY(!refused.hasValue());
        QVERIFY2(
            refused.error().fix.contains(QStringLiteral("This database can be overwritten by a restore")),
            qPrintable(refused.error().toString()));
        QVERIFY(refused.error().fix.contains(QStringLiteral("-AllowFileRestore $true")));
        QVERIFY(run(QStringLiteral("Get-MailboxDatabase MBX2\\SG2\\DB2 -Status"))
                    .contains(QStringLiteral("Mounted          : False")));
        run(QStringLiteral("Set-MailboxDatabase MBX2\\SG2\\DB2 -AllowFileRestore $true"));
        const QString mounted =
            run(QStringLiteral("Mount-Database MBX2\\SG2\\DB2; Get-MailboxDatabase MBX2\\SG2\\DB2 -Status | "
                               "fl Guid,Mounted,AllowFileRestore"));
        QVERIFY2(mounted.contains(QStringLiteral("Mounted          : True")), qPrintable(mounted));
        QVERIFY(mounted.contains(QStringLiteral("AllowFileRestore : True")));
        // The store took the file over: it is the object's database now, the object keeps its GUID.
        const QString objectGuid = db.guid.toString(QUuid::WithoutBraces);
        QVERIFY2(mounted.contains(objectGuid), qPrintable(mounted));
        QVERIFY(!before.contains(objectGuid));
        QCOMPARE(lab->mountedDatabase(db.guid)->database().header().guid, db.guid);
    }
    void faultsFromTheShell()
    {
        const QString out = run(
            QStringLiteral("Enable-StorageGroupCopy MBX1\\SG3 -StandbyMachine MBX3 -ReplayLagTime 0.0:0:0\n"
                           "Start-MailFlow MBX1\\SG3\\DB3 -MessagesPerMinute 600\n"
                           "Step-Simulation 0.00:00:20\n"
                           "Invoke-Fault FillDisk -Server MBX3\n"
                           "Step-Simulation 0.00:00:05\n"
                           "Get-StorageGroupCopyStatus MBX1\\SG3 | fl SummaryCopyStatus,FailedMessage"));
        QVERIFY2(out.contains(QStringLiteral("SummaryCopyStatus : Failed")), qPrintable(out));
        QVERIFY(out.contains(QStringLiteral("JET_errDiskFull")));
        const QString healed =
            run(QStringLiteral("Invoke-Fault FreeDisk -Server MBX3; Step-Simulation 0.00:00:05; "
                               "Get-StorageGroupCopyStatus MBX1\\SG3 | fl SummaryCopyStatus"));
        QVERIFY2(healed.contains(QStringLiteral("SummaryCopyStatus : Copying")) ||
                     healed.contains(QStringLiteral("SummaryCopyStatus : Healthy")),
                 qPrintable(healed));
        auto unknown = m_shell->execute(QStringLiteral("Invoke-Fault MeltDown -Server MBX3"));
        QVERIFY(!unknown.hasValue());
        QVERIFY(unknown.error().fix.contains(QStringLiteral("CorruptLog")));
        auto noPath = m_shell->execute(QStringLiteral("Invoke-Fault DeleteLog -Server MBX1"));
        QVERIFY(!noPath.hasValue());
        QVERIFY(run(QStringLiteral("Set-SimulationClock 3600")).contains(QStringLiteral("Speed : 3600")));
        QVERIFY(!m_shell->execute(QStringLiteral("Set-SimulationClock 0")).hasValue());
        run(QStringLiteral("Stop-MailFlow MBX1\\SG3\\DB3"));
    }
    void help()
    {
        const QString all = run(QStringLiteral("Get-Help"));
        QVERIFY(all.contains(QStringLiteral("Enable-StorageGroupCopy")));
        QVERIFY(all.contains(QStringLiteral("Step-Simulation")));
        const QString one = run(QStringLiteral("Get-Help enable-storagegroupcopy"));
        QVERIFY2(one.contains(
                     QStringLiteral("Enable-StorageGroupCopy [-Identity] <String> -StandbyMachine <String> "
                                    "[-ReplayLagTime <TimeSpan>]")),
                 qPrintable(one));
        QVERIFY(
            run(QStringLiteral("Get-Help Dismount-Database")).contains(QStringLiteral("[-Confirm:$false]")));
        auto unknown = m_shell->execute(QStringLiteral("Get-Help Mount-Databse"));
        QVERIFY(!unknown.hasValue());
        QVERIFY(unknown.error().fix.contains(QStringLiteral("Mount-Database")));
    }
    void confirmationNeverHangsAScript()
    {
        CmdletRegistry registry;
        int ran = 0;
        registry.add({QStringLiteral("Remove-Thing"),
                      QStringLiteral("test"),
                      {},
                      true,
                      false,
                      false,
                      [&](CmdletContext &, const BoundParameters &,
                          const std::vector<PSObject> &) -> Result<std::vector<PSObject>> {
                          ++ran;
                          return std::vector<PSObject>{};
                      }});
        CmdletContext script; // no terminal
        ScriptOutput refused = runScript(QStringLiteral("Remove-Thing"), registry, script);
        QVERIFY(!refused.ok);
        QVERIFY(refused.firstError->fix.contains(QStringLiteral("-Confirm:$false")));
        QCOMPARE(ran, 0);
        QVERIFY(runScript(QStringLiteral("Remove-Thing -Confirm:$false"), registry, script).ok);
        QCOMPARE(ran, 1);
        CmdletContext terminal;
        terminal.interactive = true;
        QString asked;
        terminal.confirm = [&](const QString &q) {
            asked = q;
            return false;
        };
        ScriptOutput declined = runScript(QStringLiteral("Remove-Thing"), registry, terminal);
        QVERIFY(declined.ok);
        QVERIFY(declined.text.contains(QStringLiteral("not confirmed")));
        QVERIFY(asked.contains(QStringLiteral("Remove-Thing")));
        QCOMPARE(ran, 1);
    }
};

QTEST_GUILESS_MAIN(TestPipelineRunner)
#include "tst_pipelinerunner.moc"
