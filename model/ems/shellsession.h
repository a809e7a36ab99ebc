#pragma once
// ShellSession: one administrator's session on a lab, as scr-shell runs it: the lab (opened when it has a
// directory), the cmdlets, and the host whose disk file commands act on (Enter-PSSession / Exit-PSSession).

#include "cmdletregistry.h"
#include "completion.h"
#include "pipelinerunner.h"
#include "core/result.h"

#include <memory>

#include <QString>
#include <QStringList>

namespace scr {

class Lab;

class ShellSession
{
public:
    // Opens the lab's directory when there is one; file commands work on a lab without it.
    explicit ShellSession(QString labDir);
    ~ShellSession();

    Status open();
    QString prompt() const; // "[MBX2]: PS> ", or "[PS] > " outside a session
    const QString &currentHost() const { return m_context.host; }
    void setInteractive(bool interactive, std::function<bool(const QString &)> confirm = {});

    // Runs a script: what it printed and every error, in order. In Shell mode a failing statement does not
    // stop the script unless -ErrorAction or $ErrorActionPreference says Stop.
    ems::ScriptOutput run(const QString &script, ems::ScriptMode mode = ems::ScriptMode::Shell);
    // Stopping at the first failure: what it printed, or that failure (what printed before it is dropped).
    Result<QString> execute(const QString &script);
    bool exitRequested() const { return m_context.exitRequested; }
    QStringList commandNames() const { return m_registry.names(); }
    // What Tab offers at cursor in line.
    ems::Completion complete(const QString &line, qsizetype cursor) const
    {
        return ems::complete(line, cursor, m_registry);
    }
    Lab *lab() { return m_lab.get(); }

private:
    QString m_labDir;
    std::unique_ptr<Lab> m_lab;
    ems::CmdletRegistry m_registry;
    ems::CmdletContext m_context;
};

} // namespace scr
