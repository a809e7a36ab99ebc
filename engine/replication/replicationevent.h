#pragma once
// ReplicationEvent: a state change, as the Application event log showed it. Ids are stable (Exchange's where
// known: 2104). The table, kept in one place:
// clang-format off
//   2090 Information  MSExchangeRepl  an SCR copy started (enabled, or resumed after a restart)
//   2091 Information  MSExchangeRepl  an SCR copy was disabled (raised by Disable-StorageGroupCopy)
//   2092 Information  MSExchangeRepl  an SCR copy was suspended (the comment is in the text)
//   2093 Information  MSExchangeRepl  an SCR copy was resumed
//   2094 Information  MSExchangeRepl  the copy's database was created by its first replay
//   2104 Error        MSExchangeRepl  log copy failed for a storage group (Exchange's id): names the generation
//   2105 Error        MSExchangeRepl  a log is corrupt at the source: the copy is Failed
//   2106 Warning      MSExchangeRepl  a damaged copy of a log was fetched again
//   2107 Error        MSExchangeRepl  replay into the copy's database failed
//   2108 Information  MSExchangeRepl  the copy recovered from a failure by itself
//   2109 Warning      MSExchangeRepl  the source's logs are unreachable (host powered off)
//   2110 Info/Warning MSExchangeRepl  a copy was activated by Restore-StorageGroupCopy, with what was lost
// Raised by the model's Lab (same table, same log):
//   1000 Information  MSExchangeIS    a database was mounted (after soft recovery)
//   1001 Information  MSExchangeIS    a database was dismounted (Clean Shutdown)
//   1002 Error        MSExchangeIS    a database could not be mounted, with the reason
//   301 / 302         ESE             soft recovery replayed generations X to Y / recovery completed
//   482 Error         ESE             a database's disk is full (its next log generation could not be made):
//                                     it was dismounted; names the drive, the host and the fix
//   6005 / 6008       EventLog        a host was powered on / off without a shutdown
//   6011 Information  EventLog        a host was renamed (Rename-Computer)
//   1010 / 1011       MSExchangeSetup Exchange uninstalled from a host / a server recovered onto a host
// clang-format on

#include <QMetaType>
#include <QString>

namespace scr {

enum class EventLevel { Information, Warning, Error };
QString eventLevelName(EventLevel level);

struct ReplicationEvent
{
    int id = 0;
    EventLevel level = EventLevel::Information;
    QString source = QStringLiteral("MSExchangeRepl");
    QString text;
    qint64 timeMs = 0;
};

} // namespace scr

Q_DECLARE_METATYPE(scr::ReplicationEvent)
