// Shipping: the SCR copier + inspector moving N closed generations (2,000 in the full run) from one host's
// log folder to another's, against a sparse-aware copy + fsync of the very files the product wrote, in the
// same run (issue 11, item 1): for each log only its data ranges (File::dataRanges: SEEK_DATA/SEEK_HOLE) are
// read and written, the copy gets the source's length (the rest stays a hole, as the product's copies keep
// holes), then fsync. The baseline neither inspects nor renames: that is the work the ratio prices.
// Target (issue 10): ratio >= 0.9.

#include "benchsupport.h"
#include "core/clock.h"
#include "core/fileio.h"
#include "replication/copyworker.h"
#include "store/logstream.h"
#include "store/records.h"

#include <fcntl.h>
#include <unistd.h>

#include <QDir>
#include <QTemporaryDir>

using namespace scr;

namespace {

// Fills folder with `generations` closed logs (plus E00.log) of mail as MailFlow writes it: messages of
// 100 KB whose bodies are described (about ten a generation, a few KiB stored per log).
void makeLogs(const QString &folder, uint32_t generations)
{
    auto stream = LogStream::open(bench::tempDisk(), folder, QStringLiteral("E00"), SystemClock::instance());
    if (!stream)
        std::exit(1);
    DeliverMessageRecord m;
    m.mailboxGuid = QUuid::createUuid();
    m.sender = QStringLiteral("user1@fabrikam.com");
    m.describedBodySize = 100 * 1024;
    for (qint64 n = 0; (*stream)->generation() <= generations; ++n) {
        m.internetMessageId = QStringLiteral("<bench%1@contoso.com>").arg(n);
        m.subject = QStringLiteral("Report %1").arg(n);
        m.bodySeed = static_cast<quint64>(n);
        if (!(*stream)->append(m.type(), m.encode(), 1, m.describedBodySize))
            std::exit(1);
        if (n % 10 == 9 && !(*stream)->flush())
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
        const QString name = logFileName(QStringLiteral("E00"), g);
        auto in = File::open(from + QLatin1Char('/') + name, File::Mode::ReadOnly);
        if (!in)
            std::exit(1);
        const auto ranges = in->dataRanges();
        const auto size = in->size();
        const QByteArray dst = (to + QLatin1Char('/') + name).toLocal8Bit();
        const int out = ::open(dst.constData(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (!ranges || !size || out < 0)
            std::exit(1);
        for (const auto &[begin, end] : *ranges) {
            const qint64 n = end - begin;
            if (n > static_cast<qint64>(buffer.size()) || !in->readAt(begin, buffer.data(), n) ||
                ::pwrite(out, buffer.data(), static_cast<size_t>(n), begin) != n)
                std::exit(1);
        }
        if (::ftruncate(out, *size) != 0 || ::fsync(out) != 0)
            std::exit(1);
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
    bench::figure("baseline_sparse_copy_fsync_logs_per_s", generations / baseS, "logs/s");
    bench::ratio("shipping_vs_sparse_copy_fsync", baseS / oursS);
    bench::figure("peak_memory", bench::peakMemoryMiB(), "MiB");
    return 0;
}
