#include "lsn.h"

namespace scr {

QString Lsn::toString() const
{
    return QStringLiteral("(0x%1,%2,%3)")
        .arg(generation, 0, 16)
        .arg(offset / 512, 0, 16)
        .arg(offset % 512, 0, 16)
        .toUpper()
        .replace(QStringLiteral("0X"), QStringLiteral("0x"));
}

} // namespace scr
