#include "copyworker.h"

#include "keyvaluefile.h"
#include "store/logfolder.h"

#include <fcntl.h>
#include <unistd.h>

#include <QDateTime>

namespace scr {

QString summaryCopyStatusName(SummaryCopyStatus status)
{
    switch (status) {
    case SummaryCopyStatus::Healthy:
        return QStringLiteral("Healthy");
    case SummaryCopyStatus::Initializing:
        return QStringLiteral("Initializing");
    case SummaryCopyStatus::Seeding:
        return QStringLiteral("Seeding");
    case SummaryCopyStatus::Failed:
        return QStringLiteral("Failed");
    case SummaryCopyStatus::Suspended:
        return QStringLiteral("Suspended");
    case SummaryCopyStatus::ServiceDown:
        return QStringLiteral("ServiceDown");
    case SummaryCopyStatus::Disabled:
        return QStringLiteral("Disabled");
    }
    return QStringLiteral("Unknown");
}

QString eventLevelName(EventLevel level)
{
    switch (level) {
    case EventLevel::Information:
        return QStringLiteral("Information");
    case EventLevel::Warning:
        return QStringLiteral("Warning");
    case EventLevel::Error:
        return QStringLiteral("Error");
    }
    return {};
}

namespace {

// When process pid started, in clock ticks since boot (field 22 of /proc/<pid>/stat); nullopt when no such
// process runs. With the pid it names one process: a pid the kernel gave again later has another start time.
std::optional<quint64> processStartTicks(qint64 pid)
{
    // /proc is the kernel's, not a host's disk: read directly, not through HostDisk.
    if (pid <= 0)
        return std::nullopt;
    const QByteArray name =
        QByteArrayLiteral("/proc/") + QByteArray::number(pid) + QByteArrayLiteral("/stat");
    const int fd = ::open(name.constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return std::nullopt;
    char buffer[1024];
    const ssize_t n = ::read(fd, buffer, sizeof buffer - 1);
    ::close(fd);
    if (n <= 0)
        return std::nullopt;
    const QByteArray line(buffer, static_cast<qsizetype>(n));
    const qsizetype close = line.lastIndexOf(')'); // the command name may hold spaces and parentheses
    if (close < 0)
        return std::nullopt;
    const QList<QByteArray> fields = line.mid(close + 2).split(' ');
    // fields[0] is field 3 (state), so field 22 (starttime) is fields[19].
    if (fields.size() < 20 || fields[0] == "Z" || fields[0] == "X") // a zombie has ended
        return std::nullopt;
    bool ok = false;
    const quint64 ticks = fields[19].toULongLong(&ok);
    return ok ? std::optional<quint64>(ticks) : std::nullopt;
}

QString seedMarkerPath(const QString &targetLogFolder)
{
    return targetLogFolder + QLatin1Char('/') + QLatin1String(CopyWorker::kSeedMarkerName);
}

} // namespace

Status CopyWorker::beginSeed(const HostDisk &disk, const QString &targetLogFolder, qint64 nowMs)
{
    const qint64 pid = ::getpid();
    const auto start = processStartTicks(pid);
    SCR_TRY(disk.makeFolders(targetLogFolder));
    const QByteArray text = QStringLiteral("pid %1\nprocessStart %2\nstarted %3\n")
                                .arg(pid)
                                .arg(start.value_or(0))
                                .arg(nowMs)
                                .toLatin1();
    return disk.writeAtomically(seedMarkerPath(targetLogFolder), text);
}

Status CopyWorker::endSeed(const HostDisk &disk, const QString &targetLogFolder)
{
    if (!disk.exists(seedMarkerPath(targetLogFolder)))
        return {};
    SCR_TRY(disk.removeFile(seedMarkerPath(targetLogFolder)));
    return disk.syncFolder(targetLogFolder);
}

std::optional<SeedMarker> CopyWorker::readSeedMarker(const HostDisk &disk, const QString &targetLogFolder)
{
    const auto values = readKeyValueFile(disk, seedMarkerPath(targetLogFolder)); // every cycle asks
    if (!values)
        return std::nullopt;
    SeedMarker marker;
    marker.pid = values->value("pid").toLongLong();
    marker.processStart = values->value("processStart").toULongLong();
    marker.startedMs = values->value("started").toLongLong();
    // A marker that names no process (torn, hand-made) is an interrupted seed: nothing runs it.
    const auto start = processStartTicks(marker.pid);
    marker.ownerRunning = start && (marker.processStart == 0 || *start == marker.processStart);
    return marker;
}

QString CopyWorker::interruptedSeedMessage(const SeedMarker &marker)
{
    return QStringLiteral("a seed (Update-StorageGroupCopy) started at %1 by process %2 did not finish (the "
                          "process ended); the copy's files are incomplete. Run Update-StorageGroupCopy "
                          "-DeleteExistingFiles again.")
        .arg(QDateTime::fromMSecsSinceEpoch(marker.startedMs, Qt::UTC)
                 .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'")))
        .arg(marker.pid);
}

bool CopyWorker::checkSeed(bool announce)
{
    CopyStatus &status = m_report.status();
    const auto marker = readSeedMarker(m_config.targetDisk, m_config.targetLogFolder);
    status.seeding = marker && marker->ownerRunning;
    if (marker && !marker->ownerRunning) {
        const QString message = interruptedSeedMessage(*marker);
        if (announce)
            m_report.fail(2104, message, true);
        else
            // Found at start: no event, as for a source found unreachable; the status says it. The marker
            // is its record: it stays until a seed ends.
            m_report.failedAtStart(2104, message, marker->startedMs, true);
    }
    return status.seeding;
}

CopyWorker::CopyWorker(CopyConfig config, const Clock &clock, EventSink events, FailureSink failures)
    : m_config(std::move(config)), m_report(m_config, clock, std::move(events), std::move(failures)),
      m_files(m_config), m_copy{m_config, clock, m_files, m_report}, m_spares(m_files),
      m_database(m_config.targetDisk, m_config.targetEdbPath, m_config.databaseGuid),
      m_copier(m_copy, m_spares), m_inspector(m_copy, m_database),
      m_replayer(m_copy, m_database, m_copier, m_inspector), m_truncator(m_copy, m_spares)
{
    m_serviceDown = !m_config.targetDisk.isPoweredOn();
    if (!m_serviceDown)
        loadPosition();
    m_report.emitEvent(2090, EventLevel::Information,
                       QStringLiteral("The SCR copy of %1 on %2 started: %3 logs inspected, %4 replayed.")
                           .arg(m_config.identity, m_config.standbyMachine)
                           .arg(m_report.status().lastLogInspected)
                           .arg(m_report.status().lastLogReplayed));
    refreshStatus();
}

void CopyWorker::loadPosition()
{
    // Everything is read back from the files, so nothing can disagree with them after a crash. Every time
    // field comes from the logs' own headers, so that a new process (a fresh scr-shell, the console at start)
    // shows what the files say before its first cycle.
    m_spares.reload();
    m_replayer.loadPosition();
    std::optional<LogFolderListing> target;
    if (auto listed = listLogFolder(m_config.targetDisk, m_config.targetLogFolder, m_config.prefix))
        target = std::move(*listed);
    m_inspector.loadPosition(target);
    m_truncator.loadPosition(target, m_report.status().lastLogInspected);
    m_copier.loadPosition();
    checkSeed(false);
}

void CopyWorker::runCycle()
{
    // The standby machine itself is off: its replication service is down, nothing runs, nothing fails.
    if (!m_config.targetDisk.isPoweredOn()) {
        m_serviceDown = true;
        refreshStatus();
        return;
    }
    if (m_serviceDown) {
        m_serviceDown = false;
        loadPosition(); // the service starts again from what its files say
    }
    // A seed (another process's, or one this process began before the copy was stopped) owns the copy's
    // files while it runs; when it ends, the copy starts again from the files it left.
    const bool wasSeeding = m_report.status().seeding;
    if (checkSeed(true)) {
        m_copier.observeSource();
        refreshStatus();
        return;
    }
    if (wasSeeding && !m_report.permanentFailure()) {
        m_database.close(); // the seed replaced the database file
        loadPosition();
    }
    if (m_report.status().suspend || m_report.permanentFailure()) {
        m_copier.observeSource(); // a stopped copy still shows how far behind it falls
    } else {
        runSteps();
        m_truncator.truncateLogs(m_report.status().lastLogReplayed);
    }
    refreshStatus();
}

void CopyWorker::runSteps()
{
    Status st = m_copier.copyLogs();
    if (st)
        st = m_inspector.inspectLogs();
    if (st && !m_report.permanentFailure())
        st = m_replayer.replayLogs();
    if (!st) {
        m_report.fail(2104, st.error().toString(), false);
    } else if (m_copier.sourceUnreachable()) {
        // Never Healthy with the source gone: the copy keeps what it has, and says since when. Not kept: the
        // source host's power is in the directory, and every process finds it again.
        m_report.fail(2104, m_copier.sourceUnreachableMessage(), false, false);
    } else if (m_report.status().failed && !m_report.permanentFailure()) {
        m_report.recovered();
    }
}

void CopyWorker::suspend(const QString &comment, bool announce)
{
    m_report.suspended(comment, announce);
    refreshStatus();
}

void CopyWorker::resume()
{
    m_report.resumed();
    m_inspector.forgetTries();
    loadPosition();
    refreshStatus();
}

void CopyWorker::refreshStatus()
{
    m_report.refresh(m_database.databaseExists(), m_copier.sourceUnreachable(), m_serviceDown);
}

} // namespace scr
