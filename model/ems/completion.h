#pragma once
// Completion: what Tab offers at the cursor of a line being typed in scr-shell: cmdlet names (and the
// pipeline's verbs) where a command starts, the command's parameter names after a dash. It reads the
// line as typed so far, which need not parse yet.

#include "cmdletregistry.h"

namespace scr::ems {

struct Completion
{
    qsizetype start = 0;    // the word being completed is line[start, cursor)
    QStringList candidates; // sorted, case-insensitively unique
    QString commonPrefix;   // the longest prefix every candidate shares (case as the first candidate has it)
};

Completion complete(const QString &line, qsizetype cursor, const CmdletRegistry &registry);

} // namespace scr::ems
