#pragma once
// The fault registry: every fault the simulation injects, one entry each: its name (Invoke-Fault -Kind),
// what it does, the parameters it takes beyond -Kind and -Server, and the function that injects it.
// Invoke-Fault binds against it (its parameters, the kind and what each kind takes), Get-Help and
// scr-cmdlets(7) list it (Invoke-Fault's synopsis and syntax), Tab offers its names. A new fault is one
// entry in faultregistry.cpp plus its effect: on a host's files in engine/sim/faultinjector, on a host's
// power or disk state in the Lab.

#include "binder.h"
#include "host/hostdisk.h"
#include "psobject.h"

#include <functional>
#include <vector>

namespace scr {
class Lab;
}

namespace scr::ems {

// Where a fault lands: the server Invoke-Fault names, its host and that host's disk.
struct FaultTarget
{
    Lab &lab;
    QString server;
    QString host;
    HostDisk disk;
};

// A parameter of Invoke-Fault that a kind takes.
struct FaultParameter
{
    QString name;
    ParameterType type = ParameterType::String;
    bool mandatory = false;
    QString fix = {}; // when mandatory and missing: how to give it
};

struct FaultKind
{
    using Inject = std::function<Result<std::vector<PSObject>>(const FaultTarget &, const BoundParameters &)>;
    QString name;
    QString effect; // what it does, for Get-Help
    std::vector<FaultParameter> parameters = {};
    Inject inject;
};

// Every kind, in the order Get-Help lists them.
const std::vector<FaultKind> &faultKinds();
QStringList faultKindNames();
// The kind named (in any case), or an error naming every kind.
Result<const FaultKind *> findFaultKind(const QString &name);
// Refuses a parameter that kind does not take (naming the kinds that do), and a mandatory one left out.
Status checkFaultParameters(const FaultKind &kind, const BoundParameters &bound);
// Invoke-Fault's parameters: -Kind (its values the kinds' names), -Server, then every kind's own.
std::vector<ParameterSpec> faultParameters();
// Invoke-Fault's synopsis: each kind with its parameters and what it does.
QString faultSynopsis();

} // namespace scr::ems
