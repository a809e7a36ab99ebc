#include "displaytime.h"

#include <QDateTime>
#include <QLocale>

namespace scr {

QString displayTime(qint64 ms)
{
    if (ms <= 0)
        return {};
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
    const QLocale locale;
    // The locale's short date and its long time (seconds matter for log times; the long form names the
    // zone, UTC), e.g. "12/1/26 9:08:12 AM UTC" in en_US, "01.12.26 09:08:12 UTC" in de_DE.
    return locale.toString(t.date(), QLocale::ShortFormat) + QLatin1Char(' ') +
           locale.toString(t.time(), QLocale::LongFormat)
               .replace(QStringLiteral("Coordinated Universal Time"), QStringLiteral("UTC"));
}

QString displayTimeOfDayFormat()
{
    return QLocale().timeFormat(QLocale::ShortFormat);
}

QString displayTimeOfDay(qint64 ms)
{
    return ms <= 0
               ? QString()
               : QLocale().toString(QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).time(), QLocale::ShortFormat);
}

} // namespace scr
