// LabWorker: the lab on a thread of its own, driven by queued calls and heard by signals, as the console uses
// it: it opens, runs scripts, reports snapshots, forwards events, and in running mode moves the virtual clock
// and replicates.

#include "core/clock.h"
#include "lab/demolab.h"
#include "lab/labworker.h"
#include "models/queuehistory.h"

#include <cmath>

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace scr;

namespace {

// The real-time clock a LabWorker measures its ticks on, moved by the test. costPerReadMs makes a slow
// machine: every look at the clock (one per simulation step, as the tick checks its budget) costs that much
// real time, whatever this machine's speed.
class SteppedRealTime final : public Clock
{
public:
    qint64 nowMs() const override { return m_now += m_costPerReadMs; }
    void advance(qint64 ms) { m_now += ms; }
    void setCostPerRead(qint64 ms) { m_costPerReadMs = ms; }

private:
    mutable qint64 m_now = 1'000'000;
    qint64 m_costPerReadMs = 0;
};

const CopySnapshot *copyOf(const LabSnapshot &s, const QString &identity)
{
    for (const StorageGroupSnapshot &sg : s.storageGroups)
        if (sg.record.identity() == identity && !sg.copies.empty())
            return &sg.copies.front();
    return nullptr;
}

} // namespace

class TestLabWorker : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase() { QVERIFY(DemoLab::create(m_dir.path(), SystemClock::instance()).hasValue()); }

    void refusesAFolderThatIsNotALab()
    {
        QTemporaryDir empty;
        LabWorker worker(empty.path());
        QSignalSpy opened(&worker, &LabWorker::opened);
        worker.open();
        QCOMPARE(opened.count(), 1);
        QCOMPARE(opened.at(0).at(0).toBool(), false);
        QVERIFY(opened.at(0).at(1).toString().contains(QStringLiteral("org.sqlite")));
    }

    void runsOnItsOwnThread()
    {
        QThread thread;
        auto *worker = new LabWorker(m_dir.path());
        worker->moveToThread(&thread);
        connect(&thread, &QThread::finished, worker, &QObject::deleteLater);
        thread.start();
        // Heard on this thread, through queued connections, as the console hears them.
        std::vector<std::pair<bool, QString>> opened;
        std::vector<LabSnapshot> snapshots;
        std::vector<std::tuple<qint64, bool, QString>> finished;
        std::vector<QString> printed; // what each finished script printed
        int loaded = 0;
        int events = 0;
        connect(worker, &LabWorker::opened, this,
                [&](bool ok, const QString &why) { opened.emplace_back(ok, why); });
        connect(worker, &LabWorker::eventsLoaded, this, [&] { ++loaded; });
        connect(worker, &LabWorker::eventRecorded, this, [&] { ++events; });
        connect(worker, &LabWorker::snapshotReady, this,
                [&](const LabSnapshot &s) { snapshots.push_back(s); });
        connect(worker, &LabWorker::scriptFinished, this, [&](qint64 id, const ems::ScriptOutput &out) {
            finished.emplace_back(id, out.ok, out.errorText());
            printed.push_back(out.text);
        });
        QMetaObject::invokeMethod(worker, &LabWorker::open, Qt::QueuedConnection);
        QTRY_VERIFY_WITH_TIMEOUT(!opened.empty() && !snapshots.empty(), 10000);
        QVERIFY2(opened.front().first, qPrintable(opened.front().second));
        QCOMPARE(snapshots.back().hosts.size(), std::size_t(4));
        QCOMPARE(snapshots.back().storageGroups.size(), std::size_t(6));
        QCOMPARE(loaded, 1);

        QMetaObject::invokeMethod(worker, [worker] {
            worker->runScript(7, QStringLiteral("Enable-StorageGroupCopy MBX1\\SG1 -StandbyMachine MBX3 "
                                                "-ReplayLagTime 0.0:0:0; Start-MailFlow MBX1\\SG1\\DB1 "
                                                "-MessagesPerMinute 120"));
        });
        QTRY_VERIFY_WITH_TIMEOUT(!finished.empty(), 10000);
        QCOMPARE(std::get<0>(finished.front()), 7);
        QVERIFY2(std::get<1>(finished.front()), qPrintable(std::get<2>(finished.front())));
        QTRY_VERIFY(events > 0); // 2090: the copy started
        QTRY_VERIFY(copyOf(snapshots.back(), QStringLiteral("MBX1\\SG1")));

        // Running mode: at 600x, a quarter of a real second is two and a half virtual minutes of mail.
        const qint64 before = snapshots.back().nowMs;
        QMetaObject::invokeMethod(worker, [worker] {
            worker->setSpeed(600);
            worker->setRunning(true);
        });
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const LabSnapshot &s = snapshots.back();
                const CopySnapshot *c = copyOf(s, QStringLiteral("MBX1\\SG1"));
                return s.running && s.nowMs > before + 60000 && c && c->status.lastLogInspected >= 5;
            }(),
            20000);
        QMetaObject::invokeMethod(worker, [worker] { worker->setRunning(false); });
        QTRY_VERIFY_WITH_TIMEOUT(!snapshots.back().running, 20000);

        // A refused command comes back as a failure with the reason.
        finished.clear();
        QMetaObject::invokeMethod(worker,
                                  [worker] { worker->runScript(8, QStringLiteral("Get-Mailbox nobody")); });
        QTRY_VERIFY_WITH_TIMEOUT(!finished.empty(), 10000);
        QCOMPARE(std::get<1>(finished.front()), false);
        QVERIFY(std::get<2>(finished.front()).contains(QStringLiteral("no such mailbox")));
        // What is typed in the shell pane runs as EMS does, on past a failure; the console's wizards and
        // actions (stopAtFirstError) stop at it, and still report it.
        const QString twoStatements = QStringLiteral("Get-Mailbox nobody; Get-ExchangeServer MBX2 | fl Name");
        for (const bool stop : {false, true}) {
            finished.clear();
            printed.clear();
            QMetaObject::invokeMethod(worker, [worker, twoStatements, stop] {
                worker->runScript(stop ? 10 : 9, twoStatements, stop);
            });
            QTRY_VERIFY_WITH_TIMEOUT(!finished.empty(), 10000);
            QCOMPARE(std::get<1>(finished.front()), false);
            QVERIFY(std::get<2>(finished.front()).contains(QStringLiteral("no such mailbox")));
            QCOMPARE(printed.front().contains(QStringLiteral("Name : MBX2")), !stop);
        }
        // One process at a time on a lab: a second opener is refused, naming the holder.
        LabWorker second(m_dir.path());
        QSignalSpy refused(&second, &LabWorker::opened);
        second.open();
        QCOMPARE(refused.at(0).at(0).toBool(), false);
        QVERIFY2(refused.at(0).at(1).toString().contains(QStringLiteral("is open in another process")),
                 qPrintable(refused.at(0).at(1).toString()));
        thread.quit();
        QVERIFY(thread.wait(10000));
    }

    void achievedSpeedIsMeasuredOnTheClock_data()
    {
        QTest::addColumn<double>("speed");
        QTest::addColumn<int>("costPerReadMs");
        QTest::newRow("unloaded 60x") << 60.0 << 0;
        QTest::newRow("unloaded 3600x") << 3600.0 << 0;
        QTest::newRow("slow machine 3600x") << 3600.0 << 40;
        QTest::newRow("slow machine 86400x") << 86400.0 << 100;
    }
    void achievedSpeedIsMeasuredOnTheClock()
    {
        // A lab of its own, so this runs alone and in any order.
        QFETCH(double, speed);
        QFETCH(int, costPerReadMs);
        QTemporaryDir dir;
        QVERIFY(DemoLab::create(dir.path(), SystemClock::instance()).hasValue());
        SteppedRealTime realTime;
        LabWorker worker(dir.path(), realTime);
        std::vector<std::pair<double, double>> measured; // (requested, achieved), as the console hears them
        connect(&worker, &LabWorker::speedMeasured, this,
                [&](double requested, double achieved) { measured.emplace_back(requested, achieved); });
        worker.open();
        worker.setSpeed(speed);
        QCOMPARE(measured.back(), std::make_pair(speed, 0.0)); // nothing measured yet
        realTime.setCostPerRead(costPerReadMs);
        const qint64 realStart = realTime.nowMs();
        const qint64 virtualStart = worker.snapshot().nowMs;
        constexpr int kTicks = 24; // six real seconds at a tick a quarter second: more than the window
        for (int i = 0; i < kTicks; ++i) {
            realTime.advance(LabWorker::kTickMs); // the timer's interval between ticks
            worker.tick();
        }
        const double overall = static_cast<double>(worker.snapshot().nowMs - virtualStart) /
                               static_cast<double>(realTime.nowMs() - realStart);
        QCOMPARE(measured.back().first, speed);
        const double achieved = measured.back().second;
        QCOMPARE(achieved, worker.achievedSpeed());
        const QString why = QStringLiteral("asked %1x, achieved %2x, the virtual clock moved at %3x")
                                .arg(speed)
                                .arg(achieved)
                                .arg(overall);
        if (costPerReadMs == 0) {
            // No load: every tick advances what its real time times the speed asks.
            QVERIFY2(std::abs(achieved - speed) <= 0.02 * speed, qPrintable(why));
        } else {
            // A machine that cannot keep up: the figure is what the virtual clock did, not what was asked.
            QVERIFY2(achieved > 0 && achieved < 0.5 * speed, qPrintable(why));
            QVERIFY2(std::abs(achieved - overall) <= 0.1 * overall, qPrintable(why));
        }
        // Paused, nothing is achieved; the next run measures afresh.
        worker.setRunning(false);
        QCOMPARE(measured.back(), std::make_pair(speed, 0.0));
    }

    void aRestartChartsThePast()
    {
        // A lab of its own that replicated for three virtual minutes (a status sample a virtual minute),
        // closed; opened again, the status history comes back for the chart.
        QTemporaryDir dir;
        QVERIFY(DemoLab::create(dir.path(), SystemClock::instance()).hasValue());
        qint64 copyId = 0;
        {
            LabWorker first(dir.path());
            std::vector<std::tuple<qint64, bool, QString>> finished;
            connect(&first, &LabWorker::scriptFinished, this, [&](qint64 id, const ems::ScriptOutput &out) {
                finished.emplace_back(id, out.ok, out.errorText());
            });
            first.open();
            first.runScript(1, QStringLiteral("Enable-StorageGroupCopy MBX1\\SG1 -StandbyMachine MBX3 "
                                              "-ReplayLagTime 0.0:0:0; Start-MailFlow MBX1\\SG1\\DB1 "
                                              "-MessagesPerMinute 120; Step-Simulation 0.00:03:00"));
            QCOMPARE(finished.size(), std::size_t(1)); // a worker on this thread runs it at once
            QVERIFY2(std::get<1>(finished.front()), qPrintable(std::get<2>(finished.front())));
            const LabSnapshot snapshot = first.snapshot();
            const CopySnapshot *copy = copyOf(snapshot, QStringLiteral("MBX1\\SG1"));
            QVERIFY(copy);
            copyId = copy->record.id;
        }
        LabWorker again(dir.path());
        std::vector<StatusSample> history;
        bool loaded = false;
        connect(&again, &LabWorker::historyLoaded, this, [&](const std::vector<StatusSample> &samples) {
            history = samples;
            loaded = true;
        });
        again.open();
        QVERIFY(loaded);
        // One sample a virtual minute of the three (the first may fall at the start).
        QVERIFY2(history.size() >= 3, qPrintable(QString::number(history.size())));
        for (const StatusSample &s : history)
            QCOMPARE(s.copyId, copyId);
        QueueHistory queues;
        queues.addSamples(history);
        QCOMPARE(queues.size(copyId), history.size());
    }
};

QTEST_GUILESS_MAIN(TestLabWorker)
#include "tst_labworker.moc"
