#pragma once
// LabSnapshot: the organization as the console shows it at one moment: hosts, servers, storage groups,
// databases, SCR copies with their status, and the virtual clock. A plain value, copied across threads by
// queued signals, so the GUI never reads the directory or a host's files itself.

#include "directory/records.h"
#include "replication/copystatus.h"

#include <vector>

#include <QMetaType>

namespace scr {

struct DatabaseSnapshot
{
    DatabaseRecord record;
    bool mounted = false;
    QString mountError; // why the last mount failed (event 1002), while it stays dismounted
    int mailboxes = 0;
    // For the database's property sheet: its storage group's last full backup (Start-DatabaseBackup; 0 =
    // never) and the size of its file on its host's disk, the .edb and its write-ahead log as the engine
    // keeps them (-1: not known, the host is off or the file is not there yet).
    qint64 lastFullBackupMs = 0;
    qint64 sizeBytes = -1;
};

struct CopySnapshot
{
    ScrCopyRecord record;
    CopyStatus status;
};

// A mailbox as Recipient Configuration lists it: its directory object, and where its home database is.
struct MailboxSnapshot
{
    MailboxRecord record; // name, alias, class, the home database's GUID
    QString database;     // the home database's identity, "MBX1\SG1\DB1" (empty: no such database)
    QString server;       // the server of that database, "MBX1"
};

struct StorageGroupSnapshot
{
    StorageGroupRecord record;
    std::vector<DatabaseSnapshot> databases;
    std::vector<CopySnapshot> copies;
};

struct LabSnapshot
{
    QString labDir;
    qint64 nowMs = 0;
    double speed = 1;
    bool running = false;
    std::vector<HostRecord> hosts;
    std::vector<ServerRecord> servers;
    std::vector<StorageGroupSnapshot> storageGroups;
    std::vector<MailboxSnapshot> mailboxes; // in the directory's order

    const HostRecord *host(const QString &name) const;
    const ServerRecord *server(const QString &name) const;
    bool isPoweredOn(const QString &host) const; // false for a host that is not there
    std::vector<CopySnapshot> allCopies() const;
};

} // namespace scr

Q_DECLARE_METATYPE(scr::LabSnapshot)
// The event log and status history sent at open, across threads with the snapshots.
Q_DECLARE_METATYPE(std::vector<scr::EventRecord>)
Q_DECLARE_METATYPE(std::vector<scr::StatusSample>)
