#pragma once
// CmdletRegistry: the cmdlets the shell knows, each with its parameters (for the binder, Get-Help and tab
// completion), whether Exchange asked to confirm it, and the typed call that runs it.
//
// Where a cmdlet goes: model/ems/cmdlets/<noun>.cpp, the file named by the longest noun its own noun (the
// part after the dash) starts with: Get-StorageGroupCopyStatus in storagegroupcopy.cpp, Move-StorageGroupPath
// in storagegroup.cpp, Get-MailboxStatistics in mailbox.cpp, Move-DatabasePath in database.cpp. A command
// without a noun (exit, eseutil, setup) has a file of its own name; an alias (dir, ls, gci) goes with the
// cmdlet it names. Each file has one register function (cmdlets/registration.h); kListingOrder in
// cmdletregistry.cpp places the cmdlet in Get-Help and scr-cmdlets(7).

#include "binder.h"
#include "psobject.h"

#include <functional>
#include <vector>

namespace scr {
class Lab;
}

namespace scr::ems {

struct CmdletContext
{
    QString labDir;
    Lab *lab = nullptr; // null when the lab has no directory yet (file commands still work)
    bool exitRequested = false;
    QString host; // the session's host (Enter-PSSession), for file commands
    bool interactive = false;
    std::function<bool(const QString &question)> confirm;      // interactive only
    ErrorAction errorActionPreference = ErrorAction::Continue; // $ErrorActionPreference, for the session
};

struct CmdletSpec
{
    using Run = std::function<Result<std::vector<PSObject>>(CmdletContext &, const BoundParameters &,
                                                            const std::vector<PSObject> &input)>;
    QString name;
    QString synopsis;
    std::vector<ParameterSpec> parameters = {};
    bool confirms = false; // Dismount-Database, Restore-StorageGroupCopy, Move-Mailbox, Remove-*
    bool needsLab = true;
    bool rawArguments = false; // eseutil, setup: the words as typed go in "Arguments" (a QStringList)
    Run run;
};

class CmdletRegistry
{
public:
    void add(CmdletSpec spec) { m_cmdlets.push_back(std::move(spec)); }
    // Puts the cmdlets in order (by name); one it does not name goes last, in the order it came.
    void sortBy(const QStringList &order);
    const CmdletSpec *find(const QString &name) const;
    QStringList names() const;
    const std::vector<CmdletSpec> &all() const { return m_cmdlets; }

private:
    std::vector<CmdletSpec> m_cmdlets;
};

// A cmdlet's syntax line as Get-Help shows it: "Mount-Database [-Identity] <String> [-Force] [-WhatIf]".
QString cmdletSyntax(const CmdletSpec &spec);
// Every cmdlet the shell knows (what ShellSession registers), for Get-Help's one source of text, in
// cmdletListingOrder().
void registerAllCmdlets(CmdletRegistry &registry);
// The names in the order Get-Help, the shell's completion pool and scr-cmdlets(7) list them.
const QStringList &cmdletListingOrder();
// The scr-cmdlets(7) manual page, in man(7) troff, from the registry's own names, synopses and syntax (the
// same text Get-Help prints): one source, so the page cannot drift from the shell.
QString cmdletsManPage(const CmdletRegistry &registry, const QString &version);

} // namespace scr::ems
