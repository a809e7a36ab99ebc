#include "preparetargetwizard.h"

namespace scr {

PrepareTargetWizard::PrepareTargetWizard(const LabSnapshot &snapshot, const QString &target,
                                         WizardServices services, QWidget *parent)
    : ScrWizard(tr("Prepare SCR Target"), tr("Prepare SCR Target."), std::move(services), parent),
      m_snapshot(snapshot), m_target(target)
{
    setObjectName(QStringLiteral("prepareTargetWizard"));
}

std::function<std::vector<PreflightCheck>(Lab &)> PrepareTargetWizard::preflight() const
{
    return [](Lab &) { return std::vector<PreflightCheck>{}; };
}

std::vector<FlowStep> PrepareTargetWizard::plan() const
{
    return {};
}

} // namespace scr
