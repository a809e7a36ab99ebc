// What every wizard's last page and saved script say (model/cmdlets/wizardflow): EMC's completion text for
// completed, failed, cancelled and unrun steps, the elapsed time's format, and a .ps1 that stops at the first
// error and leaves every session it enters.

#include "cmdlets/wizardflow.h"

#include <QTest>

using namespace scr;

class TestWizardFlow : public QObject
{
    Q_OBJECT
    const std::vector<FlowStep> m_steps{
        {QStringLiteral("Activate the copy"),
         QStringLiteral("Restore-StorageGroupCopy MBX1\\SG1 -StandbyMachine MBX3 -Confirm:$false")},
        {QStringLiteral("Delete the temporary files"),
         QStringLiteral("Enter-PSSession MBX3; Remove-Item C:\\Temp\\SG1Target -Recurse"), true},
        {QStringLiteral("Mount"), QStringLiteral("Mount-Database MBX3\\SG1Target\\DB1Target")}};

private Q_SLOTS:
    void elapsedTime_data()
    {
        QTest::addColumn<qint64>("ms");
        QTest::addColumn<QString>("text");
        QTest::newRow("none") << qint64(0) << QStringLiteral("00:00:00");
        QTest::newRow("under a second") << qint64(999) << QStringLiteral("00:00:00");
        QTest::newRow("a minute five") << qint64(65'000) << QStringLiteral("00:01:05");
        QTest::newRow("hours") << qint64((26 * 3600 + 3 * 60 + 7) * 1000LL) << QStringLiteral("26:03:07");
        QTest::newRow("negative") << qint64(-5) << QStringLiteral("00:00:00");
    }
    void elapsedTime()
    {
        QFETCH(qint64, ms);
        QFETCH(QString, text);
        QCOMPARE(elapsedText(ms), text);
    }

    void completedSaysCompletedForEveryStep()
    {
        std::vector<StepOutcome> outcomes(3);
        for (StepOutcome &o : outcomes) {
            o.state = StepState::Completed;
            o.elapsedMs = 2000;
        }
        const QString text = completionText(QStringLiteral("Activate"), m_steps, outcomes);
        QVERIFY(text.contains(QStringLiteral("The wizard completed successfully.")));
        QCOMPARE(text.count(QStringLiteral("Exchange Management Shell command completed:")), 3);
        QCOMPARE(text.count(QStringLiteral("Elapsed Time: 00:00:02")), 3);
        QVERIFY(!text.contains(QStringLiteral("attempted")));
    }

    void aFailureSaysAttemptedWithItsErrorAndTheRestNotRun()
    {
        std::vector<StepOutcome> outcomes(3);
        outcomes[0] = {StepState::Completed, 1000, {}, {}};
        outcomes[1] = {StepState::Failed, 3000, {}, QStringLiteral("MBX3: the disk is full; free space")};
        const QString text = completionText(QStringLiteral("Activate"), m_steps, outcomes);
        QVERIFY(text.contains(QStringLiteral("The wizard failed")));
        QCOMPARE(text.count(QStringLiteral("Exchange Management Shell command completed:")), 1);
        QCOMPARE(text.count(QStringLiteral("Exchange Management Shell command attempted:")), 1);
        QCOMPARE(text.count(QStringLiteral("Exchange Management Shell command not run:")), 1);
        // The error comes before the command that failed, then its time.
        const qsizetype error = text.indexOf(QStringLiteral("the disk is full"));
        const qsizetype command = text.indexOf(QStringLiteral("Remove-Item"));
        QVERIFY(error > 0 && command > error);
        QVERIFY(text.indexOf(QStringLiteral("Elapsed Time: 00:00:03")) > command);
    }

    void cancelledSaysSo()
    {
        std::vector<StepOutcome> outcomes(3);
        outcomes[0] = {StepState::Completed, 0, {}, {}};
        outcomes[1].state = StepState::Cancelled;
        outcomes[2].state = StepState::Cancelled;
        const QString text = completionText(QStringLiteral("Prepare"), m_steps, outcomes);
        QVERIFY(text.contains(QStringLiteral("The wizard was cancelled")));
        QCOMPARE(text.count(QStringLiteral("Exchange Management Shell command not run:")), 2);
    }

    void theScriptStopsAtTheFirstErrorAndLeavesSessions()
    {
        const QString script = flowScript(QStringLiteral("Activate by Database Portability"), m_steps);
        const QStringList lines = script.split(QLatin1Char('\n'));
        const qsizetype stop = lines.indexOf(QStringLiteral("$ErrorActionPreference = 'Stop'"));
        QVERIFY(stop > 0);
        // Every command after the stop line, in order; a session entered is left before the next step.
        qsizetype at = stop;
        for (const FlowStep &step : m_steps) {
            const qsizetype i = lines.indexOf(step.command, at);
            QVERIFY2(i > at, qPrintable(step.command));
            QCOMPARE(lines.at(i - 1), QStringLiteral("# ") + step.title);
            at = i;
        }
        const qsizetype remove = lines.indexOf(m_steps[1].command);
        QCOMPARE(lines.at(remove + 1), QStringLiteral("Exit-PSSession"));
        QCOMPARE(script.count(QStringLiteral("Exit-PSSession")), 1);
        for (const QString &line : lines)
            QVERIFY2(line.isEmpty() || line.startsWith(QLatin1Char('#')) ||
                         line.startsWith(QLatin1Char('$')) || line.contains(QLatin1Char('-')),
                     qPrintable(line)); // comments, the preference, commands: nothing else
    }

    void checksPassUnlessOneFailed()
    {
        std::vector<PreflightCheck> checks(2);
        QVERIFY(preflightPasses(checks));
        checks[1].outcome = PreflightCheck::Outcome::Warning;
        QVERIFY(preflightPasses(checks));
        checks[0].outcome = PreflightCheck::Outcome::Fail;
        QVERIFY(!preflightPasses(checks));
        QVERIFY(preflightPasses({}));
        QCOMPARE(outcomeName(PreflightCheck::Outcome::Fail), QStringLiteral("Failed"));
    }

    // A step on a host's shell quotes what the shell would split: a host or a path with a space.
    void hostStepsQuoteTheirValues()
    {
        QCOMPARE(onHost(QStringLiteral("MBX3"), QStringLiteral("setup /m:Uninstall")),
                 QStringLiteral("Enter-PSSession MBX3; setup /m:Uninstall"));
        QCOMPARE(onHost(QStringLiteral("Spare Host"), QStringLiteral("setup /m:RecoverServer")),
                 QStringLiteral("Enter-PSSession 'Spare Host'; setup /m:RecoverServer"));
        QCOMPARE(softRecoveryCommand(QStringLiteral("E00"), QStringLiteral("D:\\SCR\\SG1"),
                                     QStringLiteral("D:\\SCR\\SG1"), QStringLiteral("E:\\My Data")),
                 QStringLiteral("eseutil /r E00 /l D:\\SCR\\SG1 /s D:\\SCR\\SG1 /d 'E:\\My Data'"));
    }
};

QTEST_GUILESS_MAIN(TestWizardFlow)
#include "tst_wizardflow.moc"
