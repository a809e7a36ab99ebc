#pragma once
// RecoverServerWizard: Activate by Recover Server. A failed server (its host powered off) is rebuilt on the
// standby machine that holds SCR copies of its storage groups: every storage group with a copy there is
// activated (Restore-StorageGroupCopy -Force), each with its RPO preview (the mail lost if activated now,
// as the portability wizard shows it; the summary asks for each loss to be accepted before the wizard goes
// on), the others are listed as lost with the administrator's two choices; then, past a warning page, the
// irreversible part: setup /m:Uninstall, Rename-Computer, setup /m:RecoverServer; eseutil /r and
// Mount-Database for each activated storage group. The plan (cmdlets::prepareRecoverServer) is made from the
// lab as it is, so running the wizard again after a failure finishes what was left.

#include "cmdlets/recoverserverplan.h"
#include "lab/labsnapshot.h"
#include "scrwizard.h"

class QCheckBox;
class QLabel;
class QTreeWidget;

namespace scr {

class RecoverServerWizard final : public ScrWizard
{
    Q_OBJECT
public:
    enum Page { StandbyPage = 1, StorageGroupsPage = 2, WarningPage = 111 };

    // target: the failed server ("MBX1"), or "MBX1>MBX3" (server > standby machine to preselect).
    RecoverServerWizard(const LabSnapshot &snapshot, const QString &target, WizardServices services,
                        QWidget *parent = nullptr);

    QString server() const { return m_server; }
    // The chosen standby machine's host (empty before the candidates arrived).
    QString standbyHost() const;
    // The plan the pre-flight made last (what the summary shows and the flow runs).
    RecoverServerPlan currentPlan() const;

protected:
    std::function<Preparation(const Lab &)> prepare() const override;
    QString commitText() const override { return tr("&Recover"); }
    void fillCompletion(FlowState state, QVBoxLayout *layout) override;
    void initializePage(int id) override;

private:
    void buildStandbyPage();
    void buildStorageGroupsPage();
    void buildWarningPage();
    void loadCandidates();
    void showStandbyChoice();
    void loadGroups();
    // The summary's boxes: one per activated storage group whose activation loses mail, all to be ticked.
    void updateAcceptance();

    LabSnapshot m_snapshot;
    QString m_target;
    QString m_server;
    QString m_preferredStandby;
    std::vector<RecoverServerCandidate> m_candidates;
    bool m_candidatesLoaded = false;

    WizardPage *m_standbyPage = nullptr;
    QTreeWidget *m_standbyList = nullptr;
    QLabel *m_standbyNote = nullptr;
    WizardPage *m_groupsPage = nullptr;
    QTreeWidget *m_groupsList = nullptr;
    QLabel *m_groupsNote = nullptr;
    QLabel *m_rpo = nullptr;
    QWidget *m_acceptBox = nullptr;
    std::vector<QCheckBox *> m_acceptLoss;
    WizardPage *m_warningPage = nullptr;
    QLabel *m_warningText = nullptr;
    QCheckBox *m_understand = nullptr;
};

} // namespace scr
