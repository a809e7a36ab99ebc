#pragma once
// The mailbox cmdlets: Get-Mailbox, Get-MailboxStatistics (read from the home database's file, so they show
// what the store really holds) and Move-Mailbox -ConfigurationOnly, which rehomes a mailbox's directory
// object onto another database, as database portability needs; the mailbox's content is where the database
// file put it.

#include "core/result.h"
#include "directory/records.h"
#include "mailboxdatabase.h"

#include <vector>

namespace scr {

class Lab;

struct MailboxFilter
{
    QString identity; // name, alias or GUID; empty: every mailbox
    QString database; // "MBX1\SG1\DB1"
    QString server;   // "MBX1"
};

struct MailboxEntry
{
    MailboxRecord mailbox;
    MailboxDatabaseRow home;
};

struct MailboxStatistics
{
    MailboxEntry entry;
    qint64 itemCount = 0;
    qint64 totalItemSize = 0; // bytes
};

namespace cmdlets {

Result<std::vector<MailboxEntry>> getMailbox(Lab &lab, const MailboxFilter &filter);
// Mailboxes on mounted databases only: the store answers, a dismounted database cannot. A database or
// mailbox named explicitly whose database is dismounted is an error that says to mount it.
Result<std::vector<MailboxStatistics>> getMailboxStatistics(Lab &lab, const MailboxFilter &filter);
// Every mailbox named is validated before any moves, then all move in one transaction. Refuses system
// mailboxes (they stay with their server's database) and a target that does not exist.
Status moveMailboxConfigurationOnly(Lab &lab, const QStringList &identities, const QString &targetDatabase);

} // namespace cmdlets
} // namespace scr
