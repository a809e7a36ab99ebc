// Log append throughput: records made durable by group commits (LogStream::append + flush) against a plain
// loop with the product's own file discipline, in the same batch sizes, in the same run (issue 11, item 1).
// The baseline mirrors LogStream (prepareLogFile, flush, rollOver): 1 MiB log files, each made as a new temp
// file sized as the product sizes its logs (preallocated with posix_fallocate, or only set to 1 MiB when the
// product's logs are thin: probed from a new E00.log the product made in this run), a 512-byte header
// written and fdatasynced; records packed after it; each commit one pwrite of the batch's encoded records at
// its position and one fdatasync; at 1 MiB (logical) a roll-over as the power-loss harness made it: the
// closed log fdatasynced, the next file prepared and its folder fsynced, then two renames each followed by a
// folder fsync. The same bytes, files, sizes and syncs; what it lacks is the product's encoding, checksums
// and bookkeeping.
// Target (issue 10): ratio >= 0.9 for every batch size.

#include "benchsupport.h"
#include "core/clock.h"
#include "store/logformat.h"
#include "store/logstream.h"

#include <fcntl.h>
#include <sys/stat.h>
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

// True when the product makes its logs thin: a new, empty E00.log holds fewer real blocks than its length.
bool productLogsAreThin()
{
    QTemporaryDir dir;
    auto stream =
        LogStream::open(bench::tempDisk(), dir.path(), QStringLiteral("E00"), SystemClock::instance());
    if (!stream)
        std::exit(1);
    struct stat st
    {};
    const QByteArray open = (dir.path() + QStringLiteral("/E00.log")).toLocal8Bit();
    if (::stat(open.constData(), &st) != 0)
        std::exit(1);
    return static_cast<qint64>(st.st_blocks) * 512 < kLogFileSize;
}

// LogStream::prepareLogFile's discipline: a new file, sized, its header written and fdatasynced.
int prepareLog(const QByteArray &path, bool thin, const std::vector<char> &header)
{
    const int fd = ::open(path.constData(), O_RDWR | O_CREAT | O_EXCL, 0644);
    const bool sized =
        fd >= 0 && (thin ? ::ftruncate(fd, kLogFileSize) : ::posix_fallocate(fd, 0, kLogFileSize)) == 0;
    if (!sized || ::pwrite(fd, header.data(), header.size(), 0) != static_cast<ssize_t>(header.size()) ||
        ::fdatasync(fd) != 0)
        std::exit(1);
    return fd;
}

double runBaseline(const QString &dir, int batch, int commits, bool thin)
{
    const QByteArray folder = dir.toLocal8Bit();
    const QByteArray openPath = folder + "/E00.log", tempPath = folder + "/E00tmp.log";
    const std::vector<char> header(static_cast<size_t>(kStoredLogHeaderSize), 'h');
    const qint64 recordBytes = encodedRecordSize(kPayload);
    std::vector<char> pending;
    pending.reserve(static_cast<size_t>(recordBytes * batch));
    // The first log is made before the clock starts, as runOurs opens its stream before.
    const int dirFd = ::open(folder.constData(), O_RDONLY | O_DIRECTORY);
    int fd = prepareLog(tempPath, thin, header);
    if (dirFd < 0 || ::rename(tempPath.constData(), openPath.constData()) != 0 || ::fsync(dirFd) != 0)
        std::exit(1);
    const auto start = std::chrono::steady_clock::now();
    uint32_t generation = 1;
    // Logical offset (what rolls the generation) and file position (records are packed after the header).
    qint64 offset = kLogHeaderSize, pendingStart = kPackedRecordsStart;
    const auto flushFile = [&] {
        if (pending.empty())
            return;
        if (::pwrite(fd, pending.data(), pending.size(), pendingStart) !=
                static_cast<ssize_t>(pending.size()) ||
            ::fdatasync(fd) != 0)
            std::exit(1);
        pendingStart += static_cast<qint64>(pending.size());
        pending.clear();
    };
    for (int c = 0; c < commits; ++c) {
        for (int r = 0; r < batch; ++r) {
            if (offset + recordBytes > kLogFileSize) { // roll-over, as LogStream::rollOver
                flushFile();
                const int next = prepareLog(tempPath, thin, header);
                if (::fsync(dirFd) != 0)
                    std::exit(1);
                ::close(fd);
                const QByteArray closed =
                    folder + '/' + logFileName(QStringLiteral("E00"), generation++).toLocal8Bit();
                if (::rename(openPath.constData(), closed.constData()) != 0 || ::fsync(dirFd) != 0 ||
                    ::rename(tempPath.constData(), openPath.constData()) != 0 || ::fsync(dirFd) != 0)
                    std::exit(1);
                fd = next;
                offset = kLogHeaderSize;
                pendingStart = kPackedRecordsStart;
            }
            pending.insert(pending.end(), static_cast<size_t>(recordBytes), 'm');
            offset += recordBytes;
        }
        flushFile(); // the group commit
    }
    const double s = bench::seconds(start);
    ::close(fd);
    ::close(dirFd);
    return s;
}

} // namespace

int main(int argc, char **argv)
{
    const bench::Size size = bench::parseSize(argc, argv);
    const int reps = size == bench::Size::Smoke ? 1 : 3;
    const double recordBytes = static_cast<double>(encodedRecordSize(kPayload));
    const bool thin = productLogsAreThin();
    bench::figure("product_logs_thin", thin ? 1 : 0, "bool");
    for (int batch : {1, 8, 64}) {
        // Enough commits to roll over several generations in the larger batches.
        const int commits = size == bench::Size::Full    ? 6000 / batch * 8
                            : size == bench::Size::Quick ? 1600 / batch * 8 / 4 + 50
                                                         : 20;
        std::vector<double> ours, base;
        for (int rep = 0; rep < reps; ++rep) { // interleaved, so drift of the disk hits both alike
            QTemporaryDir a, b;
            base.push_back(runBaseline(b.path(), batch, commits, thin));
            ours.push_back(runOurs(a.path(), batch, commits));
        }
        const double records = static_cast<double>(batch) * commits;
        const double oursRate = records / bench::median(ours);
        const double baseRate = records / bench::median(base);
        const std::string tag = "batch" + std::to_string(batch);
        bench::figure("log_append_records_per_s_" + tag, oursRate, "records/s");
        bench::figure("log_append_logs_per_s_" + tag, oursRate * recordBytes / kLogFileSize, "logs/s");
        bench::figure("baseline_same_discipline_records_per_s_" + tag, baseRate, "records/s");
        bench::ratio("log_append_vs_same_discipline_" + tag, oursRate / baseRate);
    }
    bench::figure("peak_memory", bench::peakMemoryMiB(), "MiB");
    return 0;
}
