#include "demolab.h"

#include "core/clock.h"
#include "core/fileio.h"
#include "core/logging.h"
#include "directory/directory.h"
#include "host/hostdisk.h"
#include "store/mounteddatabase.h"

#include <spdlog/spdlog.h>

#include <QDir>

namespace scr {
namespace {

const char *const kFirstNames[] = {"Ada",  "Ben",   "Carla", "Dev",  "Elena", "Farid", "Grace",
                                   "Hugo", "Ines",  "Jonas", "Kira", "Liam",  "Maya",  "Noah",
                                   "Olga", "Pavel", "Quinn", "Rosa", "Sven",  "Tara"};
const char *const kLastNames[] = {"Adler", "Brandt", "Castro", "Dumont", "Eriksen", "Fischer"};

Status makeDatabase(Directory &directory, const HostDisk &host, int sg, int &userIndex, const Clock &clock,
                    DemoLabReport &report)
{
    const QString sgName = QStringLiteral("SG%1").arg(sg);
    StorageGroupRecord sgRecord;
    sgRecord.server = host.hostName();
    sgRecord.name = sgName;
    sgRecord.logPrefix = QStringLiteral("E%1").arg(sg - 1, 2, 10, QLatin1Char('0'));
    sgRecord.logFolderPath = sgRecord.systemFolderPath = QStringLiteral("C:\\Exchange\\Logs\\") + sgName;
    DatabaseRecord dbRecord;
    dbRecord.name = QStringLiteral("DB%1").arg(sg);
    dbRecord.guid = QUuid::createUuid();
    dbRecord.edbFilePath = QStringLiteral("C:\\Exchange\\Data\\%1\\DB%2.edb").arg(sgName).arg(sg);
    dbRecord.mounted = true;

    StoragePaths paths;
    paths.disk = host;
    paths.prefix = sgRecord.logPrefix;
    auto logs = host.localPath(sgRecord.logFolderPath);
    auto edb = host.localPath(dbRecord.edbFilePath);
    if (!logs)
        return logs.error();
    if (!edb)
        return edb.error();
    paths.logFolder = paths.systemFolder = *logs;
    paths.edbPath = *edb;
    auto db = MountedDatabase::mount(paths, dbRecord.guid, dbRecord.name, clock);
    if (!db)
        return db.error();
    auto sgId = directory.addStorageGroup(sgRecord);
    if (!sgId)
        return sgId.error();
    dbRecord.storageGroupId = *sgId;
    if (auto dbId = directory.addDatabase(dbRecord); !dbId)
        return dbId.error();

    // A mailbox lives in two places, as in Exchange: the directory object and the store's mailbox.
    const auto addMailbox = [&](const QString &name, const QString &alias,
                                MailboxClass cls) -> Result<QUuid> {
        const QUuid guid = QUuid::createUuid();
        SCR_TRY((*db)->createMailbox({guid, name}));
        SCR_TRY(directory.addMailbox({guid, name, alias, cls, dbRecord.guid}));
        ++report.mailboxes;
        return guid;
    };
    std::vector<QUuid> users;
    for (int i = 0; i < DemoLab::kUserMailboxesPerDatabase; ++i, ++userIndex) {
        const QString first = QString::fromLatin1(kFirstNames[userIndex % 20]);
        const QString last = QString::fromLatin1(kLastNames[userIndex / 20]);
        auto guid = addMailbox(first + QLatin1Char(' ') + last, (first + last).toLower(), MailboxClass::User);
        if (!guid)
            return guid.error();
        users.push_back(*guid);
    }
    const QString systemName = QStringLiteral("SystemMailbox") + dbRecord.guid.toString(QUuid::WithBraces);
    if (auto r = addMailbox(systemName, systemName, MailboxClass::ExOleDbSystemMailbox); !r)
        return r.error();
    if (sg == 1) {
        if (auto r = addMailbox(QStringLiteral("Microsoft System Attendant"),
                                QStringLiteral("SystemAttendant-") + host.hostName(),
                                MailboxClass::SystemAttendantMailbox);
            !r)
            return r.error();
    }

    int n = 0;
    for (const QUuid &user : users)
        for (int m = 0; m < DemoLab::kMessagesPerMailbox; ++m, ++n) {
            DeliverMessageRecord msg;
            msg.mailboxGuid = user;
            msg.internetMessageId = QStringLiteral("<demo-%1-%2-%3@%4.contoso.com>")
                                        .arg(host.hostName(), sgName)
                                        .arg(n)
                                        .arg(host.hostName().toLower());
            msg.sender = QStringLiteral("helpdesk@contoso.com");
            msg.subject = QStringLiteral("Welcome message %1").arg(m + 1);
            msg.body = QByteArray("Your mailbox is ready.\r\n").repeated(40 + m);
            SCR_TRY((*db)->deliverMessage(msg));
            ++report.messages;
        }
    SCR_TRY((*db)->commit());
    SCR_TRY((*db)->dismount());
    ++report.databases;
    return {};
}

} // namespace

Result<DemoLabReport> DemoLab::create(const QString &labDir, const Clock &clock)
{
    QDir dir(labDir);
    if (dir.exists() && !dir.isEmpty())
        return Error{labDir, QStringLiteral("exists and is not empty"),
                     QStringLiteral("choose a new folder for the demo lab, or open this one with --lab"),
                     JetCode::InvalidParameter};
    SCR_TRY(ensureDirectory(labDir)); // the lab folder itself: the hosts' disks are made through HostDisk
    SCR_TRY(logging::attachToLab(labDir));
    auto directory = Directory::create(labDir);
    if (!directory)
        return directory.error();
    DemoLabReport report;
    int userIndex = 0;
    // Disks and directory are built together. The databases are Mounted (and MountAtStartup) in the
    // directory and cleanly dismounted on disk until a lab process mounts them.
    SCR_TRY((*directory)->transaction([&]() -> Status {
        for (const QString &server : productionServers() + standbyServers()) {
            SCR_TRY((*directory)->addHost({server, true, HostDisk::defaultDiskFolder(server)}));
            SCR_TRY((*directory)->addServer({server, server, true, true}));
            SCR_TRY(HostDisk(labDir, server).makeFolders(QStringLiteral("C:\\")));
            ++report.hosts;
        }
        for (const QString &server : productionServers()) {
            HostDisk host(labDir, server);
            for (int sg = 1; sg <= 3; ++sg)
                SCR_TRY(makeDatabase(**directory, host, sg, userIndex, clock, report));
        }
        return {};
    }));
    SCR_TRY((*directory)->saveClock(clock.nowMs()));
    logging::get("model")->info("created demo lab in {}: {} hosts, {} databases, {} mailboxes, {} messages",
                                labDir.toStdString(), report.hosts, report.databases, report.mailboxes,
                                report.messages);
    return report;
}

} // namespace scr
