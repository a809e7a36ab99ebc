#include "hostfaults.h"

#include <cerrno>

#include <QDir>

namespace scr {

HostFaults &HostFaults::instance()
{
    static HostFaults faults;
    return faults;
}

void HostFaults::setPoweredOn(const QString &hostRoot, bool on)
{
    QWriteLocker lock(&m_lock);
    m_hosts[QDir::cleanPath(hostRoot)].poweredOff = !on;
}

void HostFaults::setDiskFull(const QString &hostRoot, bool full)
{
    QWriteLocker lock(&m_lock);
    m_hosts[QDir::cleanPath(hostRoot)].diskFull = full;
}

bool HostFaults::isPoweredOn(const QString &hostRoot) const
{
    QReadLocker lock(&m_lock);
    return !m_hosts.value(QDir::cleanPath(hostRoot)).poweredOff;
}

bool HostFaults::isDiskFull(const QString &hostRoot) const
{
    QReadLocker lock(&m_lock);
    return m_hosts.value(QDir::cleanPath(hostRoot)).diskFull;
}

void HostFaults::clear()
{
    QWriteLocker lock(&m_lock);
    m_hosts.clear();
}

int HostFaults::check(const QString &path, Access access) const
{
    QReadLocker lock(&m_lock);
    if (m_hosts.isEmpty())
        return 0;
    for (auto it = m_hosts.cbegin(); it != m_hosts.cend(); ++it) {
        if (!path.startsWith(it.key()) ||
            (path.size() > it.key().size() && path[it.key().size()] != QLatin1Char('/')))
            continue;
        if (it->poweredOff)
            return EHOSTDOWN;
        if (it->diskFull && access == Access::Write)
            return ENOSPC;
    }
    return 0;
}

} // namespace scr
