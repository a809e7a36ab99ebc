// The console's item models over LabSnapshots of a real demo lab: the organization tree (EMC's shape), the
// copy status table, the mailboxes and databases of the result pane, and the queue history. Every model
// passes QAbstractItemModelTester; state changes keep rows (no reset), objects that come or go reset.

#include "core/clock.h"
#include "lab/demolab.h"
#include "lab/labworker.h"
#include "models/consoleactions.h"
#include "models/copykey.h"
#include "models/copystatusmodel.h"
#include "models/databaselistmodel.h"
#include "models/mailboxmodel.h"
#include "models/organizationmodel.h"
#include "models/queuehistory.h"

#include <functional>

#include <QAbstractItemModelTester>
#include <QSet>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTemporaryDir>
#include <QTest>

using namespace scr;

class TestConsoleModels : public QObject
{
    Q_OBJECT
    // A demo lab and its worker for each function (init, cleanup): none relies on what another did.
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<LabWorker> m_worker;

    void run(const QString &script)
    {
        QSignalSpy finished(m_worker.get(), &LabWorker::scriptFinished);
        m_worker->runScript(1, script);
        QCOMPARE(finished.count(), 1);
        QVERIFY2(finished.at(0).at(1).value<ems::ScriptOutput>().ok,
                 qPrintable(finished.at(0).at(1).value<ems::ScriptOutput>().errorText()));
    }
    // "Microsoft Exchange/Server Configuration/Mailbox/MBX1": a tree item's names from the root.
    static QString pathOf(const QModelIndex &index)
    {
        QStringList names;
        for (QModelIndex i = index; i.isValid(); i = i.parent())
            names.prepend(i.data().toString());
        return names.join(QLatin1Char('/'));
    }
    static int rowOfAlias(const QAbstractItemModel &model, const QString &alias)
    {
        for (int r = 0; r < model.rowCount(); ++r)
            if (model.index(r, MailboxModel::AliasColumn).data().toString() == alias)
                return r;
        return -1;
    }

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        QVERIFY(DemoLab::create(m_dir->path(), SystemClock::instance()).hasValue());
        m_worker = std::make_unique<LabWorker>(m_dir->path());
        QSignalSpy opened(m_worker.get(), &LabWorker::opened);
        m_worker->open();
        QCOMPARE(opened.count(), 1);
        QVERIFY2(opened.at(0).at(0).toBool(), qPrintable(opened.at(0).at(1).toString()));
    }
    void cleanup()
    {
        m_worker.reset();
        m_dir.reset();
    }

    void organizationTree()
    {
        OrganizationModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSnapshot(m_worker->snapshot());
        QCOMPARE(model.rowCount(), 1);
        const QModelIndex servers = model.indexOfKey(
            OrganizationModel::containerKey(QStringLiteral("Server Configuration\\Mailbox")));
        QCOMPARE(model.rowCount(servers), 4); // MBX1..MBX4
        const QModelIndex mbx1 = model.indexOfKey(QStringLiteral("server:MBX1"));
        QCOMPARE(mbx1.data().toString(), QStringLiteral("MBX1"));
        QCOMPARE(mbx1.parent(), servers);
        QCOMPARE(model.rowCount(mbx1), 3);
        const QModelIndex db1 = model.indexOfKey(QStringLiteral("db:MBX1\\SG1\\DB1"));
        QVERIFY(db1.isValid());
        QCOMPARE(db1.parent(), model.indexOfKey(QStringLiteral("sg:MBX1\\SG1")));
        QCOMPARE(db1.siblingAtColumn(OrganizationModel::StatusColumn).data().toString(),
                 QStringLiteral("Mounted"));

        // A state change keeps the rows: dataChanged, no reset.
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);
        run(QStringLiteral("Dismount-Database MBX1\\SG1\\DB1 -Confirm:$false"));
        model.setSnapshot(m_worker->snapshot());
        QCOMPARE(resets.count(), 0);
        QVERIFY(changes.count() >= 1);
        QCOMPARE(model.indexOfKey(QStringLiteral("db:MBX1\\SG1\\DB1"))
                     .siblingAtColumn(OrganizationModel::StatusColumn)
                     .data()
                     .toString(),
                 QStringLiteral("Dismounted"));
        QVERIFY(model.indexOfKey(QStringLiteral("db:MBX1\\SG1\\DB1"))
                    .data(OrganizationModel::AttentionRole)
                    .toBool());
        run(QStringLiteral("Mount-Database MBX1\\SG1\\DB1"));

        // A new copy is a new row: the model is reset, and the copy sits under its storage group.
        run(QStringLiteral("Enable-StorageGroupCopy MBX1\\SG2 -StandbyMachine MBX4"));
        model.setSnapshot(m_worker->snapshot());
        QCOMPARE(resets.count(), 1);
        const QModelIndex copy = model.indexOfKey(QStringLiteral("copy:MBX1\\SG2>MBX4"));
        QVERIFY(copy.isValid());
        QCOMPARE(copy.parent().data(OrganizationModel::IdentityRole).toString(), QStringLiteral("MBX1\\SG2"));
        QCOMPARE(copy.data(OrganizationModel::KindRole).toInt(), int(OrganizationModel::Copy));
        QCOMPARE(copy.data(OrganizationModel::StandbyRole).toString(), QStringLiteral("MBX4"));
    }

    // EMC's tree: the containers around the servers, each item's path of names, every key unique and found
    // again by indexOfKey.
    void treeHasEmcsShape()
    {
        OrganizationModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSnapshot(m_worker->snapshot());
        QStringList paths; // down to the servers
        QSet<QString> keys;
        int items = 0;
        std::function<void(const QModelIndex &)> walk = [&](const QModelIndex &under) {
            for (int r = 0; r < model.rowCount(under); ++r) {
                const QModelIndex i = model.index(r, 0, under);
                ++items;
                const QString key = i.data(OrganizationModel::KeyRole).toString();
                QVERIFY2(!keys.contains(key), qPrintable(key));
                keys.insert(key);
                QCOMPARE(model.indexOfKey(key), i);
                const int kind = i.data(OrganizationModel::KindRole).toInt();
                if (kind != OrganizationModel::StorageGroup && kind != OrganizationModel::Database &&
                    kind != OrganizationModel::Copy)
                    paths << pathOf(i);
                walk(i);
            }
        };
        walk({});
        const QString mailboxServers = QStringLiteral("Microsoft Exchange/Server Configuration/Mailbox/");
        QCOMPARE(paths, (QStringList{
                            QStringLiteral("Microsoft Exchange"),
                            QStringLiteral("Microsoft Exchange/Organization Configuration"),
                            QStringLiteral("Microsoft Exchange/Organization Configuration/Mailbox"),
                            QStringLiteral("Microsoft Exchange/Server Configuration"),
                            QStringLiteral("Microsoft Exchange/Server Configuration/Mailbox"),
                            mailboxServers + QStringLiteral("MBX1"), mailboxServers + QStringLiteral("MBX2"),
                            mailboxServers + QStringLiteral("MBX3"), mailboxServers + QStringLiteral("MBX4"),
                            QStringLiteral("Microsoft Exchange/Recipient Configuration"),
                            QStringLiteral("Microsoft Exchange/Recipient Configuration/Mailbox"),
                            QStringLiteral("Microsoft Exchange/Toolbox"),
                            QStringLiteral("Microsoft Exchange/Toolbox/Event Viewer"),
                            QStringLiteral("Microsoft Exchange/Toolbox/Replication Dashboard")}));
        // 14 above, 6 storage groups and their 6 databases; no copies yet.
        QCOMPARE(items, 14 + 6 + 6);
        QCOMPARE(pathOf(model.indexOfKey(QStringLiteral("db:MBX2\\SG3\\DB3"))),
                 mailboxServers + QStringLiteral("MBX2/SG3/DB3"));

        // Each container has its own kind, and the names that repeat ("Mailbox") are told apart.
        const auto container = [&model](const char *path) {
            return model.indexOfKey(OrganizationModel::containerKey(QString::fromLatin1(path)));
        };
        QCOMPARE(model.index(0, 0).data(OrganizationModel::KindRole).toInt(),
                 int(OrganizationModel::Organization));
        QCOMPARE(container("Organization Configuration\\Mailbox").data(OrganizationModel::KindRole).toInt(),
                 int(OrganizationModel::OrganizationMailbox));
        QCOMPARE(container("Server Configuration\\Mailbox").data(OrganizationModel::KindRole).toInt(),
                 int(OrganizationModel::ServerMailbox));
        const QModelIndex recipients = container("Recipient Configuration\\Mailbox");
        QCOMPARE(recipients.data(OrganizationModel::KindRole).toInt(),
                 int(OrganizationModel::RecipientMailbox));
        QCOMPARE(recipients.data(OrganizationModel::QualifiedNameRole).toString(),
                 QStringLiteral("Recipient Configuration \u203A Mailbox"));
        QCOMPARE(recipients.data(ObjectKindRole).toInt(), int(ObjectKind::MailboxRole));
        QCOMPARE(
            recipients.siblingAtColumn(OrganizationModel::StatusColumn).data().toString(),
            QStringLiteral("128 mailboxes")); // 6 databases of 20 users and a system mailbox, 2 attendants
        QCOMPARE(container("Organization Configuration\\Mailbox")
                     .siblingAtColumn(OrganizationModel::StatusColumn)
                     .data()
                     .toString(),
                 QStringLiteral("6 mailbox databases"));
        QCOMPARE(container("Toolbox\\Event Viewer").data(OrganizationModel::KindRole).toInt(),
                 int(OrganizationModel::EventViewerTool));
        QCOMPARE(container("Toolbox\\Replication Dashboard").data(ObjectKindRole).toInt(),
                 int(ObjectKind::ReplicationDashboard));
        QCOMPARE(model.indexOfKey(QStringLiteral("sg:MBX1\\SG1"))
                     .data(OrganizationModel::QualifiedNameRole)
                     .toString(),
                 QStringLiteral("MBX1\\SG1"));
        // A container offers no action; a server under the containers still does.
        const LabSnapshot s = m_worker->snapshot();
        for (const char *path : {"Organization Configuration", "Server Configuration\\Mailbox",
                                 "Recipient Configuration\\Mailbox", "Toolbox\\Event Viewer"})
            QVERIFY(ConsoleActions::of(s, ConsoleSelection::fromIndex(container(path))).empty());
        QCOMPARE(ConsoleActions::of(
                     s, ConsoleSelection::fromIndex(model.indexOfKey(QStringLiteral("server:MBX1"))))
                     .size(),
                 std::size_t(1));
    }

    // A standby server lists the copies it holds, named by their source; the copies stay the ones under
    // their storage groups (indexOfKey), with the same actions and the same state as it changes.
    void standbyListsTheCopiesItHolds()
    {
        run(QStringLiteral("Enable-StorageGroupCopy MBX1\\SG1 -StandbyMachine MBX3; "
                           "Enable-StorageGroupCopy MBX2\\SG2 -StandbyMachine MBX3"));
        OrganizationModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSnapshot(m_worker->snapshot());
        const QModelIndex held = model.indexOfKey(QStringLiteral("held:MBX3"));
        QVERIFY(held.isValid());
        QCOMPARE(held.parent(), model.indexOfKey(QStringLiteral("server:MBX3")));
        QCOMPARE(held.data(OrganizationModel::KindRole).toInt(), int(OrganizationModel::HeldCopies));
        QCOMPARE(pathOf(held),
                 QStringLiteral("Microsoft Exchange/Server Configuration/Mailbox/MBX3/SCR copies held"));
        QCOMPARE(model.rowCount(held), 2);
        QCOMPARE(model.index(0, 0, held).data().toString(), QStringLiteral("Copy of MBX1\\SG1"));
        QCOMPARE(model.index(1, 0, held).data().toString(), QStringLiteral("Copy of MBX2\\SG2"));
        // The sources and the other standby hold nothing.
        QVERIFY(!model.indexOfKey(QStringLiteral("held:MBX1")).isValid());
        QVERIFY(!model.indexOfKey(QStringLiteral("held:MBX4")).isValid());

        const CopyKey key{QStringLiteral("MBX1\\SG1"), QStringLiteral("MBX3")};
        const QModelIndex heldCopy = model.index(0, 0, held);
        const QModelIndex copy = model.indexOfKey(key.toString());
        QCOMPARE(copy.parent(), model.indexOfKey(QStringLiteral("sg:MBX1\\SG1")));
        QCOMPARE(heldCopy.data(OrganizationModel::KeyRole).toString(),
                 OrganizationModel::heldCopyKey(key.toString()));
        QCOMPARE(model.indexOfKey(OrganizationModel::heldCopyKey(key.toString())), heldCopy);
        QCOMPARE(heldCopy.data(OrganizationModel::KindRole).toInt(), int(OrganizationModel::Copy));
        QCOMPARE(heldCopy.data(OrganizationModel::QualifiedNameRole).toString(),
                 QStringLiteral("SCR copy MBX1\\SG1 on MBX3"));
        const LabSnapshot before = m_worker->snapshot();
        const auto texts = [&before](const QModelIndex &i) {
            QStringList t;
            for (const ConsoleAction &a : ConsoleActions::of(before, ConsoleSelection::fromIndex(i)))
                t << a.text + QStringLiteral(" => ") + a.script + a.target;
            return t;
        };
        QCOMPARE(texts(heldCopy).size(), 5); // suspend, seed, disable, activate, properties
        QCOMPARE(texts(heldCopy), texts(copy));

        // Suspended: both items change in place.
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        run(QStringLiteral("Suspend-StorageGroupCopy MBX1\\SG1 -StandbyMachine MBX3 -Confirm:$false"));
        model.setSnapshot(m_worker->snapshot());
        QCOMPARE(resets.count(), 0);
        QCOMPARE(copy.data(ObjectStateRole).toInt(), int(ObjectState::Suspended));
        QCOMPARE(heldCopy.data(ObjectStateRole).toInt(), int(ObjectState::Suspended));
        QCOMPARE(model.index(1, 0, held).data(ObjectStateRole).toInt(),
                 model.indexOfKey(QStringLiteral("copy:MBX2\\SG2>MBX3")).data(ObjectStateRole).toInt());
        QVERIFY(heldCopy.data(OrganizationModel::AttentionRole).toBool());

        // Disabled: gone from both places.
        run(QStringLiteral("Disable-StorageGroupCopy MBX1\\SG1 -StandbyMachine MBX3 -Confirm:$false"));
        model.setSnapshot(m_worker->snapshot());
        QCOMPARE(model.rowCount(model.indexOfKey(QStringLiteral("held:MBX3"))), 1);
        QVERIFY(!model.indexOfKey(OrganizationModel::heldCopyKey(key.toString())).isValid());
        QVERIFY(!model.indexOfKey(key.toString()).isValid());
    }

    // Recipient Configuration > Mailbox: every mailbox with its home database and server; a rehomed
    // mailbox changes its row in place; new mailboxes reset; the raw values sort.
    void mailboxModelListsEveryMailbox()
    {
        MailboxModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        LabSnapshot s = m_worker->snapshot();
        model.setSnapshot(s);
        QCOMPARE(model.rowCount(), 128);
        int system = 0;
        for (int r = 0; r < model.rowCount(); ++r) {
            const QModelIndex i = model.index(r, MailboxModel::RecipientTypeColumn);
            system += i.data(MailboxModel::RecipientTypeRole).toInt() == MailboxModel::SystemMailbox ? 1 : 0;
            QCOMPARE(i.data().toString(),
                     MailboxModel::recipientTypeName(static_cast<MailboxModel::RecipientType>(
                         i.data(MailboxModel::RecipientTypeRole).toInt())));
            QVERIFY(!model.index(r, MailboxModel::DatabaseColumn).data().toString().isEmpty());
        }
        QCOMPARE(system, 8); // a system mailbox a database, a system attendant a server
        const int ada = rowOfAlias(model, QStringLiteral("adaadler"));
        QVERIFY(ada >= 0);
        QCOMPARE(model.index(ada, MailboxModel::DisplayNameColumn).data().toString(),
                 QStringLiteral("Ada Adler"));
        QCOMPARE(model.index(ada, MailboxModel::RecipientTypeColumn).data().toString(),
                 QStringLiteral("UserMailbox"));
        QCOMPARE(model.index(ada, MailboxModel::DatabaseColumn).data().toString(),
                 QStringLiteral("MBX1\\SG1\\DB1"));
        QCOMPARE(model.index(ada, MailboxModel::ServerColumn).data().toString(), QStringLiteral("MBX1"));
        QCOMPARE(model.index(ada, 0).data(ObjectKindRole).toInt(), int(ObjectKind::Mailbox));

        // Rehomed (database portability): the same row, its database and server changed, nothing else.
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);
        run(QStringLiteral(
            "Move-Mailbox adaadler -ConfigurationOnly -TargetDatabase MBX2\\SG3\\DB3 -Confirm:$false"));
        model.setSnapshot(m_worker->snapshot());
        QCOMPARE(resets.count(), 0);
        QCOMPARE(changes.count(), 1);
        QCOMPARE(changes.at(0).at(0).toModelIndex().row(), ada);
        QCOMPARE(changes.at(0).at(1).toModelIndex().row(), ada);
        QCOMPARE(model.index(ada, MailboxModel::DatabaseColumn).data().toString(),
                 QStringLiteral("MBX2\\SG3\\DB3"));
        QCOMPARE(model.index(ada, MailboxModel::ServerColumn).data().toString(), QStringLiteral("MBX2"));
        model.setSnapshot(m_worker->snapshot()); // nothing moved: nothing said
        QCOMPARE(changes.count(), 1);

        // A new mailbox (as the directory would list it) is a new row: reset.
        s = m_worker->snapshot();
        MailboxSnapshot added = s.mailboxes.front();
        added.record.guid = QUuid::createUuid();
        added.record.name = QStringLiteral("aaron lowercase");
        added.record.alias = QStringLiteral("aaron");
        s.mailboxes.push_back(added);
        model.setSnapshot(s);
        QCOMPARE(resets.count(), 1);
        QCOMPARE(model.rowCount(), 129);

        // Sorted by the raw values: names without regard to case, users before system mailboxes.
        QSortFilterProxyModel proxy;
        QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setSourceModel(&model);
        proxy.setSortRole(MailboxModel::RawValueRole);
        proxy.sort(MailboxModel::DisplayNameColumn, Qt::AscendingOrder);
        QCOMPARE(proxy.index(0, 0).data().toString(), QStringLiteral("aaron lowercase"));
        QCOMPARE(proxy.index(1, 0).data().toString(), QStringLiteral("Ada Adler"));
        proxy.sort(MailboxModel::RecipientTypeColumn, Qt::DescendingOrder);
        QCOMPARE(proxy.index(0, MailboxModel::RecipientTypeColumn).data().toString(),
                 QStringLiteral("SystemMailbox"));
        QCOMPARE(proxy.index(7, MailboxModel::RecipientTypeColumn).data().toString(),
                 QStringLiteral("SystemMailbox"));
        QCOMPARE(proxy.index(8, MailboxModel::RecipientTypeColumn).data().toString(),
                 QStringLiteral("UserMailbox"));
    }

    // Organization Configuration > Mailbox: the databases with their storage group, server, mount state and
    // mailbox count; a dismount changes the row in place.
    void databaseListShowsTheDatabases()
    {
        DatabaseListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSnapshot(m_worker->snapshot());
        QCOMPARE(model.rowCount(), 6);
        QCOMPARE(model.index(0, DatabaseListModel::NameColumn).data().toString(), QStringLiteral("DB1"));
        QCOMPARE(model.index(0, 0).data(DatabaseListModel::IdentityRole).toString(),
                 QStringLiteral("MBX1\\SG1\\DB1"));
        QCOMPARE(model.index(0, DatabaseListModel::StorageGroupColumn).data().toString(),
                 QStringLiteral("MBX1\\SG1"));
        QCOMPARE(model.index(0, DatabaseListModel::ServerColumn).data().toString(), QStringLiteral("MBX1"));
        QCOMPARE(model.index(0, DatabaseListModel::MountedColumn).data().toString(), QStringLiteral("True"));
        QCOMPARE(model.index(0, DatabaseListModel::MailboxesColumn).data().toInt(), 22); // and the attendant
        QCOMPARE(model.index(1, DatabaseListModel::MailboxesColumn).data().toInt(), 21);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);
        run(QStringLiteral("Dismount-Database MBX1\\SG1\\DB1 -Confirm:$false"));
        model.setSnapshot(m_worker->snapshot());
        QCOMPARE(resets.count(), 0);
        QCOMPARE(changes.count(), 1);
        QCOMPARE(model.index(0, DatabaseListModel::MountedColumn).data().toString(), QStringLiteral("False"));
        QCOMPARE(model.index(0, 0).data(ObjectStateRole).toInt(), int(ObjectState::Dismounted));
    }

    void copyStatusTableSortsByNumbers()
    {
        // Two copies: MBX1\SG2 on MBX4 without mail, MBX2\SG1 on MBX3 with 20 s of it.
        run(QStringLiteral(
            "Enable-StorageGroupCopy MBX1\\SG2 -StandbyMachine MBX4; "
            "Enable-StorageGroupCopy MBX2\\SG1 -StandbyMachine MBX3 -ReplayLagTime 0.0:0:0; "
            "Start-MailFlow MBX2\\SG1\\DB1 -MessagesPerMinute 600; Step-Simulation 0.00:00:20"));
        CopyStatusModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSnapshot(m_worker->snapshot());
        QCOMPARE(model.rowCount(), 2);
        QSortFilterProxyModel proxy;
        QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setSourceModel(&model);
        proxy.setSortRole(CopyStatusModel::RawValueRole);
        proxy.sort(CopyStatusModel::ReplayQueueColumn, Qt::DescendingOrder);
        // MBX2\SG1 has had 20 s of mail: its inspected logs wait for replay (the 50-log lag).
        QCOMPARE(proxy.index(0, CopyStatusModel::NameColumn).data().toString(), QStringLiteral("MBX2\\SG1"));
        QVERIFY(proxy.index(0, CopyStatusModel::ReplayQueueColumn)
                    .data(CopyStatusModel::RawValueRole)
                    .toLongLong() > proxy.index(1, CopyStatusModel::ReplayQueueColumn)
                                        .data(CopyStatusModel::RawValueRole)
                                        .toLongLong());
        QCOMPARE(proxy.index(0, CopyStatusModel::ReplayLagColumn).data().toString(),
                 QStringLiteral("0.00:00:00"));
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        run(QStringLiteral("Step-Simulation 0.00:00:05"));
        model.setSnapshot(m_worker->snapshot());
        QCOMPARE(resets.count(), 0); // same copies, new numbers
    }

    void queueHistoryIsBoundedAndOnTheVirtualClock()
    {
        run(QStringLiteral("Enable-StorageGroupCopy MBX1\\SG2 -StandbyMachine MBX4"));
        QueueHistory history;
        LabSnapshot s = m_worker->snapshot();
        QCOMPARE(s.allCopies().size(), std::size_t(1));
        const qint64 copyId = s.allCopies().front().record.id;
        history.add(s);
        history.add(s); // the clock did not move: no new sample
        QCOMPARE(history.size(copyId), std::size_t(1));
        // A sample every ten virtual seconds (one each full-resolution slot) for three times the bound:
        // older ones are merged into ten-minute buckets, the count stays within the bound.
        for (std::size_t i = 1; i < 3 * QueueHistory::kMaxSamples; ++i) {
            s.nowMs += QueueHistory::kRecentStepMs;
            history.add(s);
        }
        QVERIFY(history.size(copyId) <= QueueHistory::kMaxSamples);
        const QVector<QPointF> lastMinute = history.copyQueue(copyId, 60 * 1000);
        QCOMPARE(lastMinute.size(), 7);
        QCOMPARE(qint64(lastMinute.back().x()), s.nowMs);
    }
};

QTEST_GUILESS_MAIN(TestConsoleModels)
#include "tst_consolemodels.moc"
