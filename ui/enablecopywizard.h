#pragma once
// EnableCopyWizard: Enable Storage Group Copy (skeleton: being built in issue 13).

#include "lab/labsnapshot.h"
#include "scrwizard.h"

namespace scr {

class EnableCopyWizard final : public ScrWizard
{
    Q_OBJECT
public:
    // storageGroups: their identities ("MBX1\SG1"); standby: the standby machine to preselect (may be empty).
    EnableCopyWizard(const LabSnapshot &snapshot, const QStringList &storageGroups, const QString &standby,
                     WizardServices services, QWidget *parent = nullptr);

protected:
    std::function<std::vector<PreflightCheck>(Lab &)> preflight() const override;
    std::vector<FlowStep> plan() const override;

private:
    LabSnapshot m_snapshot;
    QStringList m_storageGroups;
    QString m_standby;
};

} // namespace scr
