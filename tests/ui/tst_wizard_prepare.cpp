// Prepare SCR Target (issue 13 item 2), driven through the console window on a fresh demo lab: MBX1\SG1 and
// MBX1\SG2 copied to MBX3, the wizard opened from the action pane of server MBX3, run to completion: the
// target storage groups and databases exist, dismounted, the temporary files gone; a second run has nothing
// to do. Refusals: MBX3 powered off, no copy left on it. A full disk after New-MailboxDatabase stops the flow
// and loses nothing; freed, the wizard again finishes. The saved .ps1, run by scr-shell on a fresh lab with
// the same copies, ends in the same directory state.

#include "cmdlets/preparetarget.h"
#include "consolefixture.h"
#include "preparetargetwizard.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace scr;
using scr::test::ConsoleFixture;

namespace {

// The copies of the test, seeded so that both labs agree on their status.
const QString kCopies =
    QStringLiteral("Enable-StorageGroupCopy MBX1\\SG1 -StandbyMachine MBX3 -ReplayLagTime 0.0:0:0; "
                   "Enable-StorageGroupCopy MBX1\\SG2 -StandbyMachine MBX3 -ReplayLagTime 0.0:0:0; "
                   "Update-StorageGroupCopy MBX1\\SG1 -StandbyMachine MBX3; "
                   "Update-StorageGroupCopy MBX1\\SG2 -StandbyMachine MBX3");
const QString kOpen = QStringLiteral("Prepare SCR targets on MBX3...");

} // namespace

class TestWizardPrepare : public QObject
{
    Q_OBJECT
    std::unique_ptr<ConsoleFixture> m_console;

    QString run(const QString &script)
    {
        QString error;
        const auto out = m_console->run(script, &error);
        if (!out)
            qWarning("%s", qPrintable(error));
        return out.value_or(QStringLiteral("<failed>"));
    }

    PrepareTargetWizard *openFromActionPane()
    {
        return m_console->openByAction<PrepareTargetWizard>(QStringLiteral("server:MBX3"), kOpen);
    }

    // Next from the introduction to the configuration page, waiting for its survey.
    static bool toTargets(PrepareTargetWizard *wizard)
    {
        wizard->next();
        return wizard->currentId() == PrepareTargetWizard::TargetsPage &&
               QTest::qWaitFor([wizard] { return wizard->surveyDone(); }, 20000);
    }

    static QStringList statuses(PrepareTargetWizard *wizard)
    {
        QStringList s;
        auto *list = wizard->findChild<QTreeWidget *>(QStringLiteral("targets"));
        for (int i = 0; i < list->topLevelItemCount(); ++i)
            s << list->topLevelItem(i)->text(0) + QStringLiteral(": ") +
                     list->topLevelItem(i)->text(PrepareTargetWizard::StatusColumn);
        return s;
    }

    static QString failures(const ScrWizard *wizard)
    {
        return ConsoleFixture::checksSaying(wizard, PreflightCheck::Outcome::Fail);
    }

    // The wizard's end state: both targets made, dismounted, the temporary folders gone.
    void verifyPrepared()
    {
        const QString dbs = run(QStringLiteral("Get-MailboxDatabase -Server MBX3 -Status | ft Identity,"
                                               "EdbFilePath,Mounted"));
        QVERIFY2(dbs.contains(QStringLiteral("MBX3\\SG1Target\\DB1Target")), qPrintable(dbs));
        QVERIFY2(dbs.contains(QStringLiteral("MBX3\\SG2Target\\DB2Target")), qPrintable(dbs));
        QVERIFY2(dbs.contains(QStringLiteral("C:\\Temp\\SG1Target\\DB1Target.edb")), qPrintable(dbs));
        QVERIFY2(!dbs.contains(QStringLiteral("True")), qPrintable(dbs)); // dismounted
        const QString sgs = run(QStringLiteral("Get-StorageGroup -Server MBX3 | ft Identity,LogFolderPath"));
        QVERIFY2(sgs.contains(QStringLiteral("MBX3\\SG1Target")), qPrintable(sgs));
        QVERIFY2(sgs.contains(QStringLiteral("MBX3\\SG2Target")), qPrintable(sgs));
        const QString files = run(QStringLiteral(
            "Enter-PSSession MBX3; Test-Path C:\\Temp\\SG1Target; Test-Path C:\\Temp\\SG2Target"));
        QCOMPARE(files.split(QLatin1Char('\n'), Qt::SkipEmptyParts),
                 QStringList({QStringLiteral("False"), QStringLiteral("False")}));
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init()
    {
        if (QByteArray(QTest::currentTestFunction()).startsWith("pure"))
            return; // the model's functions alone, no lab
        m_console = std::make_unique<ConsoleFixture>();
        QVERIFY(m_console->start());
        QVERIFY(m_console->run(kCopies));
    }
    void cleanup() { m_console.reset(); }

    // The steps skip what exists, from the survey alone (cmdlets::prepareTargetSteps is pure).
    void pureStepsSkipWhatExists_data()
    {
        QTest::addColumn<int>("made"); // 0 nothing, 1 storage group, 2 and database
        QTest::addColumn<bool>("everMounted");
        QTest::addColumn<bool>("mounted");
        QTest::addColumn<bool>("temporaryFiles");
        QTest::addColumn<QStringList>("commands");
        const QStringList all{QStringLiteral("New-StorageGroup"), QStringLiteral("New-MailboxDatabase"),
                              QStringLiteral("Mount-Database"), QStringLiteral("Dismount-Database"),
                              QStringLiteral("Enter-PSSession")};
        QTest::newRow("nothing") << 0 << false << false << false << all;
        QTest::newRow("storage group only") << 1 << false << false << false << all.mid(1);
        QTest::newRow("never mounted") << 2 << false << false << false << all.mid(2);
        QTest::newRow("mounted now") << 2 << true << true << true << all.mid(3);
        QTest::newRow("temporary files left") << 2 << true << false << true << all.mid(4);
        QTest::newRow("prepared") << 2 << true << false << false << QStringList();
    }
    void pureStepsSkipWhatExists()
    {
        QFETCH(int, made);
        QFETCH(bool, everMounted);
        QFETCH(bool, mounted);
        QFETCH(bool, temporaryFiles);
        QFETCH(QStringList, commands);
        TargetSurveyRow row;
        row.target = cmdlets::targetObjectsFor(QStringLiteral("MBX1\\SG1"), QStringLiteral("MBX3"),
                                               QStringLiteral("DB1"), false);
        row.copyLogFolderPath = row.copySystemFolderPath = QStringLiteral("C:\\Exchange\\Logs\\SG1");
        row.copyEdbFilePath = QStringLiteral("C:\\Exchange\\Data\\SG1\\DB1.edb");
        row.storageGroupExists = made >= 1;
        row.storageGroupLogFolderPath = row.storageGroupSystemFolderPath = row.target.temporaryPath;
        row.databaseExists = made >= 2;
        row.databaseEdbFilePath = row.target.temporaryPath + QStringLiteral("\\DB1Target.edb");
        row.databaseEverMounted = everMounted;
        row.databaseMounted = mounted;
        row.temporaryFolderExists = temporaryFiles;
        row.temporaryEntries = temporaryFiles ? QStringList{QStringLiteral("E00.log")} : QStringList{};
        QStringList planned;
        for (const FlowStep &step : cmdlets::prepareTargetSteps(row, QStringLiteral("MBX3")))
            planned << step.command.section(QLatin1Char(' '), 0, 0).remove(QLatin1Char(';'));
        QCOMPARE(planned, commands);
        QCOMPARE(row.complete(), commands.isEmpty());
        // Activated (pointed at the copy's files), taken by another object, or unknown: nothing.
        TargetSurveyRow activated = row;
        activated.storageGroupExists = activated.databaseExists = true;
        activated.storageGroupLogFolderPath = activated.storageGroupSystemFolderPath = row.copyLogFolderPath;
        activated.databaseEdbFilePath = row.copyEdbFilePath;
        QCOMPARE(activated.state(), TargetSurveyRow::State::Activated);
        TargetSurveyRow taken = row;
        taken.conflict = QStringLiteral("taken");
        TargetSurveyRow unknown = row;
        unknown.temporaryEntries.reset();
        for (const TargetSurveyRow &r : {activated, taken, unknown})
            QVERIFY(cmdlets::prepareTargetSteps(r, QStringLiteral("MBX3")).empty());
    }

    void preparesEveryCopiedStorageGroup()
    {
        PrepareTargetWizard *wizard = openFromActionPane();
        QVERIFY(wizard);
        QVERIFY(toTargets(wizard));
        QCOMPARE(statuses(wizard), QStringList({QStringLiteral("MBX1\\SG1: Will be made"),
                                                QStringLiteral("MBX1\\SG2: Will be made")}));
        ConsoleFixture::screenshot(wizard, QStringLiteral("prepare-targets"));
        QCOMPARE(wizard->selectedCopies(),
                 QStringList({QStringLiteral("MBX1\\SG1"), QStringLiteral("MBX1\\SG2")}));
        QVERIFY(ConsoleFixture::nextUntil(wizard, ScrWizard::PreflightPage));
        QVERIFY(ConsoleFixture::waitForPreflight(wizard));
        QVERIFY2(preflightPasses(wizard->checks()), qPrintable(failures(wizard)));
        ConsoleFixture::screenshot(wizard, QStringLiteral("prepare-preflight"));
        QVERIFY(ConsoleFixture::nextUntil(wizard, ScrWizard::SummaryPage));
        QCOMPARE(wizard->steps().size(), std::size_t(10));
        const QString summary =
            wizard->findChild<QWidget *>(QStringLiteral("summary"))->property("plainText").toString();
        for (const QString &command :
             {QStringLiteral(
                  "New-StorageGroup -Name SG1Target -Server MBX3 -LogFolderPath C:\\Temp\\SG1Target "
                  "-SystemFolderPath C:\\Temp\\SG1Target"),
              QStringLiteral("New-MailboxDatabase -Name DB1Target -StorageGroup MBX3\\SG1Target -EdbFilePath "
                             "C:\\Temp\\SG1Target\\DB1Target.edb"),
              QStringLiteral("Mount-Database MBX3\\SG1Target\\DB1Target"),
              QStringLiteral("Dismount-Database MBX3\\SG1Target\\DB1Target -Confirm:$false"),
              QStringLiteral("Enter-PSSession MBX3; Remove-Item C:\\Temp\\SG1Target -Recurse"),
              QStringLiteral("New-StorageGroup -Name SG2Target")})
            QVERIFY2(summary.contains(command), qPrintable(summary));
        ConsoleFixture::screenshot(wizard, QStringLiteral("prepare-summary"));
        QTemporaryDir dir;
        const QString script = dir.filePath(QStringLiteral("prepare.ps1"));
        QVERIFY(wizard->saveScript(script));

        QVERIFY(ConsoleFixture::runToCompletion(wizard));
        QCOMPARE(wizard->flowState(), ScrWizard::FlowState::Completed);
        auto *made = wizard->findChild<QLabel *>(QStringLiteral("preparedTargets"));
        QVERIFY(made);
        QVERIFY2(made->text().contains(QStringLiteral("MBX1\\SG2: MBX3\\SG2Target\\DB2Target is ready")),
                 qPrintable(made->text()));
        ConsoleFixture::screenshot(wizard, QStringLiteral("prepare-completion"));
        verifyPrepared();
        wizard->button(QWizard::FinishButton)->click();
        QTRY_VERIFY(!m_console->openWizard());

        // Again: everything exists, nothing to do.
        wizard = openFromActionPane();
        QVERIFY(wizard);
        QVERIFY(toTargets(wizard));
        QCOMPARE(statuses(wizard), QStringList({QStringLiteral("MBX1\\SG1: Exists: skipped"),
                                                QStringLiteral("MBX1\\SG2: Exists: skipped")}));
        QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());
        QVERIFY(wizard->findChild<QLabel *>(QStringLiteral("targetsNote"))
                    ->text()
                    .startsWith(QStringLiteral("Nothing to do")));
        wizard->button(QWizard::CancelButton)->click();
        QTRY_VERIFY(!m_console->openWizard());

        // The runbook path: the saved script on a fresh lab with the same copies, to the same state.
        const QString wizardState = run(ConsoleFixture::stateScript());
        QTemporaryDir other;
        const QString lab = other.filePath(QStringLiteral("lab"));
        QString error;
        QVERIFY2(ConsoleFixture::shell({QStringLiteral("--new-demo"), lab}, &error), qPrintable(error));
        QVERIFY2(ConsoleFixture::shell({QStringLiteral("--lab"), lab, QStringLiteral("-c"), kCopies}, &error),
                 qPrintable(error));
        QVERIFY2(ConsoleFixture::shell({QStringLiteral("--lab"), lab, script}, &error), qPrintable(error));
        const auto shellState = ConsoleFixture::shell(
            {QStringLiteral("--lab"), lab, QStringLiteral("-c"), ConsoleFixture::stateScript()}, &error);
        QVERIFY2(shellState, qPrintable(error));
        // Line by line, for a readable failure.
        const QStringList shellLines = ConsoleFixture::comparableState(*shellState).split(QLatin1Char('\n'));
        const QStringList wizardLines = ConsoleFixture::comparableState(wizardState).split(QLatin1Char('\n'));
        QVERIFY2(wizardState.contains(QStringLiteral("MBX3\\SG2Target\\DB2Target")), qPrintable(wizardState));
        for (qsizetype i = 0; i < std::max(shellLines.size(), wizardLines.size()); ++i)
            QCOMPARE(shellLines.value(i), wizardLines.value(i));
    }

    void aPoweredOffStandbyBlocksNext()
    {
        QVERIFY(m_console->run(QStringLiteral("Stop-Host MBX3")));
        PrepareTargetWizard *wizard = openFromActionPane();
        QVERIFY(wizard);
        QVERIFY(toTargets(wizard));
        QVERIFY2(statuses(wizard).front().contains(QStringLiteral("powered off")),
                 qPrintable(statuses(wizard).join(QLatin1Char('|'))));
        wizard->next();
        QCOMPARE(wizard->currentId(), int(ScrWizard::PreflightPage));
        QVERIFY(ConsoleFixture::waitForPreflight(wizard));
        QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());
        const QString why = failures(wizard);
        QVERIFY2(why.contains(QStringLiteral("powered off")) &&
                     why.contains(QStringLiteral("Start-Host MBX3")),
                 qPrintable(why));
        // Fixed, checked again: Next.
        QVERIFY(m_console->run(QStringLiteral("Start-Host MBX3")));
        wizard->checkAgain();
        QVERIFY(ConsoleFixture::waitForPreflight(wizard));
        QVERIFY2(wizard->button(QWizard::NextButton)->isEnabled(), qPrintable(failures(wizard)));
        QVERIFY(ConsoleFixture::nextUntil(wizard, ScrWizard::SummaryPage));
        QCOMPARE(wizard->steps().size(), std::size_t(10));
    }

    void noCopyLeftBlocksNext()
    {
        PrepareTargetWizard *wizard = openFromActionPane();
        QVERIFY(wizard);
        QVERIFY(toTargets(wizard));
        // The copies go while the wizard is open.
        QVERIFY(m_console->run(
            QStringLiteral("Disable-StorageGroupCopy MBX1\\SG1 -StandbyMachine MBX3 -Confirm:$false; "
                           "Disable-StorageGroupCopy MBX1\\SG2 -StandbyMachine MBX3 -Confirm:$false")));
        wizard->next();
        QCOMPARE(wizard->currentId(), int(ScrWizard::PreflightPage));
        QVERIFY(ConsoleFixture::waitForPreflight(wizard));
        QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());
        const QString why = failures(wizard);
        QVERIFY2(why.contains(QStringLiteral("no storage group is copied to MBX3")), qPrintable(why));
        // Nothing was changed.
        QVERIFY(!run(QStringLiteral("Get-StorageGroup -Server MBX3")).contains(QStringLiteral("Target")));
    }

    void aFullDiskStopsTheFlowThenItFinishes()
    {
        PrepareTargetWizard *wizard = openFromActionPane();
        QVERIFY(wizard);
        QVERIFY(toTargets(wizard));
        QVERIFY(ConsoleFixture::nextUntil(wizard, ScrWizard::SummaryPage));
        QCOMPARE(wizard->steps().at(1).command.left(19), QStringLiteral("New-MailboxDatabase"));
        connect(
            wizard, &ScrWizard::stepEnded, m_console->window(),
            [this](int i) {
                if (i == 1)
                    m_console->window()->runCommand(QStringLiteral("Invoke-Fault FillDisk -Server MBX3"));
            },
            Qt::DirectConnection);
        QVERIFY(ConsoleFixture::runToCompletion(wizard));
        QCOMPARE(wizard->flowState(), ScrWizard::FlowState::Failed);
        QCOMPARE(wizard->outcomes().at(2).state, StepState::Failed);
        QVERIFY2(wizard->outcomes().at(2).error.contains(QStringLiteral("full")),
                 qPrintable(wizard->outcomes().at(2).error));
        QCOMPARE(wizard->outcomes().at(3).state, StepState::NotRun);
        // Nothing lost: what was made is there, the rest as it was.
        const QString sgs = run(QStringLiteral("Get-StorageGroup -Server MBX3 | ft Identity"));
        QVERIFY2(sgs.contains(QStringLiteral("MBX3\\SG1Target")), qPrintable(sgs));
        QVERIFY2(!sgs.contains(QStringLiteral("SG2Target")), qPrintable(sgs));
        QVERIFY(run(QStringLiteral(
                        "Get-MailboxDatabase MBX3\\SG1Target\\DB1Target -Status | ft Identity,Mounted"))
                    .contains(QStringLiteral("False")));
        wizard->button(QWizard::FinishButton)->click();
        QTRY_VERIFY(!m_console->openWizard());

        // The disk freed, the wizard again: it does what is left.
        QVERIFY(m_console->run(QStringLiteral("Invoke-Fault FreeDisk -Server MBX3")));
        wizard = openFromActionPane();
        QVERIFY(wizard);
        QVERIFY(toTargets(wizard));
        QCOMPARE(statuses(wizard),
                 QStringList({QStringLiteral("MBX1\\SG1: Partly made: the steps left will run"),
                              QStringLiteral("MBX1\\SG2: Will be made")}));
        QVERIFY(ConsoleFixture::nextUntil(wizard, ScrWizard::SummaryPage));
        QCOMPARE(wizard->steps().size(), std::size_t(8)); // Mount, Dismount, Remove-Item; then all five
        QCOMPARE(wizard->steps().front().command,
                 QStringLiteral("Mount-Database MBX3\\SG1Target\\DB1Target"));
        QVERIFY(ConsoleFixture::runToCompletion(wizard));
        QCOMPARE(wizard->flowState(), ScrWizard::FlowState::Completed);
        verifyPrepared();
    }

    void aNameTakenBlocksNext()
    {
        // SG1Target exists on MBX3 at its default paths: not the copy's target.
        QVERIFY(m_console->run(QStringLiteral("New-StorageGroup -Name SG1Target -Server MBX3")));
        PrepareTargetWizard *wizard = openFromActionPane();
        QVERIFY(wizard);
        QVERIFY(toTargets(wizard));
        QVERIFY2(statuses(wizard).front().contains(QStringLiteral("Name taken")),
                 qPrintable(statuses(wizard).join(QLatin1Char('|'))));
        wizard->next();
        QVERIFY(ConsoleFixture::waitForPreflight(wizard));
        QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());
        const QString why = failures(wizard);
        QVERIFY2(why.contains(QStringLiteral("so it is not the target of MBX1\\SG1")) &&
                     why.contains(QStringLiteral("Remove-StorageGroup MBX3\\SG1Target")),
                 qPrintable(why));
        // Back, SG1 cleared: SG2 alone passes.
        wizard->back();
        auto *list = wizard->findChild<QTreeWidget *>(QStringLiteral("targets"));
        list->topLevelItem(0)->setCheckState(0, Qt::Unchecked);
        QVERIFY(ConsoleFixture::nextUntil(wizard, ScrWizard::SummaryPage));
        QCOMPARE(wizard->steps().size(), std::size_t(5));
    }

    // Files in the temporary folder that no target made, or a link there: refused before anything runs.
    void strayFilesOrALinkBlockNext_data()
    {
        QTest::addColumn<bool>("link");
        QTest::addColumn<QString>("reason");
        QTest::newRow("files from before") << false << QStringLiteral("holds 1 file(s) from before");
        QTest::newRow("a link") << true << QStringLiteral("symbolic link");
    }
    void strayFilesOrALinkBlockNext()
    {
        QFETCH(bool, link);
        QFETCH(QString, reason);
        const QString temp = m_console->labDir() + QStringLiteral("/hosts/MBX3/C/Temp");
        QVERIFY(QDir().mkpath(temp));
        QTemporaryDir elsewhere; // outside the host's disk
        if (link) {
            QVERIFY(QFile::link(elsewhere.path(), temp + QStringLiteral("/SG1Target")));
        } else {
            QVERIFY(QDir().mkpath(temp + QStringLiteral("/SG1Target")));
            QFile stray(temp + QStringLiteral("/SG1Target/E00.log"));
            QVERIFY(stray.open(QIODevice::WriteOnly));
            stray.write("old");
        }
        PrepareTargetWizard *wizard = openFromActionPane();
        QVERIFY(wizard);
        QVERIFY(toTargets(wizard));
        wizard->next();
        QVERIFY(ConsoleFixture::waitForPreflight(wizard));
        QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());
        const QString why = failures(wizard);
        QVERIFY2(why.contains(QStringLiteral("C:\\Temp\\SG1Target")) && why.contains(reason),
                 qPrintable(why));
        QVERIFY(!run(QStringLiteral("Get-StorageGroup -Server MBX3")).contains(QStringLiteral("Target")));
    }

    void theKeyboardAloneCompletesIt()
    {
        PrepareTargetWizard *wizard = openFromActionPane();
        QVERIFY(wizard);
        QApplication::setActiveWindow(wizard); // what a window manager does (offscreen has none)
        QTRY_VERIFY(QApplication::activeWindow() == wizard);
        auto press = [wizard](Qt::Key key) {
            QWidget *target = QApplication::focusWidget() ? QApplication::focusWidget() : wizard;
            QVERIFY(target->window() == wizard);
            QTest::keyClick(target, key);
        };
        press(Qt::Key_Return); // Introduction
        QCOMPARE(wizard->currentId(), int(PrepareTargetWizard::TargetsPage));
        QTRY_VERIFY(wizard->button(QWizard::NextButton)->isEnabled());
        // Alt+T to the list, Down, Space: MBX1\SG2 cleared.
        QTest::keyClick(wizard, Qt::Key_T, Qt::AltModifier);
        auto *list = wizard->findChild<QTreeWidget *>(QStringLiteral("targets"));
        QTRY_VERIFY(list->hasFocus());
        press(Qt::Key_Down);
        press(Qt::Key_Space);
        QCOMPARE(wizard->selectedCopies(), QStringList({QStringLiteral("MBX1\\SG1")}));
        press(Qt::Key_Return);
        QCOMPARE(wizard->currentId(), int(ScrWizard::PreflightPage));
        QVERIFY(ConsoleFixture::waitForPreflight(wizard));
        QTRY_VERIFY(wizard->button(QWizard::NextButton)->isEnabled());
        press(Qt::Key_Return);
        QCOMPARE(wizard->currentId(), int(ScrWizard::SummaryPage));
        press(Qt::Key_Return); // Prepare, the commit button
        QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), int(ScrWizard::CompletionPage), 30000);
        QCOMPARE(wizard->flowState(), ScrWizard::FlowState::Completed);
        QCOMPARE(wizard->steps().size(), std::size_t(5));
        press(Qt::Key_Return); // Finish
        QTRY_VERIFY(!m_console->openWizard());
    }

    void aClearedCopyIsLeftAsItIs()
    {
        PrepareTargetWizard *wizard = openFromActionPane();
        QVERIFY(wizard);
        QVERIFY(toTargets(wizard));
        auto *list = wizard->findChild<QTreeWidget *>(QStringLiteral("targets"));
        // The keyboard: the second row, Space clears it.
        list->setFocus();
        list->setCurrentItem(list->topLevelItem(1));
        QTest::keyClick(list, Qt::Key_Space);
        QCOMPARE(list->topLevelItem(1)->checkState(0), Qt::Unchecked);
        QCOMPARE(wizard->selectedCopies(), QStringList({QStringLiteral("MBX1\\SG1")}));
        QVERIFY(ConsoleFixture::nextUntil(wizard, ScrWizard::SummaryPage));
        QCOMPARE(wizard->steps().size(), std::size_t(5));
        for (const FlowStep &step : wizard->steps())
            QVERIFY2(!step.command.contains(QStringLiteral("SG2")), qPrintable(step.command));
    }
};

QTEST_MAIN(TestWizardPrepare)
#include "tst_wizard_prepare.moc"
