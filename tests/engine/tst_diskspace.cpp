// A host disk's logical space (HostDisk, DiskSpace): usage is the sum of the lengths of the host's files,
// computed from the files (so another HostDisk, or another process, sees what one wrote); growth beyond the
// free space fails with ENOSPC and leaves nothing behind; this process's own changes keep the figure current
// between walks; the walk never follows a link.

#include "core/fileio.h"
#include "host/hostdisk.h"
#include "sim/faultinjector.h"

#include <chrono>

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace scr;

namespace {

constexpr qint64 kMiB = 1 << 20;

// A thin file of length bytes (a hole with a few bytes of data), as a log of the thin format is.
bool makeThinFile(const HostDisk &disk, const QString &path, qint64 length)
{
    auto file = disk.open(path, File::Mode::CreateNew);
    return file && file->setLength(length) && file->writeAt(0, "HDR", 3) && file->syncData();
}

QStringList namesIn(const QString &folder)
{
    return QDir(folder).entryList(QDir::Files | QDir::NoDotAndDotDot, QDir::Name);
}

} // namespace

class TestDiskSpace : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void usageComesFromTheFiles()
    {
        QTemporaryDir lab;
        HostDisk first(lab.path(), QStringLiteral("MBX1"));
        QCOMPARE(first.usedBytes(), 0); // no folder yet: nothing used
        QCOMPARE(first.capacityBytes(), HostDisk::kDefaultCapacityBytes);
        QVERIFY(first.makeFolders(QStringLiteral("C:\\Exchange\\Logs\\SG1")).hasValue());
        QVERIFY(makeThinFile(first, QStringLiteral("C:\\Exchange\\Logs\\SG1\\E00.log"), kMiB));
        // A sparse 1 MiB log counts 1 MiB, as dir shows it, whatever its blocks.
        QCOMPARE(first.usedBytes(), kMiB);
        // Another disk object on the same folder (another process, in effect) walks the files.
        HostDisk second(lab.path(), QStringLiteral("MBX1"));
        QVERIFY(!second.sameDisk(first));
        QCOMPARE(second.usedBytes(), kMiB);
        QCOMPARE(second.freeBytes(), HostDisk::kDefaultCapacityBytes - kMiB);
        QVERIFY(makeThinFile(second, QStringLiteral("C:\\Exchange\\Logs\\SG1\\E0000000001.log"), kMiB));
        // The first sees the second's file when it walks again (at most DiskSpace::kFreshMs later).
        QCOMPARE(first.usedBytes(true), 2 * kMiB);
        // A change made outside HostDisk too.
        QVERIFY(QFile::remove(lab.filePath(QStringLiteral("hosts/MBX1/C/Exchange/Logs/SG1/E00.log"))));
        QCOMPARE(first.usedBytes(true), kMiB);
        // Other hosts are other disks.
        QCOMPARE(HostDisk(lab.path(), QStringLiteral("MBX2")).usedBytes(), 0);
    }

    void theFigureGoesStaleAfterAFewSeconds()
    {
        QTemporaryDir lab;
        HostDisk disk(lab.path(), QStringLiteral("MBX1"));
        QVERIFY(disk.makeFolders(QStringLiteral("C:\\D")).hasValue());
        QCOMPARE(disk.usedBytes(), 0);
        QFile outside(lab.filePath(QStringLiteral("hosts/MBX1/C/D/written-by-another-process")));
        QVERIFY(outside.open(QIODevice::WriteOnly));
        QVERIFY(outside.resize(3 * kMiB));
        outside.close();
        // Without asking for a fresh figure: the walk is redone once the last one is old.
        QTRY_COMPARE_WITH_TIMEOUT(disk.usedBytes(), 3 * kMiB, int(DiskSpace::kFreshMs) * 3);
    }

    void growthBeyondTheFreeSpaceIsRefusedWithNothingLeft()
    {
        QTemporaryDir lab;
        HostDisk disk(lab.path(), QStringLiteral("MBX1"));
        QVERIFY(disk.makeFolders(QStringLiteral("C:\\Logs")).hasValue());
        QVERIFY(makeThinFile(disk, QStringLiteral("C:\\Logs\\E0000000001.log"), kMiB));
        disk.setCapacityBytes(disk.usedBytes(true) + kMiB + kMiB / 2); // 1.5 MiB free
        const QString folder = lab.filePath(QStringLiteral("hosts/MBX1/C/Logs"));
        const QStringList before = namesIn(folder);

        // setLength past the free space.
        auto file = disk.open(QStringLiteral("C:\\Logs\\big"), File::Mode::CreateNew);
        QVERIFY(file.hasValue());
        const Status sized = file->setLength(2 * kMiB);
        QVERIFY(!sized.hasValue());
        QCOMPARE(sized.error().code, JetCode::DiskFull);
        QCOMPARE(*file->size(), 0);
        // writeAt past the end by more than is free; within the free space it goes.
        QCOMPARE(file->writeAt(2 * kMiB, "x", 1).error().code, JetCode::DiskFull);
        QCOMPARE(*file->size(), 0);
        QVERIFY(file->writeAt(kMiB, "x", 1).hasValue());
        QCOMPARE(disk.usedBytes(), 2 * kMiB + 1);
        QCOMPARE(disk.usedBytes(true), 2 * kMiB + 1);
        // A shrink frees.
        QVERIFY(file->setLength(0).hasValue());
        QCOMPARE(disk.usedBytes(), kMiB);
        QCOMPARE(file->allocate(2 * kMiB).error().code, JetCode::DiskFull);
        file->close();
        QVERIFY(disk.removeFile(QStringLiteral("C:\\Logs\\big")).hasValue());

        // copyFrom needs the source's logical length: a 2 MiB thin file does not fit in 1.5 MiB.
        HostDisk other(lab.path(), QStringLiteral("MBX2"));
        QVERIFY(other.makeFolders(QStringLiteral("C:\\Logs")).hasValue());
        QVERIFY(makeThinFile(other, QStringLiteral("C:\\Logs\\E0000000002.log"), 2 * kMiB));
        const Status copied = disk.copyFrom(other, QStringLiteral("C:\\Logs\\E0000000002.log"),
                                            QStringLiteral("C:\\Logs\\E0000000002.log"));
        QVERIFY(!copied.hasValue());
        QCOMPARE(copied.error().code, JetCode::DiskFull);
        QVERIFY2(copied.error().toString().contains(QStringLiteral("JET_errDiskFull")),
                 qPrintable(copied.error().toString()));
        // writeAtomically of more than is free.
        const Status written = disk.writeAtomically(QStringLiteral("C:\\Logs\\E00.chk"),
                                                    QByteArray(static_cast<qsizetype>(2 * kMiB), 'c'));
        QCOMPARE(written.error().code, JetCode::DiskFull);
        QCOMPARE(namesIn(folder), before); // nothing left behind: no .tmp, no partial copy
        QCOMPARE(disk.usedBytes(true), kMiB);
        QCOMPARE(disk.usedBytes(), kMiB);

        // A 1 MiB copy fits.
        QVERIFY(makeThinFile(other, QStringLiteral("C:\\Logs\\E0000000003.log"), kMiB));
        QVERIFY(disk.copyFrom(other, QStringLiteral("C:\\Logs\\E0000000003.log"),
                              QStringLiteral("C:\\Logs\\E0000000003.log"))
                    .hasValue());
        QCOMPARE(disk.usedBytes(), 2 * kMiB);
        // The reserve that SQLite's writes need (HostDisk::fault(true)) is there, then it is not.
        QCOMPARE(disk.fault(true), 0);
        disk.setCapacityBytes(2 * kMiB + HostDisk::kReserveBytes - 1);
        QCOMPARE(disk.fault(true), ENOSPC);
        QCOMPARE(disk.fault(false), 0);
    }

    void ownChangesKeepTheFigureCurrentBetweenWalks()
    {
        QTemporaryDir lab;
        HostDisk disk(lab.path(), QStringLiteral("MBX1"));
        QVERIFY(disk.makeFolders(QStringLiteral("C:\\A\\B")).hasValue());
        const auto same = [&]() {
            const qint64 tracked = disk.usedBytes();
            const qint64 walked = disk.usedBytes(true);
            return tracked == walked ? QString() : QStringLiteral("%1 != %2").arg(tracked).arg(walked);
        };
        QVERIFY(makeThinFile(disk, QStringLiteral("C:\\A\\one"), kMiB));
        QVERIFY2(same().isEmpty(), qPrintable(same()));
        QVERIFY(disk.writeAtomically(QStringLiteral("C:\\A\\chk"), QByteArray(4096, 'c')).hasValue());
        QVERIFY(disk.writeAtomically(QStringLiteral("C:\\A\\chk"), QByteArray(100, 'c')).hasValue()); // over
        QVERIFY2(same().isEmpty(), qPrintable(same()));
        QVERIFY(makeThinFile(disk, QStringLiteral("C:\\A\\B\\two"), 2 * kMiB));
        QVERIFY(
            disk.rename(QStringLiteral("C:\\A\\B\\two"), QStringLiteral("C:\\A\\one")).hasValue()); // over
        QVERIFY2(same().isEmpty(), qPrintable(same()));
        QCOMPARE(disk.usedBytes(), 2 * kMiB + 100);
        QVERIFY(
            disk.copyFrom(disk, QStringLiteral("C:\\A\\one"), QStringLiteral("C:\\A\\B\\copy")).hasValue());
        QVERIFY2(same().isEmpty(), qPrintable(same()));
        QVERIFY(disk.removeFile(QStringLiteral("C:\\A\\chk")).hasValue());
        QVERIFY2(same().isEmpty(), qPrintable(same()));
        QVERIFY(disk.removeRecursively(QStringLiteral("C:\\A\\B")).hasValue());
        QVERIFY2(same().isEmpty(), qPrintable(same()));
        QCOMPARE(disk.usedBytes(), 2 * kMiB);
    }

    void theWalkFollowsNoLink()
    {
        QTemporaryDir lab;
        QTemporaryDir outside;
        QFile big(outside.filePath(QStringLiteral("big")));
        QVERIFY(big.open(QIODevice::WriteOnly) && big.resize(50 * kMiB));
        big.close();
        HostDisk disk(lab.path(), QStringLiteral("MBX1"));
        QVERIFY(disk.makeFolders(QStringLiteral("C:\\L")).hasValue());
        QVERIFY(QFile::link(outside.path(), lab.filePath(QStringLiteral("hosts/MBX1/C/L/toFolder"))));
        QVERIFY(QFile::link(big.fileName(), lab.filePath(QStringLiteral("hosts/MBX1/C/L/toFile"))));
        QVERIFY(makeThinFile(disk, QStringLiteral("C:\\L\\own"), kMiB));
        QCOMPARE(disk.usedBytes(true), kMiB);
    }

    void fillerFillsAndFreeDiskFrees()
    {
        QTemporaryDir lab;
        HostDisk disk(lab.path(), QStringLiteral("MBX3"));
        QVERIFY(disk.makeFolders(QStringLiteral("C:\\Exchange")).hasValue());
        auto filled = FaultInjector::fillDisk(disk);
        QVERIFY(filled.hasValue());
        QCOMPARE(*filled, HostDisk::kDefaultCapacityBytes);
        QCOMPARE(disk.freeBytes(), 0);
        // Seen full from the files by another disk object; the filler holds no data.
        HostDisk fresh(lab.path(), QStringLiteral("MBX3"));
        QCOMPARE(fresh.freeBytes(), 0);
        auto filler =
            File::open(lab.filePath(QStringLiteral("hosts/MBX3/C/SCR-FillDisk.bin")), File::Mode::ReadOnly);
        QVERIFY(filler.hasValue());
        QCOMPARE(*filler->size(), HostDisk::kDefaultCapacityBytes);
        QVERIFY(filler->dataRanges()->empty());
        auto file = fresh.open(QStringLiteral("C:\\Exchange\\E00.log"), File::Mode::CreateNew);
        QVERIFY(file.hasValue());
        QCOMPARE(file->setLength(kMiB).error().code, JetCode::DiskFull);
        QCOMPARE(*FaultInjector::freeDisk(fresh), HostDisk::kDefaultCapacityBytes);
        QVERIFY(file->setLength(kMiB).hasValue());
        // A filler of a given size, and more than is free is refused.
        QCOMPARE(*FaultInjector::fillDisk(fresh, 10 * kMiB), 10 * kMiB);
        QCOMPARE(fresh.freeBytes(), HostDisk::kDefaultCapacityBytes - 11 * kMiB);
        QVERIFY(!FaultInjector::fillDisk(fresh, HostDisk::kDefaultCapacityBytes).hasValue());
        QCOMPARE(*FaultInjector::freeDisk(fresh), 10 * kMiB);
        QCOMPARE(*FaultInjector::freeDisk(fresh), 0); // none: nothing to do
    }

    void walkingThousandsOfFilesIsCheap()
    {
        QTemporaryDir lab;
        HostDisk disk(lab.path(), QStringLiteral("MBX1"));
        QVERIFY(disk.makeFolders(QStringLiteral("C:\\Exchange\\Logs\\SG1")).hasValue());
        const QString folder = lab.filePath(QStringLiteral("hosts/MBX1/C/Exchange/Logs/SG1/"));
        constexpr int kFiles = 8000; // a virtual day of logs of one busy database
        for (int i = 0; i < kFiles; ++i) {
            QFile f(folder + QStringLiteral("E00%1.log").arg(i, 8, 16, QLatin1Char('0')));
            QVERIFY(f.open(QIODevice::WriteOnly) && f.resize(kMiB));
        }
        QElapsedTimer timer;
        timer.start();
        QCOMPARE(disk.usedBytes(true), kFiles * kMiB);
        const qint64 ms = timer.elapsed();
        qInfo("figure walk_8000_files %lld ms", static_cast<long long>(ms));
        QVERIFY2(ms < 2000, qPrintable(QString::number(ms)));
    }
};

QTEST_GUILESS_MAIN(TestDiskSpace)
#include "tst_diskspace.moc"
