// The console tree in EMC's shape on a demo lab, clicked through: what opens first, Recipient Configuration >
// Mailbox showing every mailbox in the result pane (filtered as typed, several selected with Ctrl, a
// rehomed mailbox shown on its new database without losing the selection), Organization Configuration >
// Mailbox showing the databases, and the Toolbox's items bringing their docks forward. The lab runs on its
// own thread, as in scr-console.

#include "consolewindow.h"
#include "core/clock.h"
#include "lab/demolab.h"
#include "client/locallabclient.h"
#include "models/databaselistmodel.h"
#include "models/mailboxmodel.h"
#include "models/organizationmodel.h"

#include <optional>

#include <QDockWidget>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace scr;

class TestRecipients : public QObject
{
    Q_OBJECT
    // Each function has a demo lab, a lab client and a window of its own (init, cleanup).
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<LabClient> m_client;
    std::unique_ptr<ConsoleWindow> m_window;

    QTreeView *tree() const { return m_window->findChild<QTreeView *>(QStringLiteral("consoleTree")); }
    QModelIndex container(const QString &path) const
    {
        return m_window->organization()->indexOfKey(OrganizationModel::containerKey(path));
    }
    void select(const QModelIndex &index)
    {
        QVERIFY(index.isValid());
        tree()->setCurrentIndex(index);
    }
    QWidget *shownPage() const
    {
        return m_window->findChild<QStackedWidget *>(QStringLiteral("resultStack"))->currentWidget();
    }
    // Runs script on the worker and waits for its end (its snapshot has arrived when this returns).
    void runAndWait(const QString &script)
    {
        std::optional<std::pair<bool, QString>> outcome;
        qint64 id = -1;
        const QMetaObject::Connection c = connect(m_window->client(), &LabClient::scriptFinished, this,
                                                  [&](qint64 finished, const ems::ScriptOutput &out) {
                                                      if (finished == id)
                                                          outcome.emplace(out.ok, out.errorText());
                                                  });
        id = m_window->runCommand(script);
        const bool ended = QTest::qWaitFor([&] { return outcome.has_value(); }, 60000);
        disconnect(c);
        QVERIFY2(ended, qPrintable(script + QStringLiteral(": no answer within a minute")));
        QVERIFY2(outcome->first, qPrintable(script + QStringLiteral(": ") + outcome->second));
    }
    // The table's rows whose alias is alias (at most one).
    static int rowOfAlias(const QAbstractItemModel *model, const QString &alias)
    {
        for (int r = 0; r < model->rowCount(); ++r)
            if (model->index(r, MailboxModel::AliasColumn).data().toString() == alias)
                return r;
        return -1;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // the window's saved layout goes to a test location
    }
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        QVERIFY(DemoLab::create(m_dir->path(), SystemClock::instance()).hasValue());
        m_client = std::make_unique<LocalLabClient>(m_dir->path());
        m_window = std::make_unique<ConsoleWindow>();
        m_window->attach(m_client.get());
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QTRY_VERIFY_WITH_TIMEOUT(
            m_window->organization()->indexOfKey(QStringLiteral("db:MBX1\\SG1\\DB1")).isValid(), 10000);
    }
    void cleanup()
    {
        m_window.reset();
        m_client.reset(); // the lab closes: its thread ends
        m_dir.reset();
    }

    // First shown: Microsoft Exchange, Server Configuration > Mailbox and each server open (their storage
    // groups show); the other containers closed; the SCR copies in the result pane.
    void firstExpansionShowsTheServers()
    {
        QTreeView *view = tree();
        QVERIFY(view->isExpanded(m_window->organization()->index(0, 0)));
        QVERIFY(view->isExpanded(container(QStringLiteral("Server Configuration"))));
        const QModelIndex servers = container(QStringLiteral("Server Configuration\\Mailbox"));
        QVERIFY(view->isExpanded(servers));
        QCOMPARE(m_window->organization()->rowCount(servers), 4);
        for (int r = 0; r < 4; ++r)
            QVERIFY(view->isExpanded(servers.model()->index(r, 0, servers)));
        QVERIFY(!view->isExpanded(container(QStringLiteral("Organization Configuration"))));
        QVERIFY(!view->isExpanded(container(QStringLiteral("Recipient Configuration"))));
        QVERIFY(!view->isExpanded(container(QStringLiteral("Toolbox"))));
        QVERIFY(!view->visualRect(m_window->organization()->indexOfKey(QStringLiteral("sg:MBX2\\SG3")))
                     .isEmpty());
        QCOMPARE(shownPage(),
                 m_window->findChild<QTableView *>(QStringLiteral("copyStatusTable"))->parentWidget());
    }

    void recipientPaneListsFiltersAndMultiSelects()
    {
        select(container(QStringLiteral("Recipient Configuration\\Mailbox")));
        auto *pane = m_window->findChild<QWidget *>(QStringLiteral("recipientPane"));
        auto *table = m_window->findChild<QTableView *>(QStringLiteral("mailboxTable"));
        auto *filter = m_window->findChild<QLineEdit *>(QStringLiteral("mailboxFilter"));
        auto *count = m_window->findChild<QLabel *>(QStringLiteral("mailboxCount"));
        QVERIFY(pane && table && filter && count);
        QCOMPARE(shownPage(), pane);
        QTRY_VERIFY(table->isVisible());
        QVERIFY(!m_window->findChild<QTableView *>(QStringLiteral("copyStatusTable"))->isVisible());
        QAbstractItemModel *shown = table->model();
        QCOMPARE(shown->rowCount(), 128);
        QCOMPARE(count->text(), QStringLiteral("128 mailboxes"));
        QCOMPARE(shown->headerData(MailboxModel::RecipientTypeColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Recipient Type Details"));

        // Filtered as typed, on any column: the Fischers are MBX2\SG3's users.
        QTest::keyClicks(filter, QStringLiteral("fischer"));
        QCOMPARE(shown->rowCount(), 20);
        for (int r = 0; r < shown->rowCount(); ++r)
            QCOMPARE(shown->index(r, MailboxModel::DatabaseColumn).data().toString(),
                     QStringLiteral("MBX2\\SG3\\DB3"));
        filter->clear();
        QTest::keyClicks(filter, QStringLiteral("mbx2\\sg3"));
        QCOMPARE(shown->rowCount(), 21); // and its database's system mailbox
        filter->clear();
        QTest::keyClicks(filter, QStringLiteral("adler"));
        QCOMPARE(shown->rowCount(), 20);
        QCOMPARE(count->text(), QStringLiteral("20 of 128 mailboxes shown"));

        // Sorted by a column header's click; then two mailboxes picked with Ctrl.
        table->sortByColumn(MailboxModel::AliasColumn, Qt::AscendingOrder);
        QCOMPARE(shown->index(0, MailboxModel::AliasColumn).data().toString(), QStringLiteral("adaadler"));
        QCOMPARE(shown->index(1, MailboxModel::AliasColumn).data().toString(), QStringLiteral("benadler"));
        const auto clickRow = [table, shown](int row, Qt::KeyboardModifiers modifiers) {
            const QRect rect = table->visualRect(shown->index(row, MailboxModel::DisplayNameColumn));
            QTest::mouseClick(table->viewport(), Qt::LeftButton, modifiers, rect.center());
        };
        clickRow(0, Qt::NoModifier);
        clickRow(2, Qt::ControlModifier);
        QModelIndexList picked = table->selectionModel()->selectedRows(MailboxModel::AliasColumn);
        QCOMPARE(picked.size(), 2);
        QCOMPARE(count->text(), QStringLiteral("20 of 128 mailboxes shown, 2 selected"));
        QStringList aliases;
        for (const QModelIndex &i : picked)
            aliases << i.data().toString();
        aliases.sort();
        QCOMPARE(aliases, (QStringList{QStringLiteral("adaadler"), QStringLiteral("carlaadler")}));

        // Rehomed (Move-Mailbox -ConfigurationOnly): the row shows its new database and server, and the
        // selection stays.
        runAndWait(QStringLiteral(
            "Move-Mailbox adaadler -ConfigurationOnly -TargetDatabase MBX2\\SG1\\DB1 -Confirm:$false"));
        const int ada = rowOfAlias(shown, QStringLiteral("adaadler"));
        QVERIFY(ada >= 0);
        QTRY_COMPARE(shown->index(ada, MailboxModel::DatabaseColumn).data().toString(),
                     QStringLiteral("MBX2\\SG1\\DB1"));
        QCOMPARE(shown->index(ada, MailboxModel::ServerColumn).data().toString(), QStringLiteral("MBX2"));
        QCOMPARE(table->selectionModel()->selectedRows().size(), 2);

        // A server selected: the SCR copies again.
        select(m_window->organization()->indexOfKey(QStringLiteral("server:MBX1")));
        QCOMPARE(shownPage(),
                 m_window->findChild<QTableView *>(QStringLiteral("copyStatusTable"))->parentWidget());
    }

    // --select as scr-console takes it, any case: a container's path.
    void selectsAContainerByItsPath()
    {
        m_window->selectWhenShown(QStringLiteral("node:recipient configuration\\mailbox"));
        m_window->runCommand(QStringLiteral("Get-Host")); // any command brings a snapshot
        QTRY_COMPARE(shownPage(), m_window->findChild<QWidget *>(QStringLiteral("recipientPane")));
        QCOMPARE(tree()->currentIndex().data(OrganizationModel::QualifiedNameRole).toString(),
                 QStringLiteral("Recipient Configuration \u203A Mailbox"));
    }

    void organizationMailboxListsTheDatabases()
    {
        select(container(QStringLiteral("Organization Configuration\\Mailbox")));
        QCOMPARE(shownPage(), m_window->findChild<QWidget *>(QStringLiteral("databasePane")));
        auto *table = m_window->findChild<QTableView *>(QStringLiteral("databaseTable"));
        QVERIFY(table);
        QCOMPARE(table->model()->rowCount(), 6);
        runAndWait(QStringLiteral("Dismount-Database MBX2\\SG2\\DB2 -Confirm:$false"));
        QStringList mounted;
        for (int r = 0; r < table->model()->rowCount(); ++r)
            mounted << table->model()->index(r, DatabaseListModel::MountedColumn).data().toString();
        QCOMPARE(mounted.count(QStringLiteral("False")), 1);
        QCOMPARE(shownPage(), m_window->findChild<QWidget *>(QStringLiteral("databasePane")));
    }

    // Toolbox > Event Viewer shows the event viewer's dock; Replication Dashboard the dashboard's; the result
    // pane stays as it was.
    void toolboxItemsBringTheirDocksForward()
    {
        auto *events = m_window->findChild<QDockWidget *>(QStringLiteral("eventsDock"));
        QVERIFY(events);
        events->hide();
        QWidget *before = shownPage();
        select(container(QStringLiteral("Toolbox\\Event Viewer")));
        QTRY_VERIFY(events->isVisible());
        QCOMPARE(shownPage(), before);

        auto *dashboard = m_window->findChild<QDockWidget *>(QStringLiteral("dashboardDock"));
        QVERIFY(dashboard);
        dashboard->hide();
        select(container(QStringLiteral("Toolbox\\Replication Dashboard")));
        QTRY_VERIFY(dashboard->isVisible());
        QCOMPARE(shownPage(), before);
        dashboard->hide();
        select(container(QStringLiteral("Toolbox")));
        select(container(QStringLiteral("Toolbox\\Replication Dashboard")));
        QTRY_VERIFY(dashboard->isVisible());
    }
};

QTEST_MAIN(TestRecipients)
#include "tst_recipients.moc"
