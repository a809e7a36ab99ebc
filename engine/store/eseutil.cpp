#include "eseutil.h"

#include "checkpoint.h"
#include "database.h"
#include "logfile.h"

#include "core/textescape.h"

#include <tuple>

#include <QStringList>

namespace scr::eseutil {
namespace {

// A value (a name from a header, a path) is untrusted: its newlines and escapes never reach the dump as
// layout, so a header field cannot forge a line of its own.
QString field(const char *name, const QString &value)
{
    return QStringLiteral("%1: %2\n").arg(QString::fromLatin1(name), 18).arg(escapeControls(value));
}

QString genRange(uint32_t low, uint32_t high)
{
    return QStringLiteral("%1-%2 (0x%3-0x%4)").arg(low).arg(high).arg(low, 0, 16).arg(high, 0, 16);
}

QString lsnWithTime(Lsn lsn, qint64 ms)
{
    return lsn.toString() + QStringLiteral("  ") + eseTimeString(ms);
}

} // namespace

QString banner()
{
    return QStringLiteral("SCR Console Extensible Storage Engine Utilities (eseutil)\nVersion %1\n\n")
        .arg(QStringLiteral(SCR_VERSION));
}

Result<QString> dumpDatabaseHeader(const HostDisk &disk, const QString &path, const QString &displayPath)
{
    auto db = Database::open(disk, path, Database::Access::ReadOnly, displayPath);
    if (!db)
        return db.error();
    const DatabaseHeader &h = (*db)->header();
    auto count = (*db)->messageCount();
    if (!count)
        return count.error();
    auto mailboxes = (*db)->mailboxes();
    if (!mailboxes)
        return mailboxes.error();
    QString out = QStringLiteral("Initiating FILE DUMP mode...\n");
    out += field("Database", displayPath) + QLatin1Char('\n');
    out += field("File Type", QStringLiteral("Database"));
    out += field("DB Signature", h.guid.toString(QUuid::WithBraces).toUpper());
    out += field("Database Name", h.name);
    out += field("Created", eseTimeString(h.createdMs));
    out += field("State", databaseStateName(h.state));
    out += field("Log Required", genRange(h.logRequiredLow, h.logRequiredHigh));
    out += field("Log Committed", genRange(0, h.logCommitted));
    out += field("Last Consistent", lsnWithTime(h.lastConsistent, h.lastConsistentMs));
    out += field("Last Attach", lsnWithTime(h.lastAttach, h.lastAttachMs));
    out += field("Last Detach", lsnWithTime(h.lastDetach, h.lastDetachMs));
    out += field("Last Applied", h.applied.toString());
    out += field("Log Signature", h.logSignature.toString());
    out += field("Mailboxes", QString::number(mailboxes->size()));
    out += field("Messages", QString::number(*count));
    return out;
}

Result<QString> dumpLog(const HostDisk &disk, const QString &path, const QString &displayPath)
{
    // A database or a checkpoint given to /ml is not a log to restore: say what it is and what dumps it.
    for (const auto &[suffix, what, mode] :
         {std::tuple{".edb", "a database", "/mh"}, {".chk", "a checkpoint", "/mk"}})
        if (path.endsWith(QLatin1String(suffix), Qt::CaseInsensitive))
            return Error{
                displayPath, QStringLiteral("is not a log file: it is %1").arg(QLatin1String(what)),
                QStringLiteral("dump it with eseutil %1 %2, or give /ml a log (E00.log, E0000000001.log)")
                    .arg(QLatin1String(mode), displayPath),
                JetCode::InvalidParameter};
    auto log = LogFile::load(disk, path, displayPath);
    if (!log)
        return log.error();
    const bool isOpen = path.endsWith(openLogFileName(log->header().prefix), Qt::CaseInsensitive);
    auto scan = log->scan(isOpen);
    if (!scan)
        return scan.error();
    const LogHeader &h = log->header();
    QStringList counts;
    for (uint16_t t = 1; t < scan->countByType.size(); ++t)
        if (isKnownRecordType(t) && scan->countByType[t] > 0)
            counts << QStringLiteral("%1 %2")
                          .arg(recordTypeName(static_cast<RecordType>(t)))
                          .arg(scan->countByType[t]);
    QString out = QStringLiteral("Initiating FILE DUMP mode...\n\n");
    out += field("Base name", h.prefix);
    out += field("Log file", displayPath);
    out +=
        field("lGeneration",
              QStringLiteral("%1 (0x%2)").arg(h.generation).arg(QString::number(h.generation, 16).toUpper()));
    out += field("creation time", eseTimeString(h.creationTimeMs));
    out += field("prev gen time", eseTimeString(h.prevCreationTimeMs));
    out += field("Signature", h.signature.toString());
    out += field("Last Lgpos", scan->end.toString());
    out += field("Records",
                 QStringLiteral("%1%2")
                     .arg(scan->records)
                     .arg(counts.isEmpty()
                              ? QString()
                              : QStringLiteral(" (") + counts.join(QStringLiteral(", ")) + QLatin1Char(')')));
    out += field("Last record time", eseTimeString(scan->lastRecordTimeMs));
    if (scan->tornTail)
        out += field("Torn tail",
                     QStringLiteral("yes: a write after %1 was never completed").arg(scan->end.toString()));
    out += QStringLiteral("\nIntegrity check passed for log file: %1\n").arg(escapeControls(displayPath));
    return out;
}

Result<QString> dumpCheckpoint(const HostDisk &disk, const QString &path, const QString &displayPath)
{
    auto chk = readCheckpoint(disk, path, displayPath);
    if (!chk)
        return chk.error();
    QString out = QStringLiteral("Initiating FILE DUMP mode...\n");
    out += field("Checkpoint file", displayPath) + QLatin1Char('\n');
    out += field("LastFullBackupCheckpoint", QStringLiteral("(0x0,0,0)"));
    out += field("Checkpoint", chk->position.toString());
    out += field("Signature", chk->signature.toString());
    out += field("Database", chk->databaseGuid.toString(QUuid::WithBraces).toUpper());
    out += field("Written", eseTimeString(chk->writtenMs));
    return out;
}

QString formatRecoveryReport(const RecoveryReport &report, const QString &displayDatabasePath)
{
    QString out = QStringLiteral("Initiating RECOVERY mode...\n");
    out += field("Database", displayDatabasePath);
    if (report.firstGeneration)
        out += field("Logs", genRange(report.firstGeneration, report.lastGeneration));
    for (const QString &note : report.notes)
        out += QStringLiteral("    ") + escapeControls(note) + QLatin1Char('\n');
    out += field("Last Consistent", report.end.toString());
    return out;
}

} // namespace scr::eseutil
