#include "enablecopywizard.h"

#include "cmdlets/storagegroupcopy.h"
#include "ems/binder.h"
#include "ems/parser.h"

#include <QFormLayout>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSpinBox>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace scr {
namespace {

constexpr qint64 kMinuteMs = 60 * 1000;
constexpr qint64 kHourMs = 60 * kMinuteMs;
constexpr qint64 kDayMs = 24 * kHourMs;

qint64 spanOf(QSpinBox *const (&parts)[3])
{
    return parts[0]->value() * kDayMs + parts[1]->value() * kHourMs + parts[2]->value() * kMinuteMs;
}

void setSpan(QSpinBox *const (&parts)[3], qint64 ms)
{
    parts[0]->setValue(int(ms / kDayMs));
    parts[1]->setValue(int(ms % kDayMs / kHourMs));
    parts[2]->setValue(int(ms % kHourMs / kMinuteMs));
}

} // namespace

EnableCopyWizard::EnableCopyWizard(const LabSnapshot &snapshot, const QStringList &storageGroups,
                                   const QString &standby, WizardServices services, QWidget *parent)
    : ScrWizard(tr("Enable Storage Group Copy"),
                tr("This wizard enables Standby Continuous Replication (SCR) for %1: the storage group's "
                   "transaction logs are shipped to a standby machine, inspected there, and replayed into a "
                   "copy of its database after the replay lag you choose.\n\nIf the source no longer holds "
                   "its first logs (a backup truncated them), the new copy is seeded from the mounted "
                   "database (Update-StorageGroupCopy).")
                    .arg(storageGroups.join(QStringLiteral(", "))),
                std::move(services), parent),
      m_storageGroups(storageGroups), m_preselect(standby)
{
    Q_UNUSED(snapshot); // what can take a copy is asked of the lab itself, not of a snapshot
    setObjectName(QStringLiteral("enableCopyWizard"));
    setHelpSection(QStringLiteral("Enable Storage Group Copy"));
    buildStandbyPage();
    buildLagTimesPage();
}

void EnableCopyWizard::buildStandbyPage()
{
    m_standbyPage = new WizardPage;
    m_standbyPage->setTitle(tr("Standby Machine"));
    m_standbyPage->setSubTitle(tr("Choose the server that will hold the SCR copy of %1.")
                                   .arg(m_storageGroups.join(QStringLiteral(", "))));
    m_standbyList = new QTreeWidget;
    m_standbyList->setObjectName(QStringLiteral("standbyList"));
    m_standbyList->setAccessibleName(tr("Standby machines"));
    m_standbyList->setAccessibleDescription(
        tr("Every server of the organization, whether it can take the copy, and why not"));
    m_standbyList->setHeaderLabels({tr("Server"), tr("Can take the copy"), tr("Why not")});
    m_standbyList->setRootIsDecorated(false);
    m_standbyList->setSortingEnabled(true);
    m_standbyList->sortByColumn(0, Qt::AscendingOrder);
    m_standbyList->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_standbyNote = new QLabel(tr("Asking the lab which servers can take the copy..."));
    m_standbyNote->setObjectName(QStringLiteral("standbyNote"));
    m_standbyNote->setWordWrap(true);
    m_standbyNote->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *layout = new QVBoxLayout(m_standbyPage);
    auto *label = new QLabel(tr("&Standby machines:"));
    label->setBuddy(m_standbyList);
    layout->addWidget(label);
    layout->addWidget(m_standbyList);
    layout->addWidget(m_standbyNote);
    m_standbyPage->complete = [this] {
        QTreeWidgetItem *item = m_standbyList->currentItem();
        return m_candidatesLoaded && item && item->data(0, Qt::UserRole).toBool();
    };
    connect(m_standbyList, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        if (item && !item->data(0, Qt::UserRole).toBool())
            m_standbyNote->setText(tr("%1 cannot take the copy: %2").arg(item->text(0), item->text(2)));
        else if (item)
            m_standbyNote->setText(item->text(2).isEmpty()
                                       ? tr("%1 can take the copy.").arg(item->text(0))
                                       : tr("%1 can take the copy; %2").arg(item->text(0), item->text(2)));
        m_standbyPage->refresh();
    });
    setPage(StandbyPage, m_standbyPage);
}

void EnableCopyWizard::buildLagTimesPage()
{
    m_lagPage = new WizardPage;
    m_lagPage->setTitle(tr("Lag Times"));
    m_lagPage->setSubTitle(tr("How long the standby machine waits before it replays a log into the copy, and "
                              "before it deletes a replayed log."));
    const auto spin = [this](const QString &name, int max, const QString &suffix, const QString &accessible) {
        auto *s = new QSpinBox;
        s->setObjectName(name);
        s->setRange(0, max);
        s->setSuffix(suffix);
        s->setAccessibleName(accessible);
        s->setKeyboardTracking(true); // checked as typed
        connect(s, &QSpinBox::valueChanged, this, &EnableCopyWizard::checkLagTimes);
        return s;
    };
    // The spin boxes allow 7 days 23:59, more than the cmdlet's 7.00:00:00: the cmdlet's rule says why.
    const QString names[2] = {QStringLiteral("replayLag"), QStringLiteral("truncationLag")};
    const QString titles[2] = {tr("ReplayLagTime"), tr("TruncationLagTime")};
    QSpinBox **parts[2] = {m_replay, m_truncation};
    auto *grid = new QGridLayout;
    for (int row = 0; row < 2; ++row) {
        // The unit agrees with the number: "1 day", "2 days" (English's and German's plural forms).
        const auto unit = [](int part, int n) {
            return part == 0   ? tr(" day(s)", nullptr, n)
                   : part == 1 ? tr(" hour(s)", nullptr, n)
                               : tr(" minute(s)", nullptr, n);
        };
        parts[row][0] = spin(names[row] + QStringLiteral("Days"), 7, unit(0, 0), titles[row] + tr(" days"));
        parts[row][1] =
            spin(names[row] + QStringLiteral("Hours"), 23, unit(1, 0), titles[row] + tr(" hours"));
        parts[row][2] =
            spin(names[row] + QStringLiteral("Minutes"), 59, unit(2, 0), titles[row] + tr(" minutes"));
        for (int part = 0; part < 3; ++part) {
            QSpinBox *box = parts[row][part];
            connect(box, &QSpinBox::valueChanged, box,
                    [box, part, unit](int n) { box->setSuffix(unit(part, n)); });
            box->setSuffix(unit(part, box->value()));
        }
        auto *label = new QLabel(row == 0 ? tr("&ReplayLagTime:") : tr("&TruncationLagTime:"));
        label->setBuddy(parts[row][0]);
        grid->addWidget(label, row, 0);
        for (int c = 0; c < 3; ++c)
            grid->addWidget(parts[row][c], row, c + 1);
    }
    m_replay[0]->setWhatsThis(
        tr("<b>ReplayLagTime</b>: how long a log waits on the standby machine before it is replayed into "
           "the copy (0 to 7 days; Exchange's default is 1 day). A lag keeps the copy behind the source, so "
           "that a logical corruption can be stopped before it reaches the copy; it lengthens activation, "
           "since the lagged logs are replayed then."));
    m_truncation[0]->setWhatsThis(
        tr("<b>TruncationLagTime</b>: how long a replayed log is kept on the standby machine before it is "
           "deleted (0 to 7 days)."));
    setSpan(m_replay, kDayMs); // Exchange's defaults: a day of replay lag, no truncation lag
    setSpan(m_truncation, 0);
    m_lagNote = new QLabel;
    m_lagNote->setObjectName(QStringLiteral("lagNote"));
    m_lagNote->setWordWrap(true);
    m_lagNote->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *layout = new QVBoxLayout(m_lagPage);
    layout->addLayout(grid);
    layout->addWidget(m_lagNote);
    layout->addStretch();
    m_lagPage->complete = [this] { return m_lagProblem.isEmpty(); };
    setPage(LagTimesPage, m_lagPage);
    checkLagTimes();
}

void EnableCopyWizard::checkLagTimes()
{
    if (!m_replay[2] || !m_truncation[2] || !m_lagNote)
        return; // still being built
    const auto st = cmdlets::checkLagTimes(m_storageGroups.value(0), replayLagMs(), truncationLagMs());
    m_lagProblem = st ? QString() : st.error().toString();
    m_lagNote->setText(m_lagProblem.isEmpty() ? tr("ReplayLagTime %1, TruncationLagTime %2.")
                                                    .arg(ems::formatTimeSpan(replayLagMs()),
                                                         ems::formatTimeSpan(truncationLagMs()))
                                              : m_lagProblem);
    m_lagPage->refresh();
}

QString EnableCopyWizard::standbyMachine() const
{
    QTreeWidgetItem *item = m_standbyList->currentItem();
    return item && item->data(0, Qt::UserRole).toBool() ? item->text(0) : QString();
}

qint64 EnableCopyWizard::replayLagMs() const
{
    return spanOf(m_replay);
}

qint64 EnableCopyWizard::truncationLagMs() const
{
    return spanOf(m_truncation);
}

void EnableCopyWizard::initializePage(int id)
{
    if (id == StandbyPage && !m_candidatesLoaded)
        loadCandidates();
    ScrWizard::initializePage(id);
}

void EnableCopyWizard::loadCandidates()
{
    auto answer = std::make_shared<Result<EnableCopyCandidates>>(EnableCopyCandidates{});
    services().onLab(
        this,
        [answer, groups = m_storageGroups](const Lab &lab) {
            *answer = cmdlets::enableCopyCandidates(lab, groups);
        },
        [this, answer] { showCandidates(*answer); });
}

void EnableCopyWizard::showCandidates(const Result<EnableCopyCandidates> &answer)
{
    m_candidatesLoaded = answer.hasValue();
    m_standbyList->clear();
    const std::vector<EnableCopyCandidate> candidates =
        answer ? answer->servers : std::vector<EnableCopyCandidate>{};
    const QString preselect = cmdlets::enableCopyPreselection(candidates, m_preselect);
    QTreeWidgetItem *preselected = nullptr;
    int eligible = 0;
    for (const EnableCopyCandidate &c : candidates) {
        const bool ok = c.eligible();
        QString note = c.reason;
        if (ok && !c.holding.isEmpty())
            note = tr("already holds the copy of %1 (skipped)").arg(c.holding.join(QStringLiteral(", ")));
        auto *item = new QTreeWidgetItem({c.server, ok ? tr("Yes") : tr("No"), note});
        item->setData(0, Qt::UserRole, ok);
        item->setToolTip(2, note);
        if (!ok)
            item->setForeground(0, palette().brush(QPalette::Disabled, QPalette::Text));
        m_standbyList->addTopLevelItem(item);
        eligible += ok ? 1 : 0;
        if (c.server == preselect)
            preselected = item;
    }
    m_standbyList->sortItems(0, Qt::AscendingOrder);
    if (!answer)
        m_standbyNote->setText(answer.error().toString());
    else if (eligible == 0)
        m_standbyNote->setText(tr("No server can take the copy now: each one's reason is listed. Fix one "
                                  "(Start-Host, Disable-StorageGroupCopy...) and open the wizard again."));
    else
        m_standbyNote->setText(tr("%n server(s) can take the copy.", nullptr, eligible));
    if (preselected)
        m_standbyList->setCurrentItem(preselected);
    m_standbyPage->refresh();
}

std::function<Preparation(const Lab &)> EnableCopyWizard::prepare() const
{
    return [request = EnableCopyRequest{m_storageGroups, standbyMachine(), replayLagMs(), truncationLagMs()}](
               const Lab &lab) { return cmdlets::prepareEnableCopy(lab, request); };
}

void EnableCopyWizard::fillCompletion(FlowState state, QVBoxLayout *layout)
{
    if (state != FlowState::Completed)
        return;
    auto *note = new QLabel(tr(
        "The copies start with their first closed log: each shows Initializing, then Healthy once a log "
        "is inspected. Watch them in the Replication Health dashboard, or with Get-StorageGroupCopyStatus."));
    note->setObjectName(QStringLiteral("enableNote"));
    note->setWordWrap(true);
    layout->addWidget(note);
}

} // namespace scr
