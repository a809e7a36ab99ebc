#include "labworker.h"

#include "core/clock.h"
#include "core/logging.h"
#include "ems/shellsession.h"
#include "lab.h"
#include "cmdlets/storagegroupcopy.h"

#include <algorithm>
#include <map>

#include <spdlog/spdlog.h>

#include <QElapsedTimer>
#include <QTimer>

namespace scr {

// The chart's longest window (7 d) is all the history the directory keeps.
static_assert(LabWorker::kHistoryWindowMs == Lab::kHistoryKeepMs);

namespace {

// Real time for measuring ticks: monotonic, so a change of the wall clock never shows as a speed.
class MonotonicClock final : public Clock
{
public:
    MonotonicClock() { m_timer.start(); }
    qint64 nowMs() const override { return m_timer.elapsed(); }

private:
    QElapsedTimer m_timer;
};

// A database's last full backup and the size of its file (the .edb and its write-ahead log) on its host's
// disk, for its property sheet: -1 when neither file can be seen (the host is off, the file not made yet).
void readDatabaseFigures(Lab &lab, const LabSnapshot &s, const StorageGroupRecord &sg,
                         const DatabaseRecord &db, qint64 *lastFullBackupMs, qint64 *sizeBytes)
{
    if (auto backup = lab.directory().lastFullBackup(sg.id))
        *lastFullBackupMs = *backup;
    *sizeBytes = -1;
    const ServerRecord *server = s.server(sg.server);
    if (!server)
        return;
    const HostDisk disk = lab.hostDisk(server->host);
    for (const QString &path : {db.edbFilePath, QString(db.edbFilePath + QStringLiteral("-wal"))})
        if (auto entry = disk.entry(path); entry && *entry)
            *sizeBytes = std::max<qint64>(*sizeBytes, 0) + (*entry)->size;
}

} // namespace

qint64 LabWorker::stepMsFor(qint64 virtualMs)
{
    return std::clamp<qint64>(virtualMs / 20, 1000, 60 * 1000);
}

LabWorker::LabWorker(QString labDir, QObject *parent)
    : QObject(parent), m_labDir(std::move(labDir)), m_ownRealTime(std::make_unique<MonotonicClock>()),
      m_realTime(m_ownRealTime.get())
{
    qRegisterMetaType<scr::LabSnapshot>();
    qRegisterMetaType<std::vector<scr::EventRecord>>();
    qRegisterMetaType<std::vector<scr::StatusSample>>();
    qRegisterMetaType<scr::ems::ScriptOutput>();
}

LabWorker::LabWorker(QString labDir, const Clock &realTime, QObject *parent)
    : LabWorker(std::move(labDir), parent)
{
    m_realTime = &realTime;
}

LabWorker::~LabWorker() = default;

void LabWorker::open()
{
    if (!m_timer) {
        m_timer = new QTimer(this); // created on the worker's thread, where open() runs
        m_timer->setInterval(kTickMs);
        connect(m_timer, &QTimer::timeout, this, &LabWorker::tick);
    }
    m_databaseFigures.clear();
    m_session = std::make_unique<ShellSession>(m_labDir);
    if (auto st = m_session->open(); !st || !m_session->lab()) {
        const QString why =
            st ? QStringLiteral("%1 has no directory (org.sqlite)").arg(m_labDir) : st.error().toString();
        m_session.reset();
        Q_EMIT opened(false, why);
        return;
    }
    Lab *lab = m_session->lab();
    connect(lab, &Lab::eventRecorded, this, &LabWorker::eventRecorded);
    auto events = lab->directory().events(10000);
    if (events) {
        std::reverse(events->begin(), events->end()); // oldest first
        Q_EMIT eventsLoaded(*events);
    }
    std::vector<StatusSample> history;
    if (auto copies = lab->directory().copies())
        for (const ScrCopyRecord &c : *copies)
            if (auto samples = lab->directory().samples(c.id, lab->clock().nowMs() - kHistoryWindowMs))
                history.insert(history.end(), samples->begin(), samples->end());
    Q_EMIT historyLoaded(history);
    Q_EMIT opened(true, {});
    Q_EMIT snapshotReady(snapshot());
}

LabSnapshot LabWorker::snapshot()
{
    LabSnapshot s;
    s.labDir = m_labDir;
    s.speed = m_speed;
    s.running = m_running;
    Lab *lab = m_session ? m_session->lab() : nullptr;
    if (!lab)
        return s;
    const Directory &d = lab->directory();
    s.nowMs = lab->clock().nowMs();
    if (auto hosts = d.hosts())
        s.hosts = *hosts;
    if (auto servers = d.servers())
        s.servers = *servers;
    auto sgs = d.storageGroups();
    auto copies = cmdlets::getStorageGroupCopyStatus(*lab); // every copy, with its worker's status
    auto mailboxes = d.mailboxes();                         // one query, counted by home database below
    auto databases = d.databases();                         // one query, grouped by storage group below
    if (!sgs || !copies || !mailboxes || !databases)
        return s;
    // Grouped once: a query or a scan per storage group costs a tick 100 ms at 400 of them (bench_console).
    std::map<QUuid, int> homed;
    const qint64 nowRealMs = m_realTime->nowMs();
    int figuresBudget = kFiguresPerSnapshot;
    for (const MailboxRecord &m : *mailboxes)
        ++homed[m.databaseGuid];
    std::map<QUuid, std::pair<QString, QString>> homes; // database GUID → its identity and server
    std::map<qint64, std::vector<const DatabaseRecord *>> dbsOf;
    for (const DatabaseRecord &db : *databases)
        dbsOf[db.storageGroupId].push_back(&db);
    std::map<qint64, std::vector<const StorageGroupCopyStatusRow *>> copiesOf;
    for (const StorageGroupCopyStatusRow &row : *copies)
        copiesOf[row.storageGroup.id].push_back(&row);
    for (const StorageGroupRecord &sg : *sgs) {
        StorageGroupSnapshot g{sg, {}, {}};
        for (const DatabaseRecord *db : dbsOf[sg.id]) {
            const auto failed = lab->mountError(db->guid);
            g.databases.push_back({*db, lab->mountedDatabase(db->guid) != nullptr,
                                   failed ? failed->toString() : QString(), homed[db->guid]});
            homes[db->guid] = {sg.identity() + QLatin1Char('\\') + db->name, sg.server};
            DatabaseFigures &figures = m_databaseFigures[db->guid];
            if (figures.readAtMs < 0 || (nowRealMs - figures.readAtMs >= kFiguresMs && figuresBudget-- > 0)) {
                readDatabaseFigures(*lab, s, sg, *db, &figures.lastFullBackupMs, &figures.sizeBytes);
                figures.readAtMs = nowRealMs;
            }
            g.databases.back().lastFullBackupMs = figures.lastFullBackupMs;
            g.databases.back().sizeBytes = figures.sizeBytes;
        }
        for (const StorageGroupCopyStatusRow *row : copiesOf[sg.id])
            g.copies.push_back({row->copy, row->status});
        s.storageGroups.push_back(std::move(g));
    }
    s.mailboxes.reserve(mailboxes->size());
    for (const MailboxRecord &m : *mailboxes) {
        const auto home = homes.find(m.databaseGuid);
        s.mailboxes.push_back({m, home == homes.end() ? QString() : home->second.first,
                               home == homes.end() ? QString() : home->second.second});
    }
    return s;
}

void LabWorker::runScript(qint64 requestId, const QString &script, bool stopAtFirstError)
{
    if (!m_session) {
        ems::ScriptOutput refused;
        refused.fail(Error{{}, QStringLiteral("no lab is open"), {}});
        Q_EMIT scriptFinished(requestId, refused);
        return;
    }
    const ems::ScriptOutput out =
        m_session->run(script, stopAtFirstError ? ems::ScriptMode::StopAtFirstError : ems::ScriptMode::Shell);
    m_databaseFigures.clear(); // a backup, a mount, a move: what the script did shows at once
    // The state first: whoever hears that the command finished sees what it did.
    Q_EMIT snapshotReady(snapshot());
    Q_EMIT scriptFinished(requestId, out);
}

void LabWorker::setRunning(bool running)
{
    m_running = running && m_session;
    restartSpeedMeasure();
    if (m_timer) {
        if (m_running)
            m_timer->start();
        else
            m_timer->stop();
    }
    Q_EMIT snapshotReady(snapshot());
    Q_EMIT speedMeasured(m_speed, achievedSpeed());
}

void LabWorker::setSpeed(double speed)
{
    m_speed = std::clamp(speed, 1.0, 86400.0);
    if (m_session && m_session->lab())
        m_session->lab()->clock().setSpeed(m_speed);
    restartSpeedMeasure(); // what was achieved at the old speed says nothing about the new one
    Q_EMIT snapshotReady(snapshot());
    Q_EMIT speedMeasured(m_speed, achievedSpeed());
}

void LabWorker::restartSpeedMeasure()
{
    m_speedSamples.clear();
    m_lastTickMs = -1;
    if (m_running) {
        m_lastTickMs = m_realTime->nowMs();
        m_speedSamples.push_back({m_lastTickMs, m_virtualAdvancedMs});
    }
}

double LabWorker::achievedSpeed() const
{
    if (m_speedSamples.size() < 2)
        return 0;
    const SpeedSample &first = m_speedSamples.front(), &last = m_speedSamples.back();
    const qint64 realMs = last.realMs - first.realMs;
    return realMs > 0 ? static_cast<double>(last.virtualMs - first.virtualMs) / static_cast<double>(realMs)
                      : 0;
}

void LabWorker::tick()
{
    Lab *lab = m_session ? m_session->lab() : nullptr;
    if (!lab)
        return;
    const qint64 startMs = m_realTime->nowMs();
    // Real time since the last tick, at most two ticks' worth: when the machine cannot keep up with the
    // speed, the simulation runs slower instead of taking ever larger steps to catch up.
    const qint64 realMs =
        std::clamp<qint64>(m_lastTickMs >= 0 ? startMs - m_lastTickMs : kTickMs, 1, 2 * kTickMs);
    m_lastTickMs = startMs;
    if (m_speedSamples.empty()) // a tick without Run (tests): it covers the realMs before it
        m_speedSamples.push_back({startMs - realMs, m_virtualAdvancedMs});
    const qint64 virtualMs = std::max<qint64>(1, static_cast<qint64>(static_cast<double>(realMs) * m_speed));
    // Steps of one to sixty virtual seconds, and no more real time than a tick: at high speed under heavy
    // mail the simulation runs slower than asked rather than blocking Pause and the other commands queued
    // behind this tick.
    const qint64 stepMs = stepMsFor(virtualMs);
    qint64 done = 0;
    while (done < virtualMs && m_realTime->nowMs() - startMs < kTickMs) {
        const qint64 step = std::min(stepMs, virtualMs - done);
        if (auto st = lab->stepSimulation(step, step); !st) {
            logging::get("model")->warn("the simulation step failed: {}",
                                        st.error().toString().toStdString());
            break;
        }
        done += step;
    }
    // The achieved speed: virtual time advanced over the real time it took, idle time between ticks
    // included, over the last kAchievedWindowMs (the oldest sample kept spans the window).
    m_virtualAdvancedMs += done;
    m_speedSamples.push_back({m_realTime->nowMs(), m_virtualAdvancedMs});
    while (m_speedSamples.size() > 2 &&
           m_speedSamples.back().realMs - m_speedSamples[1].realMs >= kAchievedWindowMs)
        m_speedSamples.pop_front();
    Q_EMIT snapshotReady(snapshot());
    Q_EMIT speedMeasured(m_speed, achievedSpeed());
}

bool LabWorker::withLab(const std::function<void(const Lab &)> &work)
{
    Lab *lab = m_session ? m_session->lab() : nullptr;
    if (!lab)
        return false;
    work(*lab);
    return true;
}

} // namespace scr
