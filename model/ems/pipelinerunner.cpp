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

QStringList valuesOf(const Command &c)
{
    QStringList out;
    for (const Element &e : c.elements)
        if (e.kind == Element::Kind::Value)
            out << e.text.split(QLatin1Char(','), Qt::SkipEmptyParts);
    return out;
}

bool hasSwitch(const Command &c, const char *name)
{
    return std::any_of(c.elements.begin(), c.elements.end(), [&](const Element &e) {
        return e.kind == Element::Kind::Parameter &&
               e.name.compare(QLatin1String(name), Qt::CaseInsensitive) == 0;
    });
}

// The pipeline's own verbs. formatted is set when the verb printed the objects.
Result<std::vector<PSObject>> runVerb(const QString &script, const Command &c, std::vector<PSObject> objects,
                                      QString *formatted)
{
    if (is(c.name, "where", "Where-Object")) {
        auto block = std::find_if(c.elements.begin(), c.elements.end(), [](const Element &e) {
            return e.valueKind == Element::ValueKind::ScriptBlock;
        });
        if (block == c.elements.end())
            return syntaxError(script, c.position + c.name.size(),
                               QStringLiteral("where needs a condition block"),
                               QStringLiteral("write where {$_.Name -notmatch 'System'}"));
        auto condition = parseCondition(script, block->text, block->position + 1);
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
        const QStringList names = valuesOf(c);
        for (PSObject &o : objects) {
            PSObject picked{o.typeName, names, {}};
            for (const QString &n : names)
                picked.set(n, o.property(n).value_or(QVariant()));
            o = picked;
        }
        return objects;
    }
    if (is(c.name, "Sort-Object", "sort")) {
        const QStringList names = valuesOf(c);
        const bool descending = hasSwitch(c, "Descending");
        const QString key = names.value(0);
        std::stable_sort(objects.begin(), objects.end(), [&](const PSObject &a, const PSObject &b) {
            const QVariant x = a.property(key).value_or(QVariant()), y = b.property(key).value_or(QVariant());
            bool nx = false, ny = false;
            const double dx = x.toDouble(&nx), dy = y.toDouble(&ny);
            const int cmp = nx && ny ? (dx < dy   ? -1
                                        : dx > dy ? 1
                                                  : 0)
                                     : x.toString().compare(y.toString(), Qt::CaseInsensitive);
            return descending ? cmp > 0 : cmp < 0;
        });
        return objects;
    }
    if (is(c.name, "Measure-Object", "measure")) {
        const QString property = valuesOf(c).value(0);
        PSObject m{QStringLiteral("Measure"), {}, {}};
        m.set(QStringLiteral("Count"), static_cast<qlonglong>(objects.size()));
        if (hasSwitch(c, "Sum")) {
            double sum = 0;
            for (const PSObject &o : objects)
                sum += o.property(property).value_or(QVariant(0)).toDouble();
            m.set(QStringLiteral("Sum"), sum);
        }
        m.set(QStringLiteral("Property"), property);
        return std::vector<PSObject>{m};
    }
    if (is(c.name, "Format-List", "fl")) {
        QStringList names = valuesOf(c);
        if (names == QStringList{QStringLiteral("*")})
            names.clear();
        *formatted += formatList(objects, names);
        return std::vector<PSObject>{};
    }
    *formatted += formatTable(objects, valuesOf(c)); // Format-Table / ft
    return std::vector<PSObject>{};
}

QString syntaxOf(const CmdletSpec &spec)
{
    QStringList parts{spec.name};
    for (const ParameterSpec &p : spec.parameters) {
        QString part = QLatin1Char('-') + p.name;
        if (p.type != ParameterType::Switch)
            part += p.type == ParameterType::TimeSpan  ? QStringLiteral(" <TimeSpan>")
                    : p.type == ParameterType::Boolean ? QStringLiteral(" <$true|$false>")
                    : p.type == ParameterType::Integer ? QStringLiteral(" <Int>")
                                                       : QStringLiteral(" <String>");
        if (p.position >= 0)
            part = QLatin1Char('[') + part.section(QLatin1Char(' '), 0, 0) + QStringLiteral("] ") +
                   part.section(QLatin1Char(' '), 1);
        parts << (p.mandatory ? part : QLatin1Char('[') + part + QLatin1Char(']'));
    }
    if (spec.confirms)
        parts << QStringLiteral("[-Confirm:$false]");
    parts << QStringLiteral("[-WhatIf]");
    return parts.join(QLatin1Char(' '));
}

// Get-Help: the list of cmdlets, or one cmdlet's synopsis and syntax.
Result<PSObject> helpFor(const QString &script, const Command &c, const CmdletRegistry &registry)
{
    const QStringList wanted = valuesOf(c);
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
                   .arg(spec->name, spec->synopsis, syntaxOf(*spec));
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

ScriptOutput runScript(const QString &script, const CmdletRegistry &registry, CmdletContext &context)
{
    ScriptOutput out;
    const auto fail = [&](const Error &e) {
        out.ok = false;
        out.errors << e.toString();
        if (!out.firstError)
            out.firstError = e;
    };
    auto parsed = parse(script);
    if (!parsed) {
        fail(parsed.error());
        return out;
    }
    for (const Pipeline &pipeline : parsed->statements) {
        std::vector<PSObject> objects;
        QString formatted;
        bool printed = false;
        for (std::size_t i = 0; i < pipeline.commands.size(); ++i) {
            const Command &c = pipeline.commands[i];
            if (pipelineVerbs().contains(c.name, Qt::CaseInsensitive)) {
                auto r = runVerb(script, c, std::move(objects), &formatted);
                if (!r) {
                    fail(r.error());
                    return out;
                }
                objects = std::move(*r);
                printed = printed || !formatted.isEmpty() || is(c.name, "Format-List", "fl") ||
                          is(c.name, "Format-Table", "ft");
                continue;
            }
            if (is(c.name, "Get-Help", "help")) {
                auto help = helpFor(script, c, registry);
                if (!help) {
                    fail(help.error());
                    return out;
                }
                objects = {*help};
                continue;
            }
            const CmdletSpec *spec = registry.find(c.name);
            if (!spec) {
                const QString nearest = nearestName(c.name, registry.names() + pipelineVerbs());
                fail(syntaxError(script, c.position,
                                 QStringLiteral("\"%1\" is not a cmdlet SCR Console knows").arg(c.name),
                                 nearest.isEmpty() ? QStringLiteral("Get-Help lists the cmdlets")
                                                   : QStringLiteral("did you mean %1?").arg(nearest)));
                return out;
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
            if (!bound) {
                fail(bound.error());
                return out;
            }
            if (spec->needsLab && !context.lab) {
                fail(Error{c.name, QStringLiteral("needs a lab with a directory (org.sqlite)"),
                           QStringLiteral("open one with --lab DIR"), JetCode::InvalidParameter});
                return out;
            }
            const QString text = commandText(script, pipeline, i);
            if (bound->flag(QStringLiteral("WhatIf"))) {
                out.text += QStringLiteral("What if: %1\n").arg(text);
                objects.clear();
                continue;
            }
            if (spec->confirms &&
                !(bound->has(QStringLiteral("Confirm")) && !bound->flag(QStringLiteral("Confirm")))) {
                if (!context.interactive || !context.confirm) {
                    fail(
                        Error{c.name,
                              QStringLiteral("asks for confirmation, and no one is at a terminal to give it"),
                              QStringLiteral("add -Confirm:$false to run it from a script"),
                              JetCode::InvalidParameter});
                    return out;
                }
                if (!context.confirm(
                        QStringLiteral("Are you sure you want to perform this action?\n%1").arg(text))) {
                    out.text += QStringLiteral("%1 was not run: not confirmed.\n").arg(c.name);
                    objects.clear();
                    continue;
                }
            }
            auto result = spec->run(context, *bound, objects);
            if (!result) {
                fail(result.error());
                return out;
            }
            objects = std::move(*result);
        }
        if (!printed)
            out.text += formatDefault(objects);
        out.text += formatted;
    }
    return out;
}

} // namespace scr::ems
