#include "portabilitywizard.h"

namespace scr {

PortabilityWizard::PortabilityWizard(const LabSnapshot &snapshot, const QString &target,
                                     WizardServices services, QWidget *parent)
    : ScrWizard(tr("Activate by Database Portability"), tr("Activate by Database Portability."),
                std::move(services), parent),
      m_snapshot(snapshot), m_target(target)
{
    setObjectName(QStringLiteral("portabilityWizard"));
}

std::function<std::vector<PreflightCheck>(Lab &)> PortabilityWizard::preflight() const
{
    return [](Lab &) { return std::vector<PreflightCheck>{}; };
}

std::vector<FlowStep> PortabilityWizard::plan() const
{
    return {};
}

} // namespace scr
