// The console's item models over LabSnapshots of a real demo lab: the organization tree, the copy status
// table and the queue history. Every model passes QAbstractItemModelTester; state changes keep rows (no
// reset), objects that come or go reset.

#include "core/clock.h"
#include "lab/demolab.h"
#include "lab/labworker.h"
#include "models/copystatusmodel.h"
#include "models/organizationmodel.h"
#include "models/queuehistory.h"

#include <QAbstractItemModelTester>
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
        QVERIFY2(finished.at(0).at(2).toBool(), qPrintable(finished.at(0).at(3).toString()));
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
        const QModelIndex org = model.index(0, 0);
        QCOMPARE(model.rowCount(org), 4); // MBX1..MBX4
        const QModelIndex mbx1 = model.indexOfKey(QStringLiteral("server:MBX1"));
        QCOMPARE(mbx1.data().toString(), QStringLiteral("MBX1"));
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
