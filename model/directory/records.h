#pragma once
// The objects of the directory, as plain values. Names compare case-insensitively, as Exchange's do.

#include <cstdint>

#include <QString>
#include <QStringList>
#include <QUuid>

namespace scr {

struct HostRecord
{
    QString name;
    bool poweredOn = true;
    QString diskFolder;       // relative to the lab folder, e.g. "hosts/MBX1"; empty means that default
    qint64 diskSizeBytes = 0; // the disk's logical capacity (Set-Host -DiskSizeGB); 0: the default, 200 GB
};

struct ServerRecord
{
    QString name; // the Exchange server object, "MBX1"
    QString host; // the machine it is bound to; Recover Server rebinds it
    bool installed = true;
    bool mailboxRole = true;
};

struct StorageGroupRecord
{
    qint64 id = 0;
    QString server;
    QString name;
    QString logPrefix = QStringLiteral("E00");
    QString logFolderPath; // Windows path on the server's host
    QString systemFolderPath;
    bool circularLogging = false;
    bool recovery = false;
    QString identity() const { return server + QLatin1Char('\\') + name; }
};

struct DatabaseRecord
{
    qint64 id = 0;
    qint64 storageGroupId = 0;
    QString name;
    QUuid guid;
    QString edbFilePath;
    bool mounted = false;
    bool mountAtStartup = true;
    bool allowFileRestore = false; // "This database can be overwritten by a restore"
    bool everMounted = false;      // mounted at least once: its file exists somewhere (or is lost)
};

enum class MailboxClass { User, SystemAttendantMailbox, ExOleDbSystemMailbox };
QString mailboxClassName(MailboxClass c);

struct MailboxRecord
{
    QUuid guid;
    QString name;
    QString alias;
    MailboxClass objectClass = MailboxClass::User;
    QUuid databaseGuid; // home database
};

struct ScrCopyRecord
{
    qint64 id = 0;
    qint64 storageGroupId = 0;
    QString standbyMachine;
    qint64 replayLagMs = 24 * 3600 * 1000;
    qint64 truncationLagMs = 0;
    bool suspended = false;
    QString suspendComment;
};

// What an SCR copy last saw of its source: LastLogGenerated and that log's time. Kept with the copy so that
// the loss can still be told after the source died and the lab restarted.
struct CopySourcePosition
{
    uint32_t lastLogGenerated = 0;
    qint64 latestAvailableLogTime = 0;
};

// An SCR copy's failure as the directory keeps it: FailedMessage, the event that reported it, when, and
// whether only an administrator clears it (Resume-/Update-StorageGroupCopy) or its service too.
struct CopyFailureRecord
{
    int eventId = 0;
    QString message;
    qint64 timeMs = 0;
    bool permanent = false;
};

// A mail flow into a mounted database; it outlives the process (Start-MailFlow in one scr-shell run,
// Step-Simulation in the next).
struct MailFlowRecord
{
    QUuid database;
    double messagesPerMinute = 0;
    int messageBytes = 0;
};

struct StatusSample
{
    qint64 copyId = 0;
    qint64 timeMs = 0;
    qint64 copyQueueLength = 0;
    qint64 replayQueueLength = 0;
    QString summary;
};

struct EventRecord
{
    qint64 id = 0;
    qint64 timeMs = 0;
    int eventId = 0;
    QString level;
    QString source;
    QString text;
};

} // namespace scr
