// The whole lab at work, as the console runs it: the demo lab with mail flowing into every database (the
// console's default Start-MailFlow: 60 messages a minute of 100 KB, or --rate) and an SCR copy (no replay
// lag) of each storage group of MBX1 on MBX3, advanced on the virtual clock in the steps LabWorker::tick
// takes at the requested speed (--speed, 86400x by default) for a virtual day (--quick: two hours; --smoke:
// two minutes; --virtual-minutes N for another length).
//
// Every figure is counted from the files, not taken from the product's word: generations closed on a source
// are the highest E0n<gen>.log in its log folder; a copy's LastLogReplayed (Get-StorageGroupCopyStatus) is
// accepted only when it is no newer than the source's files and the copy's folder still holds every
// generation after it up to LastLogInspected (the logs it has not replayed yet; those it replayed may be
// truncated). Disk figures are real blocks (st_blocks * 512), not file lengths.
//
// End to end, each log counts once, at the end of its path: replayed on the copy for MBX1's storage groups,
// closed on the source for MBX2's (which have no copy).
//
// The baseline, measured in the same run on the same file system: a plain loop that, per log, creates a file
// of 1 MiB logical length holding as many real bytes as the lab's source logs hold on average (written at
// offset 0, the rest a hole), fdatasyncs it, and for the same share of logs as the lab ships copies it
// sparse-aware (SEEK_DATA/SEEK_HOLE) and fsyncs the copy: the bare I/O of the logs, without ESE, inspection
// or replay. It runs the lab's end-to-end count of logs, at most 2,000 (its rate is steady by then).
//
// Targets (issue 10; the bench reports them, it does not fail on them): >= 300 logs/s end to end, <= 16 KiB
// of real disk per 1 MiB log on source and copy, a virtual day in < 120 s real and < 1 GB of real disk, peak
// RSS < 200 MiB. It exits 1 on any product error (a failed command, step or copy, or a status the files
// contradict) and 2 when it refuses to start because the run would fill too much of the disk.

#include "benchsupport.h"
#include "cmdlets/storagegroupcopy.h"
#include "core/clock.h"
#include "ems/shellsession.h"
#include "lab/demolab.h"
#include "lab/lab.h"
#include "lab/labworker.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <cmath>
#include <cstdlib>
#include <map>
#include <set>

#include <QDir>
#include <QDirIterator>
#include <QRegularExpression>
#include <QTemporaryDir>

using namespace scr;

namespace {

constexpr qint64 kMinuteMs = 60 * 1000;
constexpr qint64 kDayMs = 24 * 60 * kMinuteMs;
constexpr qint64 kLogicalLogBytes = 1024 * 1024;

struct Options
{
    bench::Size size = bench::Size::Full;
    qint64 virtualMs = kDayMs;
    int messagesPerMinute = 60; // Start-MailFlow's default, which the console uses
    int messageKb = 100;
    double speed = 86400;  // the console's fastest: the step sizes its ticks take
    double maxDiskGb = 20; // the most real disk the run may project to use, besides a share of what is free
};

Options parseOptions(int argc, char **argv)
{
    Options o;
    o.size = bench::parseSize(argc, argv);
    o.virtualMs = o.size == bench::Size::Full    ? kDayMs
                  : o.size == bench::Size::Quick ? 2 * 60 * kMinuteMs
                                                 : 2 * kMinuteMs;
    for (int i = 1; i + 1 < argc; ++i) {
        const std::string a = argv[i];
        const double v = std::atof(argv[i + 1]);
        if (a == "--rate")
            o.messagesPerMinute = static_cast<int>(v);
        else if (a == "--size-kb")
            o.messageKb = static_cast<int>(v);
        else if (a == "--speed")
            o.speed = std::clamp(v, 1.0, 86400.0);
        else if (a == "--virtual-minutes")
            o.virtualMs = static_cast<qint64>(v * kMinuteMs);
        else if (a == "--max-disk-gb")
            o.maxDiskGb = v;
    }
    return o;
}

// The lab under test and its folder; fail() closes and removes both before it exits, so a failed run leaves
// no gigabytes behind.
struct Run
{
    std::unique_ptr<QTemporaryDir> dir;
    std::unique_ptr<ShellSession> session;
};
Run g_run;

void cleanUp()
{
    g_run.session.reset(); // closes the lab: flows stop, databases dismount
    g_run.dir.reset();     // removes the folder
}

[[noreturn]] void fail(const QString &why)
{
    std::fprintf(stderr, "bench_lab: %s\n", qPrintable(why));
    cleanUp();
    std::exit(1);
}

template <typename T> T valueOr(Result<T> r, const char *what)
{
    if (!r)
        fail(QString::fromLatin1(what) + QStringLiteral(": ") + r.error().toString());
    return std::move(*r);
}

void check(const Status &st, const char *what)
{
    if (!st)
        fail(QString::fromLatin1(what) + QStringLiteral(": ") + st.error().toString());
}

void run(const QString &script)
{
    const ems::ScriptOutput out = g_run.session->run(script, ems::ScriptMode::StopAtFirstError);
    if (!out.ok)
        fail(script + QStringLiteral(": ") + out.errors.join(QLatin1Char('\n')));
}

qint64 realBytes(const QString &path)
{
    struct stat st
    {};
    return ::stat(path.toLocal8Bit().constData(), &st) == 0 ? static_cast<qint64>(st.st_blocks) * 512 : 0;
}

qint64 realBytesUnder(const QString &folder)
{
    qint64 total = 0;
    QDirIterator it(folder, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext())
        total += realBytes(it.next());
    return total;
}

qint64 freeBytes(const QString &folder)
{
    struct statvfs fs
    {};
    if (::statvfs(folder.toLocal8Bit().constData(), &fs) != 0)
        return 0;
    return static_cast<qint64>(fs.f_bavail) * static_cast<qint64>(fs.f_frsize);
}

// The closed logs of one log folder, read from its listing: generation → real bytes.
std::map<uint32_t, qint64> closedLogs(const QString &folder, const QString &prefix)
{
    const QRegularExpression name(QStringLiteral("^%1([0-9A-F]{8})\\.log$").arg(prefix),
                                  QRegularExpression::CaseInsensitiveOption);
    std::map<uint32_t, qint64> logs;
    for (const QString &f : QDir(folder).entryList(QDir::Files)) {
        const auto m = name.match(f);
        if (m.hasMatch())
            logs[m.captured(1).toUInt(nullptr, 16)] = realBytes(folder + QLatin1Char('/') + f);
    }
    return logs;
}

struct Group
{
    StorageGroupRecord record;
    QString sourceFolder;
    QString copyFolder; // empty: no SCR copy
};

// Where the logs are, now and at the end.
struct Count
{
    std::map<QString, uint32_t> sourceNewest;  // by storage group: newest closed generation on the source
    std::map<QString, uint32_t> copyReplayed;  // LastLogReplayed, checked against the files
    std::map<QString, uint32_t> copyInspected; // LastLogInspected
    qint64 sourceLogBytes = 0, sourceLogs = 0; // the closed logs present and their real bytes
    qint64 copyLogBytes = 0, copyLogs = 0;
};

Count count(Lab &lab, const std::vector<Group> &groups)
{
    Count c;
    const auto rows = valueOr(cmdlets::getStorageGroupCopyStatus(lab), "Get-StorageGroupCopyStatus");
    for (const Group &g : groups) {
        const QString id = g.record.identity();
        const auto source = closedLogs(g.sourceFolder, g.record.logPrefix);
        const uint32_t newest = source.empty() ? 0 : source.rbegin()->first;
        c.sourceNewest[id] = newest;
        for (const auto &[gen, bytes] : source) {
            c.sourceLogBytes += bytes;
            ++c.sourceLogs;
        }
        if (g.copyFolder.isEmpty())
            continue;
        const StorageGroupCopyStatusRow *row = nullptr;
        for (const StorageGroupCopyStatusRow &r : rows)
            if (r.storageGroup.id == g.record.id)
                row = &r;
        if (!row)
            fail(id + QStringLiteral(": no copy status"));
        const CopyStatus &s = row->status;
        if (s.failed)
            fail(id + QStringLiteral(" copy failed: ") + s.failedMessage);
        const auto copy = closedLogs(g.copyFolder, g.record.logPrefix);
        for (const auto &[gen, bytes] : copy) {
            c.copyLogBytes += bytes;
            ++c.copyLogs;
        }
        // The status against the files: nothing claimed beyond what the source holds, and every inspected
        // generation not yet replayed still on the copy's disk.
        if (s.lastLogGenerated > newest || s.lastLogInspected > newest ||
            s.lastLogReplayed > s.lastLogInspected)
            fail(QStringLiteral("%1: the status claims generated %2, inspected %3, replayed %4; the source's "
                                "newest closed log is %5")
                     .arg(id)
                     .arg(s.lastLogGenerated)
                     .arg(s.lastLogInspected)
                     .arg(s.lastLogReplayed)
                     .arg(newest));
        for (uint32_t gen = s.lastLogReplayed + 1; gen <= s.lastLogInspected; ++gen)
            if (!copy.count(gen))
                fail(QStringLiteral("%1: generation %2 is inspected and not replayed, yet not in %3")
                         .arg(id)
                         .arg(gen)
                         .arg(g.copyFolder));
        c.copyReplayed[id] = s.lastLogReplayed;
        c.copyInspected[id] = s.lastLogInspected;
    }
    return c;
}

// The baseline: see the header. Returns logs per second; shipShare is the share of logs the lab copies.
double baselineLogsPerSecond(const QString &folder, qint64 logs, qint64 bytesPerLog, double shipShare)
{
    QDir().mkpath(folder);
    const qint64 dataBytes = std::clamp<qint64>((bytesPerLog + 4095) / 4096 * 4096, 4096, kLogicalLogBytes);
    const std::vector<char> data(static_cast<size_t>(dataBytes), 'm');
    std::vector<char> buffer(static_cast<size_t>(kLogicalLogBytes));
    constexpr qint64 kBatch = 100; // files made between two untimed clean-ups, so the disk stays small
    double seconds = 0;
    for (qint64 first = 0; first < logs; first += kBatch) {
        const auto start = std::chrono::steady_clock::now();
        const qint64 last = std::min(logs, first + kBatch);
        for (qint64 i = first; i < last; ++i) {
            const QByteArray src = (folder + QStringLiteral("/src%1.log").arg(i)).toLocal8Bit();
            const int fd = ::open(src.constData(), O_RDWR | O_CREAT | O_TRUNC, 0644);
            if (fd < 0 || ::ftruncate(fd, kLogicalLogBytes) != 0 ||
                ::pwrite(fd, data.data(), data.size(), 0) != static_cast<ssize_t>(data.size()) ||
                ::fdatasync(fd) != 0)
                fail(QStringLiteral("baseline: cannot write ") + QString::fromLocal8Bit(src));
            const bool ship = std::floor(static_cast<double>(i + 1) * shipShare) >
                              std::floor(static_cast<double>(i) * shipShare);
            if (ship) { // a sparse-aware copy: only the data ranges, then the length, then fsync
                const QByteArray dst = (folder + QStringLiteral("/dst%1.log").arg(i)).toLocal8Bit();
                const int out = ::open(dst.constData(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
                if (out < 0)
                    fail(QStringLiteral("baseline: cannot create ") + QString::fromLocal8Bit(dst));
                off_t at = 0;
                while ((at = ::lseek(fd, at, SEEK_DATA)) >= 0 && at < kLogicalLogBytes) {
                    const off_t end = std::min<off_t>(::lseek(fd, at, SEEK_HOLE), kLogicalLogBytes);
                    const ssize_t n = ::pread(fd, buffer.data(), static_cast<size_t>(end - at), at);
                    if (n <= 0 || ::pwrite(out, buffer.data(), static_cast<size_t>(n), at) != n)
                        fail(QStringLiteral("baseline: cannot copy ") + QString::fromLocal8Bit(src));
                    at += n;
                }
                if (::ftruncate(out, kLogicalLogBytes) != 0 || ::fsync(out) != 0)
                    fail(QStringLiteral("baseline: cannot sync ") + QString::fromLocal8Bit(dst));
                ::close(out);
            }
            ::close(fd);
        }
        seconds += bench::seconds(start);
        for (const QString &f : QDir(folder).entryList(QDir::Files))
            QFile::remove(folder + QLatin1Char('/') + f);
    }
    QDir(folder).removeRecursively();
    return static_cast<double>(logs) / seconds;
}

QString hhmm(qint64 ms)
{
    return QStringLiteral("%1:%2").arg(ms / 3600000).arg(ms / 60000 % 60, 2, 10, QLatin1Char('0'));
}

} // namespace

int main(int argc, char **argv)
{
    const Options o = parseOptions(argc, argv);
    g_run.dir = std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/bench_lab-XXXXXX"));
    if (!g_run.dir->isValid())
        fail(QStringLiteral("cannot make a temporary folder in ") + QDir::tempPath());
    const QString labDir = g_run.dir->filePath(QStringLiteral("lab"));
    const qint64 freeAtStart = freeBytes(QDir::tempPath());
    // What the run may use: the smaller of --max-disk-gb and half of what is free, so the user's disk is
    // never filled by a benchmark.
    const double allowedBytes = std::min(o.maxDiskGb * 1e9, 0.5 * static_cast<double>(freeAtStart));
    if (allowedBytes < 0.5e9)
        fail(QStringLiteral("only %1 GB is free in %2; bench_lab needs at least 1 GB free")
                 .arg(static_cast<double>(freeAtStart) / 1e9, 0, 'f', 1)
                 .arg(QDir::tempPath()));

    // The lab: the demo lab, opened by a shell session as scr-shell opens it.
    const auto made = std::chrono::steady_clock::now();
    valueOr(DemoLab::create(labDir, SystemClock::instance()), "DemoLab::create");
    g_run.session = std::make_unique<ShellSession>(labDir);
    check(g_run.session->open(), "open the lab");
    Lab *lab = g_run.session->lab();
    if (!lab)
        fail(labDir + QStringLiteral(" has no directory"));
    std::vector<Group> groups;
    for (const StorageGroupRecord &sg : valueOr(lab->directory().storageGroups(), "storage groups")) {
        const QString host = valueOr(lab->hostOfServer(sg.server), "host of server");
        Group g{sg, valueOr(lab->hostDisk(host).localPath(sg.logFolderPath), "source log folder"), {}};
        if (sg.server.compare(QStringLiteral("MBX1"), Qt::CaseInsensitive) == 0) {
            run(QStringLiteral("Enable-StorageGroupCopy %1 -StandbyMachine MBX3 -ReplayLagTime 0.0:0:0")
                    .arg(sg.identity()));
            g.copyFolder =
                valueOr(lab->hostDisk(QStringLiteral("MBX3")).localPath(sg.logFolderPath), "copy log folder");
        }
        for (const DatabaseRecord &db : valueOr(lab->directory().databases(sg.id), "databases"))
            run(QStringLiteral("Start-MailFlow %1\\%2 -MessagesPerMinute %3 -MessageSizeKB %4")
                    .arg(sg.identity(), db.name)
                    .arg(o.messagesPerMinute)
                    .arg(o.messageKb));
        groups.push_back(std::move(g));
    }
    const Count before = count(*lab, groups);
    const qint64 labBytesBefore = realBytesUnder(labDir);
    bench::figure("lab_setup_s", bench::seconds(made), "s");

    // The console's ticks at the requested speed: each advances a quarter second of real time times the
    // speed, in LabWorker's steps. The bench never waits: it runs the ticks back to back.
    const qint64 tickMs = std::max<qint64>(1, static_cast<qint64>(LabWorker::kTickMs * o.speed));
    const qint64 stepMs = LabWorker::stepMsFor(tickMs);
    // The first ten virtual minutes (or the whole of a shorter run) are the probe that projects disk use.
    const qint64 probeMs = std::min<qint64>(o.virtualMs, 10 * kMinuteMs);
    const auto start = std::chrono::steady_clock::now();
    qint64 done = 0;
    bool projected = false;
    int reported = 0;
    while (done < o.virtualMs) {
        const qint64 chunk = std::min({tickMs, o.virtualMs - done, projected ? tickMs : probeMs - done});
        check(lab->stepSimulation(chunk, std::min(stepMs, chunk)), "Step-Simulation");
        done += chunk;
        if (!projected && done >= probeMs) {
            projected = true;
            const double perMs =
                static_cast<double>(realBytesUnder(labDir) - labBytesBefore) / static_cast<double>(done);
            const double need =
                static_cast<double>(labBytesBefore) + perMs * static_cast<double>(o.virtualMs);
            bench::figure("projected_lab_disk", need / 1e9, "GB");
            if (need > allowedBytes) {
                std::fprintf(
                    stderr,
                    "bench_lab: refused: %s of virtual time would use about %.1f GB of real disk in %s "
                    "(measured over the first %lld virtual minutes); this run allows %.1f GB (the "
                    "smaller of --max-disk-gb %.0f and half of the %.1f GB free). Run --quick, a "
                    "shorter --virtual-minutes, or raise --max-disk-gb where the space is there.\n",
                    qPrintable(hhmm(o.virtualMs)), need / 1e9, qPrintable(QDir::tempPath()),
                    static_cast<long long>(done / kMinuteMs), allowedBytes / 1e9, o.maxDiskGb,
                    static_cast<double>(freeAtStart) / 1e9);
                cleanUp();
                return 2;
            }
        }
        if (done * 10 / o.virtualMs > reported) { // progress, a line a tenth
            reported = static_cast<int>(done * 10 / o.virtualMs);
            std::fprintf(stderr, "bench_lab: %s of %s virtual in %.1f s\n", qPrintable(hhmm(done)),
                         qPrintable(hhmm(o.virtualMs)), bench::seconds(start));
        }
        (void)count(*lab, groups); // stops at the first copy that failed or a status the files contradict
    }
    const double realS = bench::seconds(start);
    const Count after = count(*lab, groups);
    const qint64 labBytes = realBytesUnder(labDir);

    qint64 generated = 0, replayed = 0, endToEnd = 0, shippedGroupsGenerated = 0;
    for (const Group &g : groups) {
        const QString id = g.record.identity();
        const qint64 gen = after.sourceNewest.at(id) - before.sourceNewest.at(id);
        generated += gen;
        if (g.copyFolder.isEmpty()) {
            endToEnd += gen;
        } else {
            const qint64 rep = after.copyReplayed.at(id) - before.copyReplayed.at(id);
            replayed += rep;
            endToEnd += rep;
            shippedGroupsGenerated += gen;
        }
    }
    const double sourcePerLog =
        after.sourceLogs ? double(after.sourceLogBytes) / double(after.sourceLogs) : 0;
    const double copyPerLog = after.copyLogs ? double(after.copyLogBytes) / double(after.copyLogs) : 0;
    const double virtualPerReal = static_cast<double>(done) / 1000.0 / realS;
    const double endToEndPerS = static_cast<double>(endToEnd) / realS;
    const double dayBytes = static_cast<double>(labBytesBefore) +
                            static_cast<double>(labBytes - labBytesBefore) * double(kDayMs) / double(done);

    bench::figure("virtual_minutes", static_cast<double>(done) / kMinuteMs, "min");
    bench::figure("mail_rate_per_database", static_cast<double>(o.messagesPerMinute), "messages/min");
    bench::figure("databases", static_cast<double>(groups.size()), "databases");
    bench::figure("step", static_cast<double>(stepMs) / 1000.0, "virtual-s");
    bench::figure("real_time", realS, "s");
    bench::figure("logs_generated", static_cast<double>(generated), "logs");
    bench::figure("logs_replayed_on_copies", static_cast<double>(replayed), "logs");
    bench::figure("end_to_end_logs", static_cast<double>(endToEnd), "logs");
    bench::figure("end_to_end_logs_per_s", endToEndPerS, "logs/s");
    bench::figure("generated_logs_per_s", static_cast<double>(generated) / realS, "logs/s");
    bench::figure("real_disk_per_source_log", sourcePerLog / 1024.0, "KiB");
    bench::figure("real_disk_per_copy_log", copyPerLog / 1024.0, "KiB");
    bench::figure("virtual_s_per_real_s", virtualPerReal, "x");
    bench::figure("virtual_day_real_time", 86400.0 / virtualPerReal, "s");
    bench::figure("lab_disk_at_start", static_cast<double>(labBytesBefore) / 1e6, "MB");
    bench::figure("lab_disk_at_end", static_cast<double>(labBytes) / 1e6, "MB");
    bench::figure("lab_disk_per_virtual_day", dayBytes / 1e9, "GB"); // measured when the run is a day
    const double rss = bench::peakMemoryMiB();
    bench::figure("peak_memory", rss, "MiB");

    // The lab closed and its folder gone before the baseline, so both see the same free disk.
    cleanUp();
    if (endToEnd > 0) {
        const QTemporaryDir base(QDir::tempPath() + QStringLiteral("/bench_lab_base-XXXXXX"));
        const double shipShare = generated ? double(shippedGroupsGenerated) / double(generated) : 0;
        const double baseline =
            baselineLogsPerSecond(base.filePath(QStringLiteral("logs")), std::min<qint64>(endToEnd, 2000),
                                  static_cast<qint64>(sourcePerLog), shipShare);
        bench::figure("baseline_write_fdatasync_copy_logs_per_s", baseline, "logs/s");
        bench::ratio("end_to_end_vs_plain_write_copy", endToEndPerS / baseline);
    }

    bench::target("end_to_end_logs_per_s", endToEndPerS, ">=", 300, "logs/s");
    bench::target("real_disk_per_source_log", sourcePerLog / 1024.0, "<=", 16, "KiB");
    bench::target("real_disk_per_copy_log", copyPerLog / 1024.0, "<=", 16, "KiB");
    bench::target("virtual_day_real_time", 86400.0 / virtualPerReal, "<", 120, "s");
    bench::target("lab_disk_per_virtual_day", dayBytes / 1e9, "<", 1, "GB");
    bench::target("peak_memory", rss, "<", 200, "MiB");
    return 0;
}
