// Thin logs through scr-shell (README, "What is real, what is described"): under mail flow every log is
// 1 MiB to dir and eseutil /ml while the file holds a block or two; mailbox statistics count the described
// bodies' logical sizes; SCR's copies are as thin as their sources; and Invoke-Fault CorruptLog without
// -Offset hits a stored byte of a record, which eseutil /ml then reports.

#include "store/logformat.h"
#include "testsupport.h"

#include <sys/stat.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace scr;

namespace {

constexpr qint64 kMessageBytes = 100 * 1024; // -MessageSizeKB 100
const QString kLogs = QStringLiteral("C:\\Exchange\\Logs\\SG1\\");

test::ProcessRun shell(const QStringList &args)
{
    return test::runProcess(QStringLiteral(SCR_SHELL), args, 120000);
}

test::ProcessRun shell(const QString &lab, const QString &script)
{
    return shell({QStringLiteral("--lab"), lab, QStringLiteral("-c"), script});
}

QString describe(const test::ProcessRun &r)
{
    return QStringLiteral("exit %1\n%2\n%3").arg(r.exitCode).arg(r.out, r.err);
}

qint64 allocatedBytes(const QString &path)
{
    struct stat st
    {};
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? qint64(st.st_blocks) * 512 : -1;
}

// The Sum of each Measure-Object in the output, in order.
QList<qint64> sums(const QString &out)
{
    QList<qint64> found;
    auto it = QRegularExpression(QStringLiteral("Sum\\s+: (\\d+)")).globalMatch(out);
    while (it.hasNext())
        found << it.next().captured(1).toLongLong();
    return found;
}

const QString kStatistics =
    QStringLiteral("Get-MailboxStatistics -Database MBX1\\SG1\\DB1 | Measure-Object ItemCount -Sum; "
                   "Get-MailboxStatistics -Database MBX1\\SG1\\DB1 | Measure-Object TotalItemSize -Sum");

} // namespace

class TestThinLogs : public QObject
{
    Q_OBJECT
    QTemporaryDir m_tmp;

    // A demo lab made by scr-shell --new-demo, in a folder of its own (removed with the test's
    // QTemporaryDir).
    QString newDemo(const char *name)
    {
        const QString lab = m_tmp.filePath(QLatin1String(name));
        const test::ProcessRun made = shell({QStringLiteral("--new-demo"), lab});
        if (made.exitCode != 0) {
            qWarning("%s", qPrintable(describe(made)));
            return {};
        }
        return lab;
    }
    QString localLogs(const QString &lab, const char *host) const
    {
        return lab + QStringLiteral("/hosts/") + QLatin1String(host) + QStringLiteral("/C/Exchange/Logs/SG1");
    }

private Q_SLOTS:
    // dir and eseutil /ml see 1 MiB logs; the files hold a block or two; statistics grow by 100 KB a message.
    void dirAndEseutilSeeWholeLogs()
    {
        const QString lab = newDemo("whole");
        QVERIFY(!lab.isEmpty());
        test::ProcessRun r = shell(lab, kStatistics);
        QVERIFY2(r.exitCode == 0 && sums(r.out).size() == 2, qPrintable(describe(r)));
        const QList<qint64> before = sums(r.out);
        r = shell(lab,
                  QStringLiteral("Start-MailFlow MBX1\\SG1\\DB1 -MessagesPerMinute 600 -MessageSizeKB 100; "
                                 "Step-Simulation 0.00:00:30; Stop-MailFlow MBX1\\SG1\\DB1; ") +
                      kStatistics);
        QVERIFY2(r.exitCode == 0 && sums(r.out).size() == 2, qPrintable(describe(r)));
        const QList<qint64> after = sums(r.out);
        const qint64 items = after[0] - before[0];
        QVERIFY2(items > 0 && items <= 300, qPrintable(describe(r))); // what the file holds (applied lazily)
        QCOMPARE(after[1] - before[1], items * kMessageBytes);

        // 300 messages of 100 KB: about 30 generations, each 1 MiB to dir.
        r = shell(lab, QStringLiteral("Enter-PSSession MBX1; dir ") + kLogs);
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
        QStringList closed;
        auto it =
            QRegularExpression(QStringLiteral("\\s(\\d+)\\s+(E00[0-9A-F]{8}\\.log)\\n")).globalMatch(r.out);
        while (it.hasNext()) {
            const QRegularExpressionMatch m = it.next();
            QVERIFY2(m.captured(1) == QStringLiteral("1048576"), qPrintable(m.captured(0)));
            closed << m.captured(2);
        }
        QVERIFY2(closed.size() >= 25 && closed.size() <= 35, qPrintable(r.out));
        QVERIFY2(r.out.contains(QRegularExpression(QStringLiteral("\\s1048576\\s+E00\\.log\\n"))),
                 qPrintable(r.out));
        // Generation 1 holds the demo's own messages, whose bodies are stored: the flow's are described.
        QCOMPARE(closed.front(), logFileName(QStringLiteral("E00"), 1));
        for (const QString &name : closed.mid(1)) {
            const QString path = localLogs(lab, "MBX1") + QLatin1Char('/') + name;
            QCOMPARE(QFileInfo(path).size(), kLogFileSize);
            QVERIFY2(allocatedBytes(path) > 0 && allocatedBytes(path) <= 8192,
                     qPrintable(QStringLiteral("%1: %2").arg(name).arg(allocatedBytes(path))));
        }

        // eseutil /ml reads a full generation of the flow: ten messages, each 100 KB of the 1 MiB.
        const QString victim = closed.at(closed.size() - 2);
        r = shell(lab, QStringLiteral("Enter-PSSession MBX1; eseutil /ml ") + kLogs + victim);
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
        QVERIFY2(r.out.contains(QStringLiteral("Records: 10 (DeliverMessage 10)\n")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("Integrity check passed for log file: ") + kLogs + victim),
                 qPrintable(r.out));
    }

    // SCR's copies keep the holes: each is as thin as the source's same generation.
    void copiesAreAsThinAsTheirSources()
    {
        const QString lab = newDemo("copies");
        QVERIFY(!lab.isEmpty());
        test::ProcessRun r =
            shell(lab, QStringLiteral(
                           "Enable-StorageGroupCopy MBX1\\SG1 -StandbyMachine MBX3 -ReplayLagTime 0.0:0:0; "
                           "Start-MailFlow MBX1\\SG1\\DB1 -MessagesPerMinute 600 -MessageSizeKB 100; "
                           "Step-Simulation 0.00:03:00"));
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
        const QDir copies(localLogs(lab, "MBX3"));
        const QStringList names = copies.entryList({QStringLiteral("E00????????.log")}, QDir::Files);
        int compared = 0;
        for (const QString &name : names) {
            const QString source = localLogs(lab, "MBX1") + QLatin1Char('/') + name;
            if (!QFileInfo::exists(source) || name == logFileName(QStringLiteral("E00"), 1)) // the demo's
                continue;
            const QString copy = copies.filePath(name);
            QCOMPARE(QFileInfo(copy).size(), kLogFileSize);
            const qint64 used = allocatedBytes(copy);
            QVERIFY2(used > 0 && used <= allocatedBytes(source) && used <= 16 * 1024,
                     qPrintable(QStringLiteral("%1: %2 bytes, the source %3")
                                    .arg(name)
                                    .arg(used)
                                    .arg(allocatedBytes(source))));
            QCOMPARE(test::fileFingerprint(copy), test::fileFingerprint(source));
            ++compared;
        }
        // Replay holds the last 50 back: at least those are on MBX3.
        QVERIFY2(compared >= 50, qPrintable(QStringLiteral("%1 of %2").arg(compared).arg(names.join(u' '))));
    }

    // Without -Offset, CorruptLog flips a stored byte of a record and says which; eseutil /ml reports it.
    // -Offset still names the byte.
    void corruptLogHitsAStoredByte()
    {
        const QString lab = newDemo("corrupt");
        QVERIFY(!lab.isEmpty());
        test::ProcessRun r = shell(lab, QStringLiteral("Start-MailFlow MBX1\\SG1\\DB1 -MessagesPerMinute 600 "
                                                       "-MessageSizeKB 100; Step-Simulation 0.00:00:10; "
                                                       "Stop-MailFlow MBX1\\SG1\\DB1"));
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
        const QString name = logFileName(QStringLiteral("E00"), 3);
        const QString local = localLogs(lab, "MBX1") + QLatin1Char('/') + name;
        QFile file(local);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray before = file.readAll();
        file.close();
        QCOMPARE(before.size(), kLogFileSize);
        r = shell(lab, QStringLiteral("Enter-PSSession MBX1; eseutil /ml ") + kLogs + name);
        QVERIFY2(r.exitCode == 0 && r.out.contains(QStringLiteral("Integrity check passed")),
                 qPrintable(describe(r)));

        r = shell(lab, QStringLiteral("Invoke-Fault CorruptLog -Server MBX1 -Path ") + kLogs + name);
        QVERIFY2(r.exitCode == 0, qPrintable(describe(r)));
        const QRegularExpressionMatch said =
            QRegularExpression(QStringLiteral("Corrupted byte (\\d+) of (\\S+) on MBX1\\.")).match(r.out);
        QVERIFY2(said.hasMatch(), qPrintable(describe(r)));
        QCOMPARE(said.captured(2).compare(kLogs + name, Qt::CaseInsensitive), 0);
        const qint64 offset = said.captured(1).toLongLong();
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray after = file.readAll();
        file.close();
        // That byte, and only that one, changed: a non-zero byte of the records, past the stored header.
        QCOMPARE(after.size(), before.size());
        QVERIFY2(offset >= kPackedRecordsStart && offset < 4096, qPrintable(QString::number(offset)));
        QVERIFY(before[offset] != 0 && after[offset] != before[offset]);
        QCOMPARE(after.left(offset) + after.mid(offset + 1), before.left(offset) + before.mid(offset + 1));
        r = shell(lab, QStringLiteral("Enter-PSSession MBX1; eseutil /ml ") + kLogs + name);
        QVERIFY2(r.exitCode != 0, qPrintable(describe(r)));
        QVERIFY2(r.err.contains(QStringLiteral("generation 3 is corrupt at (0x3,")), qPrintable(describe(r)));
        QVERIFY2(!r.out.contains(QStringLiteral("Integrity check passed")), qPrintable(describe(r)));

        // -Offset is kept: here it falls in the hole, which must hold zeros after the last record.
        const QString other = logFileName(QStringLiteral("E00"), 4);
        r = shell(lab, QStringLiteral("Invoke-Fault CorruptLog -Server MBX1 -Path %1%2 -Offset 300000; "
                                      "Enter-PSSession MBX1; eseutil /ml %1%2")
                           .arg(kLogs, other));
        QVERIFY2(r.out.contains(QStringLiteral("Corrupted byte 300000 of ")), qPrintable(describe(r)));
        QVERIFY2(r.err.contains(QStringLiteral("bytes follow the last record")), qPrintable(describe(r)));
        QVERIFY2(r.err.contains(QStringLiteral("generation 4 is corrupt")), qPrintable(describe(r)));
    }
};

QTEST_GUILESS_MAIN(TestThinLogs)
#include "tst_thinlogs.moc"
