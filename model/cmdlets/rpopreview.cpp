#include "rpopreview.h"

#include "lab/lab.h"
#include "replication/copyworker.h"
#include "replication/replayrate.h"
#include "restorestoragegroupcopy.h"
#include "storagegroupcopy.h"
#include "validation.h"

#include <QDateTime>
#include <QObject>

namespace scr {
namespace {

QString timeText(qint64 ms)
{
    return ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC)
                        .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'"))
                  : QObject::tr("unknown");
}

} // namespace

QStringList RpoPreview::lines(const std::function<QString(qint64)> &time) const
{
    QStringList out;
    if (lastLogInspected == 0)
        out << QObject::tr("Last copied log: none yet (the copy has not inspected any log).");
    else
        out << QObject::tr("Last copied log: generation %1, written %2.")
                   .arg(lastLogInspected)
                   .arg(time && lastInspectedLogTimeMs > 0 ? time(lastInspectedLogTimeMs)
                                                           : timeText(lastInspectedLogTimeMs));
    if (!losesData()) {
        if (sourceReachable && logsToCopyFirst > 0)
            out << QObject::tr(
                "Mail lost if activated now: none. The source is reachable: the wizard dismounts "
                "its database first, then Restore-StorageGroupCopy copies the %n log(s) the copy "
                "lacks and the open log.",
                nullptr, int(logsToCopyFirst));
        else if (sourceReachable)
            out << QObject::tr(
                "Mail lost if activated now: none. The source is reachable: the wizard dismounts "
                "its database first, then Restore-StorageGroupCopy copies its open log (the copy "
                "has every closed log).");
        else
            out << QObject::tr("Mail lost if activated now: none.");
    } else {
        const QString which = lostGenerations > 0 ? QObject::tr("generations %1 to %2 and the open log")
                                                        .arg(lastLogInspected + 1)
                                                        .arg(lastLogGenerated)
                                                  : QObject::tr("the open log");
        out << QObject::tr("Mail lost if activated now: %n log(s)", nullptr, int(lostLogs())) +
                   QObject::tr(" (%1), at most %n minute(s) of mail. The source %2 cannot be reached.",
                               nullptr, int(lostMinutes()))
                       .arg(which, identity.section(QLatin1Char('\\'), 0, 0));
    }
    out << QObject::tr("Replay queue now: %n log(s) inspected and not replayed yet (ReplayQueueLength).",
                       nullptr, int(replayQueueLength));
    QString replay =
        QObject::tr("Replay left at activation: %n log(s) (eseutil /r)", nullptr, int(replayLogs));
    if (!replayLogsPerSecond)
        replay += QObject::tr("; duration: not measured yet (this lab has not replayed a log yet).");
    else
        replay += QObject::tr("; estimated duration: %1, at the %2 logs/s this lab has measured.")
                      .arg(cmdlets::durationText(replayEstimateMs))
                      .arg(*replayLogsPerSecond, 0, 'f', 1);
    out << replay;
    return out;
}

namespace cmdlets {

QString durationText(qint64 ms)
{
    if (ms < 1000)
        return QObject::tr("less than a second");
    const qint64 s = ms / 1000;
    if (s < 60)
        return QObject::tr("%n second(s)", nullptr, int(s));
    if (s < 3600)
        return QObject::tr("%1 min %2 s").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
    return QObject::tr("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60, 2, 10, QLatin1Char('0'));
}

Result<RpoPreview> previewRpo(const Lab &lab, const QString &storageGroup, const QString &standbyMachine)
{
    auto copy = findStorageGroupCopy(lab, storageGroup, standbyMachine);
    if (!copy)
        return copy.error();
    auto sg = findStorageGroup(lab, storageGroup);
    if (!sg)
        return sg.error();
    auto dbs = lab.directory().databases(sg->id);
    if (!dbs)
        return dbs.error();
    auto sourceHost = lab.hostOfServer(sg->server);
    if (!sourceHost)
        return sourceHost.error();
    RpoPreview p;
    p.identity = sg->identity();
    p.standbyMachine = copy->standbyMachine;
    p.sourceReachable = isPoweredOn(lab, *sourceHost);
    p.sourceMounted = p.sourceReachable && dbs->size() == 1 && lab.mountedDatabase(dbs->front().guid);
    p.suspended = copy->suspended;
    CopyStatus s;
    if (const CopyWorker *worker = lab.copyWorker(*copy))
        s = worker->status();
    else
        s.summary = SummaryCopyStatus::ServiceDown;
    p.status = s.summary;
    p.statusText = summaryCopyStatusName(s.summary);
    p.failedMessage = s.failedMessage;
    p.databaseExists = s.databaseExists;
    p.lastLogInspected = s.lastLogInspected;
    p.lastInspectedLogTimeMs = s.lastInspectedLogTime;
    p.lastLogReplayed = s.lastLogReplayed;
    p.replayQueueLength = s.replayQueueLength();

    const ActivationLoss loss = activationLoss(lab, *copy, s.lastLogInspected, s.lastInspectedLogTime,
                                               *sourceHost, p.sourceReachable);
    p.lostGenerations = loss.lostGenerations;
    p.openLogLost = loss.openLogLost;
    p.lostTimeMs = loss.lostTimeMs;
    if (p.sourceReachable) {
        p.lastLogGenerated = std::max(s.lastLogGenerated, s.lastLogInspected);
        p.logsToCopyFirst = p.lastLogGenerated - s.lastLogInspected;
        // Everything through the source's newest closed log, then its open log.
        p.replayLogs = qint64(p.lastLogGenerated) + 1 - s.lastLogReplayed;
    } else {
        p.lastLogGenerated = loss.lastLogGenerated;
        p.replayLogs = qint64(s.lastLogInspected) - s.lastLogReplayed;
    }
    if (const auto rate = ReplayRate::read(lab.labFolder())) {
        p.replayLogsPerSecond = rate->logsPerSecond();
        p.replayEstimateMs = rate->estimateMs(p.replayLogs);
    }
    return p;
}

} // namespace cmdlets
} // namespace scr
