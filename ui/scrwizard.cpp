#include "scrwizard.h"

#include <QApplication>
#include <QClipboard>
#include <QFileDialog>
#include <QFontDatabase>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QShortcut>
#include <QStyle>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace scr {
namespace {

// The completion text: Ctrl+C with nothing selected copies all of it, as on EMC's completion page.
class CompletionView final : public QPlainTextEdit
{
public:
    using QPlainTextEdit::QPlainTextEdit;

protected:
    void keyPressEvent(QKeyEvent *event) override
    {
        if (event->matches(QKeySequence::Copy) && !textCursor().hasSelection()) {
            QApplication::clipboard()->setText(toPlainText());
            return;
        }
        QPlainTextEdit::keyPressEvent(event);
    }
};

QIcon outcomeIcon(const QWidget *w, PreflightCheck::Outcome outcome)
{
    switch (outcome) {
    case PreflightCheck::Outcome::Pass:
        return w->style()->standardIcon(QStyle::SP_DialogApplyButton);
    case PreflightCheck::Outcome::Warning:
        return w->style()->standardIcon(QStyle::SP_MessageBoxWarning);
    case PreflightCheck::Outcome::Fail:
        return w->style()->standardIcon(QStyle::SP_MessageBoxCritical);
    }
    return {};
}

QString stateName(StepState state)
{
    switch (state) {
    case StepState::NotRun:
        return ScrWizard::tr("Pending");
    case StepState::Running:
        return ScrWizard::tr("Running");
    case StepState::Completed:
        return ScrWizard::tr("Completed");
    case StepState::Failed:
        return ScrWizard::tr("Failed");
    case StepState::Cancelled:
        return ScrWizard::tr("Not run (cancelled)");
    }
    return {};
}

QPlainTextEdit *monospaceView(QPlainTextEdit *view, const QString &name)
{
    view->setObjectName(name);
    view->setReadOnly(true);
    view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    view->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    return view;
}

} // namespace

ScrWizard::ScrWizard(const QString &title, const QString &introduction, WizardServices services,
                     QWidget *parent)
    : QWizard(parent), m_title(title), m_services(std::move(services))
{
    setWindowTitle(title);
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    setOption(QWizard::NoBackButtonOnLastPage);
    setOption(QWizard::HaveCustomButton1);
    // EMC's Help button, and F1 anywhere in the wizard: README's section for this wizard.
    setOption(QWizard::HaveHelpButton);
    button(QWizard::HelpButton)->setObjectName(QStringLiteral("helpButton"));
    auto *f1 = new QShortcut(QKeySequence::HelpContents, this);
    connect(f1, &QShortcut::activated, this, &QWizard::helpRequested);
    setButtonText(QWizard::CustomButton1, tr("&Save as Script..."));
    button(QWizard::CustomButton1)->setObjectName(QStringLiteral("saveScript"));
    button(QWizard::CustomButton1)
        ->setAccessibleDescription(
            tr("Writes the wizard's commands as a .ps1 script that scr-shell runs as it is"));
    connect(this, &QWizard::customButtonClicked, this, [this](int which) {
        if (which == QWizard::CustomButton1)
            saveScriptAs();
    });
    connect(this, &QWizard::currentIdChanged, this, &ScrWizard::updateButtons);
    buildIntroduction(introduction);
    buildPreflight();
    buildSummary();
    buildProgress();
    buildCompletion();
    resize(780, 580);
    updateButtons();
}

ScrWizard::~ScrWizard() = default;

void ScrWizard::buildIntroduction(const QString &introduction)
{
    auto *page = new WizardPage;
    page->setObjectName(QStringLiteral("introductionPage"));
    page->setTitle(tr("Introduction"));
    page->setSubTitle(m_title);
    auto *text = new QLabel(introduction);
    text->setObjectName(QStringLiteral("introduction"));
    text->setWordWrap(true);
    text->setTextFormat(Qt::PlainText);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(text);
    layout->addStretch();
    setPage(IntroductionPage, page);
}

void ScrWizard::buildPreflight()
{
    m_preflightPage = new WizardPage;
    m_preflightPage->setObjectName(QStringLiteral("preflightPage"));
    m_preflightPage->setTitle(tr("Pre-flight Checks"));
    m_preflightPage->setSubTitle(
        tr("Read-only checks of the servers, copies and disks involved. Nothing has been changed yet."));
    m_preflightVerdict = new QLabel;
    m_preflightVerdict->setObjectName(QStringLiteral("preflightVerdict"));
    m_preflightVerdict->setWordWrap(true);
    m_preflightList = new QTreeWidget;
    m_preflightList->setObjectName(QStringLiteral("preflightChecks"));
    m_preflightList->setAccessibleName(tr("Pre-flight checks"));
    m_preflightList->setHeaderLabels({tr("Check"), tr("Result")});
    m_preflightList->setWordWrap(true);
    m_preflightList->setRootIsDecorated(true);
    m_preflightList->header()->setStretchLastSection(false);
    m_preflightList->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_preflightList->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_checkAgain = new QPushButton(tr("C&heck Again"));
    m_checkAgain->setObjectName(QStringLiteral("checkAgain"));
    m_checkAgain->setAccessibleDescription(
        tr("Runs the pre-flight checks again, after you fixed what failed"));
    connect(m_checkAgain, &QPushButton::clicked, this, &ScrWizard::checkAgain);
    auto *layout = new QVBoxLayout(m_preflightPage);
    layout->addWidget(m_preflightVerdict);
    layout->addWidget(m_preflightList, 1);
    layout->addWidget(m_checkAgain, 0, Qt::AlignLeft);
    m_preflightPage->complete = [this] { return m_preflightDone && preflightPasses(m_preparation.checks); };
    setPage(PreflightPage, m_preflightPage);
}

void ScrWizard::buildSummary()
{
    m_summaryPage = new WizardPage;
    m_summaryPage->setObjectName(QStringLiteral("summaryPage"));
    m_summaryPage->setTitle(tr("Configuration Summary"));
    m_summaryPage->setSubTitle(
        tr("The wizard will run these Exchange Management Shell commands, one at a time, "
           "in this order. The first that fails stops the rest."));
    m_summary = monospaceView(new QPlainTextEdit, QStringLiteral("summary"));
    m_summary->setAccessibleName(tr("Commands the wizard will run"));
    m_summaryExtras = new QVBoxLayout;
    auto *layout = new QVBoxLayout(m_summaryPage);
    layout->addWidget(m_summary, 1);
    layout->addLayout(m_summaryExtras);
    m_summaryPage->complete = [this] {
        return !m_steps.empty() && (!m_summaryCondition || m_summaryCondition());
    };
    setPage(SummaryPage, m_summaryPage);
}

void ScrWizard::buildProgress()
{
    m_progressPage = new WizardPage;
    m_progressPage->setObjectName(QStringLiteral("progressPage"));
    m_progressPage->setTitle(tr("Progress"));
    m_progressPage->setSubTitle(tr("The commands run on the lab's thread; the console stays usable."));
    m_progressList = new QTreeWidget;
    m_progressList->setObjectName(QStringLiteral("progress"));
    m_progressList->setAccessibleName(tr("Steps and their state"));
    m_progressList->setRootIsDecorated(false);
    m_progressList->setHeaderLabels({tr("Step"), tr("State"), tr("Elapsed Time")});
    m_progressList->header()->setStretchLastSection(false);
    m_progressList->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_progressList->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_progressList->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_progressNote = new QLabel;
    m_progressNote->setObjectName(QStringLiteral("progressNote"));
    m_progressNote->setWordWrap(true);
    auto *layout = new QVBoxLayout(m_progressPage);
    layout->addWidget(m_progressList, 1);
    layout->addWidget(m_progressNote);
    m_progressPage->complete = [this] {
        return m_flow != FlowState::NotStarted && m_flow != FlowState::Running;
    };
    setPage(ProgressPage, m_progressPage);
}

void ScrWizard::buildCompletion()
{
    m_completionPage = new WizardPage;
    m_completionPage->setObjectName(QStringLiteral("completionPage"));
    m_completionPage->setTitle(tr("Completion"));
    m_completionPage->setFinalPage(true);
    m_verdict = new QLabel;
    m_verdict->setObjectName(QStringLiteral("verdict"));
    m_verdict->setWordWrap(true);
    QFont bold = m_verdict->font();
    bold.setBold(true);
    m_verdict->setFont(bold);
    m_completion = monospaceView(new CompletionView, QStringLiteral("completion"));
    m_completion->setAccessibleName(tr("What the wizard did"));
    m_completion->setAccessibleDescription(tr("Ctrl+C copies all of it"));
    m_completionExtrasHolder = new QWidget;
    m_completionExtras = new QVBoxLayout(m_completionExtrasHolder);
    m_completionExtras->setContentsMargins(0, 0, 0, 0);
    auto *hint = new QLabel(tr("To copy the contents of this page, press Ctrl+C."));
    auto *layout = new QVBoxLayout(m_completionPage);
    layout->addWidget(m_verdict);
    layout->addWidget(m_completion, 1);
    layout->addWidget(m_completionExtrasHolder);
    layout->addWidget(hint);
    setPage(CompletionPage, m_completionPage);
}

void ScrWizard::setSummaryCondition(std::function<bool()> condition)
{
    m_summaryCondition = std::move(condition);
    refreshSummary();
}

void ScrWizard::refreshSummary()
{
    m_summaryPage->refresh();
}

void ScrWizard::initializePage(int id)
{
    // The commit page is the last before Progress (the summary, unless the wizard adds a warning after it).
    int commit = SummaryPage;
    for (int pageId : pageIds())
        if (pageId > commit && pageId < ProgressPage)
            commit = pageId;
    if (QWizardPage *p = page(commit); p && !p->isCommitPage()) {
        p->setCommitPage(true);
        setButtonText(QWizard::CommitButton, commitText());
    }

    switch (id) {
    case PreflightPage:
        checkAgain();
        break;
    case SummaryPage: {
        m_steps = m_preparation.steps;
        QString text;
        for (std::size_t i = 0; i < m_steps.size(); ++i) {
            text += QStringLiteral("%1. %2\n").arg(i + 1).arg(m_steps[i].title);
            if (m_steps[i].irreversible)
                text += tr("   (irreversible: once this step starts the wizard cannot be cancelled)") +
                        QLatin1Char('\n');
            text += QStringLiteral("   %1\n\n").arg(m_steps[i].command);
        }
        m_summary->setPlainText(text);
        m_summaryPage->refresh();
        break;
    }
    case ProgressPage:
        startFlow();
        break;
    default:
        break;
    }
    QWizard::initializePage(id);
}

void ScrWizard::cleanupPage(int id)
{
    // Back from the pre-flight: its answers are for the configuration the pages held; a late one is dropped.
    if (id == PreflightPage) {
        ++m_preflightRound;
        m_preflightDone = false;
    }
    QWizard::cleanupPage(id);
}

void ScrWizard::checkAgain()
{
    const int round = ++m_preflightRound;
    m_preflightDone = false;
    m_preparation = {};
    m_preflightList->clear();
    m_preflightVerdict->setText(tr("Checking..."));
    m_checkAgain->setEnabled(false);
    m_preflightPage->refresh();
    // The answer is written on the lab's thread and read on the GUI thread only once done runs (queued
    // after the work), and only by this round.
    auto answer = std::make_shared<Preparation>();
    m_services.onLab(
        this, [answer, prepared = prepare()](const Lab &lab) { *answer = prepared(lab); },
        [this, answer, round] {
            if (round == m_preflightRound)
                showPreparation(std::move(*answer));
        });
}

void ScrWizard::showPreparation(Preparation preparation)
{
    m_preparation = std::move(preparation);
    m_preflightDone = true;
    m_checkAgain->setEnabled(true);
    m_preflightList->clear();
    int failures = 0;
    int warnings = 0;
    for (const PreflightCheck &c : m_preparation.checks) {
        auto *item = new QTreeWidgetItem(m_preflightList, {c.check, outcomeName(c.outcome)});
        item->setIcon(1, outcomeIcon(this, c.outcome));
        if (!c.detail.isEmpty())
            new QTreeWidgetItem(item, {c.detail});
        if (!c.fix.isEmpty() && c.outcome != PreflightCheck::Outcome::Pass)
            new QTreeWidgetItem(item, {tr("To fix: %1").arg(c.fix)});
        item->setExpanded(c.outcome != PreflightCheck::Outcome::Pass);
        failures += c.outcome == PreflightCheck::Outcome::Fail;
        warnings += c.outcome == PreflightCheck::Outcome::Warning;
    }
    if (failures > 0)
        m_preflightVerdict->setText(
            tr("%n check(s) failed. Next stays unavailable until they pass: do what each says, then click "
               "Check Again. Nothing has been changed.",
               nullptr, failures));
    else if (warnings > 0)
        m_preflightVerdict->setText(
            tr("All checks passed, %n with a warning: read it before you go on.", nullptr, warnings));
    else
        m_preflightVerdict->setText(tr("All %n check(s) passed.", nullptr, int(m_preparation.checks.size())));
    m_preflightPage->refresh();
}

void ScrWizard::startFlow()
{
    m_outcomes.assign(m_steps.size(), StepOutcome{});
    m_progressList->clear();
    for (const FlowStep &step : m_steps)
        new QTreeWidgetItem(m_progressList, {step.title, stateName(StepState::NotRun), QString()});
    m_next = 0;
    m_cancelRequested = false;
    m_flow = FlowState::Running;
    m_progressNote->clear();
    m_progressPage->refresh();
    runNext();
}

void ScrWizard::runNext()
{
    if (m_next >= static_cast<int>(m_steps.size())) {
        endFlow(FlowState::Completed);
        return;
    }
    if (m_cancelRequested) {
        endFlow(FlowState::Cancelled);
        return;
    }
    StepOutcome &o = m_outcomes[static_cast<std::size_t>(m_next)];
    o.state = StepState::Running;
    updateProgressRow(m_next);
    updateButtons();
    m_stepTimer.start();
    m_waitingFor = m_services.run(m_steps[static_cast<std::size_t>(m_next)].command);
}

bool ScrWizard::validateCurrentPage()
{
    return currentPage() && currentPage()->isComplete() && QWizard::validateCurrentPage();
}

void ScrWizard::scriptFinished(qint64 requestId, const ems::ScriptOutput &output)
{
    const bool ok = output.ok;
    if (m_waitingFor == 0 || requestId != m_waitingFor || m_flow != FlowState::Running)
        return;
    m_waitingFor = 0;
    StepOutcome &o = m_outcomes[static_cast<std::size_t>(m_next)];
    o.elapsedMs = m_stepTimer.elapsed();
    o.output = output.text;
    o.error = output.errorText();
    o.state = ok ? StepState::Completed : StepState::Failed;
    updateProgressRow(m_next);
    if (!ok) {
        endFlow(FlowState::Failed);
        return;
    }
    stepCompleted(m_next, output);
    Q_EMIT stepEnded(m_next); // before the next step is queued: a test's fault lands between the two
    ++m_next;
    runNext();
}

void ScrWizard::endFlow(FlowState state)
{
    m_flow = state;
    if (state == FlowState::Cancelled)
        for (std::size_t i = static_cast<std::size_t>(m_next); i < m_outcomes.size(); ++i) {
            m_outcomes[i].state = StepState::Cancelled;
            updateProgressRow(static_cast<int>(i));
        }
    switch (state) {
    case FlowState::Completed:
        m_verdict->setText(tr("Completed: the wizard completed successfully. %n step(s) ran.", nullptr,
                              int(m_steps.size())));
        break;
    case FlowState::Failed:
        m_verdict->setText(tr("Failed: step %1 of %2 failed and stopped the wizard; the steps after it were "
                              "not run. Its error says why and what to do; then run the wizard again.")
                               .arg(m_next + 1)
                               .arg(m_steps.size()));
        break;
    case FlowState::Cancelled:
        m_verdict->setText(tr("Cancelled: %1 of %2 step(s) ran; the others were not started.")
                               .arg(m_next)
                               .arg(m_steps.size()));
        break;
    default:
        break;
    }
    m_completion->setPlainText(scr::completionText(m_title, m_steps, m_outcomes));
    // The wizard's own offers (a next step, a note): emptied first, as a flow can end more than once.
    while (QLayoutItem *item = m_completionExtras->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    fillCompletion(state, m_completionExtras);
    m_completionExtrasHolder->setVisible(m_completionExtras->count() > 0);
    m_progressPage->refresh();
    updateButtons();
    Q_EMIT flowEnded(state);
    // On to the completion page, as EMC's progress page turns into it.
    QTimer::singleShot(0, this, [this] {
        if (currentId() == ProgressPage)
            next();
    });
}

void ScrWizard::updateProgressRow(int index)
{
    QTreeWidgetItem *item = m_progressList->topLevelItem(index);
    if (!item)
        return;
    const StepOutcome &o = m_outcomes[static_cast<std::size_t>(index)];
    item->setText(1, stateName(o.state));
    item->setText(2, o.state == StepState::Completed || o.state == StepState::Failed
                         ? elapsedText(o.elapsedMs)
                         : QString());
    QStyle::StandardPixmap icon = QStyle::SP_CustomBase;
    switch (o.state) {
    case StepState::Running:
        icon = QStyle::SP_MediaPlay;
        break;
    case StepState::Completed:
        icon = QStyle::SP_DialogApplyButton;
        break;
    case StepState::Failed:
        icon = QStyle::SP_MessageBoxCritical;
        break;
    default:
        break;
    }
    item->setIcon(1, icon == QStyle::SP_CustomBase ? QIcon() : style()->standardIcon(icon));
    if (o.state == StepState::Running || o.state == StepState::Failed)
        m_progressList->scrollToItem(item);
}

bool ScrWizard::pastPointOfNoReturn() const
{
    if (m_flow != FlowState::Running)
        return false;
    for (int i = 0; i <= m_next && i < static_cast<int>(m_steps.size()); ++i)
        if (m_steps[static_cast<std::size_t>(i)].irreversible)
            return true;
    return false;
}

void ScrWizard::updateButtons()
{
    const int id = currentId();
    QList<QWizard::WizardButton> layout;
    if (id == CompletionPage) {
        layout = {QWizard::HelpButton, QWizard::CustomButton1, QWizard::Stretch, QWizard::FinishButton};
    } else if (id == SummaryPage) {
        layout = {QWizard::HelpButton, QWizard::CustomButton1, QWizard::Stretch,     QWizard::BackButton,
                  QWizard::NextButton, QWizard::CommitButton,  QWizard::CancelButton};
    } else {
        layout = {QWizard::HelpButton,   QWizard::Stretch,      QWizard::BackButton,  QWizard::NextButton,
                  QWizard::CommitButton, QWizard::FinishButton, QWizard::CancelButton};
    }
    setButtonLayout(layout);
    // Cancel stops the flow before its next step, until an irreversible step has started.
    const bool pastNoReturn = pastPointOfNoReturn();
    if (QAbstractButton *cancel = button(QWizard::CancelButton)) {
        cancel->setEnabled(!pastNoReturn && !m_cancelRequested);
        cancel->setToolTip(pastNoReturn
                               ? tr("The wizard has passed its point of no return: it runs to the end "
                                    "or to the first failure.")
                               : QString());
    }
    if (pastNoReturn)
        m_progressNote->setText(tr("Irreversible steps have started: Cancel is unavailable until the wizard "
                                   "ends."));
}

void ScrWizard::reject()
{
    if (m_flow == FlowState::Running) {
        // Never mid-step: the step under way finishes, no other starts. Past the point of no return (Esc
        // too), the flow runs on to its end or its first failure.
        if (pastPointOfNoReturn())
            return;
        m_cancelRequested = true;
        m_progressNote->setText(tr("Cancelling: the step under way finishes, then the wizard stops."));
        updateButtons();
        return;
    }
    QWizard::reject();
}

void ScrWizard::keyPressEvent(QKeyEvent *event)
{
    if (currentId() == CompletionPage && event->matches(QKeySequence::Copy)) {
        copyCompletion();
        return;
    }
    QWizard::keyPressEvent(event);
}

QString ScrWizard::completionText() const
{
    return m_completion->toPlainText();
}

void ScrWizard::copyCompletion() const
{
    QApplication::clipboard()->setText(completionText());
}

bool ScrWizard::saveScript(const QString &path, QString *error) const
{
    const std::vector<FlowStep> &steps = m_steps.empty() ? m_preparation.steps : m_steps;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text)) {
        if (error)
            *error = file.errorString();
        return false;
    }
    file.write(flowScript(m_title, steps).toUtf8());
    if (!file.commit()) {
        if (error)
            *error = file.errorString();
        return false;
    }
    return true;
}

void ScrWizard::saveScriptAs()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Save as Script"), m_title.simplified().remove(QLatin1Char(' ')) + QStringLiteral(".ps1"),
        tr("Exchange Management Shell scripts (*.ps1)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!saveScript(path, &error))
        QMessageBox::warning(
            this, tr("Save as Script"),
            tr("The script was not saved to %1: %2. Choose a folder you can write to.").arg(path, error));
}

} // namespace scr
