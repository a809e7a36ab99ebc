// Shipping: the SCR copier + inspector moving N closed generations (2,000 in the full run) from one host's
// log folder to another's, against reading each file, writing it and fsyncing it (what cp + fsync does), in
// the same run. Target: ratio >= 0.7.

#include "benchsupport.h"
#include "core/clock.h"
#include "core/fileio.h"
#include "replication/copyworker.h"
#include "store/logstream.h"

#include <fcntl.h>
#include <unistd.h>

#include <QDir>
#include <QTemporaryDir>

using namespace scr;

namespace {

// Fills folder with `generations` closed logs (plus E00.log), each full of 64 KiB records.
void makeLogs(const QString &folder, uint32_t generations)
{
    auto stream = LogStream::open(bench::tempDisk(), folder, QStringLiteral("E00"), SystemClock::instance());
    if (!stream)
        std::exit(1);
    const QByteArray payload(64 * 1024 - 64, 'x');
    while ((*stream)->generation() <= generations) {
        if (!(*stream)->append(RecordType::DeleteMessage, payload, 1))
            std::exit(1);
        if ((*stream)->pendingBytes() >= 900 * 1024 && !(*stream)->flush())
            std::exit(1);
    }
    if (!(*stream)->flush())
        std::exit(1);
}

double copyWithFsync(const QString &from, const QString &to, uint32_t generations)
{
    QDir().mkpath(to);
    std::vector<char> buffer(static_cast<size_t>(kLogFileSize));
    const auto start = std::chrono::steady_clock::now();
    for (uint32_t g = 1; g <= generations; ++g) {
        const QByteArray src =
            (from + QLatin1Char('/') + logFileName(QStringLiteral("E00"), g)).toLocal8Bit();
        const QByteArray dst = (to + QLatin1Char('/') + logFileName(QStringLiteral("E00"), g)).toLocal8Bit();
        const int in = ::open(src.constData(), O_RDONLY);
        const int out = ::open(dst.constData(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        const ssize_t n = ::read(in, buffer.data(), buffer.size());
        if (n <= 0 || ::write(out, buffer.data(), static_cast<size_t>(n)) != n || ::fsync(out) != 0)
            std::exit(1);
        ::close(in);
        ::close(out);
    }
    return bench::seconds(start);
}

double ship(const QString &from, const QString &root, uint32_t generations)
{
    CopyConfig config;
    config.sourceDisk = config.targetDisk = bench::tempDisk();
    config.identity = QStringLiteral("MBX1\\SG1");
    config.standbyMachine = QStringLiteral("MBX3");
    config.sourceLogFolder = from;
    config.targetLogFolder = root + QStringLiteral("/Logs");
    config.targetEdbPath = root + QStringLiteral("/DB1.edb");
    config.databaseGuid = QUuid::createUuid();
    config.replayLagMs = 7LL * 24 * 3600 * 1000; // ship only: nothing is old enough to replay
    const auto start = std::chrono::steady_clock::now();
    CopyWorker worker(config, SystemClock::instance(), {});
    while (worker.status().lastLogInspected < generations) {
        worker.runCycle();
        if (worker.status().failed) {
            std::fprintf(stderr, "%s\n", qPrintable(worker.status().failedMessage));
            std::exit(1);
        }
    }
    return bench::seconds(start);
}

} // namespace

int main(int argc, char **argv)
{
    const bench::Size size = bench::parseSize(argc, argv);
    const uint32_t generations = size == bench::Size::Full ? 2000 : size == bench::Size::Quick ? 200 : 5;
    QTemporaryDir dir;
    const QString source = dir.filePath(QStringLiteral("MBX1/Logs"));
    makeLogs(source, generations);
    std::vector<double> ours, base;
    const int reps = size == bench::Size::Full    ? 3
                     : size == bench::Size::Quick ? 5
                                                  : 1; // fsync times vary a lot here
    for (int rep = 0; rep < reps; ++rep) {
        const QString b = dir.filePath(QStringLiteral("cp%1").arg(rep));
        const QString o = dir.filePath(QStringLiteral("scr%1").arg(rep));
        base.push_back(copyWithFsync(source, b, generations));
        ours.push_back(ship(source, o, generations));
        QDir(b).removeRecursively();
        QDir(o).removeRecursively();
    }
    const double oursS = bench::median(ours), baseS = bench::median(base);
    bench::figure("shipping_generations", generations, "logs");
    bench::figure("shipping_logs_per_s", generations / oursS, "logs/s");
    bench::figure("baseline_cp_fsync_logs_per_s", generations / baseS, "logs/s");
    bench::ratio("shipping_vs_cp_fsync", baseS / oursS);
    bench::figure("peak_memory", bench::peakMemoryMiB(), "MiB");
    return 0;
}
