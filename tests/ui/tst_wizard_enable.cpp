// The Enable Storage Group Copy wizard (ui/enablecopywizard) on a fresh demo lab, through the console
// window: each server is listed with whether it can take the copy and the cmdlet's own reason when not; the
// lag times are checked as typed and kept when refused; a pre-flight failure keeps Next grey until Check
// Again passes; the copy it enables becomes Healthy; a fault between two steps stops the flow and a second
// run finishes what the first did not; a seed is planned when a backup truncated the first logs; and the
// saved script run by scr-shell on a fresh lab ends in the same directory state.

#include "consolefixture.h"
#include "wizardservices.h"
#include "enablecopywizard.h"
#include "helpbrowser.h"

#include <QAbstractButton>
#include <QApplication>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace scr;
using scr::test::ConsoleFixture;

class TestWizardEnable : public QObject
{
    Q_OBJECT
    std::unique_ptr<ConsoleFixture> m_console;

    // Opens the wizard as an administrator does: the storage group's action in the action pane.
    EnableCopyWizard *openFor(const QString &sg)
    {
        return m_console->openByAction<EnableCopyWizard>(QStringLiteral("sg:") + sg,
                                                         QStringLiteral("Enable SCR for %1...").arg(sg));
    }
    // Opens it for several storage groups, as "protect again" after an activation does.
    EnableCopyWizard *openFor(const QStringList &sgs, const QString &standby)
    {
        auto *wizard = new EnableCopyWizard(m_console->window()->snapshot(), sgs, standby,
                                            wizardServices(m_console->client()), m_console->window());
        m_console->window()->openWizard(wizard);
        return wizard;
    }
    static QTreeWidget *standbyList(EnableCopyWizard *w)
    {
        return w->findChild<QTreeWidget *>(QStringLiteral("standbyList"));
    }
    static QTreeWidgetItem *standbyItem(EnableCopyWizard *w, const QString &server)
    {
        const auto found = standbyList(w)->findItems(server, Qt::MatchExactly, 0);
        return found.isEmpty() ? nullptr : found.front();
    }
    // Waits for the lab's answer on the standby page, then chooses server there.
    static bool choose(EnableCopyWizard *w, const QString &server)
    {
        w->next();
        if (w->currentId() != EnableCopyWizard::StandbyPage ||
            !QTest::qWaitFor([w] { return standbyList(w)->topLevelItemCount() > 0; }, 20000))
            return false;
        QTreeWidgetItem *item = standbyItem(w, server);
        if (!item)
            return false;
        standbyList(w)->setCurrentItem(item);
        return w->standbyMachine() == server;
    }
    static void setSpan(EnableCopyWizard *w, const QString &lag, int days, int hours, int minutes)
    {
        w->findChild<QSpinBox *>(lag + QStringLiteral("Days"))->setValue(days);
        w->findChild<QSpinBox *>(lag + QStringLiteral("Hours"))->setValue(hours);
        w->findChild<QSpinBox *>(lag + QStringLiteral("Minutes"))->setValue(minutes);
    }
    QString copyStatus(const QString &sg, const QString &standby)
    {
        // A storage group with no copy there reads Disabled (as EMS says it), which counts as none here.
        const QString out =
            m_console
                ->run(
                    QStringLiteral("Get-StorageGroupCopyStatus %1 -StandbyMachine %2 | fl SummaryCopyStatus")
                        .arg(sg, standby))
                .value_or(QStringLiteral("(no answer)"));
        return out.contains(QStringLiteral("SummaryCopyStatus : Disabled")) ? QString() : out;
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init()
    {
        m_console = std::make_unique<ConsoleFixture>();
        QVERIFY(m_console->start());
    }
    void cleanup() { m_console.reset(); }

    void enablesACopyThatBecomesHealthy()
    {
        const QString mailAndTime = QStringLiteral(
            "Start-MailFlow MBX1\\SG1\\DB1 -MessagesPerMinute 600; Step-Simulation 0.00:05:00");
        EnableCopyWizard *wizard = openFor(QStringLiteral("MBX1\\SG1"));
        QVERIFY(wizard);
        QVERIFY(choose(wizard, QStringLiteral("MBX3")));
        // Every server is listed, with the cmdlet's own reason where it cannot take the copy.
        QCOMPARE(standbyItem(wizard, QStringLiteral("MBX1"))->text(1), QStringLiteral("No"));
        QVERIFY(
            standbyItem(wizard, QStringLiteral("MBX1"))->text(2).contains(QStringLiteral("is the source")));
        QVERIFY2(
            standbyItem(wizard, QStringLiteral("MBX2"))->text(2).contains(QStringLiteral("already uses")),
            qPrintable(standbyItem(wizard, QStringLiteral("MBX2"))->text(2)));
        QCOMPARE(standbyItem(wizard, QStringLiteral("MBX4"))->text(1), QStringLiteral("Yes"));
        ConsoleFixture::screenshot(wizard, QStringLiteral("enable-standby"));
        QVERIFY(wizard->button(QWizard::NextButton)->isEnabled());
        wizard->next();
        QCOMPARE(wizard->currentId(), int(EnableCopyWizard::LagTimesPage));
        setSpan(wizard, QStringLiteral("replayLag"), 0, 0, 0);
        wizard->next();
        QVERIFY(ConsoleFixture::waitForPreflight(wizard));
        QVERIFY(preflightPasses(wizard->checks()));
        ConsoleFixture::screenshot(wizard, QStringLiteral("enable-preflight"));
        QVERIFY(ConsoleFixture::nextUntil(wizard, ScrWizard::SummaryPage));
        const QString summary = wizard->findChild<QPlainTextEdit *>(QStringLiteral("summary"))->toPlainText();
        QVERIFY2(summary.contains(QStringLiteral("Enable-StorageGroupCopy MBX1\\SG1 -StandbyMachine MBX3 "
                                                 "-ReplayLagTime 0.00:00:00 -TruncationLagTime 0.00:00:00")),
                 qPrintable(summary));
        QVERIFY(!summary.contains(QStringLiteral("Update-StorageGroupCopy"))); // the first log is there
        ConsoleFixture::screenshot(wizard, QStringLiteral("enable-summary"));
        QVERIFY(ConsoleFixture::runToCompletion(wizard));
        QCOMPARE(wizard->flowState(), ScrWizard::FlowState::Completed);
        ConsoleFixture::screenshot(wizard, QStringLiteral("enable-completion"));
        QVERIFY(wizard->completionText().contains(
            QStringLiteral("Exchange Management Shell command completed:")));

        // The copy ships and replays for real: Healthy once its logs are inspected.
        QVERIFY(m_console->run(mailAndTime));
        QTRY_VERIFY_WITH_TIMEOUT(copyStatus(QStringLiteral("MBX1\\SG1"), QStringLiteral("MBX3"))
                                     .contains(QStringLiteral("Healthy")),
                                 30000);

        // The saved script, run by scr-shell on a fresh demo lab, ends in the same directory state.
        QTemporaryDir dir;
        const QString script = dir.filePath(QStringLiteral("enable.ps1"));
        QVERIFY(wizard->saveScript(script));
        const QString lab = dir.filePath(QStringLiteral("lab"));
        QString error;
        QVERIFY2(ConsoleFixture::shell({QStringLiteral("--new-demo"), lab}, &error), qPrintable(error));
        QVERIFY2(ConsoleFixture::shell({QStringLiteral("--lab"), lab, script}, &error), qPrintable(error));
        QVERIFY2(
            ConsoleFixture::shell({QStringLiteral("--lab"), lab, QStringLiteral("-c"), mailAndTime}, &error),
            qPrintable(error));
        const auto viaShell = ConsoleFixture::shell(
            {QStringLiteral("--lab"), lab, QStringLiteral("-c"), ConsoleFixture::stateScript()}, &error);
        QVERIFY2(viaShell, qPrintable(error));
        const auto viaWizard = m_console->run(ConsoleFixture::stateScript(), &error);
        QVERIFY2(viaWizard, qPrintable(error));
        QCOMPARE(ConsoleFixture::comparableState(*viaWizard), ConsoleFixture::comparableState(*viaShell));
    }

    void lagTimesAreCheckedAsTypedAndKept()
    {
        EnableCopyWizard *wizard = openFor(QStringLiteral("MBX1\\SG2"));
        QVERIFY(wizard);
        QVERIFY(choose(wizard, QStringLiteral("MBX4")));
        wizard->next();
        QCOMPARE(wizard->replayLagMs(), qint64(24) * 3600 * 1000); // Exchange's default
        setSpan(wizard, QStringLiteral("replayLag"), 7, 1, 0);
        auto *note = wizard->findChild<QLabel *>(QStringLiteral("lagNote"));
        QVERIFY2(note->text().contains(QStringLiteral("ReplayLagTime 7.01:00:00 is out of range")),
                 qPrintable(note->text()));
        QVERIFY(note->text().contains(QStringLiteral("7.00:00:00"))); // the limit, in the rule's units
        QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());
        wizard->button(QWizard::NextButton)->click(); // refused: the page and what was typed stay
        wizard->next();
        QCOMPARE(wizard->currentId(), int(EnableCopyWizard::LagTimesPage));
        QCOMPARE(wizard->findChild<QSpinBox *>(QStringLiteral("replayLagHours"))->value(), 1);
        setSpan(wizard, QStringLiteral("truncationLag"), 7, 0, 30);
        QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());
        setSpan(wizard, QStringLiteral("replayLag"), 7, 0, 0);
        QVERIFY(note->text().contains(QStringLiteral("TruncationLagTime 7.00:30:00 is out of range")));
        setSpan(wizard, QStringLiteral("truncationLag"), 0, 2, 30);
        QVERIFY(wizard->button(QWizard::NextButton)->isEnabled());
        QCOMPARE(wizard->truncationLagMs(), qint64(150) * 60 * 1000);
        wizard->back(); // and back again: nothing typed is lost
        wizard->next();
        QCOMPARE(wizard->replayLagMs(), qint64(7) * 24 * 3600 * 1000);
        QCOMPARE(wizard->truncationLagMs(), qint64(150) * 60 * 1000);
    }

    void aServerThatCannotTakeTheCopySaysWhy()
    {
        QVERIFY(m_console->run(
            QStringLiteral("Enable-StorageGroupCopy MBX1\\SG1 -StandbyMachine MBX3; Stop-Host MBX4")));
        EnableCopyWizard *wizard = openFor(QStringLiteral("MBX1\\SG1"));
        QVERIFY(wizard);
        wizard->next();
        QTRY_VERIFY_WITH_TIMEOUT(standbyList(wizard)->topLevelItemCount() == 4, 20000);
        const auto why = [&](const char *server) {
            return standbyItem(wizard, QLatin1String(server))->text(2);
        };
        QVERIFY2(why("MBX3").contains(QStringLiteral("already holds the copies of MBX1\\SG1")),
                 qPrintable(why("MBX3")));
        QVERIFY2(why("MBX4").contains(QStringLiteral("powered off")), qPrintable(why("MBX4")));
        QVERIFY2(why("MBX4").contains(QStringLiteral("start the standby machine first")),
                 qPrintable(why("MBX4")));
        standbyList(wizard)->setCurrentItem(standbyItem(wizard, QStringLiteral("MBX4")));
        QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());
        QVERIFY(wizard->findChild<QLabel *>(QStringLiteral("standbyNote"))
                    ->text()
                    .contains(QStringLiteral("MBX4 cannot take the copy")));
    }

    void aPreflightFailureKeepsNextGrey()
    {
        EnableCopyWizard *wizard = openFor(QStringLiteral("MBX1\\SG1"));
        QVERIFY(wizard);
        QVERIFY(choose(wizard, QStringLiteral("MBX3")));
        wizard->next();
        QVERIFY(m_console->run(QStringLiteral("Stop-Host MBX3"))); // after it was chosen
        wizard->next();
        QCOMPARE(wizard->currentId(), int(ScrWizard::PreflightPage));
        QVERIFY(ConsoleFixture::waitForPreflight(wizard));
        QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());
        const PreflightCheck &failed = wizard->checks().front();
        QCOMPARE(failed.outcome, PreflightCheck::Outcome::Fail);
        QVERIFY2(failed.detail.contains(QStringLiteral("MBX3 is powered off")), qPrintable(failed.detail));
        QCOMPARE(failed.fix, QStringLiteral("start the standby machine first"));
        QVERIFY(m_console->run(QStringLiteral("Start-Host MBX3")));
        wizard->checkAgain();
        QVERIFY(ConsoleFixture::waitForPreflight(wizard));
        QVERIFY(wizard->button(QWizard::NextButton)->isEnabled());
    }

    void aFaultMidwayStopsItAndASecondRunFinishes()
    {
        const QStringList both{QStringLiteral("MBX1\\SG1"), QStringLiteral("MBX1\\SG2")};
        EnableCopyWizard *wizard = openFor(both, QStringLiteral("MBX4"));
        wizard->next();
        QTRY_COMPARE_WITH_TIMEOUT(wizard->standbyMachine(), QStringLiteral("MBX4"), 20000); // preselected
        QVERIFY(ConsoleFixture::nextUntil(wizard, ScrWizard::SummaryPage));
        QCOMPARE(int(wizard->steps().size()), 2);
        // The standby machine dies after the first copy was enabled, before the second.
        connect(
            wizard, &ScrWizard::stepEnded, m_console->window(),
            [this](int index) {
                if (index == 0)
                    m_console->window()->runCommand(QStringLiteral("Stop-Host MBX4"));
            },
            Qt::DirectConnection);
        QVERIFY(ConsoleFixture::runToCompletion(wizard));
        QCOMPARE(wizard->flowState(), ScrWizard::FlowState::Failed);
        QVERIFY2(wizard->outcomes().at(1).error.contains(QStringLiteral("MBX4: is powered off")),
                 qPrintable(wizard->outcomes().at(1).error));
        QVERIFY(copyStatus(QStringLiteral("MBX1\\SG1"), QStringLiteral("MBX4"))
                    .contains(QStringLiteral("SummaryCopyStatus")));
        QVERIFY(!copyStatus(QStringLiteral("MBX1\\SG2"), QStringLiteral("MBX4"))
                     .contains(QStringLiteral("SummaryCopyStatus")));
        wizard->button(QWizard::FinishButton)->click();

        // Fixed, and run again: what the first run did is skipped, the rest is done.
        QVERIFY(m_console->run(QStringLiteral("Start-Host MBX4")));
        EnableCopyWizard *again = openFor(both, QStringLiteral("MBX4"));
        again->next();
        QTRY_COMPARE_WITH_TIMEOUT(again->standbyMachine(), QStringLiteral("MBX4"), 20000);
        QVERIFY(standbyItem(again, QStringLiteral("MBX4"))->text(2).contains(QStringLiteral("skipped")));
        QVERIFY(ConsoleFixture::nextUntil(again, ScrWizard::SummaryPage));
        QCOMPARE(int(again->steps().size()), 1);
        QVERIFY(again->steps().front().command.contains(QStringLiteral("MBX1\\SG2")));
        QVERIFY(ConsoleFixture::runToCompletion(again));
        QCOMPARE(again->flowState(), ScrWizard::FlowState::Completed);
        for (const QString &sg : both)
            QVERIFY(copyStatus(sg, QStringLiteral("MBX4")).contains(QStringLiteral("SummaryCopyStatus")));
    }

    void f1OpensItsOwnSection()
    {
        EnableCopyWizard *wizard = openFor(QStringLiteral("MBX1\\SG1"));
        QVERIFY(wizard);
        QApplication::setActiveWindow(wizard); // what a window manager does (offscreen has none)
        QTRY_VERIFY(QApplication::activeWindow() == wizard);
        QTest::keyClick(QApplication::focusWidget() ? QApplication::focusWidget() : wizard, Qt::Key_F1);
        auto *help = m_console->window()->findChild<HelpBrowser *>();
        QTRY_VERIFY(help && help->isVisible());
        QCOMPARE(help->currentSection(), QStringLiteral("Enable Storage Group Copy"));
        QVERIFY(wizard->isVisible()); // the wizard stays, with what was typed
        QVERIFY(wizard->button(QWizard::HelpButton)->isVisible());
    }

    void seedsWhenABackupTruncatedTheFirstLogs()
    {
        // Mail fills and closes logs; the backup then truncates them all (no copy holds them back).
        QVERIFY(m_console->run(QStringLiteral("Start-MailFlow MBX2\\SG3\\DB3 -MessagesPerMinute 600; "
                                              "Step-Simulation 0.00:05:00; Start-DatabaseBackup MBX2\\SG3")));
        EnableCopyWizard *wizard = openFor(QStringLiteral("MBX2\\SG3"));
        QVERIFY(wizard);
        QVERIFY(choose(wizard, QStringLiteral("MBX4")));
        wizard->next();
        setSpan(wizard, QStringLiteral("replayLag"), 0, 0, 0);
        wizard->next();
        QVERIFY(ConsoleFixture::waitForPreflight(wizard));
        const QString warnings = ConsoleFixture::checksSaying(wizard, PreflightCheck::Outcome::Warning);
        QVERIFY2(warnings.contains(QStringLiteral("the wizard seeds the copy")), qPrintable(warnings));
        QVERIFY(ConsoleFixture::nextUntil(wizard, ScrWizard::SummaryPage));
        // TechNet's procedure: the new copy is suspended, then seeded (the seed resumes it).
        QCOMPARE(int(wizard->steps().size()), 3);
        QVERIFY(wizard->steps().at(1).command.startsWith(QStringLiteral("Suspend-StorageGroupCopy")));
        QVERIFY(wizard->steps().at(2).command.startsWith(QStringLiteral("Update-StorageGroupCopy")));
        QVERIFY(ConsoleFixture::runToCompletion(wizard));
        QCOMPARE(wizard->flowState(), ScrWizard::FlowState::Completed);
        QVERIFY(m_console->run(QStringLiteral("Step-Simulation 0.00:05:00")));
        QTRY_VERIFY_WITH_TIMEOUT(copyStatus(QStringLiteral("MBX2\\SG3"), QStringLiteral("MBX4"))
                                     .contains(QStringLiteral("Healthy")),
                                 30000);
    }
};

QTEST_MAIN(TestWizardEnable)
#include "tst_wizard_enable.moc"
