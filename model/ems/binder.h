#pragma once
// Binder: turns a parsed command's elements into the cmdlet's parameters, as Exchange Management Shell did:
// parameter names are case-insensitive and may be shortened to a unique prefix; a switch takes no value
// (-Force, or -Force:$false); other parameters take the next value (-Name value) or a glued one
// (-Name:value); what is left binds by position. Values are converted to the parameter's type (TimeSpan as
// d.hh:mm:ss). Unknown names get the nearest known one suggested. The common parameters -Confirm and
// -WhatIf belong to every cmdlet.

#include "core/result.h"
#include "parser.h"

#include <vector>

#include <QMap>
#include <QVariant>

namespace scr::ems {

enum class ParameterType { String, Switch, Boolean, TimeSpan, Integer, ScriptBlock };

struct ParameterSpec
{
    QString name;
    ParameterType type = ParameterType::String;
    int position = -1; // >= 0: may be given without its name, in this order
    bool mandatory = false;
};

struct BoundParameters
{
    QMap<QString, QVariant> values; // by the parameter's own spelling
    bool has(const QString &name) const { return values.contains(name); }
    QString string(const QString &name) const { return values.value(name).toString(); }
    bool flag(const QString &name) const { return values.value(name).toBool(); }
    qint64 milliseconds(const QString &name) const { return values.value(name).toLongLong(); }
};

// "1.00:00:00", "0.0:0:0", "12:30:00", "7.00:00:00" → milliseconds; -1 when not a TimeSpan.
qint64 parseTimeSpan(const QString &text);
QString formatTimeSpan(qint64 ms); // 1.00:00:00 style, days always shown

// parameters must not name Confirm or WhatIf: every cmdlet has them.
Result<BoundParameters> bindParameters(const QString &script, const Command &command,
                                       const std::vector<ParameterSpec> &parameters);

} // namespace scr::ems
