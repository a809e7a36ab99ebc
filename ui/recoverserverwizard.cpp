#include "recoverserverwizard.h"

namespace scr {

RecoverServerWizard::RecoverServerWizard(const LabSnapshot &snapshot, const QString &target,
                                         WizardServices services, QWidget *parent)
    : ScrWizard(tr("Activate by Recover Server"), tr("Activate by Recover Server."), std::move(services),
                parent),
      m_snapshot(snapshot), m_target(target)
{
    setObjectName(QStringLiteral("recoverServerWizard"));
}

std::function<std::vector<PreflightCheck>(Lab &)> RecoverServerWizard::preflight() const
{
    return [](Lab &) { return std::vector<PreflightCheck>{}; };
}

std::vector<FlowStep> RecoverServerWizard::plan() const
{
    return {};
}

} // namespace scr
