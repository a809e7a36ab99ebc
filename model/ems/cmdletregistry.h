#pragma once
// CmdletRegistry: the cmdlets the shell knows, each with its parameters (for the binder, Get-Help and tab
// completion), whether Exchange asked to confirm it, and the typed call that runs it.

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
    std::vector<ParameterSpec> parameters;
    bool confirms = false; // Dismount-Database, Restore-StorageGroupCopy, Move-Mailbox, Remove-*
    bool needsLab = true;
    bool rawArguments = false; // eseutil, setup: the words as typed go in "Arguments" (a QStringList)
    Run run;
};

class CmdletRegistry
{
public:
    void add(CmdletSpec spec) { m_cmdlets.push_back(std::move(spec)); }
    const CmdletSpec *find(const QString &name) const;
    QStringList names() const;
    const std::vector<CmdletSpec> &all() const { return m_cmdlets; }

private:
    std::vector<CmdletSpec> m_cmdlets;
};

// A cmdlet's syntax line as Get-Help shows it: "Mount-Database [-Identity] <String> [-Force] [-WhatIf]".
QString cmdletSyntax(const CmdletSpec &spec);
// Every cmdlet the shell knows (what ShellSession registers), for Get-Help's one source of text.
void registerAllCmdlets(CmdletRegistry &registry);
// The scr-cmdlets(7) manual page, in man(7) troff, from the registry's own names, synopses and syntax (the
// same text Get-Help prints): one source, so the page cannot drift from the shell.
QString cmdletsManPage(const CmdletRegistry &registry, const QString &version);

// The SCR Console cmdlets (model/cmdlets) and the simulation's own.
void registerScrCmdlets(CmdletRegistry &registry);
// Storage group and database lifecycle, Restore-StorageGroupCopy, mailboxes, Rename-Computer, setup.
void registerActivationCmdlets(CmdletRegistry &registry);
// Test-Path, Get-ChildItem (dir), Remove-Item on the session's host.
void registerFileCmdlets(CmdletRegistry &registry);

} // namespace scr::ems
