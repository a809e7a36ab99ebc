#pragma once
// MountedDatabase: a mounted mailbox database and its storage group's log stream (the Information Store's
// part). Write-ahead: a change is logged first and acknowledged only when commit() has flushed its record;
// the database file catches up lazily, and the checkpoint follows it. Mount runs soft recovery first;
// dismount applies everything and leaves the file in Clean Shutdown.

#include "core/result.h"
#include "database.h"
#include "logstream.h"
#include "records.h"
#include "recovery.h"

#include <memory>
#include <optional>
#include <set>
#include <vector>

#include <QUuid>

namespace scr {

class Clock;

struct StoragePaths
{
    HostDisk disk; // the host's disk that holds all three
    QString prefix = QStringLiteral("E00");
    QString logFolder;    // LogFolderPath, as a local folder
    QString systemFolder; // SystemFolderPath (E00.chk)
    QString edbPath;      // EdbFilePath
};

class MountedDatabase
{
public:
    // Mounts the database of guid at paths.edbPath, creating it (and a CreateDB record) when no file and no
    // log of it exists. Refuses a file whose GUID is not guid (-1216) or whose logs are another stream's
    // (-530), unless allowFileRestore ("This database can be overwritten by a restore"): then a file in
    // Clean Shutdown is taken over: it is stamped with guid and name, and attached to the log stream of the
    // folder from its current end on.
    // mayStartEmpty=false: with no file, the logs must rebuild it (from generation 1, which holds its
    // creation); a mount that would start it empty is refused (a database that had a file, unless forced).
    // Everything is checked before anything is made; a refused or failed mount leaves no folder or log made.
    static Result<std::unique_ptr<MountedDatabase>> mount(const StoragePaths &paths, const QUuid &guid,
                                                          const QString &name, const Clock &clock,
                                                          bool allowFileRestore = false,
                                                          bool mayStartEmpty = true);
    // Destroying without dismount() is a crash as far as the files are concerned: the file stays
    // Dirty Shutdown and the next mount (or eseutil /r) recovers it from the logs.
    ~MountedDatabase();

    Result<Lsn> createMailbox(const CreateMailboxRecord &record);
    Result<Lsn> deliverMessage(const DeliverMessageRecord &record);
    Result<Lsn> deleteMessage(const DeleteMessageRecord &record);

    // The group commit: every change logged so far is durable when this returns without error.
    Status commit();
    // Applies the durable changes to the database file and advances the checkpoint.
    Status applyPending();
    Status dismount();

    Database &database() { return *m_db; }
    // What soft recovery did at mount, when it replayed anything (a clean mount replays nothing).
    const std::optional<RecoveryReport> &softRecovery() const { return m_softRecovery; }
    LogStream &log() { return *m_log; }
    const StoragePaths &paths() const { return m_paths; }
    bool knowsMailbox(const QUuid &guid) const { return m_mailboxes.count(guid) > 0; }

    // Lazy apply thresholds: how much may wait in memory before commit() applies it.
    static constexpr std::size_t kApplyAfterRecords = 1024;
    static constexpr qint64 kApplyAfterBytes = 8 * 1024 * 1024;

private:
    MountedDatabase(StoragePaths paths, const Clock &clock);
    Result<Lsn> log(RecordType type, const QByteArray &payload, uint32_t describedSize = 0);
    Status writeCheckpointAt(Lsn position);

    struct PendingRecord
    {
        Lsn lsn;
        RecordType type;
        qint64 timeMs;
        QByteArray payload;
        uint32_t describedSize;
    };

    StoragePaths m_paths;
    const Clock &m_clock;
    std::unique_ptr<LogStream> m_log;
    std::unique_ptr<Database> m_db;
    std::vector<PendingRecord> m_pending; // logged, not yet in the database file
    qint64 m_pendingBytes = 0;
    std::set<QUuid> m_mailboxes;
    bool m_dismounted = false;
    std::optional<RecoveryReport> m_softRecovery;
};

} // namespace scr
