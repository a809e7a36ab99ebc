#include "demolab.h"

#include "core/clock.h"
#include "core/fileio.h"
#include "core/logging.h"
#include "core/textescape.h"
#include "directory/directory.h"
#include "host/hostdisk.h"
#include "store/mounteddatabase.h"
#include "cmdlets/storagegroupcopy.h"
#include "lab.h"

#include <cerrno>
#include <dirent.h>

#include <spdlog/spdlog.h>

namespace scr {
namespace {

const char *const kFirstNames[] = {"Ada",  "Ben",   "Carla", "Dev",  "Elena", "Farid", "Grace",
                                   "Hugo", "Ines",  "Jonas", "Kira", "Liam",  "Maya",  "Noah",
                                   "Olga", "Pavel", "Quinn", "Rosa", "Sven",  "Tara"};
const char *const kLastNames[] = {"Adler", "Brandt", "Castro", "Dumont", "Eriksen", "Fischer"};

// What makeDatabase makes: the demo lab's (paths shared by every server, 20 users of 3 messages) or the scale
// lab's (paths of the server's own, a few users).
struct Shape
{
    bool serverPaths = false; // C:\Exchange\Logs\<server>\SGn rather than C:\Exchange\Logs\SGn
    int users = DemoLab::kUserMailboxesPerDatabase;
    int messages = DemoLab::kMessagesPerMailbox;
};

// The demo lab's 120 names, then the same names numbered: unique in the organization.
std::pair<QString, QString> personName(int index)
{
    QString first = QString::fromLatin1(kFirstNames[index % 20]);
    QString last = QString::fromLatin1(kLastNames[(index / 20) % 6]);
    if (index >= 120)
        last += QString::number(index / 120 + 1);
    return {first + QLatin1Char(' ') + last, (first + last).toLower()};
}

Status makeDatabase(Directory &directory, const HostDisk &host, int sg, int &userIndex, const Clock &clock,
                    DemoLabReport &report, const Shape &shape = {})
{
    const QString sgName = QStringLiteral("SG%1").arg(sg);
    const QString folder = shape.serverPaths ? host.hostName() + QLatin1Char('\\') + sgName : sgName;
    StorageGroupRecord sgRecord;
    sgRecord.server = host.hostName();
    sgRecord.name = sgName;
    sgRecord.logPrefix = QStringLiteral("E%1").arg(sg - 1, 2, 10, QLatin1Char('0'));
    sgRecord.logFolderPath = sgRecord.systemFolderPath = QStringLiteral("C:\\Exchange\\Logs\\") + folder;
    DatabaseRecord dbRecord;
    dbRecord.name = QStringLiteral("DB%1").arg(sg);
    dbRecord.guid = QUuid::createUuid();
    dbRecord.edbFilePath = QStringLiteral("C:\\Exchange\\Data\\%1\\DB%2.edb").arg(folder).arg(sg);
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
    for (int i = 0; i < shape.users; ++i, ++userIndex) {
        const auto [name, alias] = personName(userIndex);
        auto guid = addMailbox(name, alias, MailboxClass::User);
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
        for (int m = 0; m < shape.messages; ++m, ++n) {
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

namespace {

// A new lab goes into a new or empty folder. Every entry counts, a dangling link too: a dangling
// org.sqlite would otherwise have the directory created at its target, outside the lab.
Status checkNewFolder(const QString &labDir)
{
    DIR *dir = ::opendir(labDir.toLocal8Bit().constData());
    if (!dir) {
        if (errno == ENOENT)
            return {};
        return errorFromErrno(errno, labDir, QStringLiteral("reading the folder for a new lab"));
    }
    QStringList names;
    while (const dirent *e = ::readdir(dir)) {
        const QByteArray name(e->d_name);
        if (name != "." && name != "..")
            names << QString::fromLocal8Bit(name);
    }
    ::closedir(dir);
    if (!names.isEmpty())
        return Error{labDir,
                     QStringLiteral("exists and is not empty (it holds %1)")
                         .arg(escapeControls(names.join(QStringLiteral(", ")))),
                     QStringLiteral("choose a new folder for the demo lab, or open this one with --lab")};
    return {};
}

// The directory and the disks: every server a host of its own, the databases of production on theirs.
// Disks and directory are built together. The databases are Mounted (and MountAtStartup) in the directory
// and cleanly dismounted on disk until a lab process mounts them.
Result<DemoLabReport> createOrganization(const QString &labDir, const Clock &clock,
                                         const QStringList &servers, const QStringList &production,
                                         int storageGroups, const Shape &shape)
{
    SCR_TRY(checkNewFolder(labDir));
    SCR_TRY(ensureDirectory(labDir)); // the lab folder itself: the hosts' disks are made through HostDisk
    SCR_TRY(logging::attachToLab(labDir));
    auto directory = Directory::create(labDir);
    if (!directory)
        return directory.error();
    DemoLabReport report;
    int userIndex = 0;
    SCR_TRY((*directory)->transaction([&]() -> Status {
        for (const QString &server : servers) {
            SCR_TRY((*directory)->addHost({server, true, HostDisk::defaultDiskFolder(server)}));
            SCR_TRY((*directory)->addServer({server, server, true, true}));
            SCR_TRY(HostDisk(labDir, server).makeFolders(QStringLiteral("C:\\")));
            ++report.hosts;
        }
        for (const QString &server : production) {
            HostDisk host(labDir, server);
            for (int sg = 1; sg <= storageGroups; ++sg)
                SCR_TRY(makeDatabase(**directory, host, sg, userIndex, clock, report, shape));
        }
        return {};
    }));
    SCR_TRY((*directory)->saveClock(clock.nowMs()));
    return report;
}

} // namespace

Result<DemoLabReport> DemoLab::create(const QString &labDir, const Clock &clock)
{
    auto report = createOrganization(labDir, clock, productionServers() + standbyServers(),
                                     productionServers(), 3, Shape{});
    if (!report)
        return report.error();
    logging::get("model")->info("created demo lab in {}: {} hosts, {} databases, {} mailboxes, {} messages",
                                labDir.toStdString(), report->hosts, report->databases, report->mailboxes,
                                report->messages);
    return report;
}

QString DemoLab::sizedServerName(int index)
{
    return QStringLiteral("MBX%1").arg(index + 1);
}

std::pair<int, int> DemoLab::sizedStandbys(int server, int sg, int servers)
{
    // Offsets 1..servers-1 from the source, two apart by one: SG1 on the next two servers, SG2 one further,
    // and so on; every server holds kStorageGroupsPerServer * kCopiesPerStorageGroup copies.
    const int first = 1 + (sg - 1) % (servers - 1);
    const int second = 1 + sg % (servers - 1);
    return {(server + first) % servers, (server + second) % servers};
}

Result<DemoLabReport> DemoLab::createSized(const QString &labDir, int servers, const Clock &clock)
{
    if (servers < kMinServers || servers > kMaxServers)
        return Error{QStringLiteral("scale lab"), QStringLiteral("%1 servers is out of range").arg(servers),
                     QStringLiteral("give %1 to %2 servers (each storage group has SCR copies on two other "
                                    "servers)")
                         .arg(kMinServers)
                         .arg(kMaxServers)};
    QStringList names;
    for (int i = 0; i < servers; ++i)
        names << sizedServerName(i);
    Shape shape;
    shape.serverPaths = true;
    shape.users = kSizedUserMailboxesPerDatabase;
    shape.messages = kSizedMessagesPerMailbox;
    auto report = createOrganization(labDir, clock, names, names, kStorageGroupsPerServer, shape);
    if (!report)
        return report.error();
    // The copies as an administrator makes them: Enable-StorageGroupCopy, validation included, on the lab.
    {
        auto lab = Lab::open(labDir);
        if (!lab)
            return lab.error();
        for (int i = 0; i < servers; ++i)
            for (int sg = 1; sg <= kStorageGroupsPerServer; ++sg) {
                const auto [a, b] = sizedStandbys(i, sg, servers);
                for (const int standby : {a, b}) {
                    EnableStorageGroupCopyRequest request;
                    request.identity = names[i] + QStringLiteral("\\SG") + QString::number(sg);
                    request.standbyMachine = names[standby];
                    if (auto copy = cmdlets::enableStorageGroupCopy(**lab, request); !copy)
                        return copy.error();
                    ++report->copies;
                }
            }
    }
    logging::get("model")->info(
        "created scale lab in {}: {} hosts, {} databases, {} mailboxes, {} messages, {} "
        "SCR copies",
        labDir.toStdString(), report->hosts, report->databases, report->mailboxes, report->messages,
        report->copies);
    return report;
}

} // namespace scr
