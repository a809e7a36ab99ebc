#pragma once
// What the cmdlet files of this folder share: the register function of each file (registerAllCmdlets calls
// them all; which file a cmdlet goes in: cmdletregistry.h), and the small adapters from bound parameters to
// the typed calls of model/cmdlets that several files use.

#include "ems/cmdletregistry.h"

#include <functional>
#include <vector>

namespace scr::ems {

using Objects = std::vector<PSObject>;
using P = ParameterSpec; // short, for the parameter lists of the registrations
using T = ParameterType;

// One per file of model/ems/cmdlets, named for it.
void registerPSSessionCmdlets(CmdletRegistry &r);
void registerExitCmdlets(CmdletRegistry &r);
void registerExchangeServerCmdlets(CmdletRegistry &r);
void registerStorageGroupCmdlets(CmdletRegistry &r);
void registerStorageGroupCopyCmdlets(CmdletRegistry &r);
void registerMailboxDatabaseCmdlets(CmdletRegistry &r);
void registerDatabaseCmdlets(CmdletRegistry &r);
void registerMailFlowCmdlets(CmdletRegistry &r);
void registerSimulationCmdlets(CmdletRegistry &r);
void registerHostCmdlets(CmdletRegistry &r);
void registerFaultCmdlets(CmdletRegistry &r);
void registerEseutilCmdlets(CmdletRegistry &r);
void registerMailboxCmdlets(CmdletRegistry &r);
void registerComputerCmdlets(CmdletRegistry &r);
void registerSetupCmdlets(CmdletRegistry &r);
void registerPathCmdlets(CmdletRegistry &r);
void registerChildItemCmdlets(CmdletRegistry &r);
void registerItemCmdlets(CmdletRegistry &r);

inline Objects none()
{
    return {};
}

inline QString text(const BoundParameters &b, const char *name)
{
    return b.string(QLatin1String(name));
}

inline Error notFound(const QString &what, const QString &identity, const QString &fix)
{
    return Error{identity, QStringLiteral("no such %1").arg(what), fix};
}

inline Error needsParameter(const QString &cmdlet, const QString &parameter, const QString &example)
{
    return Error{cmdlet, QStringLiteral("needs %1").arg(parameter), example};
}

// The -Identity parameter most cmdlets take first: mandatory, position 0.
inline ParameterSpec identityParameter()
{
    return ParameterSpec{.name = QStringLiteral("Identity"), .position = 0, .mandatory = true};
}

// A cmdlet that acts on the one object -Identity names and writes nothing to the pipeline.
CmdletSpec identityAction(const char *name, const char *synopsis, bool confirms,
                          std::function<Status(Lab &, const QString &)> act);

} // namespace scr::ems
