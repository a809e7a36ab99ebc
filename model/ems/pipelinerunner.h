#pragma once
// PipelineRunner: runs a script: every statement's pipeline, cmdlet by cmdlet, with the pipeline's own verbs
// (where, Select-Object [-Property] [-First] [-Last] [-Skip], Sort-Object [-Property] [-Descending],
// Measure-Object, Format-List, Format-Table, bound like a cmdlet's parameters), confirmation of the cmdlets
// Exchange asked about (-Confirm:$false, and never a hang without a terminal), and -WhatIf.

#include "cmdletregistry.h"

#include <optional>
#include <vector>

#include <QMetaType>

namespace scr::ems {

// A script's outcome as a value: what it printed, the objects its statements wrote and its errors. It
// crosses threads (LabWorker → LabClient, registered as a metatype) and, next, processes: consumers read
// the objects and Errors, not the text back.
struct ScriptOutput
{
    QString text;       // what the shell prints (the output, without the errors)
    bool ok = true;     // false when any statement failed (an error SilentlyContinue hid does not count)
    QStringList errors; // errorRecords as text, in order
    std::vector<Error> errorRecords;
    std::optional<Error> firstError;
    // What each statement left at the end of its pipeline, in order (a Format-* verb leaves nothing).
    std::vector<PSObject> objects;
    // Output and errors in the order they came, for a shell that prints errors where they happened.
    struct Part
    {
        bool isError = false;
        QString text;
    };
    std::vector<Part> parts;

    void append(const QString &printed);
    void write(const std::vector<PSObject> &written);
    void fail(const Error &error);
    // Every error, one a line (what the console's status bar and error boxes show).
    QString errorText() const { return errors.join(QLatin1Char('\n')); }
};

// How a script treats a failing statement. Shell: as EMS does, by -ErrorAction and $ErrorActionPreference
// (Continue unless set): the error is reported and the next statement runs. StopAtFirstError: the
// console's wizards and actions, whose later steps assume the earlier ones worked.
enum class ScriptMode { Shell, StopAtFirstError };

// The pipeline's own verbs and their aliases: where, Select-Object, Sort-Object, Measure-Object, fl, ft...
const QStringList &pipelineVerbs();

// Runs every statement of script. A syntax error anywhere runs nothing; a statement that fails (a refused
// cmdlet, an unknown name or parameter) reports its error and, in Shell mode, the script goes on unless
// the failing command's -ErrorAction or $ErrorActionPreference says Stop. exit ends the script.
ScriptOutput runScript(const QString &script, const CmdletRegistry &registry, CmdletContext &context,
                       ScriptMode mode = ScriptMode::Shell);

} // namespace scr::ems

Q_DECLARE_METATYPE(scr::ems::ScriptOutput)
