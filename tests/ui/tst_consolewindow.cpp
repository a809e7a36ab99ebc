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

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
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

// Runs act on the next modal dialog as soon as it is up (the caller then opens it with a click).
void onNextModal(std::function<void(QWidget *)> act)
{
    auto *timer = new QTimer;
    timer->setInterval(20);
    QObject::connect(timer, &QTimer::timeout, [timer, act] {
        if (QWidget *modal = QApplication::activeModalWidget()) {
            timer->stop();
            timer->deleteLater();
            act(modal);
        }
    });
    timer->start();
}

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

void answer(QWidget *modal, QMessageBox::StandardButton button)
{
    auto *box = qobject_cast<QMessageBox *>(modal);
    QVERIFY(box);
    box->button(button)->click();
}

} // namespace

class TestConsoleWindow : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QThread m_thread;
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

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // the window's saved layout goes to a test location
        QVERIFY(DemoLab::create(m_dir.path(), SystemClock::instance()).hasValue());
        m_worker = new LabWorker(m_dir.path());
        m_worker->moveToThread(&m_thread);
        connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
        m_thread.start();
        m_window = std::make_unique<ConsoleWindow>();
        m_window->attach(m_worker);
        m_window->show();
        QTRY_VERIFY_WITH_TIMEOUT(
            m_window->organization()->indexOfKey(QStringLiteral("db:MBX1\\SG1\\DB1")).isValid(), 10000);
    }
    void cleanupTestCase()
    {
        m_window.reset();
        m_thread.quit();
        QVERIFY(m_thread.wait(20000));
    }

    void enableScrWithTheDialog()
    {
        select(QStringLiteral("sg:MBX1\\SG1"));
        QPushButton *enable = actionButton(QStringLiteral("Enable Storage Group Copy (SCR)..."));
        QVERIFY(enable);
        bool checkedAsTyped = false;
        onNextModal([&](QWidget *dialog) {
            auto *replay = dialog->findChild<QLineEdit *>(QStringLiteral("replayLagTime"));
            auto *ok = dialog->findChild<QDialogButtonBox *>(QStringLiteral("buttons"))
                           ->button(QDialogButtonBox::Ok);
            replay->setText(QStringLiteral("one day")); // not a TimeSpan: OK goes grey, the page says why
            checkedAsTyped = !ok->isEnabled();
            replay->setText(QStringLiteral("0.00:00:00"));
            dialog->findChild<QComboBox *>(QStringLiteral("standbyMachine"))
                ->setCurrentText(QStringLiteral("MBX3"));
            ok->click();
        });
        enable->click();
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
        m_window->runCommand(QStringLiteral("Start-MailFlow MBX1\\SG1\\DB1 -MessagesPerMinute 120"));
        select(QStringLiteral("copy:MBX1\\SG1>MBX3"));
        auto *speed = m_window->findChild<QComboBox *>(QStringLiteral("speedCombo"));
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
        onNextModal([](QWidget *dialog) {
            dialog->findChild<QCheckBox *>(QStringLiteral("allowFileRestore"))->setChecked(true);
            dialog->findChild<QDialogButtonBox *>(QStringLiteral("buttons"))
                ->button(QDialogButtonBox::Ok)
                ->click();
        });
        actionButton(QStringLiteral("Properties..."))->click();
        QTRY_VERIFY_WITH_TIMEOUT(
            database(QStringLiteral("MBX2\\SG2"), QStringLiteral("DB2"))->record.allowFileRestore, 10000);
    }

    void dismountAsksFirst()
    {
        select(QStringLiteral("db:MBX2\\SG3\\DB3"));
        onNextModal([](QWidget *box) { answer(box, QMessageBox::No); });
        actionButton(QStringLiteral("Dismount Database"))->click();
        QTest::qWait(300); // a No sends nothing: nothing to wait for but time
        QVERIFY(database(QStringLiteral("MBX2\\SG3"), QStringLiteral("DB3"))->mounted);
        onNextModal([](QWidget *box) { answer(box, QMessageBox::Yes); });
        actionButton(QStringLiteral("Dismount Database"))->click();
        QTRY_VERIFY_WITH_TIMEOUT(!database(QStringLiteral("MBX2\\SG3"), QStringLiteral("DB3"))->mounted,
                                 10000);
    }

    void aRefusedActionSaysWhatToDo()
    {
        select(QStringLiteral("server:MBX4"));
        onNextModal([](QWidget *box) { answer(box, QMessageBox::Yes); });
        actionButton(QStringLiteral("Power off MBX4 (simulate a failure)"))->click();
        QTRY_VERIFY_WITH_TIMEOUT(m_window->snapshot().host(QStringLiteral("MBX4")) &&
                                     !m_window->snapshot().host(QStringLiteral("MBX4"))->poweredOn,
                                 10000);
        // Enabling SCR onto a powered-off standby is refused by the cmdlet, and the console shows why.
        select(QStringLiteral("sg:MBX2\\SG1"));
        onNextModal([](QWidget *dialog) {
            auto *standby = dialog->findChild<QComboBox *>(QStringLiteral("standbyMachine"));
            standby->setCurrentText(QStringLiteral("MBX4"));
            dialog->findChild<QDialogButtonBox *>(QStringLiteral("buttons"))
                ->button(QDialogButtonBox::Ok)
                ->click();
        });
        actionButton(QStringLiteral("Enable Storage Group Copy (SCR)..."))->click();
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
        QVERIFY(actionButton(QStringLiteral("Properties...")));
    }

    void theShellPaneRunsCommands()
    {
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
        select(QStringLiteral("copy:MBX1\\SG1>MBX3"));
        bool refusedRecoverServer = false;
        bool sawCommands = false;
        bool finished = false;
        onNextModal([&](QWidget *w) {
            auto *wizard = qobject_cast<ActivationWizard *>(w);
            QVERIFY(wizard);
            // Recover Server while the source runs is refused on the first page, which says why.
            wizard->findChild<QRadioButton *>(QStringLiteral("recoverServer"))->setChecked(true);
            wizard->next();
            refusedRecoverServer = wizard->currentId() == ActivationWizard::CopyPage &&
                                   wizard->findChild<QLabel *>(QStringLiteral("sourceState"))
                                       ->text()
                                       .contains(QStringLiteral("Power it off"));
            wizard->findChild<QRadioButton *>(QStringLiteral("portability"))->setChecked(true);
            wizard->next();
            QCOMPARE(wizard->currentId(), int(ActivationWizard::TargetPage));
            QCOMPARE(wizard->findChild<QLineEdit *>(QStringLiteral("targetStorageGroup"))->text(),
                     QStringLiteral("SG1Target"));
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
        actionButton(QStringLiteral("Activate this copy..."))->click();
        QVERIFY(refusedRecoverServer);
        QVERIFY(sawCommands);
        QVERIFY(finished);
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
        const qint64 setup = m_window->runCommand(QStringLiteral(
            "Start-Host MBX4; Enable-StorageGroupCopy MBX1\\SG2 -StandbyMachine MBX4 -ReplayLagTime 0.0:0:0; "
            "Start-MailFlow MBX1\\SG2\\DB2 -MessagesPerMinute 120; Step-Simulation 0.00:02:00; Stop-Host "
            "MBX1"));
        bool setupOk = false;
        connect(m_window.get(), &ConsoleWindow::scriptFinished, this,
                [&](qint64 id, const QString &, bool ok) { setupOk = setupOk || (id == setup && ok); });
        QTRY_VERIFY_WITH_TIMEOUT(setupOk, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(
            m_window->organization()->indexOfKey(QStringLiteral("copy:MBX1\\SG2>MBX4")).isValid(), 10000);
        select(QStringLiteral("copy:MBX1\\SG2>MBX4"));
        bool gated = false;
        bool finished = false;
        QString result;
        onNextModal([&](QWidget *w) {
            auto *wizard = qobject_cast<ActivationWizard *>(w);
            QVERIFY(wizard);
            QVERIFY(wizard->findChild<QLabel *>(QStringLiteral("sourceState"))
                        ->text()
                        .contains(QStringLiteral("cannot be reached")));
            wizard->findChild<QRadioButton *>(QStringLiteral("recoverServer"))->setChecked(true);
            wizard->next();
            QCOMPARE(wizard->currentId(), int(ActivationWizard::SummaryPage));
            // The loss must be accepted before anything runs.
            auto *accept = wizard->findChild<QCheckBox *>(QStringLiteral("acceptLoss"));
            gated = accept->isVisible() && !wizard->button(QWizard::CommitButton)->isEnabled();
            accept->setChecked(true);
            QVERIFY(wizard->button(QWizard::CommitButton)->isEnabled());
            finished = activate(wizard);
            result = wizard->resultText();
            wizard->accept();
        });
        actionButton(QStringLiteral("Activate this copy..."))->click();
        QVERIFY(gated);
        QVERIFY(finished);
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
