#include "activationwizard.h"

#include "models/copykey.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QFontDatabase>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QRadioButton>
#include <QVBoxLayout>

namespace scr {
namespace {

// A page whose completeness is a function (the run page is complete when the steps are done or failed;
// the target page when its names are given).
class Page final : public QWizardPage
{
public:
    using QWizardPage::QWizardPage;
    std::function<bool()> complete;
    bool isComplete() const override { return complete ? complete() : QWizardPage::isComplete(); }
    void refresh() { Q_EMIT completeChanged(); }
};

QString copyKey(const StorageGroupSnapshot &sg, const CopySnapshot &c)
{
    return CopyKey{sg.record.identity(), c.record.standbyMachine}.toString();
}

} // namespace

ActivationWizard::ActivationWizard(const LabSnapshot &snapshot, const QString &preselect, Runner run,
                                   QWidget *parent)
    : QWizard(parent), m_snapshot(snapshot), m_run(std::move(run)), m_copy(new QComboBox),
      m_method(new QButtonGroup(this)), m_sourceState(new QLabel), m_targetGroup(new QLineEdit),
      m_targetDatabase(new QLineEdit), m_temporaryPath(new QLineEdit), m_summary(new QPlainTextEdit),
      m_acceptLoss(new QCheckBox(tr("I understand that the logs the copy never received are lost"))),
      m_progress(new QListWidget), m_output(new QPlainTextEdit), m_result(new QLabel)
{
    setObjectName(QStringLiteral("activationWizard"));
    setWindowTitle(tr("Activate an SCR copy"));
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnLastPage);

    // 1. The copy and the method.
    auto *copyPage = new Page;
    copyPage->setTitle(tr("Which copy, and how"));
    copyPage->setSubTitle(tr("Activation ends replication and brings the copy's database online."));
    m_copy->setObjectName(QStringLiteral("copy"));
    for (const StorageGroupSnapshot &sg : m_snapshot.storageGroups)
        for (const CopySnapshot &c : sg.copies)
            m_copy->addItem(tr("%1 on %2").arg(sg.record.identity(), c.record.standbyMachine),
                            copyKey(sg, c));
    if (const int i = m_copy->findData(preselect); i >= 0)
        m_copy->setCurrentIndex(i);
    auto *portability = new QRadioButton(tr("&Database portability: mount the copy under a storage group of "
                                            "the standby machine and move the mailboxes to it"));
    portability->setObjectName(QStringLiteral("portability"));
    auto *recover = new QRadioButton(tr("&Recover Server: the standby machine takes the failed server's name "
                                        "and identity (the source must be powered off)"));
    recover->setObjectName(QStringLiteral("recoverServer"));
    m_method->addButton(portability, int(ActivationRequest::Method::DatabasePortability));
    m_method->addButton(recover, int(ActivationRequest::Method::RecoverServer));
    portability->setChecked(true);
    m_sourceState->setObjectName(QStringLiteral("sourceState"));
    m_sourceState->setWordWrap(true);
    auto *copyLayout = new QVBoxLayout(copyPage);
    copyLayout->addWidget(new QLabel(tr("SCR &copy:")));
    copyLayout->addWidget(m_copy);
    copyLayout->addWidget(portability);
    copyLayout->addWidget(recover);
    copyLayout->addWidget(m_sourceState);
    copyLayout->addStretch();
    connect(m_copy, &QComboBox::currentIndexChanged, this, &ActivationWizard::updateCopyPage);
    copyPage->complete = [this] { return m_copy->count() > 0; };
    setPage(CopyPage, copyPage);

    // 2. Database portability's target objects.
    auto *targetPage = new Page;
    targetPage->setTitle(tr("The target on the standby machine"));
    targetPage->setSubTitle(
        tr("A storage group and database that will be pointed at the copy's files. They are "
           "made first (at a temporary path, then deleted) unless they exist."));
    m_targetGroup->setObjectName(QStringLiteral("targetStorageGroup"));
    m_targetDatabase->setObjectName(QStringLiteral("targetDatabase"));
    m_temporaryPath->setObjectName(QStringLiteral("temporaryPath"));
    auto *targetForm = new QFormLayout(targetPage);
    targetForm->addRow(tr("Target &storage group:"), m_targetGroup);
    targetForm->addRow(tr("Target &database:"), m_targetDatabase);
    targetForm->addRow(tr("&Temporary path:"), m_temporaryPath);
    targetPage->complete = [this] {
        return !m_targetGroup->text().trimmed().isEmpty() && !m_targetDatabase->text().trimmed().isEmpty() &&
               m_temporaryPath->text().startsWith(QStringLiteral("C:\\"), Qt::CaseInsensitive);
    };
    for (QLineEdit *edit : {m_targetGroup, m_targetDatabase, m_temporaryPath})
        connect(edit, &QLineEdit::textChanged, targetPage, &Page::refresh);
    setPage(TargetPage, targetPage);

    // 3. What will run.
    auto *summaryPage = new Page;
    summaryPage->setTitle(tr("The commands"));
    summaryPage->setSubTitle(
        tr("These run one at a time when you click Activate; the first that fails stops the "
           "activation and says what to do."));
    m_summary->setObjectName(QStringLiteral("summary"));
    m_summary->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_summary->setReadOnly(true);
    m_acceptLoss->setObjectName(QStringLiteral("acceptLoss"));
    auto *summaryLayout = new QVBoxLayout(summaryPage);
    summaryLayout->addWidget(m_summary, 1);
    summaryLayout->addWidget(m_acceptLoss);
    summaryPage->complete = [this] { return m_acceptLoss->isHidden() || m_acceptLoss->isChecked(); };
    connect(m_acceptLoss, &QCheckBox::toggled, summaryPage, &Page::refresh);
    summaryPage->setCommitPage(true);
    summaryPage->setButtonText(QWizard::CommitButton, tr("&Activate"));
    setPage(SummaryPage, summaryPage);

    // 4. Running.
    auto *runPage = new Page;
    runPage->setTitle(tr("Activating"));
    m_progress->setObjectName(QStringLiteral("progress"));
    m_output->setObjectName(QStringLiteral("output"));
    m_output->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_output->setReadOnly(true);
    m_result->setObjectName(QStringLiteral("result"));
    m_result->setWordWrap(true);
    auto *runLayout = new QVBoxLayout(runPage);
    runLayout->addWidget(m_progress, 1);
    runLayout->addWidget(m_output, 1);
    runLayout->addWidget(m_result);
    runPage->complete = [this] { return m_failed || m_next >= static_cast<int>(m_steps.size()); };
    runPage->setFinalPage(true);
    setPage(RunPage, runPage);

    resize(760, 560);
    updateCopyPage();
}

const CopySnapshot *ActivationWizard::selectedCopy(const StorageGroupSnapshot **group) const
{
    const QString key = m_copy->currentData().toString();
    for (const StorageGroupSnapshot &sg : m_snapshot.storageGroups)
        for (const CopySnapshot &c : sg.copies)
            if (copyKey(sg, c) == key) {
                if (group)
                    *group = &sg;
                return &c;
            }
    return nullptr;
}

ActivationRequest ActivationWizard::request() const
{
    ActivationRequest r;
    const StorageGroupSnapshot *sg = nullptr;
    const CopySnapshot *copy = selectedCopy(&sg);
    if (!copy || sg->databases.empty())
        return r;
    r.method = static_cast<ActivationRequest::Method>(m_method->checkedId());
    r.storageGroup = sg->record.identity();
    r.database = sg->databases.front().record.name;
    r.standbyMachine = copy->record.standbyMachine;
    r.standbyHost = copy->record.standbyMachine;
    if (const ServerRecord *standby = m_snapshot.server(r.standbyMachine))
        r.standbyHost = standby->host;
    const ServerRecord *source = m_snapshot.server(sg->record.server);
    r.sourceReachable = source && m_snapshot.isPoweredOn(source->host);
    r.logPrefix = sg->record.logPrefix;
    r.logFolderPath = sg->record.logFolderPath;
    r.systemFolderPath = sg->record.systemFolderPath;
    r.edbFilePath = sg->databases.front().record.edbFilePath;
    r.targetStorageGroup = m_targetGroup->text().trimmed();
    r.targetDatabase = m_targetDatabase->text().trimmed();
    r.temporaryPath = m_temporaryPath->text().trimmed();
    for (const StorageGroupSnapshot &g : m_snapshot.storageGroups)
        if (g.record.server.compare(r.standbyMachine, Qt::CaseInsensitive) == 0 &&
            g.record.name.compare(r.targetStorageGroup, Qt::CaseInsensitive) == 0)
            r.targetExists =
                std::any_of(g.databases.begin(), g.databases.end(), [&](const DatabaseSnapshot &d) {
                    return d.record.name.compare(r.targetDatabase, Qt::CaseInsensitive) == 0;
                });
    return r;
}

void ActivationWizard::updateCopyPage()
{
    const StorageGroupSnapshot *sg = nullptr;
    if (!selectedCopy(&sg)) {
        m_sourceState->setText(tr("There is no SCR copy to activate. Enable one on a storage group first."));
        return;
    }
    const ActivationRequest r = request();
    m_sourceState->setText(
        r.sourceReachable
            ? tr("The source %1 is reachable: its database will be dismounted and every log the copy lacks "
                 "copied "
                 "first, so nothing is lost. (Recover Server needs the source powered off.)")
                  .arg(sg->record.server)
            : tr("The source %1 cannot be reached: the copy is activated with the logs it has (-Force), and "
                 "the logs it never received are lost.")
                  .arg(sg->record.server));
    m_targetGroup->setText(sg->record.name + QStringLiteral("Target"));
    m_targetDatabase->setText(
        sg->databases.empty() ? QString() : sg->databases.front().record.name + QStringLiteral("Target"));
    m_temporaryPath->setText(QStringLiteral("C:\\Temp\\") + sg->record.name + QStringLiteral("Target"));
}

int ActivationWizard::nextId() const
{
    switch (currentId()) {
    case CopyPage:
        return m_method->checkedId() == int(ActivationRequest::Method::DatabasePortability) ? TargetPage
                                                                                            : SummaryPage;
    case TargetPage:
        return SummaryPage;
    case SummaryPage:
        return RunPage;
    default:
        return -1;
    }
}

bool ActivationWizard::validateCurrentPage()
{
    if (currentId() == CopyPage && m_method->checkedId() == int(ActivationRequest::Method::RecoverServer) &&
        request().sourceReachable) {
        m_sourceState->setText(
            tr("Recover Server replaces a server that is gone, but %1 is running. Power it off "
               "(it has failed), or choose database portability.")
                .arg(request().storageGroup.section(QLatin1Char('\\'), 0, 0)));
        return false;
    }
    return QWizard::validateCurrentPage();
}

void ActivationWizard::initializePage(int id)
{
    if (id == SummaryPage) {
        m_steps = steps();
        QString text;
        for (std::size_t i = 0; i < m_steps.size(); ++i)
            text += QStringLiteral("%1. %2\n   %3\n\n").arg(i + 1).arg(m_steps[i].title, m_steps[i].command);
        m_summary->setPlainText(text);
        m_acceptLoss->setVisible(!request().sourceReachable);
    }
    if (id == RunPage) {
        m_progress->clear();
        for (const ActivationStep &step : m_steps)
            m_progress->addItem(QStringLiteral("    ") + step.title);
        m_next = 0;
        m_failed = false;
        runNext();
    }
    QWizard::initializePage(id);
}

void ActivationWizard::runNext()
{
    auto *page = static_cast<Page *>(this->page(RunPage));
    if (m_cancelled)
        return;
    if (m_next >= static_cast<int>(m_steps.size())) {
        m_result->setText(
            tr("The copy is active. %1 Check Get-MailboxStatistics, and tell the users.").arg(m_loss));
        page->refresh();
        return;
    }
    m_progress->item(m_next)->setText(QStringLiteral("…  ") +
                                      m_steps[static_cast<std::size_t>(m_next)].title);
    m_waitingFor = m_run(m_steps[static_cast<std::size_t>(m_next)].command);
}

void ActivationWizard::scriptFinished(qint64 requestId, const QString &text, bool ok, const QString &error)
{
    if (requestId != m_waitingFor || m_waitingFor == 0)
        return;
    m_waitingFor = 0;
    const ActivationStep &step = m_steps[static_cast<std::size_t>(m_next)];
    m_progress->item(m_next)->setText((ok ? QStringLiteral("✓  ") : QStringLiteral("✗  ")) + step.title);
    m_output->appendPlainText(QStringLiteral("> ") + step.command);
    if (!text.trimmed().isEmpty())
        m_output->appendPlainText(text.trimmed());
    // Restore-StorageGroupCopy's report says what was lost; the last page repeats it.
    static const QRegularExpression summary(QStringLiteral("^Summary\\s+:\\s+(.+)$"),
                                            QRegularExpression::MultilineOption);
    if (const auto m = summary.match(text); m.hasMatch())
        m_loss = m.captured(1).trimmed();
    if (!ok) {
        m_failed = true;
        m_output->appendPlainText(error);
        m_result->setText(tr("Stopped at step %1: %2").arg(m_next + 1).arg(error));
        static_cast<Page *>(page(RunPage))->refresh();
        return;
    }
    ++m_next;
    runNext();
}

QString ActivationWizard::resultText() const
{
    return m_result->text();
}

void ActivationWizard::reject()
{
    m_cancelled = true; // the step under way finishes; no other starts
    QWizard::reject();
}

} // namespace scr
