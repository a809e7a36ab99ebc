#include "commandline.h"

namespace scr {
namespace {

Error unterminated(const QString &text, qsizetype at)
{
    return Error{QStringLiteral("line"),
                 QStringLiteral("the string starting at column %1 is missing its closing quote:\n%2\n%3^")
                     .arg(at + 1)
                     .arg(text, QString(at, QLatin1Char(' '))),
                 QStringLiteral("close the quote"), JetCode::InvalidParameter};
}

} // namespace

Result<QStringList> splitStatements(const QString &text)
{
    QStringList out;
    QString current;
    QChar quote;
    qsizetype quoteStart = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (!quote.isNull()) {
            current += c;
            if (c == quote)
                quote = QChar();
            continue;
        }
        if (c == QLatin1Char('\'') || c == QLatin1Char('"')) {
            quote = c;
            quoteStart = i;
            current += c;
        } else if (c == QLatin1Char('#')) {
            while (i + 1 < text.size() && text[i + 1] != QLatin1Char('\n'))
                ++i;
        } else if (c == QLatin1Char(';') || c == QLatin1Char('\n')) {
            if (!current.trimmed().isEmpty())
                out << current.trimmed();
            current.clear();
        } else {
            current += c;
        }
    }
    if (!quote.isNull())
        return unterminated(text, quoteStart);
    if (!current.trimmed().isEmpty())
        out << current.trimmed();
    return out;
}

Result<QStringList> splitWords(const QString &statement)
{
    QStringList words;
    QString current;
    bool inWord = false;
    QChar quote;
    qsizetype quoteStart = 0;
    for (qsizetype i = 0; i < statement.size(); ++i) {
        const QChar c = statement[i];
        if (!quote.isNull()) {
            if (c == quote)
                quote = QChar();
            else
                current += c;
            continue;
        }
        if (c == QLatin1Char('\'') || c == QLatin1Char('"')) {
            quote = c;
            quoteStart = i;
            inWord = true;
        } else if (c.isSpace()) {
            if (inWord)
                words << current;
            current.clear();
            inWord = false;
        } else {
            current += c;
            inWord = true;
        }
    }
    if (!quote.isNull())
        return unterminated(statement, quoteStart);
    if (inWord)
        words << current;
    return words;
}

} // namespace scr
