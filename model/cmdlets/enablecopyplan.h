#pragma once
// Enable Storage Group Copy as a wizard flow, for one storage group or several ("protect again" after an
// activation): which servers can take the copies (and why not), the pre-flight checks (the cmdlet's own, then
// whether the copy must be seeded) and the steps (Enable-StorageGroupCopy, and Suspend- then
// Update-StorageGroupCopy where the source's first logs are gone). Read-only; beside portabilityplan,
// preparetarget and recoverserverplan.

#include "core/result.h"
#include "wizardflow.h"

#include <QStringList>

#include <vector>

namespace scr {

class Lab;

// A server of the organization, as the Enable wizard's standby page lists it.
struct EnableCopyCandidate
{
    QString server;
    QString reason;      // why it cannot take the copies, with the fix; empty when it can
    QStringList holding; // storage groups it already holds a copy of (skipped, not refused)
    bool eligible() const { return reason.isEmpty(); }
};

struct EnableCopyCandidates
{
    std::vector<EnableCopyCandidate> servers; // by name
    QStringList needSeed;                     // storage groups whose new copy must be seeded
};

// What the Enable wizard asks for.
struct EnableCopyRequest
{
    QStringList storageGroups; // "MBX1\SG1"
    QString standbyMachine;
    qint64 replayLagMs = 0;
    qint64 truncationLagMs = 0;
};

namespace cmdlets {

// Every server and whether it can take the copies of storageGroups: a server that holds them all already is
// not eligible; one that holds some skips those.
Result<EnableCopyCandidates> enableCopyCandidates(const Lab &lab, const QStringList &storageGroups);
// The server the standby page selects first: preselect when it is eligible, else (preselect empty) the first
// eligible one; empty for none.
QString enableCopyPreselection(const std::vector<EnableCopyCandidate> &servers, const QString &preselect);
// The pre-flight checks and the steps of request, from the lab as it is: a copy enabled already is skipped,
// a copy whose source no longer holds log 1 is seeded.
Preparation prepareEnableCopy(const Lab &lab, const EnableCopyRequest &request);
// The steps alone: holding are the storage groups whose copy exists (skipped), needSeed those to seed.
// Pure.
std::vector<FlowStep> planEnableCopy(const EnableCopyRequest &request, const QStringList &holding,
                                     const QStringList &needSeed);

} // namespace cmdlets
} // namespace scr
