#include "shellsession.h"

#include "commandline.h"
#include "eseutilcommand.h"
#include "host/hostdisk.h"

#include <QDir>

namespace scr {

ShellSession::ShellSession(QString labDir, const Clock &clock) : m_labDir(std::move(labDir)), m_clock(clock)
{}

QString ShellSession::prompt() const
{
    return m_host.isEmpty() ? QStringLiteral("[PS] > ") : QStringLiteral("[%1]: PS> ").arg(m_host);
}

QStringList ShellSession::commandNames()
{
    return {QStringLiteral("Enter-PSSession"), QStringLiteral("Exit-PSSession"), QStringLiteral("eseutil"),
            QStringLiteral("Get-Help"), QStringLiteral("exit")};
}

QString ShellSession::help() const
{
    return QStringLiteral(
        "Commands:\n"
        "  Enter-PSSession HOST   act on HOST's disk (MBX1, MBX2, ...)\n"
        "  Exit-PSSession         leave the host\n"
        "  eseutil /mh FILE       dump a database header\n"
        "  eseutil /ml FILE       dump a log file's header and records\n"
        "  eseutil /mk FILE       dump a checkpoint file\n"
        "  eseutil /r E00 /l LOGFOLDER [/s SYSTEMFOLDER] /d DATABASE [/a]   recover a database\n"
        "  Get-Help               this text\n"
        "  exit                   leave scr-shell\n");
}

Result<QString> ShellSession::enterSession(const QStringList &args)
{
    if (args.size() != 2)
        return Error{QStringLiteral("Enter-PSSession"), QStringLiteral("needs one host name"),
                     QStringLiteral("Enter-PSSession MBX1"), JetCode::InvalidParameter};
    const QDir hosts(QDir(m_labDir).filePath(QStringLiteral("hosts")));
    for (const QString &name : hosts.entryList(QDir::Dirs | QDir::NoDotAndDotDot))
        if (name.compare(args.at(1), Qt::CaseInsensitive) == 0) {
            m_host = name;
            return QString();
        }
    return Error{args.at(1), QStringLiteral("no such host in this lab"),
                 QStringLiteral("known hosts: ") +
                     hosts.entryList(QDir::Dirs | QDir::NoDotAndDotDot).join(QStringLiteral(", ")),
                 JetCode::InvalidParameter};
}

Result<QString> ShellSession::execute(const QString &statement)
{
    auto words = splitWords(statement);
    if (!words)
        return words.error();
    if (words->isEmpty())
        return QString();
    const QString verb = words->first();
    const auto is = [&](const char *name) {
        return verb.compare(QLatin1String(name), Qt::CaseInsensitive) == 0;
    };
    if (is("Enter-PSSession"))
        return enterSession(*words);
    if (is("Exit-PSSession")) {
        m_host.clear();
        return QString();
    }
    if (is("exit")) {
        m_exit = true;
        return QString();
    }
    if (is("Get-Help") || is("help"))
        return help();
    if (is("eseutil") || is("eseutil.exe")) {
        if (m_host.isEmpty())
            return Error{QStringLiteral("eseutil"), QStringLiteral("runs on a host's disk"),
                         QStringLiteral("Enter-PSSession MBX1 first"), JetCode::InvalidParameter};
        auto cmd = EseutilCommand::parse(words->mid(1));
        if (!cmd)
            return cmd.error();
        return runEseutil(*cmd, HostDisk(m_labDir, m_host), m_clock);
    }
    return Error{verb, QStringLiteral("is not a command scr-shell knows yet"),
                 QStringLiteral("type Get-Help for the list"), JetCode::InvalidParameter};
}

} // namespace scr
