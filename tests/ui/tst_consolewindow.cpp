// The console window on a demo lab, clicked through as an administrator would (the wizards have tests of
// their own, tst_wizard_*): run the simulation and watch the copy's queues, toggle
// "This database can be overwritten by a restore", answer No then Yes to a dismount, see a refused action's
// error, and type in the shell pane. The lab runs on its own thread, as in scr-console.

#include "consolewindow.h"
#include "core/clock.h"
#include "lab/demolab.h"
#include "client/locallabclient.h"
#include "models/copystatusmodel.h"
#include "models/organizationmodel.h"
#include "queuechart.h"
#include "shellpane.h"

#include <optional>

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QRadioButton>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeView>

using namespace scr;

namespace {

// Acts on the next modal dialog as soon as it is up (the caller then opens it with a click, which returns
// when the dialog is closed). act must not assert: it records what the dialog shows and closes it; the test
// asserts afterwards. Should act leave the dialog open (or a dialog come up that act did not expect), it is
// rejected here, so that a failure fails the test instead of hanging it until the timeout.
class OnNextModal
{
public:
    explicit OnNextModal(std::function<void(QWidget *)> act) : m_act(std::move(act))
    {
        m_timer.setInterval(20);
        QObject::connect(&m_timer, &QTimer::timeout, [this] {
            QWidget *modal = QApplication::activeModalWidget();
            if (!modal)
                return;
            m_timer.stop();
            m_ran = true;
            m_act(modal);
            if (auto *dialog = qobject_cast<QDialog *>(modal); dialog && dialog->isVisible()) {
                m_leftOpen = true;
                dialog->reject();
            }
        });
        m_timer.start();
    }
    bool ran() const { return m_ran; }
    bool leftOpen() const { return m_leftOpen; }

private:
    std::function<void(QWidget *)> m_act;
    QTimer m_timer;
    bool m_ran = false;
    bool m_leftOpen = false;
};

// Clicks button of the message box modal; false when modal is not a message box or has no such button
// (the box is then left for OnNextModal to reject).
bool answer(QWidget *modal, QMessageBox::StandardButton button)
{
    auto *box = qobject_cast<QMessageBox *>(modal);
    if (!box || !box->button(button))
        return false;
    box->button(button)->click();
    return true;
}

} // namespace

class TestConsoleWindow : public QObject
{
    Q_OBJECT
    // Each function has a demo lab, a lab client and a window of its own (init, cleanup): none relies on
    // what another did, so each runs alone and in any order.
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<LabClient> m_client;
    std::unique_ptr<ConsoleWindow> m_window;

    void select(const QString &key)
    {
        auto *tree = m_window->findChild<QTreeView *>(QStringLiteral("consoleTree"));
        const QModelIndex index = m_window->organization()->indexOfKey(key);
        QVERIFY2(index.isValid(), qPrintable(key));
        tree->setCurrentIndex(index);
    }
    QPushButton *actionButton(const QString &text)
    {
        for (QPushButton *b :
             m_window->findChild<QWidget *>(QStringLiteral("actionPane"))->findChildren<QPushButton *>())
            if (b->text() == text)
                return b;
        return nullptr;
    }
    const DatabaseSnapshot *database(const QString &sg, const QString &name) const
    {
        for (const StorageGroupSnapshot &g : m_window->snapshot().storageGroups)
            if (g.record.identity() == sg)
                for (const DatabaseSnapshot &d : g.databases)
                    if (d.record.name == name)
                        return &d;
        return nullptr;
    }
    // Runs script on the worker as the shell pane would and waits for its end: whatever was queued before
    // it has run and its snapshot has arrived when this returns. Fails the test when the script failed.
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
    // MBX1\SG1 replicated to MBX3 with no replay lag, as enableScrWithTheDialog leaves it.
    void enableCopyOfSg1()
    {
        runAndWait(QStringLiteral(
            "Enable-StorageGroupCopy MBX1\\SG1 -StandbyMachine MBX3 -ReplayLagTime 0.00:00:00"));
        if (QTest::currentTestFailed())
            return;
        QTRY_VERIFY_WITH_TIMEOUT(
            m_window->organization()->indexOfKey(QStringLiteral("copy:MBX1\\SG1>MBX3")).isValid(), 10000);
        QCOMPARE(m_window->copyStatus()->rowCount(), 1);
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
        QTRY_VERIFY_WITH_TIMEOUT(
            m_window->organization()->indexOfKey(QStringLiteral("db:MBX1\\SG1\\DB1")).isValid(), 10000);
    }
    void cleanup()
    {
        m_window.reset();
        m_client.reset(); // the lab closes: its thread ends
        m_dir.reset();
    }

    void runningReplicatesAndCharts()
    {
        enableCopyOfSg1();
        if (QTest::currentTestFailed())
            return;
        runAndWait(QStringLiteral("Start-MailFlow MBX1\\SG1\\DB1 -MessagesPerMinute 120"));
        if (QTest::currentTestFailed())
            return;
        select(QStringLiteral("copy:MBX1\\SG1>MBX3"));
        auto *speed = m_window->findChild<QComboBox *>(QStringLiteral("speedCombo"));
        QVERIFY(speed->findData(600.0) >= 0);
        speed->setCurrentIndex(speed->findData(600.0));
        m_window->findChild<QAction *>(QStringLiteral("runAction"))->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(m_window->snapshot().running, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(m_window->copyStatus()->copy(0).status.lastLogInspected >= 3, 20000);
        auto *chart = m_window->findChild<QueueChart *>();
        QTRY_VERIFY_WITH_TIMEOUT(chart->pointCount() >= 2, 10000);
        // Beside the speed asked for, the one achieved (whatever this machine manages), measured by ticks.
        auto *achieved = m_window->findChild<QLabel *>(QStringLiteral("achievedSpeedLabel"));
        static const QRegularExpression measured(QStringLiteral("^ achieved [1-9][0-9]*x$"));
        QTRY_VERIFY_WITH_TIMEOUT(measured.match(achieved->text()).hasMatch(), 10000);
        m_window->findChild<QAction *>(QStringLiteral("runAction"))->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->snapshot().running, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(!measured.match(achieved->text()).hasMatch(), 10000); // paused: no figure
    }

    void achievedSpeedNeverPretends()
    {
        auto *achieved = m_window->findChild<QLabel *>(QStringLiteral("achievedSpeedLabel"));
        m_window->showMeasuredSpeed(86400, 5412);
        QCOMPARE(achieved->text(), QStringLiteral(" achieved 5410x"));
        QVERIFY2(achieved->toolTip().contains(QStringLiteral("cannot run the lab at 86400x")),
                 qPrintable(achieved->toolTip()));
        m_window->showMeasuredSpeed(600, 599.6);
        QCOMPARE(achieved->text(), QStringLiteral(" achieved 600x"));
        QVERIFY(achieved->toolTip().contains(QStringLiteral("keeps up")));
        m_window->showMeasuredSpeed(600, 0);
        QVERIFY(!achieved->text().contains(QLatin1Char('x')));
    }

    void restorePropertyFromThePropertySheet()
    {
        QVERIFY(!database(QStringLiteral("MBX2\\SG2"), QStringLiteral("DB2"))->record.allowFileRestore);
        select(QStringLiteral("db:MBX2\\SG2\\DB2"));
        QPushButton *properties = actionButton(QStringLiteral("Properties of MBX2\\SG2\\DB2..."));
        QVERIFY(properties);
        properties->click();
        // The property sheet is not modal: it stays beside the console, live.
        auto *sheet = m_window->findChild<QDialog *>(QStringLiteral("databaseProperties"));
        QVERIFY(sheet && sheet->isVisible());
        auto *allow = sheet->findChild<QCheckBox *>(QStringLiteral("allowFileRestore"));
        auto *buttons = sheet->findChild<QDialogButtonBox *>(QStringLiteral("buttons"));
        QVERIFY(allow && buttons);
        QCOMPARE(allow->text().remove(QLatin1Char('&')),
                 QStringLiteral("This database can be overwritten by a restore"));
        allow->setChecked(true);
        buttons->button(QDialogButtonBox::Ok)->click();
        QTRY_VERIFY_WITH_TIMEOUT(
            database(QStringLiteral("MBX2\\SG2"), QStringLiteral("DB2"))->record.allowFileRestore, 10000);
        QVERIFY(m_window->findChild<ShellPane *>()->output().contains(
            QStringLiteral("Set-MailboxDatabase MBX2\\SG2\\DB2 -AllowFileRestore $true")));
    }

    void dismountAsksFirst()
    {
        select(QStringLiteral("db:MBX2\\SG3\\DB3"));
        QPushButton *dismount = actionButton(QStringLiteral("Dismount MBX2\\SG3\\DB3"));
        QVERIFY(dismount);
        bool answered = false;
        {
            OnNextModal box([&](QWidget *modal) { answered = answer(modal, QMessageBox::No); });
            dismount->click();
            QVERIFY(box.ran());
        }
        QVERIFY(answered);
        // A No sends nothing. The worker runs what it is sent in order: once a command sent after the No has
        // finished (its snapshot here), a dismount sent by the No would have run and shown before it.
        runAndWait(QStringLiteral("Get-Host"));
        if (QTest::currentTestFailed())
            return;
        QVERIFY(database(QStringLiteral("MBX2\\SG3"), QStringLiteral("DB3"))->mounted);
        QVERIFY(!m_window->findChild<ShellPane *>()->output().contains(QStringLiteral("Dismount-Database")));
        answered = false;
        {
            OnNextModal box([&](QWidget *modal) { answered = answer(modal, QMessageBox::Yes); });
            dismount = actionButton(QStringLiteral("Dismount MBX2\\SG3\\DB3"));
            QVERIFY(dismount);
            dismount->click();
            QVERIFY(box.ran());
        }
        QVERIFY(answered);
        QTRY_VERIFY_WITH_TIMEOUT(!database(QStringLiteral("MBX2\\SG3"), QStringLiteral("DB3"))->mounted,
                                 10000);
    }

    void aRefusedActionSaysWhatToDo()
    {
        enableCopyOfSg1();
        if (QTest::currentTestFailed())
            return;
        select(QStringLiteral("server:MBX3"));
        bool answered = false;
        {
            OnNextModal box([&](QWidget *modal) { answered = answer(modal, QMessageBox::Yes); });
            QPushButton *powerOff = actionButton(QStringLiteral("Power off MBX3 (simulate a failure)"));
            QVERIFY(powerOff);
            powerOff->click();
            QVERIFY(box.ran());
        }
        QVERIFY(answered);
        QTRY_VERIFY_WITH_TIMEOUT(m_window->snapshot().host(QStringLiteral("MBX3")) &&
                                     !m_window->snapshot().host(QStringLiteral("MBX3"))->poweredOn,
                                 10000);
        // Seeding the copy again onto a powered-off standby is refused by the cmdlet, and the console shows
        // why.
        select(QStringLiteral("copy:MBX1\\SG1>MBX3"));
        answered = false;
        {
            OnNextModal box([&](QWidget *modal) { answered = answer(modal, QMessageBox::Yes); });
            QPushButton *seed = actionButton(QStringLiteral("Seed SCR copy MBX1\\SG1 on MBX3 again"));
            QVERIFY(seed);
            seed->click();
            QVERIFY(box.ran());
        }
        QVERIFY(answered);
        QTRY_VERIFY_WITH_TIMEOUT(m_window->findChild<QMessageBox *>(QStringLiteral("actionError")), 10000);
        const QString error = m_window->findChild<QMessageBox *>(QStringLiteral("actionError"))->text();
        QVERIFY2(error.contains(QStringLiteral("MBX3")) && error.contains(QStringLiteral("Start-Host")),
                 qPrintable(error));
    }

    void selectsAnItemWhenItExists()
    {
        m_window->selectWhenShown(QStringLiteral("db:mbx2\\sg1\\db1")); // as typed on a command line
        m_window->runCommand(QStringLiteral("Get-Host"));               // any command brings a snapshot
        auto *tree = m_window->findChild<QTreeView *>(QStringLiteral("consoleTree"));
        QTRY_COMPARE(tree->currentIndex().data(OrganizationModel::KeyRole).toString(),
                     QStringLiteral("db:MBX2\\SG1\\DB1"));
        QVERIFY(actionButton(QStringLiteral("Properties of MBX2\\SG1\\DB1...")));
    }

    void theShellPaneRunsCommands()
    {
        enableCopyOfSg1();
        if (QTest::currentTestFailed())
            return;
        auto *input = m_window->findChild<QLineEdit *>(QStringLiteral("shellInput"));
        input->setText(QStringLiteral("Get-StorageGroupCopyStatus | ft Name,StandbyMachine"));
        QTest::keyClick(input, Qt::Key_Return);
        auto *shell = m_window->findChild<ShellPane *>();
        QTRY_VERIFY_WITH_TIMEOUT(shell->output().contains(QStringLiteral("SG1  MBX3")), 10000);
        input->setText(QStringLiteral("Get-Mailbox nobody"));
        QTest::keyClick(input, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(shell->output().contains(QStringLiteral("no such mailbox")), 10000);
        QTest::keyClick(input, Qt::Key_Up); // history
        QCOMPARE(input->text(), QStringLiteral("Get-Mailbox nobody"));
    }

    // Attached to another lab's client, the window hears nothing more of the first one: neither the
    // commands it still runs nor their answers reach the shell pane, and its snapshots are not drawn.
    void anotherLabsClientIsNotHeardAnyMore()
    {
        QTemporaryDir other;
        QVERIFY(DemoLab::create(other.path(), SystemClock::instance()).hasValue());
        LocalLabClient second(other.path());
        m_window->attach(&second);
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(m_window->snapshot().labDir).canonicalFilePath() ==
                                     QFileInfo(other.path()).canonicalFilePath(),
                                 20000);
        auto *shell = m_window->findChild<ShellPane *>();
        QSignalSpy firstAnswered(m_client.get(), &LabClient::scriptFinished);
        m_client->run(QStringLiteral("Get-ExchangeServer MBX1"));
        m_client->refresh();
        QVERIFY(firstAnswered.wait(20000));
        QSignalSpy secondAnswered(&second, &LabClient::scriptFinished);
        const qint64 id = m_window->runCommand(QStringLiteral("Get-StorageGroup MBX2\\SG2"));
        QVERIFY(secondAnswered.wait(20000));
        QCOMPARE(secondAnswered.at(0).at(0).toLongLong(), id);
        QVERIFY2(!shell->output().contains(QStringLiteral("Get-ExchangeServer")),
                 qPrintable(shell->output()));
        QVERIFY(shell->output().contains(QStringLiteral("Get-StorageGroup MBX2\\SG2")));
        QCOMPARE(QFileInfo(m_window->snapshot().labDir).canonicalFilePath(),
                 QFileInfo(other.path()).canonicalFilePath());
        m_window.reset(); // before the client it is attached to
    }
};

QTEST_MAIN(TestConsoleWindow)
#include "tst_consolewindow.moc"
