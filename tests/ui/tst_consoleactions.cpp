// The console's action buttons, clicked as an administrator would (Suspend, Resume, Seed, Disable, a full
// backup, mail flow, Power on), the result pane (filter, numeric sort, a row selects the copy in the tree),
// the saved layout and the chart's history at start. Each test has its own lab and its own console; what
// an action did is judged after the console closed, by a new Lab on the same folder and by the files, not by
// the widgets. Confirmations are recorded inside the dialog and asserted after it closed.

#include "cmdlets/storagegroupcopy.h"
#include "consolewindow.h"
#include "core/clock.h"
#include "lab/demolab.h"
#include "lab/lab.h"
#include "client/locallabclient.h"
#include "lab/labworker.h"
#include "labfixture.h"
#include "models/copystatusmodel.h"
#include "models/organizationmodel.h"
#include "queuechart.h"
#include "testsupport.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QSplitter>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeView>

using namespace scr;

namespace {

const QString kCopyKey = QStringLiteral("copy:MBX1\\SG1>MBX3");

// What a confirmation asked, and the answer given; recorded in the dialog, asserted after it closed.
struct Confirmation
{
    bool shown = false;
    QString title;
    QString text;
    QString informative;
};

// Answers the next modal message box with button, recording it into what. Nothing is asserted in here: a
// failed check inside a modal dialog's event loop would leave the dialog open until the test times out.
void answerNextBox(Confirmation *what, QMessageBox::StandardButton button)
{
    auto *timer = new QTimer;
    timer->setInterval(10);
    QObject::connect(timer, &QTimer::timeout, [timer, what, button] {
        QWidget *modal = QApplication::activeModalWidget();
        if (!modal)
            return;
        timer->stop();
        timer->deleteLater();
        auto *box = qobject_cast<QMessageBox *>(modal);
        if (!box) {
            modal->close(); // not what was expected: close it, the caller's assertion fails
            return;
        }
        what->shown = true;
        what->title = box->windowTitle();
        what->text = box->text();
        what->informative = box->informativeText();
        if (QAbstractButton *b = box->button(button))
            b->click();
        else
            box->reject();
    });
    timer->start();
}

// What the Start Mail Flow dialog showed: OK for a rate out of range, the problem it named, OK in range.
struct MailFlowSeen
{
    bool shown = false;
    bool okEnabledOutOfRange = true;
    QString problem;
    bool okEnabledInRange = false;
};

// Fills the next Start Mail Flow dialog: first badRate (recording what it says), then rate and sizeKB, OK.
void fillNextMailFlowDialog(MailFlowSeen *seen, int badRate, int rate, int sizeKB)
{
    auto *timer = new QTimer;
    timer->setInterval(10);
    QObject::connect(timer, &QTimer::timeout, [=] {
        QWidget *modal = QApplication::activeModalWidget();
        if (!modal)
            return;
        timer->stop();
        timer->deleteLater();
        auto *spinRate = modal->findChild<QSpinBox *>(QStringLiteral("messagesPerMinute"));
        auto *spinSize = modal->findChild<QSpinBox *>(QStringLiteral("messageSizeKB"));
        auto *buttons = modal->findChild<QDialogButtonBox *>();
        auto *problem = modal->findChild<QLabel *>(QStringLiteral("mailFlowProblem"));
        if (!spinRate || !spinSize || !buttons || !problem) {
            modal->close();
            return;
        }
        seen->shown = true;
        spinRate->setValue(badRate);
        seen->okEnabledOutOfRange = buttons->button(QDialogButtonBox::Ok)->isEnabled();
        seen->problem = problem->text();
        spinRate->setValue(rate);
        spinSize->setValue(sizeKB);
        seen->okEnabledInRange = buttons->button(QDialogButtonBox::Ok)->isEnabled();
        buttons->button(QDialogButtonBox::Ok)->click();
    });
    timer->start();
}

} // namespace

class TestConsoleActions : public QObject
{
    Q_OBJECT
    QTemporaryDir m_template;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<LabClient> m_client;
    std::unique_ptr<ConsoleWindow> m_window;
    std::vector<std::pair<qint64, bool>> m_finished; // scripts the console ran: id, ok

    QString path(const QString &rel) const { return m_dir->filePath(rel); }
    QString sourceLogs() const { return path(QStringLiteral("hosts/MBX1/C/Exchange/Logs/SG1")); }

    void startConsole()
    {
        m_finished.clear();
        m_client = std::make_unique<LocalLabClient>(m_dir->path());
        m_window = std::make_unique<ConsoleWindow>();
        connect(m_client.get(), &LabClient::scriptFinished, this,
                [this](qint64 id, const ems::ScriptOutput &out) { m_finished.emplace_back(id, out.ok); });
        m_window->attach(m_client.get());
        m_window->show();
        QTRY_VERIFY_WITH_TIMEOUT(
            m_window->organization()->indexOfKey(QStringLiteral("db:MBX1\\SG1\\DB1")).isValid(), 20000);
    }
    // Closes the console as a user does (the layout is saved), and with it the lab.
    void stopConsole()
    {
        if (!m_window)
            return;
        m_window->close();
        m_window.reset();
        m_client.reset(); // the lab closes: its thread ends
    }
    // Runs a script in the console's lab and waits for it; false when it failed.
    bool run(const QString &script)
    {
        const qint64 id = m_window->runCommand(script);
        if (!QTest::qWaitFor([&] { return finished(id) >= 0; }, 60000))
            return false;
        return finished(id) == 1;
    }
    int finished(qint64 id) const
    {
        for (const auto &[fid, ok] : m_finished)
            if (fid == id)
                return ok ? 1 : 0;
        return -1;
    }
    // The number of scripts that finished so far: an action's script is the next one.
    std::size_t finishedCount() const { return m_finished.size(); }
    bool lastFinishedOk() const { return !m_finished.empty() && m_finished.back().second; }

    bool select(const QString &key)
    {
        auto *tree = m_window->findChild<QTreeView *>(QStringLiteral("consoleTree"));
        const QModelIndex index = m_window->organization()->indexOfKey(key);
        if (!index.isValid())
            return false;
        tree->setCurrentIndex(index);
        return true;
    }
    QPushButton *actionButton(const QString &text) const
    {
        for (QPushButton *b :
             m_window->findChild<QWidget *>(QStringLiteral("actionPane"))->findChildren<QPushButton *>())
            if (b->text() == text)
                return b;
        return nullptr;
    }
    const CopySnapshot *copySnapshot() const
    {
        for (const StorageGroupSnapshot &g : m_window->snapshot().storageGroups)
            for (const CopySnapshot &c : g.copies)
                if (g.record.identity() == QStringLiteral("MBX1\\SG1") &&
                    c.record.standbyMachine == QStringLiteral("MBX3"))
                    return &c;
        return nullptr;
    }
    // A lab opened on the folder after the console closed: what any other process sees.
    std::unique_ptr<Lab> openLab()
    {
        auto lab = Lab::open(m_dir->path());
        if (!lab)
            qWarning("%s", qPrintable(lab.error().toString()));
        return lab ? std::move(*lab) : nullptr;
    }
    static std::optional<CopyStatus> copyStatus(Lab &lab)
    {
        auto rows =
            cmdlets::getStorageGroupCopyStatus(lab, QStringLiteral("MBX1\\SG1"), QStringLiteral("MBX3"));
        if (!rows || rows->size() != 1)
            return std::nullopt;
        return rows->front().status;
    }
    bool replicating(int seconds)
    {
        return run(QStringLiteral("Enable-StorageGroupCopy MBX1\\SG1 -StandbyMachine MBX3 -ReplayLagTime "
                                  "0.00:00:00; Start-MailFlow MBX1\\SG1\\DB1 -MessagesPerMinute 600 "
                                  "-MessageSizeKB 100; Step-Simulation 0.00:00:%1")
                       .arg(seconds, 2, 10, QLatin1Char('0')));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // the saved layout goes to a test location
        test::ManualClock clock;
        QVERIFY(DemoLab::create(m_template.path(), clock).hasValue());
    }
    void init()
    {
        QSettings().clear(); // no layout left by another test
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(test::copyLab(m_template.path(), m_dir->path()));
        startConsole();
    }
    void cleanup()
    {
        stopConsole();
        m_dir.reset();
        QSettings().clear();
    }

    void suspendAndResumeButtons()
    {
        QVERIFY(replicating(30));
        QTRY_VERIFY_WITH_TIMEOUT(select(kCopyKey), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(actionButton(QStringLiteral("Suspend SCR copy MBX1\\SG1 on MBX3")), 10000);
        const std::size_t before = finishedCount();
        actionButton(QStringLiteral("Suspend SCR copy MBX1\\SG1 on MBX3"))->click();
        QTRY_VERIFY_WITH_TIMEOUT(finishedCount() > before, 20000);
        QVERIFY(lastFinishedOk());
        // The pane offers Resume now.
        QTRY_VERIFY_WITH_TIMEOUT(actionButton(QStringLiteral("Resume SCR copy MBX1\\SG1 on MBX3")), 10000);
        stopConsole();
        {
            auto lab = openLab();
            QVERIFY(lab);
            const auto s = copyStatus(*lab);
            QVERIFY(s && s->summary == SummaryCopyStatus::Suspended && s->suspend);
            QCOMPARE(s->suspendComment, QStringLiteral("Suspended from the console"));
        }
        startConsole();
        QTRY_VERIFY_WITH_TIMEOUT(select(kCopyKey), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(actionButton(QStringLiteral("Resume SCR copy MBX1\\SG1 on MBX3")), 10000);
        const std::size_t resumed = finishedCount();
        actionButton(QStringLiteral("Resume SCR copy MBX1\\SG1 on MBX3"))->click();
        QTRY_VERIFY_WITH_TIMEOUT(finishedCount() > resumed, 20000);
        QVERIFY(lastFinishedOk());
        QVERIFY(run(QStringLiteral("Stop-MailFlow MBX1\\SG1\\DB1; Step-Simulation 0.00:00:05")));
        stopConsole();
        auto lab = openLab();
        QVERIFY(lab);
        const auto s = copyStatus(*lab);
        QVERIFY(s && !s->suspend);
        QVERIFY2(s->summary == SummaryCopyStatus::Healthy, qPrintable(summaryCopyStatusName(s->summary)));
        // Caught up, by the files: the newest closed log of the source is inspected on MBX3.
        QCOMPARE(s->lastLogInspected, test::newestClosedAt(sourceLogs()).first);
        QCOMPARE(test::closedGenerationsIn(path(QStringLiteral("hosts/MBX3/C/Exchange/Logs/SG1"))).back(),
                 s->lastLogInspected);
    }

    void seedButtonAsksThenSeeds()
    {
        QVERIFY(replicating(20)); // fewer than 50 logs: the copy has no database of its own yet
        const QString edb = path(QStringLiteral("hosts/MBX3/C/Exchange/Data/SG1/DB1.edb"));
        QVERIFY(!QFile::exists(edb));
        QTRY_VERIFY_WITH_TIMEOUT(select(kCopyKey), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(actionButton(QStringLiteral("Seed SCR copy MBX1\\SG1 on MBX3 again")),
                                 10000);
        // No first: nothing runs.
        Confirmation no;
        answerNextBox(&no, QMessageBox::No);
        const std::size_t before = finishedCount();
        actionButton(QStringLiteral("Seed SCR copy MBX1\\SG1 on MBX3 again"))->click();
        QVERIFY(no.shown);
        QVERIFY2(no.text.contains(QStringLiteral("Its files on MBX3 are deleted first")),
                 qPrintable(no.text));
        QVERIFY2(no.informative.contains(QStringLiteral("Update-StorageGroupCopy")),
                 qPrintable(no.informative));
        QVERIFY(run(QStringLiteral("Get-Host"))); // whatever a No sent would have finished before this
        QCOMPARE(finishedCount(), before + 1);
        QVERIFY(!QFile::exists(edb));
        // Yes: the seed runs and the copy has its database.
        Confirmation yes;
        answerNextBox(&yes, QMessageBox::Yes);
        actionButton(QStringLiteral("Seed SCR copy MBX1\\SG1 on MBX3 again"))->click();
        QVERIFY(yes.shown);
        QTRY_VERIFY_WITH_TIMEOUT(finishedCount() > before + 1, 60000);
        QVERIFY(lastFinishedOk());
        stopConsole();
        QVERIFY(QFile::exists(edb));
        QVERIFY(!QFile::exists(path(QStringLiteral("hosts/MBX3/C/Exchange/Logs/SG1/seeding.inprogress"))));
        auto lab = openLab();
        QVERIFY(lab);
        const auto s = copyStatus(*lab);
        QVERIFY(s && s->databaseExists && !s->failed && !s->seeding);
    }

    void disableButtonAsksThenDisables()
    {
        QVERIFY(replicating(10));
        QTRY_VERIFY_WITH_TIMEOUT(select(kCopyKey), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(actionButton(QStringLiteral("Disable SCR copy MBX1\\SG1 on MBX3")), 10000);
        Confirmation yes;
        answerNextBox(&yes, QMessageBox::Yes);
        actionButton(QStringLiteral("Disable SCR copy MBX1\\SG1 on MBX3"))->click();
        QVERIFY(yes.shown);
        QVERIFY2(yes.text.contains(QStringLiteral("The copy's files stay on MBX3")), qPrintable(yes.text));
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->organization()->indexOfKey(kCopyKey).isValid(), 20000);
        stopConsole();
        auto lab = openLab();
        QVERIFY(lab);
        auto sg = lab->directory().storageGroup(QStringLiteral("MBX1\\SG1"));
        QVERIFY(sg.hasValue() && *sg);
        QVERIFY(lab->directory().copies((*sg)->id)->empty());
        // The files stay.
        QVERIFY(!test::closedGenerationsIn(path(QStringLiteral("hosts/MBX3/C/Exchange/Logs/SG1"))).empty());
    }

    void backupButtonTruncatesTheSource()
    {
        QVERIFY(run(QStringLiteral("Start-MailFlow MBX1\\SG1\\DB1 -MessagesPerMinute 600 -MessageSizeKB 100; "
                                   "Step-Simulation 0.00:00:30; Stop-MailFlow MBX1\\SG1\\DB1")));
        const std::vector<uint32_t> before = test::closedGenerationsIn(sourceLogs());
        QVERIFY(before.size() > 10 && before.front() == 1);
        QTRY_VERIFY_WITH_TIMEOUT(select(QStringLiteral("sg:MBX1\\SG1")), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(actionButton(QStringLiteral("Start a full backup of MBX1\\SG1")), 10000);
        const std::size_t n = finishedCount();
        actionButton(QStringLiteral("Start a full backup of MBX1\\SG1"))->click();
        QTRY_VERIFY_WITH_TIMEOUT(finishedCount() > n, 30000);
        QVERIFY(lastFinishedOk());
        stopConsole();
        // No copy holds logs back: every closed log older than the checkpoint went, and a backup set exists.
        const std::vector<uint32_t> after = test::closedGenerationsIn(sourceLogs());
        QVERIFY(after.empty() || after.front() > before.back());
        QVERIFY(
            !QDir(path(QStringLiteral("backups"))).entryList(QDir::Dirs | QDir::NoDotAndDotDot).isEmpty());
        auto lab = openLab();
        QVERIFY(lab);
        auto sg = lab->directory().storageGroup(QStringLiteral("MBX1\\SG1"));
        QVERIFY(sg.hasValue() && *sg);
        auto backup = lab->directory().lastFullBackup((*sg)->id);
        QVERIFY(backup.hasValue() && *backup > 0);
    }

    void mailFlowButtonsStartAndStop()
    {
        QTRY_VERIFY_WITH_TIMEOUT(select(QStringLiteral("db:MBX1\\SG1\\DB1")), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(actionButton(QStringLiteral("Start mail flow to MBX1\\SG1\\DB1...")), 10000);
        const uint32_t before = test::newestClosedAt(sourceLogs()).first;
        std::size_t n = finishedCount();
        // The dialog: a rate out of Start-MailFlow's range is refused as typed (OK disabled, the rule's own
        // words), then 300 a minute of 50 KB is accepted and becomes the command the console runs.
        MailFlowSeen seen;
        fillNextMailFlowDialog(&seen, 100001, 300, 50);
        actionButton(QStringLiteral("Start mail flow to MBX1\\SG1\\DB1..."))->click();
        QTRY_VERIFY_WITH_TIMEOUT(seen.shown, 10000);
        QVERIFY(!seen.okEnabledOutOfRange);
        QVERIFY2(seen.problem.contains(QStringLiteral("MessagesPerMinute 100001 is out of range")),
                 qPrintable(seen.problem));
        QVERIFY(seen.okEnabledInRange);
        QTRY_VERIFY_WITH_TIMEOUT(finishedCount() > n, 20000);
        QVERIFY(lastFinishedOk());
        {
            stopConsole();
            auto lab = openLab();
            QVERIFY(lab);
            auto flows = lab->directory().mailFlows();
            QVERIFY(flows.hasValue() && flows->size() == 1);
            QCOMPARE(flows->front().messagesPerMinute, 300.0);
            QCOMPARE(flows->front().messageBytes, 50 * 1024);
        }
        startConsole();
        QTRY_VERIFY_WITH_TIMEOUT(select(QStringLiteral("db:MBX1\\SG1\\DB1")), 10000);
        n = finishedCount();
        QVERIFY(run(QStringLiteral("Step-Simulation 0.00:00:01")));
        QTRY_VERIFY_WITH_TIMEOUT(finishedCount() > n, 20000);
        QVERIFY(lastFinishedOk());
        QVERIFY(run(QStringLiteral("Step-Simulation 0.00:10:00")));
        const uint32_t flowing = test::newestClosedAt(sourceLogs()).first;
        QVERIFY2(flowing > before, qPrintable(QStringLiteral("%1 -> %2").arg(before).arg(flowing)));
        QTRY_VERIFY_WITH_TIMEOUT(select(QStringLiteral("db:MBX1\\SG1\\DB1")), 10000);
        n = finishedCount();
        actionButton(QStringLiteral("Stop mail flow to MBX1\\SG1\\DB1"))->click();
        QTRY_VERIFY_WITH_TIMEOUT(finishedCount() > n, 20000);
        QVERIFY(lastFinishedOk());
        QVERIFY(run(QStringLiteral("Step-Simulation 0.00:10:00")));
        QCOMPARE(test::newestClosedAt(sourceLogs()).first, flowing); // stopped: no log closes
        stopConsole();
        auto lab = openLab();
        QVERIFY(lab);
        QVERIFY(lab->directory().mailFlows()->empty()); // nothing left to start again at open
    }

    void powerOnButtonMountsAtStartup()
    {
        QVERIFY(run(QStringLiteral("Stop-Host MBX2")));
        QTRY_VERIFY_WITH_TIMEOUT(select(QStringLiteral("server:MBX2")), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(actionButton(QStringLiteral("Power on MBX2")), 10000);
        const std::size_t n = finishedCount();
        actionButton(QStringLiteral("Power on MBX2"))->click();
        QTRY_VERIFY_WITH_TIMEOUT(finishedCount() > n, 20000);
        QVERIFY(lastFinishedOk());
        QTRY_VERIFY_WITH_TIMEOUT(actionButton(QStringLiteral("Power off MBX2 (simulate a failure)")), 10000);
        stopConsole();
        auto lab = openLab();
        QVERIFY(lab);
        QVERIFY(lab->hostDisk(QStringLiteral("MBX2")).isPoweredOn());
        for (const QString &sgName : {QStringLiteral("MBX2\\SG1"), QStringLiteral("MBX2\\SG2")}) {
            auto sg = lab->directory().storageGroup(sgName);
            QVERIFY(sg.hasValue() && *sg);
            QVERIFY2(lab->mountedDatabase(lab->directory().databases((*sg)->id)->front().guid),
                     qPrintable(sgName));
        }
    }

    void resultPaneFiltersSortsByNumberAndSelects()
    {
        // Two copies whose copy queues differ in digits: 2 minutes and 30 seconds suspended.
        QVERIFY(run(QStringLiteral(
            "Enable-StorageGroupCopy MBX1\\SG1 -StandbyMachine MBX3 -ReplayLagTime 0.00:00:00; "
            "Enable-StorageGroupCopy MBX1\\SG2 -StandbyMachine MBX3 -ReplayLagTime 0.00:00:00; "
            "Start-MailFlow MBX1\\SG1\\DB1 -MessagesPerMinute 600 -MessageSizeKB 100; "
            "Start-MailFlow MBX1\\SG2\\DB2 -MessagesPerMinute 600 -MessageSizeKB 100; "
            "Suspend-StorageGroupCopy MBX1\\SG1 -StandbyMachine MBX3; Step-Simulation 0.00:01:30; "
            "Suspend-StorageGroupCopy MBX1\\SG2 -StandbyMachine MBX3; Step-Simulation 0.00:00:30")));
        auto *table = m_window->findChild<QTableView *>(QStringLiteral("copyStatusTable"));
        QVERIFY(table);
        QAbstractItemModel *proxy = table->model();
        QTRY_COMPARE_WITH_TIMEOUT(proxy->rowCount(), 2, 10000);
        // Filter as typed.
        auto *filter = m_window->findChild<QLineEdit *>(QStringLiteral("copyFilter"));
        QTest::keyClicks(filter, QStringLiteral("sg2"));
        QCOMPARE(proxy->rowCount(), 1);
        QCOMPARE(proxy->index(0, CopyStatusModel::NameColumn).data(CopyStatusModel::IdentityRole).toString(),
                 QStringLiteral("MBX1\\SG2"));
        filter->clear();
        QCOMPARE(proxy->rowCount(), 2);
        // Sorted by the copy queue as numbers: where text order would disagree.
        QTRY_VERIFY_WITH_TIMEOUT(proxy->index(0, CopyStatusModel::CopyQueueColumn).data().toString() !=
                                     QStringLiteral("0"),
                                 10000);
        table->sortByColumn(CopyStatusModel::CopyQueueColumn, Qt::AscendingOrder);
        const auto queue = [&](int row) {
            return proxy->index(row, CopyStatusModel::CopyQueueColumn)
                .data(CopyStatusModel::RawValueRole)
                .toLongLong();
        };
        const QString first = proxy->index(0, CopyStatusModel::CopyQueueColumn).data().toString();
        const QString second = proxy->index(1, CopyStatusModel::CopyQueueColumn).data().toString();
        QVERIFY2(queue(0) < queue(1), qPrintable(first + QStringLiteral(" ") + second));
        QVERIFY2(first > second,
                 qPrintable(first + QStringLiteral(" ") + second)); // text order would swap them
        QCOMPARE(proxy->index(0, 0).data(CopyStatusModel::IdentityRole).toString(),
                 QStringLiteral("MBX1\\SG2"));
        // By the files: SG1's queue is its source's newest closed log less the newest it copied.
        const auto sg1Row = proxy->index(1, 0);
        QCOMPARE(sg1Row.data(CopyStatusModel::IdentityRole).toString(), QStringLiteral("MBX1\\SG1"));
        // A row selects its copy in the console tree.
        table->selectRow(0);
        auto *tree = m_window->findChild<QTreeView *>(QStringLiteral("consoleTree"));
        QCOMPARE(tree->currentIndex().data(OrganizationModel::KeyRole).toString(),
                 QStringLiteral("copy:MBX1\\SG2>MBX3"));
        table->selectRow(1);
        QCOMPARE(tree->currentIndex().data(OrganizationModel::KeyRole).toString(), kCopyKey);
        QVERIFY(actionButton(QStringLiteral("Resume SCR copy MBX1\\SG1 on MBX3")));
    }

    void theLayoutIsRestoredAfterARestart()
    {
        auto *split = m_window->findChild<QSplitter *>(QStringLiteral("mainSplitter"));
        QVERIFY(split);
        split->setSizes({200, 800, 280});
        const QList<int> sizes = split->sizes();
        auto *shellDock = m_window->findChild<QDockWidget *>(QStringLiteral("shellDock"));
        shellDock->hide();
        stopConsole(); // closing saves the layout
        startConsole();
        QCOMPARE(m_window->findChild<QSplitter *>(QStringLiteral("mainSplitter"))->sizes(), sizes);
        QVERIFY(m_window->findChild<QDockWidget *>(QStringLiteral("shellDock"))->isHidden());
        QVERIFY(!m_window->findChild<QDockWidget *>(QStringLiteral("eventsDock"))->isHidden());
    }

    void theChartShowsHistoryAtStart()
    {
        QVERIFY(replicating(59));
        QVERIFY(run(QStringLiteral("Step-Simulation 0.00:05:00")));
        stopConsole();
        // The history the directory kept for the copy.
        qint64 copyId = 0;
        std::size_t samples = 0;
        {
            auto lab = openLab();
            QVERIFY(lab);
            auto sg = lab->directory().storageGroup(QStringLiteral("MBX1\\SG1"));
            copyId = lab->directory().copies((*sg)->id)->front().id;
            samples =
                lab->directory().samples(copyId, lab->clock().nowMs() - LabWorker::kHistoryWindowMs)->size();
        }
        QVERIFY2(samples >= 5, qPrintable(QString::number(samples)));
        startConsole(); // not running: no sample is taken by this console
        QTRY_VERIFY_WITH_TIMEOUT(select(kCopyKey), 10000);
        auto *chart = m_window->findChild<QueueChart *>();
        QCOMPARE(chart->copyId(), copyId);
        // The directory's history, and at most the one sample of the first snapshot besides.
        QTRY_VERIFY_WITH_TIMEOUT(chart->pointCount() >= int(samples), 10000);
        QVERIFY2(chart->pointCount() <= int(samples) + 1, qPrintable(QString::number(chart->pointCount())));
    }
};

QTEST_MAIN(TestConsoleActions)
#include "tst_consoleactions.moc"
