// The console at scale (issue 12): the scale lab (DemoLab::createSized, `scr-shell --new-demo DIR --servers
// N`: 100 mailbox servers, 400 storage groups, 800 SCR copies; --quick: 20 servers; --smoke: 4), opened as
// scr-console opens it: a LocalLabClient (the lab on a thread of its own) and a ConsoleWindow (offscreen)
// attached to it,
// mail flowing into every database (--rate messages a minute each, 1 by default, of 100 KB: 400 a minute
// in all at 100 servers; more and a tick's single steps take seconds) and the
// simulation running at full speed (86400x) for --seconds of real time (30; --quick 10; --smoke 3).
//
// Figures, on the GUI thread unless said:
//   refresh_ms      the time the window takes to draw a snapshot, its health judged (the models'
//                   setSnapshot, the history, the clock, the alerts): one per worker tick while running;
//                   p50, p99, max
//   latency_ms      the event loop's latency: a 10 ms precise timer, latency = its real interval - 10 ms; p99
//   peak_rss_mib    the process's peak resident memory (the labs are made in child processes, so it is the
//                   console's: window, models, worker and lab)
//   worker_snapshot_ms  LabWorker::snapshot() (it runs after every tick), measured on the lab after the
//                   run, the console closed, 20 calls; p50, max
//   lab_create_s, lab_disk_mib  the scale lab's creation (real time) and its real disk (blocks) when made
// BENCH_CONSOLE_PROFILE=N prints, after the run, N timings of the parts of a refresh ("profile" lines).
// The baseline, measured in the same run: the same on the demo lab (6 databases, 4 servers) with an SCR copy
// of each storage group (MBX1's on MBX3, MBX2's on MBX4). Ratios are scale / baseline.
//
// Targets (issue 12): refresh p99 < 16 ms, event-loop latency p99 < 50 ms, peak RSS < 300 MiB. Full and
// --quick exit 1 when a target is missed; --smoke (ctest, on a shared machine) only reports them. Any product
// error (a lab not made or opened, a command that failed) exits 1.

#include "benchsupport.h"
#include "client/locallabclient.h"
#include "consolewindow.h"
#include "core/clock.h"
#include "ems/shellsession.h"
#include "lab/demolab.h"
#include "lab/labworker.h"
#include "models/copystatusmodel.h"
#include "models/databaselistmodel.h"
#include "models/mailboxmodel.h"
#include "models/organizationmodel.h"

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <functional>
#include <memory>

#include <QApplication>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>

using namespace scr;

namespace {

struct Options
{
    bench::Size size = bench::Size::Full;
    int servers = 100;
    double seconds = 30;
    int messagesPerMinute = 1; // per database
};

Options parseOptions(int argc, char **argv)
{
    Options o;
    o.size = bench::parseSize(argc, argv);
    o.servers = o.size == bench::Size::Full ? 100 : o.size == bench::Size::Quick ? 20 : 4;
    o.seconds = o.size == bench::Size::Full ? 30 : o.size == bench::Size::Quick ? 10 : 3;
    for (int i = 1; i + 1 < argc; ++i) {
        const std::string a = argv[i];
        if (a == "--servers")
            o.servers = std::atoi(argv[i + 1]);
        else if (a == "--seconds")
            o.seconds = std::atof(argv[i + 1]);
        else if (a == "--rate")
            o.messagesPerMinute = std::atoi(argv[i + 1]);
    }
    return o;
}

[[noreturn]] void fail(const QString &what)
{
    std::fprintf(stderr, "bench_console: %s\n", qPrintable(what));
    std::exit(1);
}

double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    const auto i = static_cast<std::size_t>(p * static_cast<double>(v.size() - 1) + 0.5);
    return v[std::min(i, v.size() - 1)];
}

double maxOf(const std::vector<double> &v)
{
    return v.empty() ? 0 : *std::max_element(v.begin(), v.end());
}

// Real disk under a folder: blocks, not file lengths (the logs are sparse).
double realMiB(const QString &folder)
{
    qint64 bytes = 0;
    QDirIterator it(folder, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        struct stat st
        {};
        if (::lstat(QFile::encodeName(it.next()).constData(), &st) == 0)
            bytes += static_cast<qint64>(st.st_blocks) * 512;
    }
    return static_cast<double>(bytes) / (1024.0 * 1024.0);
}

// Makes a lab in a child process, so that what creating it costs in memory is not the console's peak.
void makeLab(const std::function<bool()> &create, const char *what)
{
    std::fflush(stdout);
    const pid_t child = ::fork();
    if (child < 0)
        fail(QStringLiteral("fork failed"));
    if (child == 0)
        ::_exit(create() ? 0 : 1);
    int status = 0;
    if (::waitpid(child, &status, 0) != child || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
        fail(QStringLiteral("could not create the %1").arg(QString::fromLatin1(what)));
}

// Runs the event loop until done() or timeoutMs; false on timeout.
bool spinUntil(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    while (!done()) {
        if (t.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    }
    return true;
}

struct Measures
{
    std::vector<double> refreshMs; // while running
    std::vector<double> latencyMs;
    std::vector<double> workerSnapshotMs;
    int copies = 0;
    int databases = 0;
    double achievedSpeed = 0;
    double peakRssMiB = 0;
};

// The console on labDir, as scr-console runs it, for seconds of real time at 86400x with mail flowing.
Measures runConsole(const QString &labDir, double seconds, int messagesPerMinute)
{
    Measures r;
    {
        LocalLabClient client(labDir);
        ConsoleWindow window;
        bool opened = false, openFailed = false;
        QString openError;
        QObject::connect(&client, &LabClient::opened, &window, [&](bool ok, const QString &error) {
            opened = ok;
            openFailed = !ok;
            openError = error;
        });
        int snapshots = 0;
        bool measuring = false;
        QObject::connect(&client, &LabClient::speedMeasured, &window, [&](double, double achieved) {
            r.achievedSpeed = achieved > 0 ? achieved : r.achievedSpeed;
        });
        std::map<qint64, std::pair<bool, QString>> finished;
        QObject::connect(&client, &LabClient::scriptFinished, &window,
                         [&](qint64 id, const ems::ScriptOutput &out) {
                             finished[id] = {out.ok, out.errorText()};
                         });
        // The window's drawing of a snapshot, timed: from the client's snapshotReady (this connection comes
        // before the window's) to the end of the health report it sends after it (this one comes after).
        std::chrono::steady_clock::time_point received;
        QObject::connect(&client, &LabClient::snapshotReady, &window,
                         [&] { received = std::chrono::steady_clock::now(); });
        window.attach(&client);
        QObject::connect(&client, &LabClient::healthJudged, &window, [&] {
            const double ms = bench::seconds(received) * 1000;
            ++snapshots;
            if (measuring && window.snapshot().running)
                r.refreshMs.push_back(ms);
        });
        window.resize(1280, 800);
        window.show();
        if (!spinUntil([&] { return (opened && snapshots > 0) || openFailed; }, 120000) || openFailed)
            fail(labDir + QStringLiteral(" did not open: ") + openError);

        QStringList flows;
        for (const StorageGroupSnapshot &sg : window.snapshot().storageGroups) {
            r.copies += static_cast<int>(sg.copies.size());
            for (const DatabaseSnapshot &db : sg.databases) {
                flows << QStringLiteral("Start-MailFlow %1\\%2 -MessagesPerMinute %3")
                             .arg(sg.record.identity(), db.record.name)
                             .arg(messagesPerMinute);
                ++r.databases;
            }
        }
        const qint64 id = window.runCommand(flows.join(QLatin1Char('\n')), true);
        if (!spinUntil([&] { return finished.count(id) > 0; }, 120000))
            fail(QStringLiteral("Start-MailFlow did not finish"));
        if (!finished[id].first)
            fail(QStringLiteral("Start-MailFlow failed: ") + finished[id].second);

        // The event loop's latency: a 10 ms precise timer's real intervals.
        QTimer probe;
        probe.setTimerType(Qt::PreciseTimer);
        probe.setInterval(10);
        std::chrono::steady_clock::time_point last{};
        QObject::connect(&probe, &QTimer::timeout, [&] {
            const auto now = std::chrono::steady_clock::now();
            if (measuring && last != std::chrono::steady_clock::time_point{})
                r.latencyMs.push_back(
                    std::max(0.0, std::chrono::duration<double, std::milli>(now - last).count() - 10));
            last = now;
        });
        probe.start();
        window.setSpeed(86400);
        window.setRunning(true);
        measuring = true;
        QEventLoop loop;
        QTimer::singleShot(static_cast<int>(seconds * 1000), &loop, &QEventLoop::quit);
        loop.exec();
        measuring = false;
        probe.stop();
        window.setRunning(false);
        if (!spinUntil([&] { return !window.snapshot().running; }, 60000))
            fail(QStringLiteral("the simulation did not pause"));

        if (qEnvironmentVariableIsSet("BENCH_CONSOLE_PROFILE")) {
            LabSnapshot s = window.snapshot();
            const auto bump = [&s](int k) {
                s.nowMs += 1000;
                for (StorageGroupSnapshot &sg : s.storageGroups)
                    for (CopySnapshot &c : sg.copies)
                        c.status.lastLogGenerated += static_cast<uint32_t>(k);
            };
            const auto timeIt = [](const char *what, const std::function<void()> &f) {
                const auto t0 = std::chrono::steady_clock::now();
                f();
                std::printf("profile %s %.3f ms\n", what, bench::seconds(t0) * 1000);
            };
            for (int k = 1; k <= qEnvironmentVariableIntValue("BENCH_CONSOLE_PROFILE"); ++k) {
                bump(k);
                timeIt("organization.setSnapshot", [&] { window.organization()->setSnapshot(s); });
                timeIt("copyStatus.setSnapshot", [&] { window.copyStatus()->setSnapshot(s); });
                bump(k);
                timeIt("showSnapshot", [&] { window.showSnapshot(s); });
                timeIt("mailboxes.setSnapshot", [&] { window.mailboxes()->setSnapshot(s); });
                timeIt("databaseList.setSnapshot", [&] { window.databaseList()->setSnapshot(s); });
                OrganizationModel alone;
                timeIt("organization(alone).setSnapshot", [&] { alone.setSnapshot(s); });
                timeIt("organization(alone).setSnapshot again", [&] { alone.setSnapshot(s); });
                timeIt("allCopies", [&] { (void)s.allCopies(); });
                QCoreApplication::processEvents();
            }
        }
        r.peakRssMiB = bench::peakMemoryMiB();
    } // the console closes, and with it the lab
    // LabWorker::snapshot(), as every tick calls it, on the lab the console ran (its figures read once).
    LabWorker worker(labDir);
    worker.open();
    (void)worker.snapshot();
    for (int i = 0; i < 20; ++i) {
        const auto t0 = std::chrono::steady_clock::now();
        const LabSnapshot s = worker.snapshot();
        r.workerSnapshotMs.push_back(bench::seconds(t0) * 1000);
    }
    return r;
}

} // namespace

int main(int argc, char **argv)
{
    const Options o = parseOptions(argc, argv);
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QTemporaryDir dir(QDir::tempPath() + QStringLiteral("/bench_console-XXXXXX"));
    if (!dir.isValid())
        fail(QStringLiteral("cannot make a temporary folder in ") + QDir::tempPath());
    const QString demoDir = dir.filePath(QStringLiteral("demo"));
    const QString scaleDir = dir.filePath(QStringLiteral("scale"));

    // Both labs first, each in a child process, before the application (and its threads) exist.
    // The baseline: the demo lab with an SCR copy of each storage group.
    makeLab(
        [&] {
            if (!DemoLab::create(demoDir, SystemClock::instance()))
                return false;
            ShellSession session(demoDir);
            if (!session.open())
                return false;
            QStringList enable;
            for (int sg = 1; sg <= 3; ++sg)
                enable << QStringLiteral("Enable-StorageGroupCopy MBX1\\SG%1 -StandbyMachine MBX3").arg(sg)
                       << QStringLiteral("Enable-StorageGroupCopy MBX2\\SG%1 -StandbyMachine MBX4").arg(sg);
            return session.run(enable.join(QLatin1Char('\n')), ems::ScriptMode::StopAtFirstError).ok;
        },
        "demo lab");
    const auto made = std::chrono::steady_clock::now();
    makeLab([&] { return DemoLab::createSized(scaleDir, o.servers, SystemClock::instance()).hasValue(); },
            "scale lab");
    const double createS = bench::seconds(made);

    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true); // the window's saved layout goes to a test location
    const double scaleMiB = realMiB(scaleDir);

    const Measures base = runConsole(demoDir, o.seconds, o.messagesPerMinute);
    const Measures scale = runConsole(scaleDir, o.seconds, o.messagesPerMinute);

    std::printf("lab servers=%d databases=%d copies=%d (baseline: databases=%d copies=%d) seconds=%g\n",
                o.servers, scale.databases, scale.copies, base.databases, base.copies, o.seconds);
    bench::figure("lab_create_s", createS, "s");
    bench::figure("lab_disk_mib", scaleMiB, "MiB");
    bench::figure("ticks_while_running", static_cast<double>(scale.refreshMs.size()), "snapshots");
    bench::figure("achieved_speed", scale.achievedSpeed, "x");
    bench::figure("baseline_achieved_speed", base.achievedSpeed, "x");
    const double refreshP99 = percentile(scale.refreshMs, 0.99);
    const double latencyP99 = percentile(scale.latencyMs, 0.99);
    bench::figure("refresh_p50_ms", percentile(scale.refreshMs, 0.5), "ms");
    bench::figure("refresh_p99_ms", refreshP99, "ms");
    bench::figure("refresh_max_ms", maxOf(scale.refreshMs), "ms");
    bench::figure("baseline_refresh_p99_ms", percentile(base.refreshMs, 0.99), "ms");
    bench::figure("latency_p50_ms", percentile(scale.latencyMs, 0.5), "ms");
    bench::figure("latency_p99_ms", latencyP99, "ms");
    bench::figure("latency_max_ms", maxOf(scale.latencyMs), "ms");
    bench::figure("baseline_latency_p99_ms", percentile(base.latencyMs, 0.99), "ms");
    bench::figure("worker_snapshot_p50_ms", percentile(scale.workerSnapshotMs, 0.5), "ms");
    bench::figure("worker_snapshot_max_ms", maxOf(scale.workerSnapshotMs), "ms");
    bench::figure("baseline_worker_snapshot_p50_ms", percentile(base.workerSnapshotMs, 0.5), "ms");
    bench::figure("peak_rss_mib", scale.peakRssMiB, "MiB");
    bench::figure("baseline_peak_rss_mib", base.peakRssMiB, "MiB");
    const auto safeRatio = [](double a, double b) { return b > 0 ? a / b : 0; };
    bench::ratio("refresh_p99", safeRatio(refreshP99, percentile(base.refreshMs, 0.99)));
    bench::ratio("latency_p99", safeRatio(latencyP99, percentile(base.latencyMs, 0.99)));
    bench::ratio("worker_snapshot_p50",
                 safeRatio(percentile(scale.workerSnapshotMs, 0.5), percentile(base.workerSnapshotMs, 0.5)));
    bench::ratio("peak_rss", safeRatio(scale.peakRssMiB, base.peakRssMiB));
    bench::target("refresh_p99_ms", refreshP99, "<", 16, "ms");
    bench::target("latency_p99_ms", latencyP99, "<", 50, "ms");
    bench::target("peak_rss_mib", scale.peakRssMiB, "<", 300, "MiB");
    const bool met = refreshP99 < 16 && latencyP99 < 50 && scale.peakRssMiB < 300;
    if (scale.refreshMs.empty())
        fail(QStringLiteral("no snapshot came while the simulation ran"));
    return met || o.size == bench::Size::Smoke ? 0 : 1;
}
