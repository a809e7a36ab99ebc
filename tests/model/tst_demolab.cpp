#include "cmdlets/storagegroupcopy.h"
#include "ems/shellsession.h"
#include "host/hostdisk.h"
#include "lab/lab.h"
#include "lab/demolab.h"
#include "store/database.h"
#include "testsupport.h"

#include <map>
#include <set>

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

using namespace scr;

class TestDemoLab : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void createsTheOrganizationOnDisk()
    {
        QTemporaryDir lab;
        test::ManualClock clock;
        auto report = DemoLab::create(lab.path(), clock);
        QVERIFY2(report.hasValue(), qPrintable(report.hasValue() ? QString() : report.error().toString()));
        QCOMPARE(report->hosts, 4);
        QCOMPARE(report->databases, 6);
        QCOMPARE(report->mailboxes, 6 * 21 + 2);
        std::set<QString> names;
        for (const QString &server : DemoLab::productionServers()) {
            HostDisk host(lab.path(), server);
            for (int sg = 1; sg <= 3; ++sg) {
                auto edb = host.localPath(QStringLiteral("C:\\Exchange\\Data\\SG%1\\DB%1.edb").arg(sg));
                auto db = Database::open(host, *edb, Database::Access::ReadOnly);
                QVERIFY2(db.hasValue(), qPrintable(*edb));
                QCOMPARE((*db)->header().state, DatabaseState::CleanShutdown);
                auto mailboxes = (*db)->mailboxes();
                QCOMPARE(int(mailboxes->size()), 21 + (sg == 1 ? 1 : 0));
                int system = 0;
                for (const MailboxRow &m : *mailboxes) {
                    if (m.displayName.startsWith(QStringLiteral("SystemMailbox{")) ||
                        m.displayName == QStringLiteral("Microsoft System Attendant")) {
                        ++system;
                        continue;
                    }
                    QVERIFY2(names.insert(m.displayName).second,
                             qPrintable(m.displayName)); // unique in the org
                    QCOMPARE(m.itemCount, DemoLab::kMessagesPerMailbox);
                }
                QCOMPARE(system, sg == 1 ? 2 : 1);
                const QString prefix = QStringLiteral("E0%1").arg(sg - 1);
                QVERIFY(QFileInfo::exists(
                    *host.localPath(QStringLiteral("C:\\Exchange\\Logs\\SG%1\\%2.log").arg(sg).arg(prefix))));
                QVERIFY(QFileInfo::exists(
                    *host.localPath(QStringLiteral("C:\\Exchange\\Logs\\SG%1\\%2.chk").arg(sg).arg(prefix))));
            }
        }
        for (const QString &standby : DemoLab::standbyServers())
            QVERIFY(QDir(HostDisk(lab.path(), standby).root()).exists());
        QVERIFY(QFileInfo::exists(lab.filePath(QStringLiteral("logs/scr.log"))));
    }
    // The scale lab (issue 12): N servers, 4 storage groups each with one database at paths of its own, and
    // two SCR copies of every storage group on two other servers; after mail and a Step-Simulation every copy
    // is Healthy.
    void sizedLabHasTwoCopiesOfEveryStorageGroupOnOtherServers()
    {
        constexpr int kServers = 5;
        QTemporaryDir dir;
        const QString labDir = dir.filePath(QStringLiteral("lab"));
        test::ManualClock clock;
        auto report = DemoLab::createSized(labDir, kServers, clock);
        QVERIFY2(report.hasValue(), qPrintable(report.hasValue() ? QString() : report.error().toString()));
        QCOMPARE(report->hosts, kServers);
        QCOMPARE(report->databases, 4 * kServers);
        QCOMPARE(report->copies, 8 * kServers);
        QCOMPARE(report->mailboxes, 4 * kServers * (DemoLab::kSizedUserMailboxesPerDatabase + 1) + kServers);

        ShellSession session(labDir);
        QVERIFY(session.open().hasValue());
        Lab *lab = session.lab();
        QVERIFY(lab);
        const Directory &d = lab->directory();
        QCOMPARE(int(d.servers()->size()), kServers);
        const auto sgs = *d.storageGroups();
        QCOMPARE(int(sgs.size()), 4 * kServers);
        std::map<QString, int> perServer, heldBy;
        QStringList flows;
        for (const StorageGroupRecord &sg : sgs) {
            ++perServer[sg.server];
            const auto dbs = *d.databases(sg.id);
            QCOMPARE(int(dbs.size()), 1);
            QVERIFY2(sg.logFolderPath.contains(sg.server), qPrintable(sg.logFolderPath)); // its own paths
            flows << QStringLiteral("Start-MailFlow %1\\%2 -MessagesPerMinute 600")
                         .arg(sg.identity(), dbs.front().name);
            const auto copies = *d.copies(sg.id);
            QCOMPARE(int(copies.size()), DemoLab::kCopiesPerStorageGroup);
            QVERIFY(copies[0].standbyMachine.compare(copies[1].standbyMachine, Qt::CaseInsensitive) != 0);
            for (const ScrCopyRecord &c : copies) {
                QVERIFY2(c.standbyMachine.compare(sg.server, Qt::CaseInsensitive) != 0,
                         qPrintable(sg.identity()));
                ++heldBy[c.standbyMachine];
            }
        }
        QCOMPARE(int(perServer.size()), kServers);
        for (const auto &[server, n] : perServer)
            QCOMPARE(n, DemoLab::kStorageGroupsPerServer);
        QCOMPARE(int(heldBy.size()), kServers); // every server is a standby machine too, for 8 copies
        for (const auto &[server, n] : heldBy)
            QCOMPARE(n, DemoLab::kStorageGroupsPerServer * DemoLab::kCopiesPerStorageGroup);

        auto ran =
            session.execute(flows.join(QLatin1Char('\n')) + QStringLiteral("\nStep-Simulation 0.00:00:10"));
        QVERIFY2(ran.hasValue(), qPrintable(ran.hasValue() ? QString() : ran.error().toString()));
        const auto status = cmdlets::getStorageGroupCopyStatus(*lab);
        QVERIFY(status.hasValue());
        QCOMPARE(int(status->size()), 8 * kServers);
        for (const StorageGroupCopyStatusRow &row : *status)
            QVERIFY2(row.status.summary == SummaryCopyStatus::Healthy,
                     qPrintable(row.status.identity + QStringLiteral(" on ") + row.copy.standbyMachine +
                                QStringLiteral(": ") + summaryCopyStatusName(row.status.summary) +
                                QStringLiteral(" ") + row.status.note));
    }
    void sizedLabRefusesABadNumberOfServers_data()
    {
        QTest::addColumn<int>("servers");
        QTest::newRow("none") << 0;
        QTest::newRow("negative") << -4;
        QTest::newRow("too few for two copies elsewhere") << DemoLab::kMinServers - 1;
        QTest::newRow("too many") << DemoLab::kMaxServers + 1;
    }
    void sizedLabRefusesABadNumberOfServers()
    {
        QFETCH(int, servers);
        QTemporaryDir dir;
        const QString labDir = dir.filePath(QStringLiteral("lab"));
        test::ManualClock clock;
        auto report = DemoLab::createSized(labDir, servers, clock);
        QVERIFY(!report.hasValue());
        QVERIFY2(report.error().reason.contains(QStringLiteral("out of range")),
                 qPrintable(report.error().toString()));
        QVERIFY(report.error().toString().contains(QStringLiteral("3 to 200")));
        QVERIFY(!QFileInfo::exists(labDir)); // nothing created
        QVERIFY(QDir(dir.path()).isEmpty());
    }
    void refusesAFolderInUse()
    {
        QTemporaryDir lab;
        QFile f(lab.filePath(QStringLiteral("keep.txt")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.close();
        test::ManualClock clock;
        auto report = DemoLab::create(lab.path(), clock);
        QVERIFY(!report.hasValue());
        QVERIFY(report.error().reason.contains(QStringLiteral("not empty")));
        QCOMPARE(QDir(lab.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot),
                 QStringList{QStringLiteral("keep.txt")});
    }
};

QTEST_GUILESS_MAIN(TestDemoLab)
#include "tst_demolab.moc"
