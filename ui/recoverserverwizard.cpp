#include "recoverserverwizard.h"

#include "models/displaytime.h"

#include <algorithm>
#include <map>

#include <QCheckBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace scr {
namespace {

QTreeWidget *listWidget(const QString &name, const QString &accessible, const QStringList &headers)
{
    auto *list = new QTreeWidget;
    list->setObjectName(name);
    list->setAccessibleName(accessible);
    list->setHeaderLabels(headers);
    list->setRootIsDecorated(false);
    list->setWordWrap(true);
    list->header()->setStretchLastSection(true);
    return list;
}

QLabel *noteLabel(const QString &name)
{
    auto *label = new QLabel;
    label->setObjectName(name);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    return label;
}

} // namespace

RecoverServerWizard::RecoverServerWizard(const LabSnapshot &snapshot, const QString &target,
                                         WizardServices services, QWidget *parent)
    : ScrWizard(tr("Activate by Recover Server"),
                tr("This wizard rebuilds a failed Exchange server on a standby machine that holds SCR copies "
                   "of its storage groups.\n\n"
                   "Every storage group of the server with a copy on that standby machine is activated "
                   "(Restore-StorageGroupCopy -Force: the logs never copied are lost). Storage groups "
                   "without a copy there are lost: you will restore them from a backup or mount empty "
                   "dial-tone databases.\n\n"
                   "Then Exchange is uninstalled from the standby machine, the machine is given the failed "
                   "server's name (its computer account taken over) and setup /m:RecoverServer makes it "
                   "the failed server; the databases are recovered from the copied logs and mounted. "
                   "Uninstall and rename cannot be undone: a warning page comes before them.\n\n"
                   "Use it when the failed server's host is down for good. If the wizard stops half-way, "
                   "run it again: it plans from what is done."),
                std::move(services), parent),
      m_snapshot(snapshot), m_target(target)
{
    setObjectName(QStringLiteral("recoverServerWizard"));
    setHelpSection(QStringLiteral("Activate by Recover Server"));
    m_server = target.section(QLatin1Char('>'), 0, 0).trimmed();
    m_preferredStandby = target.section(QLatin1Char('>'), 1).trimmed();
    setWindowTitle(tr("Activate by Recover Server: %1").arg(m_server));
    buildStandbyPage();
    buildStorageGroupsPage();
    buildWarningPage();
    // The summary's extras: the loss of each storage group to accept, when there is one.
    m_acceptBox = new QWidget;
    m_acceptBox->setObjectName(QStringLiteral("acceptLossBox"));
    m_acceptBox->setLayout(new QVBoxLayout);
    m_acceptBox->layout()->setContentsMargins(0, 0, 0, 0);
    summaryExtras()->addWidget(m_acceptBox);
    setSummaryCondition([this] {
        return std::all_of(m_acceptLoss.begin(), m_acceptLoss.end(),
                           [](const QCheckBox *box) { return box->isChecked(); });
    });
    loadCandidates();
}

void RecoverServerWizard::buildStandbyPage()
{
    m_standbyPage = new WizardPage;
    m_standbyPage->setObjectName(QStringLiteral("standbyPage"));
    m_standbyPage->setTitle(tr("Standby Machine"));
    m_standbyPage->setSubTitle(tr("Choose the standby machine that takes the place of %1.").arg(m_server));
    m_standbyList =
        listWidget(QStringLiteral("standbyList"), tr("Standby machines"),
                   {tr("Standby machine"), tr("SCR copies of %1").arg(m_server), tr("Can take over")});
    m_standbyList->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_standbyList->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_standbyNote = noteLabel(QStringLiteral("standbyNote"));
    m_standbyNote->setText(tr("Looking for the standby machines..."));
    auto *layout = new QVBoxLayout(m_standbyPage);
    auto *label = new QLabel(tr("&Standby machines holding copies of %1's storage groups:").arg(m_server));
    label->setBuddy(m_standbyList);
    layout->addWidget(label);
    layout->addWidget(m_standbyList, 1);
    layout->addWidget(m_standbyNote);
    m_standbyPage->complete = [this] { return !standbyHost().isEmpty(); };
    connect(m_standbyList, &QTreeWidget::currentItemChanged, this, [this] {
        showStandbyChoice();
        m_standbyPage->refresh();
    });
    setPage(StandbyPage, m_standbyPage);
}

void RecoverServerWizard::buildStorageGroupsPage()
{
    m_groupsPage = new WizardPage;
    m_groupsPage->setObjectName(QStringLiteral("storageGroupsPage"));
    m_groupsPage->setTitle(tr("Storage Groups"));
    m_groupsPage->setSubTitle(tr("What is activated on the standby machine, and what is lost."));
    m_groupsList =
        listWidget(QStringLiteral("storageGroupsList"), tr("Storage groups of %1").arg(m_server),
                   {tr("Storage group"), tr("Outcome"), tr("Databases"), tr("Mail lost if activated now")});
    m_groupsList->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_groupsList->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_groupsNote = noteLabel(QStringLiteral("storageGroupsNote"));
    // The RPO preview of each copy activated, as the portability wizard shows it: read-only.
    m_rpo = noteLabel(QStringLiteral("rpoPreview"));
    m_rpo->setAccessibleName(tr("Recovery point preview"));
    auto *layout = new QVBoxLayout(m_groupsPage);
    layout->addWidget(m_groupsList, 1);
    layout->addWidget(m_rpo);
    layout->addWidget(m_groupsNote);
    m_groupsPage->complete = [this] { return m_groupsList->topLevelItemCount() > 0; };
    setPage(StorageGroupsPage, m_groupsPage);
}

void RecoverServerWizard::buildWarningPage()
{
    m_warningPage = new WizardPage;
    m_warningPage->setObjectName(QStringLiteral("warningPage"));
    m_warningPage->setTitle(tr("Warning: Irreversible Steps"));
    m_warningPage->setSubTitle(tr("Read this before the wizard starts."));
    m_warningText = noteLabel(QStringLiteral("warningText"));
    m_understand = new QCheckBox;
    m_understand->setObjectName(QStringLiteral("understand"));
    m_understand->setAccessibleName(tr("I understand the irreversible steps"));
    auto *layout = new QVBoxLayout(m_warningPage);
    layout->addWidget(m_warningText);
    layout->addWidget(m_understand);
    layout->addStretch();
    m_warningPage->complete = [this] { return m_understand->isHidden() || m_understand->isChecked(); };
    connect(m_understand, &QCheckBox::toggled, m_warningPage, &WizardPage::refresh);
    setPage(WarningPage, m_warningPage);
}

void RecoverServerWizard::loadCandidates()
{
    auto result =
        std::make_shared<Result<std::vector<RecoverServerCandidate>>>(std::vector<RecoverServerCandidate>{});
    services().onLab(
        this,
        [server = m_server, result](const Lab &lab) {
            *result = cmdlets::recoverServerCandidates(lab, server);
        },
        [this, result] {
            m_candidatesLoaded = true;
            m_standbyList->clear();
            if (!*result) {
                m_standbyNote->setText(result->error().toString());
                m_standbyPage->refresh();
                return;
            }
            m_candidates = **result;
            for (const RecoverServerCandidate &c : m_candidates) {
                auto *item = new QTreeWidgetItem(m_standbyList);
                const QString name = c.standby.isEmpty() ? c.host : c.standby;
                item->setText(0, name);
                item->setText(1, c.restored > 0
                                     ? tr("%1 (%2 activated already)").arg(c.copies).arg(c.restored)
                                     : QString::number(c.copies));
                item->setText(2, c.whyNot.isEmpty() ? tr("Yes") : tr("No: %1").arg(c.whyNot));
                item->setData(0, Qt::UserRole, c.host);
                item->setToolTip(2, item->text(2));
            }
            const int pick = cmdlets::recoverServerPreselection(m_candidates, m_preferredStandby);
            if (QTreeWidgetItem *item = m_standbyList->topLevelItem(pick))
                m_standbyList->setCurrentItem(item);
            if (m_candidates.empty())
                m_standbyNote->setText(
                    tr("No standby machine holds an SCR copy of %1's storage groups: it cannot be recovered "
                       "by this wizard. Restore its storage groups from backups instead.")
                        .arg(m_server));
            showStandbyChoice();
            m_standbyPage->refresh();
        });
}

QString RecoverServerWizard::standbyHost() const
{
    const QTreeWidgetItem *item = m_standbyList ? m_standbyList->currentItem() : nullptr;
    return item ? item->data(0, Qt::UserRole).toString() : QString();
}

void RecoverServerWizard::showStandbyChoice()
{
    if (!m_candidatesLoaded || m_candidates.empty())
        return;
    const QString host = standbyHost();
    for (const RecoverServerCandidate &c : m_candidates) {
        if (c.host != host)
            continue;
        m_standbyNote->setText(
            c.whyNot.isEmpty()
                ? tr("%1 can take the place of %2.").arg(c.label(), m_server)
                : tr("%1 cannot take the place of %2 now: %3. The pre-flight checks will say so too.")
                      .arg(c.label(), m_server, c.whyNot));
    }
}

void RecoverServerWizard::loadGroups()
{
    m_groupsList->clear();
    m_groupsNote->setText(tr("Reading the storage groups..."));
    m_groupsPage->refresh();
    const QString host = standbyHost();
    auto result = std::make_shared<Result<RecoverServerPlan>>(RecoverServerPlan{});
    services().onLab(
        this,
        [server = m_server, host, result](const Lab &lab) {
            *result = cmdlets::planRecoverServer(lab, server, host);
        },
        [this, result, host] {
            if (host != standbyHost())
                return; // the choice changed since
            if (!*result) {
                m_groupsNote->setText(result->error().toString());
                return;
            }
            const RecoverServerPlan &p = **result;
            QStringList rpo;
            for (const RecoverServerGroup &g : p.activated) {
                auto *item = new QTreeWidgetItem(m_groupsList);
                item->setText(0, g.identity);
                item->setText(1, g.restored ? tr("Activated already on %1").arg(p.standbyHost)
                                            : tr("Activated from its SCR copy on %1").arg(p.standbyHost));
                item->setText(2, g.databases.join(QStringLiteral(", ")));
                item->setData(0, Qt::UserRole, QStringLiteral("activated"));
                if (g.rpo) {
                    item->setText(3, g.rpo->losesData() ? tr("%n log(s)", nullptr, int(g.rpo->lostLogs())) +
                                                              tr(", at most %n minute(s) of mail", nullptr,
                                                                 int(g.rpo->lostMinutes()))
                                                        : tr("None"));
                    if (g.rpo->losesData())
                        item->setIcon(3, style()->standardIcon(QStyle::SP_MessageBoxWarning));
                    rpo << g.identity + QLatin1Char(':');
                    for (const QString &line : g.rpo->lines(displayTime))
                        rpo << QStringLiteral("  ") + line;
                } else if (g.restored) {
                    item->setText(3, tr("Nothing more (activated already)"));
                }
                item->setToolTip(3, item->text(3));
            }
            m_rpo->setText(rpo.join(QLatin1Char('\n')));
            for (const RecoverServerGroup &g : p.lost) {
                auto *item = new QTreeWidgetItem(m_groupsList);
                item->setText(0, g.identity);
                item->setText(1, tr("LOST: no SCR copy on %1").arg(p.standbyHost));
                item->setText(2, g.databases.join(QStringLiteral(", ")));
                item->setData(0, Qt::UserRole, QStringLiteral("lost"));
                item->setIcon(1, style()->standardIcon(QStyle::SP_MessageBoxWarning));
            }
            QString note;
            if (p.lost.empty()) {
                note = tr("Every storage group of %1 has a copy on %2: none is lost.")
                           .arg(m_server, p.standbyHost);
            } else {
                note =
                    tr("The lost storage groups (%1) come back on the recovered server with no database "
                       "file. After the recovery you choose, for each:\n"
                       "  - restore it from its last full backup (its mail up to that backup, and the logs "
                       "since if they survived), or\n"
                       "  - mount an empty dial-tone database (Mount-Database -Force) so that its users can "
                       "send and receive mail at once; their old mail can be merged in later from a "
                       "restore.\n"
                       "The wizard does neither: it lists the commands again on its last page.")
                        .arg(p.lostIdentities().join(QStringLiteral(", ")));
            }
            m_groupsNote->setText(note);
            m_groupsPage->refresh();
        });
}

void RecoverServerWizard::initializePage(int id)
{
    if (id == StorageGroupsPage)
        loadGroups();
    if (id == WarningPage) {
        QStringList irreversible;
        for (const FlowStep &s : steps())
            if (s.irreversible)
                irreversible << QStringLiteral("  - %1").arg(s.title);
        const RecoverServerPlan p = currentPlan();
        if (irreversible.isEmpty()) {
            m_warningText->setText(
                tr("The irreversible steps are done already; the wizard finishes the recovery of %1.")
                    .arg(m_server));
            m_understand->hide();
        } else {
            QString text =
                tr("These steps cannot be undone, and the wizard cannot be cancelled once the first "
                   "of them has started:\n%1\n\n")
                    .arg(irreversible.join(QLatin1Char('\n')));
            text += tr("After them %1 is no longer a standby machine: its Exchange installation is gone, it "
                       "carries the name %2, and the host %3 must never come back on the network under that "
                       "name.")
                        .arg(p.standbyHost, m_server, p.serverHost);
            if (!p.lost.empty())
                text += QLatin1String("\n\n") +
                        tr("Lost (no copy on %1): %2.")
                            .arg(p.standbyHost, p.lostIdentities().join(QStringLiteral(", ")));
            m_warningText->setText(text);
            m_understand->setText(
                tr("&I understand that %1 will be uninstalled and renamed %2, and that this cannot be undone")
                    .arg(p.standbyHost, m_server));
            m_understand->show();
        }
        m_warningPage->refresh();
    }
    ScrWizard::initializePage(id);
    if (id == SummaryPage)
        updateAcceptance();
}

void RecoverServerWizard::updateAcceptance()
{
    // What the last pre-flight planned is what runs: a box for each of its losses, a box ticked before kept
    // ticked only while its text (the loss) is the same.
    std::map<QString, bool> ticked;
    for (QCheckBox *box : m_acceptLoss) {
        ticked[box->text()] = box->isChecked();
        delete box;
    }
    m_acceptLoss.clear();
    for (const MailLoss &loss : preparation().losses) {
        auto *box = new QCheckBox(tr("I accept the loss of %n log(s)", nullptr, int(loss.logs)) +
                                  tr(" (%n minute(s) of mail)", nullptr, int(loss.minutes)) +
                                  tr(" in %1").arg(loss.storageGroup));
        box->setObjectName(QStringLiteral("acceptLoss:") + loss.storageGroup);
        box->setAccessibleName(tr("Accept the loss of mail of %1").arg(loss.storageGroup));
        box->setAccessibleDescription(box->text());
        box->setChecked(ticked[box->text()]);
        connect(box, &QCheckBox::toggled, this, [this] { refreshSummary(); });
        m_acceptBox->layout()->addWidget(box);
        m_acceptLoss.push_back(box);
    }
    refreshSummary();
}

RecoverServerPlan RecoverServerWizard::currentPlan() const
{
    const QVariant &details = preparation().details;
    return details.canConvert<RecoverServerPlan>() ? details.value<RecoverServerPlan>() : RecoverServerPlan{};
}

std::function<Preparation(const Lab &)> RecoverServerWizard::prepare() const
{
    return [server = m_server, host = standbyHost()](const Lab &lab) {
        return cmdlets::prepareRecoverServer(lab, server, host);
    };
}

void RecoverServerWizard::fillCompletion(FlowState state, QVBoxLayout *layout)
{
    const RecoverServerPlan p = currentPlan();
    QStringList databases;
    for (const RecoverServerGroup &g : p.activated)
        databases << g.databases;
    auto *recovered = noteLabel(QStringLiteral("completionRecovered"));
    if (state == FlowState::Completed)
        recovered->setText(tr("%1 runs on the former standby machine %2 (host %1 now). Mounted there: %3.")
                               .arg(m_server, p.standbyHost, databases.join(QStringLiteral(", "))));
    else
        recovered->setText(
            tr("The recovery of %1 did not finish: what ran is above, nothing else was changed. "
               "Fix what failed and run this wizard again: it plans from what is done.")
                .arg(m_server));
    layout->addWidget(recovered);
    if (!p.lost.empty()) {
        QStringList lines;
        for (const RecoverServerGroup &g : p.lost) {
            lines << tr("%1 is lost (it had no SCR copy on %2):").arg(g.identity, p.standbyHost);
            for (const QString &choice : cmdlets::lostGroupChoices(g))
                lines << QStringLiteral("    ") + choice;
        }
        auto *lost = noteLabel(QStringLiteral("completionLost"));
        lost->setText(lines.join(QLatin1Char('\n')));
        layout->addWidget(lost);
    }
    if (state == FlowState::Completed && !p.activated.empty()) {
        auto *protect = new QPushButton(tr("&Enable SCR for the recovered storage groups..."));
        protect->setObjectName(QStringLiteral("protectAgain"));
        protect->setAccessibleDescription(
            tr("Opens the Enable Storage Group Copy wizard for the storage groups this wizard recovered"));
        const QStringList groups = p.activatedIdentities();
        connect(protect, &QPushButton::clicked, this,
                [this, groups] { Q_EMIT enableCopiesRequested(groups, QString()); });
        layout->addWidget(protect, 0, Qt::AlignLeft);
    }
}

} // namespace scr
