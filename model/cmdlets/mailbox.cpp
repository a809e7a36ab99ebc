#include "mailbox.h"

#include "lab/lab.h"
#include "validation.h"

#include <map>

namespace scr::cmdlets {
namespace {

bool matches(const MailboxRecord &m, const QString &identity)
{
    if (identity.isEmpty())
        return true;
    return m.name.compare(identity, Qt::CaseInsensitive) == 0 ||
           m.alias.compare(identity, Qt::CaseInsensitive) == 0 || m.guid == QUuid::fromString(identity);
}

} // namespace

Result<std::vector<MailboxEntry>> getMailbox(Lab &lab, const MailboxFilter &filter)
{
    QUuid only;
    if (!filter.database.isEmpty()) {
        auto db = findMailboxDatabase(lab, filter.database);
        if (!db)
            return db.error();
        only = db->database.guid;
    }
    if (!filter.server.isEmpty()) {
        if (auto server = findServer(lab, filter.server); !server)
            return server.error();
    }
    auto databases = getMailboxDatabase(lab, {}, filter.server);
    if (!databases)
        return databases.error();
    std::map<QUuid, MailboxDatabaseRow> byGuid;
    for (const MailboxDatabaseRow &row : *databases)
        byGuid.emplace(row.database.guid, row);
    auto mailboxes = lab.directory().mailboxes(only);
    if (!mailboxes)
        return mailboxes.error();
    std::vector<MailboxEntry> out;
    for (const MailboxRecord &m : *mailboxes) {
        auto home = byGuid.find(m.databaseGuid);
        if (home == byGuid.end() || !matches(m, filter.identity))
            continue; // on another server
        out.push_back({m, home->second});
    }
    if (!filter.identity.isEmpty() && out.empty())
        return refuse(filter.identity, QStringLiteral("no such mailbox"),
                      QStringLiteral("give a name, an alias or a GUID; Get-Mailbox lists them"));
    return out;
}

Result<std::vector<MailboxStatistics>> getMailboxStatistics(Lab &lab, const MailboxFilter &filter)
{
    auto entries = getMailbox(lab, filter);
    if (!entries)
        return entries.error();
    const bool named = !filter.identity.isEmpty() || !filter.database.isEmpty();
    std::map<QUuid, std::map<QUuid, MailboxRow>> store; // database → what its file says of each mailbox
    std::vector<MailboxStatistics> out;
    for (const MailboxEntry &e : *entries) {
        const QUuid db = e.home.database.guid;
        if (!store.count(db)) {
            MountedDatabase *mounted = lab.mountedDatabase(db);
            if (!mounted) {
                if (named)
                    return refuse(e.home.identity(), QStringLiteral("is not mounted"),
                                  QStringLiteral("Mount-Database %1 first").arg(e.home.identity()));
                continue;
            }
            SCR_TRY(mounted->applyPending()); // what has been acknowledged, in the file
            auto rows = mounted->database().mailboxes();
            if (!rows)
                return rows.error();
            auto &byMailbox = store[db];
            for (const MailboxRow &row : *rows)
                byMailbox.emplace(row.guid, row);
        }
        MailboxStatistics s{e, 0, 0};
        const auto &byMailbox = store[db];
        if (auto it = byMailbox.find(e.mailbox.guid); it != byMailbox.end()) {
            s.itemCount = it->second.itemCount;
            s.totalItemSize = it->second.totalItemSize;
        }
        out.push_back(s);
    }
    return out;
}

Status moveMailboxConfigurationOnly(Lab &lab, const QStringList &identities, const QString &targetDatabase)
{
    auto target = findMailboxDatabase(lab, targetDatabase);
    if (!target)
        return target.error();
    std::vector<std::pair<QUuid, QUuid>> moves;
    for (const QString &identity : identities) {
        auto found = getMailbox(lab, {identity, {}, {}});
        if (!found)
            return found.error();
        if (found->size() != 1)
            return refuse(identity, QStringLiteral("names %1 mailboxes").arg(found->size()),
                          QStringLiteral("give the mailbox's alias or GUID"));
        const MailboxRecord &m = found->front().mailbox;
        if (m.objectClass != MailboxClass::User)
            return refuse(m.name,
                          QStringLiteral("is a system mailbox (%1); it stays with its server's database")
                              .arg(mailboxClassName(m.objectClass)),
                          QStringLiteral("leave it out: where {$_.ObjectClass -NotMatch "
                                         "'(SystemAttendantMailbox|ExOleDbSystemMailbox)'}"));
        if (m.databaseGuid != target->database.guid)
            moves.emplace_back(m.guid, target->database.guid);
    }
    return lab.rehomeMailboxes(moves);
}

} // namespace scr::cmdlets
