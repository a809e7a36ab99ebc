// The property sheets on a demo lab reached through a LocalLabClient, as in scr-console (issue 12):
// an SCR copy's sheet shows what Get-StorageGroupCopyStatus says, follows the lab and says when the copy is
// gone; a storage group's SCR tab suspends with an "Administrative Suspend" comment and resumes; a
// database's sheet, in EMC's words, gives Set-MailboxDatabase with only what changed; Alt+Enter opens the
// selection's sheet. Every command a sheet runs shows in the shell pane.

#include "consolewindow.h"
#include "copyproperties.h"
#include "core/clock.h"
#include "databaseproperties.h"
#include "lab/demolab.h"
#include "client/locallabclient.h"
#include "models/consoleactions.h"
#include "models/organizationmodel.h"
#include "propertysheet.h"
#include "shellpane.h"
#include "storagegroupproperties.h"

#include <map>
#include <optional>

#include <QCheckBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPointer>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace scr;

namespace {

const QString kCopy = QStringLiteral("copy:MBX1\\SG1>MBX3");

// "Name : value" lines of Format-List, by name.
std::map<QString, QString> listFields(const QString &text)
{
    std::map<QString, QString> fields;
    for (const QString &line : text.split(QLatin1Char('\n'))) {
        const qsizetype colon = line.indexOf(QStringLiteral(" : "));
        if (colon > 0)
            fields[line.left(colon).trimmed()] = line.mid(colon + 3).trimmed();
    }
    return fields;
}

QVariant raw(QLabel *label)
{
    return label ? label->property("rawValue") : QVariant();
}

} // namespace

class TestProperties : public QObject
{
    Q_OBJECT
    // Each function has a demo lab, a lab client and a window of its own (init, cleanup).
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
    // Runs script as the shell pane would and waits for its end (and so for its snapshot); its output, or
    // the test fails when it failed.
    QString runAndWait(const QString &script)
    {
        std::optional<std::pair<bool, QString>> outcome;
        QString output;
        qint64 id = -1;
        const QMetaObject::Connection c = connect(m_window->client(), &LabClient::scriptFinished, this,
                                                  [&](qint64 finished, const ems::ScriptOutput &out) {
                                                      if (finished == id) {
                                                          outcome.emplace(out.ok, out.errorText());
                                                          output = out.text;
                                                      }
                                                  });
        id = m_window->runCommand(script);
        const bool ended = QTest::qWaitFor([&] { return outcome.has_value(); }, 60000);
        disconnect(c);
        if (!ended)
            qWarning("%s: no answer within a minute", qPrintable(script));
        else if (!outcome->first)
            qWarning("%s: %s", qPrintable(script), qPrintable(outcome->second));
        return ended && outcome->first ? output : QStringLiteral("<failed>");
    }
    const CopySnapshot *copy() const
    {
        return ConsoleActions::copy(m_window->snapshot(), QStringLiteral("MBX1\\SG1"),
                                    QStringLiteral("MBX3"));
    }
    const DatabaseSnapshot *db1() const
    {
        return ConsoleActions::database(m_window->snapshot(), QStringLiteral("MBX1\\SG1\\DB1"));
    }
    // MBX1\SG1 replicated to MBX3 with a replay lag (so that the replay queue is not empty), mail
    // delivered, a full backup taken: every field of the copy has something to say.
    void replicateSg1()
    {
        for (const char *script :
             {"Enable-StorageGroupCopy MBX1\\SG1 -StandbyMachine MBX3 -ReplayLagTime 0.00:30:00",
              "Start-MailFlow MBX1\\SG1\\DB1 -MessagesPerMinute 300", "Step-Simulation 0.00:20:00",
              "Start-DatabaseBackup MBX1\\SG1", "Step-Simulation 0.00:05:00"})
            QVERIFY(runAndWait(QLatin1String(script)) != QStringLiteral("<failed>"));
        QTRY_VERIFY_WITH_TIMEOUT(m_window->organization()->indexOfKey(kCopy).isValid(), 10000);
    }
    // Opens the selection's sheet with its action pane entry "Properties of name...".
    template <typename Sheet> Sheet *openFromActionPane(const QString &key, const QString &name)
    {
        select(key);
        QPushButton *properties = actionButton(QStringLiteral("Properties of %1...").arg(name));
        if (!properties)
            return nullptr;
        properties->click();
        auto *sheet = m_window->findChild<Sheet *>();
        return sheet && sheet->isVisible() ? sheet : nullptr;
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

    // Every field of Get-StorageGroupCopyStatus, as the sheet shows it, is what the shell prints (the lab is
    // paused: both read the same state).
    void copySheetShowsWhatTheShellSays()
    {
        replicateSg1();
        if (QTest::currentTestFailed())
            return;
        auto *sheet = openFromActionPane<CopyProperties>(kCopy, QStringLiteral("MBX1\\SG1 on MBX3"));
        QVERIFY(sheet);
        const auto shell = listFields(runAndWait(
            QStringLiteral("Get-StorageGroupCopyStatus MBX1\\SG1 -StandbyMachine MBX3 | Format-List")));
        QVERIFY2(shell.size() >= 25, qPrintable(QString::number(shell.size())));
        int compared = 0;
        for (const auto &[name, value] : shell) {
            if (name == QStringLiteral("Name") || name == QStringLiteral("StorageGroupName"))
                continue; // the storage group's name: the sheet's title and Identity say it
            QLabel *label = sheet->field(name);
            QVERIFY2(label, qPrintable(name + QStringLiteral(" is not on the sheet")));
            const QVariant shown = raw(label);
            if (value == QStringLiteral("True") || value == QStringLiteral("False")) {
                QCOMPARE(shown.toBool(), value == QStringLiteral("True"));
                QCOMPARE(label->text(),
                         value == QStringLiteral("True") ? QStringLiteral("Yes") : QStringLiteral("No"));
            } else if (name.endsWith(QStringLiteral("Time")) && !name.endsWith(QStringLiteral("LagTime"))) {
                if (value.isEmpty()) {
                    QCOMPARE(shown.toLongLong(), 0);
                } else {
                    QDateTime utc = QDateTime::fromString(value, QStringLiteral("M/d/yyyy h:mm:ss AP"));
                    utc.setTimeSpec(Qt::UTC); // the shell prints the lab's clock in UTC
                    QVERIFY2(utc.isValid(), qPrintable(name + QStringLiteral(": ") + value));
                    QCOMPARE(shown.toLongLong() / 1000, utc.toMSecsSinceEpoch() / 1000);
                    // In the locale's format, with its age on the lab's clock.
                    QVERIFY2(label->text().startsWith(propertyTimeOnly(shown.toLongLong())),
                             qPrintable(label->text()));
                    QVERIFY2(label->text().contains(QStringLiteral("ago")), qPrintable(label->text()));
                }
            } else {
                bool isNumber = false;
                const qint64 number = value.toLongLong(&isNumber);
                if (isNumber)
                    QCOMPARE(shown.toLongLong(), number);
                else
                    QCOMPARE(label->text(), value);
            }
            ++compared;
        }
        QVERIFY(compared >= 24);
        // Not a copy of nothing: the lab replicated, the lag holds logs back, the backup is known.
        QVERIFY(raw(sheet->field(QStringLiteral("LastLogCopied"))).toLongLong() > 3);
        QVERIFY(raw(sheet->field(QStringLiteral("ReplayQueueLength"))).toLongLong() > 0);
        QVERIFY(raw(sheet->field(QStringLiteral("LatestFullBackupTime"))).toLongLong() > 0);
        QCOMPARE(sheet->field(QStringLiteral("ReplayLagTime"))->text(), QStringLiteral("0.00:30:00"));
    }

    // The sheet follows the lab: new logs, a suspension's comment, and the copy's end.
    void copySheetIsLiveAndSaysWhenGone()
    {
        replicateSg1();
        if (QTest::currentTestFailed())
            return;
        auto *sheet = openFromActionPane<CopyProperties>(kCopy, QStringLiteral("MBX1\\SG1 on MBX3"));
        QVERIFY(sheet);
        const qint64 generated = raw(sheet->field(QStringLiteral("LastLogGenerated"))).toLongLong();
        QCOMPARE(generated, static_cast<qint64>(copy()->status.lastLogGenerated));
        QVERIFY(runAndWait(QStringLiteral("Step-Simulation 0.00:10:00")) != QStringLiteral("<failed>"));
        QTRY_VERIFY_WITH_TIMEOUT(
            raw(sheet->field(QStringLiteral("LastLogGenerated"))).toLongLong() > generated, 10000);
        QCOMPARE(raw(sheet->field(QStringLiteral("LastLogGenerated"))).toLongLong(),
                 static_cast<qint64>(copy()->status.lastLogGenerated));
        QVERIFY(runAndWait(QStringLiteral("Suspend-StorageGroupCopy MBX1\\SG1 -StandbyMachine MBX3 "
                                          "-SuspendComment 'SAN firmware' -Confirm:$false")) !=
                QStringLiteral("<failed>"));
        QTRY_COMPARE_WITH_TIMEOUT(sheet->field(QStringLiteral("SuspendComment"))->text(),
                                  QStringLiteral("SAN firmware"), 10000);
        QCOMPARE(sheet->field(QStringLiteral("SummaryCopyStatus"))->text(), QStringLiteral("Suspended"));
        QVERIFY(!sheet->isGone());
        QVERIFY(!sheet->findChild<QLabel *>(QStringLiteral("goneBanner"))->isVisible());
        QVERIFY(runAndWait(QStringLiteral("Disable-StorageGroupCopy MBX1\\SG1 -StandbyMachine MBX3 "
                                          "-Confirm:$false")) != QStringLiteral("<failed>"));
        QTRY_VERIFY_WITH_TIMEOUT(sheet->isGone(), 10000);
        auto *banner = sheet->findChild<QLabel *>(QStringLiteral("goneBanner"));
        QVERIFY(banner->isVisible());
        QVERIFY2(banner->text().contains(QStringLiteral("MBX1\\SG1 on MBX3 is gone")),
                 qPrintable(banner->text()));
        // The last values stay, greyed.
        QCOMPARE(sheet->field(QStringLiteral("SuspendComment"))->text(), QStringLiteral("SAN firmware"));
        QVERIFY(!sheet->field(QStringLiteral("SuspendComment"))->isEnabled());
    }

    // The storage group's SCR tab: Suspend with an Administrative Suspend comment, then Resume, each a
    // command in the shell pane; the lab (the worker's snapshot) says it happened.
    void storageGroupSheetSuspendsAndResumes()
    {
        QVERIFY(runAndWait(QStringLiteral("Enable-StorageGroupCopy MBX1\\SG1 -StandbyMachine MBX3")) !=
                QStringLiteral("<failed>"));
        QTRY_VERIFY_WITH_TIMEOUT(m_window->organization()->indexOfKey(kCopy).isValid(), 10000);
        auto *sheet = openFromActionPane<StorageGroupProperties>(QStringLiteral("sg:MBX1\\SG1"),
                                                                 QStringLiteral("MBX1\\SG1"));
        QVERIFY(sheet);
        QCOMPARE(sheet->findChild<QLabel *>(QStringLiteral("LogFolderPath"))->text(),
                 ConsoleActions::storageGroup(m_window->snapshot(), QStringLiteral("MBX1\\SG1"))
                     ->record.logFolderPath);
        QWidget *tab = sheet->copyTab(QStringLiteral("mbx3"));
        QVERIFY(tab);
        auto *suspend = tab->findChild<QCheckBox *>(QStringLiteral("suspend"));
        auto *comment = tab->findChild<QLineEdit *>(QStringLiteral("suspendComment"));
        auto *buttons = sheet->findChild<QDialogButtonBox *>(QStringLiteral("buttons"));
        QVERIFY(suspend && comment && buttons);
        QPushButton *apply = buttons->button(QDialogButtonBox::Apply);
        QVERIFY(!suspend->isChecked());
        QVERIFY(!comment->isEnabled());
        QVERIFY(!apply->isEnabled());
        QVERIFY(sheet->commands().isEmpty());

        suspend->setChecked(true);
        QVERIFY(comment->isEnabled());
        QTest::keyClicks(comment, QStringLiteral("MBX3's disk is replaced"));
        const QString suspendCommand = QStringLiteral("Suspend-StorageGroupCopy MBX1\\SG1 -StandbyMachine "
                                                      "MBX3 -SuspendComment 'MBX3''s disk is replaced' "
                                                      "-Confirm:$false");
        QCOMPARE(sheet->commands(), QStringList{suspendCommand});
        QVERIFY(apply->isEnabled());
        apply->click();
        QTRY_VERIFY_WITH_TIMEOUT(copy() && copy()->record.suspended, 10000);
        QCOMPARE(copy()->record.suspendComment, QStringLiteral("MBX3's disk is replaced"));
        QTRY_COMPARE_WITH_TIMEOUT(copy()->status.suspendComment, QStringLiteral("MBX3's disk is replaced"),
                                  10000);
        QVERIFY(m_window->findChild<ShellPane *>()->output().contains(suspendCommand));
        // Applied: nothing left to apply, and the tab shows the copy suspended, live.
        QVERIFY(sheet->commands().isEmpty());
        QVERIFY(!apply->isEnabled());
        QTRY_COMPARE_WITH_TIMEOUT(tab->findChild<QLabel *>(QStringLiteral("status"))->text(),
                                  QStringLiteral("Suspended"), 10000);
        QVERIFY(suspend->isChecked());
        QCOMPARE(comment->text(), QStringLiteral("MBX3's disk is replaced"));

        // Resumed from the shell: the untouched checkbox follows the lab.
        QVERIFY(runAndWait(QStringLiteral("Resume-StorageGroupCopy MBX1\\SG1 -StandbyMachine MBX3")) !=
                QStringLiteral("<failed>"));
        QTRY_VERIFY_WITH_TIMEOUT(!suspend->isChecked(), 10000);
        QVERIFY(comment->text().isEmpty());
        // Suspended again from the sheet, OK this time: the sheet closes.
        suspend->setChecked(true);
        comment->setText(QStringLiteral("backup window"));
        QPointer<StorageGroupProperties> guard(sheet);
        buttons->button(QDialogButtonBox::Ok)->click();
        QTRY_VERIFY_WITH_TIMEOUT(guard.isNull(), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(copy()->record.suspended, 10000);
        QCOMPARE(copy()->record.suspendComment, QStringLiteral("backup window"));
    }

    // A second copy enabled while the sheet is open gets its tab; a disabled one says it is gone.
    void storageGroupSheetFollowsItsCopies()
    {
        QVERIFY(runAndWait(QStringLiteral("Enable-StorageGroupCopy MBX1\\SG1 -StandbyMachine MBX3")) !=
                QStringLiteral("<failed>"));
        QTRY_VERIFY_WITH_TIMEOUT(m_window->organization()->indexOfKey(kCopy).isValid(), 10000);
        auto *sheet = openFromActionPane<StorageGroupProperties>(QStringLiteral("sg:MBX1\\SG1"),
                                                                 QStringLiteral("MBX1\\SG1"));
        QVERIFY(sheet);
        QWidget *tab = sheet->copyTab(QStringLiteral("MBX3"));
        QVERIFY(tab);
        auto *gone = tab->findChild<QLabel *>(QStringLiteral("copyGone"));
        QVERIFY(!gone->isVisibleTo(tab));
        QVERIFY(runAndWait(QStringLiteral(
                    "Disable-StorageGroupCopy MBX1\\SG1 -StandbyMachine MBX3 -Confirm:$false")) !=
                QStringLiteral("<failed>"));
        QTRY_VERIFY_WITH_TIMEOUT(gone->isVisibleTo(tab), 10000);
        QVERIFY(!tab->findChild<QCheckBox *>(QStringLiteral("suspend"))->isEnabled());
        tab->findChild<QCheckBox *>(QStringLiteral("suspend"))->setChecked(true);
        QVERIFY(sheet->commands().isEmpty()); // nothing to suspend any more
        QVERIFY(runAndWait(QStringLiteral("Enable-StorageGroupCopy MBX1\\SG1 -StandbyMachine MBX3")) !=
                QStringLiteral("<failed>"));
        QTRY_VERIFY_WITH_TIMEOUT(!gone->isVisibleTo(tab), 10000);
        QVERIFY(!tab->findChild<QCheckBox *>(QStringLiteral("suspend"))->isChecked()); // as the copy is
        QVERIFY(sheet->commands().isEmpty());
    }

    // The database's sheet: General as the lab says it, EMC's wording, Set-MailboxDatabase with only what
    // changed.
    void databaseSheetGivesOnlyTheChanges()
    {
        auto *sheet = openFromActionPane<DatabaseProperties>(QStringLiteral("db:MBX1\\SG1\\DB1"),
                                                             QStringLiteral("MBX1\\SG1\\DB1"));
        QVERIFY(sheet);
        const DatabaseSnapshot *db = db1();
        QVERIFY(db && db->mounted && db->record.mountAtStartup && !db->record.allowFileRestore);
        const auto value = [sheet](const char *name) {
            return sheet->findChild<QLabel *>(QLatin1String(name))->text();
        };
        QCOMPARE(value("databasePath"), db->record.edbFilePath);
        QCOMPARE(value("status"), QStringLiteral("Mounted"));
        QCOMPARE(value("server"), QStringLiteral("MBX1"));
        QCOMPARE(value("mailboxes"), QLocale().toString(db->mailboxes));
        QVERIFY(db->sizeBytes > 0); // the .edb is there
        QCOMPARE(sheet->findChild<QLabel *>(QStringLiteral("size"))->property("rawValue").toLongLong(),
                 db->sizeBytes);
        QCOMPARE(value("lastFullBackup"), QStringLiteral("Never"));
        QVERIFY(runAndWait(QStringLiteral("Start-DatabaseBackup MBX1\\SG1")) != QStringLiteral("<failed>"));
        QTRY_VERIFY_WITH_TIMEOUT(db1()->lastFullBackupMs > 0, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(
            value("lastFullBackup").startsWith(propertyTimeOnly(db1()->lastFullBackupMs)), 10000);

        auto *doNotMount = sheet->findChild<QCheckBox *>(QStringLiteral("doNotMountAtStartup"));
        auto *allowRestore = sheet->findChild<QCheckBox *>(QStringLiteral("allowFileRestore"));
        QVERIFY(doNotMount && allowRestore);
        QCOMPARE(doNotMount->text().remove(QLatin1Char('&')),
                 QStringLiteral("Do not mount this database at start-up"));
        QCOMPARE(allowRestore->text().remove(QLatin1Char('&')),
                 QStringLiteral("This database can be overwritten by a restore"));
        // Help › What's This? (Shift+F1) on the setting an administrator can get wrong says why it exists.
        QVERIFY(allowRestore->whatsThis().contains(QStringLiteral("Database portability needs it")));
        QVERIFY(!doNotMount->isChecked()); // mounted at start-up: the inverted box is clear
        QVERIFY(sheet->commands().isEmpty());
        doNotMount->setChecked(true);
        QCOMPARE(sheet->commands(),
                 QStringList{QStringLiteral("Set-MailboxDatabase MBX1\\SG1\\DB1 -MountAtStartup $false")});
        doNotMount->setChecked(false);
        QVERIFY(sheet->commands().isEmpty()); // back as it was: nothing to change
        allowRestore->setChecked(true);
        QCOMPARE(sheet->commands(),
                 QStringList{QStringLiteral("Set-MailboxDatabase MBX1\\SG1\\DB1 -AllowFileRestore $true")});
        doNotMount->setChecked(true);
        const QString both = QStringLiteral(
            "Set-MailboxDatabase MBX1\\SG1\\DB1 -AllowFileRestore $true -MountAtStartup $false");
        QCOMPARE(sheet->commands(), QStringList{both});
        sheet->findChild<QDialogButtonBox *>(QStringLiteral("buttons"))
            ->button(QDialogButtonBox::Apply)
            ->click();
        QTRY_VERIFY_WITH_TIMEOUT(!db1()->record.mountAtStartup && db1()->record.allowFileRestore, 10000);
        QVERIFY(m_window->findChild<ShellPane *>()->output().contains(both));
        QVERIFY(sheet->commands().isEmpty());
        // Changed from the shell: the untouched boxes follow.
        QVERIFY(runAndWait(QStringLiteral("Set-MailboxDatabase MBX1\\SG1\\DB1 -MountAtStartup $true")) !=
                QStringLiteral("<failed>"));
        QTRY_VERIFY_WITH_TIMEOUT(!doNotMount->isChecked(), 10000);
        QVERIFY(allowRestore->isChecked());
    }

    // Alt+Enter opens the selection's sheet, from the tree or the result pane; one sheet per object.
    void altEnterOpensTheSelectionsProperties_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("sheet");
        QTest::addColumn<bool>("fromResultPane");
        QTest::addColumn<int>("enter");
        QTest::newRow("copy") << kCopy << QStringLiteral("copyProperties") << false << int(Qt::Key_Return);
        QTest::newRow("copy, result pane")
            << kCopy << QStringLiteral("copyProperties") << true << int(Qt::Key_Enter);
        QTest::newRow("storage group")
            << QStringLiteral("sg:MBX1\\SG1") << QStringLiteral("storageGroupProperties") << false
            << int(Qt::Key_Return);
        QTest::newRow("database") << QStringLiteral("db:MBX1\\SG1\\DB1")
                                  << QStringLiteral("databaseProperties") << false << int(Qt::Key_Enter);
        QTest::newRow("server: none")
            << QStringLiteral("server:MBX1") << QString() << false << int(Qt::Key_Return);
    }
    void altEnterOpensTheSelectionsProperties()
    {
        QFETCH(QString, key);
        QFETCH(QString, sheet);
        QFETCH(bool, fromResultPane);
        QFETCH(int, enter);
        QVERIFY(runAndWait(QStringLiteral("Enable-StorageGroupCopy MBX1\\SG1 -StandbyMachine MBX3")) !=
                QStringLiteral("<failed>"));
        QTRY_VERIFY_WITH_TIMEOUT(m_window->organization()->indexOfKey(kCopy).isValid(), 10000);
        QWidget *focus = m_window->findChild<QTreeView *>(QStringLiteral("consoleTree"));
        if (fromResultPane) {
            select(QStringLiteral("server:MBX1")); // the row, not the tree, selects the copy
            auto *table = m_window->findChild<QTableView *>(QStringLiteral("copyStatusTable"));
            table->setCurrentIndex(table->model()->index(0, 0));
            focus = table;
        } else {
            select(key);
        }
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        focus->setFocus();
        for (int press = 0; press < 2; ++press) { // twice: the open sheet comes to the front, no second one
            QTest::keyClick(focus, static_cast<Qt::Key>(enter), Qt::AltModifier);
            m_window->activateWindow();
        }
        const QList<PropertySheet *> open = m_window->findChildren<PropertySheet *>();
        if (sheet.isEmpty()) {
            QVERIFY(open.isEmpty());
            return;
        }
        QCOMPARE(open.size(), 1);
        QCOMPARE(open.front()->objectName(), sheet);
        QVERIFY(open.front()->isVisible());
        QCOMPARE(open.front()->key(), key.toUpper()
                                          .replace(QStringLiteral("SG:"), QStringLiteral("sg:"))
                                          .replace(QStringLiteral("DB:"), QStringLiteral("db:"))
                                          .replace(QStringLiteral("COPY:"), QStringLiteral("copy:")));
    }
};

QTEST_MAIN(TestProperties)
#include "tst_properties.moc"
