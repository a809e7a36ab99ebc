#pragma once
// DemoLab: the organization every newcomer, screenshot and test starts from. Mailbox servers MBX1 and MBX2
// each with storage groups SG1..SG3 (log prefixes E00..E02, C:\Exchange\Logs\SGn, one database
// C:\Exchange\Data\SGn\DBn.edb), 20 user mailboxes per database plus the system mailboxes; MBX3 and MBX4 are
// standby machines with empty disks. Everything is made for real by the storage engine.
// The scale lab (createSized, issue 12's bench_console): mailbox servers MBX1..MBXn, each with storage
// groups SG1..SG4 at paths of its own (C:\Exchange\Logs\MBXi\SGn, C:\Exchange\Data\MBXi\SGn\DBn.edb),
// so that any other server can hold their SCR copies; a few mailboxes per database; and two SCR copies of
// every storage group on two other servers, enabled by Enable-StorageGroupCopy (no replay lag). The copies
// need no seed: their sources still have every log since generation 1.

#include "core/result.h"

#include <QString>
#include <QStringList>

#include <utility>

namespace scr {

class Clock;

struct DemoLabReport
{
    int hosts = 0;
    int databases = 0;
    int mailboxes = 0;
    int messages = 0;
    int copies = 0;
};

class DemoLab
{
public:
    static constexpr int kUserMailboxesPerDatabase = 20;
    static constexpr int kMessagesPerMailbox = 3;

    static QStringList productionServers() { return {QStringLiteral("MBX1"), QStringLiteral("MBX2")}; }
    static QStringList standbyServers() { return {QStringLiteral("MBX3"), QStringLiteral("MBX4")}; }

    // The scale lab's shape.
    static constexpr int kMinServers = 3; // two copies of a storage group on two servers other than its own
    static constexpr int kMaxServers = 200;
    static constexpr int kStorageGroupsPerServer = 4;
    static constexpr int kCopiesPerStorageGroup = 2;
    static constexpr int kSizedUserMailboxesPerDatabase = 2;
    static constexpr int kSizedMessagesPerMailbox = 1;

    // Refuses a folder that exists and is not empty, so it never overwrites a lab.
    static Result<DemoLabReport> create(const QString &labDir, const Clock &clock);
    // The scale lab of servers mailbox servers; refuses servers outside kMinServers..kMaxServers (and a
    // folder in use) before anything is created.
    static Result<DemoLabReport> createSized(const QString &labDir, int servers, const Clock &clock);
    // The scale lab's server of index 0..servers-1 ("MBX1" for 0), and the standby machines (indexes) of the
    // SCR copies of its storage group sg (1..kStorageGroupsPerServer): two different servers, neither itself.
    static QString sizedServerName(int index);
    static std::pair<int, int> sizedStandbys(int server, int sg, int servers);
};

} // namespace scr
