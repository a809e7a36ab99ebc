#include "mailflowdialog.h"

#include "cmdlets/mailflow.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace scr {

using L = cmdlets::MailFlowLimits;

MailFlowDialog::MailFlowDialog(const QString &database, QWidget *parent)
    : QDialog(parent), m_database(database), m_rate(new QSpinBox), m_size(new QSpinBox),
      m_estimate(new QLabel), m_problem(new QLabel),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel))
{
    setObjectName(QStringLiteral("mailFlowDialog"));
    setWindowTitle(tr("Start Mail Flow to %1").arg(database));
    m_rate->setObjectName(QStringLiteral("messagesPerMinute"));
    // One past each limit, so that a typed value out of range is shown and refused by the cmdlet's rule,
    // not silently clamped by the spin box.
    m_rate->setRange(static_cast<int>(L::kMinMessagesPerMinute),
                     static_cast<int>(L::kMaxMessagesPerMinute) + 1);
    m_rate->setValue(static_cast<int>(L::kDefaultMessagesPerMinute));
    m_rate->setSuffix(tr(" messages a minute"));
    m_rate->setAccessibleName(tr("Messages a minute"));
    m_size->setObjectName(QStringLiteral("messageSizeKB"));
    m_size->setRange(0, static_cast<int>(L::kMaxMessageSizeKB) + 1);
    m_size->setValue(static_cast<int>(L::kDefaultMessageSizeKB));
    m_size->setSuffix(tr(" KB"));
    m_size->setAccessibleName(tr("Message size in KB"));
    m_estimate->setObjectName(QStringLiteral("mailFlowEstimate"));
    m_estimate->setWordWrap(true);
    m_problem->setObjectName(QStringLiteral("mailFlowProblem"));
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #b03020;"));

    auto *form = new QFormLayout;
    form->addRow(tr("&Rate:"), m_rate);
    form->addRow(tr("Message &size:"), m_size);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(
        new QLabel(tr("Mail is delivered to the user mailboxes of %1 on the virtual clock; each message is "
                      "written to the database's transaction logs, which SCR ships to its copies.")
                       .arg(database)));
    layout->addLayout(form);
    layout->addWidget(m_estimate);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_rate, &QSpinBox::valueChanged, this, &MailFlowDialog::check);
    connect(m_size, &QSpinBox::valueChanged, this, &MailFlowDialog::check);
    check();
}

QString MailFlowDialog::command() const
{
    return cmdlets::startMailFlowCommand(m_database, m_rate->value(), m_size->value()).text();
}

void MailFlowDialog::check()
{
    const Status ok = cmdlets::checkMailFlow(m_rate->value(), m_size->value());
    m_problem->setText(ok ? QString() : ok.error().toString());
    m_problem->setVisible(!ok);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(ok.hasValue());
    // What it means for the logs: a log generation is 1 MiB, so this many logs a virtual hour (roughly: the
    // messages' bodies are described, not stored; the log records keep their logical size).
    const double mibPerHour = m_rate->value() * 60.0 * m_size->value() / 1024.0;
    m_estimate->setText(tr("About %1 transaction logs a virtual hour.")
                            .arg(QLocale().toString(static_cast<qint64>(mibPerHour + 0.5))));
}

} // namespace scr
