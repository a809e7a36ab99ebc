#pragma once
// The one door from a const Lab& to the readers that still take Lab&: the wizards' planning functions
// (enablecopyplan, portabilityplan, preparetarget, recoverserverplan, rpopreview) take a const Lab& and only
// read, but the validators they call (findStorageGroup, checkEnableStorageGroupCopy, ...) and Lab's own
// readers (hostDisk, hostOfServer, mountedDatabase) are not const yet. Issue 23 §5 makes them read through a
// const Directory&; this cast goes with it. Never write through what it returns.

namespace scr {

class Lab;

namespace cmdlets {

inline Lab &readingLab(const Lab &lab)
{
    return const_cast<Lab &>(lab); // every Lab is made non-const (Lab::open); only readers are called
}

} // namespace cmdlets
} // namespace scr
