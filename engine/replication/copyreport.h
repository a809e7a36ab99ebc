#pragma once
// CopyReport: what one SCR copy says about itself: its status (Get-StorageGroupCopyStatus), its events, and
// the failure its owner keeps in the directory. Every step of the copy's cycle reports through it; it turns
// the lab's local folders into the Windows paths administrators read.

#include "copyconfig.h"
#include "copystatus.h"
#include "core/error.h"
#include "replicationevent.h"

#include <functional>
#include <optional>

namespace scr {

class Clock;

class CopyReport
{
public:
    using EventSink = std::function<void(const ReplicationEvent &)>;
    // Told when the copy's failure is to be kept (a failure, or a new reason) and when it is gone (nullopt:
    // the copy recovered by itself, or was resumed), so that its owner keeps it in the directory.
    using FailureSink = std::function<void(const std::optional<CopyFailure> &)>;

    CopyReport(const CopyConfig &config, const Clock &clock, EventSink events, FailureSink failures);

    CopyStatus &status() { return m_status; }
    const CopyStatus &status() const { return m_status; }
    // A failure that only an administrator clears (Resume-, Update-StorageGroupCopy).
    bool permanentFailure() const { return m_permanentFailure; }

    void emitEvent(int id, EventLevel level, const QString &text);
    // durable=false: a failure that every process finds again from the files and the directory alone (the
    // source cannot be reached: its host's power is in the directory); it is not kept, and it replaces a
    // kept failure that the service may clear.
    void fail(int eventId, const QString &message, bool permanent, bool durable = true);
    // A failure found when the copy starts (a seed interrupted): shown, with no event, as every process
    // finds it.
    void failedAtStart(int eventId, const QString &message, qint64 timeMs, bool permanent);
    // The service found a failure's cause gone: event 2108, and the directory forgets it.
    void recovered();
    // An administrator's Resume: the failure and the suspend go.
    void resumed();
    void suspended(const QString &comment, bool announce);

    // The summary from the flags, and event 2111 for a change that has no event of its own.
    void refresh(bool databaseExists, bool sourceUnreachable, bool serviceDown);
    // The lab's local folders replaced by the Windows path.
    QString shown(QString text) const;

    // An ESE error shown without its own fix (eseutil /r with /a is no fix for an SCR copy).
    static QString withoutFix(Error error);
    // The fix for a copy whose source log is damaged: what an SCR copy can do about it.
    static QString sourceLogDamagedFix();

private:
    void clearFailure();
    void failureCleared(); // the kept failure goes

    const CopyConfig &m_config;
    const Clock &m_clock;
    EventSink m_events;
    FailureSink m_failures;
    CopyStatus m_status;
    bool m_failureKept = false; // a failure is kept in the directory (as far as this copy knows)
    bool m_permanentFailure = false;
    bool m_started = false;                                                // the first status is not a change
    SummaryCopyStatus m_reportedSummary = SummaryCopyStatus::Initializing; // what 2111 last said
};

} // namespace scr
