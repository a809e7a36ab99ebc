#pragma once
// DemoLab: the organization every newcomer, screenshot and test starts from. Mailbox servers MBX1 and MBX2
// each with storage groups SG1..SG3 (log prefixes E00..E02, C:\Exchange\Logs\SGn, one database
// C:\Exchange\Data\SGn\DBn.edb), 20 user mailboxes per database plus the system mailboxes; MBX3 and MBX4 are
// standby machines with empty disks. Everything is made for real by the storage engine.

#include "core/result.h"

#include <QString>
#include <QStringList>

namespace scr {

class Clock;

struct DemoLabReport
{
    int hosts = 0;
    int databases = 0;
    int mailboxes = 0;
    int messages = 0;
};

class DemoLab
{
public:
    static constexpr int kUserMailboxesPerDatabase = 20;
    static constexpr int kMessagesPerMailbox = 3;

    static QStringList productionServers() { return {QStringLiteral("MBX1"), QStringLiteral("MBX2")}; }
    static QStringList standbyServers() { return {QStringLiteral("MBX3"), QStringLiteral("MBX4")}; }

    // Refuses a folder that exists and is not empty, so it never overwrites a lab.
    static Result<DemoLabReport> create(const QString &labDir, const Clock &clock);
};

} // namespace scr
