#include "labsnapshot.h"

namespace scr {

const HostRecord *LabSnapshot::host(const QString &name) const
{
    for (const HostRecord &h : hosts)
        if (h.name.compare(name, Qt::CaseInsensitive) == 0)
            return &h;
    return nullptr;
}

const ServerRecord *LabSnapshot::server(const QString &name) const
{
    for (const ServerRecord &s : servers)
        if (s.name.compare(name, Qt::CaseInsensitive) == 0)
            return &s;
    return nullptr;
}

bool LabSnapshot::isPoweredOn(const QString &name) const
{
    const HostRecord *h = host(name);
    return h && h->poweredOn;
}

std::vector<CopySnapshot> LabSnapshot::allCopies() const
{
    std::vector<CopySnapshot> out;
    for (const StorageGroupSnapshot &sg : storageGroups)
        out.insert(out.end(), sg.copies.begin(), sg.copies.end());
    return out;
}

} // namespace scr
