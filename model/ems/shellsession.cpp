#include "shellsession.h"

#include "directory/directory.h"
#include "lab/lab.h"
#include "pipelinerunner.h"

namespace scr {

ShellSession::ShellSession(QString labDir) : m_labDir(std::move(labDir))
{
    ems::registerAllCmdlets(m_registry);
    m_context.labDir = m_labDir;
}

ShellSession::~ShellSession() = default;

Status ShellSession::open()
{
    if (!Directory::isLabFolder(m_labDir))
        return {};
    auto lab = Lab::open(m_labDir);
    if (!lab)
        return lab.error();
    m_lab = std::move(*lab);
    m_context.lab = m_lab.get();
    return {};
}

QString ShellSession::prompt() const
{
    return m_context.host.isEmpty() ? QStringLiteral("[PS] > ")
                                    : QStringLiteral("[%1]: PS> ").arg(m_context.host);
}

void ShellSession::setInteractive(bool interactive, std::function<bool(const QString &)> confirm)
{
    m_context.interactive = interactive;
    m_context.confirm = std::move(confirm);
}

ems::ScriptOutput ShellSession::run(const QString &script, ems::ScriptMode mode)
{
    return ems::runScript(script, m_registry, m_context, mode);
}

Result<QString> ShellSession::execute(const QString &script)
{
    const ems::ScriptOutput out = run(script, ems::ScriptMode::StopAtFirstError);
    if (!out.ok)
        return *out.firstError;
    return out.text;
}

} // namespace scr
