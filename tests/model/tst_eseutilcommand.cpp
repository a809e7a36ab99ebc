#include "ems/eseutilcommand.h"
#include "ems/shellsession.h"
#include "host/hostdisk.h"
#include "lab/demolab.h"
#include "testsupport.h"

#include <QDir>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace scr;

class TestEseutilCommand : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parses_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("mode");
        QTest::addColumn<QString>("logs");
        QTest::addColumn<QString>("system");
        QTest::addColumn<QString>("database");
        QTest::addColumn<bool>("allowLoss");
        const QString l = QStringLiteral("C:\\Logs"), d = QStringLiteral("C:\\Data");
        QTest::newRow("mh") << QStringList{QStringLiteral("/mh"), QStringLiteral("C:\\DB1.edb")}
                            << int(EseutilCommand::Mode::DumpHeader) << QString() << QString() << QString()
                            << false;
        QTest::newRow("ML upper") << QStringList{QStringLiteral("/ML"), QStringLiteral("C:\\E00.log")}
                                  << int(EseutilCommand::Mode::DumpLog) << QString() << QString() << QString()
                                  << false;
        QTest::newRow("r spaced") << QStringList{QStringLiteral("/r"), QStringLiteral("E00"),
                                                 QStringLiteral("/l"), l,
                                                 QStringLiteral("/s"), l,
                                                 QStringLiteral("/d"), d}
                                  << int(EseutilCommand::Mode::Recover) << l << l << d << false;
        QTest::newRow("r glued, /a, default /s")
            << QStringList{QStringLiteral("/r"), QStringLiteral("e01"), QStringLiteral("/l") + l,
                           QStringLiteral("/d") + d, QStringLiteral("/a")}
            << int(EseutilCommand::Mode::Recover) << l << l << d << true;
    }
    void parses()
    {
        QFETCH(QStringList, args);
        QFETCH(int, mode);
        QFETCH(QString, logs);
        QFETCH(QString, system);
        QFETCH(QString, database);
        QFETCH(bool, allowLoss);
        auto cmd = EseutilCommand::parse(args);
        QVERIFY2(cmd.hasValue(), qPrintable(cmd.hasValue() ? QString() : cmd.error().toString()));
        QCOMPARE(int(cmd->mode), mode);
        QCOMPARE(cmd->logPath, logs);
        QCOMPARE(cmd->systemPath, system);
        QCOMPARE(cmd->databasePath, database);
        QCOMPARE(cmd->allowLossOfTail, allowLoss);
    }
    void refuses_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("nothing") << QStringList{} << QStringLiteral("needs a mode");
        QTest::newRow("unknown mode") << QStringList{QStringLiteral("/p")} << QStringLiteral("unknown mode");
        QTest::newRow("mh without file")
            << QStringList{QStringLiteral("/mh")} << QStringLiteral("exactly one file");
        QTest::newRow("r without prefix")
            << QStringList{QStringLiteral("/r"), QStringLiteral("/l"), QStringLiteral("C:\\")}
            << QStringLiteral("log base name");
        QTest::newRow("bad prefix") << QStringList{QStringLiteral("/r"), QStringLiteral("E77"),
                                                   QStringLiteral("/lC:\\"), QStringLiteral("/dC:\\")}
                                    << QStringLiteral("E77");
        QTest::newRow("no /l") << QStringList{QStringLiteral("/r"), QStringLiteral("E00"),
                                              QStringLiteral("/dC:\\")}
                               << QStringLiteral("/l");
        QTest::newRow("no /d") << QStringList{QStringLiteral("/r"), QStringLiteral("E00"),
                                              QStringLiteral("/lC:\\")}
                               << QStringLiteral("/d");
        QTest::newRow("dangling /l") << QStringList{QStringLiteral("/r"), QStringLiteral("E00"),
                                                    QStringLiteral("/l")}
                                     << QStringLiteral("needs a path");
        QTest::newRow("unknown switch")
            << QStringList{QStringLiteral("/r"), QStringLiteral("E00"), QStringLiteral("/x")}
            << QStringLiteral("unknown switch");
    }
    void refuses()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, mentions);
        auto cmd = EseutilCommand::parse(args);
        QVERIFY(!cmd.hasValue());
        QVERIFY2(cmd.error().reason.contains(mentions), qPrintable(cmd.error().toString()));
        QVERIFY(cmd.error().fix.contains(QStringLiteral("eseutil /mh")));
    }
    void runsOnAHostsDiskWithWindowsPaths()
    {
        QTemporaryDir lab;
        test::ManualClock clock;
        QVERIFY(DemoLab::create(lab.path(), clock).hasValue());
        ShellSession shell(lab.path());
        QVERIFY(shell.open().hasValue());
        auto refused = shell.execute(QStringLiteral("eseutil /mh C:\\Exchange\\Data\\SG1\\DB1.edb"));
        QVERIFY(!refused.hasValue());
        QVERIFY(refused.error().fix.contains(QStringLiteral("Enter-PSSession")));
        QVERIFY(shell.execute(QStringLiteral("Enter-PSSession mbx1")).hasValue());
        QCOMPARE(shell.prompt(), QStringLiteral("[MBX1]: PS> "));
        auto mh = shell.execute(QStringLiteral("eseutil /mh C:\\Exchange\\Data\\SG1\\DB1.edb"));
        QVERIFY2(mh.hasValue(), qPrintable(mh.hasValue() ? QString() : mh.error().toString()));
        // The lab's process has DB1 mounted: Dirty Shutdown on disk, and recovery is refused under it.
        QVERIFY2(mh->contains(QStringLiteral("State: Dirty Shutdown")), qPrintable(*mh));
        QVERIFY(mh->contains(QStringLiteral("Database: C:\\Exchange\\Data\\SG1\\DB1.edb")));
        auto ml = shell.execute(QStringLiteral("eseutil /ml c:\\exchange\\logs\\sg1\\E00.log"));
        QVERIFY2(ml.hasValue(), qPrintable(ml.hasValue() ? QString() : ml.error().toString()));
        // What it printed is the open log's dump: its generation is the one after the newest closed log in
        // MBX1's folder, as the file names say.
        uint32_t lastClosed = 0;
        static const QRegularExpression closedLog(QStringLiteral("^E00([0-9A-F]{8})\\.log$"));
        for (const QString &name :
             QDir(lab.filePath(QStringLiteral("hosts/MBX1/C/Exchange/Logs/SG1"))).entryList(QDir::Files))
            if (const auto m = closedLog.match(name); m.hasMatch())
                lastClosed = std::max(lastClosed, m.captured(1).toUInt(nullptr, 16));
        const uint32_t openGeneration = lastClosed + 1;
        QVERIFY2(ml->contains(QStringLiteral("Base name: E00\n")), qPrintable(*ml));
        QVERIFY2(ml->contains(QStringLiteral("lGeneration: %1 (0x%2)\n")
                                  .arg(openGeneration)
                                  .arg(QString::number(openGeneration, 16).toUpper())),
                 qPrintable(*ml));
        QVERIFY2(ml->contains(QStringLiteral("Integrity check passed for log file: ")), qPrintable(*ml));
        QVERIFY2(!ml->contains(QStringLiteral("Torn tail")), qPrintable(*ml));
        auto r = shell.execute(
            QStringLiteral("eseutil /r E00 /l C:\\Exchange\\Logs\\SG1 /d C:\\Exchange\\Data\\SG1"));
        QVERIFY(!r.hasValue());
        QCOMPARE(r.error().code, JetCode::DatabaseInUse);
        auto wrong = shell.execute(QStringLiteral("eseutil /mh C:\\Exchange\\Data\\SG9\\DB9.edb"));
        QVERIFY(!wrong.hasValue());
        QCOMPARE(wrong.error().code, JetCode::FileNotFound);
        QCOMPARE(wrong.error().object, QStringLiteral("C:\\Exchange\\Data\\SG9\\DB9.edb"));
        QVERIFY(!shell.execute(QStringLiteral("Enter-PSSession MBX9")).hasValue());
        QVERIFY(!shell.execute(QStringLiteral("Get-Nothing")).hasValue());
    }
};

QTEST_GUILESS_MAIN(TestEseutilCommand)
#include "tst_eseutilcommand.moc"
