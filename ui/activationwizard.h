#pragma once
// ActivationWizard: activate an SCR copy during an outage, by database portability or by Recover Server.
// It asks for the copy and the method (saying whether the source can be reached and what that means), the
// target objects for portability, shows every command it will run (and asks the administrator to accept the
// loss when the source is gone), then runs the steps one at a time through the console, showing each one's
// outcome; it stops at the first failure with the cmdlet's error and fix, and Cancel stops before the next
// step. The steps come from ActivationPlan, the same runbook the shell tests run.

#include "cmdlets/activationplan.h"
#include "lab/labsnapshot.h"

#include <functional>

#include <QWizard>

class QButtonGroup;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;

namespace scr {

class ActivationWizard final : public QWizard
{
    Q_OBJECT
public:
    enum PageId { CopyPage, TargetPage, SummaryPage, RunPage };
    using Runner = std::function<qint64(const QString &command)>; // runs a command, returns its request id

    // copyKey: a CopyKey's text, "copy:MBX1\SG1>MBX3", to preselect a copy (may be empty).
    ActivationWizard(const LabSnapshot &snapshot, const QString &copyKey, Runner run,
                     QWidget *parent = nullptr);

    ActivationRequest request() const;
    std::vector<ActivationStep> steps() const { return planActivation(request()); }
    bool finishedAll() const { return m_next >= static_cast<int>(m_steps.size()) && !m_failed; }
    bool failed() const { return m_failed; }
    QString resultText() const;

public Q_SLOTS:
    // Every script result of the console; the wizard picks its own by request id.
    void scriptFinished(qint64 requestId, const QString &text, bool ok, const QString &error);

protected:
    int nextId() const override;
    void initializePage(int id) override;
    bool validateCurrentPage() override;
    void reject() override;

private:
    const CopySnapshot *selectedCopy(const StorageGroupSnapshot **sg = nullptr) const;
    void updateCopyPage();
    void runNext();

    LabSnapshot m_snapshot;
    Runner m_run;
    QComboBox *m_copy;
    QButtonGroup *m_method;
    QLabel *m_sourceState;
    QLineEdit *m_targetGroup;
    QLineEdit *m_targetDatabase;
    QLineEdit *m_temporaryPath;
    QPlainTextEdit *m_summary;
    QCheckBox *m_acceptLoss;
    QListWidget *m_progress;
    QPlainTextEdit *m_output;
    QLabel *m_result;
    std::vector<ActivationStep> m_steps;
    QString m_loss; // Restore-StorageGroupCopy's summary of what was lost
    int m_next = 0;
    qint64 m_waitingFor = 0;
    bool m_failed = false;
    bool m_cancelled = false;
};

} // namespace scr
