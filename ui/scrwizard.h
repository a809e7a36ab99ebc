#pragma once
// ScrWizard: the frame every console wizard shares, in the EMC 2007 style. Introduction, the wizard's own
// configuration pages, then four pages of its own:
//   Pre-flight             read-only checks run on the lab's thread, each Passed / Warning / Failed with its
//                          fix; a failure keeps Next grey and says why ("Check Again" after fixing it)
//   Configuration Summary  every command the wizard will run, in EMS syntax (Save as script... here too)
//   Progress               the steps, run one at a time through the console (never on the GUI thread), each
//                          with its state and elapsed time; the first failure stops the flow; Cancel stops
//                          before the next step until a step marked irreversible has started
//   Completion             Completed / Failed / Cancelled and, per step, EMC's "Exchange Management Shell
//                          command completed:" (or "attempted:") with its command and Elapsed Time; Ctrl+C
//                          copies the text; "Save as script..." writes a .ps1 that scr-shell runs as it is
// A subclass adds its configuration pages (ids from 1 to PreflightPage - 1; QWizard visits ascending ids
// unless nextId() says otherwise) and pages between the summary and the progress (ids SummaryPage + 1 ..
// ProgressPage - 1: the last page before Progress is the commit page), and one prepare(): the model call, run
// on the lab's thread, that returns the Preparation (checks, steps, notes, the flow's own state) for what the
// pages hold. The wizard keeps the latest on the GUI thread and its pages read it (preparation()).
// Validation is the cmdlets': the checks call model/cmdlets' validators on the lab.

#include "cmdlets/wizardflow.h"
#include "ems/pipelinerunner.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QWizard>

#include <functional>
#include <memory>
#include <vector>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTreeWidget;
class QVBoxLayout;

namespace scr {

class Lab;

// How a wizard reaches the lab; the console window provides them (tests too, through the window).
struct WizardServices
{
    // Runs a command as the console does, stopping at its first error; returns its request id. The answer
    // comes to ScrWizard::scriptFinished.
    std::function<qint64(const QString &command)> run;
    // Runs work with the lab on the lab's thread, then done on the GUI thread; done is dropped when context
    // is gone by then. Read-only (pre-flight, previews): changes go through run.
    std::function<void(QObject *context, std::function<void(const Lab &)> work, std::function<void()> done)>
        onLab;
};

// A wizard page whose completeness is a function.
class WizardPage : public QWizardPage
{
    Q_OBJECT
public:
    using QWizardPage::QWizardPage;
    std::function<bool()> complete;
    bool isComplete() const override { return complete ? complete() : QWizardPage::isComplete(); }
    void refresh() { Q_EMIT completeChanged(); }
};

class ScrWizard : public QWizard
{
    Q_OBJECT
public:
    enum FixedPage {
        IntroductionPage = 0,
        PreflightPage = 100,
        SummaryPage = 110,
        ProgressPage = 120,
        CompletionPage = 130
    };
    enum class FlowState { NotStarted, Running, Completed, Failed, Cancelled };

    // title: the wizard's name ("Enable Storage Group Copy"); introduction: what it does, in a few lines.
    ScrWizard(const QString &title, const QString &introduction, WizardServices services,
              QWidget *parent = nullptr);
    ~ScrWizard() override;

    QString title() const { return m_title; }
    // README's heading for this wizard, which F1 opens (English: the help is README's text).
    QString helpSection() const { return m_helpSection; }
    // The steps as planned when the summary was shown (empty before).
    const std::vector<FlowStep> &steps() const { return m_steps; }
    const std::vector<StepOutcome> &outcomes() const { return m_outcomes; }
    // What the latest pre-flight round answered (empty before, and while a round is under way).
    const Preparation &preparation() const { return m_preparation; }
    const std::vector<PreflightCheck> &checks() const { return m_preparation.checks; }
    bool preflightDone() const { return m_preflightDone; }
    FlowState flowState() const { return m_flow; }
    // The completion page's text (what Ctrl+C copies).
    QString completionText() const;
    // Writes the planned steps as a .ps1 (flowScript) to path, atomically; false with why in *error.
    bool saveScript(const QString &path, QString *error = nullptr) const;

public Q_SLOTS:
    // Every script result of the console; the wizard picks its own by request id.
    void scriptFinished(qint64 requestId, const scr::ems::ScriptOutput &output);
    // Runs the pre-flight checks again (after the administrator fixed what failed).
    void checkAgain();

Q_SIGNALS:
    void flowEnded(scr::ScrWizard::FlowState state);
    // A step completed; the next one is queued only after the receivers of a direct connection returned
    // (so a test can inject a fault between two steps).
    void stepEnded(int index);
    // "Protect again" after an activation: the Enable wizard for these storage groups, standby preselected
    // (empty: the wizard's own choice). The console window opens it and closes this one.
    void enableCopiesRequested(const QStringList &storageGroups, const QString &standby);

protected:
    // The pre-flight for what the pages hold now, run on the lab's thread: one model call whose plain
    // arguments the closure captures by value (it outlives nothing of the wizard).
    virtual std::function<Preparation(const Lab &)> prepare() const = 0;
    // The commit button's text ("&Enable", "&Activate").
    virtual QString commitText() const { return tr("&Run"); }
    // Called on the GUI thread when the flow has ended (before the completion page shows): a subclass adds
    // what its completion page offers (a next step, a note) to layout, which is emptied first.
    virtual void fillCompletion(FlowState state, QVBoxLayout *layout)
    {
        Q_UNUSED(state);
        Q_UNUSED(layout);
    }
    // A step's output, once it completed (e.g. to read what Restore-StorageGroupCopy says was lost).
    virtual void stepCompleted(int index, const ems::ScriptOutput &output)
    {
        Q_UNUSED(index);
        Q_UNUSED(output);
    }

    const WizardServices &services() const { return m_services; }
    void setHelpSection(const QString &heading) { m_helpSection = heading; }
    // A page's layout for extra widgets: the summary page's (under the commands), e.g. a loss to accept.
    QVBoxLayout *summaryExtras() const { return m_summaryExtras; }
    // An extra condition for leaving the summary page (e.g. the loss accepted); refreshSummary() re-reads it.
    void setSummaryCondition(std::function<bool()> condition);
    void refreshSummary();

    void initializePage(int id) override;
    void cleanupPage(int id) override;
    // next() obeys the page's completeness as the Next button does (QWizard's next() alone would not).
    bool validateCurrentPage() override;
    void reject() override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    void buildIntroduction(const QString &introduction);
    void buildPreflight();
    void buildSummary();
    void buildProgress();
    void buildCompletion();
    void showPreparation(Preparation preparation);
    void startFlow();
    void runNext();
    void endFlow(FlowState state);
    void updateProgressRow(int index);
    void updateButtons();
    bool pastPointOfNoReturn() const; // an irreversible step has started and the flow still runs
    void saveScriptAs();
    void copyCompletion() const;

    QString m_title;
    QString m_helpSection = QStringLiteral("The wizards");
    WizardServices m_services;
    Preparation m_preparation;
    bool m_preflightDone = false;
    int m_preflightRound = 0; // answers of an earlier round are dropped
    std::vector<FlowStep> m_steps;
    std::vector<StepOutcome> m_outcomes;
    FlowState m_flow = FlowState::NotStarted;
    int m_next = 0;
    qint64 m_waitingFor = 0;
    bool m_cancelRequested = false;
    QElapsedTimer m_stepTimer;
    std::function<bool()> m_summaryCondition;

    WizardPage *m_preflightPage = nullptr;
    QLabel *m_preflightVerdict = nullptr;
    QTreeWidget *m_preflightList = nullptr;
    QPushButton *m_checkAgain = nullptr;
    WizardPage *m_summaryPage = nullptr;
    QPlainTextEdit *m_summary = nullptr;
    QVBoxLayout *m_summaryExtras = nullptr;
    WizardPage *m_progressPage = nullptr;
    QTreeWidget *m_progressList = nullptr;
    QLabel *m_progressNote = nullptr;
    WizardPage *m_completionPage = nullptr;
    QLabel *m_verdict = nullptr;
    QPlainTextEdit *m_completion = nullptr;
    QVBoxLayout *m_completionExtras = nullptr;
    QWidget *m_completionExtrasHolder = nullptr;
};

} // namespace scr
