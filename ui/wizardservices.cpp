#include "wizardservices.h"

#include "client/labclient.h"

#include <QPointer>

namespace scr {

WizardServices wizardServices(LabClient *client)
{
    QPointer<LabClient> guarded(client);
    WizardServices services;
    services.run = [guarded](const QString &command) -> qint64 {
        return guarded ? guarded->run(command, true) : 0;
    };
    services.onLab = [guarded](QObject *context, std::function<void(const Lab &)> work,
                               std::function<void()> done) {
        if (guarded)
            guarded->onLab(context, std::move(work), std::move(done));
    };
    return services;
}

} // namespace scr
