#pragma once
// The objects of the directory, as plain values. Names compare case-insensitively, as Exchange's do.

#include <cstdint>

#include <QString>
#include <QStringList>
#include <QUuid>

namespace scr {

// The ranges a value of the directory may take, once: the cmdlets refuse a value outside them, and
// Directory::open refuses a directory that holds one (org.sqlite is input too: a lag of INT64_MIN or a
// mail rate of 1e9 written by hand must not reach the engine).
namespace limits {
constexpr qint64 kMaxLagMs = 7LL * 24 * 3600 * 1000; // ReplayLagTime and TruncationLagTime: 0 to 7 days
constexpr double kMinDiskSizeGB = 0.001;             // Set-Host -DiskSizeGB: about 1 MB ...
constexpr double kMaxDiskSizeGB = 10240;             // ... to 10 TB
constexpr qint64 kMinMessagesPerMinute = 0;          // Start-MailFlow: 0 (a flow that delivers nothing) ...
constexpr qint64 kMaxMessagesPerMinute = 100000;     // ... to 100,000 a minute
constexpr qint64 kMinMessageSizeKB = 1;
constexpr qint64 kMaxMessageSizeKB = 512;
// Every time the directory keeps (clock, events, history, power-off, backup, log times): 0 (none) up to the
// end of year 9999, so that no later addition of a lag or a step overflows.
constexpr qint64 kMaxTimeMs = 253402300799999LL;
constexpr qint64 kMaxLogGeneration = 0xFFFFFFFFLL;
} // namespace limits

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
