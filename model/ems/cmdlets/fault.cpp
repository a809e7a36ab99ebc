// Invoke-Fault: the simulation's faults on a server's host.

#include "registration.h"

#include "cmdlets/hostdiskspace.h"
#include "cmdlets/validation.h"
#include "ems/recordobjects.h"
#include "lab/lab.h"
#include "sim/faultinjector.h"

#include <cerrno>

namespace scr::ems {
namespace {

using P = ParameterSpec;
using T = ParameterType;

} // namespace

void registerFaultCmdlets(CmdletRegistry &r)
{
    r.add(
        {.name = QStringLiteral("Invoke-Fault"),
         .synopsis = QStringLiteral(
             "Inject a fault: CorruptLog [-Offset] or DeleteLog (-Path on -Server's disk), FillDisk "
             "[-SizeGB] (a sparse C:\\SCR-FillDisk.bin as long as the free space) or FreeDisk; ReadOnly or "
             "IOError (-Server's disk goes read-only or fails every I/O) or ClearDiskFault."),
         .parameters = {P{.name = QStringLiteral("Kind"), .position = 0, .mandatory = true},
                        P{.name = QStringLiteral("Server"), .mandatory = true},
                        P{.name = QStringLiteral("Path")},
                        P{.name = QStringLiteral("Offset"), .type = T::Integer},
                        P{.name = QStringLiteral("SizeGB")}},
         .run = [](CmdletContext &ctx, const BoundParameters &b, const Objects &) -> Result<Objects> {
             const QString kind = b.string(QStringLiteral("Kind"));
             const QString server = b.string(QStringLiteral("Server"));
             auto host = ctx.lab->hostOfServer(server);
             if (!host)
                 return host.error();
             const HostDisk disk = ctx.lab->hostDisk(*host);
             const auto is = [&](const char *k) {
                 return kind.compare(QLatin1String(k), Qt::CaseInsensitive) == 0;
             };
             if (b.has(QStringLiteral("SizeGB")) && !is("FillDisk"))
                 return Error{QStringLiteral("Invoke-Fault"), QStringLiteral("-SizeGB is for FillDisk only"),
                              QStringLiteral("leave it out")};
             if (is("FillDisk") || is("FreeDisk")) {
                 // A real (sparse) file on the host's disk: every process sees the disk full, or free.
                 std::optional<qint64> size;
                 if (b.has(QStringLiteral("SizeGB"))) {
                     auto bytes =
                         cmdlets::parseGigabytes(QStringLiteral("SizeGB"), b.string(QStringLiteral("SizeGB")),
                                                 cmdlets::kMinDiskSizeGB, cmdlets::kMaxDiskSizeGB);
                     if (!bytes)
                         return bytes.error();
                     size = *bytes;
                 }
                 auto report = is("FillDisk") ? cmdlets::fillDisk(*ctx.lab, server, size)
                                              : cmdlets::freeDisk(*ctx.lab, server);
                 if (!report)
                     return report.error();
                 return Objects{hostDiskObject(*report)};
             }
             if (is("ReadOnly") || is("IOError") || is("ClearDiskFault")) {
                 if (b.has(QStringLiteral("Path")) || b.has(QStringLiteral("Offset")))
                     return Error{QStringLiteral("Invoke-Fault"),
                                  QStringLiteral("%1 acts on the whole disk: -Path and -Offset do not apply")
                                      .arg(kind),
                                  QStringLiteral("leave them out")};
                 SCR_TRY(ctx.lab->setHostDiskFault(*host, is("ReadOnly") ? EROFS : is("IOError") ? EIO : 0));
                 return none();
             }
             if (!is("CorruptLog") && !is("DeleteLog"))
                 return Error{
                     kind, QStringLiteral("is not a fault kind"),
                     QStringLiteral("use CorruptLog, DeleteLog, FillDisk, FreeDisk, ReadOnly, IOError or "
                                    "ClearDiskFault")};
             if (!b.has(QStringLiteral("Path")))
                 return Error{
                     QStringLiteral("Invoke-Fault"), QStringLiteral("%1 needs -Path").arg(kind),
                     QStringLiteral("name the log, e.g. -Path C:\\Exchange\\Logs\\SG1\\E0000000005.log")};
             const QString path = b.string(QStringLiteral("Path"));
             // A path that names nothing is the user's slip, not an ESE error: no JET code.
             auto there = disk.entry(path);
             if (!there)
                 return there.error();
             if (!there->has_value())
                 return Error{
                     disk.displayPath(path), QStringLiteral("does not exist on %1").arg(server),
                     QStringLiteral("name an existing log: Get-ChildItem the log folder to see them")};
             if (is("DeleteLog")) {
                 SCR_TRY(FaultInjector::deleteFile(disk, path));
                 return none();
             }
             // Without -Offset: a stored byte of a record (a thin log is mostly a hole).
             auto offset = FaultInjector::corruptFile(
                 disk, path,
                 b.has(QStringLiteral("Offset")) ? std::optional(b.milliseconds(QStringLiteral("Offset")))
                                                 : std::nullopt);
             if (!offset)
                 return offset.error();
             PSObject o{QStringLiteral("Text"), {QStringLiteral("Output")}, {}};
             o.set(QStringLiteral("Output"), QStringLiteral("Corrupted byte %1 of %2 on %3.")
                                                 .arg(*offset)
                                                 .arg(disk.displayPath(path), server));
             return Objects{o};
         }});
}

} // namespace scr::ems
