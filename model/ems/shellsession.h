#pragma once
// ShellSession: one administrator's session on a lab, as scr-shell runs it: the host whose disk file
// commands act on (Enter-PSSession / Exit-PSSession) and the commands it knows so far (eseutil).

#include "core/result.h"

#include <QString>
#include <QStringList>

namespace scr {

class Clock;

class ShellSession
{
public:
    ShellSession(QString labDir, const Clock &clock);

    QString prompt() const; // "[MBX2]: PS> ", or "[PS] > " outside a session
    const QString &currentHost() const { return m_host; }

    // Runs one statement; the text is what the shell prints.
    Result<QString> execute(const QString &statement);
    bool exitRequested() const { return m_exit; }

    static QStringList commandNames();

private:
    Result<QString> enterSession(const QStringList &args);
    QString help() const;

    QString m_labDir;
    const Clock &m_clock;
    QString m_host;
    bool m_exit = false;
};

} // namespace scr
