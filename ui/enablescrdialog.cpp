#include "enablescrdialog.h"

#include "ems/binder.h"
#include "ems/parser.h"

#include <algorithm>

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace scr {

EnableScrDialog::EnableScrDialog(const LabSnapshot &snapshot, const StorageGroupRecord &sg, QWidget *parent)
    : QDialog(parent), m_identity(sg.identity()), m_standby(new QComboBox(this)),
      m_replayLag(new QLineEdit(QStringLiteral("1.00:00:00"), this)),
      m_truncationLag(new QLineEdit(QStringLiteral("0.00:00:00"), this)), m_problem(new QLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("enableScrDialog"));
    setWindowTitle(tr("Enable Storage Group Copy: %1").arg(m_identity));
    m_standby->setObjectName(QStringLiteral("standbyMachine"));
    QStringList idle;
    QStringList busy;
    for (const ServerRecord &s : snapshot.servers) {
        if (!s.installed || !s.mailboxRole || s.name.compare(sg.server, Qt::CaseInsensitive) == 0)
            continue;
        const bool holdsGroups = std::any_of(
            snapshot.storageGroups.begin(), snapshot.storageGroups.end(), [&](const StorageGroupSnapshot &g) {
                return g.record.server.compare(s.name, Qt::CaseInsensitive) == 0;
            });
        (holdsGroups ? busy : idle) << s.name;
    }
    m_standby->addItems(idle + busy);
    m_replayLag->setObjectName(QStringLiteral("replayLagTime"));
    m_truncationLag->setObjectName(QStringLiteral("truncationLagTime"));
    m_problem->setObjectName(QStringLiteral("problem"));
    m_problem->setStyleSheet(QStringLiteral("color: #b03020"));
    m_buttons->setObjectName(QStringLiteral("buttons"));
    connect(m_replayLag, &QLineEdit::textChanged, this, &EnableScrDialog::check);
    connect(m_truncationLag, &QLineEdit::textChanged, this, &EnableScrDialog::check);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *form = new QFormLayout;
    form->addRow(tr("Storage group:"), new QLabel(m_identity, this));
    form->addRow(tr("&Standby machine:"), m_standby);
    form->addRow(tr("&ReplayLagTime:"), m_replayLag);
    form->addRow(tr("&TruncationLagTime:"), m_truncationLag);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);
    check();
}

void EnableScrDialog::check()
{
    QString why;
    if (!ems::parseTimeSpan(m_replayLag->text()))
        why = tr("ReplayLagTime is d.hh:mm:ss, e.g. 1.00:00:00");
    else if (!ems::parseTimeSpan(m_truncationLag->text()))
        why = tr("TruncationLagTime is d.hh:mm:ss, e.g. 0.00:00:00");
    else if (m_standby->count() == 0)
        why = tr("There is no other mailbox server to be the standby machine");
    m_problem->setText(why);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(why.isEmpty());
}

QString EnableScrDialog::command() const
{
    using ems::quote;
    return QStringLiteral(
               "Enable-StorageGroupCopy %1 -StandbyMachine %2 -ReplayLagTime %3 -TruncationLagTime %4")
        .arg(quote(m_identity), quote(m_standby->currentText()), m_replayLag->text().trimmed(),
             m_truncationLag->text().trimmed());
}

} // namespace scr
