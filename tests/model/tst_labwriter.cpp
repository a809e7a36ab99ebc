// The Lab is the directory's only writer (issue 23 §5): each state change writes the directory and does its
// runtime effect together, and when the directory refuses the write, both stay as they were. The directory
// is made to refuse by a trigger (or, for a commit, a deferred foreign key) added beside the Lab's
// connection, as a damaged or busy directory would.

#include "cmdlets/storagegroupcopy.h"
#include "lab/demolab.h"
#include "lab/lab.h"
#include "labfixture.h"
#include "testsupport.h"

#include <type_traits>

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

using namespace scr;

// Cmdlets read the directory; they cannot write it.
static_assert(std::is_same_v<decltype(std::declval<Lab &>().directory()), const Directory &>);

namespace {

const QString kSg = QStringLiteral("MBX1\\SG1");

// Runs statements on org.sqlite, beside the Lab's connection.
bool execute(const QString &labDir, const QStringList &statements)
{
    return test::rawSql(QDir(labDir).filePath(QStringLiteral("org.sqlite")), statements);
}

// The directory refuses every event on table (INSERT, UPDATE or DELETE), as a failing write would.
bool refuse(const QString &labDir, const QString &event, const QString &table)
{
    return execute(labDir, {QStringLiteral("CREATE TRIGGER refused BEFORE %1 ON %2 BEGIN SELECT "
                                           "RAISE(ABORT, 'refused by the test'); END")
                                .arg(event, table)});
}

} // namespace

class TestLabWriter : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_template;
    test::ManualClock m_clock;

    std::unique_ptr<Lab> freshLab(QTemporaryDir &dir)
    {
        if (!test::copyLab(m_template.path(), dir.path()))
            qFatal("the demo lab could not be copied");
        auto lab = Lab::open(dir.path());
        if (!lab)
            qFatal("%s", qPrintable(lab.error().toString()));
        return std::move(*lab);
    }

    // A copy of MBX1\SG1 on MBX3, added and running.
    static ScrCopyRecord runningCopy(Lab &lab)
    {
        auto copy = lab.addCopy(newCopy(lab));
        if (!copy)
            qFatal("%s", qPrintable(copy.error().toString()));
        return *copy;
    }

    static ScrCopyRecord newCopy(Lab &lab)
    {
        ScrCopyRecord copy;
        copy.storageGroupId = lab.directory().storageGroup(kSg).value()->id;
        copy.standbyMachine = QStringLiteral("MBX3");
        return copy;
    }

    // Whether the directory and the copy's worker both say the copy is suspended (or both say it is not).
    static bool suspendedInBoth(Lab &lab, const ScrCopyRecord &copy, bool suspended)
    {
        const CopyWorker *worker = lab.copyWorker(copy);
        return worker && worker->status().suspend == suspended &&
               lab.directory().copies()->front().suspended == suspended;
    }

    static DatabaseRecord databaseOf(Lab &lab)
    {
        return lab.directory().databases(lab.directory().storageGroup(kSg).value()->id)->front();
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(DemoLab::create(m_template.path(), m_clock).hasValue()); }

    void addCopyRunsItAndRemoveCopyStopsIt()
    {
        QTemporaryDir dir;
        auto lab = freshLab(dir);
        auto copy = lab->addCopy(newCopy(*lab));
        QVERIFY(copy.hasValue());
        QVERIFY(copy->id > 0);
        QCOMPARE(lab->directory().copies()->size(), std::size_t(1));
        QVERIFY(lab->copyWorker(*copy));
        // The replication service runs it: under mail flow, the source's closed logs are copied.
        QVERIFY(lab->startMailFlow(databaseOf(*lab).guid, 600, 100 * 1024).hasValue());
        QVERIFY(lab->stepSimulation(150 * 1000).hasValue());
        QVERIFY(lab->copyWorker(*copy)->status().lastLogCopied > 0);

        QVERIFY(lab->removeCopy(*copy).hasValue());
        QVERIFY(lab->directory().copies()->empty());
        QVERIFY(!lab->copyWorker(*copy));
    }

    void aCopyThatCannotStartLeavesNoRecord()
    {
        QTemporaryDir dir;
        auto lab = freshLab(dir);
        // A storage group without a database: no copy of it can run.
        StorageGroupRecord sg;
        sg.server = QStringLiteral("MBX1");
        sg.name = QStringLiteral("Empty");
        sg.logPrefix = QStringLiteral("E09");
        sg.logFolderPath = sg.systemFolderPath = QStringLiteral("C:\\Exchange\\Logs\\Empty");
        auto sgId = lab->addStorageGroup(sg);
        QVERIFY(sgId.hasValue());
        ScrCopyRecord copy = newCopy(*lab);
        copy.storageGroupId = *sgId;
        QVERIFY(!lab->addCopy(copy).hasValue());
        QVERIFY(lab->directory().copies()->empty());
    }

    void aCopyWhoseRecordDoesNotCommitStopsAgain()
    {
        QTemporaryDir dir;
        auto lab = freshLab(dir);
        // The record is written and the copy started, then the commit fails (a deferred foreign key):
        // neither the record nor a running worker is left.
        QVERIFY(execute(dir.path(),
                        {QStringLiteral("CREATE TABLE parent(id INTEGER PRIMARY KEY)"),
                         QStringLiteral("CREATE TABLE child(p INTEGER REFERENCES parent(id) DEFERRABLE "
                                        "INITIALLY DEFERRED)"),
                         QStringLiteral("CREATE TRIGGER late AFTER INSERT ON scr_copies BEGIN INSERT INTO "
                                        "child VALUES(NEW.id); END")}));
        ScrCopyRecord copy = newCopy(*lab);
        auto added = lab->addCopy(copy);
        QVERIFY(!added.hasValue());
        QVERIFY2(added.error().reason.contains(QStringLiteral("commit")),
                 qPrintable(added.error().toString()));
        QVERIFY(lab->directory().copies()->empty());
        copy.id = 1; // the id the failed insert had
        QVERIFY(!lab->copyWorker(copy));
    }

    void aRefusedRemoveKeepsTheCopyRunning()
    {
        QTemporaryDir dir;
        auto lab = freshLab(dir);
        const ScrCopyRecord copy = runningCopy(*lab);
        QVERIFY(refuse(dir.path(), QStringLiteral("DELETE"), QStringLiteral("scr_copies")));
        QVERIFY(!lab->removeCopy(copy).hasValue());
        QCOMPARE(lab->directory().copies()->size(), std::size_t(1));
        QVERIFY(lab->copyWorker(copy));
    }

    void aRefusedSuspendLeavesTheWorkerRunning()
    {
        QTemporaryDir dir;
        auto lab = freshLab(dir);
        const ScrCopyRecord copy = runningCopy(*lab);
        QVERIFY(refuse(dir.path(), QStringLiteral("UPDATE"), QStringLiteral("scr_copies")));
        QVERIFY(!lab->suspendCopy(copy, QStringLiteral("maintenance")).hasValue());
        QVERIFY(suspendedInBoth(*lab, copy, false));
    }

    void suspendAndResumeReachTheWorker()
    {
        QTemporaryDir dir;
        auto lab = freshLab(dir);
        const ScrCopyRecord copy = runningCopy(*lab);
        QVERIFY(lab->suspendCopy(copy, QStringLiteral("maintenance")).hasValue());
        QVERIFY(suspendedInBoth(*lab, copy, true));
        QVERIFY(lab->resumeCopy(copy).hasValue());
        QVERIFY(suspendedInBoth(*lab, copy, false));
    }

    void aRefusedDismountKeepsTheDatabaseMounted()
    {
        QTemporaryDir dir;
        auto lab = freshLab(dir);
        const DatabaseRecord db = databaseOf(*lab);
        QVERIFY(db.mounted);
        QVERIFY(lab->mountedDatabase(db.guid));
        QVERIFY(refuse(dir.path(), QStringLiteral("UPDATE"), QStringLiteral("databases")));
        QVERIFY(!lab->dismountDatabase(db).hasValue());
        QVERIFY(databaseOf(*lab).mounted);
        QVERIFY(lab->mountedDatabase(db.guid));
    }

    void dismountAndMountChangeBoth()
    {
        QTemporaryDir dir;
        auto lab = freshLab(dir);
        const DatabaseRecord db = databaseOf(*lab);
        QVERIFY(lab->dismountDatabase(db).hasValue());
        QVERIFY(!databaseOf(*lab).mounted);
        QVERIFY(!lab->mountedDatabase(db.guid));
        QVERIFY(lab->mountDatabase(databaseOf(*lab)).hasValue());
        QVERIFY(databaseOf(*lab).mounted);
        QVERIFY(lab->mountedDatabase(db.guid));
    }

    void aRefusedDiskSizeLeavesTheDiskAsItWas()
    {
        QTemporaryDir dir;
        auto lab = freshLab(dir);
        const QString host = QStringLiteral("MBX1");
        const qint64 before = lab->hostDisk(host).capacityBytes();
        const qint64 kept = lab->directory().host(host).value()->diskSizeBytes;
        QVERIFY(refuse(dir.path(), QStringLiteral("UPDATE"), QStringLiteral("hosts")));
        QVERIFY(!lab->setHostDiskSize(host, 500LL << 30).hasValue());
        QCOMPARE(lab->hostDisk(host).capacityBytes(), before);
        QCOMPARE(lab->directory().host(host).value()->diskSizeBytes, kept);
    }

    void aDiskSizeReachesTheDisk()
    {
        QTemporaryDir dir;
        auto lab = freshLab(dir);
        const QString host = QStringLiteral("MBX1");
        QVERIFY(lab->setHostDiskSize(host, 500LL << 30).hasValue());
        QCOMPARE(lab->hostDisk(host).capacityBytes(), 500LL << 30);
        QCOMPARE(lab->directory().host(host).value()->diskSizeBytes, 500LL << 30);
    }
};

QTEST_GUILESS_MAIN(TestLabWriter)
#include "tst_labwriter.moc"
