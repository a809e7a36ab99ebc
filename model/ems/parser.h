#pragma once
// The Exchange Management Shell language subset, parsed: statements (';' or newline) of pipelines ('|') of
// commands, or assignments ($ErrorActionPreference = 'Stop'). A command is its name and a flat list of
// elements — parameters (-Name, -Name:value) and values (barewords, quoted strings, $true/$false/$null, $_
// variables, { script blocks }) — because only the cmdlet's metadata knows whether "-Force MBX1" is a switch
// and a positional value or a parameter and its value; the binder decides. "a, b" (a comma, then more) is one
// value, "a,b", as PowerShell's array. Errors show the line with a caret under the position and say what was
// expected.

#include "command/commandline.h" // quote
#include "core/result.h"

#include <functional>
#include <optional>
#include <vector>

#include <QString>
#include <QStringList>
#include <QVariant>

namespace scr::ems {

struct Element
{
    enum class Kind { Parameter, Value };
    enum class ValueKind { Bareword, String, Boolean, Null, Variable, ScriptBlock };

    Kind kind = Kind::Value;
    QString name;               // Parameter: without the dash
    bool hasColonValue = false; // Parameter written -Name:value; the value is in the fields below
    ValueKind valueKind = ValueKind::Bareword;
    QString text;           // the value's text, unquoted; a script block's inside
    bool boolean = false;   // Boolean: $true / $false
    qsizetype position = 0; // offset in the script
};

struct Command
{
    QString name;
    std::vector<Element> elements;
    qsizetype position = 0;
};

// $Name = value: a statement of its own (the shell knows $ErrorActionPreference).
struct Assignment
{
    QString variable; // without the '$'
    Element value;
    qsizetype position = 0;
};

struct Pipeline
{
    std::vector<Command> commands;
    std::optional<Assignment> assignment; // set instead of commands for "$Name = value"
};

struct Script
{
    std::vector<Pipeline> statements;
};

// Every where block is parsed with the script, so that a syntax error in one refuses the whole script.
Result<Script> parse(const QString &text);

// An error about text at position, laid out as the shell shows it: the line, a caret, what was expected.
Error syntaxError(const QString &text, qsizetype position, const QString &what, const QString &fix = {});

// The closest of names to wanted (case-insensitive edit distance, at most a third of its length), or "".
QString nearestName(const QString &wanted, const QStringList &names);

// where { $_.Property -op value [-and|-or ...] }, evaluated left to right.
struct Condition
{
    struct Comparison
    {
        QString property;
        QString op; // lower case: -match -notmatch -eq -ne -like -notlike -gt -lt
        QVariant value;
    };
    std::vector<Comparison> comparisons;
    std::vector<QString> joins; // "-and" / "-or" between them

    // property(name) gives the object's value, or nullopt when it has no such property.
    Result<bool> evaluate(const std::function<std::optional<QVariant>(const QString &)> &property) const;
};

// blockOffset is where the block's text starts in the script, for error carets.
Result<Condition> parseCondition(const QString &script, const QString &block, qsizetype blockOffset);

} // namespace scr::ems
