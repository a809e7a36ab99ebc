// Crash safety: a child process writes messages to a mounted database under load and is killed with SIGKILL
// at a random moment, 50 times (seeded, so a failure can be replayed). After each kill, eseutil /r brings the
// database to exactly a prefix of the message sequence that contains every acknowledged message: nothing
// acknowledged is lost, nothing torn is applied. The only messages beyond the acknowledged ones may be those
// of the one group commit that was flushed but not yet acknowledged when the kill came.

#include "store/database.h"
#include "store/recovery.h"
#include "testsupport.h"

#include <csignal>
#include <sys/types.h>

#include <QElapsedTimer>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace scr;

namespace {
const QUuid kMailbox(QStringLiteral("{6f1c2a3e-0000-4000-8000-0000000000a1}"));
constexpr int kMaxBatch = 8;
} // namespace

class TestCrashSafety : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void killNineFiftyTimes()
    {
        const quint32 seed = qEnvironmentVariableIsSet("SCR_CRASH_SEED")
                                 ? qEnvironmentVariable("SCR_CRASH_SEED").toUInt()
                                 : 20261125u;
        const int rounds = qEnvironmentVariableIsSet("SCR_CRASH_ROUNDS")
                               ? qEnvironmentVariableIntValue("SCR_CRASH_ROUNDS")
                               : 50;
        qInfo("seed %u, %d rounds (set SCR_CRASH_SEED / SCR_CRASH_ROUNDS to replay or extend)", seed, rounds);
        QRandomGenerator rng(seed);
        QTemporaryDir lab;
        const QString logs = lab.filePath(QStringLiteral("Logs/SG1"));
        const QString edb = lab.filePath(QStringLiteral("Data/SG1/DB1.edb"));
        qint64 verified = 0; // messages 0..verified-1 are known good
        int killedWithAcks = 0;
        for (int round = 0; round < rounds; ++round) {
            QProcess child;
            child.setProgram(QStringLiteral(SCR_CRASH_WRITER));
            child.setArguments({logs, edb, QString::number(verified), QString::number(rng.generate())});
            child.setProcessChannelMode(QProcess::SeparateChannels);
            const int delayMs = static_cast<int>(rng.bounded(300u));
            QElapsedTimer clock;
            child.start();
            QVERIFY(child.waitForStarted());
            clock.start();
            QByteArray out;
            while (clock.elapsed() < delayMs && child.state() == QProcess::Running) {
                child.waitForReadyRead(static_cast<int>(std::max<qint64>(1, delayMs - clock.elapsed())));
                out += child.readAllStandardOutput();
            }
            QVERIFY2(child.state() == QProcess::Running,
                     qPrintable(QStringLiteral("round %1: the writer died by itself: %2")
                                    .arg(round)
                                    .arg(QString::fromLocal8Bit(child.readAllStandardError()))));
            ::kill(static_cast<pid_t>(child.processId()), SIGKILL);
            QVERIFY(child.waitForFinished(10000));
            out += child.readAllStandardOutput();

            qint64 maxAck = verified - 1;
            for (const QByteArray &line : out.split('\n'))
                if (line.startsWith("ack "))
                    maxAck = line.mid(4).toLongLong();
            if (maxAck >= verified)
                ++killedWithAcks;

            RecoveryOptions options;

            options.disk = test::tempDisk();
            options.logFolder = options.systemFolder = logs;
            options.databasePath = edb;
            auto report = Recovery::run(options, SystemClock::instance());
            if (!report) {
                // Killed before the first log was even made: there is nothing to recover, and nothing was
                // acked.
                QVERIFY2(
                    report.error().code == JetCode::FileNotFound && maxAck < 0,
                    qPrintable(QStringLiteral("round %1: %2").arg(round).arg(report.error().toString())));
                continue;
            }
            auto db = Database::open(test::tempDisk(), edb, Database::Access::ReadOnly);
            QVERIFY(db.hasValue());
            QCOMPARE((*db)->header().state, DatabaseState::CleanShutdown);
            auto ids = (*db)->messageIds();
            QVERIFY(ids.hasValue());
            const qint64 count = static_cast<qint64>(ids->size());
            const QString where = QStringLiteral("round %1 (kill after %2 ms): %3 messages, last ack %4")
                                      .arg(round)
                                      .arg(delayMs)
                                      .arg(count)
                                      .arg(maxAck);
            QVERIFY2(count >= maxAck + 1,
                     qPrintable(where + QStringLiteral(": an acknowledged message was lost")));
            QVERIFY2(count <= maxAck + 1 + kMaxBatch,
                     qPrintable(where + QStringLiteral(": more than one batch beyond the acks")));
            for (qint64 n = 0; n < count; ++n)
                QVERIFY2(ids->at(static_cast<std::size_t>(n)) == test::messageId(1, n),
                         qPrintable(where + QStringLiteral(": not a prefix at %1").arg(n)));
            for (qint64 n = verified; n < count; ++n) {
                auto m = (*db)->message(test::messageId(1, n));
                QVERIFY(m.hasValue() && m->has_value());
                QVERIFY2((*m)->body == test::makeMessage(kMailbox, 1, n).body,
                         qPrintable(where + QStringLiteral(": message %1 is torn").arg(n)));
            }
            verified = count;
        }
        qInfo("%lld messages survived %d kills; %d kills came after at least one acknowledgement", verified,
              rounds, killedWithAcks);
        QVERIFY2(killedWithAcks >= rounds / 2,
                 "most kills should strike while messages are being acknowledged");
    }
};

QTEST_GUILESS_MAIN(TestCrashSafety)
#include "tst_crashsafety.moc"
