#pragma once
// PrepareTargetWizard: Prepare SCR Target (skeleton: being built in issue 13).

#include "lab/labsnapshot.h"
#include "scrwizard.h"

namespace scr {

class PrepareTargetWizard final : public ScrWizard
{
    Q_OBJECT
public:
    PrepareTargetWizard(const LabSnapshot &snapshot, const QString &target, WizardServices services,
                        QWidget *parent = nullptr);

protected:
    std::function<std::vector<PreflightCheck>(Lab &)> preflight() const override;
    std::vector<FlowStep> plan() const override;

private:
    LabSnapshot m_snapshot;
    QString m_target;
};

} // namespace scr
