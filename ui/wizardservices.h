#pragma once
// The wizards' way to the lab (WizardServices), built from the LabClient of the open lab.

#include "scrwizard.h"

namespace scr {

class LabClient;

// run: client.run(command, stopAtFirstError); onLab: client.onLab. The services hold the client by a
// guarded pointer: once it is gone (another lab), run returns 0 and onLab does nothing.
WizardServices wizardServices(LabClient *client);

} // namespace scr
