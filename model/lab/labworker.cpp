#include "labworker.h"

#include "core/logging.h"
#include "ems/shellsession.h"
#include "lab.h"
#include "cmdlets/storagegroupcopy.h"

#include <algorithm>
#include <map>

#include <spdlog/spdlog.h>

#include <QTimer>

namespace scr {

// The chart's window is the history the directory keeps at full resolution.
static_assert(LabWorker::kHistoryWindowMs == Lab::kHistoryFullResolutionMs);

LabWorker::LabWorker(QString labDir, QObject *parent) : QObject(parent), m_labDir(std::move(labDir))
{
    qRegisterMetaType<scr::LabSnapshot>();
    qRegisterMetaType<std::vector<scr::EventRecord>>();
    qRegisterMetaType<std::vector<scr::StatusSample>>();
}

LabWorker::~LabWorker() = default;

void LabWorker::open()
{
    if (!m_timer) {
        m_timer = new QTimer(this); // created on the worker's thread, where open() runs
        m_timer->setInterval(kTickMs);
        connect(m_timer, &QTimer::timeout, this, &LabWorker::tick);
    }
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
    Directory &d = lab->directory();
    s.nowMs = lab->clock().nowMs();
    if (auto hosts = d.hosts())
        s.hosts = *hosts;
    if (auto servers = d.servers())
        s.servers = *servers;
    auto sgs = d.storageGroups();
    auto copies = cmdlets::getStorageGroupCopyStatus(*lab); // every copy, with its worker's status
    auto mailboxes = d.mailboxes();                         // one query, counted by home database below
    if (!sgs || !copies || !mailboxes)
        return s;
    std::map<QUuid, int> homed;
    for (const MailboxRecord &m : *mailboxes)
        ++homed[m.databaseGuid];
    for (const StorageGroupRecord &sg : *sgs) {
        StorageGroupSnapshot g{sg, {}, {}};
        auto dbs = d.databases(sg.id);
        if (!dbs)
            continue;
        for (const DatabaseRecord &db : *dbs) {
            const auto failed = lab->mountError(db.guid);
            g.databases.push_back({db, lab->mountedDatabase(db.guid) != nullptr,
                                   failed ? failed->toString() : QString(), homed[db.guid]});
        }
        for (const StorageGroupCopyStatusRow &row : *copies)
            if (row.storageGroup.id == sg.id)
                g.copies.push_back({row.copy, row.status});
        s.storageGroups.push_back(std::move(g));
    }
    return s;
}

void LabWorker::runScript(qint64 requestId, const QString &script, bool stopAtFirstError)
{
    if (!m_session) {
        Q_EMIT scriptFinished(requestId, {}, false, QStringLiteral("no lab is open"));
        return;
    }
    const ems::ScriptOutput out =
        m_session->run(script, stopAtFirstError ? ems::ScriptMode::StopAtFirstError : ems::ScriptMode::Shell);
    // The state first: whoever hears that the command finished sees what it did.
    Q_EMIT snapshotReady(snapshot());
    Q_EMIT scriptFinished(requestId, out.text, out.ok, out.errors.join(QLatin1Char('\n')));
}

void LabWorker::setRunning(bool running)
{
    m_running = running && m_session;
    if (m_timer) {
        if (m_running) {
            m_sinceTick.start();
            m_timer->start();
        } else {
            m_timer->stop();
        }
    }
    Q_EMIT snapshotReady(snapshot());
}

void LabWorker::setSpeed(double speed)
{
    m_speed = std::clamp(speed, 1.0, 86400.0);
    if (m_session && m_session->lab())
        m_session->lab()->clock().setSpeed(m_speed);
    Q_EMIT snapshotReady(snapshot());
}

void LabWorker::tick()
{
    Lab *lab = m_session ? m_session->lab() : nullptr;
    if (!lab)
        return;
    // Real time since the last tick, at most two ticks' worth: when the machine cannot keep up with the
    // speed, the simulation runs slower instead of taking ever larger steps to catch up.
    const qint64 realMs =
        std::clamp<qint64>(m_sinceTick.isValid() ? m_sinceTick.restart() : kTickMs, 1, 2 * kTickMs);
    const qint64 virtualMs = std::max<qint64>(1, static_cast<qint64>(static_cast<double>(realMs) * m_speed));
    // Steps of one to sixty virtual seconds, and no more real time than a tick: at high speed under heavy
    // mail the simulation runs slower than asked rather than blocking Pause and the other commands queued
    // behind this tick.
    const qint64 stepMs = std::clamp<qint64>(virtualMs / 20, 1000, 60 * 1000);
    QElapsedTimer budget;
    budget.start();
    for (qint64 done = 0; done < virtualMs && budget.elapsed() < kTickMs;) {
        const qint64 step = std::min(stepMs, virtualMs - done);
        if (auto st = lab->stepSimulation(step, step); !st) {
            logging::get("model")->warn("the simulation step failed: {}",
                                        st.error().toString().toStdString());
            break;
        }
        done += step;
    }
    Q_EMIT snapshotReady(snapshot());
}

} // namespace scr
