#pragma once
// The pipeline objects of the directory's records, as Exchange Management Shell showed them: the same
// object whichever cmdlet writes it (Get-StorageGroup and New-StorageGroup, Get- and New-MailboxDatabase).

#include "cmdlets/mailbox.h"
#include "cmdlets/mailboxdatabase.h"
#include "cmdlets/storagegroupcopy.h"
#include "psobject.h"

namespace scr::ems {

QVariant when(qint64 ms); // "11/25/2026 9:53:46 PM" (UTC), or null for 0
PSObject statusObject(const StorageGroupCopyStatusRow &row);
PSObject storageGroupObject(const StorageGroupRecord &sg, bool replicated);
PSObject mailboxDatabaseObject(const MailboxDatabaseRow &row, bool withStatus);
PSObject mailboxObject(const MailboxEntry &entry);
PSObject mailboxStatisticsObject(const MailboxStatistics &statistics);

} // namespace scr::ems
