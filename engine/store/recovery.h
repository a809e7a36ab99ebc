#pragma once
// Recovery: what eseutil /r does. Replays, in order, every log from the checkpoint (or the database header's
// Log Required) through E00.log into the database and leaves it in Clean Shutdown. Every log is checked
// before anything is applied, so a missing generation (-528), a log of another stream (-530), a log of
// another database (-1216) or a corrupt log (-501, -541) stops it with the database unchanged.
// With allowLossOfTail (/a) a missing E00.log, or missing generations at the end, are accepted as lost.

#include "core/result.h"
#include "database.h"
#include "host/hostdisk.h"
#include "lsn.h"

#include <functional>

#include <QStringList>
#include <QUuid>

namespace scr {

class Clock;

struct RecoveryOptions
{
    HostDisk disk; // where the logs, the checkpoint and the database are
    QString prefix = QStringLiteral("E00");
    QString logFolder;            // /l
    QString systemFolder;         // /s: where E00.chk lives; empty means the log folder
    QString databasePath;         // /d: the .edb file, or a folder holding exactly one
    bool allowLossOfTail = false; // /a
    // When the database file is missing, recreate this database from its CreateDatabase record; null takes
    // the first database created in the logs.
    QUuid databaseGuid;
    // Turns a local path into what the user knows (a Windows path of a host); identity when unset.
    std::function<QString(const QString &)> displayPath;
};

struct RecoveryReport
{
    QString databasePath;
    uint32_t firstGeneration = 0; // 0 when no log was needed
    uint32_t lastGeneration = 0;
    Lsn end; // Last Consistent after recovery
    qint64 recordsApplied = 0;
    qint64 recordsSkipped = 0;    // already in the database file
    bool createdDatabase = false; // the file was born by replay from its CreateDatabase record
    bool usedCheckpoint = false;
    bool lostTail = false; // /a accepted missing logs at the end
    QStringList notes;     // what recovery did, in the order it did it, for eseutil's output
};

class Recovery
{
public:
    // Called once per generation in each pass; returning false cancels (-2401, the database stays
    // consistent).
    using Progress = std::function<bool(const QString &phase, int done, int total)>;

    static Result<RecoveryReport> run(const RecoveryOptions &options, const Clock &clock,
                                      const Progress &progress = {});
};

} // namespace scr
