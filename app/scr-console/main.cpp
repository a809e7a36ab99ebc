// scr-console: the SCR Console, the graphical face. Wiring only: the lab's worker on its own thread, the
// window on the GUI thread, talking by queued signals. With no --lab it opens ~/scr-lab, creating the demo
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

} // namespace

int main(int argc, char **argv)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "SCR Console: Standby Continuous Replication for Exchange Server 2007 SP1, on a lab."));
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption versionOption = parser.addVersionOption();
    const QCommandLineOption labOption(
        QStringLiteral("lab"),
        QStringLiteral("The lab folder (default ~/scr-lab, made as the demo lab "
                       "when it does not exist)."),
        QStringLiteral("DIR"));
    const QCommandLineOption bareOption(
        QStringLiteral("bare"),
        QStringLiteral("When the lab is made on this run: leave it the bare demo lab (no SCR copies, no "
                       "mail), as scr-shell --new-demo makes it, instead of the showcase."));
    const QCommandLineOption runOption(QStringLiteral("run"),
                                       QStringLiteral("Start the simulation running."));
    const QCommandLineOption speedOption(
        QStringLiteral("speed"), QStringLiteral("The virtual clock's speed, 1 to 86400 (default 60)."),
        QStringLiteral("FACTOR"));
    const QCommandLineOption selectOption(
        QStringLiteral("select"),
        QStringLiteral(
            "Select KEY in the tree once it exists, e.g. copy:MBX1\\SG1>MBX3 or db:MBX1\\SG1\\DB1."),
        QStringLiteral("KEY"));
    const QCommandLineOption commandOption(
        QStringLiteral("c"), QStringLiteral("Run COMMANDS (scr-shell syntax) once the lab is open."),
        QStringLiteral("COMMANDS"));
    const QCommandLineOption screenshotOption(
        QStringLiteral("screenshot"),
        QStringLiteral("Save a picture of the window to FILE after a few seconds, then quit."),
        QStringLiteral("FILE"));
    const QCommandLineOption afterOption(QStringLiteral("screenshot-after"),
                                         QStringLiteral("Seconds before the screenshot (default 6)."),
                                         QStringLiteral("SECONDS"));
    const QCommandLineOption propertiesOption(
        QStringLiteral("properties"),
        QStringLiteral("Open the Properties of the --select'ed item once it is shown (as Alt+Enter does)."));
    const QCommandLineOption languageOption(
        QStringLiteral("language"),
        QStringLiteral("The console's language: en or de (default: the system locale's, as LANGUAGE and LANG "
                       "say; English when it is neither). The shell keeps EMS's English."),
        QStringLiteral("LANG"));
    parser.addOptions({labOption, bareOption, runOption, speedOption, selectOption, commandOption,
                       screenshotOption, afterOption, propertiesOption, languageOption});
    // --help and --version print and exit without a display: they are answered before the QApplication
    // (which needs one) exists, under a QCoreApplication. The arguments are read again below, once the
    // QApplication has taken its own (-platform, -style) out of them.
    {
        QStringList arguments;
        for (int i = 0; i < argc; ++i)
            arguments << QString::fromLocal8Bit(argv[i]);
        const bool parsed = parser.parse(arguments); // with a display, process() below reports errors
        if (parser.isSet(helpOption) || parser.isSet(versionOption)) {
            QCoreApplication core(argc, argv);
            setNames();
            if (parser.isSet(versionOption))
                parser.showVersion(); // exits 0
            parser.showHelp(0);
        }
        // Without a display a QApplication aborts: say why, and what to run instead, and exit 1. (With one,
        // Qt's own options such as -platform are taken out by the QApplication before process() below.)
        if (qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY") &&
            qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
            if (!parsed)
                std::fprintf(stderr, "scr-console: %s\nTry scr-console --help.\n",
                             qPrintable(parser.errorText()));
            else
                std::fprintf(stderr,
                             "scr-console: no display (DISPLAY and WAYLAND_DISPLAY are unset). Run it "
                             "under X11 or Wayland, under xvfb-run, with QT_QPA_PLATFORM=offscreen, or "
                             "use scr-shell --lab DIR.\n");
            return 1;
        }
    }
    QApplication app(argc, argv);
    setNames();
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/scr-console.svg")));
    parser.process(app);
    // The language before the first window: German when the locale asks for it, --language en forces English.
    if (parser.isSet(languageOption) && !scr::availableLanguages().contains(parser.value(languageOption))) {
        std::fprintf(stderr, "scr-console: --language %s: the console speaks %s.\n",
                     qPrintable(parser.value(languageOption)),
                     qPrintable(scr::availableLanguages().join(QStringLiteral(", "))));
        return 1;
    }
    scr::installLanguage(scr::chooseLanguage(parser.value(languageOption)));

    scr::logging::setConsoleEcho(false);
    const QString labDir = QFileInfo(parser.isSet(labOption) ? parser.value(labOption)
                                                             : QDir::homePath() + QStringLiteral("/scr-lab"))
                               .absoluteFilePath();
    // Refusals before the window shows: a damaged directory is never replaced by a new demo lab (only a
    // folder without org.sqlite gets one), and LabSession::open refuses a damaged directory or a lab whose
    // log cannot be written, naming the fix. Each is also printed, for a console started from a shell.
    const auto refuse = [](const scr::Error &error) {
        // The error names files of the lab, which is untrusted: escaped before it reaches a terminal.
        std::fprintf(stderr, "%s\n", qPrintable(scr::escapeControls(error.toString())));
        QMessageBox::critical(nullptr, QStringLiteral("SCR Console"), error.toString());
        return 2;
    };
    bool showcase = false;
    if (!QFileInfo::exists(labDir + QStringLiteral("/org.sqlite"))) {
        auto made = scr::DemoLab::create(labDir, scr::SystemClock::instance());
        if (!made)
            return refuse(made.error());
        showcase = !parser.isSet(bareOption);
    }
    scr::logging::installQtMessageHandler();

    scr::ConsoleWindow window;
    scr::LabSession session(&window); // the lab's worker on its own thread; File > Open switches labs
    if (auto opened = session.open(labDir); !opened)
        return refuse(opened.error());
    window.show();
    if (parser.isSet(speedOption))
        window.setSpeed(parser.value(speedOption).toDouble());
    if (parser.isSet(selectOption))
        window.selectWhenShown(parser.value(selectOption));
    if (showcase) {
        // Queued before anything else: the worker runs it first, the window shows the lab filling.
        QFile script(QStringLiteral(":/examples/showcase.ps1"));
        if (script.open(QIODevice::ReadOnly | QIODevice::Text)) {
            window.runCommand(QString::fromUtf8(script.readAll()));
            if (!parser.isSet(speedOption))
                window.setSpeed(60);
            window.setRunning(true);
        }
    }
    if (parser.isSet(commandOption))
        window.runCommand(parser.value(commandOption));
    if (parser.isSet(runOption))
        window.setRunning(true);
    if (parser.isSet(propertiesOption) && parser.isSet(selectOption)) {
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
    if (parser.isSet(screenshotOption)) {
        const QString file = parser.value(screenshotOption);
        const int after = parser.isSet(afterOption) ? parser.value(afterOption).toInt() : 6;
        const bool wholeScreen = parser.isSet(propertiesOption); // the sheet is a window of its own
        QTimer::singleShot(after * 1000, &window, [&window, file, wholeScreen] {
            if (wholeScreen)
                QGuiApplication::primaryScreen()->grabWindow(0).save(file);
            else
                window.grab().save(file);
            QApplication::quit();
        });
    }
    return QApplication::exec(); // then the session ends its worker's thread: the lab closes cleanly
}
