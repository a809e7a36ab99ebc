#include "completion.h"

#include "pipelinerunner.h"

#include <algorithm>

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
