#pragma once
// The mailbox database cmdlets: Get-MailboxDatabase, Mount-Database, Dismount-Database and
// Set-MailboxDatabase (-AllowFileRestore, -MountAtStartup). Mount refuses a file that holds another
// database than the object, unless "This database can be overwritten by a restore" (AllowFileRestore) is set:
// then the store takes the file over (it becomes this database), as database portability needs.

#include "command/commandline.h"
#include "core/result.h"
#include "directory/records.h"

#include <optional>
#include <vector>

namespace scr {

class Lab;

struct MailboxDatabaseRow
{
    StorageGroupRecord storageGroup;
    DatabaseRecord database;
    bool mounted = false; // in this lab process
    QString mountError;   // why its last mount failed, while it stays dismounted; empty otherwise
    QString identity() const
    {
        return storageGroup.identity() + QLatin1Char('\\') + database.name;
    } // "MBX1\SG1\DB1"
};

namespace cmdlets {

// The databases identity names (validation.h's identityMatches: MBX1\SG1\DB1, MBX1\DB1 or DB1, so maybe
// several); an empty identity lists every database (of server, when given).
Result<std::vector<MailboxDatabaseRow>> getMailboxDatabase(Lab &lab, const QString &identity = {},
                                                           const QString &server = {});
// The one database identity names (MBX1\SG1\DB1; DB1 or MBX1\DB1 when that is unique), or an error that
// says how to name one, listing the candidates when the name is ambiguous.
Result<MailboxDatabaseRow> findMailboxDatabase(Lab &lab, const QString &identity);
// Refuses a database that was mounted before whose file and logs are gone (it would come up empty) unless
// force: Exchange's "dial-tone" mount, an empty database its users can use at once.
Status mountDatabase(Lab &lab, const QString &identity, bool force = false);
Status dismountDatabase(Lab &lab, const QString &identity);
// The Set-MailboxDatabase command that changes what is set (the database properties sheet runs it); "" when
// nothing is.
QString setMailboxDatabaseCommand(const QString &identity, std::optional<bool> allowFileRestore,
                                  std::optional<bool> mountAtStartup);
Status setMailboxDatabase(Lab &lab, const QString &identity, std::optional<bool> allowFileRestore,
                          std::optional<bool> mountAtStartup);

} // namespace cmdlets
} // namespace scr
