#include "commandline.h"

#include <QRegularExpression>

namespace scr::ems {

QString quote(const QString &text)
{
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z0-9_.:\\\\-]+$"));
    if (plain.match(text).hasMatch() && !text.startsWith(QLatin1Char('-')))
        return text;
    return QLatin1Char('\'') + QString(text).replace(QStringLiteral("'"), QStringLiteral("''")) +
           QLatin1Char('\'');
}

QString formatTimeSpan(qint64 ms)
{
    const QString sign = ms < 0 ? QStringLiteral("-") : QString();
    const qint64 s = (ms < 0 ? -ms : ms) / 1000; // |ms| <= kMaxTimeSpanMs in practice; no overflow
    return sign + QStringLiteral("%1.%2:%3:%4")
                      .arg(s / 86400)
                      .arg((s / 3600) % 24, 2, 10, QLatin1Char('0'))
                      .arg((s / 60) % 60, 2, 10, QLatin1Char('0'))
                      .arg(s % 60, 2, 10, QLatin1Char('0'));
}

CommandLine::CommandLine(const QString &name) : m_name(name), m_text(name) {}

CommandLine &CommandLine::value(const QString &value)
{
    m_text += QLatin1Char(' ') + quote(value);
    return *this;
}

CommandLine &CommandLine::arg(const QString &name, const QString &value)
{
    m_text += QStringLiteral(" -") + name + QLatin1Char(' ') + quote(value);
    return *this;
}

CommandLine &CommandLine::arg(const QString &name, qint64 number)
{
    m_text += QStringLiteral(" -") + name + QLatin1Char(' ') + QString::number(number);
    return *this;
}

CommandLine &CommandLine::flag(const QString &name, bool on)
{
    m_text += QStringLiteral(" -") + name + (on ? QStringLiteral(" $true") : QStringLiteral(" $false"));
    return *this;
}

CommandLine &CommandLine::sw(const QString &name)
{
    m_text += QStringLiteral(" -") + name;
    return *this;
}

CommandLine &CommandLine::sw(const QString &name, bool on)
{
    m_text += QStringLiteral(" -") + name + (on ? QStringLiteral(":$true") : QStringLiteral(":$false"));
    return *this;
}

CommandLine &CommandLine::timeSpan(const QString &name, qint64 ms)
{
    m_text += QStringLiteral(" -") + name + QLatin1Char(' ') + formatTimeSpan(ms);
    return *this;
}
} // namespace scr::ems
