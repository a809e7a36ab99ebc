// Activate by Database Portability (ui/portabilitywizard), end to end on a fresh demo lab through the console
// window: an SCR copy of MBX1\SG1 on MBX3 with mail shipped and its target objects prepared; the RPO preview
// before anything runs (no loss with the source reachable; the loss, to accept, with it powered off); the
// target mounted on the copy's files, the users' mailboxes rehomed (the system mailboxes not) and their
// statistics as they were at the source; the same directory state as the wizard's saved script run by
// scr-shell on a fresh lab; refusals (target objects missing, the standby powered off) that keep Next grey; a
// full disk mid-progress that stops the flow with nothing lost, then a second run that finishes; and "protect
// again" asking for the Enable wizard.

#include "consolefixture.h"
#include "portabilitywizard.h"

#include <QAbstractButton>
#include <QCheckBox>
#include <QDir>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace scr;
using scr::test::ConsoleFixture;

namespace {

const QString kCopyKey = QStringLiteral("copy:MBX1\\SG1>MBX3");
const QString kAction = QStringLiteral("Activate SCR copy MBX1\\SG1 on MBX3 by database portability...");

// A copy with no lag beyond SCR's own, mail shipped to it, the flow stopped.
QString copyScript()
{
    return QStringLiteral("Enable-StorageGroupCopy MBX1\\SG1 -StandbyMachine MBX3 -ReplayLagTime 0.0:0:0\n"
                          "Start-MailFlow MBX1\\SG1\\DB1 -MessagesPerMinute 120 -MessageSizeKB 500\n"
                          "Step-Simulation 0.00:02:00\n"
                          "Stop-MailFlow MBX1\\SG1\\DB1\n"
                          "Step-Simulation 0.00:00:30\n");
}

// tests/runbooks/prepare-target.ps1 with targetObjectsFor's names.
QString prepareScript()
{
    return QStringLiteral(
        "New-StorageGroup -Name SG1Target -Server MBX3 -LogFolderPath C:\\Temp\\SG1Target -SystemFolderPath "
        "C:\\Temp\\SG1Target\n"
        "New-MailboxDatabase -Name DB1Target -StorageGroup MBX3\\SG1Target -EdbFilePath "
        "C:\\Temp\\SG1Target\\DB1Target.edb\n"
        "Mount-Database MBX3\\SG1Target\\DB1Target\n"
        "Dismount-Database MBX3\\SG1Target\\DB1Target -Confirm:$false\n"
        "Enter-PSSession MBX3\n"
        "Remove-Item C:\\Temp\\SG1Target -Recurse\n"
        "Exit-PSSession\n");
}

QString statisticsScript(const QString &database)
{
    return QStringLiteral("Get-MailboxStatistics -Database %1 | ft DisplayName,ItemCount,TotalItemSize")
        .arg(database);
}

} // namespace

class TestWizardPortability : public QObject
{
    Q_OBJECT
    std::unique_ptr<ConsoleFixture> m_console;

    bool prepare(bool withTarget = true)
    {
        QString error;
        if (!m_console->run(copyScript(), &error)) {
            qWarning("copy: %s", qPrintable(error));
            return false;
        }
        if (withTarget && !m_console->run(prepareScript(), &error)) {
            qWarning("prepare: %s", qPrintable(error));
            return false;
        }
        return true;
    }
    PortabilityWizard *openFromActionPane()
    {
        return m_console->openByAction<PortabilityWizard>(kCopyKey, kAction);
    }
    // Introduction → the preview page, answered.
    static bool toPreview(PortabilityWizard *wizard)
    {
        wizard->next();
        if (wizard->currentId() != PortabilityWizard::PreviewPage)
            return false;
        return QTest::qWaitFor([wizard] { return wizard->previewLoaded(); }, 20000);
    }
    // The users' statistics (a system mailbox stays with the source database).
    QString userStatistics(const QString &database)
    {
        // Row by row: the table's widths follow its longest name, which the system mailbox was.
        QStringList rows;
        for (const QString &line : out(statisticsScript(database)).split(QLatin1Char('\n')))
            if (!line.contains(QStringLiteral("SystemMailbox")) &&
                !line.contains(QStringLiteral("System Attendant")) && !line.startsWith(QLatin1Char('-')) &&
                !line.simplified().isEmpty())
                rows << line.simplified();
        return rows.join(QLatin1Char('\n'));
    }
    QString out(const QString &script)
    {
        QString error;
        const auto text = m_console->run(script, &error);
        if (!text)
            qWarning("%s: %s", qPrintable(script), qPrintable(error));
        return text.value_or(QString());
    }
    static QString failures(ScrWizard *wizard)
    {
        return ConsoleFixture::checksSaying(wizard, PreflightCheck::Outcome::Fail);
    }
    static QString summaryText(ScrWizard *wizard)
    {
        return wizard->findChild<QPlainTextEdit *>(QStringLiteral("summary"))->toPlainText();
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init()
    {
        m_console = std::make_unique<ConsoleFixture>();
        QVERIFY(m_console->start());
    }
    void cleanup() { m_console.reset(); }

    void activatesWithTheSourceReachable()
    {
        QVERIFY(prepare());
        const QString recorded = userStatistics(QStringLiteral("MBX1\\SG1\\DB1"));
        QVERIFY(recorded.contains(QStringLiteral("ItemCount")));

        PortabilityWizard *wizard = openFromActionPane();
        QVERIFY(wizard);
        QVERIFY(toPreview(wizard));
        const auto state = wizard->state();
        QVERIFY2(state, qPrintable(wizard->previewError()));
        QVERIFY(state->rpo);
        QVERIFY(!state->rpo->losesData());
        QVERIFY(state->rpo->lastLogInspected > 0);
        const QString rpo = wizard->findChild<QLabel *>(QStringLiteral("rpoPreview"))->text();
        QVERIFY2(
            rpo.contains(QStringLiteral("Last copied log: generation %1").arg(state->rpo->lastLogInspected)),
            qPrintable(rpo));
        QVERIFY2(rpo.contains(QStringLiteral("Mail lost if activated now: none")), qPrintable(rpo));
        QVERIFY2(rpo.contains(QStringLiteral("Replay left at activation")), qPrintable(rpo));
        qInfo("RPO preview:\n%s", qPrintable(rpo));
        ConsoleFixture::screenshot(wizard, QStringLiteral("portability-preview"));
        auto *mailboxes = wizard->findChild<QTreeWidget *>(QStringLiteral("mailboxes"));
        int users = 0;
        int excluded = 0;
        for (int i = 0; i < mailboxes->topLevelItemCount(); ++i) {
            const QTreeWidgetItem *item = mailboxes->topLevelItem(i);
            users += item->data(0, Qt::UserRole).toString() == QStringLiteral("user");
            excluded += item->text(1).startsWith(QStringLiteral("Excluded"));
        }
        QCOMPARE(users, 20);
        QVERIFY(excluded > 0);

        QVERIFY(ConsoleFixture::nextUntil(wizard, ScrWizard::PreflightPage));
        QVERIFY(ConsoleFixture::waitForPreflight(wizard));
        ConsoleFixture::screenshot(wizard, QStringLiteral("portability-preflight"));
        QVERIFY(ConsoleFixture::nextUntil(wizard, ScrWizard::SummaryPage));
        ConsoleFixture::screenshot(wizard, QStringLiteral("portability-summary"));
        const QString summary = summaryText(wizard);
        QVERIFY(summary.contains(QStringLiteral("Dismount-Database MBX1\\SG1\\DB1 -Confirm:$false")));
        QVERIFY(summary.contains(
            QStringLiteral("Restore-StorageGroupCopy MBX1\\SG1 -StandbyMachine MBX3 -Confirm")));
        QVERIFY(!summary.contains(QStringLiteral("-Force")));
        QVERIFY(summary.contains(QStringLiteral("irreversible"))); // Restore-StorageGroupCopy ends the copy
        QVERIFY(summary.contains(QStringLiteral("eseutil /r E00")));
        QVERIFY(summary.contains(QStringLiteral("Move-DatabasePath MBX3\\SG1Target\\DB1Target")));
        QVERIFY(!wizard->findChild<QCheckBox *>(QStringLiteral("acceptLoss"))->isVisible());
        QVERIFY(wizard->findChild<QLabel *>(QStringLiteral("allowFileRestoreReason"))
                    ->text()
                    .contains(QStringLiteral("This database can be overwritten by a restore")));
        QTemporaryDir dir;
        const QString script = dir.filePath(QStringLiteral("portability.ps1"));
        QVERIFY(wizard->saveScript(script));

        QVERIFY(ConsoleFixture::runToCompletion(wizard));
        QCOMPARE(wizard->flowState(), ScrWizard::FlowState::Completed);
        ConsoleFixture::screenshot(wizard, QStringLiteral("portability-completion"));
        QVERIFY(wizard->findChild<QLabel *>(QStringLiteral("restoreReport"))
                    ->text()
                    .contains(QStringLiteral("No data was lost")));
        QVERIFY(wizard->findChild<QLabel *>(QStringLiteral("outlookNote"))
                    ->text()
                    .contains(QStringLiteral("Outlook 2003")));

        const QString db = out(QStringLiteral(
            "Get-MailboxDatabase MBX3\\SG1Target\\DB1Target -Status | fl EdbFilePath,Mounted"));
        QVERIFY2(db.contains(QStringLiteral("C:\\Exchange\\Data\\SG1\\DB1.edb")), qPrintable(db));
        QVERIFY2(db.contains(QStringLiteral("True")), qPrintable(db));
        const QString homes = out(QStringLiteral("Get-Mailbox | ft Name,Database"));
        QVERIFY(homes.count(QStringLiteral("MBX3\\SG1Target\\DB1Target")) == 20);
        const QString left =
            out(QStringLiteral("Get-Mailbox -Database MBX1\\SG1\\DB1 | ft Name,ObjectClass"));
        QVERIFY2(!left.contains(QStringLiteral(" User")), qPrintable(left));
        QCOMPARE(userStatistics(QStringLiteral("MBX3\\SG1Target\\DB1Target")), recorded);

        // The saved script on a fresh lab prepared the same way: the same directory state.
        QTemporaryDir other;
        const QString lab = other.filePath(QStringLiteral("lab"));
        QString error;
        QVERIFY2(ConsoleFixture::shell({QStringLiteral("--new-demo"), lab}, &error), qPrintable(error));
        QVERIFY2(
            ConsoleFixture::shell(
                {QStringLiteral("--lab"), lab, QStringLiteral("-c"), copyScript() + prepareScript()}, &error),
            qPrintable(error));
        QVERIFY2(ConsoleFixture::shell({QStringLiteral("--lab"), lab, script}, &error), qPrintable(error));
        const auto shellState = ConsoleFixture::shell(
            {QStringLiteral("--lab"), lab, QStringLiteral("-c"), ConsoleFixture::stateScript()}, &error);
        QVERIFY2(shellState, qPrintable(error));
        // Each demo lab names its system mailboxes by GUIDs of its own (so they also sort differently): the
        // GUIDs go, and the lines are compared in order.
        const auto normalized = [](QString text) {
            text.replace(QRegularExpression(QStringLiteral("\\{[0-9a-fA-F-]{36}\\}")),
                         QStringLiteral("{GUID}"));
            QStringList lines = text.split(QLatin1Char('\n'));
            lines.sort();
            return lines.join(QLatin1Char('\n'));
        };
        QCOMPARE(normalized(out(ConsoleFixture::stateScript())), normalized(*shellState));

        // Protect again: the Enable wizard for the activated storage group.
        QSignalSpy spy(wizard, &ScrWizard::enableCopiesRequested);
        auto *protect = wizard->findChild<QPushButton *>(QStringLiteral("protectAgain"));
        QVERIFY(protect);
        protect->click();
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(0).toStringList(), QStringList{QStringLiteral("MBX3\\SG1Target")});
        QCOMPARE(spy.at(0).at(1).toString(), QStringLiteral("MBX4")); // the other standby machine
    }

    void theSourceDownShowsTheLossToAccept()
    {
        QVERIFY(prepare());
        QVERIFY(m_console->run(QStringLiteral("Stop-Host MBX1")));
        PortabilityWizard *wizard = openFromActionPane();
        QVERIFY(wizard);
        QVERIFY(toPreview(wizard));
        const auto state = wizard->state();
        QVERIFY2(state && state->rpo, qPrintable(wizard->previewError()));
        QVERIFY(state->rpo->losesData());
        ConsoleFixture::screenshot(wizard, QStringLiteral("portability-preview-loss"));
        const QString rpo = wizard->findChild<QLabel *>(QStringLiteral("rpoPreview"))->text();
        QVERIFY2(
            rpo.contains(QStringLiteral("Mail lost if activated now: %1 log").arg(state->rpo->lostLogs())),
            qPrintable(rpo));
        QVERIFY(ConsoleFixture::nextUntil(wizard, ScrWizard::PreflightPage));
        QVERIFY(ConsoleFixture::waitForPreflight(wizard));
        QVERIFY(ConsoleFixture::checksSaying(wizard, PreflightCheck::Outcome::Warning)
                    .contains(QStringLiteral("never copied")));
        QVERIFY(ConsoleFixture::nextUntil(wizard, ScrWizard::SummaryPage));
        const QString summary = summaryText(wizard);
        QVERIFY(summary.contains(QStringLiteral("-Force")));
        QVERIFY(!summary.contains(QStringLiteral("Dismount-Database")));
        auto *accept = wizard->findChild<QCheckBox *>(QStringLiteral("acceptLoss"));
        QVERIFY(accept->isVisible());
        QVERIFY(accept->text().contains(QStringLiteral("I accept the loss of")));
        QVERIFY(!wizard->button(QWizard::CommitButton)->isEnabled());
        accept->setChecked(true);
        QVERIFY(wizard->button(QWizard::CommitButton)->isEnabled());
        QVERIFY(ConsoleFixture::runToCompletion(wizard));
        QCOMPARE(wizard->flowState(), ScrWizard::FlowState::Completed);
        const QString db = out(QStringLiteral(
            "Get-MailboxDatabase MBX3\\SG1Target\\DB1Target -Status | fl EdbFilePath,Mounted"));
        QVERIFY2(db.contains(QStringLiteral("True")), qPrintable(db));
        QVERIFY(wizard->findChild<QLabel *>(QStringLiteral("restoreReport"))
                    ->text()
                    .contains(QStringLiteral("Data was lost")));
    }

    void refusalsKeepNextGrey()
    {
        QVERIFY(prepare(false)); // no target objects
        PortabilityWizard *wizard = openFromActionPane();
        QVERIFY(wizard);
        QVERIFY(toPreview(wizard));
        QVERIFY(ConsoleFixture::nextUntil(wizard, ScrWizard::PreflightPage));
        QVERIFY(ConsoleFixture::waitForPreflight(wizard));
        QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());
        QVERIFY(ConsoleFixture::checksSaying(wizard, PreflightCheck::Outcome::Fail)
                    .contains(QStringLiteral("Prepare SCR Target on MBX3")));
        // The target made, the standby machine powered off: a failure of its own.
        QVERIFY(m_console->run(prepareScript()));
        QVERIFY(m_console->run(QStringLiteral("Stop-Host MBX3")));
        wizard->checkAgain();
        QVERIFY(ConsoleFixture::waitForPreflight(wizard));
        QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());
        QVERIFY(ConsoleFixture::checksSaying(wizard, PreflightCheck::Outcome::Fail)
                    .contains(QStringLiteral("powered off")));
        QVERIFY(m_console->run(QStringLiteral("Start-Host MBX3")));
        // MBX3's databases mount at startup: the target too, on its own (new) file; the check says so.
        wizard->checkAgain();
        QVERIFY(ConsoleFixture::waitForPreflight(wizard));
        QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());
        QVERIFY(failures(wizard).contains(QStringLiteral("mounted on its own file")));
        QVERIFY(
            m_console->run(QStringLiteral("Dismount-Database MBX3\\SG1Target\\DB1Target -Confirm:$false")));
        wizard->checkAgain();
        QVERIFY(ConsoleFixture::waitForPreflight(wizard));
        QVERIFY2(wizard->button(QWizard::NextButton)->isEnabled(), qPrintable(failures(wizard)));
        // A suspended copy is a warning (Restore-StorageGroupCopy resumes it for its final copy): Next stays.
        QVERIFY(m_console->run(QStringLiteral(
            "Suspend-StorageGroupCopy MBX1\\SG1 -StandbyMachine MBX3 -SuspendComment 'test'")));
        wizard->checkAgain();
        QVERIFY(ConsoleFixture::waitForPreflight(wizard));
        QVERIFY(ConsoleFixture::checksSaying(wizard, PreflightCheck::Outcome::Warning)
                    .contains(QStringLiteral("suspended")));
        QVERIFY(wizard->button(QWizard::NextButton)->isEnabled());
    }

    void aFullDiskStopsTheFlowAndASecondRunFinishes()
    {
        QVERIFY(prepare());
        const QString recorded = userStatistics(QStringLiteral("MBX1\\SG1\\DB1"));
        PortabilityWizard *wizard = openFromActionPane();
        QVERIFY(wizard);
        QVERIFY(toPreview(wizard));
        QVERIFY(ConsoleFixture::nextUntil(wizard, ScrWizard::SummaryPage));
        ConsoleWindow *window = m_console->window();
        connect(
            wizard, &ScrWizard::stepEnded, window,
            [wizard, window](int i) {
                if (wizard->steps()
                        .at(std::size_t(i))
                        .command.startsWith(QStringLiteral("Restore-StorageGroupCopy")))
                    window->runCommand(QStringLiteral("Invoke-Fault FillDisk -Server MBX3"));
            },
            Qt::DirectConnection);
        QVERIFY(ConsoleFixture::runToCompletion(wizard));
        QCOMPARE(wizard->flowState(), ScrWizard::FlowState::Failed);
        // Nothing lost: the copy's logs and database are on MBX3, the mailboxes still at home.
        const QString files =
            out(QStringLiteral("Enter-PSSession MBX3; Test-Path C:\\Exchange\\Logs\\SG1\\E00.log; "
                               "Test-Path C:\\Exchange\\Data\\SG1\\DB1.edb; Exit-PSSession"));
        QVERIFY2(files.count(QStringLiteral("True")) == 2, qPrintable(files));
        QVERIFY(out(QStringLiteral("Get-Mailbox -Database MBX1\\SG1\\DB1 | ft Name"))
                    .contains(QStringLiteral("Name")));
        wizard->button(QWizard::FinishButton)->click();
        QTRY_VERIFY(!m_console->openWizard());

        QVERIFY(m_console->run(QStringLiteral("Invoke-Fault FreeDisk -Server MBX3")));
        // Again, from where it stopped: the copy is activated already (its tree item is gone); the standby
        // machine offers to resume the activation.
        auto *again = m_console->openByAction<PortabilityWizard>(
            QStringLiteral("server:MBX3"),
            QStringLiteral("Resume activating MBX1\\SG1 on MBX3 by database portability..."));
        QVERIFY(again);
        QVERIFY(toPreview(again));
        QVERIFY2(again->state() && again->state()->alreadyRestored, qPrintable(again->previewError()));
        QVERIFY(ConsoleFixture::nextUntil(again, ScrWizard::SummaryPage));
        QVERIFY(!summaryText(again).contains(QStringLiteral("Restore-StorageGroupCopy")));
        QVERIFY(ConsoleFixture::runToCompletion(again));
        QCOMPARE(again->flowState(), ScrWizard::FlowState::Completed);
        QCOMPARE(userStatistics(QStringLiteral("MBX3\\SG1Target\\DB1Target")), recorded);
    }
};

QTEST_MAIN(TestWizardPortability)
#include "tst_wizard_portability.moc"
