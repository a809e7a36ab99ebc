#include "directory/directory.h"
#include "eventviewer.h"
#include "models/eventlogmodel.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace scr;

class TestEventViewer : public QObject
{
    Q_OBJECT
private:
    static EventRecord event(qint64 time, int id, const char *level, const char *text)
    {
        return {0,
                time,
                id,
                QString::fromLatin1(level),
                QStringLiteral("MSExchangeRepl"),
                QString::fromLatin1(text)};
    }

private Q_SLOTS:
    void modelAndProxyPassTheModelTester()
    {
        EventLogModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        EventViewer viewer(&model);
        QAbstractItemModelTester proxyTester(viewer.proxy(),
                                             QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.append(event(3000, 2090, "Information", "copy started"));
        model.append(event(1000, 2104, "Error", "log copy failed: disk full"));
        model.append(event(2000, 2106, "Warning", "fetched again"));
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.headerData(EventLogModel::EventIdColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Event ID"));
    }
    void sortsNewestFirstAndFiltersAsYouType()
    {
        EventLogModel model;
        model.append(event(3000, 2090, "Information", "copy started"));
        model.append(event(1000, 2104, "Error", "log copy failed: disk full"));
        model.append(event(2000, 2106, "Warning", "fetched again"));
        EventViewer viewer(&model);
        viewer.show();
        auto *table = viewer.findChild<QTableView *>(QStringLiteral("eventTable"));
        auto *filter = viewer.findChild<QLineEdit *>(QStringLiteral("eventFilter"));
        auto *level = viewer.findChild<QComboBox *>(QStringLiteral("eventLevel"));
        QVERIFY(table && filter && level);
        const QAbstractItemModel *shown = table->model();
        QCOMPARE(shown->index(0, EventLogModel::EventIdColumn).data().toInt(), 2090); // newest on top
        QCOMPARE(shown->index(2, EventLogModel::EventIdColumn).data().toInt(), 2104);
        // Sorting compares numbers, not strings: by event ID ascending.
        table->sortByColumn(EventLogModel::EventIdColumn, Qt::AscendingOrder);
        QCOMPARE(shown->index(0, EventLogModel::EventIdColumn).data().toInt(), 2090);
        QTest::keyClicks(filter, QStringLiteral("DISK"));
        QCOMPARE(shown->rowCount(), 1);
        QCOMPARE(shown->index(0, EventLogModel::EventIdColumn).data().toInt(), 2104);
        filter->clear();
        QCOMPARE(shown->rowCount(), 3);
        level->setCurrentIndex(1); // warnings and errors
        QCOMPARE(shown->rowCount(), 2);
        level->setCurrentIndex(2); // errors
        QCOMPARE(shown->rowCount(), 1);
        // New events show up at once.
        model.append(event(4000, 2105, "Error", "corrupt at the source"));
        QCOMPARE(shown->rowCount(), 2);
    }
    void sortsEventIdsAsNumbers()
    {
        // Ids whose text order differs from their numeric order: as text "2111" < "482" < "9" < "95".
        EventLogModel model;
        model.append(event(1000, 482, "Error", "disk full"));
        model.append(event(2000, 9, "Information", "nine"));
        model.append(event(3000, 2111, "Warning", "later"));
        model.append(event(4000, 95, "Information", "ninety-five"));
        EventViewer viewer(&model);
        viewer.show();
        auto *table = viewer.findChild<QTableView *>(QStringLiteral("eventTable"));
        QVERIFY(table);
        const QAbstractItemModel *shown = table->model();
        const auto ids = [&] {
            QList<int> out;
            for (int row = 0; row < shown->rowCount(); ++row)
                out << shown->index(row, EventLogModel::EventIdColumn).data().toInt();
            return out;
        };
        QCOMPARE(ids(), (QList<int>{95, 2111, 9, 482})); // newest first
        table->sortByColumn(EventLogModel::EventIdColumn, Qt::AscendingOrder);
        QCOMPARE(ids(), (QList<int>{9, 95, 482, 2111}));
        table->sortByColumn(EventLogModel::EventIdColumn, Qt::DescendingOrder);
        QCOMPARE(ids(), (QList<int>{2111, 482, 95, 9}));
    }
    void reloadsFromTheDirectory()
    {
        QTemporaryDir lab;
        auto d = Directory::create(lab.path());
        QVERIFY(d.hasValue());
        for (int i = 0; i < 5; ++i)
            QVERIFY((*d)->addEvent(event(1000 + i, 2090 + i, "Information", "x")).hasValue());
        EventLogModel model;
        model.reload(**d);
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(model.event(0).eventId, 2090); // oldest first in the model; the view sorts
        QCOMPARE(model.event(4).eventId, 2094);
    }
};

QTEST_MAIN(TestEventViewer)
#include "tst_eventviewer.moc"
