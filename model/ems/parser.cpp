#include "parser.h"

#include "core/textescape.h"

#include <algorithm>

#include <QRegularExpression>

namespace scr::ems {
namespace {

bool isSeparator(QChar c)
{
    return c.isSpace() || c == QLatin1Char('|') || c == QLatin1Char(';') || c == QLatin1Char('{') ||
           c == QLatin1Char('}');
}

// Characters that look like a pipe in a web page or a word processor but are not one.
bool isPipeLookalikeChar(QChar c)
{
    return c == QChar(0x00A6) || c == QChar(0x2502) || c == QChar(0xFF5C) || c == QChar(0x2223);
}

bool looksLikeCommandName(const QString &word)
{
    static const QRegularExpression verbNoun(QStringLiteral("^[A-Za-z]+-[A-Za-z]+$"));
    static const QStringList aliases = {QStringLiteral("where"), QStringLiteral("select"),
                                        QStringLiteral("sort"),  QStringLiteral("fl"),
                                        QStringLiteral("ft"),    QStringLiteral("measure")};
    return verbNoun.match(word).hasMatch() || aliases.contains(word, Qt::CaseInsensitive);
}

class Parser
{
public:
    explicit Parser(const QString &text) : m_text(text), m_end(text.size()) {}
    // Only text[begin, end), with positions (and error carets) in text: a script block inside a script.
    Parser(const QString &text, qsizetype begin, qsizetype end) : m_text(text), m_pos(begin), m_end(end) {}

    Result<Script> run();

private:
    bool atEnd() const { return m_pos >= m_end; }
    QChar peek(qsizetype ahead = 0) const { return m_pos + ahead < m_end ? m_text[m_pos + ahead] : QChar(); }

    // Skips spaces and comments; with statements, also newlines and ';'.
    void skipBlanks(bool statements);

    // "$Name = value" up to the end of the statement, when the statement is one; else nullopt, nothing read.
    Result<std::optional<Assignment>> parseAssignment();
    Result<Pipeline> parsePipeline();
    Result<Command> parseCommand();
    Result<Element> readParameter();
    Result<Element> readValue();
    Result<Element> readString();
    Result<Element> readBlock();

    const QString &m_text;
    qsizetype m_pos = 0;
    qsizetype m_end = 0;
};

Result<Script> Parser::run()
{
    Script script;
    while (true) {
        skipBlanks(true);
        if (atEnd())
            break;
        auto pipeline = parsePipeline();
        if (!pipeline)
            return pipeline.error();
        if (!pipeline->commands.empty() || pipeline->assignment)
            script.statements.push_back(std::move(*pipeline));
    }
    return script;
}

void Parser::skipBlanks(bool statements)
{
    while (!atEnd()) {
        const QChar c = peek();
        if (c == QLatin1Char('#')) {
            while (!atEnd() && peek() != QLatin1Char('\n'))
                ++m_pos;
        } else if (c == QLatin1Char('\n') || c == QLatin1Char(';')) {
            if (!statements)
                return;
            ++m_pos;
        } else if (c.isSpace()) {
            ++m_pos;
        } else {
            return;
        }
    }
}

Result<std::optional<Assignment>> Parser::parseAssignment()
{
    const qsizetype start = m_pos;
    if (peek() != QLatin1Char('$'))
        return std::optional<Assignment>{};
    qsizetype end = m_pos + 1;
    while (end < m_end && (m_text[end].isLetterOrNumber() || m_text[end] == QLatin1Char('_')))
        ++end;
    qsizetype at = end;
    while (at < m_end && (m_text[at] == QLatin1Char(' ') || m_text[at] == QLatin1Char('\t')))
        ++at;
    if (end == m_pos + 1 || at >= m_end || m_text[at] != QLatin1Char('='))
        return std::optional<Assignment>{};
    Assignment a;
    a.variable = m_text.mid(m_pos + 1, end - m_pos - 1);
    a.position = start;
    m_pos = at + 1;
    skipBlanks(false);
    if (atEnd() || peek() == QLatin1Char('\n') || peek() == QLatin1Char(';') || peek() == QLatin1Char('|'))
        return syntaxError(m_text, m_pos, QStringLiteral("a value was expected after '='"),
                           QStringLiteral("write $%1 = 'Stop', for example").arg(a.variable));
    auto value = readValue();
    if (!value)
        return value.error();
    a.value = std::move(*value);
    skipBlanks(false);
    if (!atEnd() && peek() != QLatin1Char('\n') && peek() != QLatin1Char(';'))
        return syntaxError(m_text, m_pos, QStringLiteral("the statement should end after the value"),
                           QStringLiteral("put one value after '=', quoted if it has spaces"));
    return std::optional<Assignment>{std::move(a)};
}

Result<Pipeline> Parser::parsePipeline()
{
    Pipeline pipeline;
    auto assignment = parseAssignment();
    if (!assignment)
        return assignment.error();
    if (*assignment) {
        pipeline.assignment = std::move(*assignment);
        return pipeline;
    }
    while (true) {
        skipBlanks(false);
        if (atEnd() || peek() == QLatin1Char('\n') || peek() == QLatin1Char(';')) {
            if (!pipeline.commands.empty())
                return syntaxError(m_text, m_pos, QStringLiteral("a command was expected after '|'"),
                                   QStringLiteral("remove the trailing '|' or add the next command"));
            return pipeline;
        }
        if (peek() == QLatin1Char('|'))
            return syntaxError(m_text, m_pos,
                               pipeline.commands.empty()
                                   ? QStringLiteral("a command was expected before '|'")
                                   : QStringLiteral("a command was expected between the two '|'"),
                               QStringLiteral("put a command on each side of '|'"));
        auto command = parseCommand();
        if (!command)
            return command.error();
        pipeline.commands.push_back(std::move(*command));
        skipBlanks(false);
        if (peek() == QLatin1Char('|')) {
            ++m_pos;
            continue;
        }
        return pipeline;
    }
}

Result<Command> Parser::parseCommand()
{
    Command command;
    command.position = m_pos;
    if (peek() == QLatin1Char('{') || peek() == QLatin1Char('}') || peek() == QLatin1Char('-'))
        return syntaxError(
            m_text, m_pos, QStringLiteral("a command name was expected here"),
            QStringLiteral("start the command with its name, e.g. Get-StorageGroupCopyStatus"));
    auto name = readValue();
    if (!name)
        return name.error();
    command.name = name->text;
    while (true) {
        skipBlanks(false);
        if (atEnd() || peek() == QLatin1Char('|') || peek() == QLatin1Char('\n') ||
            peek() == QLatin1Char(';'))
            break;
        if (peek() == QLatin1Char('}'))
            return syntaxError(m_text, m_pos, QStringLiteral("this '}' closes no '{'"),
                               QStringLiteral("remove it, or open the block with '{'"));
        if (isPipeLookalikeChar(peek()))
            return syntaxError(
                m_text, m_pos, QStringLiteral("'%1' looks like a pipe but is not one").arg(peek()),
                QStringLiteral("type the pipe character '|' instead (text copied from a web page "
                               "often carries a look-alike)"));
        const qsizetype at = m_pos;
        auto element = peek() == QLatin1Char('-') && (peek(1).isLetter() || peek(1) == QLatin1Char('_'))
                           ? readParameter()
                           : readValue();
        if (!element)
            return element.error();
        // A lone "l" or "I" between two commands is a pipe that went through a font change.
        if (element->kind == Element::Kind::Value && element->valueKind == Element::ValueKind::Bareword &&
            (element->text == QStringLiteral("l") || element->text == QStringLiteral("I"))) {
            const qsizetype save = m_pos;
            skipBlanks(false);
            auto next = atEnd() ? Result<Element>(Element{}) : readValue();
            m_pos = save;
            if (next && looksLikeCommandName(next->text))
                return syntaxError(m_text, at,
                                   QStringLiteral("'%1' stands between two commands where a pipe '|' belongs")
                                       .arg(element->text),
                                   QStringLiteral("type '|' instead: this letter is what a pipe becomes when "
                                                  "copied from some web pages"));
        }
        command.elements.push_back(std::move(*element));
    }
    return command;
}

Result<Element> Parser::readParameter()
{
    Element e;
    e.kind = Element::Kind::Parameter;
    e.position = m_pos;
    ++m_pos; // '-'
    const qsizetype start = m_pos;
    while (!atEnd() && !isSeparator(peek()) && peek() != QLatin1Char(':'))
        ++m_pos;
    e.name = m_text.mid(start, m_pos - start);
    if (peek() == QLatin1Char(':')) {
        ++m_pos;
        if (atEnd() || isSeparator(peek()))
            return syntaxError(m_text, m_pos, QStringLiteral("a value was expected after '-%1:'").arg(e.name),
                               QStringLiteral("write -%1:$false, for example").arg(e.name));
        auto value = readValue();
        if (!value)
            return value.error();
        e.hasColonValue = true;
        e.valueKind = value->valueKind;
        e.text = value->text;
        e.boolean = value->boolean;
    }
    return e;
}

Result<Element> Parser::readValue()
{
    Element e;
    e.position = m_pos;
    const QChar c = peek();
    if (c == QLatin1Char('{'))
        return readBlock();
    QString word;
    if (c == QLatin1Char('\'') || c == QLatin1Char('"')) {
        auto string = readString();
        if (!string || atEnd() || isSeparator(peek()))
            return string;
        // 'a','b' or 'a'b: more glued to the string, one value.
        word = string->text;
        e.valueKind = Element::ValueKind::String;
    }
    while (!atEnd() && !isSeparator(peek())) {
        if (peek() == QLatin1Char('\'') || peek() == QLatin1Char('"')) { // a quoted part glued to a word
            auto part = readString();
            if (!part)
                return part.error();
            word += part->text;
            continue;
        }
        word += peek();
        ++m_pos;
    }
    // "a, b": a word that ends with a comma goes on with the next one, as PowerShell's array does.
    while (word.endsWith(QLatin1Char(',')) && !atEnd()) {
        qsizetype at = m_pos;
        while (at < m_end && (m_text[at] == QLatin1Char(' ') || m_text[at] == QLatin1Char('\t')))
            ++at;
        if (at >= m_end || isSeparator(m_text[at]) || m_text[at] == QLatin1Char('-') ||
            m_text[at] == QLatin1Char('#'))
            break;
        m_pos = at;
        auto more = readValue();
        if (!more)
            return more.error();
        word += more->text;
    }
    e.text = word;
    if (word.startsWith(QLatin1Char('$'))) {
        const QString lower = word.toLower();
        if (lower == QStringLiteral("$true") || lower == QStringLiteral("$false")) {
            e.valueKind = Element::ValueKind::Boolean;
            e.boolean = lower == QStringLiteral("$true");
        } else if (lower == QStringLiteral("$null")) {
            e.valueKind = Element::ValueKind::Null;
        } else {
            e.valueKind = Element::ValueKind::Variable;
        }
    }
    return e;
}

Result<Element> Parser::readString()
{
    Element e;
    e.position = m_pos;
    e.valueKind = Element::ValueKind::String;
    const QChar quote = peek();
    ++m_pos;
    while (true) {
        if (atEnd())
            return syntaxError(m_text, e.position, QStringLiteral("this string has no closing %1").arg(quote),
                               QStringLiteral("close the string with %1").arg(quote));
        const QChar c = peek();
        if (c == quote) {
            if (peek(1) == quote) { // '' inside '...' (and "" inside "...") is one quote
                e.text += quote;
                m_pos += 2;
                continue;
            }
            ++m_pos;
            return e;
        }
        if (quote == QLatin1Char('"') && c == QLatin1Char('`') && m_pos + 1 < m_end) {
            e.text += m_text[m_pos + 1];
            m_pos += 2;
            continue;
        }
        e.text += c;
        ++m_pos;
    }
}

Result<Element> Parser::readBlock()
{
    Element e;
    e.position = m_pos;
    e.valueKind = Element::ValueKind::ScriptBlock;
    int depth = 0;
    const qsizetype start = m_pos + 1;
    QChar quote;
    for (; m_pos < m_end; ++m_pos) {
        const QChar c = m_text[m_pos];
        if (!quote.isNull()) {
            if (c == quote)
                quote = QChar();
            continue;
        }
        if (c == QLatin1Char('\'') || c == QLatin1Char('"'))
            quote = c;
        else if (c == QLatin1Char('{'))
            ++depth;
        else if (c == QLatin1Char('}') && --depth == 0) {
            e.text = m_text.mid(start, m_pos - start);
            ++m_pos;
            return e;
        }
    }
    return syntaxError(m_text, e.position, QStringLiteral("this '{' has no closing '}'"),
                       QStringLiteral("close the script block with '}'"));
}

int editDistance(const QString &a, const QString &b)
{
    std::vector<int> row(static_cast<std::size_t>(b.size() + 1));
    for (qsizetype j = 0; j <= b.size(); ++j)
        row[static_cast<std::size_t>(j)] = static_cast<int>(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        int diagonal = row[0];
        row[0] = static_cast<int>(i);
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const int up = row[static_cast<std::size_t>(j)];
            const bool same = a[i - 1].toLower() == b[j - 1].toLower();
            row[static_cast<std::size_t>(j)] =
                std::min({up + 1, row[static_cast<std::size_t>(j - 1)] + 1, diagonal + (same ? 0 : 1)});
            diagonal = up;
        }
    }
    return row.back();
}

Result<QVariant> literal(const QString &script, const Element &e)
{
    switch (e.valueKind) {
    case Element::ValueKind::Boolean:
        return QVariant(e.boolean);
    case Element::ValueKind::Null:
        return QVariant();
    case Element::ValueKind::String:
        return QVariant(e.text);
    case Element::ValueKind::Bareword: {
        bool isNumber = false;
        const qlonglong n = e.text.toLongLong(&isNumber);
        return isNumber ? QVariant(n) : QVariant(e.text);
    }
    default:
        return syntaxError(script, e.position, QStringLiteral("a value was expected here"),
                           QStringLiteral("compare with a quoted string, a number, $true or $false"));
    }
}

} // namespace

Result<Script> parse(const QString &text)
{
    auto script = Parser(text).run();
    if (!script)
        return script;
    // A where block's condition is parsed now, not when its pipeline runs: a syntax error in the last
    // statement must refuse the script before the first one has dismounted or deleted anything.
    for (const Pipeline &pipeline : script->statements)
        for (const Command &c : pipeline.commands) {
            if (c.name.compare(QStringLiteral("where"), Qt::CaseInsensitive) != 0 &&
                c.name.compare(QStringLiteral("Where-Object"), Qt::CaseInsensitive) != 0)
                continue;
            for (const Element &e : c.elements)
                if (e.valueKind == Element::ValueKind::ScriptBlock)
                    if (auto condition = parseCondition(text, e.text, e.position + 1); !condition)
                        return condition.error();
        }
    return script;
}

Error syntaxError(const QString &text, qsizetype position, const QString &what, const QString &fix)
{
    position = std::clamp<qsizetype>(position, 0, text.size());
    // lastIndexOf(c, -1) searches from the end of the text: at position 0 the line starts at 0, or the
    // column would come out negative.
    const qsizetype lineStart = position == 0 ? 0 : text.lastIndexOf(QLatin1Char('\n'), position - 1) + 1;
    qsizetype lineEnd = text.indexOf(QLatin1Char('\n'), position);
    if (lineEnd < 0)
        lineEnd = text.size();
    const int line = static_cast<int>(text.left(lineStart).count(QLatin1Char('\n'))) + 1;
    const qsizetype column = position - lineStart;
    // The two newlines are the layout (the script line, the caret under it); the parts are escaped here.
    const QString reason =
        QStringLiteral("%1 (line %2, column %3)\n%4\n%5^")
            .arg(escapeControls(what))
            .arg(line)
            .arg(column + 1)
            .arg(escapeControls(text.mid(lineStart, lineEnd - lineStart)),
                 QString(escapeControls(text.mid(lineStart, column)).size(), QLatin1Char(' ')));
    // not an ESE error: no JET code
    return Error{QStringLiteral("Syntax"), reason, escapeControls(fix), JetCode::None};
}

QString nearestName(const QString &wanted, const QStringList &names)
{
    QString best;
    int bestDistance = std::max<int>(1, static_cast<int>(wanted.size()) / 3) + 1;
    for (const QString &name : names) {
        const int d = editDistance(wanted, name);
        if (d < bestDistance) {
            bestDistance = d;
            best = name;
        }
    }
    return best;
}

Result<Condition> parseCondition(const QString &script, const QString &block, qsizetype blockOffset)
{
    // The block is parsed where it stands in the script, so that every position below is the script's;
    // a block that is not the script's own text is parsed alone, its positions then offset by blockOffset.
    const bool inScript = blockOffset >= 0 && script.mid(blockOffset, block.size()) == block;
    auto parsed = inScript ? Parser(script, blockOffset, blockOffset + block.size()).run() : parse(block);
    if (!parsed)
        return parsed.error();
    const qsizetype base = inScript ? 0 : blockOffset;
    if (parsed->statements.size() != 1 || parsed->statements.front().commands.size() != 1)
        return syntaxError(script, blockOffset, QStringLiteral("a where block holds one condition"),
                           QStringLiteral("write where {$_.Name -notmatch 'System'}"));
    const Command &c = parsed->statements.front().commands.front();
    // The "command" is $_.Property; then -op value, optionally -and/-or and more.
    std::vector<Element> parts;
    Element first;
    first.text = c.name;
    first.position = c.position;
    parts.push_back(first);
    for (const Element &e : c.elements)
        parts.push_back(e);
    for (Element &e : parts)
        e.position += base; // the script's positions from here on
    static const QStringList ops = {
        QStringLiteral("match"), QStringLiteral("notmatch"), QStringLiteral("eq"), QStringLiteral("ne"),
        QStringLiteral("like"),  QStringLiteral("notlike"),  QStringLiteral("gt"), QStringLiteral("lt")};
    Condition condition;
    std::size_t i = 0;
    while (true) {
        if (i + 2 >= parts.size())
            return syntaxError(script, i < parts.size() ? parts[i].position : blockOffset + block.size(),
                               QStringLiteral("a comparison like $_.Name -eq 'value' was expected"),
                               QStringLiteral("write where {$_.Name -notmatch 'System'}"));
        const Element &property = parts[i];
        if (!property.text.startsWith(QStringLiteral("$_.")) || property.text.size() <= 3)
            return syntaxError(script, property.position,
                               QStringLiteral("a property of the object, $_.Name, was expected"),
                               QStringLiteral("write where {$_.Name -notmatch 'System'}"));
        const Element &op = parts[i + 1];
        if (op.kind != Element::Kind::Parameter || !ops.contains(op.name, Qt::CaseInsensitive))
            return syntaxError(script, op.position,
                               QStringLiteral("a comparison operator was expected (%1)")
                                   .arg(QStringLiteral("-") + ops.join(QStringLiteral(", -"))),
                               QStringLiteral("write where {$_.Name -notmatch 'System'}"));
        auto value = literal(script, parts[i + 2]);
        if (!value)
            return value.error();
        // A pattern that can never match is the script's error, found now, not when objects first flow.
        if (op.name.endsWith(QStringLiteral("match"), Qt::CaseInsensitive)) {
            const QRegularExpression re(value->toString());
            if (!re.isValid())
                return syntaxError(script, parts[i + 2].position,
                                   QStringLiteral("'%1' is not a valid regular expression: %2")
                                       .arg(value->toString(), re.errorString()),
                                   QStringLiteral("escape [ ] ( ) . * + ? with a backslash to match them as "
                                                  "they are"));
        }
        condition.comparisons.push_back(
            {property.text.mid(3), QStringLiteral("-") + op.name.toLower(), *value});
        i += 3;
        if (i == parts.size())
            return condition;
        const Element &join = parts[i];
        if (join.kind != Element::Kind::Parameter ||
            (join.name.compare(QStringLiteral("and"), Qt::CaseInsensitive) != 0 &&
             join.name.compare(QStringLiteral("or"), Qt::CaseInsensitive) != 0) ||
            i + 1 == parts.size())
            return syntaxError(script, join.position, QStringLiteral("-and or -or was expected"),
                               QStringLiteral("join comparisons with -and or -or"));
        condition.joins.push_back(QStringLiteral("-") + join.name.toLower());
        ++i;
    }
}

Result<bool>
Condition::evaluate(const std::function<std::optional<QVariant>(const QString &)> &property) const
{
    bool result = false;
    for (std::size_t i = 0; i < comparisons.size(); ++i) {
        const Comparison &c = comparisons[i];
        const std::optional<QVariant> left = property(c.property);
        if (!left)
            return Error{c.property, QStringLiteral("the objects have no property of that name"),
                         QStringLiteral("Format-List shows the properties")};
        const QString l = left->toString();
        const QString r = c.value.toString();
        bool numbers = false, ok = false;
        const double ln = l.toDouble(&numbers);
        const double rn = r.toDouble(&ok);
        numbers = numbers && ok;
        bool v = false;
        if (c.op == QStringLiteral("-match") || c.op == QStringLiteral("-notmatch")) {
            const QRegularExpression re(r, QRegularExpression::CaseInsensitiveOption);
            if (!re.isValid())
                return Error{r, QStringLiteral("is not a valid regular expression: ") + re.errorString(), {}};
            v = re.match(l).hasMatch() == (c.op == QStringLiteral("-match"));
        } else if (c.op == QStringLiteral("-like") || c.op == QStringLiteral("-notlike")) {
            const QRegularExpression re(QRegularExpression::wildcardToRegularExpression(r),
                                        QRegularExpression::CaseInsensitiveOption);
            v = re.match(l).hasMatch() == (c.op == QStringLiteral("-like"));
        } else if (c.op == QStringLiteral("-eq") || c.op == QStringLiteral("-ne")) {
            const bool equal = numbers ? ln == rn : l.compare(r, Qt::CaseInsensitive) == 0;
            v = equal == (c.op == QStringLiteral("-eq"));
        } else { // -gt, -lt
            const int cmp = numbers ? (ln < rn ? -1 : ln > rn ? 1 : 0) : l.compare(r, Qt::CaseInsensitive);
            v = c.op == QStringLiteral("-gt") ? cmp > 0 : cmp < 0;
        }
        result = i == 0 ? v : joins[i - 1] == QStringLiteral("-and") ? (result && v) : (result || v);
    }
    return result;
}

} // namespace scr::ems
