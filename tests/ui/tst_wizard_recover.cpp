// The Activate by Recover Server wizard (ui/recoverserverwizard) on a real demo lab through the console
// window: MBX1\SG1 and MBX1\SG2 copied to MBX3, MBX1 powered off; the wizard, opened from the action pane of
// MBX1, recovers MBX1 on MBX3 with both databases mounted and their mail (all but the open log's, which
// -Force loses), lists MBX1\SG3 as lost with the two choices; the saved .ps1 brings a fresh lab to the same
// state in scr-shell. Refusals: the standby machine powered off, the standby holding another server's copy,
// the warning page's box unticked. A fault after the first Restore stops the flow and loses nothing; run
// again, the wizard finishes from where it stopped.

#include "consolefixture.h"
#include "wizardservices.h"
#include "language.h"
#include "recoverserverwizard.h"

#include <QAbstractButton>
#include <QCheckBox>
#include <QDir>
#include <QFile>
#include <QLabel>
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

// Two storage groups of MBX1 copied to MBX3 (seeded, no lag), mail in both.
const QString kSetup =
    QStringLiteral("Enable-StorageGroupCopy MBX1\\SG1 -StandbyMachine MBX3 -ReplayLagTime 0.0:0:0; "
                   "Enable-StorageGroupCopy MBX1\\SG2 -StandbyMachine MBX3 -ReplayLagTime 0.0:0:0; "
                   "Update-StorageGroupCopy MBX1\\SG1 -StandbyMachine MBX3; "
                   "Update-StorageGroupCopy MBX1\\SG2 -StandbyMachine MBX3; "
                   "Start-MailFlow MBX1\\SG1\\DB1 -MessagesPerMinute 60; Start-MailFlow MBX1\\SG2\\DB2 "
                   "-MessagesPerMinute 60; "
                   "Step-Simulation 0.00:05:00; Stop-MailFlow MBX1\\SG1\\DB1; Stop-MailFlow MBX1\\SG2\\DB2; "
                   "Step-Simulation 0.00:05:00");
const QString kSetupNoMail =
    QStringLiteral("Enable-StorageGroupCopy MBX1\\SG1 -StandbyMachine MBX3 -ReplayLagTime 0.0:0:0; "
                   "Enable-StorageGroupCopy MBX1\\SG2 -StandbyMachine MBX3 -ReplayLagTime 0.0:0:0; "
                   "Update-StorageGroupCopy MBX1\\SG1 -StandbyMachine MBX3; "
                   "Update-StorageGroupCopy MBX1\\SG2 -StandbyMachine MBX3; Step-Simulation 0.00:02:00");

int sumOf(const QString &measured)
{
    static const QRegularExpression sum(QStringLiteral("Sum\\s*:\\s*(\\d+)"));
    const auto m = sum.match(measured);
    return m.hasMatch() ? m.captured(1).toInt() : -1;
}

// "DeliverMessage 3" of eseutil /ml: the messages in a log.
int deliveredIn(const QString &dump)
{
    static const QRegularExpression n(QStringLiteral("DeliverMessage (\\d+)"));
    const auto m = n.match(dump);
    return m.hasMatch() ? m.captured(1).toInt() : 0;
}

} // namespace

class TestWizardRecover : public QObject
{
    Q_OBJECT
    std::unique_ptr<ConsoleFixture> m_console;

    // From MBX1's action pane, or (item "copy:MBX1\\SG1>MBX3", text "Recover server MBX1 on MBX3...") from a
    // copy's, which preselects its standby machine.
    RecoverServerWizard *
    openFromActionPane(const QString &item = QStringLiteral("server:MBX1"),
                       const QString &text = QStringLiteral("Recover server MBX1 from its SCR copies..."))
    {
        return m_console->openByAction<RecoverServerWizard>(item, text);
    }
    // Introduction -> standby page (candidates in) -> storage groups page (read).
    static bool toStorageGroups(RecoverServerWizard *wizard)
    {
        wizard->next();
        if (wizard->currentId() != RecoverServerWizard::StandbyPage)
            return false;
        if (!QTest::qWaitFor([wizard] { return wizard->button(QWizard::NextButton)->isEnabled(); }, 20000))
            return false;
        wizard->next();
        auto *list = wizard->findChild<QTreeWidget *>(QStringLiteral("storageGroupsList"));
        return wizard->currentId() == RecoverServerWizard::StorageGroupsPage &&
               QTest::qWaitFor([list] { return list->topLevelItemCount() > 0; }, 20000);
    }
    static QString groupsText(RecoverServerWizard *wizard)
    {
        QString text;
        auto *list = wizard->findChild<QTreeWidget *>(QStringLiteral("storageGroupsList"));
        for (int i = 0; i < list->topLevelItemCount(); ++i)
            text += list->topLevelItem(i)->text(0) + QLatin1Char(' ') + list->topLevelItem(i)->text(1) +
                    QLatin1Char('\n');
        return text;
    }
    // The summary's boxes that accept a storage group's loss of mail (one per storage group that loses some).
    static QList<QCheckBox *> acceptBoxes(RecoverServerWizard *wizard)
    {
        QList<QCheckBox *> out;
        for (QCheckBox *box : wizard->findChildren<QCheckBox *>())
            if (box->objectName().startsWith(QStringLiteral("acceptLoss:")))
                out << box;
        return out;
    }
    // From wherever it is, to the warning page: the losses accepted on the summary page.
    static bool toWarningPage(RecoverServerWizard *wizard)
    {
        if (!ConsoleFixture::nextUntil(wizard, ScrWizard::SummaryPage))
            return false;
        for (QCheckBox *box : acceptBoxes(wizard))
            box->setChecked(true);
        return ConsoleFixture::nextUntil(wizard, RecoverServerWizard::WarningPage);
    }
    // The storage groups page's row of a storage group.
    static QTreeWidgetItem *groupItem(RecoverServerWizard *wizard, const QString &identity)
    {
        auto *list = wizard->findChild<QTreeWidget *>(QStringLiteral("storageGroupsList"));
        for (int i = 0; i < list->topLevelItemCount(); ++i)
            if (list->topLevelItem(i)->text(0) == identity)
                return list->topLevelItem(i);
        return nullptr;
    }
    QString out(const QString &script)
    {
        QString error;
        auto text = m_console->run(script, &error);
        if (!text)
            qWarning("%s", qPrintable(error));
        return text.value_or(QString());
    }
    bool mountedOnMbx1(const QString &db)
    {
        const DatabaseSnapshot *d = m_console->database(db);
        const ServerRecord *s = m_console->window()->snapshot().server(QStringLiteral("MBX1"));
        const HostRecord *h = s ? m_console->window()->snapshot().host(s->host) : nullptr;
        return d && d->mounted && h && h->poweredOn;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(installLanguage(QStringLiteral("en"))); // English's plurals: "1 log", "2 logs"
    }
    void init()
    {
        m_console = std::make_unique<ConsoleFixture>();
        QVERIFY(m_console->start());
    }
    void cleanup() { m_console.reset(); }

    void recoversEveryCopiedStorageGroup()
    {
        QVERIFY(m_console->run(kSetup));
        const int before1 = sumOf(out(QStringLiteral(
            "Get-MailboxStatistics -Database MBX1\\SG1\\DB1 | Measure-Object ItemCount -Sum")));
        const int before2 = sumOf(out(QStringLiteral(
            "Get-MailboxStatistics -Database MBX1\\SG2\\DB2 | Measure-Object ItemCount -Sum")));
        QVERIFY(before1 > 0 && before2 > 0);
        // What the open logs hold: never copied, lost by Restore -Force (the RPO).
        const int open1 = deliveredIn(
            out(QStringLiteral("Enter-PSSession MBX1; eseutil /ml C:\\Exchange\\Logs\\SG1\\E00.log")));
        const int open2 = deliveredIn(
            out(QStringLiteral("Enter-PSSession MBX1; eseutil /ml C:\\Exchange\\Logs\\SG2\\E01.log")));
        QVERIFY(m_console->run(QStringLiteral("Stop-Host MBX1")));

        RecoverServerWizard *wizard = openFromActionPane();
        QVERIFY(wizard);
        QVERIFY(toStorageGroups(wizard));
        auto *standby = wizard->findChild<QTreeWidget *>(QStringLiteral("standbyList"));
        QCOMPARE(standby->currentItem()->text(0), QStringLiteral("MBX3"));
        QCOMPARE(standby->currentItem()->text(1), QStringLiteral("2"));
        const QString groups = groupsText(wizard);
        QVERIFY2(groups.contains(QStringLiteral("MBX1\\SG3 LOST")), qPrintable(groups));
        QVERIFY2(groups.contains(QStringLiteral("MBX1\\SG1 Activated")), qPrintable(groups));
        ConsoleFixture::screenshot(wizard, QStringLiteral("recover-storagegroups"));
        QVERIFY(wizard->findChild<QLabel *>(QStringLiteral("storageGroupsNote"))
                    ->text()
                    .contains(QStringLiteral("Mount-Database -Force")));

        QVERIFY(ConsoleFixture::nextUntil(wizard, ScrWizard::PreflightPage));
        QVERIFY(ConsoleFixture::waitForPreflight(wizard));
        ConsoleFixture::screenshot(wizard, QStringLiteral("recover-preflight"));
        QVERIFY(ConsoleFixture::checksSaying(wizard, PreflightCheck::Outcome::Warning)
                    .contains(QStringLiteral("MBX1\\SG3")));
        QVERIFY(ConsoleFixture::nextUntil(wizard, ScrWizard::SummaryPage));
        ConsoleFixture::screenshot(wizard, QStringLiteral("recover-summary"));
        const QString summary =
            wizard->findChild<QWidget *>(QStringLiteral("summary"))->property("plainText").toString();
        for (const char *expected :
             {"Restore-StorageGroupCopy MBX1\\SG1 -StandbyMachine MBX3 -Force -Confirm:$false",
              "Restore-StorageGroupCopy MBX1\\SG2 -StandbyMachine MBX3 -Force -Confirm:$false",
              "Reset the computer account of MBX1", "setup /m:Uninstall", "Rename-Computer -NewName MBX1",
              "setup /m:RecoverServer", "eseutil /r E01", "Mount-Database MBX1\\SG2\\DB2"})
            QVERIFY2(summary.contains(QLatin1String(expected)), expected);
        QVERIFY(!summary.contains(QStringLiteral("Restore-StorageGroupCopy MBX1\\SG3")));
        // The open logs are lost (the source is down): each loss is accepted before the wizard goes on.
        for (QCheckBox *box : acceptBoxes(wizard))
            box->setChecked(true);

        // The warning page is the commit page: its box unticked, the commit button is grey.
        wizard->next();
        QCOMPARE(wizard->currentId(), int(RecoverServerWizard::WarningPage));
        QVERIFY(wizard->currentPage()->isCommitPage());
        auto *understand = wizard->findChild<QCheckBox *>(QStringLiteral("understand"));
        QVERIFY(understand->isVisible());
        QVERIFY(!understand->isChecked());
        QVERIFY(!wizard->button(QWizard::CommitButton)->isEnabled());
        ConsoleFixture::screenshot(wizard, QStringLiteral("recover-warning"));
        understand->setChecked(true);
        QVERIFY(wizard->button(QWizard::CommitButton)->isEnabled());
        QVERIFY(ConsoleFixture::runToCompletion(wizard));
        QCOMPARE(wizard->flowState(), ScrWizard::FlowState::Completed);
        ConsoleFixture::screenshot(wizard, QStringLiteral("recover-completion"));

        QVERIFY(m_console->run(QStringLiteral("Get-Host")));
        QVERIFY(mountedOnMbx1(QStringLiteral("MBX1\\SG1\\DB1")));
        QVERIFY(mountedOnMbx1(QStringLiteral("MBX1\\SG2\\DB2")));
        const QString servers = out(QStringLiteral("Get-ExchangeServer MBX1 | ft Name,Host"));
        QVERIFY2(servers.contains(QRegularExpression(QStringLiteral("MBX1\\s+MBX1\\b"))),
                 qPrintable(servers));
        QVERIFY(out(QStringLiteral("Get-Host MBX1")).contains(QStringLiteral("True")));
        QVERIFY(!m_console->window()->snapshot().server(QStringLiteral("MBX3"))); // uninstalled
        // The mail copied is there: all of it but the open logs' (lost by -Force, as Restore said).
        QCOMPARE(sumOf(out(QStringLiteral(
                     "Get-MailboxStatistics -Database MBX1\\SG1\\DB1 | Measure-Object ItemCount -Sum"))),
                 before1 - open1);
        QCOMPARE(sumOf(out(QStringLiteral(
                     "Get-MailboxStatistics -Database MBX1\\SG2\\DB2 | Measure-Object ItemCount -Sum"))),
                 before2 - open2);
        auto *lost = wizard->findChild<QLabel *>(QStringLiteral("completionLost"));
        QVERIFY(lost && lost->isVisible());
        QVERIFY(lost->text().contains(QStringLiteral("MBX1\\SG3")));
        QVERIFY(lost->text().contains(QStringLiteral("Mount-Database MBX1\\SG3\\DB3 -Force")));
        QVERIFY(wizard->findChild<QLabel *>(QStringLiteral("completionRecovered"))
                    ->text()
                    .contains(QStringLiteral("MBX1\\SG2\\DB2")));

        // The saved script brings a fresh lab, set up the same way, to the same state.
        QTemporaryDir dir;
        const QString script = dir.filePath(QStringLiteral("recover.ps1"));
        QVERIFY(wizard->saveScript(script));
        const QString lab = dir.filePath(QStringLiteral("lab"));
        QString error;
        QVERIFY2(ConsoleFixture::shell({QStringLiteral("--new-demo"), lab}, &error), qPrintable(error));
        QVERIFY2(ConsoleFixture::shell({QStringLiteral("--lab"), lab, QStringLiteral("-c"),
                                        kSetup + QStringLiteral("; Stop-Host MBX1")},
                                       &error),
                 qPrintable(error));
        QVERIFY2(ConsoleFixture::shell({QStringLiteral("--lab"), lab, script}, &error), qPrintable(error));
        auto shellState = ConsoleFixture::shell(
            {QStringLiteral("--lab"), lab, QStringLiteral("-c"), ConsoleFixture::stateScript()}, &error);
        QVERIFY2(shellState, qPrintable(error));
        const QString wizardState = ConsoleFixture::comparableState(out(ConsoleFixture::stateScript()));
        *shellState = ConsoleFixture::comparableState(*shellState);
        if (*shellState != wizardState) {
            QFile a(QDir::temp().filePath(QStringLiteral("recover-shell-state.txt")));
            QFile b(QDir::temp().filePath(QStringLiteral("recover-wizard-state.txt")));
            if (a.open(QIODevice::WriteOnly) && b.open(QIODevice::WriteOnly)) {
                a.write(shellState->toUtf8());
                b.write(wizardState.toUtf8());
            }
        }
        QVERIFY2(*shellState == wizardState,
                 qPrintable(*shellState + QStringLiteral("\n---- the wizard's lab:\n") + wizardState));

        // Protect again: the Enable wizard for the recovered storage groups.
        auto *protect = wizard->findChild<QPushButton *>(QStringLiteral("protectAgain"));
        QVERIFY(protect && protect->isVisible());
        QSignalSpy asked(wizard, &ScrWizard::enableCopiesRequested);
        protect->click();
        QCOMPARE(asked.count(), 1);
        QCOMPARE(asked.at(0).at(0).toStringList(),
                 QStringList({QStringLiteral("MBX1\\SG1"), QStringLiteral("MBX1\\SG2")}));
    }

    // Issue 22: Recover Server shows, for each storage group it activates, the mail lost (the portability
    // wizard's RPO preview), and goes on only once each loss is accepted. MBX1\SG2's copy suspended
    // before more mail: it loses the logs it never copied as well as the open log.
    void showsTheMailLostAndAsksForEachLossToBeAccepted()
    {
        QVERIFY(m_console->run(kSetupNoMail));
        QVERIFY(m_console->run(QStringLiteral(
            "Suspend-StorageGroupCopy MBX1\\SG2 -StandbyMachine MBX3 -SuspendComment 'patch day'; "
            "Start-MailFlow MBX1\\SG1\\DB1 -MessagesPerMinute 60; "
            "Start-MailFlow MBX1\\SG2\\DB2 -MessagesPerMinute 600 -MessageSizeKB 100; "
            "Step-Simulation 0.00:05:00; Stop-MailFlow MBX1\\SG1\\DB1; Stop-MailFlow MBX1\\SG2\\DB2; "
            "Step-Simulation 0.00:01:00")));
        const QString status = out(QStringLiteral("Get-StorageGroupCopyStatus MBX1\\SG2 -StandbyMachine MBX3 "
                                                  "| fl LastLogGenerated,LastLogInspected"));
        static const QRegularExpression generated(QStringLiteral("LastLogGenerated\\s*:\\s*(\\d+)"));
        static const QRegularExpression inspected(QStringLiteral("LastLogInspected\\s*:\\s*(\\d+)"));
        const int neverCopied =
            generated.match(status).captured(1).toInt() - inspected.match(status).captured(1).toInt();
        QVERIFY2(neverCopied > 1, qPrintable(status));
        QVERIFY(m_console->run(QStringLiteral("Stop-Host MBX1")));

        RecoverServerWizard *wizard = openFromActionPane();
        QVERIFY(wizard);
        QVERIFY(toStorageGroups(wizard));
        // The storage groups page: the loss of each activated storage group, and the preview's lines.
        QTreeWidgetItem *sg1 = groupItem(wizard, QStringLiteral("MBX1\\SG1"));
        QTreeWidgetItem *sg2 = groupItem(wizard, QStringLiteral("MBX1\\SG2"));
        QVERIFY(sg1 && sg2);
        QVERIFY2(sg1->text(3).contains(QStringLiteral("1 log")), qPrintable(sg1->text(3)));
        QVERIFY2(sg2->text(3).contains(QStringLiteral("%1 logs").arg(neverCopied + 1)),
                 qPrintable(sg2->text(3)));
        const QString rpo = wizard->findChild<QLabel *>(QStringLiteral("rpoPreview"))->text();
        for (const QString &expected :
             {QStringLiteral("MBX1\\SG1:"), QStringLiteral("MBX1\\SG2:"),
              QStringLiteral("Mail lost if activated now: %1 logs").arg(neverCopied + 1),
              QStringLiteral("Replay left at activation")})
            QVERIFY2(rpo.contains(expected), qPrintable(expected + QStringLiteral(" in:\n") + rpo));
        QVERIFY(!rpo.contains(QStringLiteral("MBX1\\SG3:"))); // lost entirely: no copy, no preview

        // The summary: one box per storage group that loses mail; Next only once both are ticked.
        QVERIFY(ConsoleFixture::nextUntil(wizard, ScrWizard::SummaryPage));
        const QList<QCheckBox *> boxes = acceptBoxes(wizard);
        QCOMPARE(boxes.size(), 2);
        QCheckBox *accept1 = wizard->findChild<QCheckBox *>(QStringLiteral("acceptLoss:MBX1\\SG1"));
        QCheckBox *accept2 = wizard->findChild<QCheckBox *>(QStringLiteral("acceptLoss:MBX1\\SG2"));
        QVERIFY(accept1 && accept2 && accept1->isVisible() && accept2->isVisible());
        QVERIFY2(accept2->text().contains(QStringLiteral("%1 logs").arg(neverCopied + 1)),
                 qPrintable(accept2->text()));
        QVERIFY(accept2->text().contains(QStringLiteral("MBX1\\SG2")));
        QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());
        accept1->setChecked(true);
        QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());
        accept2->setChecked(true);
        QVERIFY(wizard->button(QWizard::NextButton)->isEnabled());
        accept1->setChecked(false);
        QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());
        ConsoleFixture::screenshot(wizard, QStringLiteral("recover-acceptloss"));
    }

    void aPoweredOffStandbyFails()
    {
        QVERIFY(m_console->run(kSetupNoMail));
        QVERIFY(m_console->run(QStringLiteral("Stop-Host MBX1; Stop-Host MBX3")));
        RecoverServerWizard *wizard = openFromActionPane(QStringLiteral("copy:MBX1\\SG1>MBX3"),
                                                         QStringLiteral("Recover server MBX1 on MBX3..."));
        QVERIFY(wizard);
        QVERIFY(toStorageGroups(wizard));
        auto *standby = wizard->findChild<QTreeWidget *>(QStringLiteral("standbyList"));
        QCOMPARE(standby->currentItem()->text(0), QStringLiteral("MBX3"));
        QVERIFY2(standby->currentItem()->text(2).contains(QStringLiteral("powered off")),
                 qPrintable(standby->currentItem()->text(2)));
        wizard->next();
        QCOMPARE(wizard->currentId(), int(ScrWizard::PreflightPage));
        QVERIFY(ConsoleFixture::waitForPreflight(wizard));
        QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());
        QVERIFY(ConsoleFixture::checksSaying(wizard, PreflightCheck::Outcome::Fail)
                    .contains(QStringLiteral("Start-Host MBX3")));
        // Fixed, checked again: it passes (nothing typed was lost).
        QVERIFY(m_console->run(QStringLiteral("Start-Host MBX3")));
        wizard->checkAgain();
        QVERIFY(ConsoleFixture::waitForPreflight(wizard));
        QVERIFY(wizard->button(QWizard::NextButton)->isEnabled());
    }

    void aStandbyHoldingAnotherServersCopyFails()
    {
        // MBX2\SG3 has the paths of MBX1\SG3, which is not copied to MBX3: no collision.
        QVERIFY(m_console->run(kSetupNoMail +
                               QStringLiteral("; Enable-StorageGroupCopy MBX2\\SG3 -StandbyMachine MBX3")));
        QVERIFY(m_console->run(QStringLiteral("Stop-Host MBX1")));
        RecoverServerWizard *wizard = openFromActionPane();
        QVERIFY(wizard);
        QVERIFY(toStorageGroups(wizard));
        auto *standby = wizard->findChild<QTreeWidget *>(QStringLiteral("standbyList"));
        QVERIFY2(standby->currentItem()->text(2).contains(QStringLiteral("MBX2\\SG3")),
                 qPrintable(standby->currentItem()->text(2)));
        wizard->next();
        QVERIFY(ConsoleFixture::waitForPreflight(wizard));
        QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());
        bool said = false;
        for (const PreflightCheck &c : wizard->checks())
            said =
                said || (c.outcome == PreflightCheck::Outcome::Fail &&
                         c.fix.contains(QStringLiteral("Disable-StorageGroupCopy MBX2\\SG3 -StandbyMachine "
                                                       "MBX3")) &&
                         c.fix.contains(QStringLiteral("another standby")));
        QVERIFY(said);
    }

    void aFaultMidwayLosesNothingAndRunningAgainFinishes()
    {
        QVERIFY(m_console->run(kSetup));
        QVERIFY(m_console->run(QStringLiteral("Stop-Host MBX1")));
        RecoverServerWizard *wizard = openFromActionPane();
        QVERIFY(wizard);
        QVERIFY(toStorageGroups(wizard));
        QVERIFY(toWarningPage(wizard));
        wizard->findChild<QCheckBox *>(QStringLiteral("understand"))->setChecked(true);
        // The standby machine goes down after the first Restore.
        connect(
            wizard, &ScrWizard::stepEnded, m_console->window(),
            [this](int i) {
                if (i == 0)
                    m_console->window()->runCommand(QStringLiteral("Stop-Host MBX3"));
            },
            Qt::DirectConnection);
        QVERIFY(ConsoleFixture::runToCompletion(wizard));
        QCOMPARE(wizard->flowState(), ScrWizard::FlowState::Failed);
        QVERIFY2(wizard->outcomes().at(0).state == StepState::Completed,
                 qPrintable(wizard->outcomes().at(0).error));
        QCOMPARE(wizard->outcomes().at(1).state, StepState::Failed);
        QCOMPARE(wizard->outcomes().at(2).state, StepState::NotRun);
        QVERIFY(wizard->findChild<QLabel *>(QStringLiteral("completionRecovered"))
                    ->text()
                    .contains(QStringLiteral("run this wizard again")));
        QVERIFY(!wizard->findChild<QPushButton *>(QStringLiteral("protectAgain")));
        // Nothing lost: MBX3 still has its Exchange server, the copy of SG2 is still there.
        QVERIFY(m_console->run(QStringLiteral("Start-Host MBX3")));
        QVERIFY(m_console->window()->snapshot().server(QStringLiteral("MBX3")));
        // (A storage group with no copy reads Disabled: the copy itself is asked for.)
        const QString sg2 = out(QStringLiteral(
            "Get-StorageGroupCopyStatus MBX1\\SG2 -StandbyMachine MBX3 | fl SummaryCopyStatus"));
        QVERIFY2(sg2.contains(QStringLiteral("SummaryCopyStatus")) &&
                     !sg2.contains(QStringLiteral("Disabled")),
                 qPrintable(sg2));
        wizard->button(QWizard::FinishButton)->click();
        QTRY_VERIFY(!m_console->openWizard());

        // Again: it plans from the state (SG1's Restore is done) and finishes.
        wizard = openFromActionPane();
        QVERIFY(wizard);
        QVERIFY(toStorageGroups(wizard));
        const QString groups = groupsText(wizard);
        QVERIFY2(groups.contains(QStringLiteral("MBX1\\SG1 Activated already")), qPrintable(groups));
        QVERIFY(toWarningPage(wizard));
        QVERIFY(!wizard->steps().empty());
        QVERIFY(
            wizard->steps().front().command.startsWith(QStringLiteral("Restore-StorageGroupCopy MBX1\\SG2")));
        for (const FlowStep &s : wizard->steps())
            QVERIFY(!s.command.startsWith(QStringLiteral("Restore-StorageGroupCopy MBX1\\SG1")));
        wizard->findChild<QCheckBox *>(QStringLiteral("understand"))->setChecked(true);
        QVERIFY(ConsoleFixture::runToCompletion(wizard));
        QCOMPARE(wizard->flowState(), ScrWizard::FlowState::Completed);
        QVERIFY(m_console->run(QStringLiteral("Get-Host")));
        QVERIFY(mountedOnMbx1(QStringLiteral("MBX1\\SG1\\DB1")));
        QVERIFY(mountedOnMbx1(QStringLiteral("MBX1\\SG2\\DB2")));
    }

    void afterTheIrreversibleStepsByHandItFinishes()
    {
        // Half the runbook done in the shell: both copies activated, Exchange uninstalled, host renamed.
        QVERIFY(m_console->run(kSetup));
        QVERIFY(m_console->run(QStringLiteral("Stop-Host MBX1")));
        QString error;
        QVERIFY2(m_console->run(
                     QStringLiteral(
                         "Restore-StorageGroupCopy MBX1\\SG1 -StandbyMachine MBX3 -Force -Confirm:$false; "
                         "Restore-StorageGroupCopy MBX1\\SG2 -StandbyMachine MBX3 -Force -Confirm:$false; "
                         "Enter-PSSession MBX3; setup /m:Uninstall; Rename-Computer -NewName MBX1"),
                     &error),
                 qPrintable(error));
        // No copy is left to offer the action from: the wizard is opened as the console would.
        auto *wizard = new RecoverServerWizard(m_console->window()->snapshot(), QStringLiteral("MBX1"),
                                               wizardServices(m_console->client()), m_console->window());
        m_console->window()->openWizard(wizard);
        QVERIFY(toStorageGroups(wizard));
        auto *standby = wizard->findChild<QTreeWidget *>(QStringLiteral("standbyList"));
        QCOMPARE(standby->currentItem()->text(0), QStringLiteral("MBX1")); // the renamed standby's host
        const QString groups = groupsText(wizard);
        QVERIFY2(groups.contains(QStringLiteral("MBX1\\SG2 Activated already")), qPrintable(groups));
        QVERIFY2(groups.contains(QStringLiteral("MBX1\\SG3 LOST")), qPrintable(groups));
        QVERIFY(toWarningPage(wizard));
        QStringList commands;
        for (const FlowStep &s : wizard->steps())
            commands << s.command;
        const QString all = commands.join(QLatin1Char('\n'));
        QVERIFY2(!all.contains(QStringLiteral("Restore-StorageGroupCopy")) &&
                     !all.contains(QStringLiteral("Uninstall")) &&
                     !all.contains(QStringLiteral("Rename-Computer")),
                 qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("setup /m:RecoverServer")), qPrintable(all));
        wizard->findChild<QCheckBox *>(QStringLiteral("understand"))->setChecked(true);
        QVERIFY(ConsoleFixture::runToCompletion(wizard));
        QVERIFY2(wizard->flowState() == ScrWizard::FlowState::Completed,
                 qPrintable(wizard->completionText()));
        QVERIFY(m_console->run(QStringLiteral("Get-Host")));
        QVERIFY(mountedOnMbx1(QStringLiteral("MBX1\\SG1\\DB1")));
        QVERIFY(mountedOnMbx1(QStringLiteral("MBX1\\SG2\\DB2")));
    }
};

QTEST_MAIN(TestWizardRecover)
#include "tst_wizard_recover.moc"
