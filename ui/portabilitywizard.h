#pragma once
// PortabilityWizard: Activate by Database Portability, on one SCR copy ("copy:MBX1\SG1>MBX3"). Before
// anything runs it shows the RPO preview (the last copied log and its time, the mail lost if activated now,
// the replay left and how long it takes at the speed this lab has measured) and the mailboxes it rehomes (the
// system mailboxes shown as excluded). Then the runbook: dismount the source (when reachable),
// Restore-StorageGroupCopy
// (-Force when not), eseutil /r, Move-*Path -ConfigurationOnly of the target objects, "This database can be
// overwritten by a restore" with why, mount, rehome. The completion page has the Outlook 2003 note and offers
// to protect the activated storage group again. The state, checks and plan are made from the lab's current
// state (cmdlets::preparePortability), so a second run after a failure goes on where the first stopped.

#include "cmdlets/portabilityplan.h"
#include "lab/labsnapshot.h"
#include "scrwizard.h"

#include <optional>

class QCheckBox;
class QLabel;
class QPushButton;
class QTreeWidget;

namespace scr {

class PortabilityWizard final : public ScrWizard
{
    Q_OBJECT
public:
    enum Page { PreviewPage = 10 };

    PortabilityWizard(const LabSnapshot &snapshot, const QString &target, WizardServices services,
                      QWidget *parent = nullptr);

    // What the preview page read from the lab (nothing until it answered, or when it was refused).
    std::optional<PortabilityState> state() const { return m_state; }
    QString previewError() const { return m_previewError; }
    bool previewLoaded() const { return m_previewLoaded; }

public Q_SLOTS:
    // Reads the copy's state and its RPO preview again (read-only, on the lab's thread).
    void refreshPreview();

protected:
    std::function<Preparation(const Lab &)> prepare() const override;
    QString commitText() const override { return tr("&Activate"); }
    void initializePage(int id) override;
    void fillCompletion(FlowState state, QVBoxLayout *layout) override;
    void stepCompleted(int index, const ems::ScriptOutput &output) override;

private:
    void buildPreviewPage();
    void showPreview();
    void updateSummaryExtras();
    // The state the last pre-flight read (which the plan was made from); none before it answered.
    std::optional<PortabilityState> preparedState() const;

    LabSnapshot m_snapshot;
    QString m_target;
    QString m_storageGroup;                  // "MBX1\SG1"
    QString m_standby;                       // "MBX3"
    std::optional<PortabilityState> m_state; // the preview's answer
    int m_previewRound = 0;
    bool m_previewLoaded = false;
    QString m_previewError;
    QString m_restoreReport; // what Restore-StorageGroupCopy said it lost

    WizardPage *m_previewPage = nullptr;
    QLabel *m_rpo = nullptr;
    QLabel *m_recovery = nullptr;
    QTreeWidget *m_mailboxes = nullptr;
    QPushButton *m_refresh = nullptr;
    QLabel *m_allowReason = nullptr;
    QCheckBox *m_acceptLoss = nullptr;
};

} // namespace scr
