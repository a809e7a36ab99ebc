#pragma once
// How the console shows a moment of the lab's virtual clock: in the user's locale (QLocale(), which follows
// LANG/LC_TIME), with seconds, on UTC as the lab's clock runs. The shell keeps EMS's own format
// (ems/recordobjects); only the console's views use this.

#include <QString>

namespace scr {

// ms since the epoch on the virtual clock; 0 (never) shows as an empty string. The one format of a moment
// in the console: the result pane's times, the property sheets' and the wizards' (the RPO preview's).
QString displayTime(qint64 ms);
// The time of day alone, in the locale's short time format (the chart's time axis): the same clock reading
// as displayTime's, without the date and the seconds.
QString displayTimeOfDayFormat();
QString displayTimeOfDay(qint64 ms);

} // namespace scr
