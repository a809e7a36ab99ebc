#pragma once
// EnableCopyWizard: Enable Storage Group Copy, EMC style. For one storage group (from its context menu) or
// several (after an activation, "protect again"): the standby machine, chosen among the organization's
// servers, each shown with whether it can take the copy and, if not, why (the cmdlet's own rule); the
// ReplayLagTime and TruncationLagTime in days, hours and minutes, checked as typed by the cmdlet's
// validator; then pre-flight, the Enable-StorageGroupCopy commands (and Update-StorageGroupCopy where the
// source's first logs are gone and the copy must be seeded), and their progress. Which servers can take the
// copies, the checks and the plan are model/cmdlets/enablecopyplan's.

#include "cmdlets/enablecopyplan.h"
#include "lab/labsnapshot.h"
#include "scrwizard.h"

#include <QStringList>

class QLabel;
class QSpinBox;
class QTreeWidget;

namespace scr {

class EnableCopyWizard final : public ScrWizard
{
    Q_OBJECT
public:
    enum Page { StandbyPage = 1, LagTimesPage = 2 };

    // storageGroups: their identities ("MBX1\SG1"); standby: the standby machine to preselect (may be empty).
    EnableCopyWizard(const LabSnapshot &snapshot, const QStringList &storageGroups, const QString &standby,
                     WizardServices services, QWidget *parent = nullptr);

    QStringList storageGroups() const { return m_storageGroups; }
    QString standbyMachine() const; // the chosen one, or empty
    qint64 replayLagMs() const;
    qint64 truncationLagMs() const;

protected:
    std::function<Preparation(const Lab &)> prepare() const override;
    QString commitText() const override { return tr("&Enable"); }
    void initializePage(int id) override;
    void fillCompletion(FlowState state, QVBoxLayout *layout) override;

private:
    void buildStandbyPage();
    void buildLagTimesPage();
    void loadCandidates();
    void showCandidates(const Result<EnableCopyCandidates> &candidates);
    void checkLagTimes();

    QStringList m_storageGroups;
    QString m_preselect;
    bool m_candidatesLoaded = false;
    QString m_lagProblem;

    WizardPage *m_standbyPage = nullptr;
    QTreeWidget *m_standbyList = nullptr;
    QLabel *m_standbyNote = nullptr;
    WizardPage *m_lagPage = nullptr;
    QSpinBox *m_replay[3] = {};     // days, hours, minutes
    QSpinBox *m_truncation[3] = {}; // days, hours, minutes
    QLabel *m_lagNote = nullptr;
};

} // namespace scr
