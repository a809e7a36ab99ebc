#include "formatter.h"

#include "core/textescape.h"

#include <algorithm>

#include <QLocale>
#include <QRegularExpression>

namespace scr::ems {

QString formatValue(const QVariant &value)
{
    if (!value.isValid() || value.isNull())
        return {};
    if (value.typeId() == QMetaType::Bool)
        return value.toBool() ? QStringLiteral("True") : QStringLiteral("False");
    if (value.typeId() == QMetaType::QStringList)
        return QLatin1Char('{') + escapeControls(value.toStringList().join(QStringLiteral(", "))) +
               QLatin1Char('}');
    // A value is one cell: a newline in a name must not make a line of its own, nor an ESC drive a terminal.
    return escapeControls(value.toString());
}

QStringList expandPropertyNames(const PSObject &o, const QStringList &names)
{
    QStringList out;
    for (const QString &name : names) {
        if (!name.contains(QLatin1Char('*')) && !name.contains(QLatin1Char('?'))) {
            out << name;
            continue;
        }
        const QRegularExpression pattern(QRegularExpression::wildcardToRegularExpression(name),
                                         QRegularExpression::CaseInsensitiveOption);
        for (const auto &[key, value] : o.properties)
            if (pattern.match(key).hasMatch() && !out.contains(key, Qt::CaseInsensitive))
                out << key;
    }
    return out;
}

QString formatTable(const std::vector<PSObject> &objects, QStringList columns)
{
    if (objects.empty())
        return {};
    const bool asked = !columns.isEmpty();
    columns = expandPropertyNames(objects.front(), columns); // a table's columns are its first object's
    if (asked && columns.isEmpty())
        return {}; // "ft Foo*" that matches nothing prints nothing, as PowerShell
    if (columns.isEmpty())
        columns = objects.front().tableColumns;
    if (columns.isEmpty())
        for (const auto &[name, value] : objects.front().properties)
            columns << name;
    std::vector<qsizetype> widths;
    for (const QString &c : columns)
        widths.push_back(c.size());
    std::vector<QStringList> rows;
    for (const PSObject &o : objects) {
        QStringList row;
        for (qsizetype i = 0; i < columns.size(); ++i) {
            const QString cell = formatValue(o.property(columns[i]).value_or(QVariant()));
            widths[static_cast<std::size_t>(i)] = std::max(widths[static_cast<std::size_t>(i)], cell.size());
            row << cell;
        }
        rows.push_back(row);
    }
    const auto line = [&](const QStringList &cells) {
        QString text;
        for (qsizetype i = 0; i < cells.size(); ++i)
            text += (i + 1 == cells.size() ? cells[i]
                                           : cells[i].leftJustified(widths[static_cast<std::size_t>(i)] + 1));
        return text.trimmed().isEmpty() ? QString()
                                        : QString(text).remove(QRegularExpression(QStringLiteral("\\s+$")));
    };
    QStringList dashes;
    for (qsizetype i = 0; i < columns.size(); ++i)
        dashes << QString(columns[i].size(), QLatin1Char('-'));
    QString out = QLatin1Char('\n') + line(columns) + QLatin1Char('\n') + line(dashes) + QLatin1Char('\n');
    for (const QStringList &row : rows)
        out += line(row) + QLatin1Char('\n');
    return out + QLatin1Char('\n');
}

QString formatList(const std::vector<PSObject> &objects, const QStringList &properties)
{
    QString out;
    for (const PSObject &o : objects) {
        QStringList names = expandPropertyNames(o, properties);
        if (properties.isEmpty())
            for (const auto &[name, value] : o.properties)
                names << name;
        qsizetype width = 0;
        for (const QString &n : names)
            width = std::max(width, n.size());
        out += QLatin1Char('\n');
        for (const QString &n : names)
            out += n.leftJustified(width) + QStringLiteral(" : ") +
                   formatValue(o.property(n).value_or(QVariant())) + QLatin1Char('\n');
    }
    return objects.empty() ? QString() : out + QLatin1Char('\n');
}

namespace {

// cmd's dir summary under a listing: the files (with their lengths) and folders shown, then the footer
// ("N bytes free"); other objects print their footer as it is.
QString footerOf(const std::vector<PSObject> &objects)
{
    const QLocale english(QLocale::English);
    if (!std::all_of(objects.begin(), objects.end(),
                     [](const PSObject &o) { return o.typeName == QStringLiteral("FileSystemInfo"); }))
        return objects.back().footer + QLatin1Char('\n');
    qint64 files = 0;
    qint64 folders = 0;
    qint64 bytes = 0;
    for (const PSObject &o : objects) {
        const QVariant length = o.property(QStringLiteral("Length")).value_or(QVariant());
        if (length.isValid() && !length.isNull()) {
            ++files;
            bytes += length.toLongLong();
        } else {
            ++folders;
        }
    }
    return QStringLiteral("%1 File(s) %2 bytes\n%3 Dir(s) %4\n")
        .arg(QString::number(files).rightJustified(16), english.toString(bytes).rightJustified(14),
             QString::number(folders).rightJustified(16), objects.back().footer.rightJustified(26));
}

} // namespace

QString formatDefault(const std::vector<PSObject> &objects)
{
    // Text (eseutil's output, help) prints as it is.
    if (!objects.empty() && std::all_of(objects.begin(), objects.end(), [](const PSObject &o) {
            return o.typeName == QStringLiteral("Text");
        })) {
        QString out;
        for (const PSObject &o : objects) {
            const QString text = o.property(QStringLiteral("Output")).value_or(QVariant()).toString();
            out += text.endsWith(QLatin1Char('\n')) ? text : text + QLatin1Char('\n');
        }
        return out;
    }
    QString out =
        objects.size() == 1 && !objects.front().alwaysTable ? formatList(objects) : formatTable(objects);
    if (!objects.empty() && !objects.back().footer.isEmpty())
        out += footerOf(objects);
    return out;
}

} // namespace scr::ems
