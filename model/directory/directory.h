#pragma once
// Directory: the organization's directory, and the one repository through which the rest of the product
// reads and writes it. Today it is org.sqlite in the lab folder (WAL, foreign keys, a schema version with
// migrations, every change in a transaction); nothing outside directory.cpp knows that. One Directory per
// thread: each opens its own connection.

#include "core/result.h"
#include "records.h"

#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace scr {

class Directory
{
public:
    static constexpr int kSchemaVersion = 5;
    // PRAGMA application_id of every org.sqlite this product makes ("SCR1"): only such a file, or a lab
    // made before the id with the product's tables and a schema version it knows, is ever migrated.
    static constexpr qint64 kApplicationId = 0x53435231;
    // The most status samples of one copy that samples() returns: more than a lab keeps (2 hours a minute
    // apart, then 7 days in 10-minute buckets: 1,128), so a directory that holds more is never loaded whole.
    static constexpr int kMaxSamplesPerCopy = 2048;

    // An existing lab's directory. Refused, and nothing written, unless org.sqlite is there and looks like a
    // SQLite database (validateFile): a damaged directory is never rebuilt as an empty organization.
    static Result<std::unique_ptr<Directory>> open(const QString &labDir);
    // Whether labDir holds a directory (org.sqlite): what makes a folder a lab.
    static bool isLabFolder(const QString &labDir);
    // A new, empty directory in labDir; refused when org.sqlite exists already.
    static Result<std::unique_ptr<Directory>> create(const QString &labDir);
    // Whether labDir has an org.sqlite that can be opened: present, not empty, with SQLite's file header.
    static Status validateFile(const QString &labDir);
    // Whether the lab folder, its org.sqlite and logs/ can be written: a lab is written all the time.
    static Status checkWritable(const QString &labDir);
    ~Directory();
    Directory(const Directory &) = delete;
    Directory &operator=(const Directory &) = delete;

    const QString &labDir() const { return m_labDir; }
    // Runs work in one transaction: all of it lands, or none of it. Inside another transaction, work joins
    // it.
    Status transaction(const std::function<Status()> &work);

    Status addHost(const HostRecord &host);
    Result<std::vector<HostRecord>> hosts() const;
    Result<std::optional<HostRecord>> host(const QString &name) const;
    Status setHostPoweredOn(const QString &name, bool on);
    // The logical capacity of the host's disk (Set-Host -DiskSizeGB); 0 is the default.
    Status setHostDiskSize(const QString &name, qint64 bytes);
    // When the host was last powered off without a shutdown (0: never): a dead source's failure time.
    Status setHostPoweredOffAt(const QString &name, qint64 timeMs);
    Result<qint64> hostPoweredOffAt(const QString &name) const;
    // Rename-Computer: the host keeps its disk folder; servers bound to it follow the new name.
    Status renameHost(const QString &from, const QString &to);

    Status addServer(const ServerRecord &server);
    Result<std::vector<ServerRecord>> servers() const;
    Result<std::optional<ServerRecord>> server(const QString &name) const;
    // setup /m:RecoverServer binds a server object to another host.
    Status bindServer(const QString &server, const QString &host);
    // setup /m:Uninstall: the server object goes (its storage groups must be gone first).
    Status removeServer(const QString &name);

    Result<qint64> addStorageGroup(const StorageGroupRecord &sg);
    Result<std::vector<StorageGroupRecord>> storageGroups(const QString &server = {}) const;
    Result<std::optional<StorageGroupRecord>> storageGroup(qint64 id) const;
    // "MBX1\SG1" (case-insensitive)
    Result<std::optional<StorageGroupRecord>> storageGroup(const QString &identity) const;
    // LogFolderPath and SystemFolderPath.
    Status updateStorageGroupPaths(const StorageGroupRecord &sg);
    Status removeStorageGroup(qint64 id);
    // The time of the last full backup (Start-DatabaseBackup), 0 if none.
    Status setLastFullBackup(qint64 storageGroupId, qint64 timeMs);
    Result<qint64> lastFullBackup(qint64 storageGroupId) const;

    Result<qint64> addDatabase(const DatabaseRecord &db);
    Result<std::vector<DatabaseRecord>> databases(qint64 storageGroupId = 0) const;
    Status setDatabaseMounted(qint64 id, bool mounted);
    // Name, GUID (mailboxes follow a new GUID), EdbFilePath, MountAtStartup, AllowFileRestore.
    Status updateDatabase(const DatabaseRecord &db);
    Status removeDatabase(qint64 id);

    Status addMailbox(const MailboxRecord &mailbox);
    Result<std::vector<MailboxRecord>> mailboxes(const QUuid &database = {}) const;
    // Move-Mailbox -ConfigurationOnly: the mailbox's home database, and nothing else.
    Status setMailboxHome(const QUuid &mailbox, const QUuid &database);

    Result<qint64> addCopy(const ScrCopyRecord &copy);
    Status updateCopy(const ScrCopyRecord &copy);
    Status removeCopy(qint64 id);
    Result<std::vector<ScrCopyRecord>> copies(qint64 storageGroupId = 0) const;
    Status setCopySourcePosition(qint64 copyId, const CopySourcePosition &seen);
    Result<CopySourcePosition> copySourcePosition(qint64 copyId) const;
    // A copy's failure, kept until an administrator resumes or reseeds the copy or its replication service
    // finds the cause gone (the Lab writes and clears it as the copy says); nullopt when it is not failed.
    Status setCopyFailure(qint64 copyId, const CopyFailureRecord &failure);
    Status clearCopyFailure(qint64 copyId);
    Result<std::optional<CopyFailureRecord>> copyFailure(qint64 copyId) const;
    // A host disk's I/O fault (Set-Host -DiskFault): "" none, "ReadOnly" or "IOError".
    Status setHostDiskFault(const QString &name, const QString &fault);
    Result<QString> hostDiskFault(const QString &name) const;

    // Mail flows, one per database at most; a database's flow goes with the database.
    Status replaceMailFlows(const std::vector<MailFlowRecord> &flows);
    Result<std::vector<MailFlowRecord>> mailFlows() const;

    Status addSamples(const std::vector<StatusSample> &samples);
    // The newest limit samples of a copy since sinceMs, oldest first.
    Result<std::vector<StatusSample>> samples(qint64 copyId, qint64 sinceMs = 0,
                                              int limit = kMaxSamplesPerCopy) const;
    // Keeps one sample per bucketMs for samples older than olderThanMs, and none older than dropBeforeMs:
    // history stays bounded.
    Status downsample(qint64 olderThanMs, qint64 bucketMs, qint64 dropBeforeMs = 0);
    Result<qint64> sampleCount() const;

    Status addEvent(const EventRecord &event);
    Result<std::vector<EventRecord>> events(int limit = 1000) const;

    // The virtual clock as last persisted. Read back as the newest of it and of every time the directory
    // holds (events, status history), so a clock saved late can never make time go back.
    Status saveClock(qint64 nowMs);
    Result<qint64> savedClock() const;

    Status setSetting(const QString &key, const QString &value);
    Result<QString> setting(const QString &key, const QString &fallback = {}) const;

private:
    Directory() = default;
    static Result<std::unique_ptr<Directory>> connect(const QString &labDir, bool creating);
    // Whether an existing org.sqlite is this product's (application id, or a legacy lab's schema and
    // tables): read only, before anything writes to the file.
    Status checkIdentity();
    // Every value the engine trusts (lags, sizes, rates, times) in its range; the first row outside is
    // refused, named.
    Status checkValues();
    Status migrate();

    QString m_labDir;
    QString m_connection;
    int m_transactionDepth = 0;
    bool m_stampApplicationId = false; // a new file, or a legacy lab: migrate() writes the application id
};

} // namespace scr
