#include "host/hostdisk.h"
#include "lab/demolab.h"
#include "store/database.h"
#include "testsupport.h"

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
