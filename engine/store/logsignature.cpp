#include "logsignature.h"

#include "core/clock.h"

#include <QDateTime>
#include <QRandomGenerator>

namespace scr {

QString LogSignature::toString() const
{
    return QStringLiteral("Create time:%1 Rand:%2 Computer:").arg(eseTimeString(createTimeMs)).arg(random);
}

LogSignature LogSignature::generate(const Clock &clock)
{
    LogSignature s;
    s.createTimeMs = clock.nowMs();
    do {
        s.random = QRandomGenerator::system()->generate();
    } while (s.random == 0);
    return s;
}

QString eseTimeString(qint64 msSinceEpoch)
{
    if (msSinceEpoch == 0)
        return QStringLiteral("00/00/1900 00:00:00.000");
    return QDateTime::fromMSecsSinceEpoch(msSinceEpoch, Qt::UTC)
        .toString(QStringLiteral("MM/dd/yyyy HH:mm:ss.zzz"));
}

} // namespace scr
