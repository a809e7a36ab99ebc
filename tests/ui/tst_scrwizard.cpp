// The frame every wizard shares (ui/scrwizard), on a real lab through the console window: a failed
// pre-flight check keeps Next grey and says why until Check Again passes; the steps run one at a time on the
// lab's thread; the first failure stops the rest; Cancel stops before the next step (never mid-step) and is
// unavailable once an irreversible step has started; the completion page says what ran (Ctrl+C copies it);
// the saved script is the plan; and a wizard can be completed with the keyboard alone.

#include "cmdlets/validation.h"
#include "consolefixture.h"
#include "wizardservices.h"
#include "lab/lab.h"
#include "scrwizard.h"

#include <QAbstractButton>
#include <QApplication>
#include <QClipboard>
#include <QFile>
#include <QLabel>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace scr;
using scr::test::ConsoleFixture;

namespace {

// A wizard of the frame alone: one check (MBX4 is powered on) and the commands it is given.
class ProbeWizard final : public ScrWizard
{
public:
    ProbeWizard(std::vector<FlowStep> steps, WizardServices services, QWidget *parent)
        : ScrWizard(QStringLiteral("Probe"), QStringLiteral("Runs the steps it is given."),
                    std::move(services), parent),
          m_planned(std::move(steps))
    {
        setObjectName(QStringLiteral("probeWizard"));
    }

protected:
    std::function<Preparation(const Lab &)> prepare() const override
    {
        // Each round's answer says which round asked (notes), so a test can tell an earlier one from the
        // latest.
        return [planned = m_planned, round = ++m_rounds](const Lab &lab) {
            PreflightCheck c;
            c.check = QStringLiteral("MBX4 is powered on");
            if (!cmdlets::isPoweredOn(lab, QStringLiteral("MBX4"))) {
                c.outcome = PreflightCheck::Outcome::Fail;
                c.detail = QStringLiteral("MBX4 is powered off");
                c.fix = QStringLiteral("Start-Host MBX4");
            }
            Preparation p;
            p.checks.push_back(c);
            p.steps = planned;
            p.notes << QString::number(round);
            return p;
        };
    }

private:
    std::vector<FlowStep> m_planned;
    mutable int m_rounds = 0;
};

} // namespace

class TestScrWizard : public QObject
{
    Q_OBJECT
    std::unique_ptr<ConsoleFixture> m_console;

    ProbeWizard *open(std::vector<FlowStep> steps)
    {
        auto *wizard =
            new ProbeWizard(std::move(steps), wizardServices(m_console->client()), m_console->window());
        m_console->window()->openWizard(wizard);
        return wizard;
    }
    bool hostOn(const QString &host) const
    {
        const HostRecord *h = m_console->window()->snapshot().host(host);
        return h && h->poweredOn;
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init()
    {
        m_console = std::make_unique<ConsoleFixture>();
        QVERIFY(m_console->start());
    }
    void cleanup() { m_console.reset(); }

    void aFailedCheckKeepsNextGreyUntilItPasses()
    {
        QVERIFY(m_console->run(QStringLiteral("Stop-Host MBX4")));
        ProbeWizard *wizard =
            open({{QStringLiteral("List the servers"), QStringLiteral("Get-ExchangeServer")}});
        wizard->next();
        QCOMPARE(wizard->currentId(), int(ScrWizard::PreflightPage));
        QVERIFY(ConsoleFixture::waitForPreflight(wizard));
        QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());
        const QString verdict = wizard->findChild<QLabel *>(QStringLiteral("preflightVerdict"))->text();
        QVERIFY2(verdict.contains(QStringLiteral("1 check failed")) ||
                     verdict.contains(QStringLiteral("failed")),
                 qPrintable(verdict));
        QCOMPARE(wizard->checks().front().fix, QStringLiteral("Start-Host MBX4"));
        QVERIFY(m_console->run(QStringLiteral("Start-Host MBX4")));
        wizard->checkAgain();
        QVERIFY(!wizard->preflightDone()); // asked again: Next stays grey until the answer
        QVERIFY(ConsoleFixture::waitForPreflight(wizard));
        QVERIFY(wizard->button(QWizard::NextButton)->isEnabled());
        QVERIFY(ConsoleFixture::nextUntil(wizard, ScrWizard::SummaryPage));
        QVERIFY(wizard->findChild<QWidget *>(QStringLiteral("summary")));
    }

    // The frame keeps the latest round's Preparation: an earlier round's answer, which arrives first, is
    // dropped, and the summary shows (and the flow runs) the latest round's steps.
    void keepsTheLatestPreparation()
    {
        const std::vector<FlowStep> steps{
            {QStringLiteral("List the servers"), QStringLiteral("Get-ExchangeServer")}};
        ProbeWizard *wizard = open(steps);
        wizard->next(); // round 1
        QCOMPARE(wizard->currentId(), int(ScrWizard::PreflightPage));
        wizard->checkAgain(); // round 2, asked before round 1 answered
        QVERIFY(ConsoleFixture::waitForPreflight(wizard));
        QCOMPARE(wizard->preparation().notes, QStringList{QStringLiteral("2")});
        QVERIFY(ConsoleFixture::nextUntil(wizard, ScrWizard::SummaryPage));
        QCOMPARE(wizard->steps().size(), std::size_t(1));
        QCOMPARE(wizard->steps().front().command, QStringLiteral("Get-ExchangeServer"));
    }

    void completesAndSaysWhatRan()
    {
        const std::vector<FlowStep> steps{
            {QStringLiteral("Advance the clock"), QStringLiteral("Step-Simulation 0.00:00:10")},
            {QStringLiteral("Power MBX4 off"), QStringLiteral("Stop-Host MBX4")}};
        ProbeWizard *wizard = open(steps);
        QVERIFY(ConsoleFixture::nextUntil(wizard, ScrWizard::SummaryPage));
        QVERIFY(ConsoleFixture::runToCompletion(wizard));
        QCOMPARE(wizard->flowState(), ScrWizard::FlowState::Completed);
        QTRY_VERIFY(!hostOn(QStringLiteral("MBX4"))); // the steps ran for real
        const QString text = wizard->completionText();
        QCOMPARE(text.count(QStringLiteral("Exchange Management Shell command completed:")), 2);
        QVERIFY(text.contains(QStringLiteral("Stop-Host MBX4")));
        QVERIFY(text.contains(QStringLiteral("Elapsed Time: 00:00:")));
        // Ctrl+C on the completion page copies all of it.
        QApplication::clipboard()->clear();
        QTest::keyClick(wizard->findChild<QWidget *>(QStringLiteral("completion")), Qt::Key_C,
                        Qt::ControlModifier);
        QCOMPARE(QApplication::clipboard()->text(), text);
        // The saved script is the plan, as scr-shell runs it.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("probe.ps1"));
        QVERIFY(wizard->saveScript(path));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(file.readAll()), flowScript(QStringLiteral("Probe"), steps));
        QVERIFY(wizard->button(QWizard::FinishButton)->isVisible());
        QVERIFY(!wizard->button(QWizard::CancelButton)->isVisible());
        wizard->button(QWizard::FinishButton)->click();
        QTRY_VERIFY(!m_console->openWizard());
    }

    void theFirstFailureStopsTheRest()
    {
        ProbeWizard *wizard = open({{QStringLiteral("Mount a database that is not there"),
                                     QStringLiteral("Mount-Database MBX9\\SG1\\DB1")},
                                    {QStringLiteral("Power MBX4 off"), QStringLiteral("Stop-Host MBX4")}});
        QVERIFY(ConsoleFixture::nextUntil(wizard, ScrWizard::SummaryPage));
        QVERIFY(ConsoleFixture::runToCompletion(wizard));
        QCOMPARE(wizard->flowState(), ScrWizard::FlowState::Failed);
        QCOMPARE(wizard->outcomes().at(0).state, StepState::Failed);
        QVERIFY(wizard->outcomes().at(0).error.contains(QStringLiteral("MBX9")));
        QCOMPARE(wizard->outcomes().at(1).state, StepState::NotRun);
        QVERIFY(wizard->completionText().contains(
            QStringLiteral("Exchange Management Shell command attempted:")));
        QVERIFY(m_console->run(QStringLiteral("Get-Host"))); // everything queued has run
        QVERIFY(hostOn(QStringLiteral("MBX4")));             // the second step never ran
    }

    void cancelStopsBeforeTheNextStep()
    {
        ProbeWizard *wizard =
            open({{QStringLiteral("Advance the clock"), QStringLiteral("Step-Simulation 0.00:01:00")},
                  {QStringLiteral("Power MBX4 off"), QStringLiteral("Stop-Host MBX4")}});
        QVERIFY(ConsoleFixture::nextUntil(wizard, ScrWizard::SummaryPage));
        wizard->button(QWizard::CommitButton)->click();
        QCOMPARE(wizard->flowState(), ScrWizard::FlowState::Running);
        wizard->button(QWizard::CancelButton)->click(); // the first step is under way on the lab's thread
        QVERIFY(wizard->isVisible());                   // the wizard stays to say what ran
        QTRY_COMPARE(wizard->currentId(), int(ScrWizard::CompletionPage));
        QCOMPARE(wizard->flowState(), ScrWizard::FlowState::Cancelled);
        QCOMPARE(wizard->outcomes().at(0).state, StepState::Completed); // never stopped mid-step
        QCOMPARE(wizard->outcomes().at(1).state, StepState::Cancelled);
        QVERIFY(m_console->run(QStringLiteral("Get-Host")));
        QVERIFY(hostOn(QStringLiteral("MBX4")));
    }

    void noCancelPastThePointOfNoReturn()
    {
        ProbeWizard *wizard =
            open({{QStringLiteral("Power MBX4 off"), QStringLiteral("Stop-Host MBX4"), true},
                  {QStringLiteral("Power MBX4 on"), QStringLiteral("Start-Host MBX4")}});
        QVERIFY(ConsoleFixture::nextUntil(wizard, ScrWizard::SummaryPage));
        QVERIFY(wizard->findChild<QWidget *>(QStringLiteral("summary"))
                    ->property("plainText")
                    .toString()
                    .contains(QStringLiteral("irreversible")));
        wizard->button(QWizard::CommitButton)->click();
        QVERIFY(!wizard->button(QWizard::CancelButton)->isEnabled());
        QTest::keyClick(wizard, Qt::Key_Escape); // Esc neither: the flow runs to its end
        QTRY_COMPARE(wizard->currentId(), int(ScrWizard::CompletionPage));
        QCOMPARE(wizard->flowState(), ScrWizard::FlowState::Completed);
        QTRY_VERIFY(hostOn(QStringLiteral("MBX4")));
    }

    void theKeyboardAloneCompletesIt()
    {
        ProbeWizard *wizard = open({{QStringLiteral("Power MBX4 off"), QStringLiteral("Stop-Host MBX4")}});
        // What a window manager does for a new dialog (offscreen has none).
        QApplication::setActiveWindow(wizard);
        QTRY_VERIFY(QApplication::activeWindow() == wizard);
        // Every key goes where the keyboard's focus is, as a user's would.
        auto press = [wizard](Qt::Key key) {
            QWidget *target = QApplication::focusWidget() ? QApplication::focusWidget() : wizard;
            QVERIFY2(target->window() == wizard,
                     qPrintable(target->objectName() + QStringLiteral(" active: ") +
                                (QApplication::activeWindow() ? QApplication::activeWindow()->objectName()
                                                              : QStringLiteral("none"))));
            QTest::keyClick(target, key);
        };
        press(Qt::Key_Return); // Introduction: Next is the default button
        QCOMPARE(wizard->currentId(), int(ScrWizard::PreflightPage));
        QVERIFY(ConsoleFixture::waitForPreflight(wizard));
        QTRY_VERIFY(wizard->button(QWizard::NextButton)->isEnabled());
        press(Qt::Key_Return);
        QCOMPARE(wizard->currentId(), int(ScrWizard::SummaryPage));
        press(Qt::Key_Return); // the commit button
        QTRY_COMPARE_WITH_TIMEOUT(wizard->currentId(), int(ScrWizard::CompletionPage), 20000);
        QCOMPARE(wizard->flowState(), ScrWizard::FlowState::Completed);
        press(Qt::Key_Return); // Finish
        QTRY_VERIFY(!m_console->openWizard());
        QTRY_VERIFY(!hostOn(QStringLiteral("MBX4")));
    }
};

QTEST_MAIN(TestScrWizard)
#include "tst_scrwizard.moc"
