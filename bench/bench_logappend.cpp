// Log append throughput: records made durable by group commits (LogStream::append + flush) against the
// same bytes written with write() + fdatasync() in the same batch sizes to one plain file, in the same run.
// Target: ratio >= 0.8 for every batch size.

#include "benchsupport.h"
#include "core/clock.h"
#include "store/logformat.h"
#include "store/logstream.h"

#include <fcntl.h>
#include <unistd.h>

#include <QTemporaryDir>

using namespace scr;

namespace {

constexpr int kPayload = 1024; // about one small message per record

double runOurs(const QString &dir, int batch, int commits)
{
    auto stream = LogStream::open(bench::tempDisk(), dir, QStringLiteral("E00"), SystemClock::instance());
    if (!stream) {
        std::fprintf(stderr, "%s\n", qPrintable(stream.error().toString()));
        std::exit(1);
    }
    const QByteArray payload(kPayload, 'm');
    const auto start = std::chrono::steady_clock::now();
    for (int c = 0; c < commits; ++c) {
        for (int r = 0; r < batch; ++r)
            if (!(*stream)->append(RecordType::DeliverMessage, payload, c))
                std::exit(1);
        if (!(*stream)->flush())
            std::exit(1);
    }
    return bench::seconds(start);
}

double runBaseline(const QString &dir, int batch, int commits)
{
    const QByteArray path = (dir + QStringLiteral("/plain.bin")).toLocal8Bit();
    const int fd = ::open(path.constData(), O_WRONLY | O_CREAT | O_TRUNC | O_APPEND, 0644);
    const std::vector<char> bytes(static_cast<size_t>(encodedRecordSize(kPayload) * batch), 'm');
    const auto start = std::chrono::steady_clock::now();
    for (int c = 0; c < commits; ++c) {
        if (::write(fd, bytes.data(), bytes.size()) != static_cast<ssize_t>(bytes.size()) ||
            ::fdatasync(fd) != 0)
            std::exit(1);
    }
    const double s = bench::seconds(start);
    ::close(fd);
    return s;
}

} // namespace

int main(int argc, char **argv)
{
    const bench::Size size = bench::parseSize(argc, argv);
    const int reps = size == bench::Size::Smoke ? 1 : 3;
    const double recordBytes = static_cast<double>(encodedRecordSize(kPayload));
    for (int batch : {1, 8, 64}) {
        // Enough commits to roll over several generations in the larger batches.
        const int commits = size == bench::Size::Full    ? 6000 / batch * 8
                            : size == bench::Size::Quick ? 1600 / batch * 8 / 4 + 50
                                                         : 20;
        std::vector<double> ours, base;
        for (int rep = 0; rep < reps; ++rep) { // interleaved, so drift of the disk hits both alike
            QTemporaryDir a, b;
            base.push_back(runBaseline(b.path(), batch, commits));
            ours.push_back(runOurs(a.path(), batch, commits));
        }
        const double records = static_cast<double>(batch) * commits;
        const double oursRate = records / bench::median(ours);
        const double baseRate = records / bench::median(base);
        const std::string tag = "batch" + std::to_string(batch);
        bench::figure("log_append_records_per_s_" + tag, oursRate, "records/s");
        bench::figure("log_append_logs_per_s_" + tag, oursRate * recordBytes / kLogFileSize, "logs/s");
        bench::figure("baseline_write_fdatasync_records_per_s_" + tag, baseRate, "records/s");
        bench::ratio("log_append_vs_write_fdatasync_" + tag, oursRate / baseRate);
    }
    bench::figure("peak_memory", bench::peakMemoryMiB(), "MiB");
    return 0;
}
