#pragma once
// CommandLine: splits what the user typed into statements (at ';' and newlines, outside quotes, with '#'
// comments dropped) and a statement into words (quotes group, and are removed).

#include "core/result.h"

#include <QStringList>

namespace scr {

Result<QStringList> splitStatements(const QString &text);
Result<QStringList> splitWords(const QString &statement);

} // namespace scr
