// The steps of one SCR copy's cycle, each on its own over real log files: the copier stops at a gap in the
// source's logs, the inspector sends a damaged copy back, the truncator keeps what is not yet replayed or
// too young, and the spare logs are capped and found again.

#include "replication/copycontext.h"
#include "replication/logcopier.h"
#include "replication/loginspector.h"
#include "replication/logtruncator.h"
#include "store/logfolder.h"
#include "store/logreplayer.h"
#include "store/logstream.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace scr;

namespace {

// A source log folder with closed generations, and one copy's steps wired as CopyWorker wires them.
struct Copy
{
    QTemporaryDir lab;
    test::ManualClock clock;
    CopyConfig config;
    std::vector<ReplicationEvent> events;
    CopyReport report{config, clock, [this](const ReplicationEvent &e) { events.push_back(e); }, {}};
    CopyFiles files{config};
    CopyContext context{config, clock, files, report};
    SpareLogs spares{files};
    LogCopier copier{context, spares};

    Copy()
    {
        config.sourceDisk = config.targetDisk = test::tempDisk();
        config.identity = QStringLiteral("MBX1\\SG1");
        config.standbyMachine = QStringLiteral("MBX3");
        config.sourceLogFolder = lab.filePath(QStringLiteral("MBX1/Logs"));
        config.targetLogFolder = lab.filePath(QStringLiteral("MBX3/Logs"));
        config.targetEdbPath = lab.filePath(QStringLiteral("MBX3/Data/DB1.edb"));
        config.databaseGuid = QUuid::createUuid();
        config.replayLagMs = 0;
        QDir().mkpath(config.targetLogFolder);
    }
    // Closes generations 1..closed at the source, each holding one record.
    bool writeSource(uint32_t closed)
    {
        auto stream = LogStream::open(config.sourceDisk, config.sourceLogFolder, config.prefix, clock);
        if (!stream)
            return false;
        while ((*stream)->generation() <= closed) {
            if (!(*stream)->append(RecordType::DeleteMessage, QByteArray(64, 'x'), clock.nowMs()) ||
                !(*stream)->flush() || !(*stream)->startNextGeneration())
                return false;
            clock.advance(1000);
        }
        return true;
    }
    std::vector<uint32_t> closedIn(const QString &folder) const
    {
        auto listing = listLogFolder(config.targetDisk, folder, config.prefix);
        return listing ? listing->closedGenerations : std::vector<uint32_t>{};
    }
    bool hasEvent(int id) const
    {
        return std::any_of(events.begin(), events.end(),
                           [id](const ReplicationEvent &e) { return e.id == id; });
    }
};

} // namespace

class TestCopySteps : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void copierStopsAtAGapInTheSource()
    {
        Copy copy;
        QVERIFY(copy.writeSource(6));
        QVERIFY(QFile::remove(copy.files.sourcePath(4)));

        QVERIFY(copy.copier.copyLogs().hasValue());
        const CopyStatus &status = copy.report.status();
        QCOMPARE(status.lastLogGenerated, 6u);
        QCOMPARE(status.lastLogCopied, 3u); // in order: nothing after the gap
        QCOMPARE(copy.closedIn(copy.files.inspectorFolder()), (std::vector<uint32_t>{1, 2, 3}));
        QVERIFY(status.failed);
        QCOMPARE(status.failedEventId, 2104);
        QVERIFY2(status.failedMessage.contains(QStringLiteral("generation 4 (E0000000004.log) is missing at "
                                                              "the source")),
                 qPrintable(status.failedMessage));
        QVERIFY(copy.report.permanentFailure());
    }

    void inspectorSendsADamagedCopyBack()
    {
        Copy copy;
        LogReplayer database(copy.config.targetDisk, copy.config.targetEdbPath, copy.config.databaseGuid);
        LogInspector inspector(copy.context, database);
        QVERIFY(copy.writeSource(4));
        QVERIFY(copy.copier.copyLogs().hasValue());
        QCOMPARE(copy.report.status().lastLogCopied, 4u);
        QVERIFY(test::flipByte(copy.files.inspectorPath(3), 20)); // its header no longer matches its checksum

        QVERIFY(inspector.inspectLogs().hasValue());
        QCOMPARE(copy.report.status().lastLogInspected, 2u);
        QCOMPARE(copy.report.status().lastLogCopied, 2u); // for the copier to fetch again
        QCOMPARE(copy.closedIn(copy.config.targetLogFolder), (std::vector<uint32_t>{1, 2}));
        QVERIFY(!QFile::exists(copy.files.inspectorPath(3)));
        QVERIFY(copy.hasEvent(2106));
        QVERIFY(!copy.report.status().failed);

        QVERIFY(copy.copier.copyLogs().hasValue());
        QVERIFY(inspector.inspectLogs().hasValue());
        QCOMPARE(copy.report.status().lastLogInspected, 4u);
        QCOMPARE(copy.closedIn(copy.config.targetLogFolder), (std::vector<uint32_t>{1, 2, 3, 4}));
    }

    void truncatorKeepsWhatIsNotReplayedOrTooYoung()
    {
        Copy copy;
        LogReplayer database(copy.config.targetDisk, copy.config.targetEdbPath, copy.config.databaseGuid);
        LogInspector inspector(copy.context, database);
        LogTruncator truncator(copy.context, copy.spares);
        QVERIFY(copy.writeSource(6));
        QVERIFY(copy.copier.copyLogs().hasValue());
        QVERIFY(inspector.inspectLogs().hasValue());
        auto listed = listLogFolder(copy.config.targetDisk, copy.config.targetLogFolder, copy.config.prefix);
        QVERIFY(listed.hasValue());
        truncator.loadPosition(*listed, copy.report.status().lastLogInspected);
        QCOMPARE(truncator.lowestKept(), 1u);

        copy.config.truncationLagMs = 3600 * 1000; // every log is younger than an hour
        truncator.truncateLogs(4);
        QCOMPARE(copy.closedIn(copy.config.targetLogFolder), (std::vector<uint32_t>{1, 2, 3, 4, 5, 6}));

        copy.config.truncationLagMs = 0;
        truncator.truncateLogs(4); // 4 replayed: the database's Log Required starts there
        QCOMPARE(copy.closedIn(copy.config.targetLogFolder), (std::vector<uint32_t>{4, 5, 6}));
        QCOMPARE(truncator.lowestKept(), 4u);
        QVERIFY(QFile::exists(copy.files.inspectorFolder() + QStringLiteral("/spare-1.tmp")));
    }

    void spareLogsAreCappedAndFoundAgain()
    {
        Copy copy;
        QVERIFY(QDir().mkpath(copy.files.inspectorFolder()));
        const auto make = [&](const QString &path) {
            QFile f(path);
            return f.open(QIODevice::WriteOnly) && f.write("log") == 3;
        };
        for (uint32_t gen = 1; gen <= SpareLogs::kMaxSpares; ++gen) {
            QVERIFY(make(copy.files.targetPath(gen)));
            QVERIFY(copy.spares.keep(gen, copy.files.targetPath(gen)));
        }
        const uint32_t extra = SpareLogs::kMaxSpares + 1;
        QVERIFY(make(copy.files.targetPath(extra)));
        QVERIFY(!copy.spares.keep(extra, copy.files.targetPath(extra)));
        QVERIFY(QFile::exists(copy.files.targetPath(extra))); // not kept: still where it was
        QVERIFY(
            make(copy.files.inspectorFolder() + QStringLiteral("/E0000000009.log.tmp"))); // a copy cut short

        SpareLogs again(copy.files); // a new process
        again.reload();
        QVERIFY(!QFile::exists(copy.files.inspectorFolder() + QStringLiteral("/E0000000009.log.tmp")));
        for (std::size_t i = 0; i < SpareLogs::kMaxSpares; ++i) {
            const QString spare = again.take();
            QVERIFY(spare.contains(QStringLiteral("/spare-")));
            QVERIFY(QFile::exists(spare));
        }
        QVERIFY(again.take().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCopySteps)
#include "tst_copysteps.moc"
