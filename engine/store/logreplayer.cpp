#include "logreplayer.h"

#include "records.h"

#include <optional>

namespace scr {

LogReplayer::LogReplayer(HostDisk disk, QString edbPath, QUuid databaseGuid, QString displayPath)
    : m_disk(std::move(disk)), m_edbPath(std::move(edbPath)), m_guid(databaseGuid),
      // Shown as the user knows it (C:\...), never the lab's local path, when no display path is given.
      m_display(displayPath.isEmpty() ? m_disk.displayPath(m_edbPath) : std::move(displayPath))
{}

bool LogReplayer::databaseExists() const
{
    return m_db || m_disk.exists(m_edbPath);
}

Status LogReplayer::ensureOpen()
{
    if (m_db)
        return {};
    auto db = Database::open(m_disk, m_edbPath, Database::Access::ReadWrite, m_display);
    if (!db)
        return db.error();
    if ((*db)->header().guid != m_guid)
        return Error{m_display, QStringLiteral("holds another database than the copy's"),
                     QStringLiteral("reseed the copy with Update-StorageGroupCopy -DeleteExistingFiles"),
                     JetCode::AttachedDatabaseMismatch};
    m_db = std::move(*db);
    return {};
}

Result<uint32_t> LogReplayer::lastReplayedGeneration()
{
    if (!databaseExists())
        return 0u;
    SCR_TRY(ensureOpen());
    const DatabaseHeader &h = m_db->header();
    // A database born from its first log (createFrom) is in place before the batch that replays that log
    // commits. A power loss or a kill between the two leaves it with no record applied (logCommitted 0):
    // its birth generation is still to replay, not replayed (else the records after its CreateDB record
    // would be skipped for good; tst_powerloss replayIntoTheCopy).
    if (h.state == DatabaseState::JustCreated && h.logCommitted == 0 && h.applied.generation > 0)
        return h.applied.generation - 1;
    return h.applied.generation;
}

Status LogReplayer::createFrom(const LogFile &log)
{
    const uint32_t gen = log.header().generation;
    std::optional<CreateDatabaseRecord> creation;
    Lsn at;
    qint64 atMs = 0;
    auto found = log.scan(false, [&](const LogRecordView &view) -> Status {
        if (creation || view.type != RecordType::CreateDatabase)
            return {};
        auto rec = CreateDatabaseRecord::decode(view);
        if (!rec)
            return rec.error();
        if (rec->databaseGuid == m_guid) {
            creation = *rec;
            at = view.lsn;
            atMs = view.timeMs;
        }
        return {};
    });
    if (!found)
        return found.error();
    if (!creation)
        return Error{
            m_display,
            QStringLiteral("the copy has no database, and generation %1 does not create it").arg(gen),
            QStringLiteral("seed the copy with Update-StorageGroupCopy"), JetCode::FileNotFound};
    auto db = Database::createFromLog(m_disk, m_edbPath, m_guid, creation->databaseName,
                                      log.header().signature, at, atMs, m_display);
    if (!db)
        return db.error();
    m_db = std::move(*db);
    return {};
}

Status LogReplayer::replay(const LogFile &log)
{
    return replay(std::vector<LogFile>{log});
}

Status LogReplayer::replay(const std::vector<LogFile> &logs)
{
    if (logs.empty())
        return {};
    if (!databaseExists())
        SCR_TRY(createFrom(logs.front()));
    SCR_TRY(ensureOpen());
    SCR_TRY(m_db->beginBatch());
    for (const LogFile &log : logs) {
        const uint32_t gen = log.header().generation;
        const DatabaseHeader &h = m_db->batchHeader();
        Status st;
        if (h.logSignature != log.header().signature)
            st = Error{
                log.displayName(), QStringLiteral("belongs to another log stream than the copy's database"),
                QStringLiteral("reseed the copy with Update-StorageGroupCopy"), JetCode::BadLogSignature};
        const bool bornHere = h.applied.generation == gen && h.state == DatabaseState::JustCreated;
        if (st && !bornHere && gen != h.applied.generation + 1)
            st = Error{log.displayName(),
                       QStringLiteral("is generation %1, but the database needs generation %2 next")
                           .arg(gen)
                           .arg(h.applied.generation + 1),
                       QStringLiteral("reseed the copy with Update-StorageGroupCopy"),
                       JetCode::MissingLogFile};
        if (st) {
            auto scan = log.scan(false, [&](const LogRecordView &view) -> Status {
                auto r = m_db->applyRecord(view);
                return r ? Status{} : Status{r.error()};
            });
            if (!scan)
                st = scan.error();
        }
        if (!st) {
            m_db->rollbackBatch();
            return st;
        }
        // Even a generation with nothing for this database counts as replayed.
        if (m_db->batchHeader().applied.generation < gen)
            m_db->batchHeader().applied = {gen, 0};
    }
    return m_db->commitBatch();
}

} // namespace scr
