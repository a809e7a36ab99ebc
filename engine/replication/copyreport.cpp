#include "copyreport.h"

#include "core/clock.h"
#include "core/logging.h"

#include <algorithm>

#include <spdlog/spdlog.h>

#include <QRegularExpression>

namespace scr {

CopyReport::CopyReport(const CopyConfig &config, const Clock &clock, EventSink events, FailureSink failures)
    : m_config(config), m_clock(clock), m_events(std::move(events)), m_failures(std::move(failures))
{
    m_status.identity = m_config.identity;
    m_status.standbyMachine = m_config.standbyMachine;
    m_status.replayLagMs = m_config.replayLagMs;
    m_status.truncationLagMs = m_config.truncationLagMs;
    // Failed from the first look with the failure the directory kept, before any cycle finds it again: a
    // new process (a fresh scr-shell, the console at start) says what the process that saw it said. An
    // interrupted seed's marker, read later, says more and wins.
    if (const auto &kept = m_config.recordedFailure; kept && !kept->message.isEmpty()) {
        failedAtStart(kept->eventId, kept->message, kept->timeMs, kept->permanent);
        m_failureKept = true;
    }
}

QString CopyReport::withoutFix(Error error)
{
    error.fix.clear();
    return error.toString();
}

QString CopyReport::sourceLogDamagedFix()
{
    return QStringLiteral(
        "The source's log is damaged: reseed the copy after a new full backup of the source "
        "(Suspend-StorageGroupCopy, then Update-StorageGroupCopy -DeleteExistingFiles), or "
        "repair the source");
}

void CopyReport::emitEvent(int id, EventLevel level, const QString &rawText)
{
    const QString text = shown(rawText);
    ReplicationEvent e;
    e.id = id;
    e.level = level;
    e.text = text;
    e.timeMs = m_clock.nowMs();
    const auto log = logging::get("repl");
    const std::string line = QStringLiteral("%1 %2").arg(id).arg(text).toStdString();
    level == EventLevel::Error     ? log->error(line)
    : level == EventLevel::Warning ? log->warn(line)
                                   : log->info(line);
    if (m_events)
        m_events(e);
}

QString CopyReport::shown(QString text) const
{
    // Administrators read Windows paths, not the lab's folders: the copy's folders are the storage group's
    // LogFolderPath on both machines.
    if (m_config.displayTargetLogFolder.isEmpty())
        return text;
    // A fix's shell command (HostDisk's "rm '<local path>'" for a planted link) names the real path on this
    // machine: it stays as it is, or the command would name a Windows path that no shell here can remove.
    static const QRegularExpression command(QStringLiteral("rm '[^']*'"));
    if (const auto m = command.match(text); m.hasMatch())
        return shown(text.left(m.capturedStart())) + m.captured() + shown(text.mid(m.capturedEnd()));
    text.replace(m_config.targetLogFolder + QLatin1Char('/'),
                 m_config.displayTargetLogFolder + QLatin1Char('\\'));
    text.replace(m_config.targetLogFolder, m_config.displayTargetLogFolder);
    text.replace(m_config.sourceLogFolder + QLatin1Char('/'),
                 m_config.displayTargetLogFolder + QLatin1Char('\\'));
    text.replace(m_config.sourceLogFolder, m_config.displayTargetLogFolder);
    text.replace(QStringLiteral("\\inspector/"), QStringLiteral("\\inspector\\"));
    return text;
}

void CopyReport::fail(int eventId, const QString &rawMessage, bool permanent, bool durable)
{
    const QString message = shown(rawMessage);
    const bool changed = !m_status.failed || m_status.failedMessage != message;
    if (changed) {
        emitEvent(eventId, EventLevel::Error,
                  QStringLiteral("The SCR copy of %1 on %2 failed: %3")
                      .arg(m_config.identity, m_config.standbyMachine, message));
        m_status.failedEventId = eventId;
        m_status.failedTimeMs = m_clock.nowMs();
    }
    m_status.failed = true;
    m_status.failedMessage = message;
    m_permanentFailure = m_permanentFailure || permanent;
    if (durable) {
        // Kept in the directory in the same step as the event: a process that starts later shows it.
        if ((changed || !m_failureKept) && m_failures)
            m_failures(
                CopyFailure{m_status.failedEventId, message, m_status.failedTimeMs, m_permanentFailure});
        m_failureKept = true;
    } else if (!m_permanentFailure) {
        // The reason now is one every process finds by itself; a kept reason would be an old one.
        failureCleared();
    }
}

void CopyReport::failedAtStart(int eventId, const QString &message, qint64 timeMs, bool permanent)
{
    m_status.failed = true;
    m_status.failedMessage = message;
    m_status.failedEventId = eventId;
    m_status.failedTimeMs = timeMs;
    m_permanentFailure = permanent;
}

void CopyReport::clearFailure()
{
    m_status.failed = false;
    m_status.failedMessage.clear();
    m_status.failedEventId = 0;
    m_status.failedTimeMs = 0;
}

void CopyReport::recovered()
{
    emitEvent(2108, EventLevel::Information,
              QStringLiteral("The SCR copy of %1 on %2 recovered from: %3")
                  .arg(m_config.identity, m_config.standbyMachine, m_status.failedMessage));
    clearFailure();
    failureCleared(); // the service found the cause gone: the directory forgets the failure
}

void CopyReport::suspended(const QString &comment, bool announce)
{
    if (!m_status.suspend && announce)
        emitEvent(2092, EventLevel::Information,
                  comment.isEmpty() ? QStringLiteral("The SCR copy of %1 on %2 was suspended.")
                                          .arg(m_config.identity, m_config.standbyMachine)
                                    : QStringLiteral("The SCR copy of %1 on %2 was suspended: %3")
                                          .arg(m_config.identity, m_config.standbyMachine, comment));
    m_status.suspend = true;
    m_status.suspendComment = comment;
}

void CopyReport::resumed()
{
    if (m_status.suspend || m_status.failed)
        emitEvent(2093, EventLevel::Information,
                  QStringLiteral("The SCR copy of %1 on %2 was resumed.")
                      .arg(m_config.identity, m_config.standbyMachine));
    m_status.suspend = false;
    m_status.suspendComment.clear();
    clearFailure();
    m_permanentFailure = false;
    failureCleared(); // an administrator's Resume clears a kept failure; the next cycle finds a real one
                      // again
}

void CopyReport::failureCleared()
{
    if (!m_failureKept)
        return;
    m_failureKept = false;
    if (m_failures)
        m_failures(std::nullopt);
}

void CopyReport::refresh(bool databaseExists, bool sourceUnreachable, bool serviceDown)
{
    constexpr uint32_t kLag = kReplayLagGenerations;
    m_status.databaseExists = databaseExists;
    m_status.note.clear();
    if (!m_status.databaseExists) {
        const uint32_t have = std::min<uint32_t>(m_status.lastLogInspected, kLag);
        m_status.note = have < kLag
                            ? QStringLiteral("waiting for initial replay (%1/%2 logs)").arg(have).arg(kLag)
                            : QStringLiteral("waiting for initial replay (ReplayLagTime has not passed)");
    }
    if (sourceUnreachable)
        m_status.note = QStringLiteral("the source's logs are unreachable");
    if (serviceDown)
        m_status.note =
            QStringLiteral("the replication service on %1 is not running (the host is powered off)")
                .arg(m_config.standbyMachine);
    if (m_status.seeding)
        m_status.note = QStringLiteral("Update-StorageGroupCopy is seeding the copy");
    if (serviceDown)
        m_status.summary = SummaryCopyStatus::ServiceDown;
    else if (m_status.seeding)
        m_status.summary = SummaryCopyStatus::Seeding; // the seed replaces the copy's files, whatever was so
    else if (m_status.failed && m_permanentFailure)
        // A failure only an administrator clears (a corrupt source log, a damaged database, an interrupted
        // seed) is not hidden by a suspend: Suspended would say the copy's files are whole.
        m_status.summary = SummaryCopyStatus::Failed;
    else if (m_status.suspend)
        m_status.summary = SummaryCopyStatus::Suspended;
    else if (m_status.failed)
        m_status.summary = SummaryCopyStatus::Failed;
    else if (m_status.lastLogInspected == 0 && !m_status.databaseExists)
        m_status.summary = SummaryCopyStatus::Initializing; // no closed log handled yet
    else
        m_status.summary = SummaryCopyStatus::Healthy;
    // Every change of status is an event; those without one of their own (suspend 2092, resume 2093, a
    // failure 2104/2105/2107, a recovery 2108) get 2111.
    const SummaryCopyStatus was = m_reportedSummary;
    m_reportedSummary = m_status.summary;
    const bool ownEvent = m_status.summary == SummaryCopyStatus::Suspended ||
                          m_status.summary == SummaryCopyStatus::Failed ||
                          was == SummaryCopyStatus::Suspended || was == SummaryCopyStatus::Failed;
    if (m_started && was != m_status.summary && !ownEvent)
        emitEvent(2111,
                  m_status.summary == SummaryCopyStatus::ServiceDown ? EventLevel::Warning
                                                                     : EventLevel::Information,
                  QStringLiteral("The SCR copy of %1 on %2 is %3 (it was %4).")
                      .arg(m_config.identity, m_config.standbyMachine,
                           summaryCopyStatusName(m_status.summary), summaryCopyStatusName(was)));
    m_started = true;
}

} // namespace scr
