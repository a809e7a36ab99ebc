#pragma once
// PrepareTargetWizard: Prepare SCR Target, the runbook's part 2 on a standby machine. For every storage group
// copied to it, the target storage group and database that an activation by database portability later
// points at the copy's files (<SG>Target / <DB>Target, cmdlets::targetObjectsFor): made at a temporary
// path, mounted once, dismounted, and the temporary files deleted. The configuration page shows what exists
// already (cmdlets::surveyStandby) and skips it; pre-flight and plan are model/cmdlets/preparetarget's
// (cmdlets::preparePrepareTarget).

#include "cmdlets/preparetarget.h"
#include "lab/labsnapshot.h"
#include "scrwizard.h"

class QLabel;
class QPushButton;
class QTreeWidget;

namespace scr {

class PrepareTargetWizard final : public ScrWizard
{
    Q_OBJECT
public:
    enum Page { TargetsPage = 1 };
    enum Column {
        CopyColumn,
        TargetStorageGroupColumn,
        TargetDatabaseColumn,
        TemporaryPathColumn,
        StatusColumn
    };

    PrepareTargetWizard(const LabSnapshot &snapshot, const QString &target, WizardServices services,
                        QWidget *parent = nullptr);

    // The survey the configuration page shows (empty until it answered), and the copies checked there.
    const TargetSurvey &survey() const { return m_survey; }
    bool surveyDone() const { return m_surveyDone; }
    QStringList selectedCopies() const;
    // Surveys the standby machine again (the Refresh button).
    void refreshSurvey();

protected:
    std::function<Preparation(const Lab &)> prepare() const override;
    QString commitText() const override { return tr("&Prepare"); }
    void initializePage(int id) override;
    void fillCompletion(FlowState state, QVBoxLayout *layout) override;

private:
    void buildTargetsPage();
    void showSurvey(const TargetSurvey &survey, const std::optional<Error> &error);
    // The survey the last pre-flight made its plan from (the configuration page's before it answered).
    TargetSurvey preparedSurvey() const;

    LabSnapshot m_snapshot;
    QString m_target;
    TargetSurvey m_survey;
    bool m_surveyDone = false;
    int m_surveyRound = 0;

    WizardPage *m_targetsPage = nullptr;
    QTreeWidget *m_targets = nullptr;
    QLabel *m_targetsNote = nullptr;
    QPushButton *m_refresh = nullptr;
};

} // namespace scr
