// scr-console: the SCR Console, the graphical face. Wiring only: the window, and the lab reached through a
// LabClient (LabSession opens it). With no --lab it opens ~/scr-lab, creating the demo
// lab there on first run; a lab made on this run gets the showcase (examples/showcase.ps1, compiled in:
// SCR copies with and without a lag, mail flowing, one suspended copy to look at) and runs at 60x, so that
// the first window shows SCR at work. scr-shell --new-demo keeps making the bare demo lab.

#include "consolewindow.h"
#include "core/clock.h"
#include "core/logging.h"
#include "core/textescape.h"
#include "lab/demolab.h"
#include "labsession.h"
#include "language.h"

#include <cstdio>
#include <optional>

#include <QAction>
#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMessageBox>
#include <QScreen>
#include <QTimer>

namespace {

void setNames()
{
    QCoreApplication::setOrganizationName(QStringLiteral("scr-console"));
    QCoreApplication::setApplicationName(QStringLiteral("SCR Console"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SCR_VERSION));
}

// The command line's options, each named once.
struct Options
{
    QCommandLineOption help;
    QCommandLineOption version;
    QCommandLineOption lab{QStringLiteral("lab"),
                           QStringLiteral("The lab folder (default ~/scr-lab, made as the demo lab "
                                          "when it does not exist)."),
                           QStringLiteral("DIR")};
    QCommandLineOption bare{
        QStringLiteral("bare"),
        QStringLiteral("When the lab is made on this run: leave it the bare demo lab (no SCR copies, no "
                       "mail), as scr-shell --new-demo makes it, instead of the showcase.")};
    QCommandLineOption run{QStringLiteral("run"), QStringLiteral("Start the simulation running.")};
    QCommandLineOption speed{QStringLiteral("speed"),
                             QStringLiteral("The virtual clock's speed, 1 to 86400 (default 60)."),
                             QStringLiteral("FACTOR")};
    QCommandLineOption select{
        QStringLiteral("select"),
        QStringLiteral(
            "Select KEY in the tree once it exists, e.g. copy:MBX1\\SG1>MBX3 or db:MBX1\\SG1\\DB1."),
        QStringLiteral("KEY")};
    QCommandLineOption command{QStringLiteral("c"),
                               QStringLiteral("Run COMMANDS (scr-shell syntax) once the lab is open."),
                               QStringLiteral("COMMANDS")};
    QCommandLineOption screenshot{
        QStringLiteral("screenshot"),
        QStringLiteral("Save a picture of the window to FILE after a few seconds, then quit."),
        QStringLiteral("FILE")};
    QCommandLineOption after{QStringLiteral("screenshot-after"),
                             QStringLiteral("Seconds before the screenshot (default 6)."),
                             QStringLiteral("SECONDS")};
    QCommandLineOption properties{
        QStringLiteral("properties"),
        QStringLiteral("Open the Properties of the --select'ed item once it is shown (as Alt+Enter does).")};
    QCommandLineOption language{
        QStringLiteral("language"),
        QStringLiteral("The console's language: en or de (default: the system locale's, as LANGUAGE and LANG "
                       "say; English when it is neither). The shell keeps EMS's English."),
        QStringLiteral("LANG")};

    explicit Options(QCommandLineParser &parser)
        : help(parser.addHelpOption()), version(parser.addVersionOption())
    {
        parser.setApplicationDescription(QStringLiteral(
            "SCR Console: Standby Continuous Replication for Exchange Server 2007 SP1, on a lab."));
        parser.addOptions({lab, bare, run, speed, select, command, screenshot, after, properties, language});
    }
};

// --help and --version print and exit without a display: they are answered before the QApplication (which
// needs one) exists, under a QCoreApplication. Without a display a QApplication aborts: say why, and what
// to run instead. The exit code when main must end now (1), else nothing. The arguments are read again
// once the QApplication has taken its own (-platform, -style) out of them.
std::optional<int> answerWithoutDisplay(QCommandLineParser &parser, const Options &o, int argc, char **argv)
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    const bool parsed = parser.parse(arguments); // with a display, process() reports errors
    if (parser.isSet(o.help) || parser.isSet(o.version)) {
        QCoreApplication core(argc, argv);
        setNames();
        if (parser.isSet(o.version))
            parser.showVersion(); // exits 0
        parser.showHelp(0);
    }
    if (!qEnvironmentVariableIsEmpty("DISPLAY") || !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY") ||
        !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        return std::nullopt;
    if (!parsed)
        std::fprintf(stderr, "scr-console: %s\nTry scr-console --help.\n", qPrintable(parser.errorText()));
    else
        std::fprintf(stderr, "scr-console: no display (DISPLAY and WAYLAND_DISPLAY are unset). Run it "
                             "under X11 or Wayland, under xvfb-run, with QT_QPA_PLATFORM=offscreen, or "
                             "use scr-shell --lab DIR.\n");
    return 1;
}

// A refusal before the window shows: printed (escaped: it names files of the lab, which is untrusted) for a
// console started from a shell, and in a box. The exit code.
int refuse(const scr::Error &error)
{
    std::fprintf(stderr, "%s\n", qPrintable(scr::escapeControls(error.toString())));
    QMessageBox::critical(nullptr, QStringLiteral("SCR Console"), error.toString());
    return 2;
}

// What the command line asks of the shown window: the speed, the selection, the showcase or commands to
// run, running, the selection's Properties, a screenshot.
void applyOptions(scr::ConsoleWindow &window, const QCommandLineParser &parser, const Options &o,
                  bool showcase)
{
    if (parser.isSet(o.speed))
        window.setSpeed(parser.value(o.speed).toDouble());
    if (parser.isSet(o.select))
        window.selectWhenShown(parser.value(o.select));
    if (showcase) {
        // Queued before anything else: the lab runs it first, the window shows the lab filling.
        QFile script(QStringLiteral(":/examples/showcase.ps1"));
        if (script.open(QIODevice::ReadOnly | QIODevice::Text)) {
            window.runCommand(QString::fromUtf8(script.readAll()));
            if (!parser.isSet(o.speed))
                window.setSpeed(60);
            window.setRunning(true);
        }
    }
    if (parser.isSet(o.command))
        window.runCommand(parser.value(o.command));
    if (parser.isSet(o.run))
        window.setRunning(true);
    if (parser.isSet(o.properties) && parser.isSet(o.select)) {
        // Alt+Enter once the selection is there (the tree fills with the first snapshot).
        auto *poll = new QTimer(&window);
        poll->setInterval(100);
        QObject::connect(poll, &QTimer::timeout, &window, [&window, poll] {
            if (!window.selectionIsPending()) {
                poll->stop();
                if (auto *properties = window.findChild<QAction *>(QStringLiteral("propertiesAction")))
                    properties->trigger();
            }
        });
        poll->start();
    }
    if (parser.isSet(o.screenshot)) {
        const QString file = parser.value(o.screenshot);
        const int after = parser.isSet(o.after) ? parser.value(o.after).toInt() : 6;
        const bool wholeScreen = parser.isSet(o.properties); // the sheet is a window of its own
        QTimer::singleShot(after * 1000, &window, [&window, file, wholeScreen] {
            if (wholeScreen)
                QGuiApplication::primaryScreen()->grabWindow(0).save(file);
            else
                window.grab().save(file);
            QApplication::quit();
        });
    }
}

} // namespace

int main(int argc, char **argv)
{
    QCommandLineParser parser;
    const Options options(parser);
    if (const std::optional<int> exitCode = answerWithoutDisplay(parser, options, argc, argv))
        return *exitCode;
    QApplication app(argc, argv);
    setNames();
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/scr-console.svg")));
    parser.process(app);
    // The language before the first window: German when the locale asks for it, --language en forces English.
    if (parser.isSet(options.language) &&
        !scr::availableLanguages().contains(parser.value(options.language))) {
        std::fprintf(stderr, "scr-console: --language %s: the console speaks %s.\n",
                     qPrintable(parser.value(options.language)),
                     qPrintable(scr::availableLanguages().join(QStringLiteral(", "))));
        return 1;
    }
    scr::installLanguage(scr::chooseLanguage(parser.value(options.language)));

    scr::logging::setConsoleEcho(false);
    const QString labDir =
        QFileInfo(parser.isSet(options.lab) ? parser.value(options.lab)
                                            : QDir::homePath() + QStringLiteral("/scr-lab"))
            .absoluteFilePath();
    // Refusals before the window shows: a damaged directory is never replaced by a new demo lab (only a
    // folder without org.sqlite gets one), and LabSession::open refuses a damaged directory or a lab whose
    // log cannot be written, naming the fix.
    bool showcase = false;
    if (!QFileInfo::exists(labDir + QStringLiteral("/org.sqlite"))) {
        auto made = scr::DemoLab::create(labDir, scr::SystemClock::instance());
        if (!made)
            return refuse(made.error());
        showcase = !parser.isSet(options.bare);
    }
    scr::logging::installQtMessageHandler();

    scr::ConsoleWindow window;
    scr::LabSession session(&window); // the lab's client; File > Open switches labs
    if (auto opened = session.open(labDir); !opened)
        return refuse(opened.error());
    window.show();
    applyOptions(window, parser, options, showcase);
    return QApplication::exec(); // then the session closes its lab cleanly
}
