#pragma once
// PipelineRunner: runs a script: every statement's pipeline, cmdlet by cmdlet, with the pipeline's own verbs
// (where, Select-Object, Sort-Object, Measure-Object, Format-List, Format-Table), confirmation of the cmdlets
// Exchange asked about (-Confirm:$false, and never a hang without a terminal), and -WhatIf.

#include "cmdletregistry.h"

#include <optional>

namespace scr::ems {

struct ScriptOutput
{
    QString text;   // what the shell prints
    bool ok = true; // false when any statement failed
    QStringList errors;
    std::optional<Error> firstError;
};

// The pipeline's own verbs and their aliases: where, Select-Object, Sort-Object, Measure-Object, fl, ft...
const QStringList &pipelineVerbs();

// Stops at the first failing statement, as a script run with $ErrorActionPreference = "Stop".
ScriptOutput runScript(const QString &script, const CmdletRegistry &registry, CmdletContext &context);

} // namespace scr::ems
