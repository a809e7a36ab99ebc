#include "host/hostdisk.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

using namespace scr;

class TestHostDisk : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void mapsWindowsPaths_data()
    {
        QTest::addColumn<QString>("windows");
        QTest::addColumn<QString>("relative");
        QTest::newRow("log folder") << QStringLiteral("C:\\Exchange\\Logs\\SG1")
                                    << QStringLiteral("C/Exchange/Logs/SG1");
        QTest::newRow("lower drive") << QStringLiteral("d:\\Data\\DB1.edb")
                                     << QStringLiteral("D/Data/DB1.edb");
        QTest::newRow("doubled separators") << QStringLiteral("C:\\a\\\\b\\") << QStringLiteral("C/a/b");
        QTest::newRow("drive root") << QStringLiteral("C:\\") << QStringLiteral("C");
    }
    void mapsWindowsPaths()
    {
        QFETCH(QString, windows);
        QFETCH(QString, relative);
        QTemporaryDir lab;
        HostDisk host(lab.path(), QStringLiteral("MBX1"));
        auto local = host.localPath(windows);
        QVERIFY2(local.hasValue(), qPrintable(local.hasValue() ? QString() : local.error().toString()));
        QCOMPARE(*local, lab.path() + QStringLiteral("/hosts/MBX1/") + relative);
    }
    void refusesBadPaths_data()
    {
        QTest::addColumn<QString>("windows");
        QTest::newRow("relative") << QStringLiteral("Exchange\\Logs");
        QTest::newRow("unix") << QStringLiteral("/etc/passwd");
        QTest::newRow("dotdot") << QStringLiteral("C:\\Exchange\\..\\..\\..\\etc");
        QTest::newRow("pipe") << QStringLiteral("C:\\Ex|change");
        QTest::newRow("colon") << QStringLiteral("C:\\a:b");
        QTest::newRow("trailing dot") << QStringLiteral("C:\\Logs.\\SG1");
        QTest::newRow("empty") << QString();
    }
    void refusesBadPaths()
    {
        QFETCH(QString, windows);
        QTemporaryDir lab;
        auto local = HostDisk(lab.path(), QStringLiteral("MBX1")).localPath(windows);
        QVERIFY(!local.hasValue());
        QCOMPARE(local.error().code, JetCode::InvalidParameter);
        QVERIFY(local.error().fix.contains(QStringLiteral("C:\\")));
    }
    void findsExistingFoldersCaseInsensitively()
    {
        QTemporaryDir lab;
        QVERIFY(QDir().mkpath(lab.path() + QStringLiteral("/hosts/MBX1/C/Exchange/Logs/SG1")));
        HostDisk host(lab.path(), QStringLiteral("MBX1"));
        QCOMPARE(*host.localPath(QStringLiteral("c:\\EXCHANGE\\logs\\sg1\\E00.log")),
                 lab.path() + QStringLiteral("/hosts/MBX1/C/Exchange/Logs/SG1/E00.log"));
    }
    void mapsBackToWindows()
    {
        QTemporaryDir lab;
        HostDisk host(lab.path(), QStringLiteral("MBX2"));
        QCOMPARE(host.windowsPath(lab.path() + QStringLiteral("/hosts/MBX2/C/Exchange/Logs/SG1/E00.chk")),
                 QStringLiteral("C:\\Exchange\\Logs\\SG1\\E00.chk"));
        QCOMPARE(host.windowsPath(QStringLiteral("/elsewhere/x")), QStringLiteral("/elsewhere/x"));
    }
};

QTEST_GUILESS_MAIN(TestHostDisk)
#include "tst_hostdisk.moc"
