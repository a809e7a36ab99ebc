#pragma once
// SettingsDialog: Tools > Settings..., the Replication Dashboard's three thresholds (HealthThresholds):
// CopyQueueLength in logs, the ReplayQueueLength beyond what ReplayLagTime and SCR's 50-log hold-back
// explain in logs, and the age of the last inspected log in minutes of virtual time. Each spin box says
// its unit and has What's This help; Restore Defaults puts the documented defaults back. The dialog only
// edits values: the window saves them (QSettings) and judges the copies again on OK.

#include "models/replicationhealth.h"

#include <QDialog>

class QSpinBox;

namespace scr {

class SettingsDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit SettingsDialog(const HealthThresholds &thresholds, QWidget *parent = nullptr);

    HealthThresholds thresholds() const;
    void setThresholds(const HealthThresholds &thresholds);

private:
    QSpinBox *m_copyQueue;
    QSpinBox *m_replayQueue;
    QSpinBox *m_inspectedAge;
};

} // namespace scr
