#pragma once
// CopyContext: what every step of one SCR copy's cycle shares, handed to each at construction by its
// CopyWorker: the copy's configuration, the clock, its files and its report.

#include "copyconfig.h"
#include "copyfiles.h"
#include "copyreport.h"

namespace scr {

class Clock;

struct CopyContext
{
    const CopyConfig &config;
    const Clock &clock;
    CopyFiles &files;
    CopyReport &report;

    CopyStatus &status() const { return report.status(); }
};

} // namespace scr
