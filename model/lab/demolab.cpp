#include "demolab.h"

#include "core/clock.h"
#include "core/fileio.h"
#include "core/logging.h"
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

Status makeDatabase(const HostDisk &host, int sg, int &userIndex, const Clock &clock, DemoLabReport &report)
{
    const QString sgName = QStringLiteral("SG%1").arg(sg);
    StoragePaths paths;
    paths.prefix = QStringLiteral("E%1").arg(sg - 1, 2, 10, QLatin1Char('0'));
    auto logs = host.localPath(QStringLiteral("C:\\Exchange\\Logs\\") + sgName);
    auto edb = host.localPath(QStringLiteral("C:\\Exchange\\Data\\%1\\DB%2.edb").arg(sgName).arg(sg));
    if (!logs)
        return logs.error();
    if (!edb)
        return edb.error();
    paths.logFolder = paths.systemFolder = *logs;
    paths.edbPath = *edb;
    auto db = MountedDatabase::mount(paths, QUuid::createUuid(), QStringLiteral("DB%1").arg(sg), clock);
    if (!db)
        return db.error();
    std::vector<QUuid> users;
    for (int i = 0; i < DemoLab::kUserMailboxesPerDatabase; ++i, ++userIndex) {
        const QString name = QString::fromLatin1(kFirstNames[userIndex % 20]) + QLatin1Char(' ') +
                             QString::fromLatin1(kLastNames[userIndex / 20]);
        const QUuid guid = QUuid::createUuid();
        SCR_TRY((*db)->createMailbox({guid, name}));
        users.push_back(guid);
    }
    SCR_TRY((*db)->createMailbox({QUuid::createUuid(), QStringLiteral("SystemMailbox") +
                                                           QUuid::createUuid().toString(QUuid::WithBraces)}));
    report.mailboxes += DemoLab::kUserMailboxesPerDatabase + 1;
    if (sg == 1) {
        SCR_TRY((*db)->createMailbox({QUuid::createUuid(), QStringLiteral("Microsoft System Attendant")}));
        ++report.mailboxes;
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
    SCR_TRY(ensureDirectory(labDir));
    logging::attachToLab(labDir);
    DemoLabReport report;
    int userIndex = 0;
    for (const QString &server : productionServers()) {
        HostDisk host(labDir, server);
        for (int sg = 1; sg <= 3; ++sg)
            SCR_TRY(makeDatabase(host, sg, userIndex, clock, report));
        ++report.hosts;
    }
    for (const QString &standby : standbyServers()) {
        SCR_TRY(ensureDirectory(HostDisk(labDir, standby).root() + QStringLiteral("/C")));
        ++report.hosts;
    }
    logging::get("model")->info("created demo lab in {}: {} hosts, {} databases, {} mailboxes, {} messages",
                                labDir.toStdString(), report.hosts, report.databases, report.mailboxes,
                                report.messages);
    return report;
}

} // namespace scr
