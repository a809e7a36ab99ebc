#pragma once
// PortabilityWizard: Activate by Database Portability (skeleton: being built in issue 13).

#include "lab/labsnapshot.h"
#include "scrwizard.h"

namespace scr {

class PortabilityWizard final : public ScrWizard
{
    Q_OBJECT
public:
    PortabilityWizard(const LabSnapshot &snapshot, const QString &target, WizardServices services,
                      QWidget *parent = nullptr);

protected:
    std::function<std::vector<PreflightCheck>(Lab &)> preflight() const override;
    std::vector<FlowStep> plan() const override;

private:
    LabSnapshot m_snapshot;
    QString m_target;
};

} // namespace scr
