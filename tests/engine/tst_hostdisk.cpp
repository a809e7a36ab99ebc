#include "host/hostdisk.h"

#include <functional>

#include <sys/stat.h>

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QScopeGuard>
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
        QCOMPARE(local.error().code, JetCode::None);
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
    // --- containment: a link planted inside a host's folder is refused by every operation, whichever
    // resolver runs (openat2, or the O_NOFOLLOW walk of kernels without it), and nothing outside changes.
    void plantedLinksAreRefused_data()
    {
        QTest::addColumn<bool>("openat2");
        QTest::addColumn<QString>("link"); // what the planted link C:\evil points to
        for (bool useOpenat2 : {true, false}) {
            const char *mode = useOpenat2 ? "openat2" : "walk";
            QTest::newRow(qPrintable(QStringLiteral("%1 folder").arg(QLatin1String(mode))))
                << useOpenat2 << QStringLiteral("folder");
            QTest::newRow(qPrintable(QStringLiteral("%1 file").arg(QLatin1String(mode))))
                << useOpenat2 << QStringLiteral("file");
            QTest::newRow(qPrintable(QStringLiteral("%1 dangling").arg(QLatin1String(mode))))
                << useOpenat2 << QStringLiteral("dangling");
            QTest::newRow(qPrintable(QStringLiteral("%1 loop").arg(QLatin1String(mode))))
                << useOpenat2 << QStringLiteral("loop");
        }
    }
    void plantedLinksAreRefused()
    {
        QFETCH(bool, openat2);
        QFETCH(QString, link);
        if (openat2 && !HostDisk::usesOpenat2())
            QSKIP("this kernel has no openat2; the walk rows cover it");
        HostDisk::setOpenat2Allowed(openat2);
        const auto restore = qScopeGuard([] { HostDisk::setOpenat2Allowed(true); });
        QTemporaryDir lab;
        QTemporaryDir outside;
        const QString canary = outside.filePath(QStringLiteral("canary.txt"));
        QVERIFY(writeFile(canary, "canary"));
        QVERIFY(QDir().mkpath(outside.filePath(QStringLiteral("sub"))));
        const QString drive = lab.path() + QStringLiteral("/hosts/MBX4/C");
        QVERIFY(QDir().mkpath(drive));
        const QString evil = drive + QStringLiteral("/evil");
        const QString target = link == QStringLiteral("folder")     ? outside.path()
                               : link == QStringLiteral("file")     ? canary
                               : link == QStringLiteral("dangling") ? outside.filePath(QStringLiteral("none"))
                                                                    : evil;
        QVERIFY(QFile::link(target, evil));
        const QByteArray before = readFile(canary);
        const QDateTime mtime = QFileInfo(canary).lastModified();

        HostDisk disk(lab.path(), QStringLiteral("MBX4"));
        const QString inFolder = QStringLiteral("C:\\evil\\canary.txt");
        const QString asFile = QStringLiteral("C:\\evil");
        const std::vector<std::pair<const char *, std::function<Status()>>> ops = {
            {"entry through", [&] { return asStatus(disk.entry(inFolder)); }},
            {"list", [&] { return asStatus(disk.list(asFile)); }},
            {"list its folder", [&] { return asStatus(disk.fileNames(QStringLiteral("C:\\"))); }},
            {"open", [&] { return asStatus(disk.open(inFolder, File::Mode::ReadOnly)); }},
            {"open the link", [&] { return asStatus(disk.open(asFile, File::Mode::ReadWrite)); }},
            {"read", [&] { return asStatus(disk.readAll(asFile)); }},
            {"create through",
             [&] { return asStatus(disk.open(QStringLiteral("C:\\evil\\E03.log"), File::Mode::CreateNew)); }},
            {"write", [&] { return disk.writeAtomically(inFolder, "overwritten"); }},
            {"mkdir through", [&] { return disk.makeFolders(QStringLiteral("C:\\evil\\sub\\deeper")); }},
            {"remove file", [&] { return disk.removeFile(inFolder); }},
            {"remove the link", [&] { return disk.removeFile(asFile); }},
            {"remove tree", [&] { return disk.removeRecursively(asFile); }},
            {"rename", [&] { return disk.rename(inFolder, QStringLiteral("C:\\moved.txt")); }},
            {"sync", [&] { return disk.syncFolder(asFile); }},
            {"copy in", [&] { return disk.copyFrom(disk, inFolder, QStringLiteral("C:\\copy.txt")); }},
            {"check writable", [&] { return disk.checkWritableFolder(asFile); }},
            {"remove parent tree",
             [&] {
                 (void)disk.makeFolders(QStringLiteral("C:\\Data\\x"));
                 QFile::rename(evil, drive + QStringLiteral("/Data/x/evil"));
                 return disk.removeRecursively(QStringLiteral("C:\\Data"));
             }},
        };
        for (const auto &[name, op] : ops) {
            const Status st = op();
            QVERIFY2(!st.hasValue(), name);
            QVERIFY2(st.error().toString().contains(QStringLiteral("link")),
                     qPrintable(QLatin1String(name) + QStringLiteral(": ") + st.error().toString()));
        }
        // Nothing outside changed: the canary's bytes and time, and the outside folder's entries.
        QCOMPARE(readFile(canary), before);
        QCOMPARE(QFileInfo(canary).lastModified(), mtime);
        QCOMPARE(QDir(outside.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot),
                 QStringList({QStringLiteral("canary.txt"), QStringLiteral("sub")}));
        QVERIFY(QDir(outside.filePath(QStringLiteral("sub"))).isEmpty());
        // The "remove parent tree" case found the link before deleting anything: C:\Data\x is still there.
        QVERIFY(QFileInfo(drive + QStringLiteral("/Data/x")).isDir());
    }
    void aLinkedLabFolderIsTheUsersChoice()
    {
        // The lab folder itself may be reached through a link (the user's own choice of path): only links
        // inside a host's disk are refused.
        QTemporaryDir real;
        QTemporaryDir parent;
        const QString labLink = parent.filePath(QStringLiteral("lab"));
        QVERIFY(QFile::link(real.path(), labLink));
        HostDisk disk(labLink, QStringLiteral("MBX1"));
        QVERIFY(disk.makeFolders(QStringLiteral("C:\\Exchange")).hasValue());
        QVERIFY(disk.writeAtomically(QStringLiteral("C:\\Exchange\\a.txt"), "x").hasValue());
        QCOMPARE(readFile(real.path() + QStringLiteral("/hosts/MBX1/C/Exchange/a.txt")), QByteArray("x"));
    }
    void diskFolderMustBeAPlainNameUnderHosts_data()
    {
        QTest::addColumn<QString>("folder");
        QTest::newRow("dotdot") << QStringLiteral("../esc");
        QTest::newRow("hosts dotdot") << QStringLiteral("hosts/../../esc");
        QTest::newRow("absolute") << QStringLiteral("/tmp/esc");
        QTest::newRow("nested") << QStringLiteral("hosts/a/b");
        QTest::newRow("not hosts") << QStringLiteral("other/MBX1");
    }
    void diskFolderMustBeAPlainNameUnderHosts()
    {
        QFETCH(QString, folder);
        QTemporaryDir parent;
        const QString labDir = parent.filePath(QStringLiteral("lab"));
        QVERIFY(QDir().mkpath(labDir));
        HostDisk disk(labDir, QStringLiteral("MBX1"), folder);
        const Status st = disk.makeFolders(QStringLiteral("C:\\Exchange"));
        QVERIFY(!st.hasValue());
        QVERIFY2(st.error().reason.contains(QStringLiteral("plain name")), qPrintable(st.error().toString()));
        QCOMPARE(QDir(parent.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot),
                 QStringList{QStringLiteral("lab")});
        QVERIFY(QDir(labDir).isEmpty());
    }
    void driveRootIsNeverRemovedWhateverTheLabIsCalled()
    {
        QTemporaryDir parent;
        QVERIFY(QDir().mkpath(parent.filePath(QStringLiteral("lab/hosts/MBX1/C/Exchange"))));
        const QString keep = QDir::currentPath();
        QVERIFY(QDir::setCurrent(parent.path()));
        const auto back = qScopeGuard([&] { QDir::setCurrent(keep); });
        HostDisk disk(QStringLiteral("lab"), QStringLiteral("MBX1")); // a relative lab path
        for (const QString &root : {QStringLiteral("C:\\"), QStringLiteral("c:"), QStringLiteral("C:\\\\")}) {
            const Status st = disk.removeRecursively(root);
            QVERIFY(!st.hasValue());
            QVERIFY2(st.error().reason.contains(QStringLiteral("drive's root")),
                     qPrintable(st.error().toString()));
        }
        QVERIFY(QFileInfo(parent.filePath(QStringLiteral("lab/hosts/MBX1/C/Exchange"))).isDir());
    }
    void powerAndSpaceAreTheDisksOwn()
    {
        QTemporaryDir lab;
        HostDisk disk(lab.path(), QStringLiteral("MBX1"));
        QVERIFY(disk.makeFolders(QStringLiteral("C:\\Logs")).hasValue());
        auto open = disk.open(QStringLiteral("C:\\Logs\\E00.log"), File::Mode::CreateNew);
        QVERIFY(open.hasValue());
        HostDisk sameHost = disk; // a copy shares the state
        sameHost.setPoweredOn(false);
        QVERIFY(!disk.isPoweredOn());
        QCOMPARE(open->writeAt(0, "x", 1).error().code, JetCode::DiskIO); // an open file stops too
        QVERIFY(!disk.exists(QStringLiteral("C:\\Logs\\E00.log")));
        QVERIFY(!disk.list(QStringLiteral("C:\\Logs")).hasValue());
        QVERIFY(!disk.removeFile(QStringLiteral("C:\\Logs\\E00.log")).hasValue());
        QVERIFY(QFileInfo::exists(lab.path() + QStringLiteral("/hosts/MBX1/C/Logs/E00.log")));
        // Another host's disk is not affected.
        HostDisk other(lab.path(), QStringLiteral("MBX2"));
        QVERIFY(other.makeFolders(QStringLiteral("C:\\Logs")).hasValue());
        disk.setPoweredOn(true);
        sameHost.setCapacityBytes(disk.usedBytes(true)); // not a byte free, for this copy and every other
        QCOMPARE(open->writeAt(0, "x", 1).error().code, JetCode::DiskFull);
        QCOMPARE(disk.writeAtomically(QStringLiteral("C:\\Logs\\a"), "x").error().code, JetCode::DiskFull);
        QVERIFY(open->readAt(0, nullptr, 0).hasValue()); // reads go on
        QVERIFY(disk.exists(QStringLiteral("C:\\Logs\\E00.log")));
        QVERIFY(!disk.exists(QStringLiteral("C:\\Logs\\a.tmp")));
        disk.setCapacityBytes(HostDisk::kDefaultCapacityBytes);
        QVERIFY(open->writeAt(0, "x", 1).hasValue());
    }
    void listsWithWildcardsCaseInsensitively()
    {
        QTemporaryDir lab;
        HostDisk disk(lab.path(), QStringLiteral("MBX1"));
        QVERIFY(disk.makeFolders(QStringLiteral("C:\\L")).hasValue());
        for (const char *name : {"E0000000001.log", "E0000000002.log", "E00.chk", "e01.log"})
            QVERIFY(disk.writeAtomically(QStringLiteral("C:\\L\\") + QLatin1String(name), "x").hasValue());
        QCOMPARE(*disk.fileNames(QStringLiteral("C:\\L"), QStringLiteral("E00*.log")),
                 QStringList({QStringLiteral("E0000000001.log"), QStringLiteral("E0000000002.log")}));
        QCOMPARE(*disk.fileNames(QStringLiteral("c:\\l"), QStringLiteral("E0?.*")),
                 QStringList({QStringLiteral("E00.chk"), QStringLiteral("e01.log")}));
    }
    // A copy is as thin as its source: only the source's data ranges are read and written, the rest stays
    // a hole of the same length; copying into a spare that held data leaves none of it behind.
    void copyKeepsHoles()
    {
        QTemporaryDir lab;
        HostDisk source(lab.path(), QStringLiteral("MBX1"));
        HostDisk target(lab.path(), QStringLiteral("MBX3"));
        for (const HostDisk &d : {source, target})
            QVERIFY(d.makeFolders(QStringLiteral("C:\\Logs")).hasValue());
        const QString name = QStringLiteral("C:\\Logs\\E0000000007.log");
        constexpr qint64 kLength = 1 << 20;
        {
            auto f = source.open(name, File::Mode::CreateNew);
            QVERIFY(f.hasValue());
            QVERIFY(f->setLength(kLength).hasValue());
            QVERIFY(f->writeAt(0, QByteArray(600, 'H').constData(), 600).hasValue());
            QVERIFY(f->writeAt(512 * 1024, QByteArray(100, 'R').constData(), 100).hasValue());
            QVERIFY(f->syncData().hasValue());
        }
        const auto rangesOf = [](const HostDisk &d, const QString &path) {
            auto f = d.open(path, File::Mode::ReadOnly);
            auto r = f ? f->dataRanges() : Result<std::vector<std::pair<qint64, qint64>>>(f.error());
            return r ? *r : std::vector<std::pair<qint64, qint64>>{};
        };
        const auto blocksOf = [](const HostDisk &d, const QString &path) -> qint64 {
            struct stat st
            {};
            const QString local = d.localPath(path).value();
            return ::stat(QFile::encodeName(local).constData(), &st) == 0 ? qint64(st.st_blocks) * 512 : -1;
        };
        const auto sourceRanges = rangesOf(source, name);
        if (sourceRanges.size() != 2)
            QSKIP("this file system does not report holes");
        QVERIFY(sourceRanges.front().first == 0 && sourceRanges.back().second < kLength);
        const QByteArray content = source.readAll(name).value();
        QCOMPARE(content.size(), kLength);

        QVERIFY(target.copyFrom(source, name, name).hasValue());
        QCOMPARE(target.readAll(name).value(), content);
        QCOMPARE(rangesOf(target, name), sourceRanges);
        QVERIFY2(
            blocksOf(target, name) > 0 && blocksOf(target, name) <= blocksOf(source, name),
            qPrintable(QStringLiteral("%1 > %2").arg(blocksOf(target, name)).arg(blocksOf(source, name))));

        // Into a spare that was written through: emptied first, so it is as thin as the source.
        const QString spare = QStringLiteral("C:\\Logs\\E0000000001.log");
        QVERIFY(target.writeAtomically(spare, QByteArray(kLength, '\xff')).hasValue());
        QVERIFY(blocksOf(target, spare) >= kLength);
        const QString next = QStringLiteral("C:\\Logs\\E0000000008.log");
        QVERIFY(target.copyFrom(source, name, next, true, spare).hasValue());
        QVERIFY(!target.exists(spare));
        QCOMPARE(target.readAll(next).value(), content);
        QCOMPARE(rangesOf(target, next), sourceRanges);
        QVERIFY(blocksOf(target, next) <= blocksOf(source, name));
    }

private:
    template <typename R> static Status asStatus(const R &r)
    {
        if (r.hasValue())
            return {};
        return r.error();
    }
    static bool writeFile(const QString &path, const QByteArray &data)
    {
        QFile f(path);
        return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
    }
    static QByteArray readFile(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }
};

QTEST_GUILESS_MAIN(TestHostDisk)
#include "tst_hostdisk.moc"
