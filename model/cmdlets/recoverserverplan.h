#pragma once
// RecoverServerPlan: activation by Recover Server for a whole failed server (its host powered off) on one
// standby machine, read from the lab as it is now (read-only). Every storage group of the server with an SCR
// copy on that standby is activated; the others are lost (restore them from a backup, or mount an empty
// "dial-tone" database with Mount-Database -Force). The plan is made from the current state, so after a
// failure half-way it is made again and skips what is done: a storage group whose copy was already restored
// (its copy is gone, its files are on the standby), Exchange already uninstalled, the host already renamed,
// the server already recovered, a database already mounted.

#include "core/result.h"
#include "rpopreview.h"
#include "wizardflow.h"

#include <QMetaType>
#include <QStringList>

#include <optional>
#include <vector>

namespace scr {

class Lab;

// A standby machine that can take the failed server's place.
struct RecoverServerCandidate
{
    QString standby;       // the Exchange server on it ("MBX3"), empty once Exchange was uninstalled from it
    QString host;          // its host ("MBX3"; the failed server's name once renamed)
    int copies = 0;        // SCR copies of the failed server's storage groups it holds now
    int restored = 0;      // storage groups already activated on it (Restore-StorageGroupCopy done)
    QString whyNot;        // empty when it can take the server's place now; else why not, with the fix
    QString label() const; // "MBX3 (2 copies)"
};

struct RecoverServerGroup
{
    QString identity; // "MBX1\SG1"
    QString logPrefix;
    QString logFolderPath;
    QString systemFolderPath;
    QStringList databases;      // identities, "MBX1\SG1\DB1"
    QStringList edbFilePaths;   // in the same order
    bool copyOnStandby = false; // an SCR copy on the standby: Restore-StorageGroupCopy activates it
    bool restored = false;      // activated already (the copy ended, its files are on the standby)
    // With a copy on the standby: what activating it now loses (the portability wizard's preview, the
    // same computation Restore-StorageGroupCopy reports); nullopt when restored already or unreadable.
    std::optional<RpoPreview> rpo;
    bool losesData() const { return rpo && rpo->losesData(); }
};

struct RecoverServerPlan
{
    QString server;      // the failed server, "MBX1"
    QString serverHost;  // the host it is bound to now
    QString standby;     // the standby's Exchange server ("MBX3"); empty once uninstalled
    QString standbyHost; // the standby's host now
    std::vector<RecoverServerGroup> activated;
    std::vector<RecoverServerGroup> lost;
    bool uninstalled = false; // Exchange is no longer installed on the standby's host
    bool renamed = false;     // the standby's host has the failed server's name
    bool recovered = false;   // the server is bound to the standby's host (setup /m:RecoverServer done)
    std::vector<FlowStep> steps;
    std::vector<PreflightCheck> checks;

    QStringList activatedIdentities() const;
    // The activated storage groups whose activation loses mail (RecoverServerGroup::losesData).
    QStringList losingIdentities() const;
    QStringList lostIdentities() const;
};

namespace cmdlets {

// The standby machines that hold copies of server's storage groups (or already took them over), each with
// how many and, when it cannot take the server's place, why not.
Result<std::vector<RecoverServerCandidate>> recoverServerCandidates(const Lab &lab, const QString &server);
// The candidate the standby page selects first: the preferred one (by its server's or its host's name) when
// listed, else the first that can take over, else the first; -1 when there is none.
int recoverServerPreselection(const std::vector<RecoverServerCandidate> &candidates,
                              const QString &preferred);
// The plan for server on the standby whose host is standbyHost: the groups, the steps (EMS syntax, as
// scr-shell runs them) and the pre-flight checks (the cmdlets' own rules).
Result<RecoverServerPlan> planRecoverServer(const Lab &lab, const QString &server,
                                            const QString &standbyHost);
// The wizard's pre-flight: the plan's checks and steps, the mail each activation loses (losses) and the plan
// itself (Preparation::details, a RecoverServerPlan); one failed check when no plan can be made.
Preparation prepareRecoverServer(const Lab &lab, const QString &server, const QString &standbyHost);
// What the administrator can do for a storage group that had no copy: the two commands, one a line.
QStringList lostGroupChoices(const RecoverServerGroup &group);

} // namespace cmdlets
} // namespace scr

Q_DECLARE_METATYPE(scr::RecoverServerPlan)
