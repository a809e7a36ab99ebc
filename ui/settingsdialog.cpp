#include "settingsdialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace scr {

SettingsDialog::SettingsDialog(const HealthThresholds &thresholds, QWidget *parent)
    : QDialog(parent), m_copyQueue(new QSpinBox), m_replayQueue(new QSpinBox), m_inspectedAge(new QSpinBox)
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings"));

    // Each threshold: its name (tests and accessibility find it by name), range, unit and What's This.
    const auto configure = [](QSpinBox *box, const char *name, int maximum, const QString &suffix,
                              const QString &whatsThis) {
        box->setObjectName(QLatin1String(name));
        box->setRange(0, maximum);
        box->setSuffix(suffix);
        box->setWhatsThis(whatsThis);
    };
    configure(m_copyQueue, "copyQueueLogs", HealthThresholds::kMaxLogs, tr(" logs"),
              tr("A copy whose CopyQueueLength (logs the source has closed and the standby machine has not "
                 "copied yet: what would be lost if the source failed now) is above this many logs is in "
                 "alert. Default: %1 logs.")
                  .arg(HealthThresholds::kDefaultCopyQueueLogs));
    configure(
        m_replayQueue, "replayQueueExtraLogs", HealthThresholds::kMaxLogs, tr(" logs"),
        tr("A copy's ReplayQueueLength is expected to hold the logs made during its ReplayLagTime (at the "
           "rate its own queue shows) plus the 50 logs SCR always keeps unreplayed. A copy whose queue is "
           "above that by more than this many logs is in alert: its replay is behind. Default: %1 logs.")
            .arg(HealthThresholds::kDefaultReplayQueueExtraLogs));
    configure(m_inspectedAge, "inspectedAgeMinutes", HealthThresholds::kMaxMinutes, tr(" min"),
              tr("A copy whose last inspected log is older than this many minutes of virtual time, while its "
                 "source is powered on and has closed a newer log, is in alert: copying or inspecting has "
                 "stalled. Default: %1 minutes.")
                  .arg(HealthThresholds::kDefaultInspectedAgeMinutes));

    auto *group = new QGroupBox(tr("Replication Dashboard thresholds"));
    auto *form = new QFormLayout(group);
    form->addRow(tr("CopyQueueLength above:"), m_copyQueue);
    form->addRow(tr("ReplayQueueLength beyond the lag and hold-back by:"), m_replayQueue);
    form->addRow(tr("Last inspected log older than:"), m_inspectedAge);
    auto *note = new QLabel(tr("A copy that crosses a threshold is drawn in amber with a warning sign in the "
                               "dashboard, the console tree and the result pane, and a Warning event (9100) "
                               "is raised once when it crosses."));
    note->setWordWrap(true);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel |
                                         QDialogButtonBox::RestoreDefaults);
    buttons->setObjectName(QStringLiteral("buttons"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this,
            [this] { setThresholds(HealthThresholds{}); });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(group);
    layout->addWidget(note);
    layout->addWidget(buttons);
    setThresholds(thresholds);
}

HealthThresholds SettingsDialog::thresholds() const
{
    HealthThresholds t;
    t.copyQueueLogs = m_copyQueue->value();
    t.replayQueueExtraLogs = m_replayQueue->value();
    t.inspectedAgeMinutes = m_inspectedAge->value();
    return t;
}

void SettingsDialog::setThresholds(const HealthThresholds &thresholds)
{
    m_copyQueue->setValue(thresholds.copyQueueLogs);
    m_replayQueue->setValue(thresholds.replayQueueExtraLogs);
    m_inspectedAge->setValue(thresholds.inspectedAgeMinutes);
}

} // namespace scr
