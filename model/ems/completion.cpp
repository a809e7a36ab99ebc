#include "completion.h"

#include "pipelinerunner.h"

#include <algorithm>
#include <vector>

namespace scr::ems {
namespace {

bool separates(QChar c)
{
    return c.isSpace() || c == QLatin1Char('|') || c == QLatin1Char(';') || c == QLatin1Char('{') ||
           c == QLatin1Char('(');
}

// The start of the command the cursor is in: after the last '|' or ';' outside quotes and braces.
qsizetype commandStart(const QString &line, qsizetype cursor)
{
    qsizetype start = 0;
    QChar quote;
    int braces = 0;
    for (qsizetype i = 0; i < cursor; ++i) {
        const QChar c = line[i];
        if (!quote.isNull()) {
            if (c == quote)
                quote = QChar();
        } else if (c == QLatin1Char('\'') || c == QLatin1Char('"')) {
            quote = c;
        } else if (c == QLatin1Char('{')) {
            ++braces;
        } else if (c == QLatin1Char('}')) {
            braces = std::max(0, braces - 1);
        } else if (braces == 0 && (c == QLatin1Char('|') || c == QLatin1Char(';'))) {
            start = i + 1;
        }
    }
    return start;
}

QString commonPrefixOf(const QStringList &words)
{
    if (words.isEmpty())
        return {};
    QString prefix = words.front();
    for (const QString &w : words) {
        qsizetype n = 0;
        while (n < prefix.size() && n < w.size() && prefix[n].toLower() == w[n].toLower())
            ++n;
        prefix.truncate(n);
    }
    return prefix;
}

// The parameter whose value the next word of words (a command and its words so far) is: the one the last
// word names (-Kind, or a unique prefix such as -K), or with the command alone its first positional one.
const ParameterSpec *parameterOfValue(const QString &words, const CmdletRegistry &registry)
{
    const QStringList typed = words.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    const CmdletSpec *spec = typed.isEmpty() ? nullptr : registry.find(typed.front());
    if (!spec)
        return nullptr;
    if (typed.size() == 1) {
        for (const ParameterSpec &p : spec->parameters)
            if (p.position == 0)
                return &p;
        return nullptr;
    }
    if (!typed.back().startsWith(QLatin1Char('-')))
        return nullptr;
    const QString name = typed.back().mid(1);
    std::vector<const ParameterSpec *> matches;
    for (const ParameterSpec &p : spec->parameters) {
        if (p.name.compare(name, Qt::CaseInsensitive) == 0)
            return &p;
        if (p.name.startsWith(name, Qt::CaseInsensitive))
            matches.push_back(&p);
    }
    return matches.size() == 1 ? matches.front() : nullptr; // a prefix counts only when it is unique
}

} // namespace

Completion complete(const QString &line, qsizetype cursor, const CmdletRegistry &registry)
{
    Completion c;
    cursor = std::clamp<qsizetype>(cursor, 0, line.size());
    qsizetype start = cursor;
    while (start > 0 && !separates(line[start - 1]))
        --start;
    c.start = start;
    const QString word = line.mid(start, cursor - start);
    const qsizetype command = commandStart(line, cursor);
    const bool commandPosition = line.mid(command, start - command).trimmed().isEmpty();

    QStringList pool;
    if (commandPosition) {
        pool = registry.names() + pipelineVerbs();
        pool << QStringLiteral("Get-Help");
    } else if (word.startsWith(QLatin1Char('-'))) {
        const QString name = line.mid(command, start - command).trimmed().section(QLatin1Char(' '), 0, 0);
        if (const CmdletSpec *spec = registry.find(name)) {
            for (const ParameterSpec &p : spec->parameters)
                pool << QLatin1Char('-') + p.name;
            pool << QStringLiteral("-Confirm:$false") << QStringLiteral("-WhatIf");
        }
    } else if (const ParameterSpec *parameter =
                   parameterOfValue(line.mid(command, start - command), registry)) {
        pool = parameter->values;
    }
    for (const QString &candidate : pool)
        if (candidate.startsWith(word, Qt::CaseInsensitive) &&
            !c.candidates.contains(candidate, Qt::CaseInsensitive))
            c.candidates << candidate;
    std::sort(c.candidates.begin(), c.candidates.end(),
              [](const QString &a, const QString &b) { return a.compare(b, Qt::CaseInsensitive) < 0; });
    c.commonPrefix = commonPrefixOf(c.candidates);
    return c;
}

} // namespace scr::ems
