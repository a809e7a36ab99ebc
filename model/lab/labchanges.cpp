// Lab's state changes: the only writes to the directory outside the Lab's own bookkeeping (events, status
// history, clock, copy failures). Each writes in one transaction and does its runtime effect; the runtime
// step that can fail runs last inside the transaction, so that its failure rolls the directory back, and
// a runtime step already done is undone when the transaction itself fails.

#include "lab.h"

namespace scr {

Status Lab::setHostDiskSize(const QString &host, qint64 bytes)
{
    SCR_TRY(m_directory->setHostDiskSize(host, bytes));
    if (HostDisk *disk = sharedDisk(host))
        disk->setCapacityBytes(bytes > 0 ? bytes : HostDisk::kDefaultCapacityBytes);
    return {};
}

Status Lab::renameHosts(const std::vector<std::pair<QString, QString>> &renames)
{
    SCR_TRY(m_directory->transaction([&]() -> Status {
        for (const auto &[from, to] : renames)
            SCR_TRY(m_directory->renameHost(from, to));
        return {};
    }));
    return hostsRenamed(renames);
}

Result<std::vector<DatabaseRecord>> Lab::databasesOfServer(const QString &server) const
{
    auto sgs = m_directory->storageGroups(server);
    if (!sgs)
        return sgs.error();
    std::vector<DatabaseRecord> all;
    for (const StorageGroupRecord &sg : *sgs) {
        auto dbs = m_directory->databases(sg.id);
        if (!dbs)
            return dbs.error();
        all.insert(all.end(), dbs->begin(), dbs->end());
    }
    return all;
}

Status Lab::bindServer(const QString &server, const QString &host)
{
    return m_directory->transaction([&]() -> Status {
        SCR_TRY(m_directory->bindServer(server, host));
        auto dbs = databasesOfServer(server);
        if (!dbs)
            return dbs.error();
        for (const DatabaseRecord &db : *dbs)
            SCR_TRY(m_directory->setDatabaseMounted(db.id, false));
        return {};
    });
}

Status Lab::mountDatabase(const DatabaseRecord &db, bool force)
{
    // The store takes a restored file over (its GUID becomes this object's) when AllowFileRestore is set.
    return m_directory->transaction([&]() -> Status {
        SCR_TRY(m_directory->setDatabaseMounted(db.id, true));
        return mountStore(db, force); // last: if it fails, the directory rolls back
    });
}

Status Lab::dismountDatabase(const DatabaseRecord &db)
{
    // A database that is not mounted keeps the error of its failed mount: only the directory changes.
    if (!mountedDatabase(db.guid))
        return m_directory->setDatabaseMounted(db.id, false);
    return m_directory->transaction([&]() -> Status {
        SCR_TRY(m_directory->setDatabaseMounted(db.id, false));
        return dismountStore(db); // last: if it fails, the directory rolls back
    });
}

Status Lab::rehomeMailboxes(const std::vector<std::pair<QUuid, QUuid>> &moves)
{
    return m_directory->transaction([&]() -> Status {
        for (const auto &[mailbox, database] : moves)
            SCR_TRY(m_directory->setMailboxHome(mailbox, database));
        return {};
    });
}

Status Lab::recordFullBackup(qint64 storageGroupId, qint64 timeMs)
{
    SCR_TRY(m_directory->setLastFullBackup(storageGroupId, timeMs));
    auto copies = m_directory->copies(storageGroupId);
    if (!copies)
        return copies.error();
    for (const ScrCopyRecord &copy : *copies)
        if (CopyWorker *worker = copyWorker(copy))
            worker->setLatestFullBackupTime(timeMs);
    return {};
}

Result<ScrCopyRecord> Lab::addCopy(ScrCopyRecord copy)
{
    const auto kept = m_directory->transaction([&]() -> Status {
        auto id = m_directory->addCopy(copy);
        if (!id)
            return id.error();
        copy.id = *id;
        return startCopy(copy); // last: a copy that cannot start leaves no record behind
    });
    if (!kept) {
        if (copy.id != 0)
            stopCopy(copy); // started, but the record did not land
        return kept.error();
    }
    return copy;
}

Status Lab::removeCopy(const ScrCopyRecord &copy)
{
    SCR_TRY(m_directory->removeCopy(copy.id));
    stopCopy(copy);
    return {};
}

Status Lab::suspendCopy(const ScrCopyRecord &copy, const QString &comment)
{
    ScrCopyRecord suspended = copy;
    suspended.suspended = true;
    suspended.suspendComment = comment;
    SCR_TRY(m_directory->updateCopy(suspended));
    if (CopyWorker *worker = copyWorker(copy))
        worker->suspend(comment);
    return {};
}

Status Lab::resumeCopy(const ScrCopyRecord &copy)
{
    ScrCopyRecord resumed = copy;
    resumed.suspended = false;
    resumed.suspendComment.clear();
    SCR_TRY(m_directory->transaction([&]() -> Status {
        SCR_TRY(m_directory->updateCopy(resumed));
        return m_directory->clearCopyFailure(copy.id);
    }));
    if (CopyWorker *worker = copyWorker(copy))
        worker->resume();
    return {};
}

} // namespace scr
