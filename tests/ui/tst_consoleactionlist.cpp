// ConsoleActions without a window: for each kind of selected object (a server up and down, a storage group
// with and without an SCR copy, a database mounted and dismounted, an SCR copy healthy and suspended) the
// entries offered and the exact Exchange Management Shell command each runs; CopyKey's text form, read back;
// the console tree's keys and selections agree with CopyKey. The snapshot is built by hand: no lab, no files.
// The window without a lab: the View menu, the Run/Pause action, context menus. scr-console --help and
// --version.

#include "client/labclient.h"
#include "consolewindow.h"
#include "models/consoleactions.h"
#include "models/copystatusmodel.h"
#include "models/copykey.h"
#include "models/organizationmodel.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QMenu>
#include <QFileInfo>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QTimer>
#include <QTreeView>

using namespace scr;

Q_DECLARE_METATYPE(scr::OrganizationModel::Kind)

namespace {

// MBX1 (up) holds SG1 (DB1 mounted, copied to MBX3) and SG2 (DB2 dismounted, no copy); MBX2 (powered off)
// holds its own SG1 (DB1, copied to MBX3, suspended); MBX3 is the standby.
LabSnapshot snapshot()
{
    LabSnapshot s;
    s.hosts = {{QStringLiteral("MBX1"), true, {}, 0},
               {QStringLiteral("MBX2"), false, {}, 0},
               {QStringLiteral("MBX3"), true, {}, 0}};
    s.servers = {{QStringLiteral("MBX1"), QStringLiteral("MBX1"), true, true},
                 {QStringLiteral("MBX2"), QStringLiteral("MBX2"), true, true},
                 {QStringLiteral("MBX3"), QStringLiteral("MBX3"), true, true}};
    qint64 id = 1;
    const auto storageGroup = [&](const QString &server, const QString &name) {
        StorageGroupSnapshot sg;
        sg.record.id = id++;
        sg.record.server = server;
        sg.record.name = name;
        return sg;
    };
    const auto database = [&](const QString &name, bool mounted) {
        DatabaseSnapshot db;
        db.record.id = id++;
        db.record.name = name;
        db.mounted = mounted;
        return db;
    };
    const auto copy = [&](const QString &standby, bool suspended) {
        CopySnapshot c;
        c.record.id = id++;
        c.record.standbyMachine = standby;
        c.record.suspended = suspended;
        return c;
    };
    StorageGroupSnapshot sg1 = storageGroup(QStringLiteral("MBX1"), QStringLiteral("SG1"));
    sg1.databases.push_back(database(QStringLiteral("DB1"), true));
    sg1.copies.push_back(copy(QStringLiteral("MBX3"), false));
    StorageGroupSnapshot sg2 = storageGroup(QStringLiteral("MBX1"), QStringLiteral("SG2"));
    sg2.databases.push_back(database(QStringLiteral("DB2"), false));
    StorageGroupSnapshot other = storageGroup(QStringLiteral("MBX2"), QStringLiteral("SG1"));
    other.databases.push_back(database(QStringLiteral("DB1"), false));
    other.copies.push_back(copy(QStringLiteral("MBX3"), true));
    for (StorageGroupSnapshot *sg : {&sg1, &sg2, &other}) {
        for (DatabaseSnapshot &db : sg->databases)
            db.record.storageGroupId = sg->record.id;
        for (CopySnapshot &c : sg->copies) {
            c.record.storageGroupId = sg->record.id;
            c.status.identity = sg->record.identity();
        }
    }
    s.storageGroups = {sg1, sg2, other};
    return s;
}

// One entry as a line: its text, then the command it runs or the dialog it opens and on what, and whether it
// asks first.
QString describe(const ConsoleAction &a)
{
    QString what;
    switch (a.kind) {
    case ConsoleAction::Command:
        what = a.script;
        break;
    case ConsoleAction::OpenEnableWizard:
        what = QStringLiteral("<enable SCR wizard> ") + a.target;
        break;
    case ConsoleAction::OpenDatabaseProperties:
        what = QStringLiteral("<database properties> ") + a.target;
        break;
    case ConsoleAction::OpenPortabilityWizard:
        what = QStringLiteral("<portability wizard> ") + a.target;
        break;
    case ConsoleAction::OpenPrepareWizard:
        what = QStringLiteral("<prepare target wizard> ") + a.target;
        break;
    case ConsoleAction::OpenRecoverServerWizard:
        what = QStringLiteral("<recover server wizard> ") + a.target;
        break;
    case ConsoleAction::OpenMailFlowDialog:
        what = QStringLiteral("<mail flow dialog> ") + a.target;
        break;
    case ConsoleAction::OpenCopyProperties:
        what = QStringLiteral("<copy properties> ") + a.target;
        break;
    case ConsoleAction::OpenStorageGroupProperties:
        what = QStringLiteral("<storage group properties> ") + a.target;
        break;
    }
    return a.text + QStringLiteral(" => ") + what +
           (a.confirm.isEmpty() ? QString() : QStringLiteral(" [asks]"));
}

QStringList describeAll(const std::vector<ConsoleAction> &actions)
{
    QStringList lines;
    for (const ConsoleAction &a : actions)
        lines << describe(a);
    return lines;
}

// What a context menu offered; recorded inside the menu's own event loop, asserted after it closed.
struct MenuSeen
{
    QString name;
    QStringList texts;
};

// Records the next popup menu into what, triggers its entry named choose (if any) and closes it. Nothing is
// asserted in here: a failed check inside the menu's event loop would leave it open.
void readNextMenu(MenuSeen *what, const QString &choose)
{
    auto *timer = new QTimer;
    timer->setInterval(10);
    QObject::connect(timer, &QTimer::timeout, [timer, what, choose] {
        QWidget *popup = QApplication::activePopupWidget();
        if (!popup)
            return;
        timer->stop();
        timer->deleteLater();
        if (auto *menu = qobject_cast<QMenu *>(popup)) {
            what->name = menu->objectName();
            for (QAction *a : menu->actions()) {
                what->texts << a->text();
                if (a->text() == choose)
                    a->trigger();
            }
        }
        popup->close();
    });
    timer->start();
}

} // namespace

// A LabClient that runs nothing: it says what the window asked of it (the window's seam to the lab).
class RecordingClient final : public LabClient
{
    Q_OBJECT
public:
    QString labDir() const override { return {}; }
    void open() override {}
    qint64 run(const QString &script, bool stopAtFirstError) override
    {
        Q_EMIT ran(++m_last, script, stopAtFirstError);
        return m_last;
    }
    void setRunning(bool running) override { Q_EMIT runningAsked(running); }
    void setSpeed(double) override {}
    void refresh() override {}
    void onLab(QObject *, LabWork, std::function<void()>) override {}
    HealthThresholds thresholds() const override { return {}; }
    void setThresholds(const HealthThresholds &) override {}

Q_SIGNALS:
    void ran(qint64 requestId, const QString &script, bool stopAtFirstError);
    void runningAsked(bool running);

private:
    qint64 m_last = 0;
};

class TestConsoleActionList : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // the window's saved layout goes to a test location
    }
    void init() { QSettings().clear(); } // no layout left by another test

    void actions_data()
    {
        QTest::addColumn<OrganizationModel::Kind>("kind");
        QTest::addColumn<QString>("identity");
        QTest::addColumn<QString>("standby");
        QTest::addColumn<QStringList>("expected");

        QTest::newRow("organization")
            << OrganizationModel::Organization << QString() << QString() << QStringList{};
        for (const OrganizationModel::Kind container :
             {OrganizationModel::OrganizationConfiguration, OrganizationModel::OrganizationMailbox,
              OrganizationModel::ServerConfiguration, OrganizationModel::ServerMailbox,
              OrganizationModel::HeldCopies, OrganizationModel::RecipientConfiguration,
              OrganizationModel::RecipientMailbox, OrganizationModel::Toolbox,
              OrganizationModel::EventViewerTool, OrganizationModel::ReplicationDashboardTool})
            QTest::addRow("container %d", int(container))
                << container << QString() << QString() << QStringList{};
        QTest::newRow("server up") << OrganizationModel::Server << QStringLiteral("MBX1") << QString()
                                   << QStringList{QStringLiteral(
                                          "Power off MBX1 (simulate a failure) => Stop-Host MBX1 [asks]")};
        QTest::newRow("server down") << OrganizationModel::Server << QStringLiteral("MBX2") << QString()
                                     << QStringList{
                                            QStringLiteral("Power on MBX2 => Start-Host MBX2"),
                                            QStringLiteral("Recover server MBX2 from its SCR copies... => "
                                                           "<recover server wizard> MBX2")};
        QTest::newRow("unknown server")
            << OrganizationModel::Server << QStringLiteral("MBX9") << QString() << QStringList{};
        QTest::newRow("storage group with a copy")
            << OrganizationModel::StorageGroup << QStringLiteral("MBX1\\SG1") << QString()
            << QStringList{
                   QStringLiteral("Enable SCR for MBX1\\SG1... => <enable SCR wizard> MBX1\\SG1"),
                   QStringLiteral("Disable SCR copy MBX1\\SG1 on MBX3 => Disable-StorageGroupCopy MBX1\\SG1 "
                                  "-StandbyMachine MBX3 [asks]"),
                   QStringLiteral("Start a full backup of MBX1\\SG1 => Start-DatabaseBackup MBX1\\SG1"),
                   QStringLiteral("Properties of MBX1\\SG1... => <storage group properties> MBX1\\SG1")};
        QTest::newRow("storage group without a copy")
            << OrganizationModel::StorageGroup << QStringLiteral("mbx1\\sg2") << QString()
            << QStringList{
                   QStringLiteral("Enable SCR for MBX1\\SG2... => <enable SCR wizard> MBX1\\SG2"),
                   QStringLiteral("Start a full backup of MBX1\\SG2 => Start-DatabaseBackup MBX1\\SG2"),
                   QStringLiteral("Properties of MBX1\\SG2... => <storage group properties> MBX1\\SG2")};
        QTest::newRow("database mounted")
            << OrganizationModel::Database << QStringLiteral("MBX1\\SG1\\DB1") << QString()
            << QStringList{
                   QStringLiteral(
                       "Dismount MBX1\\SG1\\DB1 => Dismount-Database MBX1\\SG1\\DB1 -Confirm:$false "
                       "[asks]"),
                   QStringLiteral(
                       "Start mail flow to MBX1\\SG1\\DB1... => <mail flow dialog> MBX1\\SG1\\DB1"),
                   QStringLiteral("Stop mail flow to MBX1\\SG1\\DB1 => Stop-MailFlow MBX1\\SG1\\DB1"),
                   QStringLiteral("Properties of MBX1\\SG1\\DB1... => <database properties> MBX1\\SG1\\DB1")};
        QTest::newRow("database dismounted")
            << OrganizationModel::Database << QStringLiteral("MBX2\\SG1\\DB1") << QString()
            << QStringList{
                   QStringLiteral("Mount MBX2\\SG1\\DB1 => Mount-Database MBX2\\SG1\\DB1"),
                   QStringLiteral("Properties of MBX2\\SG1\\DB1... => <database properties> MBX2\\SG1\\DB1")};
        QTest::newRow("copy healthy")
            << OrganizationModel::Copy << QStringLiteral("MBX1\\SG1") << QStringLiteral("MBX3")
            << QStringList{
                   QStringLiteral("Suspend SCR copy MBX1\\SG1 on MBX3 => Suspend-StorageGroupCopy MBX1\\SG1 "
                                  "-StandbyMachine MBX3 -SuspendComment 'Suspended from the console'"),
                   QStringLiteral(
                       "Seed SCR copy MBX1\\SG1 on MBX3 again => Suspend-StorageGroupCopy MBX1\\SG1 "
                       "-StandbyMachine MBX3 -SuspendComment 'Seeding (Update-StorageGroupCopy)'; "
                       "Update-StorageGroupCopy MBX1\\SG1 -StandbyMachine MBX3 -DeleteExistingFiles [asks]"),
                   QStringLiteral("Disable SCR copy MBX1\\SG1 on MBX3 => Disable-StorageGroupCopy MBX1\\SG1 "
                                  "-StandbyMachine MBX3 [asks]"),
                   QStringLiteral("Activate SCR copy MBX1\\SG1 on MBX3 by database portability... => "
                                  "<portability wizard> copy:MBX1\\SG1>MBX3"),
                   QStringLiteral("Properties of MBX1\\SG1 on MBX3... => <copy properties> "
                                  "copy:MBX1\\SG1>MBX3")};
        QTest::newRow("copy suspended, same storage group name on another server")
            << OrganizationModel::Copy << QStringLiteral("MBX2\\SG1") << QStringLiteral("mbx3")
            << QStringList{
                   QStringLiteral("Resume SCR copy MBX2\\SG1 on MBX3 => Resume-StorageGroupCopy MBX2\\SG1 "
                                  "-StandbyMachine MBX3"),
                   QStringLiteral(
                       "Seed SCR copy MBX2\\SG1 on MBX3 again => Update-StorageGroupCopy MBX2\\SG1 "
                       "-StandbyMachine MBX3 -DeleteExistingFiles [asks]"),
                   QStringLiteral("Disable SCR copy MBX2\\SG1 on MBX3 => Disable-StorageGroupCopy MBX2\\SG1 "
                                  "-StandbyMachine MBX3 [asks]"),
                   QStringLiteral("Activate SCR copy MBX2\\SG1 on MBX3 by database portability... => "
                                  "<portability wizard> copy:MBX2\\SG1>MBX3"),
                   QStringLiteral("Recover server MBX2 on MBX3... => <recover server wizard> MBX2>MBX3"),
                   QStringLiteral("Properties of MBX2\\SG1 on MBX3... => <copy properties> "
                                  "copy:MBX2\\SG1>MBX3")};
        QTest::newRow("copy that is gone") << OrganizationModel::Copy << QStringLiteral("MBX1\\SG2")
                                           << QStringLiteral("MBX3") << QStringList{};
    }
    void actions()
    {
        QFETCH(OrganizationModel::Kind, kind);
        QFETCH(QString, identity);
        QFETCH(QString, standby);
        QFETCH(QStringList, expected);
        const std::vector<ConsoleAction> actions = ConsoleActions::of(snapshot(), {kind, identity, standby});
        QCOMPARE(describeAll(actions), expected);
        for (const ConsoleAction &a : actions)
            if (!a.confirm.isEmpty()) // a question names the object it is about
                QVERIFY2(a.confirm.contains(identity.section(QLatin1Char('\\'), 0, 0), Qt::CaseInsensitive),
                         qPrintable(a.confirm));
    }

    // The tree's items select what they show: the actions of each item of the organization model are those
    // of its kind and identity, and every copy item's key is its CopyKey.
    void treeItemsSelectTheirActions()
    {
        OrganizationModel model;
        const LabSnapshot s = snapshot();
        model.setSnapshot(s);
        int copies = 0;
        int held = 0; // the same copies, listed again under the standby that holds them
        std::function<void(const QModelIndex &)> walk = [&](const QModelIndex &under) {
            for (int r = 0; r < model.rowCount(under); ++r) {
                const QModelIndex i = model.index(r, 0, under);
                const ConsoleSelection selection = ConsoleSelection::fromIndex(i);
                QCOMPARE(selection.kind, i.data(OrganizationModel::KindRole).value<int>());
                if (selection.kind == OrganizationModel::Copy) {
                    const bool heldByStandby =
                        under.data(OrganizationModel::KindRole).toInt() == OrganizationModel::HeldCopies;
                    ++(heldByStandby ? held : copies);
                    const CopyKey key{selection.identity, selection.standby};
                    const QString itemKey =
                        heldByStandby ? OrganizationModel::heldCopyKey(key.toString()) : key.toString();
                    QCOMPARE(i.data(OrganizationModel::KeyRole).toString(), itemKey);
                    QCOMPARE(model.indexOfKey(itemKey), i);
                    if (heldByStandby)
                        QCOMPARE(model.indexOfKey(key.toString())
                                     .parent()
                                     .data(OrganizationModel::IdentityRole)
                                     .toString(),
                                 selection.identity);
                    const auto actions = ConsoleActions::of(s, selection);
                    // Recover Server is offered too when the copy's source is down.
                    const ServerRecord *source =
                        s.server(selection.identity.section(QLatin1Char('\\'), 0, 0));
                    const bool sourceDown = source && !s.isPoweredOn(source->host);
                    QCOMPARE(actions.size(), std::size_t(sourceDown ? 6 : 5));
                    QCOMPARE(actions.back().target, key.toString()); // Properties, last as in EMC
                    QCOMPARE(actions.back().kind, ConsoleAction::OpenCopyProperties);
                }
                walk(i);
            }
        };
        walk({});
        QCOMPARE(copies, 2);
        QCOMPARE(held, 2); // both on MBX3
        QVERIFY(ConsoleActions::of(s, ConsoleSelection::fromIndex({})).empty());
    }

    void copyKeyRoundTrip_data()
    {
        QTest::addColumn<QString>("storageGroup");
        QTest::addColumn<QString>("standby");
        QTest::addColumn<QString>("text");
        QTest::newRow("plain") << QStringLiteral("MBX1\\SG1") << QStringLiteral("MBX3")
                               << QStringLiteral("copy:MBX1\\SG1>MBX3");
        QTest::newRow("lower case") << QStringLiteral("mbx1\\First Storage Group") << QStringLiteral("mbx4")
                                    << QStringLiteral("copy:MBX1\\FIRST STORAGE GROUP>MBX4");
    }
    void copyKeyRoundTrip()
    {
        QFETCH(QString, storageGroup);
        QFETCH(QString, standby);
        QFETCH(QString, text);
        const CopyKey key{storageGroup, standby};
        QCOMPARE(key.toString(), text);
        const std::optional<CopyKey> read = CopyKey::parse(key.toString());
        QVERIFY(read);
        QVERIFY(*read == key); // equal whatever the case
        QCOMPARE(read->toString(), text);
        QCOMPARE(read->storageGroup, storageGroup.toUpper());
        QCOMPARE(read->standby, standby.toUpper());
        const std::optional<CopyKey> lower = CopyKey::parse(text.toLower());
        QVERIFY(lower);
        QCOMPARE(lower->toString(), text);
        QCOMPARE(key.displayName(), storageGroup + QStringLiteral(" on ") + standby);
    }
    void copyKeyRefusesOtherKeys_data()
    {
        QTest::addColumn<QString>("text");
        for (const char *t :
             {"", "copy:", "db:MBX1\\SG1\\DB1", "server:MBX1", "sg:MBX1\\SG1", "MBX1\\SG1>MBX3",
              "copy:MBX1\\SG1", "copy:>MBX3", "copy:MBX1\\SG1>", "copy:SG1>MBX3", "copy:MBX1\\SG1\\DB1>MBX3",
              "copy:MBX1\\SG1>MBX3>MBX4", "copy:MBX1\\SG1>MBX3\\SG1", "copy:\\SG1>MBX3"})
            QTest::newRow(t) << QString::fromLatin1(t);
    }
    void copyKeyRefusesOtherKeys()
    {
        QFETCH(QString, text);
        QVERIFY(!CopyKey::parse(text));
    }
    void copyKeysDiffer()
    {
        const CopyKey a{QStringLiteral("MBX1\\SG1"), QStringLiteral("MBX3")};
        QVERIFY(a != (CopyKey{QStringLiteral("MBX2\\SG1"), QStringLiteral("MBX3")}));
        QVERIFY(a != (CopyKey{QStringLiteral("MBX1\\SG1"), QStringLiteral("MBX4")}));
        QVERIFY(a == (CopyKey{QStringLiteral("mbx1\\sg1"), QStringLiteral("Mbx3")}));
    }

    // View: each pane's dock shown and hidden from its checkable action, and Reset Layout brings them all
    // back where they were.
    void theViewMenuShowsAndHidesEveryPane()
    {
        ConsoleWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *view = window.findChild<QMenu *>(QStringLiteral("viewMenu"));
        QVERIFY(view);
        const QStringList docks{QStringLiteral("actionDock"), QStringLiteral("eventsDock"),
                                QStringLiteral("chartDock"), QStringLiteral("shellDock")};
        QStringList titles;
        for (const QString &name : docks) {
            auto *dock = window.findChild<QDockWidget *>(name);
            QVERIFY2(dock, qPrintable(name));
            QAction *toggle = dock->toggleViewAction();
            QVERIFY2(view->actions().contains(toggle), qPrintable(name));
            QVERIFY(toggle->isCheckable());
            QVERIFY(toggle->isChecked());
            titles << toggle->text();
        }
        QCOMPARE(titles, (QStringList{QStringLiteral("Actions"), QStringLiteral("Event Viewer"),
                                      QStringLiteral("Queue Chart"), QStringLiteral("Shell")}));
        QVERIFY(window.findChild<QWidget *>(QStringLiteral("actionPane"))->isVisible());
        // Hide three panes from the menu, float the fourth.
        for (const QString &name :
             {QStringLiteral("actionDock"), QStringLiteral("eventsDock"), QStringLiteral("chartDock")}) {
            auto *dock = window.findChild<QDockWidget *>(name);
            dock->toggleViewAction()->trigger();
            QTRY_VERIFY(!dock->isVisible());
            QVERIFY(!dock->toggleViewAction()->isChecked());
        }
        QVERIFY(!window.findChild<QWidget *>(QStringLiteral("actionPane"))->isVisible());
        auto *shell = window.findChild<QDockWidget *>(QStringLiteral("shellDock"));
        shell->setFloating(true);
        QTRY_VERIFY(shell->isFloating());
        // Shown again from the menu.
        window.findChild<QDockWidget *>(QStringLiteral("chartDock"))->toggleViewAction()->trigger();
        QTRY_VERIFY(window.findChild<QDockWidget *>(QStringLiteral("chartDock"))->isVisible());
        // Reset Layout: every pane shown and docked.
        auto *reset = window.findChild<QAction *>(QStringLiteral("resetLayoutAction"));
        QVERIFY(reset);
        QVERIFY(view->actions().contains(reset));
        reset->trigger();
        for (const QString &name : docks) {
            auto *dock = window.findChild<QDockWidget *>(name);
            QTRY_VERIFY2(dock->isVisible() || !window.tabifiedDockWidgets(dock).isEmpty(), qPrintable(name));
            QVERIFY2(!dock->isHidden(), qPrintable(name));
            QVERIFY2(!dock->isFloating(), qPrintable(name));
            QVERIFY(dock->toggleViewAction()->isChecked());
        }
        QCOMPARE(window.dockWidgetArea(window.findChild<QDockWidget *>(QStringLiteral("actionDock"))),
                 Qt::RightDockWidgetArea);
        QCOMPARE(window.dockWidgetArea(shell), Qt::BottomDockWidgetArea);
        QCOMPARE(window.tabifiedDockWidgets(shell),
                 (QList<QDockWidget *>{window.findChild<QDockWidget *>(QStringLiteral("eventsDock"))}));
    }

    // Run/Pause says what it will do and follows the simulation, whether the user or a snapshot changed it.
    void theRunActionShowsTheSimulationsState()
    {
        ConsoleWindow window;
        RecordingClient client;
        window.attach(&client);
        QSignalSpy requested(&client, &RecordingClient::runningAsked);
        auto *run = window.findChild<QAction *>(QStringLiteral("runAction"));
        QVERIFY(run);
        QVERIFY(!run->isChecked());
        QCOMPARE(run->text(), QStringLiteral("&Run the simulation"));
        run->trigger(); // the user runs it
        QVERIFY(run->isChecked());
        QCOMPARE(run->text(), QStringLiteral("&Pause the simulation"));
        QCOMPARE(requested.size(), 1);
        QCOMPARE(requested.at(0).at(0).toBool(), true);
        LabSnapshot s = snapshot();
        s.running = false; // the lab says it is paused (e.g. a script paused it)
        window.showSnapshot(s);
        QVERIFY(!run->isChecked());
        QCOMPARE(run->text(), QStringLiteral("&Run the simulation"));
        s.running = true;
        window.showSnapshot(s);
        QVERIFY(run->isChecked());
        QCOMPARE(run->text(), QStringLiteral("&Pause the simulation"));
        QCOMPARE(requested.size(), 1); // what the lab says is shown, not asked for again
        window.setRunning(false);      // as the toolbar or --run sets it
        QCOMPARE(run->text(), QStringLiteral("&Run the simulation"));
        QCOMPARE(requested.size(), 2);
        QCOMPARE(requested.at(1).at(0).toBool(), false);
    }

    // A right-click on a result-pane row offers the copy's entries of the action pane, selects the copy in
    // the tree, and an entry chosen runs its command.
    void resultRowsHaveTheActionPanesEntries()
    {
        ConsoleWindow window;
        RecordingClient client;
        window.attach(&client);
        QSignalSpy requested(&client, &RecordingClient::ran);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const LabSnapshot s = snapshot();
        window.showSnapshot(s);
        auto *table = window.findChild<QTableView *>(QStringLiteral("copyStatusTable"));
        QVERIFY(table);
        QCOMPARE(table->model()->rowCount(), 2);
        for (int row = 0; row < 2; ++row) {
            const QModelIndex index = table->model()->index(row, 0);
            const CopyKey key{index.data(CopyStatusModel::IdentityRole).toString(),
                              index.data(CopyStatusModel::StandbyRole).toString()};
            QStringList expected;
            for (const ConsoleAction &a :
                 ConsoleActions::of(s, {OrganizationModel::Copy, key.storageGroup, key.standby}))
                expected << a.text;
            // MBX2 is down: its copy offers Recover Server too.
            QCOMPARE(expected.size(), key.storageGroup.startsWith(QStringLiteral("MBX2")) ? 6 : 5);
            MenuSeen seen;
            // Resume on the suspended copy; nothing chosen on the other.
            const QString choose =
                key.storageGroup == QStringLiteral("MBX2\\SG1") ? expected.front() : QString();
            readNextMenu(&seen, choose);
            Q_EMIT table->customContextMenuRequested(table->visualRect(index).center());
            QCOMPARE(seen.name, QStringLiteral("resultMenu"));
            QCOMPARE(seen.texts, expected);
            auto *tree = window.findChild<QTreeView *>(QStringLiteral("consoleTree"));
            QCOMPARE(tree->currentIndex().data(OrganizationModel::KeyRole).toString(), key.toString());
            if (!choose.isEmpty()) {
                QCOMPARE(choose, QStringLiteral("Resume SCR copy MBX2\\SG1 on MBX3"));
                QTRY_COMPARE(requested.size(), 1);
                QCOMPARE(requested.at(0).at(1).toString(),
                         QStringLiteral("Resume-StorageGroupCopy MBX2\\SG1 -StandbyMachine MBX3"));
            }
        }
        QCOMPARE(requested.size(), 1); // closing a menu runs nothing
        // The tree's items have the same menu.
        auto *tree = window.findChild<QTreeView *>(QStringLiteral("consoleTree"));
        const QModelIndex server = window.organization()->indexOfKey(QStringLiteral("server:MBX2"));
        QVERIFY(server.isValid());
        tree->expand(server.parent());
        tree->scrollTo(server);
        MenuSeen seen;
        readNextMenu(&seen, {});
        Q_EMIT tree->customContextMenuRequested(tree->visualRect(server).center());
        QCOMPARE(seen.name, QStringLiteral("treeMenu"));
        QCOMPARE(seen.texts, (QStringList{QStringLiteral("Power on MBX2"),
                                          QStringLiteral("Recover server MBX2 from its SCR copies...")}));
    }

    // Starts scr-console with no QT_QPA_PLATFORM, DISPLAY or WAYLAND_DISPLAY.
    static void startWithoutADisplay(QProcess &console, const QStringList &arguments)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const char *name : {"QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"})
            env.remove(QString::fromLatin1(name));
        console.setProcessEnvironment(env);
        console.start(QStringLiteral(SCR_CONSOLE), arguments);
    }

    // scr-console --help and --version answer without a display: no QT_QPA_PLATFORM, no DISPLAY, no
    // WAYLAND_DISPLAY (a QApplication would abort there).
    void helpAndVersionWithoutADisplay_data()
    {
        QTest::addColumn<QString>("option");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("--help") << QStringLiteral("--help")
                                << QStringList{QStringLiteral("Usage:"),
                                               QStringLiteral("--lab <DIR>"),
                                               QStringLiteral("--run"),
                                               QStringLiteral("--speed <FACTOR>"),
                                               QStringLiteral("--select <KEY>"),
                                               QStringLiteral("--version"),
                                               QStringLiteral("--screenshot <FILE>")};
        QTest::newRow("-h") << QStringLiteral("-h") << QStringList{QStringLiteral("--lab <DIR>")};
        QTest::newRow("--version") << QStringLiteral("--version")
                                   << QStringList{QStringLiteral("SCR Console ") +
                                                  QStringLiteral(SCR_VERSION)};
    }
    void helpAndVersionWithoutADisplay()
    {
        QFETCH(QString, option);
        QFETCH(QStringList, expected);
        QProcess console;
        startWithoutADisplay(console, {option});
        QVERIFY(console.waitForFinished(30000));
        const QString out = QString::fromLocal8Bit(console.readAllStandardOutput());
        const QString err = QString::fromLocal8Bit(console.readAllStandardError());
        QCOMPARE(console.exitStatus(), QProcess::NormalExit);
        QVERIFY2(console.exitCode() == 0, qPrintable(err));
        for (const QString &text : expected)
            QVERIFY2(out.contains(text), qPrintable(text + QStringLiteral(" not in: ") + out));
    }
    // Anything else without a display is refused with the reason and exit 1, not a QApplication's abort.
    void withoutADisplayRefusesClearly_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("said");
        QTest::newRow("unknown option") << QStringList{QStringLiteral("--no-such-option")}
                                        << QStringLiteral("Unknown option 'no-such-option'");
        QTest::newRow("a lab") << QStringList{QStringLiteral("--lab"), QStringLiteral("/nonexistent/lab")}
                               << QStringLiteral("no display");
    }
    void withoutADisplayRefusesClearly()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, said);
        QProcess console;
        startWithoutADisplay(console, arguments);
        QVERIFY(console.waitForFinished(30000));
        const QString err = QString::fromLocal8Bit(console.readAllStandardError());
        QCOMPARE(console.exitStatus(), QProcess::NormalExit);
        QCOMPARE(console.exitCode(), 1);
        QVERIFY2(err.contains(said), qPrintable(err));
        QVERIFY(!QFileInfo::exists(QStringLiteral("/nonexistent/lab")));
    }
};

QTEST_MAIN(TestConsoleActionList)
#include "tst_consoleactionlist.moc"
