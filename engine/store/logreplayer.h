#pragma once
// LogReplayer: keeps a standby copy's database in step with its logs, one closed generation at a time
// (the SCR replayer's storage half). A generation's records are applied in one transaction, so the file only
// ever holds whole generations and header().applied.generation is the last generation replayed. A copy
// without a file is born from its CreateDB record, as Exchange's copies are when no seed was needed.

#include "core/result.h"
#include "database.h"
#include "logfile.h"

#include <memory>
#include <vector>

#include <QUuid>

namespace scr {

class LogReplayer
{
public:
    LogReplayer(HostDisk disk, QString edbPath, QUuid databaseGuid, QString displayPath = {});

    bool databaseExists() const;
    // The last generation whose every record is in the database; 0 when there is no database yet.
    Result<uint32_t> lastReplayedGeneration();
    // Replays log, which must be the generation after lastReplayedGeneration() (or, with no database, one
    // holding the database's CreateDB record).
    Status replay(const LogFile &log);
    // Replays consecutive generations in one transaction: all of them are in the file, or none. The
    // database's applied LSN moves in that same transaction, so a crash never leaves a generation half
    // replayed, and one commit (one WAL sync) serves many logs.
    Status replay(const std::vector<LogFile> &logs);
    Database *database() { return m_db.get(); }
    void close() { m_db.reset(); }

private:
    Status ensureOpen();
    Status createFrom(const LogFile &log);

    HostDisk m_disk;
    QString m_edbPath;
    QUuid m_guid;
    QString m_display;
    std::unique_ptr<Database> m_db;
};

} // namespace scr
