#pragma once
// What every console wizard is made of, without widgets: the read-only pre-flight checks it shows before
// anything runs (each passes, warns or fails, with its fix), the steps it runs (each one EMS command line in
// the shell's text form, as EMC's Configuration Summary and completion pages show them), and the text of its
// completion page and of the .ps1 that "Save as script..." writes (which scr-shell runs as it is), and the
// Preparation a wizard's pre-flight returns.

#include <QString>
#include <QStringList>
#include <QVariant>

#include <vector>

namespace scr {

struct PreflightCheck
{
    enum class Outcome { Pass, Warning, Fail };
    Outcome outcome = Outcome::Pass;
    QString check;  // what was checked, "The standby machine MBX3 is powered on"
    QString detail; // what was found, in the rule's own units ("12 logs behind, over the 10 allowed")
    QString fix;    // for a warning or a failure: what to do
};

// True when no check failed (warnings do not block).
bool preflightPasses(const std::vector<PreflightCheck> &checks);
// "Passed", "Warning", "Failed": the outcome in words (never by colour alone).
QString outcomeName(PreflightCheck::Outcome outcome);

struct FlowStep
{
    QString title; // "Activate the copy (Restore-StorageGroupCopy)"
    QString
        command; // one or more statements; each step runs on a fresh session (Enter-PSSession where needed)
    // Once this step has started, stopping is no longer safe (the flow has passed its point of no return:
    // setup /m:Uninstall, Rename-Computer): the wizard's Cancel is disabled from here on and the steps before
    // it say so.
    bool irreversible = false;
    // What the step is for when a flow acts on several objects (the copied storage group "MBX1\SG1"), so
    // that the completion page can say what each one ended as; empty otherwise.
    QString subject = {};
};

// Mail an activation run now loses (RpoPreview's figures): the summary asks for each to be accepted.
struct MailLoss
{
    QString storageGroup; // "MBX1\SG1"
    qint64 logs = 0;
    qint64 minutes = 0;
};

// What a wizard's pre-flight reads of the lab, as a plain value: one call to a model function
// (cmdlets::prepareEnableCopy, preparePrepareTarget, preparePortability, prepareRecoverServer) with a
// const Lab& and plain arguments, on the lab's thread; the wizard keeps it on the GUI thread. Nothing in it
// points into the lab, so the same (flow, arguments) can be answered by a lab in another process.
struct Preparation
{
    std::vector<PreflightCheck> checks; // the pre-flight page
    std::vector<FlowStep> steps;        // the summary, and what the flow runs
    QStringList notes;                  // shown on the summary under the commands (why a setting is made)
    std::vector<MailLoss> losses;       // each to be accepted on the summary before the flow runs
    // The flow's own state that its pages show (PortabilityState, TargetSurvey, RecoverServerPlan: each a
    // registered metatype); empty for a flow that needs none.
    QVariant details;
};

enum class StepState { NotRun, Running, Completed, Failed, Cancelled };

struct StepOutcome
{
    StepState state = StepState::NotRun;
    qint64 elapsedMs = 0;
    QString output; // what the command printed
    QString error;  // the cmdlet's error (with its fix) when it failed
};

// "00:01:05": EMC's Elapsed Time.
QString elapsedText(qint64 ms);

// The completion page's text, as EMC's: the wizard's verdict, then for each step its title, its state,
// "Exchange Management Shell command completed:" (or "attempted:" when it failed, nothing when it never ran),
// the command, the error if any and "Elapsed Time: hh:mm:ss".
QString completionText(const QString &wizardTitle, const std::vector<FlowStep> &steps,
                       const std::vector<StepOutcome> &outcomes);

// The steps as a script scr-shell runs as it is: a comment header (what, when made), $ErrorActionPreference =
// 'Stop' (a failed step stops the script, as it stops the wizard), then each step's title as a comment and
// its command. A step that enters a session leaves it (Exit-PSSession), since in a script a session outlives
// its line.
QString flowScript(const QString &wizardTitle, const std::vector<FlowStep> &steps);

// A step's command that runs in a host's own shell: "Enter-PSSession MBX3; <command>".
QString onHost(const QString &host, const QString &command);
// eseutil's soft recovery of a database's folder to Clean Shutdown: "eseutil /r E00 /l <logs> /s <system>
// /d <data>". eseutil takes its words as typed (rawArguments), so its switches are not parameters.
QString softRecoveryCommand(const QString &logPrefix, const QString &logFolderPath,
                            const QString &systemFolderPath, const QString &dataFolder);

} // namespace scr
