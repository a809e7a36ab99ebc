#include "portabilitywizard.h"

#include "models/copykey.h"
#include "models/displaytime.h"

#include <QCheckBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace scr {
namespace {

QString introductionText(const QString &storageGroup, const QString &standby)
{
    return PortabilityWizard::
        tr("This wizard activates the SCR copy of %1 on %2 by database portability: the copy's database is "
           "mounted on %2 under the target storage group and database made by Prepare SCR Target, and the "
           "users' mailboxes are rehomed to it.\n\n"
           "Before anything runs, the next page shows how much mail would be lost if the copy were activated "
           "now and how long the replay of its logs will take, and the mailboxes that will be rehomed. The "
           "pre-flight checks and the summary of every command follow; nothing changes until you click "
           "Activate.")
            .arg(storageGroup.isEmpty() ? PortabilityWizard::tr("a storage group") : storageGroup,
                 standby.isEmpty() ? PortabilityWizard::tr("its standby machine") : standby);
}

} // namespace

PortabilityWizard::PortabilityWizard(const LabSnapshot &snapshot, const QString &target,
                                     WizardServices services, QWidget *parent)
    : ScrWizard(tr("Activate by Database Portability"),
                introductionText(CopyKey::parse(target) ? CopyKey::parse(target)->storageGroup : QString(),
                                 CopyKey::parse(target) ? CopyKey::parse(target)->standby : QString()),
                std::move(services), parent),
      m_snapshot(snapshot), m_target(target)
{
    setObjectName(QStringLiteral("portabilityWizard"));
    setHelpSection(QStringLiteral("Activate by Database Portability"));
    if (const auto key = CopyKey::parse(target)) {
        m_storageGroup = key->storageGroup;
        m_standby = key->standby;
        setWindowTitle(tr("Activate by Database Portability - %1").arg(key->displayName()));
    }
    buildPreviewPage();

    // The summary's extras: why "This database can be overwritten by a restore" is set, and the loss to
    // accept when there is one.
    m_allowReason = new QLabel;
    m_allowReason->setObjectName(QStringLiteral("allowFileRestoreReason"));
    m_allowReason->setWordWrap(true);
    m_allowReason->setTextFormat(Qt::PlainText);
    summaryExtras()->addWidget(m_allowReason);
    m_acceptLoss = new QCheckBox;
    m_acceptLoss->setObjectName(QStringLiteral("acceptLoss"));
    m_acceptLoss->setAccessibleName(tr("Accept the loss of mail"));
    m_acceptLoss->hide();
    connect(m_acceptLoss, &QCheckBox::toggled, this, [this] { refreshSummary(); });
    summaryExtras()->addWidget(m_acceptLoss);
    setSummaryCondition([this] { return preparation().losses.empty() || m_acceptLoss->isChecked(); });
}

void PortabilityWizard::buildPreviewPage()
{
    m_previewPage = new WizardPage;
    m_previewPage->setObjectName(QStringLiteral("previewPage"));
    m_previewPage->setTitle(tr("Recovery Point and Mailboxes"));
    m_previewPage->setSubTitle(
        tr("What activating %1 on %2 now would lose, the replay left, and the mailboxes "
           "that move. Read-only: nothing has been changed.")
            .arg(m_storageGroup, m_standby));
    m_rpo = new QLabel(tr("Reading the copy's state..."));
    m_rpo->setObjectName(QStringLiteral("rpoPreview"));
    m_rpo->setAccessibleName(tr("Recovery point preview"));
    m_rpo->setWordWrap(true);
    m_rpo->setTextFormat(Qt::PlainText);
    m_rpo->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_recovery = new QLabel;
    m_recovery->setObjectName(QStringLiteral("recoveryNote"));
    m_recovery->setWordWrap(true);
    m_recovery->setTextFormat(Qt::PlainText);
    m_mailboxes = new QTreeWidget;
    m_mailboxes->setObjectName(QStringLiteral("mailboxes"));
    m_mailboxes->setAccessibleName(tr("Mailboxes to rehome"));
    m_mailboxes->setRootIsDecorated(false);
    m_mailboxes->setHeaderLabels({tr("Mailbox"), tr("Action")});
    m_mailboxes->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_refresh = new QPushButton(tr("&Refresh"));
    m_refresh->setObjectName(QStringLiteral("refreshPreview"));
    m_refresh->setAccessibleDescription(tr("Reads the copy's state again"));
    connect(m_refresh, &QPushButton::clicked, this, &PortabilityWizard::refreshPreview);
    auto *layout = new QVBoxLayout(m_previewPage);
    layout->addWidget(m_rpo);
    layout->addWidget(m_recovery);
    auto *mailboxLabel = new QLabel(tr("&Mailboxes of the source database:"));
    mailboxLabel->setBuddy(m_mailboxes);
    layout->addWidget(mailboxLabel);
    layout->addWidget(m_mailboxes, 1);
    layout->addWidget(m_refresh, 0, Qt::AlignLeft);
    m_previewPage->complete = [this] { return m_previewLoaded; };
    setPage(PreviewPage, m_previewPage);
}

void PortabilityWizard::initializePage(int id)
{
    ScrWizard::initializePage(id);
    if (id == PreviewPage)
        refreshPreview();
    else if (id == SummaryPage)
        updateSummaryExtras();
}

void PortabilityWizard::refreshPreview()
{
    const int round = ++m_previewRound;
    m_previewLoaded = false;
    m_refresh->setEnabled(false);
    m_rpo->setText(tr("Reading the copy's state..."));
    m_previewPage->refresh();
    auto answer = std::make_shared<Result<PortabilityState>>(PortabilityState{});
    services().onLab(
        this,
        [answer, sg = m_storageGroup, standby = m_standby](const Lab &lab) {
            *answer = cmdlets::readPortabilityState(lab, sg, standby);
        },
        [this, answer, round] {
            if (round != m_previewRound)
                return;
            m_state = *answer ? std::optional<PortabilityState>(**answer) : std::nullopt;
            m_previewError = *answer ? QString() : answer->error().toString();
            m_previewLoaded = true;
            showPreview();
        });
}

void PortabilityWizard::showPreview()
{
    m_refresh->setEnabled(true);
    m_mailboxes->clear();
    if (!m_state) {
        m_rpo->setText(tr("The copy's state cannot be read: %1").arg(m_previewError));
        m_recovery->clear();
        m_previewPage->refresh();
        return;
    }
    const PortabilityState &s = *m_state;
    QStringList lines;
    if (s.rpo)
        lines = s.rpo->lines(displayTime);
    else if (s.alreadyRestored)
        lines << tr(
            "The copy was already activated (Restore-StorageGroupCopy ran): no more logs can be copied "
            "and nothing more is lost. The wizard goes on from there.");
    m_rpo->setText(lines.join(QLatin1Char('\n')));
    m_recovery->setText(s.recoveryNeeded
                            ? tr("eseutil /r will run on %1: %2.").arg(s.standbyHost, s.recoveryReason)
                            : tr("eseutil /r is not needed: %1.").arg(s.recoveryReason));
    for (const QString &name : s.userMailboxes) {
        auto *item =
            new QTreeWidgetItem(m_mailboxes, {name, tr("Rehomed to %1").arg(s.target.databaseIdentity())});
        item->setData(0, Qt::UserRole, QStringLiteral("user"));
    }
    for (const QString &name : s.systemMailboxes) {
        auto *item = new QTreeWidgetItem(
            m_mailboxes, {name, tr("Excluded: a system mailbox, it stays with %1").arg(s.sourceServer)});
        item->setData(0, Qt::UserRole, QStringLiteral("system"));
        item->setForeground(1, palette().brush(QPalette::Disabled, QPalette::Text));
    }
    if (s.userMailboxes.isEmpty())
        new QTreeWidgetItem(m_mailboxes,
                            {tr("(no user mailbox left on %1)").arg(s.sourceDatabase()), QString()});
    m_previewPage->refresh();
}

std::function<Preparation(const Lab &)> PortabilityWizard::prepare() const
{
    return [sg = m_storageGroup, standby = m_standby, target = m_target](const Lab &lab) {
        return cmdlets::preparePortability(lab, sg, standby, target);
    };
}

std::optional<PortabilityState> PortabilityWizard::preparedState() const
{
    const QVariant &details = preparation().details;
    return details.canConvert<PortabilityState>() ? std::optional(details.value<PortabilityState>())
                                                  : std::nullopt;
}

void PortabilityWizard::updateSummaryExtras()
{
    const Preparation &p = preparation();
    if (p.notes.isEmpty())
        m_allowReason->clear();
    else
        m_allowReason->setText(
            tr("Why \"This database can be overwritten by a restore\" (-AllowFileRestore) is set: %1")
                .arg(p.notes.join(QLatin1Char(' '))));
    const bool loses = !p.losses.empty();
    m_acceptLoss->setVisible(loses);
    if (loses) {
        const MailLoss &loss = p.losses.front();
        m_acceptLoss->setText(tr("I accept the loss of %n log(s)", nullptr, int(loss.logs)) +
                              tr(" (%n minute(s) of mail)", nullptr, int(loss.minutes)));
        m_acceptLoss->setAccessibleDescription(m_acceptLoss->text());
    } else {
        m_acceptLoss->setChecked(false);
    }
    refreshSummary();
}

void PortabilityWizard::stepCompleted(int index, const ems::ScriptOutput &output)
{
    if (index < 0 || index >= int(steps().size()) ||
        !steps()[std::size_t(index)].command.startsWith(QStringLiteral("Restore-StorageGroupCopy")))
        return;
    // The report it writes (ems::restoreReportObject) says what was lost, in its Summary.
    for (const ems::PSObject &o : output.objects)
        if (o.typeName == QLatin1String("StorageGroupCopyRestore"))
            if (const std::optional<QVariant> summary = o.property(QStringLiteral("Summary")))
                m_restoreReport = summary->toString().trimmed();
}

void PortabilityWizard::fillCompletion(FlowState state, QVBoxLayout *layout)
{
    if (!m_restoreReport.isEmpty()) {
        auto *report = new QLabel(tr("Restore-StorageGroupCopy reported: %1").arg(m_restoreReport));
        report->setObjectName(QStringLiteral("restoreReport"));
        report->setWordWrap(true);
        report->setTextFormat(Qt::PlainText);
        layout->addWidget(report);
    }
    if (state != FlowState::Completed)
        return;
    const std::optional<PortabilityState> s = preparedState();
    const QString server = s ? s->standbyMachine : m_standby;
    auto *note = new QLabel(
        tr("Outlook clients: Outlook 2007 finds the mailboxes' new server %1 by Autodiscover. Outlook 2003 "
           "does not use Autodiscover: each Outlook 2003 profile must be updated to point at %1 (by hand, or "
           "with the Exchange Profile Update tool) before its user starts Outlook again.")
            .arg(server));
    note->setObjectName(QStringLiteral("outlookNote"));
    note->setWordWrap(true);
    note->setTextFormat(Qt::PlainText);
    layout->addWidget(note);
    if (!s)
        return;
    const QString activated = s->target.storageGroupIdentity();
    auto *protect = new QPushButton(tr("&Enable SCR for the activated storage group %1...").arg(activated));
    protect->setObjectName(QStringLiteral("protectAgain"));
    protect->setAccessibleDescription(
        tr("Opens the Enable Storage Group Copy wizard for %1: it is not protected by SCR until then")
            .arg(activated));
    const QString standby = cmdlets::protectAgainStandby(m_snapshot, s->standbyMachine);
    connect(protect, &QPushButton::clicked, this,
            [this, activated, standby] { Q_EMIT enableCopiesRequested({activated}, standby); });
    layout->addWidget(protect, 0, Qt::AlignLeft);
}

} // namespace scr
