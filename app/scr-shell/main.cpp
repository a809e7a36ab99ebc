// scr-shell: the Exchange Management Shell subset of SCR Console, for scripts and for the outage at 3 a.m.

#include "command/commandline.h"
#include "core/clock.h"
#include "core/logging.h"
#include "core/textescape.h"
#include "directory/directory.h"
#include "ems/shellsession.h"
#include "lab/demolab.h"
#include "lineeditor.h"

#include <cstdio>
#include <optional>
#include <iostream>
#include <string>
#include <unistd.h>

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace {

// The one writer of what reaches the terminal. Names, paths and values come from the lab, which is
// untrusted: their control characters are escaped (an ESC would set the title, colours or clear the
// screen), and only the formatter's own newlines and tabs pass.
void print(const QString &text)
{
    const QByteArray bytes = scr::escapeControls(text, true).toLocal8Bit();
    std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), stdout);
    std::fflush(stdout);
}

void printError(const scr::Error &error)
{
    const QByteArray bytes = (scr::escapeControls(error.toString()) + QLatin1Char('\n')).toLocal8Bit();
    std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), stderr);
}

void printErrorText(const QString &text)
{
    std::fflush(stdout); // what came before the error is shown before it
    const QByteArray bytes = (scr::escapeControls(text, true) + QLatin1Char('\n')).toLocal8Bit();
    std::fwrite(bytes.constData(), 1, static_cast<size_t>(bytes.size()), stderr);
    std::fflush(stderr);
}

// Runs text (statements separated by ';' or newlines), printing output and errors in the order they came;
// false when a statement failed. A failing statement does not stop the rest (EMS's non-terminating
// errors) unless -ErrorAction Stop or $ErrorActionPreference = 'Stop' says so.
bool runText(scr::ShellSession &session, const QString &text)
{
    const scr::ems::ScriptOutput out = session.run(text);
    bool atLineStart = true;
    for (const scr::ems::ScriptOutput::Part &part : out.parts) {
        if (part.isError) {
            if (!atLineStart)
                print(QStringLiteral("\n"));
            printErrorText(part.text);
            atLineStart = true;
        } else {
            print(part.text);
            atLineStart = part.text.endsWith(QLatin1Char('\n'));
        }
    }
    if (!atLineStart)
        print(QStringLiteral("\n"));
    return out.ok;
}

// The command line: its options, parsed from argv.
struct Options
{
    QCommandLineOption lab{QStringLiteral("lab"), QStringLiteral("The lab folder to work on."),
                           QStringLiteral("DIR")};
    QCommandLineOption demo{QStringLiteral("new-demo"),
                            QStringLiteral("Create the demo lab in DIR (a new or empty folder)."),
                            QStringLiteral("DIR")};
    QCommandLineOption servers{
        QStringLiteral("servers"),
        QStringLiteral("With --new-demo: the scale lab of N mailbox servers instead (4 storage groups each, "
                       "every one with SCR copies on two other servers; N from 3 to 200)."),
        QStringLiteral("N")};
    QCommandLineOption command{QStringLiteral("c"), QStringLiteral("Run COMMANDS (separated by ;)."),
                               QStringLiteral("COMMANDS")};
    QCommandLineOption host{QStringLiteral("host"), QStringLiteral("Start in a session on HOST."),
                            QStringLiteral("HOST")};
    QCommandLineParser parser;

    explicit Options(const QCoreApplication &app)
    {
        parser.setApplicationDescription(
            QStringLiteral("SCR Console shell: Exchange Management Shell commands for "
                           "Standby Continuous Replication, on a lab folder."));
        parser.addHelpOption();
        parser.addVersionOption();
        parser.addOptions({lab, demo, servers, command, host});
        parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("A .ps1 script to run."),
                                     QStringLiteral("[FILE]"));
        parser.process(app);
    }
    bool hasWork() const { return parser.isSet(command) || !parser.positionalArguments().isEmpty(); }
};

// --new-demo DIR [--servers N]: creates the lab in labDir (made absolute). The exit code when scr-shell
// ends here (a refusal, or nothing more to do), else nullopt: go on into the new lab.
std::optional<int> createDemo(const Options &o, QString &labDir)
{
    const scr::Clock &clock = scr::SystemClock::instance();
    labDir = QFileInfo(o.parser.value(o.demo)).absoluteFilePath();
    const bool sized = o.parser.isSet(o.servers);
    bool isNumber = true;
    const int servers = o.parser.value(o.servers).toInt(&isNumber);
    if (sized && !isNumber) {
        printError(
            {QStringLiteral("--servers ") + o.parser.value(o.servers),
             QStringLiteral("is not a number of servers"),
             QStringLiteral("give %1 to %2").arg(scr::DemoLab::kMinServers).arg(scr::DemoLab::kMaxServers)});
        return 2;
    }
    auto report =
        sized ? scr::DemoLab::createSized(labDir, servers, clock) : scr::DemoLab::create(labDir, clock);
    if (!report) {
        printError(report.error());
        return 1;
    }
    if (sized)
        print(
            QStringLiteral("Created the scale lab in %1: %2 hosts, %3 databases, %4 mailboxes, %5 messages, "
                           "%6 SCR copies.\n")
                .arg(labDir)
                .arg(report->hosts)
                .arg(report->databases)
                .arg(report->mailboxes)
                .arg(report->messages)
                .arg(report->copies));
    else
        print(
            QStringLiteral("Created the demo lab in %1: %2 hosts, %3 databases, %4 mailboxes, %5 messages.\n")
                .arg(labDir)
                .arg(report->hosts)
                .arg(report->databases)
                .arg(report->mailboxes)
                .arg(report->messages));
    if (!o.hasWork() && !isatty(STDIN_FILENO))
        return 0;
    return std::nullopt;
}

// What runs in the opened session: --host, then -c, a script FILE, or lines from the terminal or stdin.
int runSession(scr::ShellSession &session, const Options &o, bool tty)
{
    // At a terminal: a line editor with history and Tab completion. Cmdlets Exchange asked to confirm ask
    // here; a script must say -Confirm:$false.
    scr::shell::LineEditor editor(STDIN_FILENO, STDOUT_FILENO);
    editor.setCompleter(
        [&session](const QString &line, qsizetype cursor) { return session.complete(line, cursor); });
    const QString historyPath = qEnvironmentVariableIsSet("SCR_SHELL_HISTORY")
                                    ? qEnvironmentVariable("SCR_SHELL_HISTORY")
                                    : QDir::homePath() + QStringLiteral("/.scr-shell_history");
    session.setInteractive(tty, [&editor](const QString &question) {
        print(question + QLatin1Char('\n'));
        const auto answer = editor.readLine(QStringLiteral("[Y] Yes  [N] No  (default is \"N\"): "), false);
        return answer && !answer->isEmpty() && answer->front().toLower() == QLatin1Char('y');
    });
    if (o.parser.isSet(o.host) &&
        !runText(
            session,
            scr::ems::CommandLine(QStringLiteral("Enter-PSSession")).value(o.parser.value(o.host)).text()))
        return 1;
    if (o.parser.isSet(o.command))
        return runText(session, o.parser.value(o.command)) ? 0 : 1;
    if (!o.parser.positionalArguments().isEmpty()) {
        QFile script(o.parser.positionalArguments().first());
        if (!script.open(QIODevice::ReadOnly)) {
            printError({script.fileName(),
                        QStringLiteral("cannot be read: ") + script.errorString(),
                        {},
                        scr::JetCode::FileNotFound});
            return 2;
        }
        return runText(session, QString::fromUtf8(script.readAll())) ? 0 : 1;
    }

    // Interactive (or commands piped in).
    bool allOk = true;
    if (tty) {
        editor.useHistoryFile(historyPath);
        while (!session.exitRequested()) {
            const auto line = editor.readLine(session.prompt());
            if (!line)
                break;
            if (!line->trimmed().isEmpty())
                allOk = runText(session, *line) && allOk;
        }
        return allOk ? 0 : 1;
    }
    std::string line;
    while (!session.exitRequested() && std::getline(std::cin, line))
        allOk = runText(session, QString::fromStdString(line)) && allOk;
    return allOk ? 0 : 1;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("scr-shell"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SCR_VERSION));
    const Options options(app);

    scr::logging::setConsoleEcho(false);
    QString labDir = options.parser.value(options.lab);
    if (options.parser.isSet(options.servers) && !options.parser.isSet(options.demo)) {
        printError({QStringLiteral("--servers"), QStringLiteral("sizes a new demo lab"),
                    QStringLiteral("use it with --new-demo DIR")});
        return 2;
    }
    if (options.parser.isSet(options.demo))
        if (const std::optional<int> exitCode = createDemo(options, labDir))
            return *exitCode;
    if (labDir.isEmpty()) {
        printError({QStringLiteral("scr-shell"), QStringLiteral("needs a lab"),
                    QStringLiteral("pass --lab DIR, or --new-demo DIR to create one")});
        return 2;
    }
    // A folder with an org.sqlite (a link or a folder of that name too) is a lab, even a damaged one: the
    // session's open names what is wrong. Anything else is not a lab, a folder of host disks included:
    // nothing is created in it, and nothing runs on it without the lab's lock.
    const scr::Error notALab{labDir, QStringLiteral("is not a lab folder (it has no org.sqlite)"),
                             QStringLiteral("create one with --new-demo DIR"), scr::JetCode::None};
    if (!scr::Directory::isLabFolder(labDir)) {
        printError(notALab);
        return 2;
    }

    const bool tty = isatty(STDIN_FILENO);
    scr::ShellSession session(labDir);
    // The lab first: it validates the directory and the folder, takes the lock, then sends the log to the
    // lab; a log that cannot be written stops here.
    if (auto opened = session.open(); !opened) {
        printError(opened.error());
        return 2;
    }
    if (!session.lab()) {
        printError(notALab);
        return 2;
    }
    scr::logging::installQtMessageHandler();
    return runSession(session, options, tty);
}
