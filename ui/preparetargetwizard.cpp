#include "preparetargetwizard.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace scr {
namespace {

QString stateText(const TargetSurveyRow &row, const QString &host)
{
    switch (row.state()) {
    case TargetSurveyRow::State::ToMake:
        return PrepareTargetWizard::tr("Will be made");
    case TargetSurveyRow::State::Unfinished:
        return PrepareTargetWizard::tr("Partly made: the steps left will run");
    case TargetSurveyRow::State::Prepared:
        return PrepareTargetWizard::tr("Exists: skipped");
    case TargetSurveyRow::State::Activated:
        return PrepareTargetWizard::tr("Exists, activated: skipped");
    case TargetSurveyRow::State::Conflict:
        return PrepareTargetWizard::tr("Name taken: %1").arg(row.conflict);
    case TargetSurveyRow::State::Unknown:
        return PrepareTargetWizard::tr("Unknown: %1 is powered off").arg(host);
    }
    return {};
}

} // namespace

PrepareTargetWizard::PrepareTargetWizard(const LabSnapshot &snapshot, const QString &target,
                                         WizardServices services, QWidget *parent)
    : ScrWizard(
          tr("Prepare SCR Target"),
          tr("This wizard prepares the standby machine %1 for an activation by database portability (part 2 "
             "of the SCR runbook).\n\n"
             "For every storage group copied to %1 it makes a storage group <SG>Target and a mailbox "
             "database "
             "<DB>Target at a temporary path (C:\\Temp\\<SG>Target), mounts the database once so that the "
             "store makes it, dismounts it, and deletes the temporary files. When a copy is activated, these "
             "objects are pointed at the copy's files (Move-StorageGroupPath and Move-DatabasePath "
             "-ConfigurationOnly) and mounted.\n\n"
             "What exists already is shown and skipped: running the wizard again only does what is left. "
             "Nothing is changed before the Configuration Summary's Prepare button.")
              .arg(target),
          std::move(services), parent),
      m_snapshot(snapshot), m_target(target)
{
    setObjectName(QStringLiteral("prepareTargetWizard"));
    setHelpSection(QStringLiteral("Prepare SCR Target"));
    setWindowTitle(tr("Prepare SCR Target on %1").arg(target));
    buildTargetsPage();
}

void PrepareTargetWizard::buildTargetsPage()
{
    m_targetsPage = new WizardPage;
    m_targetsPage->setObjectName(QStringLiteral("targetsPage"));
    m_targetsPage->setTitle(tr("Storage Group Copies"));
    m_targetsPage->setSubTitle(
        tr("The storage groups copied to %1 and their target objects. Clear a storage group to leave its "
           "target as it is.")
            .arg(m_target));
    auto *intro = new QLabel(tr("&Target objects to prepare (Space checks or clears the selected one):"));
    intro->setWordWrap(true);
    m_targets = new QTreeWidget;
    m_targets->setObjectName(QStringLiteral("targets"));
    m_targets->setAccessibleName(tr("Storage groups copied to %1 and their targets").arg(m_target));
    m_targets->setAccessibleDescription(
        tr("Each row: the copied storage group (checked: prepare its target), the target storage group, "
           "database and temporary path, and what exists of them"));
    m_targets->setRootIsDecorated(false);
    m_targets->setUniformRowHeights(true);
    m_targets->setHeaderLabels({tr("Copied storage group"), tr("Target storage group"), tr("Target database"),
                                tr("Temporary path"), tr("Status")});
    m_targets->header()->setStretchLastSection(true);
    m_targets->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_targets->header()->setSectionResizeMode(StatusColumn, QHeaderView::Stretch);
    intro->setBuddy(m_targets);
    connect(m_targets, &QTreeWidget::itemChanged, m_targetsPage, [this] { m_targetsPage->refresh(); });
    m_targetsNote = new QLabel;
    m_targetsNote->setObjectName(QStringLiteral("targetsNote"));
    m_targetsNote->setWordWrap(true);
    m_refresh = new QPushButton(tr("&Refresh"));
    m_refresh->setObjectName(QStringLiteral("refreshTargets"));
    m_refresh->setAccessibleDescription(tr("Reads again what exists on %1").arg(m_target));
    connect(m_refresh, &QPushButton::clicked, this, &PrepareTargetWizard::refreshSurvey);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_refresh);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(m_targetsPage);
    layout->addWidget(intro);
    layout->addWidget(m_targets, 1);
    layout->addWidget(m_targetsNote);
    layout->addLayout(buttons);
    m_targetsPage->complete = [this] {
        if (!m_surveyDone)
            return false;
        const QStringList selected = selectedCopies();
        for (const TargetSurveyRow &row : m_survey.rows)
            if (selected.contains(row.target.copiedStorageGroup, Qt::CaseInsensitive) && !row.complete())
                return true;
        return false;
    };
    setPage(TargetsPage, m_targetsPage);
}

void PrepareTargetWizard::initializePage(int id)
{
    if (id == TargetsPage && !m_surveyDone)
        refreshSurvey();
    ScrWizard::initializePage(id);
}

void PrepareTargetWizard::refreshSurvey()
{
    const int round = ++m_surveyRound;
    m_surveyDone = false;
    m_refresh->setEnabled(false);
    m_targetsNote->setText(tr("Reading what exists on %1...").arg(m_target));
    m_targetsPage->refresh();
    auto answer = std::make_shared<Result<TargetSurvey>>(TargetSurvey{});
    services().onLab(
        this,
        [answer, standby = m_target](const Lab &lab) { *answer = cmdlets::surveyStandby(lab, standby); },
        [this, answer, round] {
            if (round != m_surveyRound)
                return;
            if (*answer)
                showSurvey(**answer, std::nullopt);
            else
                showSurvey(TargetSurvey{}, answer->error());
        });
}

void PrepareTargetWizard::showSurvey(const TargetSurvey &survey, const std::optional<Error> &error)
{
    // What the administrator cleared stays cleared across a refresh.
    QStringList cleared;
    for (int i = 0; i < m_targets->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *item = m_targets->topLevelItem(i);
        if ((item->flags() & Qt::ItemIsEnabled) && item->checkState(CopyColumn) == Qt::Unchecked)
            cleared << item->text(CopyColumn);
    }
    m_survey = survey;
    m_surveyDone = true;
    m_refresh->setEnabled(true);
    const QSignalBlocker block(m_targets);
    m_targets->clear();
    int toDo = 0;
    for (const TargetSurveyRow &row : survey.rows) {
        const TargetObjects &t = row.target;
        auto *item =
            new QTreeWidgetItem(m_targets, {t.copiedStorageGroup, t.storageGroupIdentity(), t.database,
                                            t.temporaryPath, stateText(row, survey.standbyHost)});
        item->setToolTip(StatusColumn, item->text(StatusColumn));
        if (row.complete()) {
            // Done already: shown checked off and greyed, nothing to choose.
            item->setFlags(item->flags() & ~(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable));
            item->setCheckState(CopyColumn, Qt::Checked);
        } else {
            item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
            item->setCheckState(CopyColumn,
                                cleared.contains(t.copiedStorageGroup) ? Qt::Unchecked : Qt::Checked);
            ++toDo;
        }
    }
    if (m_targets->topLevelItemCount() > 0)
        m_targets->setCurrentItem(m_targets->topLevelItem(0));
    if (error)
        m_targetsNote->setText(tr("%1 could not be read: %2").arg(m_target, error->toString()));
    else if (survey.rows.empty())
        m_targetsNote->setText(tr("No storage group is copied to %1: there is no target to prepare. Enable "
                                  "a copy first (Enable Storage Group Copy).")
                                   .arg(m_target));
    else if (toDo == 0)
        m_targetsNote->setText(tr("Nothing to do: the target objects of every storage group copied to %1 "
                                  "exist already.")
                                   .arg(m_target));
    else
        m_targetsNote->setText(tr("%n target(s) to prepare; %1 done already.", nullptr, toDo)
                                   .arg(int(survey.rows.size()) - toDo));
    m_targetsPage->refresh();
}

QStringList PrepareTargetWizard::selectedCopies() const
{
    QStringList selected;
    for (int i = 0; i < m_targets->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *item = m_targets->topLevelItem(i);
        if (item->checkState(CopyColumn) == Qt::Checked)
            selected << item->text(CopyColumn);
    }
    return selected;
}

std::function<Preparation(const Lab &)> PrepareTargetWizard::prepare() const
{
    return [standby = m_target, selected = selectedCopies()](const Lab &lab) {
        return cmdlets::preparePrepareTarget(lab, standby, selected);
    };
}

TargetSurvey PrepareTargetWizard::preparedSurvey() const
{
    const QVariant &details = preparation().details;
    return details.canConvert<TargetSurvey>() ? details.value<TargetSurvey>() : m_survey;
}

void PrepareTargetWizard::fillCompletion(FlowState state, QVBoxLayout *layout)
{
    const TargetSurvey survey = preparedSurvey();
    QStringList lines;
    for (const TargetSurveyRow &row : survey.rows) {
        const QString copy = row.target.copiedStorageGroup;
        bool planned = false;
        bool finished = true;
        for (std::size_t i = 0; i < steps().size() && i < outcomes().size(); ++i)
            if (steps()[i].subject == copy) {
                planned = true;
                finished = finished && outcomes()[i].state == StepState::Completed;
            }
        if (!planned)
            continue;
        lines << (finished ? tr("%1: %2 is ready for database portability (made, mounted once, dismounted; "
                                "the temporary files %3 deleted).")
                                 .arg(copy, row.target.databaseIdentity(), row.target.temporaryPath)
                           : tr("%1: %2 is not finished; what was made stays, and running the wizard again "
                                "does what is left.")
                                 .arg(copy, row.target.databaseIdentity()));
    }
    if (state == FlowState::Failed)
        lines << tr("Nothing that was made is lost. Fix what the failed step says, then run Prepare SCR "
                    "Target on %1 again: it skips what exists.")
                     .arg(m_target);
    if (lines.isEmpty())
        return;
    auto *label = new QLabel(lines.join(QLatin1Char('\n')));
    label->setObjectName(QStringLiteral("preparedTargets"));
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    label->setAccessibleName(tr("What was prepared"));
    layout->addWidget(label);
}

} // namespace scr
