// The console in German (issue 14, item 4). The language follows the system locale (LANGUAGE, then LANG)
// through the code scr-console's main() runs (scr::chooseLanguage, scr::installLanguage), and --language en
// forces English: the menus, the action pane, a wizard's own and Qt's buttons and the console's dates come
// out in German, while the shell pane's output keeps EMS's English format. QLocale::system() reads the
// environment once per process, so each case runs in a child process: this executable again, running
// consoleSpeaks() with the case's environment and SCR_LANGUAGE_EXPECT naming the language it must find.

#include "consolefixture.h"
#include "consolewindow.h"
#include "enablecopywizard.h"
#include "language.h"
#include "models/displaytime.h"

#include <QAbstractButton>
#include <QDateTime>
#include <QMenuBar>
#include <QProcess>
#include <QProcessEnvironment>
#include <QPushButton>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>

using namespace scr;
using scr::test::ConsoleFixture;

class TestLanguage : public QObject
{
    Q_OBJECT

    static QStringList menuTitles(ConsoleWindow *window)
    {
        QStringList titles;
        for (QAction *menu : window->menuBar()->actions())
            titles << menu->text();
        return titles;
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    // Each case: the environment a user's session has, the --language given (or none), the language shown.
    void followsTheLocale_data()
    {
        QTest::addColumn<QString>("language"); // LANGUAGE
        QTest::addColumn<QString>("lang");     // LANG (none when empty)
        QTest::addColumn<QString>("forced");   // --language
        QTest::addColumn<QString>("expected");
        QTest::newRow("LANGUAGE=de") << QStringLiteral("de") << QStringLiteral("C.UTF-8") << QString()
                                     << QStringLiteral("de");
        QTest::newRow("LANGUAGE=de, no LANG")
            << QStringLiteral("de") << QString() << QString() << QStringLiteral("de");
        QTest::newRow("LANG=de_DE.UTF-8")
            << QString() << QStringLiteral("de_DE.UTF-8") << QString() << QStringLiteral("de");
        QTest::newRow("LANGUAGE=fr:de")
            << QStringLiteral("fr:de") << QStringLiteral("fr_FR.UTF-8") << QString() << QStringLiteral("de");
        QTest::newRow("LANG=en_US.UTF-8")
            << QString() << QStringLiteral("en_US.UTF-8") << QString() << QStringLiteral("en");
        QTest::newRow("LANG=fr_FR.UTF-8")
            << QString() << QStringLiteral("fr_FR.UTF-8") << QString() << QStringLiteral("en");
        QTest::newRow("LANGUAGE=de --language en") << QStringLiteral("de") << QStringLiteral("de_DE.UTF-8")
                                                   << QStringLiteral("en") << QStringLiteral("en");
        QTest::newRow("LANG=en_US --language de")
            << QString() << QStringLiteral("en_US.UTF-8") << QStringLiteral("de") << QStringLiteral("de");
    }
    void followsTheLocale()
    {
        QFETCH(QString, language);
        QFETCH(QString, lang);
        QFETCH(QString, forced);
        QFETCH(QString, expected);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const char *name : {"LANGUAGE", "LANG", "LC_ALL", "LC_MESSAGES", "LC_TIME", "LC_NUMERIC"})
            env.remove(QString::fromLatin1(name));
        if (!language.isEmpty())
            env.insert(QStringLiteral("LANGUAGE"), language);
        if (!lang.isEmpty())
            env.insert(QStringLiteral("LANG"), lang);
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("SCR_LANGUAGE_EXPECT"), expected);
        env.insert(QStringLiteral("SCR_LANGUAGE_FORCE"), forced);
        QProcess child;
        child.setProcessEnvironment(env);
        child.setProcessChannelMode(QProcess::MergedChannels);
        child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("consoleSpeaks")});
        QVERIFY(child.waitForFinished(120000));
        const QString output = QString::fromLocal8Bit(child.readAll());
        if (child.exitStatus() != QProcess::NormalExit || child.exitCode() != 0)
            qWarning().noquote() << output;
        QCOMPARE(child.exitStatus(), QProcess::NormalExit);
        QCOMPARE(child.exitCode(), 0);
        QVERIFY2(output.contains(QStringLiteral("PASS   : TestLanguage::consoleSpeaks()")),
                 qPrintable(output));
    }

    // The child of followsTheLocale(); on its own (no SCR_LANGUAGE_EXPECT) it has nothing to check.
    void consoleSpeaks()
    {
        const QString expected = qEnvironmentVariable("SCR_LANGUAGE_EXPECT");
        if (expected.isEmpty())
            QSKIP("run by followsTheLocale() with a locale's environment");
        const QString language = chooseLanguage(qEnvironmentVariable("SCR_LANGUAGE_FORCE"));
        QCOMPARE(language, expected);
        QVERIFY(installLanguage(language));
        const bool german = language == QLatin1String("de");

        ConsoleFixture console;
        QVERIFY(console.start());
        // The menu titles, with their accelerators (View is A&nsicht: Aktion has the A).
        const QStringList titles = menuTitles(console.window());
        const QStringList wanted =
            german
                ? QStringList{QStringLiteral("&Datei"), QStringLiteral("&Aktion"), QStringLiteral("A&nsicht"),
                              QStringLiteral("E&xtras"), QStringLiteral("&Hilfe")}
                : QStringList{QStringLiteral("&File"), QStringLiteral("&Action"), QStringLiteral("&View"),
                              QStringLiteral("&Tools"), QStringLiteral("&Help")};
        for (const QString &title : wanted)
            QVERIFY2(titles.contains(title), qPrintable(titles.join(QLatin1Char(' '))));

        // The action pane opens the Enable wizard in the same language; Qt's buttons (qtbase_de.qm) too.
        QVERIFY(console.select(QStringLiteral("sg:MBX1\\SG1")));
        const QString enable = german ? QStringLiteral("SCR für MBX1\\SG1 aktivieren...")
                                      : QStringLiteral("Enable SCR for MBX1\\SG1...");
        QPushButton *action = console.actionButton(enable);
        QVERIFY2(action, qPrintable(enable));
        action->click();
        auto *wizard = console.wizard<EnableCopyWizard>();
        QVERIFY(wizard);
        QCOMPARE(wizard->windowTitle(), german ? QStringLiteral("Speichergruppenkopie aktivieren")
                                               : QStringLiteral("Enable Storage Group Copy"));
        QCOMPARE(wizard->button(QWizard::NextButton)->text(),
                 german ? QStringLiteral("&Weiter >") : QStringLiteral("&Next >"));
        QCOMPARE(wizard->button(QWizard::CancelButton)->text(),
                 german ? QStringLiteral("Abbrechen") : QStringLiteral("Cancel"));
        QCOMPARE(wizard->button(QWizard::FinishButton)->text(),
                 german ? QStringLiteral("&Fertig stellen") : QStringLiteral("&Finish"));
        QCOMPARE(wizard->button(QWizard::CustomButton1)->text(),
                 german ? QStringLiteral("Als &Skript speichern...") : QStringLiteral("&Save as Script..."));
        // At SCR_SCREENSHOTS: the wizard's first page in the language (enable-intro-de.png,
        // enable-intro-en.png).
        ConsoleFixture::screenshot(wizard, QStringLiteral("enable-intro-") + language);
        wizard->close();

        // The console's dates in the language's format: 1 December 2026 is 01.12.26 in German.
        const qint64 moment = QDateTime(QDate(2026, 12, 1), QTime(9, 30), Qt::UTC).toMSecsSinceEpoch();
        QVERIFY2(
            displayTime(moment).startsWith(german ? QStringLiteral("01.12.26") : QStringLiteral("12/1/26")),
            qPrintable(displayTime(moment)));
        // Numbers too: a copy queue of 1234 logs is 1.234 in German (the translation's %L1).
        QCOMPARE(
            QCoreApplication::translate("scr::StorageGroupProperties", "Copying (%1 logs to copy)").arg(1234),
            german ? QStringLiteral("Kopieren (1.234 Protokolle zu kopieren)")
                   : QStringLiteral("Copying (1234 logs to copy)"));
        // The shell pane keeps EMS's English: dir's free bytes with commas, never German dots.
        const auto listing = console.run(QStringLiteral("Enter-PSSession MBX1; dir C:\\Exchange\\Data\\SG1"));
        QVERIFY(listing);
        QVERIFY2(listing->contains(QRegularExpression(QStringLiteral("\\d,\\d{3} bytes free"))),
                 qPrintable(*listing));
    }

    // scr-console --language refuses a language it does not speak, naming those it does.
    void unknownLanguageIsRefused()
    {
        QProcess console;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        console.setProcessEnvironment(env);
        console.start(QStringLiteral(SCR_CONSOLE), {QStringLiteral("--language"), QStringLiteral("fr"),
                                                    QStringLiteral("--lab"), QStringLiteral("/nonexistent")});
        QVERIFY(console.waitForFinished(30000));
        QCOMPARE(console.exitCode(), 1);
        const QString error = QString::fromLocal8Bit(console.readAllStandardError());
        QVERIFY2(error.contains(QStringLiteral("en, de")), qPrintable(error));
    }
};

QTEST_MAIN(TestLanguage)
#include "tst_language.moc"
