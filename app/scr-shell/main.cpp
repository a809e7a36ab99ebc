// scr-shell: the Exchange Management Shell subset of SCR Console, for scripts and for the outage at 3 a.m.

#include "core/clock.h"
#include "core/logging.h"
#include "core/textescape.h"
#include "directory/directory.h"
#include "ems/shellsession.h"
#include "lab/demolab.h"
#include "lineeditor.h"

#include <cstdio>
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

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("scr-shell"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SCR_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("SCR Console shell: Exchange Management Shell commands for "
                       "Standby Continuous Replication, on a lab folder."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption labOption(QStringLiteral("lab"), QStringLiteral("The lab folder to work on."),
                                       QStringLiteral("DIR"));
    const QCommandLineOption demoOption(QStringLiteral("new-demo"),
                                        QStringLiteral("Create the demo lab in DIR (a new or empty folder)."),
                                        QStringLiteral("DIR"));
    const QCommandLineOption serversOption(
        QStringLiteral("servers"),
        QStringLiteral(
            "With --new-demo: the scale lab of N mailbox servers instead (4 storage groups each, every "
            "one with SCR copies on two other servers; N from 3 to 200)."),
        QStringLiteral("N"));
    const QCommandLineOption commandOption(
        QStringLiteral("c"), QStringLiteral("Run COMMANDS (separated by ;)."), QStringLiteral("COMMANDS"));
    const QCommandLineOption hostOption(QStringLiteral("host"), QStringLiteral("Start in a session on HOST."),
                                        QStringLiteral("HOST"));
    parser.addOptions({labOption, demoOption, serversOption, commandOption, hostOption});
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("A .ps1 script to run."),
                                 QStringLiteral("[FILE]"));
    parser.process(app);

    scr::logging::setConsoleEcho(false);
    const scr::Clock &clock = scr::SystemClock::instance();
    QString labDir = parser.value(labOption);
    if (parser.isSet(serversOption) && !parser.isSet(demoOption)) {
        printError({QStringLiteral("--servers"), QStringLiteral("sizes a new demo lab"),
                    QStringLiteral("use it with --new-demo DIR")});
        return 2;
    }
    if (parser.isSet(demoOption)) {
        labDir = QFileInfo(parser.value(demoOption)).absoluteFilePath();
        const bool sized = parser.isSet(serversOption);
        bool isNumber = true;
        const int servers = parser.value(serversOption).toInt(&isNumber);
        if (sized && !isNumber) {
            printError({QStringLiteral("--servers ") + parser.value(serversOption),
                        QStringLiteral("is not a number of servers"),
                        QStringLiteral("give %1 to %2")
                            .arg(scr::DemoLab::kMinServers)
                            .arg(scr::DemoLab::kMaxServers)});
            return 2;
        }
        auto report =
            sized ? scr::DemoLab::createSized(labDir, servers, clock) : scr::DemoLab::create(labDir, clock);
        if (!report) {
            printError(report.error());
            return 1;
        }
        if (sized)
            print(QStringLiteral(
                      "Created the scale lab in %1: %2 hosts, %3 databases, %4 mailboxes, %5 messages, "
                      "%6 SCR copies.\n")
                      .arg(labDir)
                      .arg(report->hosts)
                      .arg(report->databases)
                      .arg(report->mailboxes)
                      .arg(report->messages)
                      .arg(report->copies));
        else
            print(QStringLiteral(
                      "Created the demo lab in %1: %2 hosts, %3 databases, %4 mailboxes, %5 messages.\n")
                      .arg(labDir)
                      .arg(report->hosts)
                      .arg(report->databases)
                      .arg(report->mailboxes)
                      .arg(report->messages));
        if (!parser.isSet(commandOption) && parser.positionalArguments().isEmpty() && !isatty(STDIN_FILENO))
            return 0;
    }
    if (labDir.isEmpty()) {
        printError({QStringLiteral("scr-shell"), QStringLiteral("needs a lab"),
                    QStringLiteral("pass --lab DIR, or --new-demo DIR to create one")});
        return 2;
    }
    // A folder with an org.sqlite (a link or a folder of that name too) is a lab, even a damaged one: the
    // session's open names what is wrong. Anything else is not a lab, a folder of host disks included:
    // nothing is created in it, and nothing runs on it without the lab's lock.
    if (!scr::Directory::isLabFolder(labDir)) {
        printError({labDir, QStringLiteral("is not a lab folder (it has no org.sqlite)"),
                    QStringLiteral("create one with --new-demo DIR"), scr::JetCode::None});
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
        printError({labDir, QStringLiteral("is not a lab folder (it has no org.sqlite)"),
                    QStringLiteral("create one with --new-demo DIR"), scr::JetCode::None});
        return 2;
    }
    scr::logging::installQtMessageHandler();
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
    if (parser.isSet(hostOption) &&
        !runText(session, QStringLiteral("Enter-PSSession ") + parser.value(hostOption)))
        return 1;
    if (parser.isSet(commandOption))
        return runText(session, parser.value(commandOption)) ? 0 : 1;
    if (!parser.positionalArguments().isEmpty()) {
        QFile script(parser.positionalArguments().first());
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
