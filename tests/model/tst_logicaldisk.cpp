// Logical disks through the shell (README, "What is real, what is described"): Get-Host and dir show the
// capacity and free space computed from the files; Set-Host -DiskSizeGB is stored in the directory and
// refused below what the files use; Invoke-Fault FillDisk/FreeDisk make and remove a sparse filler that
// every process sees; and a log drive that fills under mail flow dismounts its database as Exchange does
// (event 482, MountError, the rest of the lab going on) until space returns.

#include "ems/shellsession.h"
#include "lab/demolab.h"
#include "lab/lab.h"
#include "testsupport.h"

#include <cstdlib>

#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace scr;
using namespace scr::ems;

namespace {

constexpr qint64 kMiB = 1 << 20;

QString run(ShellSession &shell, const QString &script)
{
    auto r = shell.execute(script);
    return r ? *r : QStringLiteral("<failed> ") + r.error().toString();
}

QUuid databaseGuid(Lab &lab, const QString &storageGroup)
{
    auto sg = lab.directory().storageGroup(storageGroup);
    return lab.directory().databases((*sg)->id)->front().guid;
}

bool hasEvent(Lab &lab, int id, const QString &mentions)
{
    auto events = lab.directory().events();
    for (const EventRecord &e : events ? *events : std::vector<EventRecord>{})
        if (e.eventId == id && e.text.contains(mentions))
            return true;
    return false;
}

// -DiskSizeGB for a disk of bytes (GB of 2^30, with decimals enough for a byte-exact round trip).
QString gigabytesFor(qint64 bytes)
{
    return QString::number(static_cast<double>(bytes) / double(1LL << 30), 'f', 12);
}

test::ProcessRun shell(const QString &lab, const QString &script)
{
    return test::runProcess(QStringLiteral(SCR_SHELL),
                            {QStringLiteral("--lab"), lab, QStringLiteral("-c"), script}, 120000);
}

} // namespace

class TestLogicalDisk : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

    // A fresh demo lab in its own folder (removed with the QTemporaryDir).
    QString newLab(QTemporaryDir &dir)
    {
        test::ManualClock clock;
        const QString lab = dir.filePath(QStringLiteral("lab"));
        if (!DemoLab::create(lab, clock))
            return {};
        return lab;
    }

private Q_SLOTS:
    void getHostAndDirShowTheDisk()
    {
        QTemporaryDir dir;
        const QString lab = newLab(dir);
        QVERIFY(!lab.isEmpty());
        ShellSession session(lab);
        QVERIFY(session.open().hasValue());
        const QString host =
            run(session, QStringLiteral("Get-Host MBX1 | fl DiskSizeGB,DiskUsedBytes,DiskFreeBytes"));
        QVERIFY2(host.contains(QRegularExpression(QStringLiteral("DiskSizeGB\\s+: 200\\n"))),
                 qPrintable(host));
        // Used and free add up to the capacity; used is what a walk of the files finds (SQLite's -wal and
        // -shm files may have moved a little since).
        const auto figure = [&](const char *name) {
            const QRegularExpressionMatch m =
                QRegularExpression(QLatin1String(name) + QStringLiteral("\\s+: (\\d+)\n")).match(host);
            return m.hasMatch() ? m.captured(1).toLongLong() : -1;
        };
        const qint64 used = figure("DiskUsedBytes");
        QVERIFY2(used > 0, qPrintable(host));
        QCOMPARE(used + figure("DiskFreeBytes"), 200LL << 30);
        QVERIFY(std::abs(session.lab()->hostDisk(QStringLiteral("MBX1")).usedBytes(true) - used) < kMiB);
        // The table has the size and free space of every host.
        const QString table = run(session, QStringLiteral("Get-Host"));
        QVERIFY2(table.contains(QStringLiteral("DiskSizeGB")) && table.contains(QStringLiteral("DiskFreeGB")),
                 qPrintable(table));
        // dir ends as cmd's does, in logical bytes: a log counts its full 1 MiB.
        const QString listing =
            run(session, QStringLiteral("Enter-PSSession MBX1; dir C:\\Exchange\\Logs\\SG1; Exit-PSSession"));
        QVERIFY2(listing.contains(QRegularExpression(QStringLiteral("\\d+ File\\(s\\)\\s+[\\d,]+ bytes\\n"))),
                 qPrintable(listing));
        QVERIFY2(listing.contains(
                     QRegularExpression(QStringLiteral("Dir\\(s\\) 214,74\\d,\\d{3},\\d{3} bytes free"))),
                 qPrintable(listing));
    }

    void setHostDiskSizeIsStoredAndRefusedBelowUsage()
    {
        QTemporaryDir dir;
        const QString lab = newLab(dir);
        QVERIFY(!lab.isEmpty());
        {
            ShellSession session(lab);
            QVERIFY(session.open().hasValue());
            const QString set = run(session, QStringLiteral("Set-Host MBX3 -DiskSizeGB 0.5"));
            QVERIFY2(set.contains(QRegularExpression(QStringLiteral("DiskSizeGB\\s+: 0.5\\n"))),
                     qPrintable(set));
            QCOMPARE(session.lab()->hostDisk(QStringLiteral("MBX3")).capacityBytes(), 512 * kMiB);
            auto refused = session.execute(QStringLiteral("Set-Host MBX1 -DiskSizeGB 0.001"));
            QVERIFY(!refused.hasValue());
            QVERIFY2(refused.error().reason.contains(QStringLiteral("its files take")),
                     qPrintable(refused.error().toString()));
            QCOMPARE((*session.lab()->directory().host(QStringLiteral("MBX1")))->diskSizeBytes, 0);
        }
        // Another process reads it from the directory.
        const test::ProcessRun r = shell(lab, QStringLiteral("Get-Host MBX3 | fl DiskSizeGB,DiskSizeBytes"));
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral("%1").arg(512 * kMiB)), qPrintable(r.out));
    }

    void aLabOfSchema3OpensWithDefaultDisks()
    {
        QTemporaryDir dir;
        const QString lab = newLab(dir);
        QVERIFY(!lab.isEmpty());
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("schema3"));
            db.setDatabaseName(lab + QStringLiteral("/org.sqlite"));
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral("ALTER TABLE hosts DROP COLUMN disk_size_bytes")));
            // What schema 5 added is not in a lab of schema 3 either.
            for (const char *column :
                 {"scr_copies DROP COLUMN failed_event_id", "scr_copies DROP COLUMN failed_message",
                  "scr_copies DROP COLUMN failed_ms", "scr_copies DROP COLUMN failed_permanent",
                  "hosts DROP COLUMN disk_fault"})
                QVERIFY(q.exec(QStringLiteral("ALTER TABLE ") + QLatin1String(column)));
            QVERIFY(q.exec(QStringLiteral("PRAGMA user_version = 3")));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("schema3"));
        ShellSession session(lab);
        QVERIFY(session.open().hasValue());
        const QString host = run(session, QStringLiteral("Get-Host MBX1 | fl DiskSizeGB"));
        QVERIFY2(host.contains(QRegularExpression(QStringLiteral("DiskSizeGB\\s+: 200\\n"))),
                 qPrintable(host));
        QVERIFY(session.lab()->setHostDiskSize(QStringLiteral("MBX1"), 10LL << 30).hasValue());
    }

    void fillDiskAndFreeDiskAcrossProcesses()
    {
        QTemporaryDir dir;
        const QString lab = newLab(dir);
        QVERIFY(!lab.isEmpty());
        test::ProcessRun r = shell(lab, QStringLiteral("Invoke-Fault FillDisk -Server MBX3"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QRegularExpression(QStringLiteral("DiskFreeGB\\s+: 0\\n"))),
                 qPrintable(r.out));
        // A new process sees the disk full, from the filler file alone; dir shows it and no byte free.
        r = shell(lab, QStringLiteral("Get-Host MBX3 | fl DiskFreeBytes; Enter-PSSession MBX3; dir C:\\"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QRegularExpression(QStringLiteral("DiskFreeBytes\\s+: 0\\n"))),
                 qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("SCR-FillDisk.bin")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("214,748,364,800")), qPrintable(r.out)); // its length: 200 GB
        QVERIFY2(r.out.contains(QStringLiteral(" 0 bytes free")), qPrintable(r.out));
        // Really a hole: it takes no blocks.
        QVERIFY(QFileInfo(lab + QStringLiteral("/hosts/MBX3/C/SCR-FillDisk.bin")).size() == 200LL << 30);
        // Something that needs the space is refused in a third process.
        r = shell(lab, QStringLiteral("Enable-StorageGroupCopy MBX1\\SG1 -StandbyMachine MBX3; "
                                      "Update-StorageGroupCopy MBX1\\SG1 -StandbyMachine MBX3"));
        QVERIFY2(QString(r.out + r.err).contains(QStringLiteral("disk is full")),
                 qPrintable(QString(r.out + r.err)));
        r = shell(lab, QStringLiteral("Invoke-Fault FreeDisk -Server MBX3; Get-Host MBX3 | fl FillerBytes"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = shell(lab, QStringLiteral("Get-Host MBX3 | fl DiskFreeGB,FillerBytes"));
        QVERIFY2(r.out.contains(QRegularExpression(QStringLiteral("FillerBytes\\s+: 0\\n"))),
                 qPrintable(r.out));
        QVERIFY2(r.out.contains(QRegularExpression(QStringLiteral("DiskFreeGB\\s+: 20\\d"))),
                 qPrintable(r.out));
        QVERIFY(!QFileInfo::exists(lab + QStringLiteral("/hosts/MBX3/C/SCR-FillDisk.bin")));
    }

    // A log drive that fills because nothing truncates the logs dismounts its database; the rest goes on.
    void aFullLogDriveDismountsTheDatabase()
    {
        QTemporaryDir dir;
        const QString lab = newLab(dir);
        QVERIFY(!lab.isEmpty());
        ShellSession session(lab);
        QVERIFY(session.open().hasValue());
        Lab &l = *session.lab();
        const QUuid db1 = databaseGuid(l, QStringLiteral("MBX1\\SG1"));
        const QUuid db2 = databaseGuid(l, QStringLiteral("MBX1\\SG2"));
        const QUuid other = databaseGuid(l, QStringLiteral("MBX2\\SG1"));
        // Room for about three more log generations on MBX1.
        const qint64 used = l.hostDisk(QStringLiteral("MBX1")).usedBytes(true);
        QString out =
            run(session,
                QStringLiteral("Set-Host MBX1 -DiskSizeGB %1").arg(gigabytesFor(used + 3 * kMiB + kMiB / 2)));
        QVERIFY2(!out.startsWith(QStringLiteral("<failed>")), qPrintable(out));
        out = run(session,
                  QStringLiteral("Start-MailFlow MBX1\\SG1\\DB1 -MessagesPerMinute 600 -MessageSizeKB 64; "
                                 "Start-MailFlow MBX2\\SG1\\DB1 -MessagesPerMinute 60 -MessageSizeKB 1"));
        QVERIFY2(!out.startsWith(QStringLiteral("<failed>")), qPrintable(out));
        for (int minute = 0; minute < 30 && l.mountedDatabase(db1); ++minute) {
            out = run(session, QStringLiteral("Step-Simulation 0.00:01:00"));
            QVERIFY2(!out.startsWith(QStringLiteral("<failed>")), qPrintable(out)); // the step never fails
        }
        QVERIFY2(!l.mountedDatabase(db1), "the log drive never filled");
        QVERIFY(l.mountError(db1).has_value());
        QCOMPARE(l.mountError(db1)->code, JetCode::DiskFull);
        QVERIFY(hasEvent(l, 482, QStringLiteral("MBX1\\SG1\\DB1")));
        QVERIFY(hasEvent(l, 482, QStringLiteral("Start-DatabaseBackup")));
        QVERIFY(hasEvent(l, 482, QStringLiteral("log drive C: of MBX1")));
        const QString status = run(
            session, QStringLiteral("Get-MailboxDatabase MBX1\\SG1\\DB1 -Status | fl Mounted,MountError"));
        QVERIFY2(status.contains(QRegularExpression(QStringLiteral("Mounted\\s+: False"))),
                 qPrintable(status));
        QVERIFY2(status.contains(QStringLiteral("log drive C: on MBX1 is full")), qPrintable(status));
        // The other databases, on the same disk and elsewhere, stay mounted; the other flow goes on.
        QVERIFY(l.mountedDatabase(db2));
        QVERIFY(l.mountedDatabase(other));
        const Lsn before = l.mountedDatabase(other)->log().end();
        out = run(session, QStringLiteral("Step-Simulation 0.00:10:00"));
        QVERIFY2(!out.startsWith(QStringLiteral("<failed>")), qPrintable(out));
        QVERIFY(l.mountedDatabase(other)->log().end() > before);
        // The logs written stay; no half-made next generation is left.
        const QStringList logs = QDir(lab + QStringLiteral("/hosts/MBX1/C/Exchange/Logs/SG1"))
                                     .entryList({QStringLiteral("E00*.log")}, QDir::Files);
        QVERIFY2(logs.contains(QStringLiteral("E00.log")) && logs.size() >= 3, qPrintable(logs.join(u' ')));
        QVERIFY(!logs.contains(QStringLiteral("E00tmp.log")));
        // Mount-Database refuses while the disk is full, naming the ways out.
        auto refused = session.execute(QStringLiteral("Mount-Database MBX1\\SG1\\DB1"));
        QVERIFY(!refused.hasValue());
        QCOMPARE(refused.error().code, JetCode::DiskFull);
        QVERIFY2(refused.error().fix.contains(QStringLiteral("Set-Host MBX1 -DiskSizeGB")),
                 qPrintable(refused.error().toString()));
        QVERIFY(!l.mountedDatabase(db1));
        // A larger disk, and it mounts (soft recovery replays what the file lacks).
        out = run(session, QStringLiteral("Set-Host MBX1 -DiskSizeGB 200; Mount-Database MBX1\\SG1\\DB1"));
        QVERIFY2(!out.startsWith(QStringLiteral("<failed>")), qPrintable(out));
        QVERIFY(l.mountedDatabase(db1));
        QVERIFY(!l.mountError(db1).has_value());
    }

    // FillDisk under a database with mail flowing: dismounted; FreeDisk, and it mounts again.
    void fillDiskUnderMailFlowThenFreeDisk()
    {
        QTemporaryDir dir;
        const QString lab = newLab(dir);
        QVERIFY(!lab.isEmpty());
        ShellSession session(lab);
        QVERIFY(session.open().hasValue());
        Lab &l = *session.lab();
        const QUuid db = databaseGuid(l, QStringLiteral("MBX2\\SG1"));
        QString out = run(session, QStringLiteral("Start-MailFlow MBX2\\SG1\\DB1 -MessagesPerMinute 600 "
                                                  "-MessageSizeKB 64; Step-Simulation 0.00:00:10; "
                                                  "Invoke-Fault FillDisk -Server MBX2"));
        QVERIFY2(!out.startsWith(QStringLiteral("<failed>")), qPrintable(out));
        for (int minute = 0; minute < 30 && l.mountedDatabase(db); ++minute)
            QVERIFY(!run(session, QStringLiteral("Step-Simulation 0.00:01:00"))
                         .startsWith(QStringLiteral("<failed>")));
        QVERIFY(!l.mountedDatabase(db));
        QVERIFY(hasEvent(l, 482, QStringLiteral("MBX2\\SG1\\DB1")));
        // Closing the database may have shrunk its -wal file: fill what that freed too.
        QVERIFY(!run(session, QStringLiteral("Invoke-Fault FillDisk -Server MBX2"))
                     .startsWith(QStringLiteral("<failed>")));
        auto refused = session.execute(QStringLiteral("Mount-Database MBX2\\SG1\\DB1"));
        QVERIFY(!refused.hasValue());
        QVERIFY2(refused.error().fix.contains(QStringLiteral("Invoke-Fault FreeDisk -Server MBX2")),
                 qPrintable(refused.error().toString()));
        out =
            run(session, QStringLiteral("Invoke-Fault FreeDisk -Server MBX2; Mount-Database MBX2\\SG1\\DB1"));
        QVERIFY2(!out.startsWith(QStringLiteral("<failed>")), qPrintable(out));
        QVERIFY(l.mountedDatabase(db));
    }
};

QTEST_GUILESS_MAIN(TestLogicalDisk)
#include "tst_logicaldisk.moc"
