#include "copykey.h"

#include <QCoreApplication>
#include <QStringList>

namespace scr {
namespace {
const QString kPrefix = QStringLiteral("copy:");
} // namespace

QString CopyKey::toString() const
{
    return kPrefix + storageGroup.toUpper() + QLatin1Char('>') + standby.toUpper();
}

std::optional<CopyKey> CopyKey::parse(const QString &text)
{
    if (!text.startsWith(kPrefix, Qt::CaseInsensitive))
        return std::nullopt;
    const QString rest = text.mid(kPrefix.size());
    const qsizetype arrow = rest.indexOf(QLatin1Char('>'));
    if (arrow < 0 || rest.indexOf(QLatin1Char('>'), arrow + 1) >= 0)
        return std::nullopt;
    CopyKey key{rest.left(arrow).toUpper(), rest.mid(arrow + 1).toUpper()};
    const QStringList sgParts = key.storageGroup.split(QLatin1Char('\\'));
    if (sgParts.size() != 2 || sgParts[0].isEmpty() || sgParts[1].isEmpty() || key.standby.isEmpty() ||
        key.standby.contains(QLatin1Char('\\')))
        return std::nullopt;
    return key;
}

QString CopyKey::displayName() const
{
    //: An SCR copy as the console names it: its storage group on its standby machine ("MBX1\\SG1 on MBX3")
    return QCoreApplication::translate("scr::CopyKey", "%1 on %2").arg(storageGroup, standby);
}

bool CopyKey::matches(const QString &storageGroupIdentity, const QString &standbyMachine) const
{
    return storageGroup.compare(storageGroupIdentity, Qt::CaseInsensitive) == 0 &&
           standby.compare(standbyMachine, Qt::CaseInsensitive) == 0;
}

} // namespace scr
