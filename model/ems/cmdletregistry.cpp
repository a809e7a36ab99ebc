#include "cmdletregistry.h"

namespace scr::ems {

const CmdletSpec *CmdletRegistry::find(const QString &name) const
{
    for (const CmdletSpec &c : m_cmdlets)
        if (c.name.compare(name, Qt::CaseInsensitive) == 0)
            return &c;
    return nullptr;
}

QStringList CmdletRegistry::names() const
{
    QStringList out;
    for (const CmdletSpec &c : m_cmdlets)
        out << c.name;
    return out;
}

} // namespace scr::ems
