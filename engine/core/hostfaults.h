#pragma once
// HostFaults: the simulated state of each host's hardware, consulted by every file operation of the engine
// (File, folder listings, database opens). A powered-off host's files are unreachable (EHOSTDOWN); a full
// disk refuses writes that need space (ENOSPC). Keyed by the host's disk folder in the lab.

#include <QHash>
#include <QReadWriteLock>
#include <QString>

namespace scr {

class HostFaults
{
public:
    enum class Access { Read, Write };

    static HostFaults &instance();

    void setPoweredOn(const QString &hostRoot, bool on);
    void setDiskFull(const QString &hostRoot, bool full);
    bool isPoweredOn(const QString &hostRoot) const;
    bool isDiskFull(const QString &hostRoot) const;
    void clear();

    // 0 when the operation may proceed, otherwise the errno it fails with.
    int check(const QString &path, Access access) const;

private:
    struct State
    {
        bool poweredOff = false;
        bool diskFull = false;
    };
    mutable QReadWriteLock m_lock;
    QHash<QString, State> m_hosts; // host root (clean, absolute) → state; few entries
};

} // namespace scr
