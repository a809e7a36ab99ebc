#pragma once
// The pipeline objects of the directory's records, as Exchange Management Shell showed them: the same
// object whichever cmdlet writes it (Get-StorageGroup and New-StorageGroup, Get- and New-MailboxDatabase).

#include "cmdlets/hostdiskspace.h"
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
// A host's disk in logical figures: DiskSizeGB, DiskUsedGB, DiskFreeGB (GB of 2^30 bytes, to hundredths) and
// the same in bytes, and the FillDisk filler's length. Get-Host adds them to its Host objects; Set-Host and
// Invoke-Fault FillDisk/FreeDisk write a HostDisk object.
void setDiskProperties(PSObject &o, const HostDiskReport &report);
PSObject hostDiskObject(const HostDiskReport &report);

} // namespace scr::ems
