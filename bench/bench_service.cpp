// The replication service of one standby machine, against stated budgets (there is no baseline to divide by,
// so it prints figures and "target" lines, not ratios):
//  - idle: 200 SCR copies with nothing new to copy; CPU per cycle, as a share of one core at the service's
//    one-second cycle. Budget: under 2% of one core.
//  - steady: mail flow producing 20 logs/s summed over 10 storage groups, each with a copy on this machine
//    (ReplayLagTime 0: copy, inspect, replay, truncate). Budget: the service keeps up in real time, that is
//    it spends less than a second per virtual second. It also asserts that every copy's queues stayed
//    bounded (copy queue, and replay queue beyond SCR's fixed 50-log lag): exit 1 otherwise, as on any
//    copy failure.

#include "benchsupport.h"
#include "replication/copyworker.h"
#include "replication/replicationservice.h"
#include "sim/mailflow.h"
#include "sim/virtualclock.h"
#include "store/logstream.h"
#include "store/mounteddatabase.h"

#include <QTemporaryDir>

using namespace scr;

namespace {

double cpuSeconds()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
           static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

CopyConfig configFor(const QString &root, int i, const QUuid &guid, qint64 replayLagMs)
{
    CopyConfig c;
    c.sourceDisk = c.targetDisk = bench::tempDisk();
    c.identity = QStringLiteral("SRC%1\\SG1").arg(i);
    c.standbyMachine = QStringLiteral("MBX9");
    c.sourceLogFolder = root + QStringLiteral("/SRC%1/Logs").arg(i);
    c.targetLogFolder = root + QStringLiteral("/MBX9/Logs%1").arg(i);
    c.targetEdbPath = root + QStringLiteral("/MBX9/Data%1/DB.edb").arg(i);
    c.databaseGuid = guid;
    c.replayLagMs = replayLagMs;
    return c;
}

void idle(bench::Size size)
{
    const int copies = size == bench::Size::Smoke ? 10 : 200;
    const int cycles = size == bench::Size::Full ? 60 : size == bench::Size::Quick ? 20 : 3;
    QTemporaryDir dir;
    VirtualClock clock(1'750'000'000'000);
    const QByteArray payload(512 * 1024, 'x');
    for (int i = 0; i < copies; ++i) { // two closed generations in each source log folder
        auto stream = LogStream::open(bench::tempDisk(), dir.filePath(QStringLiteral("SRC%1/Logs").arg(i)),
                                      QStringLiteral("E00"), clock);
        while (stream && (*stream)->generation() < 3)
            (void)(*stream)->append(RecordType::DeleteMessage, payload, 1);
        if (!stream || !(*stream)->flush())
            std::exit(1);
    }
    ReplicationService service(QStringLiteral("MBX9"), clock);
    for (int i = 0; i < copies; ++i)
        service.addCopy(i, configFor(dir.path(), i, QUuid::createUuid(), 24 * 3600 * 1000));
    service.runCycle(); // copies what there is; from here on nothing is new
    const double before = cpuSeconds();
    for (int c = 0; c < cycles; ++c) {
        clock.advance(1000);
        service.runCycle();
    }
    const double perCycle = (cpuSeconds() - before) / cycles;
    const double percent = perCycle / 1.0 * 100.0; // one cycle a second
    bench::figure("idle_copies", copies, "copies");
    bench::figure("idle_cpu_per_cycle", perCycle * 1000.0, "ms");
    bench::figure("idle_cpu_percent_of_one_core", percent, "%");
    bench::target("idle_cpu_percent_of_one_core", percent, "<", 2, "%");
}

void steady(bench::Size size)
{
    constexpr int kGroups = 10;
    const int seconds = size == bench::Size::Full ? 60 : size == bench::Size::Quick ? 30 : 3;
    QTemporaryDir dir;
    VirtualClock clock(1'750'000'000'000);
    std::vector<std::unique_ptr<MountedDatabase>> dbs;
    std::vector<std::unique_ptr<MailFlow>> flows;
    ReplicationService service(QStringLiteral("MBX9"), clock);
    for (int i = 0; i < kGroups; ++i) {
        StoragePaths p{.disk = bench::tempDisk(),
                       .prefix = QStringLiteral("E00"),
                       .logFolder = {},
                       .systemFolder = {},
                       .edbPath = {}};
        p.logFolder = p.systemFolder = dir.filePath(QStringLiteral("SRC%1/Logs").arg(i));
        p.edbPath = dir.filePath(QStringLiteral("SRC%1/Data/DB.edb").arg(i));
        const QUuid guid = QUuid::createUuid(), mailbox = QUuid::createUuid();
        auto db = MountedDatabase::mount(p, guid, QStringLiteral("DB"), clock);
        if (!db || !(*db)->createMailbox({mailbox, QStringLiteral("User")}))
            std::exit(1);
        flows.push_back(std::make_unique<MailFlow>(**db, std::vector<QUuid>{mailbox}, i, clock.nowMs()));
        flows.back()->setRate(20 * 60);           // 20 messages a second...
        flows.back()->setMessageSize(100 * 1024); // ...of 100 KB: two logs a second per storage group
        dbs.push_back(std::move(*db));
        service.addCopy(i, configFor(dir.path(), i, guid, 0));
    }
    // Warm up past the first 50 logs so replay and truncation run too.
    const int warmup = size == bench::Size::Smoke ? 3 : 40;
    for (int s = 0; s < warmup; ++s) {
        clock.advance(1000);
        for (auto &f : flows)
            (void)f->deliverDue(clock.nowMs());
        service.runCycle();
    }
    uint32_t copiedBefore = 0, replayedBefore = 0;
    for (const CopyStatus &st : service.statuses()) {
        copiedBefore += st.lastLogCopied;
        replayedBefore += st.lastLogReplayed;
    }
    // Bounded queues: each cycle the service copies what is new (two logs a second per group), and replay
    // follows SCR's fixed lag of 50 logs; a few logs of slack for a roll-over that falls after the copier.
    constexpr qint64 kCopyQueueBound = 4 * 2;
    constexpr qint64 kReplayQueueBound = CopyWorker::kReplayLagGenerations + 4 * 2;
    qint64 maxCopyQueue = 0, maxReplayQueue = 0;
    double serviceSeconds = 0;
    for (int s = 0; s < seconds; ++s) {
        clock.advance(1000);
        for (auto &f : flows)
            (void)f->deliverDue(clock.nowMs());
        const auto start = std::chrono::steady_clock::now();
        service.runCycle();
        serviceSeconds += bench::seconds(start);
        for (const CopyStatus &st : service.statuses()) {
            maxCopyQueue = std::max(maxCopyQueue, st.copyQueueLength());
            maxReplayQueue = std::max(maxReplayQueue, st.replayQueueLength());
        }
    }
    uint32_t copied = 0, replayed = 0;
    bool failed = false;
    for (const CopyStatus &st : service.statuses()) {
        copied += st.lastLogCopied;
        replayed += st.lastLogReplayed;
        failed = failed || st.failed;
    }
    if (failed) {
        std::fprintf(stderr, "bench_service: a copy failed\n");
        std::exit(1);
    }
    bench::figure("steady_offered_logs_per_s", (copied - copiedBefore) / double(seconds), "logs/s");
    bench::figure("steady_shipped_logs_per_service_s", (copied - copiedBefore) / serviceSeconds, "logs/s");
    bench::figure("steady_replayed_logs_per_service_s", (replayed - replayedBefore) / serviceSeconds,
                  "logs/s");
    bench::figure("steady_service_s_per_virtual_s", serviceSeconds / seconds, "s");
    bench::figure("steady_max_copy_queue", static_cast<double>(maxCopyQueue), "logs");
    bench::figure("steady_max_replay_queue", static_cast<double>(maxReplayQueue), "logs");
    bench::target("steady_service_s_per_virtual_s", serviceSeconds / seconds, "<", 1, "s");
    if (maxCopyQueue > kCopyQueueBound || maxReplayQueue > kReplayQueueBound) {
        std::fprintf(stderr,
                     "bench_service: the queues grew beyond their bounds: copy queue %lld (bound %lld), "
                     "replay queue %lld (bound %lld)\n",
                     static_cast<long long>(maxCopyQueue), static_cast<long long>(kCopyQueueBound),
                     static_cast<long long>(maxReplayQueue), static_cast<long long>(kReplayQueueBound));
        std::exit(1);
    }
}

} // namespace

int main(int argc, char **argv)
{
    const bench::Size size = bench::parseSize(argc, argv);
    idle(size);
    steady(size);
    bench::figure("peak_memory", bench::peakMemoryMiB(), "MiB");
    return 0;
}
