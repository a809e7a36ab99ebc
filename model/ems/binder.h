#pragma once
// Binder: turns a parsed command's elements into the cmdlet's parameters, as Exchange Management Shell did:
// parameter names are case-insensitive and may be shortened to a unique prefix; a switch takes no value
// (-Force, or -Force:$false); other parameters take the next value (-Name value) or a glued one
// (-Name:value); what is left binds by position. Values are converted to the parameter's type (TimeSpan as
// PowerShell's forms, see parseTimeSpan). Unknown names get the nearest known one suggested. The common
// parameters -Confirm and -WhatIf belong to every cmdlet that changes something, -ErrorAction (-EA) to every
// cmdlet and verb.

#include "core/result.h"
#include "parser.h"

#include <optional>
#include <vector>

#include <QMap>
#include <QVariant>

namespace scr::ems {

// What a failing command does to the rest of the script: PowerShell's -ErrorAction and
// $ErrorActionPreference. Continue: the error is shown and the script goes on (a non-terminating error);
// SilentlyContinue: it goes on and the error is neither shown nor counted; Stop: the script stops there.
enum class ErrorAction { Continue, SilentlyContinue, Stop };
// "Stop", "continue", ...; nullopt for anything else (Inquire: there is no one to ask).
std::optional<ErrorAction> errorActionFromText(const QString &text);
QString errorActionNames(); // "Continue, SilentlyContinue or Stop"

enum class ParameterType { String, Switch, Boolean, TimeSpan, Integer, ScriptBlock };

struct ParameterSpec
{
    QString name;
    ParameterType type = ParameterType::String;
    int position = -1; // >= 0: may be given without its name, in this order
    bool mandatory = false;
    // The only values it takes (Invoke-Fault's -Kind): Get-Help's syntax names them, Tab offers them. The
    // cmdlet refuses another, naming them.
    QStringList values = {};
};

struct BoundParameters
{
    QMap<QString, QVariant> values; // by the parameter's own spelling
    bool has(const QString &name) const { return values.contains(name); }
    QString string(const QString &name) const { return values.value(name).toString(); }
    bool flag(const QString &name) const { return values.value(name).toBool(); }
    qint64 milliseconds(const QString &name) const { return values.value(name).toLongLong(); }
};

// A TimeSpan as PowerShell's [TimeSpan] parses text, in milliseconds: [-][d.]hh:mm[:ss[.fffffff]], so
// "1:00" is an hour, "00:30" half an hour, "1:00:00" an hour, "1.00:00:00" and "1.00:00" a day. Hours run to
// 23, minutes and seconds to 59; digits past the millisecond are dropped. Refused, with the reason: anything
// else, and a span beyond TimeSpan's range (10675199.02:48:05.477), which .NET refuses with an overflow.
// A number alone ("7") is refused too: PowerShell would take it as 7 ticks (700 ns), never what a runbook
// means. The limits of a parameter (ReplayLagTime at most 7 days) are the cmdlet's to check.
Result<qint64> parseTimeSpan(const QString &text);
constexpr qint64 kMaxTimeSpanMs = 922337203685477LL; // TimeSpan.MaxValue, 10675199.02:48:05.477

// parameters must not name Confirm, WhatIf or ErrorAction: those are added (Confirm and WhatIf only when
// confirmAndWhatIf: the pipeline's verbs change nothing, so they have neither). An -ErrorAction value that
// is not one of ErrorAction's is refused.
Result<BoundParameters> bindParameters(const QString &script, const Command &command,
                                       const std::vector<ParameterSpec> &parameters,
                                       bool confirmAndWhatIf = true);

} // namespace scr::ems
