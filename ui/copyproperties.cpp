#include "copyproperties.h"

#include "cmdlets/copystatusfields.h"
#include "command/commandline.h"
#include "models/consoleactions.h"

#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLocale>
#include <QTabWidget>
#include <QVBoxLayout>

namespace scr {
namespace {

// The log rows: the generation's field, its time's field, and what the row is called.
struct LogRow
{
    const char *generation;
    const char *time;
    const char *label;
};
const LogRow kLogRows[] = {
    {"LastLogGenerated", "LatestAvailableLogTime", QT_TRANSLATE_NOOP("scr::CopyProperties", "Generated:")},
    {"LastLogCopyNotified", "LastCopyNotificationedLogTime",
     QT_TRANSLATE_NOOP("scr::CopyProperties", "Copy notified:")},
    {"LastLogCopied", "LastCopiedLogTime", QT_TRANSLATE_NOOP("scr::CopyProperties", "Copied:")},
    {"LastLogInspected", "LastInspectedLogTime", QT_TRANSLATE_NOOP("scr::CopyProperties", "Inspected:")},
    {"LastLogReplayed", "LastReplayedLogTime", QT_TRANSLATE_NOOP("scr::CopyProperties", "Replayed:")},
};

QString yesNo(bool on)
{
    return on ? CopyProperties::tr("Yes") : CopyProperties::tr("No");
}

} // namespace

CopyProperties::CopyProperties(const CopyKey &copy, Run run, QWidget *parent)
    : PropertySheet(copy.toString(), std::move(run), parent), m_copy(copy)
{
    setObjectName(QStringLiteral("copyProperties"));
    setWindowTitle(tr("%1 Properties").arg(copy.displayName()));

    auto *general = new QWidget;
    auto *status = new QGroupBox(tr("Status"));
    auto *statusForm = new QFormLayout(status);
    const auto row = [this](QFormLayout *form, const QString &label, const char *name) {
        form->addRow(label, addField(QLatin1String(name)));
    };
    row(statusForm, tr("Storage group:"), "Identity");
    row(statusForm, tr("Standby machine:"), "StandbyMachine");
    row(statusForm, tr("Summary copy status:"), "SummaryCopyStatus");
    row(statusForm, tr("Failed:"), "Failed");
    row(statusForm, tr("Failed message:"), "FailedMessage");
    row(statusForm, tr("Seeding:"), "Seeding");
    row(statusForm, tr("Suspended:"), "Suspend");
    row(statusForm, tr("Suspend comment:"), "SuspendComment");
    row(statusForm, tr("Note:"), "Note");
    auto *queues = new QGroupBox(tr("Queues and lags"));
    auto *queueForm = new QFormLayout(queues);
    row(queueForm, tr("Copy queue length:"), "CopyQueueLength");
    row(queueForm, tr("Replay queue length:"), "ReplayQueueLength");
    row(queueForm, tr("Replay lag time:"), "ReplayLagTime");
    row(queueForm, tr("Truncation lag time:"), "TruncationLagTime");
    row(queueForm, tr("Latest full backup:"), "LatestFullBackupTime");
    auto *generalLayout = new QVBoxLayout(general);
    generalLayout->addWidget(status);
    generalLayout->addWidget(queues);
    generalLayout->addStretch(1);
    tabs()->addTab(general, tr("General"));

    // The logs as a grid: each step of the copy's pipeline with its generation and that log's time.
    auto *logs = new QWidget;
    auto *grid = new QGridLayout(logs);
    grid->addWidget(new QLabel(tr("<b>Log</b>")), 0, 0);
    grid->addWidget(new QLabel(tr("<b>Generation</b>")), 0, 1);
    grid->addWidget(new QLabel(tr("<b>Time (age on the lab's clock)</b>")), 0, 2);
    int r = 1;
    for (const LogRow &log : kLogRows) {
        grid->addWidget(new QLabel(tr(log.label)), r, 0);
        grid->addWidget(addField(QLatin1String(log.generation)), r, 1);
        grid->addWidget(addField(QLatin1String(log.time)), r, 2);
        ++r;
    }
    grid->addWidget(new QLabel(tr("Last inspected log age:")), r, 0);
    grid->addWidget(addField(QStringLiteral("LastInspectedLogAge")), r, 2);
    grid->setRowStretch(r + 1, 1);
    grid->setColumnStretch(2, 1);
    tabs()->addTab(logs, tr("Logs"));
    resize(560, 480);
}

QLabel *CopyProperties::addField(const QString &name)
{
    auto *label = new QLabel;
    label->setObjectName(name);
    label->setToolTip(tr("%1 in Get-StorageGroupCopyStatus").arg(name));
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setWordWrap(true);
    m_fields[name] = label;
    return label;
}

QLabel *CopyProperties::field(const QString &name) const
{
    const auto it = m_fields.find(name);
    return it == m_fields.end() ? nullptr : it->second;
}

// raw: the value as the cmdlet holds it (a number, a time in ms), kept in the label's "rawValue" property.
void CopyProperties::set(const QString &name, const QString &text, const QVariant &raw)
{
    QLabel *label = field(name);
    label->setText(text);
    label->setProperty("rawValue", raw.isValid() ? raw : QVariant(text));
}

bool CopyProperties::refresh(const LabSnapshot &snapshot)
{
    const CopySnapshot *c = ConsoleActions::copy(snapshot, m_copy.storageGroup, m_copy.standby);
    if (!c)
        return false;
    const CopyStatus &s = c->status;
    const CopyFieldSource source{s, c->record, s.identity, s.identity.section(QLatin1Char('\\'), 1),
                                 lastInspectedLogAge(s, snapshot.nowMs)};
    // Every field of the status table that the sheet has a label for, shown by its kind.
    for (const CopyField &f : copyStatusFields()) {
        const QString name = QLatin1String(f.name);
        if (!field(name))
            continue;
        const QVariant value = f.value(source);
        const qint64 n = value.toLongLong();
        switch (f.kind) {
        case CopyFieldKind::Text:
            set(name, value.toString());
            break;
        case CopyFieldKind::Summary:
            set(name, summaryCopyStatusName(static_cast<SummaryCopyStatus>(value.toInt())));
            break;
        case CopyFieldKind::Flag:
            set(name, yesNo(value.toBool()), value);
            break;
        case CopyFieldKind::Count:
            set(name, QLocale().toString(n), n);
            break;
        case CopyFieldKind::Time:
            set(name, propertyTime(n, snapshot.nowMs), n);
            break;
        case CopyFieldKind::TimeSpan:
            set(name, ems::formatTimeSpan(n), n);
            break;
        case CopyFieldKind::Age:
            set(name, n < 0 ? QStringLiteral("\u2014") : ems::formatTimeSpan(n), n);
            break;
        }
    }
    return true;
}

QString CopyProperties::goneText() const
{
    return tr("The SCR copy %1 is gone (disabled, or its storage group removed). The values shown are the "
              "last it had.")
        .arg(m_copy.displayName());
}

} // namespace scr
