#pragma once
// CommandLine: the text of one Exchange Management Shell command, built from its name, its values and its
// parameters with the shell's own quoting, so that what the console, the property sheets and the plans run
// parses back to the values they meant (Qt Creator's Utils::CommandLine does the same for processes). The
// parsed form is ems::Command (ems/parser.h); tests/model/tst_commandbinding.cpp binds every built command
// against the cmdlet registry. Depends on Qt Core only: cmdlets/ and ems/ both use it.

#include <QString>
#include <QStringList>

namespace scr::ems {

// text as one value in a script: as it is when it is a plain word, else in single quotes (' doubled), so
// that a command built by the console parses back to the same value.
QString quote(const QString &text);

QString formatTimeSpan(qint64 ms); // 1.00:00:00 style, days always shown; "-" before a negative span

class CommandLine
{
public:
    explicit CommandLine(const QString &name);

    // A positional value: "Mount-Database MBX1\SG1\DB1".
    CommandLine &value(const QString &value);
    // -Name value, the value quoted as the shell needs.
    CommandLine &arg(const QString &name, const QString &value);
    CommandLine &arg(const QString &name, qint64 number);
    // -Name $true / -Name $false: a Boolean parameter given its value.
    CommandLine &flag(const QString &name, bool on);
    // A switch: -Force; or -Confirm:$false with a value.
    CommandLine &sw(const QString &name);
    CommandLine &sw(const QString &name, bool on);
    // -Name 1.00:00:00.
    CommandLine &timeSpan(const QString &name, qint64 ms);

    const QString &name() const { return m_name; }
    const QString &text() const { return m_text; }

private:
    QString m_name;
    QString m_text;
};

} // namespace scr::ems
