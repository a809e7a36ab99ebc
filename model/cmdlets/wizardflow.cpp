#include "wizardflow.h"

#include "command/commandline.h"

#include <algorithm>

#include <QObject>

namespace scr {

bool preflightPasses(const std::vector<PreflightCheck> &checks)
{
    return std::none_of(checks.begin(), checks.end(),
                        [](const PreflightCheck &c) { return c.outcome == PreflightCheck::Outcome::Fail; });
}

QString outcomeName(PreflightCheck::Outcome outcome)
{
    switch (outcome) {
    case PreflightCheck::Outcome::Pass:
        return QObject::tr("Passed");
    case PreflightCheck::Outcome::Warning:
        return QObject::tr("Warning");
    case PreflightCheck::Outcome::Fail:
        return QObject::tr("Failed");
    }
    return {};
}

QString elapsedText(qint64 ms)
{
    const qint64 s = std::max<qint64>(0, ms / 1000);
    return QStringLiteral("%1:%2:%3")
        .arg(s / 3600, 2, 10, QLatin1Char('0'))
        .arg(s / 60 % 60, 2, 10, QLatin1Char('0'))
        .arg(s % 60, 2, 10, QLatin1Char('0'));
}

QString completionText(const QString &wizardTitle, const std::vector<FlowStep> &steps,
                       const std::vector<StepOutcome> &outcomes)
{
    auto stateOf = [&](std::size_t i) { return i < outcomes.size() ? outcomes[i].state : StepState::NotRun; };
    bool failed = false;
    bool cancelled = false;
    bool done = true;
    for (std::size_t i = 0; i < steps.size(); ++i) {
        failed = failed || stateOf(i) == StepState::Failed;
        cancelled = cancelled || stateOf(i) == StepState::Cancelled;
        done = done && stateOf(i) == StepState::Completed;
    }
    QString text = wizardTitle + QLatin1Char('\n');
    if (done)
        text += QObject::tr("The wizard completed successfully.");
    else if (failed)
        text += QObject::tr("The wizard failed: the first failed step stopped it and the steps after it were "
                            "not run.");
    else if (cancelled)
        text += QObject::tr("The wizard was cancelled: the steps after the last completed one were not run.");
    else
        text += QObject::tr("The wizard has not finished.");
    text += QStringLiteral("\n");
    for (std::size_t i = 0; i < steps.size(); ++i) {
        const StepOutcome none;
        const StepOutcome &o = i < outcomes.size() ? outcomes[i] : none;
        text += QStringLiteral("\n%1\n").arg(steps[i].title);
        switch (o.state) {
        case StepState::Completed:
            text += QObject::tr("Completed") + QLatin1Char('\n') +
                    QObject::tr("Exchange Management Shell command completed:") + QLatin1Char('\n');
            break;
        case StepState::Failed:
            text += QObject::tr("Failed") + QLatin1Char('\n') + QObject::tr("Error:") + QLatin1Char('\n') +
                    o.error.trimmed() + QLatin1Char('\n') +
                    QObject::tr("Exchange Management Shell command attempted:") + QLatin1Char('\n');
            break;
        case StepState::Running:
            text += QObject::tr("Running") + QLatin1Char('\n') +
                    QObject::tr("Exchange Management Shell command attempted:") + QLatin1Char('\n');
            break;
        case StepState::Cancelled:
        case StepState::NotRun:
            text += QObject::tr("Not run") + QLatin1Char('\n') +
                    QObject::tr("Exchange Management Shell command not run:") + QLatin1Char('\n');
            break;
        }
        text += steps[i].command + QLatin1Char('\n');
        if (o.state == StepState::Completed || o.state == StepState::Failed)
            text += QObject::tr("Elapsed Time: %1").arg(elapsedText(o.elapsedMs)) + QLatin1Char('\n');
    }
    return text;
}

QString flowScript(const QString &wizardTitle, const std::vector<FlowStep> &steps)
{
    QString script =
        QStringLiteral("# %1\n# Saved from SCR Console's wizard; run it with scr-shell --lab DIR "
                       "FILE.ps1 (or . .\\FILE.ps1 in scr-shell).\n")
            .arg(wizardTitle);
    script += QStringLiteral("# A failed step must stop the script: later steps assume it worked.\n"
                             "$ErrorActionPreference = 'Stop'\n");
    for (const FlowStep &step : steps) {
        script += QStringLiteral("\n# %1\n").arg(step.title);
        script += step.command + QLatin1Char('\n');
        if (step.command.contains(QStringLiteral("Enter-PSSession"), Qt::CaseInsensitive))
            script += QStringLiteral("Exit-PSSession\n");
    }
    return script;
}

QString onHost(const QString &host, const QString &command)
{
    return ems::CommandLine(QStringLiteral("Enter-PSSession")).value(host).text() + QStringLiteral("; ") +
           command;
}

QString softRecoveryCommand(const QString &logPrefix, const QString &logFolderPath,
                            const QString &systemFolderPath, const QString &dataFolder)
{
    return QStringLiteral("eseutil /r %1 /l %2 /s %3 /d %4")
        .arg(ems::quote(logPrefix), ems::quote(logFolderPath), ems::quote(systemFolderPath),
             ems::quote(dataFolder));
}

} // namespace scr
