#include "enablecopywizard.h"

namespace scr {

EnableCopyWizard::EnableCopyWizard(const LabSnapshot &snapshot, const QStringList &storageGroups,
                                   const QString &standby, WizardServices services, QWidget *parent)
    : ScrWizard(tr("Enable Storage Group Copy"), tr("Enable Storage Group Copy."), std::move(services),
                parent),
      m_snapshot(snapshot), m_storageGroups(storageGroups), m_standby(standby)
{
    setObjectName(QStringLiteral("enableCopyWizard"));
}

std::function<std::vector<PreflightCheck>(Lab &)> EnableCopyWizard::preflight() const
{
    return [](Lab &) { return std::vector<PreflightCheck>{}; };
}

std::vector<FlowStep> EnableCopyWizard::plan() const
{
    return {};
}

} // namespace scr
