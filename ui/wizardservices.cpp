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
    services.onLab = [guarded](QObject *context, std::function<void(Lab &)> work,
                               std::function<void()> done) {
        if (!guarded)
            return;
        // TEMPORARY (issue 23, merged with the wizard contract): WizardServices::onLab still hands the
        // wizards a Lab&, LabClient gives a const Lab&. The wizards' work is read-only (pre-flight checks,
        // previews); the merge makes WizardServices::onLab take const Lab& and removes this const_cast.
        guarded->onLab(
            context, [work = std::move(work)](const Lab &lab) { work(const_cast<Lab &>(lab)); },
            std::move(done));
    };
    return services;
}

} // namespace scr
