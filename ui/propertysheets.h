#pragma once
// The console's property sheets by action: which sheet an action of the action pane opens (an SCR copy's,
// a storage group's, a database's), one per object, as EMC: asked again, the open one comes to the front.

#include "propertysheet.h"

namespace scr {

struct ConsoleAction;

// Opens (or raises) the sheet of action's object as a child of parent, drawn from snapshot and deleted when
// closed; what it applies goes to run. Null when action opens no sheet (or names no object).
PropertySheet *openPropertySheet(const ConsoleAction &action, const LabSnapshot &snapshot,
                                 PropertySheet::Run run, QWidget *parent);

} // namespace scr
