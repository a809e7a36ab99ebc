// The console's File menu, result-pane columns, Del and F1 (issue 12, items 3 and 5): labs opened one after
// another through LabSession (the window shows only the open lab; a refused lab keeps it), the recent labs,
// the column chooser remembered across windows, locale times, Del asking before it removes, and the help
// showing README's section for the pane that has focus.

#include "client/locallabclient.h"
#include "consolewindow.h"
#include "core/clock.h"
#include "helpbrowser.h"
#include "lab/demolab.h"
#include "labfixture.h"
#include "labsession.h"
#include "models/copystatusmodel.h"
#include "models/displaytime.h"
#include "models/organizationmodel.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QHeaderView>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeView>

using namespace scr;

namespace {

// Answers the next modal message box with button and records its text (nothing asserted inside the box's
// event loop: a failure there would leave it open).
void answerNextBox(QString *text, QMessageBox::StandardButton button)
{
    auto *timer = new QTimer;
    timer->setInterval(10);
    QObject::connect(timer, &QTimer::timeout, [timer, text, button] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box)
            return;
        timer->stop();
        timer->deleteLater();
        *text = box->text();
        box->button(button)->click();
    });
    timer->start();
}

} // namespace

class TestConsoleFile : public QObject
{
    Q_OBJECT
    QTemporaryDir m_template;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ConsoleWindow> m_window;
    std::unique_ptr<LabSession> m_session;

    QString labA() const { return m_dir->filePath(QStringLiteral("a")); }
    QString labB() const { return m_dir->filePath(QStringLiteral("b")); }
    void startConsole()
    {
        m_window = std::make_unique<ConsoleWindow>();
        m_session = std::make_unique<LabSession>(m_window.get());
        QVERIFY(m_session->open(labA()).hasValue());
        m_window->show();
        QTRY_VERIFY_WITH_TIMEOUT(
            m_window->organization()->indexOfKey(QStringLiteral("db:MBX1\\SG1\\DB1")).isValid(), 20000);
    }
    void stopConsole()
    {
        if (!m_window)
            return;
        m_window->close(); // the layout and the columns are saved
        m_session.reset(); // the worker's thread ends: the lab closes
        m_window.reset();
    }
    QTableView *copyTable() const
    {
        return m_window->findChild<QTableView *>(QStringLiteral("copyStatusTable"));
    }
    bool select(const QString &key)
    {
        const QModelIndex index = m_window->organization()->indexOfKey(key);
        if (!index.isValid())
            return false;
        m_window->findChild<QTreeView *>(QStringLiteral("consoleTree"))->setCurrentIndex(index);
        return true;
    }
    bool run(const QString &script)
    {
        bool done = false, ok = false;
        const qint64 id = m_window->runCommand(script);
        auto c = connect(m_window->client(), &LabClient::scriptFinished, this,
                         [&](qint64 finished, const ems::ScriptOutput &out) {
                             if (finished == id) {
                                 done = true;
                                 ok = out.ok;
                             }
                         });
        const bool waited = QTest::qWaitFor([&] { return done; }, 60000);
        disconnect(c);
        return waited && ok;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_template.isValid());
        QVERIFY(
            DemoLab::create(m_template.filePath(QStringLiteral("lab")), SystemClock::instance()).hasValue());
    }
    void init()
    {
        QSettings().clear();
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(test::copyLab(m_template.filePath(QStringLiteral("lab")), labA()));
        QVERIFY(test::copyLab(m_template.filePath(QStringLiteral("lab")), labB()));
        // Lab B is told apart by a copy that A lacks.
        startConsole();
    }
    void cleanup()
    {
        stopConsole();
        m_dir.reset();
        QSettings().clear();
    }

    // File > Open Lab: the window shows the other lab only (nothing of the first left over), both labs are
    // recent; a folder that is no lab is refused with its reason and the open lab stays.
    void openLabSwitchesAndRemembers()
    {
        QVERIFY(run(QStringLiteral("Enable-StorageGroupCopy MBX1\\SG1 -StandbyMachine MBX3")));
        QTRY_VERIFY(m_window->organization()->indexOfKey(QStringLiteral("copy:MBX1\\SG1>MBX3")).isValid());
        QCOMPARE(m_window->copyStatus()->rowCount(), 1);

        m_window->requestOpenLab(labB());
        QTRY_COMPARE_WITH_TIMEOUT(m_window->snapshot().labDir, labB(), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(
            m_window->organization()->indexOfKey(QStringLiteral("db:MBX1\\SG1\\DB1")).isValid(), 20000);
        QCOMPARE(m_window->copyStatus()->rowCount(), 0); // lab B has no copy: nothing of A shows
        QVERIFY(!m_window->organization()->indexOfKey(QStringLiteral("copy:MBX1\\SG1>MBX3")).isValid());
        QTRY_COMPARE(LabSession::recentLabs(), (QStringList{labB(), labA()}));

        // The recent menu offers A (enabled) and B (the open one, disabled).
        auto *recent = m_window->findChild<QMenu *>(QStringLiteral("recentLabsMenu"));
        QVERIFY(recent);
        QMetaObject::invokeMethod(recent, "aboutToShow");
        QAction *first = recent->findChild<QAction *>(QStringLiteral("recentLab1"));
        QAction *second = recent->findChild<QAction *>(QStringLiteral("recentLab2"));
        QVERIFY(first && second);
        QVERIFY(!first->isEnabled());
        QVERIFY(second->isEnabled());
        second->trigger(); // back to A: its copy is there again, read from its files
        QTRY_COMPARE_WITH_TIMEOUT(m_window->snapshot().labDir, labA(), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(
            m_window->organization()->indexOfKey(QStringLiteral("copy:MBX1\\SG1>MBX3")).isValid(), 20000);

        // Not a lab: refused, A stays open and working.
        const QString notALab = m_dir->filePath(QStringLiteral("empty"));
        QVERIFY(QDir().mkpath(notALab));
        m_window->requestOpenLab(notALab);
        QTRY_VERIFY(m_window->findChild<QMessageBox *>(QStringLiteral("labRefused")));
        QVERIFY2(m_window->findChild<QMessageBox *>(QStringLiteral("labRefused"))
                     ->text()
                     .contains(QStringLiteral("is not a lab")),
                 qPrintable(m_window->findChild<QMessageBox *>(QStringLiteral("labRefused"))->text()));
        QCOMPARE(m_session->labDir(), labA());
        QVERIFY(run(QStringLiteral("Get-StorageGroupCopyStatus")));
    }

    // File > New Demo Lab: made off the GUI thread in a new folder, then opened; a folder that is not empty
    // is refused and nothing in it changes.
    void newDemoLabIsMadeAndOpened()
    {
        const QString fresh = m_dir->filePath(QStringLiteral("fresh"));
        m_window->requestNewDemoLab(fresh);
        QVERIFY(m_session->busy());
        QTRY_COMPARE_WITH_TIMEOUT(m_window->snapshot().labDir, fresh, 60000);
        QTRY_COMPARE_WITH_TIMEOUT(static_cast<int>(m_window->snapshot().servers.size()), 4, 20000);
        QVERIFY(QFileInfo::exists(fresh + QStringLiteral("/org.sqlite")));

        const QString occupied = m_dir->filePath(QStringLiteral("occupied"));
        QVERIFY(QDir().mkpath(occupied));
        QFile keep(occupied + QStringLiteral("/keep.txt"));
        QVERIFY(keep.open(QIODevice::WriteOnly));
        keep.write("mine");
        keep.close();
        m_window->requestNewDemoLab(occupied);
        QTRY_VERIFY_WITH_TIMEOUT(m_window->findChild<QMessageBox *>(QStringLiteral("labRefused")), 20000);
        QVERIFY(m_window->findChild<QMessageBox *>(QStringLiteral("labRefused"))
                    ->text()
                    .contains(QStringLiteral("not empty")));
        QCOMPARE(QDir(occupied).entryList(QDir::NoDotAndDotDot | QDir::AllEntries),
                 QStringList{QStringLiteral("keep.txt")});
        QCOMPARE(m_session->labDir(), fresh);
    }

    // The column chooser: the default columns, one hidden and one shown through the header's menu, both kept
    // when the console opens again; Reset Columns brings the defaults back. Times show in the locale.
    void columnsAreChosenAndRemembered()
    {
        QHeaderView *h = copyTable()->horizontalHeader();
        for (int c = 0; c < CopyStatusModel::ColumnCount; ++c)
            QCOMPARE(h->isSectionHidden(c), !CopyStatusModel::shownByDefault(c));
        QVERIFY(!h->isSectionHidden(CopyStatusModel::FailedMessageColumn));
        auto *menu = m_window->findChild<QMenu *>(QStringLiteral("columnsMenu"));
        QVERIFY(menu);
        QMetaObject::invokeMethod(menu, "aboutToShow");
        menu->findChild<QAction *>(QStringLiteral("column_ReplayLagTime"))->setChecked(false);
        menu->findChild<QAction *>(QStringLiteral("column_LastLogCopied"))->setChecked(true);
        QVERIFY(!menu->findChild<QAction *>(QStringLiteral("column_Name"))->isEnabled());
        h->resizeSection(CopyStatusModel::StandbyColumn, 177);
        stopConsole();
        startConsole();
        h = copyTable()->horizontalHeader();
        QVERIFY(h->isSectionHidden(CopyStatusModel::ReplayLagColumn));
        QVERIFY(!h->isSectionHidden(CopyStatusModel::LastLogCopiedColumn));
        QCOMPARE(h->sectionSize(CopyStatusModel::StandbyColumn), 177);
        menu = m_window->findChild<QMenu *>(QStringLiteral("columnsMenu"));
        QMetaObject::invokeMethod(menu, "aboutToShow");
        menu->findChild<QAction *>(QStringLiteral("resetColumnsAction"))->trigger();
        QVERIFY(!h->isSectionHidden(CopyStatusModel::ReplayLagColumn));
        QVERIFY(h->isSectionHidden(CopyStatusModel::LastLogCopiedColumn));

        // Times: the locale's short date and long time, on UTC (the lab's clock).
        const qint64 ms = QDateTime(QDate(2026, 12, 1), QTime(9, 8, 7), Qt::UTC).toMSecsSinceEpoch();
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        const QString german = displayTime(ms);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        const QString english = displayTime(ms);
        QLocale::setDefault(QLocale::c());
        QVERIFY2(german.startsWith(QStringLiteral("01.12.26 09:08:07")), qPrintable(german));
        QVERIFY2(english.startsWith(QStringLiteral("12/1/26 9:08:07")), qPrintable(english));
        QVERIFY(displayTime(0).isEmpty());
    }

    // Del on an SCR copy asks first (default No); No leaves it, Yes disables it. Del on a server does
    // nothing.
    void deleteAsksThenRemoves()
    {
        QVERIFY(run(QStringLiteral("Enable-StorageGroupCopy MBX1\\SG1 -StandbyMachine MBX3")));
        QTRY_VERIFY(select(QStringLiteral("copy:MBX1\\SG1>MBX3")));
        auto *tree = m_window->findChild<QTreeView *>(QStringLiteral("consoleTree"));
        m_window->activateWindow(); // shortcuts reach the active window only
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        tree->setFocus();
        QString asked;
        answerNextBox(&asked, QMessageBox::No);
        QTest::keyClick(tree, Qt::Key_Delete);
        QTRY_VERIFY(!asked.isEmpty());
        QVERIFY2(asked.contains(QStringLiteral("Stop replicating MBX1\\SG1 to MBX3")), qPrintable(asked));
        QVERIFY(run(QStringLiteral("Get-StorageGroupCopyStatus MBX1\\SG1 -StandbyMachine MBX3")));
        QVERIFY(m_window->organization()->indexOfKey(QStringLiteral("copy:MBX1\\SG1>MBX3")).isValid());

        asked.clear();
        m_window->activateWindow(); // the box took the activation with it
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        answerNextBox(&asked, QMessageBox::Yes);
        QTest::keyClick(tree, Qt::Key_Delete);
        QTRY_VERIFY(!asked.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(
            !m_window->organization()->indexOfKey(QStringLiteral("copy:MBX1\\SG1>MBX3")).isValid(), 20000);

        QVERIFY(select(QStringLiteral("server:MBX1")));
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        QTest::keyClick(tree, Qt::Key_Delete); // nothing to remove: no question, the status bar says why
        QVERIFY(!QApplication::activeModalWidget());
        QVERIFY2(m_window->statusBar()->currentMessage().startsWith(QStringLiteral("Nothing to remove")),
                 qPrintable(m_window->statusBar()->currentMessage()));
    }

    // F1: the help's section for the pane with focus (the shell: "scr-shell"; the tree: "SCR Console"), from
    // README as compiled in.
    void f1ShowsThePanesSection()
    {
        const auto sections =
            HelpBrowser::sections(QStringLiteral("# A\nintro\n## B\n```sh\n# not a heading\n```\n"
                                                 "![shot](x.png)\ntext\n### C\nc\n"));
        QCOMPARE(static_cast<int>(sections.size()), 3);
        QCOMPARE(sections[1].title, QStringLiteral("B"));
        QVERIFY(sections[1].markdown.contains(QStringLiteral("# not a heading")));
        QVERIFY(!sections[1].markdown.contains(QStringLiteral("x.png")));
        QCOMPARE(sections[2].level, 3);

        auto *tree = m_window->findChild<QTreeView *>(QStringLiteral("consoleTree"));
        m_window->activateWindow();
        tree->setFocus();
        QTRY_VERIFY(tree->hasFocus());
        QCOMPARE(m_window->helpSectionForFocus(), QStringLiteral("SCR Console"));
        QWidget *shellInput = m_window->findChild<QWidget *>(QStringLiteral("shellDock"))->focusProxy();
        if (!shellInput)
            shellInput =
                m_window->findChild<QWidget *>(QStringLiteral("shellDock"))->findChild<QLineEdit *>();
        QVERIFY(shellInput);
        shellInput->setFocus();
        QTRY_VERIFY(shellInput->hasFocus());
        QCOMPARE(m_window->helpSectionForFocus(), QStringLiteral("scr-shell"));
        QTest::keyClick(shellInput, Qt::Key_F1);
        auto *help = m_window->findChild<HelpBrowser *>();
        QTRY_VERIFY(help && help->isVisible());
        QCOMPARE(help->currentSection(), QStringLiteral("scr-shell"));
        QVERIFY(help->showSection(QStringLiteral("Lab state")));
        QVERIFY(!help->showSection(QStringLiteral("No such section")));
    }
};

QTEST_MAIN(TestConsoleFile)
#include "tst_consolefile.moc"
