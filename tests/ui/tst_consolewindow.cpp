// The console window on a demo lab, clicked through as an administrator would: enable SCR with the dialog
// (which checks the lag times as they are typed), run the simulation and watch the copy's queues, toggle
// "This database can be overwritten by a restore", answer No then Yes to a dismount, see a refused action's
// error, and type in the shell pane. The lab runs on its own thread, as in scr-console.

#include "activationwizard.h"
#include "consolewindow.h"
#include "core/clock.h"
#include "lab/demolab.h"
#include "lab/labworker.h"
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
#include <QRegularExpression>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
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

// Clicks Activate and waits for the steps; false, with the wizard's output logged, when one failed.
bool activate(ActivationWizard *wizard)
{
    wizard->next();
    if (!QTest::qWaitFor([wizard] { return wizard->finishedAll() || wizard->failed(); }, 60000))
        qWarning("the activation did not end within a minute");
    if (!wizard->finishedAll())
        qWarning("%s",
                 qPrintable(wizard->findChild<QPlainTextEdit *>(QStringLiteral("output"))->toPlainText()));
    return wizard->finishedAll();
}

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
    // Each function has a demo lab, a worker thread and a window of its own (init, cleanup): none relies on
    // what another did, so each runs alone and in any order.
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QThread> m_thread;
    LabWorker *m_worker = nullptr;
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
        const QMetaObject::Connection c =
            connect(m_window.get(), &ConsoleWindow::scriptFinished, this,
                    [&](qint64 finished, const QString &, bool ok, const QString &error) {
                        if (finished == id)
                            outcome.emplace(ok, error);
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
        m_thread = std::make_unique<QThread>();
        m_worker = new LabWorker(m_dir->path());
        m_worker->moveToThread(m_thread.get());
        connect(m_thread.get(), &QThread::finished, m_worker, &QObject::deleteLater);
        m_thread->start();
        m_window = std::make_unique<ConsoleWindow>();
        m_window->attach(m_worker);
        m_window->show();
        QTRY_VERIFY_WITH_TIMEOUT(
            m_window->organization()->indexOfKey(QStringLiteral("db:MBX1\\SG1\\DB1")).isValid(), 10000);
    }
    void cleanup()
    {
        m_window.reset();
        m_thread->quit();
        QVERIFY(m_thread->wait(20000));
        m_thread.reset();
        m_worker = nullptr;
        m_dir.reset();
    }

    void enableScrWithTheDialog()
    {
        select(QStringLiteral("sg:MBX1\\SG1"));
        QPushButton *enable = actionButton(QStringLiteral("Enable SCR for MBX1\\SG1..."));
        QVERIFY(enable);
        bool checkedAsTyped = false;
        OnNextModal handler([&](QWidget *dialog) {
            auto *replay = dialog->findChild<QLineEdit *>(QStringLiteral("replayLagTime"));
            auto *buttons = dialog->findChild<QDialogButtonBox *>(QStringLiteral("buttons"));
            auto *standby = dialog->findChild<QComboBox *>(QStringLiteral("standbyMachine"));
            if (!replay || !buttons || !standby)
                return; // left open: rejected, and the checks below fail
            QPushButton *ok = buttons->button(QDialogButtonBox::Ok);
            replay->setText(QStringLiteral("one day")); // not a TimeSpan: OK goes grey, the page says why
            checkedAsTyped = !ok->isEnabled();
            replay->setText(QStringLiteral("0.00:00:00"));
            standby->setCurrentText(QStringLiteral("MBX3"));
            ok->click();
        });
        enable->click();
        QVERIFY(handler.ran());
        QVERIFY(!handler.leftOpen());
        QVERIFY(checkedAsTyped);
        QTRY_VERIFY_WITH_TIMEOUT(
            m_window->organization()->indexOfKey(QStringLiteral("copy:MBX1\\SG1>MBX3")).isValid(), 10000);
        QCOMPARE(m_window->copyStatus()->rowCount(), 1);
        QCOMPARE(m_window->copyStatus()->copy(0).record.replayLagMs, 0);
        // The console taught the shell: the command it ran is in the shell pane.
        QVERIFY(m_window->findChild<ShellPane *>()->output().contains(QStringLiteral(
            "Enable-StorageGroupCopy MBX1\\SG1 -StandbyMachine MBX3 -ReplayLagTime 0.00:00:00")));
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
        select(QStringLiteral("server:MBX4"));
        bool answered = false;
        {
            OnNextModal box([&](QWidget *modal) { answered = answer(modal, QMessageBox::Yes); });
            QPushButton *powerOff = actionButton(QStringLiteral("Power off MBX4 (simulate a failure)"));
            QVERIFY(powerOff);
            powerOff->click();
            QVERIFY(box.ran());
        }
        QVERIFY(answered);
        QTRY_VERIFY_WITH_TIMEOUT(m_window->snapshot().host(QStringLiteral("MBX4")) &&
                                     !m_window->snapshot().host(QStringLiteral("MBX4"))->poweredOn,
                                 10000);
        // Enabling SCR onto a powered-off standby is refused by the cmdlet, and the console shows why.
        select(QStringLiteral("sg:MBX2\\SG1"));
        bool chosen = false;
        {
            OnNextModal handler([&](QWidget *dialog) {
                auto *standby = dialog->findChild<QComboBox *>(QStringLiteral("standbyMachine"));
                auto *buttons = dialog->findChild<QDialogButtonBox *>(QStringLiteral("buttons"));
                if (!standby || !buttons)
                    return;
                standby->setCurrentText(QStringLiteral("MBX4"));
                chosen = standby->currentText() == QStringLiteral("MBX4");
                buttons->button(QDialogButtonBox::Ok)->click();
            });
            QPushButton *enable = actionButton(QStringLiteral("Enable SCR for MBX2\\SG1..."));
            QVERIFY(enable);
            enable->click();
            QVERIFY(handler.ran());
            QVERIFY(!handler.leftOpen());
        }
        QVERIFY(chosen);
        QTRY_VERIFY_WITH_TIMEOUT(m_window->findChild<QMessageBox *>(QStringLiteral("actionError")), 10000);
        QVERIFY(m_window->findChild<QMessageBox *>(QStringLiteral("actionError"))
                    ->text()
                    .contains(QStringLiteral("start the standby machine first")));
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
    void activateByDatabasePortabilityWithTheWizard()
    {
        // MBX1\SG1 replicated to MBX3 for two virtual minutes of mail.
        enableCopyOfSg1();
        if (QTest::currentTestFailed())
            return;
        runAndWait(QStringLiteral("Start-MailFlow MBX1\\SG1\\DB1 -MessagesPerMinute 120; Step-Simulation "
                                  "0.00:02:00"));
        if (QTest::currentTestFailed())
            return;
        select(QStringLiteral("copy:MBX1\\SG1>MBX3"));
        bool isWizard = false;
        bool refusedRecoverServer = false;
        int targetPage = -1;
        QString targetStorageGroup;
        bool sawCommands = false;
        bool finished = false;
        OnNextModal dialog([&](QWidget *w) {
            auto *wizard = qobject_cast<ActivationWizard *>(w);
            isWizard = wizard != nullptr;
            if (!wizard)
                return;
            // Recover Server while the source runs is refused on the first page, which says why.
            wizard->findChild<QRadioButton *>(QStringLiteral("recoverServer"))->setChecked(true);
            wizard->next();
            refusedRecoverServer = wizard->currentId() == ActivationWizard::CopyPage &&
                                   wizard->findChild<QLabel *>(QStringLiteral("sourceState"))
                                       ->text()
                                       .contains(QStringLiteral("Power it off"));
            wizard->findChild<QRadioButton *>(QStringLiteral("portability"))->setChecked(true);
            wizard->next();
            targetPage = wizard->currentId();
            targetStorageGroup = wizard->findChild<QLineEdit *>(QStringLiteral("targetStorageGroup"))->text();
            if (targetPage != int(ActivationWizard::TargetPage))
                return;
            wizard->next();
            sawCommands = wizard->findChild<QPlainTextEdit *>(QStringLiteral("summary"))
                              ->toPlainText()
                              .contains(QStringLiteral(
                                  "Restore-StorageGroupCopy MBX1\\SG1 -StandbyMachine MBX3 -Confirm:$false"));
            if (qEnvironmentVariableIsSet("SCR_SCREENSHOTS")) // README pictures: SCR_SCREENSHOTS=DIR
                wizard->grab().save(qEnvironmentVariable("SCR_SCREENSHOTS") +
                                    QStringLiteral("/wizard-summary.png"));
            finished = activate(wizard) && wizard->resultText().contains(QStringLiteral("No data was lost"));
            if (qEnvironmentVariableIsSet("SCR_SCREENSHOTS"))
                wizard->grab().save(qEnvironmentVariable("SCR_SCREENSHOTS") +
                                    QStringLiteral("/wizard-done.png"));
            wizard->accept();
        });
        QPushButton *activateButton = actionButton(QStringLiteral("Activate SCR copy MBX1\\SG1 on MBX3..."));
        QVERIFY(activateButton);
        activateButton->click();
        QVERIFY(dialog.ran());
        QVERIFY(isWizard);
        QVERIFY(refusedRecoverServer);
        QCOMPARE(targetPage, int(ActivationWizard::TargetPage));
        QCOMPARE(targetStorageGroup, QStringLiteral("SG1Target"));
        QVERIFY(sawCommands);
        QVERIFY(finished);
        QVERIFY(!dialog.leftOpen());
        QTRY_VERIFY_WITH_TIMEOUT(
            database(QStringLiteral("MBX3\\SG1Target"), QStringLiteral("DB1Target")) &&
                database(QStringLiteral("MBX3\\SG1Target"), QStringLiteral("DB1Target"))->mounted,
            10000);
        QVERIFY(!m_window->organization()->indexOfKey(QStringLiteral("copy:MBX1\\SG1>MBX3")).isValid());
        // The users moved with their mail: the target holds the 20 users.
        QTRY_COMPARE(database(QStringLiteral("MBX3\\SG1Target"), QStringLiteral("DB1Target"))->mailboxes, 20);
    }
    void activateByRecoverServerWithTheWizard()
    {
        // MBX1\SG2 replicated to MBX4, then MBX1 dies.
        runAndWait(QStringLiteral(
            "Enable-StorageGroupCopy MBX1\\SG2 -StandbyMachine MBX4 -ReplayLagTime 0.0:0:0; "
            "Start-MailFlow MBX1\\SG2\\DB2 -MessagesPerMinute 120; Step-Simulation 0.00:02:00; Stop-Host "
            "MBX1"));
        if (QTest::currentTestFailed())
            return;
        QTRY_VERIFY_WITH_TIMEOUT(
            m_window->organization()->indexOfKey(QStringLiteral("copy:MBX1\\SG2>MBX4")).isValid(), 10000);
        select(QStringLiteral("copy:MBX1\\SG2>MBX4"));
        bool isWizard = false;
        QString sourceState;
        int summaryPage = -1;
        bool gated = false;
        bool commitAfterAccepting = false;
        bool finished = false;
        QString result;
        OnNextModal dialog([&](QWidget *w) {
            auto *wizard = qobject_cast<ActivationWizard *>(w);
            isWizard = wizard != nullptr;
            if (!wizard)
                return;
            sourceState = wizard->findChild<QLabel *>(QStringLiteral("sourceState"))->text();
            wizard->findChild<QRadioButton *>(QStringLiteral("recoverServer"))->setChecked(true);
            wizard->next();
            summaryPage = wizard->currentId();
            if (summaryPage != int(ActivationWizard::SummaryPage))
                return;
            // The loss must be accepted before anything runs.
            auto *accept = wizard->findChild<QCheckBox *>(QStringLiteral("acceptLoss"));
            gated = accept->isVisible() && !wizard->button(QWizard::CommitButton)->isEnabled();
            accept->setChecked(true);
            commitAfterAccepting = wizard->button(QWizard::CommitButton)->isEnabled();
            if (!commitAfterAccepting)
                return;
            finished = activate(wizard);
            result = wizard->resultText();
            wizard->accept();
        });
        QPushButton *activateButton = actionButton(QStringLiteral("Activate SCR copy MBX1\\SG2 on MBX4..."));
        QVERIFY(activateButton);
        activateButton->click();
        QVERIFY(dialog.ran());
        QVERIFY(isWizard);
        QVERIFY2(sourceState.contains(QStringLiteral("cannot be reached")), qPrintable(sourceState));
        QCOMPARE(summaryPage, int(ActivationWizard::SummaryPage));
        QVERIFY(gated);
        QVERIFY(commitAfterAccepting);
        QVERIFY(finished);
        QVERIFY(!dialog.leftOpen());
        QVERIFY2(result.contains(QStringLiteral("Data was lost")), qPrintable(result));
        // The machine that was MBX4 is MBX1 now, with MBX1\SG2\DB2 mounted on it.
        QTRY_VERIFY_WITH_TIMEOUT(database(QStringLiteral("MBX1\\SG2"), QStringLiteral("DB2")) &&
                                     database(QStringLiteral("MBX1\\SG2"), QStringLiteral("DB2"))->mounted,
                                 10000);
        const HostRecord *host = m_window->snapshot().host(QStringLiteral("MBX1"));
        QVERIFY(host && host->poweredOn);
        QCOMPARE(host->diskFolder, QStringLiteral("hosts/MBX4"));
    }
};

QTEST_MAIN(TestConsoleWindow)
#include "tst_consolewindow.moc"
