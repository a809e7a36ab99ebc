#include "eseutilcommand.h"

#include "cmdlets/validation.h"
#include "core/clock.h"
#include "host/hostdisk.h"
#include "store/eseutil.h"
#include "store/logformat.h"

namespace scr {
namespace {

Error usageError(const QString &what)
{
    return Error{QStringLiteral("eseutil"), what, EseutilCommand::usage(), JetCode::InvalidParameter};
}

} // namespace

QString EseutilCommand::usage()
{
    return QStringLiteral("use eseutil /mh <database.edb> | /ml <log> | /mk <checkpoint> | "
                          "/r <E00> /l <log folder> [/s <system folder>] /d <database folder or file> [/a]");
}

Result<EseutilCommand> EseutilCommand::parse(const QStringList &args)
{
    if (args.isEmpty())
        return usageError(QStringLiteral("needs a mode"));
    EseutilCommand cmd;
    const QString mode = args.first().toLower();
    const auto needPath = [&](Mode m) -> Result<EseutilCommand> {
        if (args.size() != 2)
            return usageError(QStringLiteral("%1 takes exactly one file").arg(args.first()));
        cmd.mode = m;
        cmd.path = args.at(1);
        return cmd;
    };
    if (mode == QStringLiteral("/mh"))
        return needPath(Mode::DumpHeader);
    if (mode == QStringLiteral("/ml"))
        return needPath(Mode::DumpLog);
    if (mode == QStringLiteral("/mk"))
        return needPath(Mode::DumpCheckpoint);
    if (mode != QStringLiteral("/r"))
        return usageError(QStringLiteral("unknown mode \"%1\"").arg(args.first()));

    cmd.mode = Mode::Recover;
    if (args.size() < 2 || args.at(1).startsWith(QLatin1Char('/')))
        return usageError(QStringLiteral("/r needs the log base name (E00)"));
    cmd.prefix = args.at(1).toUpper();
    if (!isValidLogPrefix(cmd.prefix))
        return usageError(QStringLiteral("\"%1\" is not a log base name (E00 to E49)").arg(args.at(1)));
    for (int i = 2; i < args.size(); ++i) {
        const QString word = args.at(i);
        const QString sw = word.left(2).toLower();
        if (sw == QStringLiteral("/a") && word.size() == 2) {
            cmd.allowLossOfTail = true;
            continue;
        }
        if (sw == QStringLiteral("/i") && word.size() == 2)
            continue; // ignore mismatched attachments: our streams hold one database, nothing to ignore
        QString *target = sw == QStringLiteral("/l")   ? &cmd.logPath
                          : sw == QStringLiteral("/s") ? &cmd.systemPath
                          : sw == QStringLiteral("/d") ? &cmd.databasePath
                                                       : nullptr;
        if (!target)
            return usageError(QStringLiteral("unknown switch \"%1\"").arg(word));
        QString value = word.mid(2);
        if (value.isEmpty()) {
            if (i + 1 >= args.size() || args.at(i + 1).startsWith(QLatin1Char('/')))
                return usageError(QStringLiteral("%1 needs a path").arg(word));
            value = args.at(++i);
        }
        *target = value;
    }
    if (cmd.logPath.isEmpty())
        return usageError(QStringLiteral("/r needs /l <log folder>"));
    if (cmd.databasePath.isEmpty())
        return usageError(QStringLiteral("/r needs /d <database folder or file>"));
    if (cmd.systemPath.isEmpty())
        cmd.systemPath = cmd.logPath;
    return cmd;
}

Result<QString> runEseutil(const EseutilCommand &command, const HostDisk &host, const Clock &clock,
                           const Recovery::Progress &progress, RecoveryReport *recovered)
{
    const auto local = [&](const QString &windowsPath) { return host.localPath(windowsPath); };
    switch (command.mode) {
    case EseutilCommand::Mode::DumpHeader:
    case EseutilCommand::Mode::DumpLog:
    case EseutilCommand::Mode::DumpCheckpoint: {
        if (auto path = local(command.path); !path)
            return path.error();
        // The dumps read through the host's disk, which refuses a link; checked first all the same, so that
        // no reader (SQLite opens the .edb by its name) ever starts on one.
        SCR_TRY(cmdlets::checkNoLink(host, command.path));
        const Result<QString> text = command.mode == EseutilCommand::Mode::DumpHeader
                                         ? eseutil::dumpDatabaseHeader(host, command.path, command.path)
                                     : command.mode == EseutilCommand::Mode::DumpLog
                                         ? eseutil::dumpLog(host, command.path, command.path)
                                         : eseutil::dumpCheckpoint(host, command.path, command.path);
        if (!text)
            return text.error();
        return QString(eseutil::banner() + *text);
    }
    case EseutilCommand::Mode::Recover: {
        auto logs = local(command.logPath);
        auto system = local(command.systemPath);
        auto database = local(command.databasePath);
        for (const auto *r : {&logs, &system, &database})
            if (!*r)
                return r->error();
        // Recovery writes the database file and the checkpoint: room, and no link among the folders and
        // files it reads or writes, before it starts.
        SCR_TRY(cmdlets::checkSpace(host));
        for (const QString &path : {command.logPath, command.systemPath, command.databasePath})
            SCR_TRY(cmdlets::checkNoLink(host, path));
        for (const QString &folder : {command.logPath, command.systemPath})
            if (auto files = cmdlets::filesIn(host, folder, command.prefix + QStringLiteral("*")); !files)
                return files.error();
        RecoveryOptions options;
        options.disk = host;
        options.prefix = command.prefix;
        options.logFolder = *logs;
        options.systemFolder = *system;
        options.databasePath = *database;
        options.allowLossOfTail = command.allowLossOfTail;
        options.displayPath = [&host](const QString &p) { return host.windowsPath(p); };
        auto report = Recovery::run(options, clock, progress);
        if (!report)
            return report.error();
        if (recovered)
            *recovered = *report;
        return QString(eseutil::banner() +
                       eseutil::formatRecoveryReport(*report, host.windowsPath(report->databasePath)));
    }
    }
    return usageError(QStringLiteral("unknown mode"));
}

} // namespace scr
