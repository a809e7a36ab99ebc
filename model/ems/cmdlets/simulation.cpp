// Step-Simulation and Set-SimulationClock: the virtual clock.

#include "registration.h"

#include "ems/recordobjects.h"
#include "lab/lab.h"

namespace scr::ems {

void registerSimulationCmdlets(CmdletRegistry &r)
{
    r.add({.name = QStringLiteral("Step-Simulation"),
           .synopsis = QStringLiteral(
               "Advance the virtual clock, delivering mail and replicating, as fast as the machine can."),
           .parameters = {{.name = QStringLiteral("Duration"),
                           .type = ParameterType::TimeSpan,
                           .position = 0,
                           .mandatory = true}},
           .run = [](CmdletContext &ctx, const BoundParameters &b, const Objects &) -> Result<Objects> {
               const qint64 ms = b.milliseconds(QStringLiteral("Duration"));
               if (ms <= 0 || ms > 7LL * 24 * 3600 * 1000)
                   return Error{QStringLiteral("Step-Simulation"),
                                QStringLiteral("-Duration must be more than 0 and at most 7 days"),
                                QStringLiteral("write -Duration 0.00:10:00 for ten minutes")};
               SCR_TRY(ctx.lab->stepSimulation(ms, ms > 3600 * 1000 ? 60 * 1000 : 1000));
               return none();
           }});
    r.add({.name = QStringLiteral("Set-SimulationClock"),
           .synopsis = QStringLiteral(
               "Set the virtual clock's speed (1 to 86400 times real time) for the running console."),
           .parameters = {{.name = QStringLiteral("Speed"),
                           .type = ParameterType::Integer,
                           .position = 0,
                           .mandatory = true}},
           .run = [](CmdletContext &ctx, const BoundParameters &b, const Objects &) -> Result<Objects> {
               const qint64 speed = b.milliseconds(QStringLiteral("Speed"));
               if (speed < 1 || speed > 86400)
                   return Error{QStringLiteral("Set-SimulationClock"),
                                QStringLiteral("-Speed %1 is out of range").arg(speed),
                                QStringLiteral("use 1 (real time) to 86400 (a day a second)")};
               ctx.lab->clock().setSpeed(static_cast<double>(speed));
               PSObject o{QStringLiteral("SimulationClock"), {}, {}};
               o.set(QStringLiteral("Speed"), speed);
               o.set(QStringLiteral("Now"), when(ctx.lab->clock().nowMs()));
               return Objects{o};
           }});
}

} // namespace scr::ems
