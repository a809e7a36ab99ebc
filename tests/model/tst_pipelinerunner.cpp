// The shell end to end on a demo lab: cmdlets, the pipeline's verbs, default formatting, -WhatIf,
// confirmation that never hangs a script, identities as EMS resolves them, wildcards in file paths,
// PowerShell's TimeSpans and non-terminating errors (-ErrorAction, $ErrorActionPreference).

#include "ems/pipelinerunner.h"
#include "ems/shellsession.h"
#include "lab/lab.h"
#include "lab/demolab.h"
#include "testsupport.h"

#include <QDir>
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

    // A registry with a cmdlet that counts its runs and one that always fails, for error handling.
    struct Counting
    {
        CmdletRegistry registry;
        int ran = 0;
        Counting()
        {
            registry.add({QStringLiteral("Count-Thing"),
                          QStringLiteral("test"),
                          {},
                          false,
                          false,
                          false,
                          [this](CmdletContext &, const BoundParameters &,
                                 const std::vector<PSObject> &) -> Result<std::vector<PSObject>> {
                              ++ran;
                              PSObject o{QStringLiteral("Text"), {QStringLiteral("Output")}, {}};
                              o.set(QStringLiteral("Output"), QStringLiteral("ran %1").arg(ran));
                              return std::vector<PSObject>{o};
                          }});
            registry.add({QStringLiteral("Fail-Thing"),
                          QStringLiteral("test"),
                          {},
                          false,
                          false,
                          false,
                          [](CmdletContext &, const BoundParameters &,
                             const std::vector<PSObject> &) -> Result<std::vector<PSObject>> {
                              return Error{QStringLiteral("Thing"), QStringLiteral("refused"),
                                           QStringLiteral("do it right"), JetCode::InvalidParameter};
                          }});
        }
    };

    QString run(const QString &script)
    {
        // A command run here must succeed (refusals are tested with execute() itself): an error fails the
        // test, even where the caller does not look at the output.
        auto r = m_shell->execute(script);
        if (!r)
            QTest::qFail(qPrintable(script + QStringLiteral(": ") + r.error().toString()), __FILE__,
                         __LINE__);
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
        QVERIFY(run(QStringLiteral("Get-StorageGroupCopyStatus MBX2\\SG2 | fl SummaryCopyStatus"))
                    .contains(QStringLiteral("SummaryCopyStatus : Disabled"))); // no copy, as EMS says it
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
        QVERIFY(lab->updateDatabase(db).hasValue());
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
    // Non-terminating errors: a refused cmdlet reports its error and the script goes on; -ErrorAction Stop
    // and $ErrorActionPreference = 'Stop' stop it; the output still says something failed.
    void errorsLetTheScriptGoOn_data()
    {
        QTest::addColumn<QString>("script");
        QTest::addColumn<int>("ran");
        QTest::addColumn<int>("errors");
        QTest::addColumn<bool>("stopMode");
        QTest::newRow("a refused cmdlet, then more")
            << "Fail-Thing; Count-Thing\nCount-Thing" << 2 << 1 << false;
        QTest::newRow("an unknown cmdlet, then more") << "Nope-Thing; Count-Thing" << 1 << 1 << false;
        QTest::newRow("an unknown parameter, then more")
            << "Count-Thing -Bogus; Count-Thing" << 1 << 1 << false;
        QTest::newRow("two failures, both reported")
            << "Fail-Thing; Fail-Thing; Count-Thing" << 1 << 2 << false;
        QTest::newRow("-ErrorAction Stop") << "Fail-Thing -ErrorAction Stop; Count-Thing" << 0 << 1 << false;
        QTest::newRow("-EA stop, any case") << "Fail-Thing -ea stop; Count-Thing" << 0 << 1 << false;
        QTest::newRow("-ErrorAction:Stop on a success")
            << "Count-Thing -ErrorAction:Stop; Count-Thing" << 2 << 0 << false;
        QTest::newRow("$ErrorActionPreference = 'Stop'")
            << "$ErrorActionPreference = 'Stop'\nFail-Thing\nCount-Thing" << 0 << 1 << false;
        QTest::newRow("the preference stops an unknown cmdlet too")
            << "$ErrorActionPreference = 'Stop'; Nope-Thing; Count-Thing" << 0 << 1 << false;
        QTest::newRow("-ErrorAction Continue overrides the preference")
            << "$ErrorActionPreference = 'Stop'; Fail-Thing -ErrorAction Continue; Count-Thing" << 1 << 1
            << false;
        QTest::newRow("SilentlyContinue: not shown, not counted")
            << "Fail-Thing -ErrorAction SilentlyContinue; Count-Thing" << 1 << 0 << false;
        QTest::newRow("an unknown -ErrorAction is itself an error")
            << "Fail-Thing -ErrorAction Inquire; Count-Thing" << 1 << 1 << false;
        QTest::newRow("an unknown variable is an error") << "$Foo = 1; Count-Thing" << 1 << 1 << false;
        QTest::newRow("a syntax error runs nothing") << "Count-Thing; Count-Thing |" << 0 << 1 << false;
        QTest::newRow("exit ends the script") << "Count-Thing; exit; Count-Thing" << 1 << 0 << false;
        // The console's wizards and actions: the first failure ends the step.
        QTest::newRow("stop mode") << "Fail-Thing; Count-Thing" << 0 << 1 << true;
        QTest::newRow("stop mode, -ErrorAction Continue does not go on")
            << "Fail-Thing -ErrorAction Continue; Count-Thing" << 0 << 1 << true;
    }
    void errorsLetTheScriptGoOn()
    {
        QFETCH(QString, script);
        QFETCH(int, ran);
        QFETCH(int, errors);
        QFETCH(bool, stopMode);
        Counting c;
        c.registry.add({QStringLiteral("exit"),
                        QStringLiteral("test"),
                        {},
                        false,
                        false,
                        false,
                        [](CmdletContext &ctx, const BoundParameters &,
                           const std::vector<PSObject> &) -> Result<std::vector<PSObject>> {
                            ctx.exitRequested = true;
                            return std::vector<PSObject>{};
                        }});
        CmdletContext context;
        const ScriptOutput out = runScript(script, c.registry, context,
                                           stopMode ? ScriptMode::StopAtFirstError : ScriptMode::Shell);
        QCOMPARE(c.ran, ran);
        QCOMPARE(out.errors.size(), errors);
        QCOMPARE(out.ok, errors == 0);
        QCOMPARE(out.firstError.has_value(), errors > 0);
    }
    void outputAndErrorsKeepTheirOrder()
    {
        Counting c;
        CmdletContext context;
        const ScriptOutput out =
            runScript(QStringLiteral("Count-Thing; Fail-Thing; Count-Thing"), c.registry, context);
        QCOMPARE(out.parts.size(), std::size_t(3));
        QVERIFY(!out.parts[0].isError && out.parts[0].text.contains(QStringLiteral("ran 1")));
        QVERIFY(out.parts[1].isError && out.parts[1].text.contains(QStringLiteral("refused")));
        QVERIFY(!out.parts[2].isError && out.parts[2].text.contains(QStringLiteral("ran 2")));
        // The preference is the session's: it holds for the next script.
        QVERIFY(runScript(QStringLiteral("$ErrorActionPreference = 'stop'"), c.registry, context).ok);
        QVERIFY(!runScript(QStringLiteral("Fail-Thing; Count-Thing"), c.registry, context).ok);
        QCOMPARE(c.ran, 2);
        QVERIFY(!runScript(QStringLiteral("$ErrorActionPreference = 'Later'"), c.registry, context).ok);
        QCOMPARE(context.errorActionPreference, ErrorAction::Stop);
    }
    void selectObject()
    {
        const QString all = run(QStringLiteral("Get-Mailbox | fl Name"));
        const QStringList names = all.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QVERIFY(names.size() > 3);
        // Once printed one empty "2 :" line per mailbox: -First is a parameter, not a property's name.
        const QString first = run(QStringLiteral("Get-Mailbox | Select-Object -First 2 | fl Name"));
        QCOMPARE(first.split(QLatin1Char('\n'), Qt::SkipEmptyParts), names.mid(0, 2));
        QVERIFY(!first.contains(QStringLiteral("2 :")));
        QCOMPARE(run(QStringLiteral("Get-Mailbox | select -Last 1 | fl Name"))
                     .split(QLatin1Char('\n'), Qt::SkipEmptyParts),
                 names.mid(names.size() - 1));
        QCOMPARE(run(QStringLiteral("Get-Mailbox | Select-Object -Skip 1 -First 1 | fl Name"))
                     .split(QLatin1Char('\n'), Qt::SkipEmptyParts),
                 names.mid(1, 1));
        QVERIFY(run(QStringLiteral("Get-Mailbox | Select-Object -First 0")).trimmed().isEmpty());
        const QString picked =
            run(QStringLiteral("Get-Mailbox | Select-Object -Property Name, Database -First 1 | fl"));
        QVERIFY2(picked.contains(QStringLiteral("Name     : ")) &&
                     picked.contains(QStringLiteral("Database : ")),
                 qPrintable(picked));
        QCOMPARE(picked.split(QLatin1Char('\n'), Qt::SkipEmptyParts).size(), 2);
        auto unknown = m_shell->execute(QStringLiteral("Get-Mailbox | Select-Object -Frst 2"));
        QVERIFY(!unknown.hasValue());
        QVERIFY2(unknown.error().reason.contains(QStringLiteral("Select-Object has no parameter -Frst")),
                 qPrintable(unknown.error().toString()));
        QVERIFY(unknown.error().fix.contains(QStringLiteral("-First")));
        QVERIFY(!m_shell->execute(QStringLiteral("Get-Mailbox | Select-Object -First two")).hasValue());
        QVERIFY(!m_shell->execute(QStringLiteral("Get-Mailbox | Select-Object -First -1")).hasValue());
        QVERIFY(!m_shell->execute(QStringLiteral("Get-Mailbox | Sort-Object -Property Name -Up")).hasValue());
    }
    void sortObjectByProperties()
    {
        const QString sorted = run(QStringLiteral("Get-StorageGroup | Sort-Object -Property Name,Server "
                                                  "-Descending | Select-Object -First 3 | ft Name,Server"));
        QVERIFY2(sorted.contains(QStringLiteral("SG3  MBX2\nSG3  MBX1\nSG2  MBX2\n")), qPrintable(sorted));
        const QString ascending =
            run(QStringLiteral("Get-StorageGroup | sort Name, Server | select -First 2 | ft Name,Server"));
        QVERIFY2(ascending.contains(QStringLiteral("SG1  MBX1\nSG1  MBX2\n")), qPrintable(ascending));
    }
    // A syntax error in a where block, however late in the script, refuses the whole script before its
    // first statement runs (hostile tester: DB2 was dismounted and SG2's logs deleted before the error).
    void aSyntaxErrorInAWhereBlockRunsNothing_data()
    {
        QTest::addColumn<QString>("script");
        QTest::addColumn<QString>("mentions");
        QTest::addColumn<QString>("at");
        const QString prefix =
            QStringLiteral("Dismount-Database MBX1\\SG2\\DB2 -Confirm:$false\n"
                           "Enter-PSSession MBX1\nRemove-Item C:\\Exchange\\Logs\\SG2\\*\n");
        QTest::newRow("-c, one line")
            << "Dismount-Database MBX1\\SG2\\DB2 -Confirm:$false; Get-Host | where {$_ -match \"x\"}"
            << "a property of the object, $_.Name, was expected"
            << "(line 1, column 67)";
        QTest::newRow("script file, error on line 4")
            << prefix + QStringLiteral("Get-Host | where {$_ -match \"x\"}")
            << "a property of the object, $_.Name, was expected"
            << "(line 4, column 19)";
        QTest::newRow("Where-Object -FilterScript, unknown operator")
            << prefix + QStringLiteral("Get-Host | Where-Object -FilterScript {$_.Name -contains 'x'}")
            << "a comparison operator was expected"
            << "(line 4, column 48)";
        QTest::newRow("a regular expression that cannot compile")
            << prefix + QStringLiteral("Get-Host | where {$_.Name -match '['}")
            << "is not a valid regular expression"
            << "(line 4, column 34)";
        QTest::newRow("second condition of the block")
            << prefix + QStringLiteral("Get-Host | where {$_.Name -ne 'x' -and}")
            << "-and or -or was expected"
            << "(line 4, column 35)";
    }
    void aSyntaxErrorInAWhereBlockRunsNothing()
    {
        QFETCH(QString, script);
        QFETCH(QString, mentions);
        QFETCH(QString, at);
        QTemporaryDir dir;
        test::ManualClock clock;
        QVERIFY(DemoLab::create(dir.path(), clock).hasValue());
        const QString logs = dir.path() + QStringLiteral("/hosts/MBX1/C/Exchange/Logs/SG2");
        const QStringList before = QDir(logs).entryList(QDir::Files);
        QVERIFY(!before.isEmpty());
        ShellSession shell(dir.path());
        QVERIFY(shell.open().hasValue());
        const ScriptOutput out = shell.run(script); // the shell's mode: errors do not stop a script
        QVERIFY(!out.ok);
        QCOMPARE(out.errors.size(), 1);
        QVERIFY2(out.errors.first().contains(mentions), qPrintable(out.errors.first()));
        QVERIFY2(out.errors.first().contains(at), qPrintable(out.errors.first()));
        QVERIFY2(out.text.isEmpty(), qPrintable(out.text)); // no statement printed anything
        QCOMPARE(QDir(logs).entryList(QDir::Files), before);
        QVERIFY(shell.prompt().startsWith(QStringLiteral("[PS]"))); // Enter-PSSession did not run
        auto status =
            shell.execute(QStringLiteral("Get-MailboxDatabase MBX1\\SG2\\DB2 -Status | fl Mounted"));
        QVERIFY2(status.hasValue() && status->contains(QStringLiteral("Mounted : True")),
                 qPrintable(status.hasValue() ? *status : status.error().toString()));
    }
    void timeSpansAsPowerShellWritesThem()
    {
        QTemporaryDir dir;
        test::ManualClock clock;
        QVERIFY(DemoLab::create(dir.path(), clock).hasValue());
        ShellSession shell(dir.path());
        QVERIFY(shell.open().hasValue());
        auto out = shell.execute(
            QStringLiteral("Enable-StorageGroupCopy MBX1\\SG2 -StandbyMachine MBX3 -ReplayLagTime 1:00 "
                           "-TruncationLagTime 00:30\n"
                           "Get-StorageGroupCopyStatus MBX1\\SG2 | fl ReplayLagTime,TruncationLagTime"));
        QVERIFY2(out.hasValue(), qPrintable(out.hasValue() ? QString() : out.error().toString()));
        QVERIFY2(out->contains(QStringLiteral("ReplayLagTime     : 0.01:00:00")), qPrintable(*out));
        QVERIFY(out->contains(QStringLiteral("TruncationLagTime : 0.00:30:00")));
        // Beyond TimeSpan's range: refused with the range, never wrapped around to 0.09:34:08.
        auto overflow = shell.execute(QStringLiteral(
            "Enable-StorageGroupCopy MBX1\\SG3 -StandbyMachine MBX3 -ReplayLagTime 213503982335.00:00:00"));
        QVERIFY(!overflow.hasValue());
        QVERIFY2(overflow.error().reason.contains(QStringLiteral("beyond a TimeSpan's range")),
                 qPrintable(overflow.error().toString()));
        // Within TimeSpan's range, beyond the cmdlet's limit: the cmdlet refuses, naming its range.
        auto limit = shell.execute(QStringLiteral(
            "Enable-StorageGroupCopy MBX1\\SG3 -StandbyMachine MBX3 -ReplayLagTime 8.00:00:00"));
        QVERIFY(!limit.hasValue());
        QVERIFY2(limit.error().fix.contains(QStringLiteral("7.00:00:00")),
                 qPrintable(limit.error().toString()));
        QVERIFY(shell.execute(QStringLiteral("Get-StorageGroupCopyStatus MBX1\\SG3 | fl SummaryCopyStatus"))
                    ->contains(QStringLiteral("SummaryCopyStatus : Disabled")));
    }
    // Identities as EMS resolves them: the full one always, a bare name when it is unique in the
    // organization, else a refusal that lists the candidates.
    void identitiesAsEmsResolvesThem()
    {
        QTemporaryDir dir;
        test::ManualClock clock;
        QVERIFY(DemoLab::create(dir.path(), clock).hasValue());
        ShellSession shell(dir.path());
        QVERIFY(shell.open().hasValue());
        auto made = shell.execute(QStringLiteral(
            "New-StorageGroup SGUnique -Server MBX4 -LogFolderPath C:\\Unique\\Logs\n"
            "New-MailboxDatabase DBUnique -StorageGroup SGUnique -EdbFilePath C:\\Unique\\DBUnique.edb\n"
            "Mount-Database DBUnique\n"
            "Get-MailboxDatabase DBUnique -Status | fl Identity,Mounted"));
        QVERIFY2(made.hasValue(), qPrintable(made.hasValue() ? QString() : made.error().toString()));
        QVERIFY2(made->contains(QStringLiteral("Identity : MBX4\\SGUnique\\DBUnique")), qPrintable(*made));
        QVERIFY(made->contains(QStringLiteral("Mounted  : True")));
        // SERVER\DATABASE and the full identity, any case.
        QVERIFY(shell.execute(QStringLiteral("Dismount-Database mbx4\\dbunique -Confirm:$false")).hasValue());
        QVERIFY(shell.execute(QStringLiteral("Mount-Database MBX4\\SGUNIQUE\\DBUnique")).hasValue());
        QVERIFY(shell.execute(QStringLiteral("Get-StorageGroup sgunique | fl Identity"))
                    ->contains(QStringLiteral("MBX4\\SGUnique")));
        // DB1 and SG1 are on several servers: refused, the candidates named, nothing changed.
        const QString before =
            *shell.execute(QStringLiteral("Get-MailboxDatabase -Status | fl Identity,Mounted"));
        auto ambiguous = shell.execute(QStringLiteral("Dismount-Database DB1 -Confirm:$false"));
        QVERIFY(!ambiguous.hasValue());
        QVERIFY2(ambiguous.error().reason.contains(QStringLiteral(
                     "matches more than one mailbox database: MBX1\\SG1\\DB1, MBX2\\SG1\\DB1")),
                 qPrintable(ambiguous.error().toString()));
        QVERIFY(ambiguous.error().fix.contains(QStringLiteral("full identity")));
        QCOMPARE(*shell.execute(QStringLiteral("Get-MailboxDatabase -Status | fl Identity,Mounted")), before);
        auto sg = shell.execute(QStringLiteral("Suspend-StorageGroupCopy SG1 -StandbyMachine MBX3"));
        QVERIFY(!sg.hasValue());
        QVERIFY2(sg.error().reason.contains(
                     QStringLiteral("matches more than one storage group: MBX1\\SG1, MBX2\\SG1")),
                 qPrintable(sg.error().toString()));
        // The Get- cmdlets list every match.
        QVERIFY(shell.execute(QStringLiteral("Get-StorageGroup SG1 | Measure-Object"))
                    ->contains(QStringLiteral("Count    : 2")));
        auto none = shell.execute(QStringLiteral("Mount-Database NoSuchDB"));
        QVERIFY(!none.hasValue());
        QVERIFY(none.error().reason.contains(QStringLiteral("no such mailbox database")));
    }
    // Wildcards name entries of the folder named, never anything outside it; every match is checked
    // before the first is deleted.
    void wildcardsInFilePaths()
    {
        QTemporaryDir dir;
        test::ManualClock clock;
        QVERIFY(DemoLab::create(dir.path(), clock).hasValue());
        ShellSession shell(dir.path());
        QVERIFY(shell.open().hasValue());
        HostDisk disk = shell.lab()->hostDisk(QStringLiteral("MBX4"));
        for (const char *folder : {"C:\\Wild\\Sub", "C:\\Wild2", "C:\\Wild\\Empty"})
            QVERIFY(disk.makeFolders(QLatin1String(folder)).hasValue());
        for (const char *file : {"C:\\Wild\\a.log", "C:\\Wild\\b.log", "C:\\Wild\\c.txt",
                                 "C:\\Wild\\Sub\\x.log", "C:\\Wild2\\keep.log"})
            QVERIFY(disk.writeAtomically(QLatin1String(file), "data").hasValue());
        QVERIFY(shell.execute(QStringLiteral("Enter-PSSession MBX4")).hasValue());
        const QString logs = *shell.execute(QStringLiteral("dir C:\\Wild\\*.log | ft Name"));
        QVERIFY2(logs.contains(QStringLiteral("a.log")) && logs.contains(QStringLiteral("b.log")),
                 qPrintable(logs));
        QVERIFY(!logs.contains(QStringLiteral("c.txt")) && !logs.contains(QStringLiteral("x.log")) &&
                !logs.contains(QStringLiteral("keep.log")));
        QVERIFY(shell.execute(QStringLiteral("dir C:\\Wild\\?.txt"))->contains(QStringLiteral("c.txt")));
        QVERIFY(shell.execute(QStringLiteral("Test-Path C:\\Wild\\*.txt"))->contains(QStringLiteral("True")));
        QVERIFY(
            shell.execute(QStringLiteral("Test-Path C:\\Wild\\*.edb"))->contains(QStringLiteral("False")));
        QVERIFY(shell.execute(QStringLiteral("Test-Path C:\\Nowhere\\*"))->contains(QStringLiteral("False")));
        // A wildcard before the last part is refused, and says where one may stand.
        auto early = shell.execute(QStringLiteral("Remove-Item C:\\Wil*\\a.log"));
        QVERIFY(!early.hasValue());
        QVERIFY2(early.error().reason.contains(QStringLiteral("only the last part")),
                 qPrintable(early.error().toString()));
        QVERIFY(disk.exists(QStringLiteral("C:\\Wild\\a.log")));
        // Without -Recurse, a folder with something in it refuses the whole command before anything goes.
        auto noRecurse = shell.execute(QStringLiteral("Remove-Item C:\\Wild\\*"));
        QVERIFY(!noRecurse.hasValue());
        QVERIFY(noRecurse.error().fix.contains(QStringLiteral("-Recurse")));
        for (const char *file : {"C:\\Wild\\a.log", "C:\\Wild\\c.txt", "C:\\Wild\\Sub\\x.log"})
            QVERIFY(disk.exists(QLatin1String(file)));
        QVERIFY(shell.execute(QStringLiteral("Remove-Item C:\\Wild\\*.log")).hasValue());
        QVERIFY(!disk.exists(QStringLiteral("C:\\Wild\\a.log")) &&
                !disk.exists(QStringLiteral("C:\\Wild\\b.log")));
        QVERIFY(disk.exists(QStringLiteral("C:\\Wild\\c.txt")) &&
                disk.exists(QStringLiteral("C:\\Wild\\Sub\\x.log")));
        QVERIFY(shell.execute(QStringLiteral("Remove-Item C:\\Wild\\*.nothing"))
                    .hasValue()); // no match, no error
        QVERIFY(shell.execute(QStringLiteral("Remove-Item C:\\Wild\\* -Recurse")).hasValue());
        auto left = disk.list(QStringLiteral("C:\\Wild"));
        QVERIFY(left.hasValue());
        QVERIFY(left->empty());
        QVERIFY(disk.isFolder(QStringLiteral("C:\\Wild")));          // the folder named stays
        QVERIFY(disk.exists(QStringLiteral("C:\\Wild2\\keep.log"))); // a neighbour that C:\Wild* would match
        // The logs of a storage group, as the example lists them.
        QVERIFY(shell.execute(QStringLiteral("Enter-PSSession MBX1")).hasValue());
        const QString e00 = *shell.execute(QStringLiteral("dir C:\\Exchange\\Logs\\SG1\\E00*.log | ft Name"));
        QVERIFY2(e00.contains(QStringLiteral("E00.log")) && !e00.contains(QStringLiteral("E00.chk")),
                 qPrintable(e00));
    }
};

QTEST_GUILESS_MAIN(TestPipelineRunner)
#include "tst_pipelinerunner.moc"
