#include "binder.h"

#include <optional>

#include <QRegularExpression>

namespace scr::ems {
namespace {

const ParameterSpec kConfirm{QStringLiteral("Confirm"), ParameterType::Switch, -1, false};
const ParameterSpec kWhatIf{QStringLiteral("WhatIf"), ParameterType::Switch, -1, false};
const ParameterSpec kErrorAction{QStringLiteral("ErrorAction"), ParameterType::String, -1, false};

QString typeName(ParameterType t)
{
    switch (t) {
    case ParameterType::String:
        return QStringLiteral("a string");
    case ParameterType::Switch:
        return QStringLiteral("a switch");
    case ParameterType::Boolean:
        return QStringLiteral("$true or $false");
    case ParameterType::TimeSpan:
        return QStringLiteral("a TimeSpan such as 1.00:00:00 or 1:00");
    case ParameterType::Integer:
        return QStringLiteral("a whole number");
    case ParameterType::ScriptBlock:
        return QStringLiteral("a script block { ... }");
    }
    return {};
}

Result<QVariant> convert(const QString &script, const Command &command, const ParameterSpec &spec,
                         const Element &value)
{
    const auto wrong = [&]() {
        return syntaxError(script, value.position,
                           QStringLiteral("-%1 of %2 takes %3, not \"%4\"")
                               .arg(spec.name, command.name, typeName(spec.type), value.text),
                           QStringLiteral("Get-Help %1 shows its parameters").arg(command.name));
    };
    if (value.kind == Element::Kind::Parameter && !value.hasColonValue)
        return wrong();
    switch (spec.type) {
    case ParameterType::Switch:
    case ParameterType::Boolean:
        if (value.valueKind != Element::ValueKind::Boolean)
            return wrong();
        return QVariant(value.boolean);
    case ParameterType::TimeSpan: {
        if (value.valueKind != Element::ValueKind::Bareword && value.valueKind != Element::ValueKind::String)
            return wrong();
        auto ms = parseTimeSpan(value.text);
        if (!ms)
            return syntaxError(script, value.position,
                               QStringLiteral("-%1 of %2: \"%3\" %4")
                                   .arg(spec.name, command.name, value.text, ms.error().reason),
                               ms.error().fix);
        return QVariant(*ms);
    }
    case ParameterType::Integer: {
        bool ok = false;
        const qlonglong n = value.text.toLongLong(&ok);
        if (!ok)
            return wrong();
        return QVariant(n);
    }
    case ParameterType::ScriptBlock:
        if (value.valueKind != Element::ValueKind::ScriptBlock)
            return wrong();
        return QVariant(value.text);
    case ParameterType::String:
        if (value.valueKind == Element::ValueKind::ScriptBlock ||
            value.valueKind == Element::ValueKind::Variable)
            return wrong();
        if (spec.name == kErrorAction.name && !errorActionFromText(value.text))
            return syntaxError(
                script, value.position,
                QStringLiteral("-ErrorAction takes %1, not \"%2\"").arg(errorActionNames(), value.text),
                QStringLiteral("write -ErrorAction Stop to stop the script at this command's error"));
        return QVariant(value.valueKind == Element::ValueKind::Null ? QString() : value.text);
    }
    return wrong();
}

} // namespace

std::optional<ErrorAction> errorActionFromText(const QString &text)
{
    const auto is = [&](const char *name) {
        return text.compare(QLatin1String(name), Qt::CaseInsensitive) == 0;
    };
    if (is("Continue"))
        return ErrorAction::Continue;
    if (is("SilentlyContinue"))
        return ErrorAction::SilentlyContinue;
    if (is("Stop"))
        return ErrorAction::Stop;
    return std::nullopt;
}

QString errorActionNames()
{
    return QStringLiteral("Continue, SilentlyContinue or Stop");
}

Result<qint64> parseTimeSpan(const QString &text)
{
    const auto refused = [&](const QString &why) {
        return Error{
            text.trimmed(), why,
            QStringLiteral("write a TimeSpan such as 1.00:00:00 (a day), 1:00 (an hour) or 00:30 (half "
                           "an hour)")};
    };
    static const QRegularExpression re(
        QStringLiteral("^(-)?(?:(\\d+)\\.)?(\\d+):(\\d+)(?::(\\d+)(?:\\.(\\d+))?)?$"));
    static const QRegularExpression number(QStringLiteral("^-?\\d+$"));
    const QString trimmed = text.trimmed();
    if (number.match(trimmed).hasMatch())
        return refused(
            QStringLiteral("is a number, not a TimeSpan: PowerShell would read it as %1 ticks of 100 "
                           "nanoseconds")
                .arg(trimmed));
    const QRegularExpressionMatch m = re.match(trimmed);
    if (!m.hasMatch())
        return refused(QStringLiteral("is not a TimeSpan ([-][d.]hh:mm[:ss[.fff]])"));
    // Each part is read with a bound on its digits first, so that no product below can overflow: the
    // largest day count a TimeSpan holds has 8 digits.
    const auto part = [&](int index, int maxDigits, qint64 max) -> std::optional<qint64> {
        const QString digits = m.captured(index);
        if (digits.isEmpty())
            return 0;
        qsizetype first = 0;
        while (first + 1 < digits.size() && digits.at(first) == QLatin1Char('0'))
            ++first; // leading zeros are fine: 007.00:00:00 is seven days
        if (digits.size() - first > maxDigits)
            return std::nullopt;
        const qint64 value = digits.mid(first).toLongLong();
        return value <= max ? std::optional<qint64>(value) : std::nullopt;
    };
    constexpr qint64 kMaxDays = kMaxTimeSpanMs / 86400000;
    const auto days = part(2, 8, kMaxDays);
    if (!days)
        return refused(
            QStringLiteral("is beyond a TimeSpan's range (at most %1)").arg(formatTimeSpan(kMaxTimeSpanMs)));
    const auto hours = part(3, 2, 23), minutes = part(4, 2, 59), seconds = part(5, 2, 59);
    if (!hours)
        return refused(QStringLiteral("has hours beyond 23: write days before a dot, as in 1.00:00:00"));
    if (!minutes)
        return refused(QStringLiteral("has minutes beyond 59"));
    if (!seconds)
        return refused(QStringLiteral("has seconds beyond 59"));
    // A fraction of a second: its first three digits are the milliseconds; .NET keeps 7 digits at most.
    const QString fraction = m.captured(6);
    if (fraction.size() > 7)
        return refused(QStringLiteral("has more than 7 digits after the seconds"));
    const qint64 ms = fraction.isEmpty() ? 0 : QString(fraction + QStringLiteral("00")).left(3).toLongLong();
    const qint64 total = (((*days * 24 + *hours) * 60 + *minutes) * 60 + *seconds) * 1000 + ms;
    if (total > kMaxTimeSpanMs)
        return refused(
            QStringLiteral("is beyond a TimeSpan's range (at most %1)").arg(formatTimeSpan(kMaxTimeSpanMs)));
    return m.captured(1).isEmpty() ? total : -total;
}

Result<BoundParameters> bindParameters(const QString &script, const Command &command,
                                       const std::vector<ParameterSpec> &parameters, bool confirmAndWhatIf)
{
    std::vector<ParameterSpec> all = parameters;
    if (confirmAndWhatIf) {
        all.push_back(kConfirm);
        all.push_back(kWhatIf);
    }
    all.push_back(kErrorAction);
    QStringList names;
    for (const ParameterSpec &p : all)
        names << p.name;
    BoundParameters bound;
    std::vector<const Element *> positional;
    const std::vector<Element> &elements = command.elements;
    for (std::size_t i = 0; i < elements.size(); ++i) {
        const Element &e = elements[i];
        if (e.kind != Element::Kind::Parameter) {
            positional.push_back(&e);
            continue;
        }
        // Exact name first, then a unique prefix.
        const ParameterSpec *spec = nullptr;
        std::vector<const ParameterSpec *> prefixed;
        for (const ParameterSpec &p : all) {
            if (p.name.compare(e.name, Qt::CaseInsensitive) == 0 ||
                (p.name == kErrorAction.name && // -EA is its alias in PowerShell
                 e.name.compare(QStringLiteral("EA"), Qt::CaseInsensitive) == 0)) {
                spec = &p;
                break;
            }
            if (!e.name.isEmpty() && p.name.startsWith(e.name, Qt::CaseInsensitive))
                prefixed.push_back(&p);
        }
        if (!spec && prefixed.size() == 1)
            spec = prefixed.front();
        if (!spec && prefixed.size() > 1) {
            QStringList candidates;
            for (const ParameterSpec *p : prefixed)
                candidates << QLatin1Char('-') + p->name;
            return syntaxError(script, e.position,
                               QStringLiteral("-%1 is ambiguous for %2: it could be %3")
                                   .arg(e.name, command.name, candidates.join(QStringLiteral(", "))),
                               QStringLiteral("type more of the parameter's name"));
        }
        if (!spec) {
            const QString nearest = nearestName(e.name, names);
            return syntaxError(
                script, e.position, QStringLiteral("%1 has no parameter -%2").arg(command.name, e.name),
                nearest.isEmpty() ? QStringLiteral("Get-Help %1 lists its parameters").arg(command.name)
                                  : QStringLiteral("did you mean -%1?").arg(nearest));
        }
        if (bound.has(spec->name))
            return syntaxError(script, e.position, QStringLiteral("-%1 is given twice").arg(spec->name),
                               QStringLiteral("give each parameter once"));
        if (spec->type == ParameterType::Switch) {
            auto value =
                e.hasColonValue ? convert(script, command, *spec, e) : Result<QVariant>(QVariant(true));
            if (!value)
                return value.error();
            bound.values.insert(spec->name, *value);
            continue;
        }
        const Element *valueElement = nullptr;
        if (e.hasColonValue)
            valueElement = &e;
        else if (i + 1 < elements.size() && elements[i + 1].kind == Element::Kind::Value)
            valueElement = &elements[++i];
        if (!valueElement)
            return syntaxError(script, e.position + e.name.size() + 1,
                               QStringLiteral("-%1 needs %2 after it").arg(spec->name, typeName(spec->type)),
                               QStringLiteral("write -%1 <value>").arg(spec->name));
        auto value = convert(script, command, *spec, *valueElement);
        if (!value)
            return value.error();
        bound.values.insert(spec->name, *value);
    }
    // What is left binds by position, to the positional parameters not given by name.
    std::vector<const ParameterSpec *> open;
    for (const ParameterSpec &p : all)
        if (p.position >= 0 && !bound.has(p.name))
            open.push_back(&p);
    std::sort(open.begin(), open.end(),
              [](const ParameterSpec *a, const ParameterSpec *b) { return a->position < b->position; });
    std::size_t next = 0;
    for (const Element *e : positional) {
        if (next >= open.size())
            return syntaxError(
                script, e->position,
                QStringLiteral("%1 takes no further value by position: \"%2\"").arg(command.name, e->text),
                QStringLiteral("name the parameter this value is for, e.g. -Identity"));
        auto value = convert(script, command, *open[next], *e);
        if (!value)
            return value.error();
        bound.values.insert(open[next++]->name, *value);
    }
    for (const ParameterSpec &p : all)
        if (p.mandatory && !bound.has(p.name))
            return syntaxError(script, command.position + command.name.size(),
                               QStringLiteral("%1 needs -%2").arg(command.name, p.name),
                               QStringLiteral("add -%1 <%2>").arg(p.name, typeName(p.type)));
    return bound;
}

} // namespace scr::ems
