#pragma once
// How the console shows a moment of the lab's virtual clock: in the user's locale (QLocale(), which follows
// LANG/LC_TIME), with seconds, on UTC as the lab's clock runs. The shell keeps EMS's own format
// (ems/recordobjects); only the console's views use this.

#include <QString>

namespace scr {

// ms since the epoch on the virtual clock; 0 (never) shows as an empty string.
QString displayTime(qint64 ms);

} // namespace scr
