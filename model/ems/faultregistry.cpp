#include "faultregistry.h"

#include "cmdlets/hostdiskspace.h"
#include "lab/lab.h"
#include "recordobjects.h"
#include "sim/faultinjector.h"

#include <algorithm>
#include <cerrno>

namespace scr::ems {
namespace {

using Objects = std::vector<PSObject>;
using T = ParameterType;

// "A, B or C".
QString orList(QStringList names)
{
    const QString last = names.size() > 1 ? names.takeLast() : QString();
    return last.isEmpty() ? names.join(QStringLiteral(", "))
                          : names.join(QStringLiteral(", ")) + QStringLiteral(" or ") + last;
}

const FaultParameter kLogPath{
    QStringLiteral("Path"), T::String, true,
    QStringLiteral("name the log, e.g. -Path C:\\Exchange\\Logs\\SG1\\E0000000005.log")};

// CorruptLog and DeleteLog: the log -Path names, which must exist on -Server's disk.
Result<QString> existingLog(const FaultTarget &target, const BoundParameters &b)
{
    const QString path = b.string(QStringLiteral("Path"));
    // A path that names nothing is the user's slip, not an ESE error: no JET code.
    auto there = target.disk.entry(path);
    if (!there)
        return there.error();
    if (!there->has_value())
        return Error{target.disk.displayPath(path), QStringLiteral("does not exist on %1").arg(target.server),
                     QStringLiteral("name an existing log: Get-ChildItem the log folder to see them")};
    return path;
}

Result<Objects> corruptLog(const FaultTarget &target, const BoundParameters &b)
{
    auto path = existingLog(target, b);
    if (!path)
        return path.error();
    // Without -Offset: a stored byte of a record (a thin log is mostly a hole).
    auto offset = FaultInjector::corruptFile(target.disk, *path,
                                             b.has(QStringLiteral("Offset"))
                                                 ? std::optional(b.milliseconds(QStringLiteral("Offset")))
                                                 : std::nullopt);
    if (!offset)
        return offset.error();
    PSObject o{QStringLiteral("Text"), {QStringLiteral("Output")}, {}};
    o.set(QStringLiteral("Output"), QStringLiteral("Corrupted byte %1 of %2 on %3.")
                                        .arg(*offset)
                                        .arg(target.disk.displayPath(*path), target.server));
    return Objects{o};
}

Result<Objects> deleteLog(const FaultTarget &target, const BoundParameters &b)
{
    auto path = existingLog(target, b);
    if (!path)
        return path.error();
    SCR_TRY(FaultInjector::deleteFile(target.disk, *path));
    return Objects{};
}

// FillDisk and FreeDisk: a real (sparse) file on the host's disk, so every process sees the disk full, or
// free.
Result<Objects> fillDisk(const FaultTarget &target, const BoundParameters &b)
{
    std::optional<qint64> size;
    if (b.has(QStringLiteral("SizeGB"))) {
        auto bytes = cmdlets::parseGigabytes(QStringLiteral("SizeGB"), b.string(QStringLiteral("SizeGB")),
                                             cmdlets::kMinDiskSizeGB, cmdlets::kMaxDiskSizeGB);
        if (!bytes)
            return bytes.error();
        size = *bytes;
    }
    auto report = cmdlets::fillDisk(target.lab, target.server, size);
    if (!report)
        return report.error();
    return Objects{hostDiskObject(*report)};
}

Result<Objects> freeDisk(const FaultTarget &target, const BoundParameters &)
{
    auto report = cmdlets::freeDisk(target.lab, target.server);
    if (!report)
        return report.error();
    return Objects{hostDiskObject(*report)};
}

// ReadOnly, IOError and ClearDiskFault: the errno every I/O of the host's disk fails with (0: none).
FaultKind::Inject diskFault(int err)
{
    return [err](const FaultTarget &target, const BoundParameters &) -> Result<Objects> {
        SCR_TRY(target.lab.setHostDiskFault(target.host, err));
        return Objects{};
    };
}

// PowerOff and PowerOn: what Stop-Host and Start-Host do, to the host of -Server.
FaultKind::Inject power(bool on)
{
    return [on](const FaultTarget &target, const BoundParameters &) -> Result<Objects> {
        SCR_TRY(target.lab.setHostPowered(target.host, on));
        return Objects{};
    };
}

} // namespace

const std::vector<FaultKind> &faultKinds()
{
    static const std::vector<FaultKind> kinds{
        {.name = QStringLiteral("CorruptLog"),
         .effect = QStringLiteral("flips a byte of a log: at -Offset, or in a stored record"),
         .parameters = {kLogPath, {.name = QStringLiteral("Offset"), .type = T::Integer}},
         .inject = corruptLog},
        {.name = QStringLiteral("DeleteLog"),
         .effect = QStringLiteral("deletes a log"),
         .parameters = {kLogPath},
         .inject = deleteLog},
        {.name = QStringLiteral("FillDisk"),
         .effect = QStringLiteral("a sparse C:\\SCR-FillDisk.bin as long as the free space, or -SizeGB"),
         .parameters = {{.name = QStringLiteral("SizeGB")}},
         .inject = fillDisk},
        {.name = QStringLiteral("FreeDisk"),
         .effect = QStringLiteral("deletes C:\\SCR-FillDisk.bin"),
         .inject = freeDisk},
        {.name = QStringLiteral("ReadOnly"),
         .effect = QStringLiteral("the disk goes read-only"),
         .inject = diskFault(EROFS)},
        {.name = QStringLiteral("IOError"),
         .effect = QStringLiteral("the disk fails every I/O"),
         .inject = diskFault(EIO)},
        {.name = QStringLiteral("ClearDiskFault"),
         .effect = QStringLiteral("ends ReadOnly or IOError"),
         .inject = diskFault(0)},
        {.name = QStringLiteral("PowerOff"),
         .effect = QStringLiteral("the host loses power, without a shutdown, as Stop-Host"),
         .inject = power(false)},
        {.name = QStringLiteral("PowerOn"),
         .effect = QStringLiteral("the host powers on, as Start-Host"),
         .inject = power(true)},
    };
    return kinds;
}

QStringList faultKindNames()
{
    QStringList names;
    for (const FaultKind &kind : faultKinds())
        names << kind.name;
    return names;
}

Result<const FaultKind *> findFaultKind(const QString &name)
{
    for (const FaultKind &kind : faultKinds())
        if (kind.name.compare(name, Qt::CaseInsensitive) == 0)
            return &kind;
    return Error{name, QStringLiteral("is not a fault kind"),
                 QStringLiteral("use ") + orList(faultKindNames())};
}

Status checkFaultParameters(const FaultKind &kind, const BoundParameters &bound)
{
    const auto takes = [](const FaultKind &k, const QString &parameter) {
        return std::any_of(k.parameters.begin(), k.parameters.end(),
                           [&](const FaultParameter &p) { return p.name == parameter; });
    };
    for (const ParameterSpec &spec : faultParameters()) {
        if (spec.name == QStringLiteral("Kind") || spec.name == QStringLiteral("Server") ||
            !bound.has(spec.name) || takes(kind, spec.name))
            continue;
        QStringList takers;
        for (const FaultKind &k : faultKinds())
            if (takes(k, spec.name))
                takers << k.name;
        return Error{QStringLiteral("Invoke-Fault"),
                     QStringLiteral("-%1 is for %2 only").arg(spec.name, orList(takers)),
                     QStringLiteral("leave it out")};
    }
    for (const FaultParameter &p : kind.parameters)
        if (p.mandatory && !bound.has(p.name))
            return Error{QStringLiteral("Invoke-Fault"),
                         QStringLiteral("%1 needs -%2").arg(kind.name, p.name), p.fix};
    return {};
}

std::vector<ParameterSpec> faultParameters()
{
    std::vector<ParameterSpec> specs{
        {.name = QStringLiteral("Kind"), .position = 0, .mandatory = true, .values = faultKindNames()},
        {.name = QStringLiteral("Server"), .mandatory = true}};
    for (const FaultKind &kind : faultKinds())
        for (const FaultParameter &p : kind.parameters)
            if (std::none_of(specs.begin(), specs.end(),
                             [&](const ParameterSpec &s) { return s.name == p.name; }))
                specs.push_back({.name = p.name, .type = p.type});
    return specs;
}

QString faultSynopsis()
{
    QStringList kinds;
    for (const FaultKind &kind : faultKinds()) {
        QString usage = kind.name;
        for (const FaultParameter &p : kind.parameters)
            usage += p.mandatory ? QStringLiteral(" -") + p.name : QStringLiteral(" [-%1]").arg(p.name);
        kinds << usage + QStringLiteral(" (") + kind.effect + QLatin1Char(')');
    }
    return QStringLiteral("Inject a fault on -Server's host (-Path: on its disk): ") +
           kinds.join(QStringLiteral("; ")) + QLatin1Char('.');
}

} // namespace scr::ems
