#include "pipelinerunner.h"

#include "formatter.h"

#include <algorithm>

namespace scr::ems {
namespace {

const QStringList kVerbs = {QStringLiteral("where"),          QStringLiteral("Where-Object"),
                            QStringLiteral("Select-Object"),  QStringLiteral("select"),
                            QStringLiteral("Sort-Object"),    QStringLiteral("sort"),
                            QStringLiteral("Measure-Object"), QStringLiteral("measure"),
                            QStringLiteral("Format-List"),    QStringLiteral("fl"),
                            QStringLiteral("Format-Table"),   QStringLiteral("ft")};

bool is(const QString &name, const char *a, const char *b)
{
    return name.compare(QLatin1String(a), Qt::CaseInsensitive) == 0 ||
           name.compare(QLatin1String(b), Qt::CaseInsensitive) == 0;
}

// A comma-separated list of names ("Name,Database"), as -Property takes it.
QStringList namesOf(const BoundParameters &b, const QString &parameter)
{
    QStringList out;
    for (const QString &name : b.string(parameter).split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (!name.trimmed().isEmpty())
            out << name.trimmed();
    return out;
}

using P = ParameterSpec;
using T = ParameterType;

// The parameters of the pipeline's own verbs, bound like a cmdlet's: an unknown one is an error, never a
// property name.
const std::vector<ParameterSpec> &verbParameters(const QString &name)
{
    static const std::vector<ParameterSpec> where = {
        P{QStringLiteral("FilterScript"), T::ScriptBlock, 0, true}};
    static const std::vector<ParameterSpec> select = {
        P{QStringLiteral("Property"), T::String, 0, false}, P{QStringLiteral("First"), T::Integer, -1, false},
        P{QStringLiteral("Last"), T::Integer, -1, false}, P{QStringLiteral("Skip"), T::Integer, -1, false}};
    static const std::vector<ParameterSpec> sort = {P{QStringLiteral("Property"), T::String, 0, false},
                                                    P{QStringLiteral("Descending"), T::Switch, -1, false}};
    static const std::vector<ParameterSpec> measure = {P{QStringLiteral("Property"), T::String, 0, false},
                                                       P{QStringLiteral("Sum"), T::Switch, -1, false},
                                                       P{QStringLiteral("Average"), T::Switch, -1, false},
                                                       P{QStringLiteral("Maximum"), T::Switch, -1, false},
                                                       P{QStringLiteral("Minimum"), T::Switch, -1, false}};
    static const std::vector<ParameterSpec> formatList = {P{QStringLiteral("Property"), T::String, 0, false}};
    static const std::vector<ParameterSpec> formatTable = {
        P{QStringLiteral("Property"), T::String, 0, false},
        P{QStringLiteral("AutoSize"), T::Switch, -1, false}};
    if (is(name, "where", "Where-Object"))
        return where;
    if (is(name, "Select-Object", "select"))
        return select;
    if (is(name, "Sort-Object", "sort"))
        return sort;
    if (is(name, "Measure-Object", "measure"))
        return measure;
    if (is(name, "Format-List", "fl"))
        return formatList;
    return formatTable;
}

int compareValues(const QVariant &x, const QVariant &y)
{
    bool nx = false, ny = false;
    const double dx = x.toDouble(&nx), dy = y.toDouble(&ny);
    if (nx && ny)
        return dx < dy ? -1 : dx > dy ? 1 : 0;
    return x.toString().compare(y.toString(), Qt::CaseInsensitive);
}

// The pipeline's own verbs, on parameters bound by verbParameters(). formatted is set when the verb
// printed the objects.
Result<std::vector<PSObject>> runVerb(const QString &script, const Command &c, const BoundParameters &b,
                                      std::vector<PSObject> objects, QString *formatted)
{
    if (is(c.name, "where", "Where-Object")) {
        const auto block = std::find_if(c.elements.begin(), c.elements.end(), [](const Element &e) {
            return e.valueKind == Element::ValueKind::ScriptBlock;
        });
        // The block's text as it stands in the script, so that errors point into it.
        auto condition = parseCondition(script, b.string(QStringLiteral("FilterScript")),
                                        block == c.elements.end() ? c.position : block->position + 1);
        if (!condition)
            return condition.error();
        std::vector<PSObject> kept;
        for (PSObject &o : objects) {
            auto keep = condition->evaluate([&](const QString &p) { return o.property(p); });
            if (!keep)
                return keep.error();
            if (*keep)
                kept.push_back(std::move(o));
        }
        return kept;
    }
    if (is(c.name, "Select-Object", "select")) {
        for (const char *name : {"First", "Last", "Skip"})
            if (b.has(QLatin1String(name)) && b.values.value(QLatin1String(name)).toLongLong() < 0)
                return syntaxError(script, c.position,
                                   QStringLiteral("-%1 of Select-Object takes a number of objects, 0 or more")
                                       .arg(QLatin1String(name)),
                                   QStringLiteral("write Select-Object -%1 2").arg(QLatin1String(name)));
        // -Skip, then -First and/or -Last, as PowerShell: with both, the first N and the last M.
        const auto count = static_cast<qsizetype>(objects.size());
        const qsizetype skip =
            std::min<qsizetype>(b.values.value(QStringLiteral("Skip")).toLongLong(), count);
        std::vector<PSObject> rest(objects.begin() + skip, objects.end());
        if (b.has(QStringLiteral("First")) || b.has(QStringLiteral("Last"))) {
            const auto n = static_cast<qsizetype>(rest.size());
            const qsizetype first =
                std::min<qsizetype>(b.values.value(QStringLiteral("First")).toLongLong(), n);
            const qsizetype last =
                std::min<qsizetype>(b.values.value(QStringLiteral("Last")).toLongLong(), n - first);
            std::vector<PSObject> kept(rest.begin(), rest.begin() + first);
            kept.insert(kept.end(), rest.end() - last, rest.end());
            rest = std::move(kept);
        }
        const QStringList names = namesOf(b, QStringLiteral("Property"));
        if (names.isEmpty() || names == QStringList{QStringLiteral("*")})
            return rest;
        for (PSObject &o : rest) {
            const QStringList expanded = expandPropertyNames(o, names); // "LastLog*"
            PSObject picked{o.typeName, expanded, {}};
            for (const QString &n : expanded)
                picked.set(n, o.property(n).value_or(QVariant()));
            o = picked;
        }
        return rest;
    }
    if (is(c.name, "Sort-Object", "sort")) {
        const QStringList keys = namesOf(b, QStringLiteral("Property"));
        const bool descending = b.flag(QStringLiteral("Descending"));
        std::stable_sort(objects.begin(), objects.end(), [&](const PSObject &x, const PSObject &y) {
            for (const QString &key : keys) {
                const int cmp =
                    compareValues(x.property(key).value_or(QVariant()), y.property(key).value_or(QVariant()));
                if (cmp != 0)
                    return descending ? cmp > 0 : cmp < 0;
            }
            return false;
        });
        return objects;
    }
    if (is(c.name, "Measure-Object", "measure")) {
        const QString property = namesOf(b, QStringLiteral("Property")).value(0);
        PSObject m{QStringLiteral("Measure"), {}, {}};
        m.set(QStringLiteral("Count"), static_cast<qlonglong>(objects.size()));
        std::vector<double> values;
        for (const PSObject &o : objects)
            values.push_back(o.property(property).value_or(QVariant(0)).toDouble());
        double sum = 0;
        for (double v : values)
            sum += v;
        if (b.flag(QStringLiteral("Average")))
            m.set(QStringLiteral("Average"),
                  values.empty() ? QVariant() : QVariant(sum / double(values.size())));
        if (b.flag(QStringLiteral("Sum")))
            m.set(QStringLiteral("Sum"), sum);
        if (b.flag(QStringLiteral("Maximum")))
            m.set(QStringLiteral("Maximum"),
                  values.empty() ? QVariant() : QVariant(*std::max_element(values.begin(), values.end())));
        if (b.flag(QStringLiteral("Minimum")))
            m.set(QStringLiteral("Minimum"),
                  values.empty() ? QVariant() : QVariant(*std::min_element(values.begin(), values.end())));
        m.set(QStringLiteral("Property"), property);
        return std::vector<PSObject>{m};
    }
    QStringList names = namesOf(b, QStringLiteral("Property"));
    if (is(c.name, "Format-List", "fl")) {
        if (names == QStringList{QStringLiteral("*")})
            names.clear();
        *formatted += formatList(objects, names);
        return std::vector<PSObject>{};
    }
    *formatted += formatTable(objects, names); // Format-Table / ft
    return std::vector<PSObject>{};
}

// Get-Help: the list of cmdlets, or one cmdlet's synopsis and syntax.
Result<PSObject> helpFor(const QString &script, const Command &c, const CmdletRegistry &registry)
{
    QStringList wanted;
    for (const Element &e : c.elements)
        if (e.kind == Element::Kind::Value)
            wanted << e.text;
    QString text;
    if (wanted.isEmpty()) {
        text = QStringLiteral("Cmdlets (Get-Help NAME for one):\n");
        for (const CmdletSpec &spec : registry.all())
            text += QStringLiteral("  %1%2\n").arg(spec.name.leftJustified(28), spec.synopsis);
        text +=
            QStringLiteral("Pipeline: where {$_.Prop -op value}, Select-Object, Sort-Object [-Descending], "
                           "Measure-Object [-Sum], Format-List (fl), Format-Table (ft)\n");
    } else {
        const CmdletSpec *spec = registry.find(wanted.first());
        if (!spec) {
            const QString nearest = nearestName(wanted.first(), registry.names());
            return syntaxError(script, c.elements.front().position,
                               QStringLiteral("no help for \"%1\"").arg(wanted.first()),
                               nearest.isEmpty() ? QStringLiteral("Get-Help lists the cmdlets")
                                                 : QStringLiteral("did you mean %1?").arg(nearest));
        }
        text = QStringLiteral("NAME\n    %1\n\nSYNOPSIS\n    %2\n\nSYNTAX\n    %3\n")
                   .arg(spec->name, spec->synopsis, cmdletSyntax(*spec));
    }
    PSObject o{QStringLiteral("Text"), {QStringLiteral("Output")}, {}};
    o.set(QStringLiteral("Output"), text);
    return o;
}

QString commandText(const QString &script, const Pipeline &p, std::size_t i)
{
    const qsizetype start = p.commands[i].position;
    const qsizetype end = i + 1 < p.commands.size() ? p.commands[i + 1].position : script.size();
    QString text = script.mid(start, end - start).trimmed();
    if (text.endsWith(QLatin1Char('|')))
        text.chop(1);
    return text.trimmed();
}

} // namespace

const QStringList &pipelineVerbs()
{
    return kVerbs;
}

namespace {

// One statement: its pipeline, command by command. Returns the error that ended it, if any; *action is
// what that error does to the script (the failing command's -ErrorAction, else the preference).
std::optional<Error> runStatement(const QString &script, const Pipeline &pipeline,
                                  const CmdletRegistry &registry, CmdletContext &context, ScriptOutput &out,
                                  ErrorAction *action)
{
    *action = context.errorActionPreference;
    if (pipeline.assignment) {
        const Assignment &a = *pipeline.assignment;
        if (a.variable.compare(QStringLiteral("ErrorActionPreference"), Qt::CaseInsensitive) != 0)
            return syntaxError(script, a.position,
                               QStringLiteral("$%1 is not a variable this shell keeps").arg(a.variable),
                               QStringLiteral("only $ErrorActionPreference can be set, e.g. "
                                              "$ErrorActionPreference = 'Stop'"));
        const auto value = errorActionFromText(a.value.text);
        if (!value)
            return syntaxError(script, a.value.position,
                               QStringLiteral("$ErrorActionPreference takes %1, not \"%2\"")
                                   .arg(errorActionNames(), a.value.text),
                               QStringLiteral("write $ErrorActionPreference = 'Stop'"));
        context.errorActionPreference = *value;
        return std::nullopt;
    }
    std::vector<PSObject> objects;
    QString formatted;
    bool printed = false;
    for (std::size_t i = 0; i < pipeline.commands.size(); ++i) {
        const Command &c = pipeline.commands[i];
        const auto bindAction = [&](const BoundParameters &b) {
            if (b.has(QStringLiteral("ErrorAction")))
                *action = errorActionFromText(b.string(QStringLiteral("ErrorAction"))).value_or(*action);
        };
        if (pipelineVerbs().contains(c.name, Qt::CaseInsensitive)) {
            auto bound = bindParameters(script, c, verbParameters(c.name), false);
            if (!bound)
                return bound.error();
            bindAction(*bound);
            auto r = runVerb(script, c, *bound, std::move(objects), &formatted);
            if (!r)
                return r.error();
            objects = std::move(*r);
            printed = printed || !formatted.isEmpty() || is(c.name, "Format-List", "fl") ||
                      is(c.name, "Format-Table", "ft");
            continue;
        }
        if (is(c.name, "Get-Help", "help")) {
            auto help = helpFor(script, c, registry);
            if (!help)
                return help.error();
            objects = {*help};
            continue;
        }
        const CmdletSpec *spec = registry.find(c.name);
        if (!spec) {
            const QString nearest = nearestName(c.name, registry.names() + pipelineVerbs());
            return syntaxError(script, c.position,
                               QStringLiteral("\"%1\" is not a cmdlet SCR Console knows").arg(c.name),
                               nearest.isEmpty() ? QStringLiteral("Get-Help lists the cmdlets")
                                                 : QStringLiteral("did you mean %1?").arg(nearest));
        }
        Result<BoundParameters> bound = BoundParameters{};
        if (spec->rawArguments) {
            QStringList words;
            for (const Element &e : c.elements)
                words << (e.kind == Element::Kind::Parameter ? QLatin1Char('-') + e.name : e.text);
            bound->values.insert(QStringLiteral("Arguments"), words);
        } else {
            bound = bindParameters(script, c, spec->parameters);
        }
        if (!bound)
            return bound.error();
        bindAction(*bound);
        if (spec->needsLab && !context.lab)
            return Error{c.name, QStringLiteral("needs a lab with a directory (org.sqlite)"),
                         QStringLiteral("open one with --lab DIR")};
        const QString text = commandText(script, pipeline, i);
        if (bound->flag(QStringLiteral("WhatIf"))) {
            out.append(QStringLiteral("What if: %1\n").arg(text));
            objects.clear();
            continue;
        }
        // -Force means no prompt (Exchange's Restore-StorageGroupCopy -Force runs from a script as it is);
        // -Confirm:$false says the same.
        const bool forced = bound->has(QStringLiteral("Force")) && bound->flag(QStringLiteral("Force"));
        if (spec->confirms && !forced &&
            !(bound->has(QStringLiteral("Confirm")) && !bound->flag(QStringLiteral("Confirm")))) {
            if (!context.interactive || !context.confirm)
                return Error{c.name,
                             QStringLiteral("asks for confirmation, and no one is at a terminal to give it"),
                             QStringLiteral("add -Confirm:$false to run it from a script")};
            if (!context.confirm(
                    QStringLiteral("Are you sure you want to perform this action?\n%1").arg(text))) {
                out.append(QStringLiteral("%1 was not run: not confirmed.\n").arg(c.name));
                objects.clear();
                continue;
            }
        }
        auto result = spec->run(context, *bound, objects);
        if (!result)
            return result.error();
        objects = std::move(*result);
    }
    out.write(objects);
    if (!printed)
        out.append(formatDefault(objects));
    out.append(formatted);
    return std::nullopt;
}

} // namespace

void ScriptOutput::append(const QString &printed)
{
    if (printed.isEmpty())
        return;
    text += printed;
    parts.push_back({false, printed});
}

void ScriptOutput::write(const std::vector<PSObject> &written)
{
    objects.insert(objects.end(), written.begin(), written.end());
}

void ScriptOutput::fail(const Error &error)
{
    ok = false;
    errors << error.toString();
    errorRecords.push_back(error);
    parts.push_back({true, error.toString()});
    if (!firstError)
        firstError = error;
}

ScriptOutput runScript(const QString &script, const CmdletRegistry &registry, CmdletContext &context,
                       ScriptMode mode)
{
    ScriptOutput out;
    // The whole script is parsed before anything runs, as PowerShell does: a syntax error runs nothing.
    auto parsed = parse(script);
    if (!parsed) {
        out.fail(parsed.error());
        return out;
    }
    const bool exitedBefore = context.exitRequested;
    for (const Pipeline &pipeline : parsed->statements) {
        ErrorAction action = ErrorAction::Continue;
        const std::optional<Error> error = runStatement(script, pipeline, registry, context, out, &action);
        // A non-terminating error lets the script go on, unless told to stop (or run as a wizard's step);
        // -ErrorAction SilentlyContinue says that this error does not matter, in either mode.
        if (error && action != ErrorAction::SilentlyContinue) {
            out.fail(*error);
            if (action == ErrorAction::Stop || mode == ScriptMode::StopAtFirstError)
                return out;
        }
        if (!exitedBefore && context.exitRequested)
            break; // exit ends the script
    }
    return out;
}

} // namespace scr::ems
