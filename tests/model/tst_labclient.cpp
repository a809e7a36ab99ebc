// LabClient, as LocalLabClient implements it (issue 23): the one seam between a window and the lab. A
// script's answer comes by its request id as a structured value (the objects each statement wrote, every
// Error); onLab's work runs on the lab's thread and its done back on the client's; a client that is gone
// (another lab opened) delivers nothing late; health is judged on every snapshot, and again at once when
// the thresholds change. A demo lab is made off the caller's thread (DemoLabJob).

#include "client/demolabjob.h"
#include "client/locallabclient.h"
#include "core/clock.h"
#include "lab/demolab.h"
#include "lab/lab.h"
#include "labfixture.h"

#include <map>
#include <memory>

#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace scr;

class TestLabClient : public QObject
{
    Q_OBJECT
    QTemporaryDir m_template;
    std::unique_ptr<QTemporaryDir> m_dir;

    // A client on a fresh copy of the demo lab, opened.
    std::unique_ptr<LocalLabClient> openClient(const QString &dir)
    {
        auto client = std::make_unique<LocalLabClient>(dir);
        QSignalSpy opened(client.get(), &LabClient::opened);
        QSignalSpy snapshot(client.get(), &LabClient::snapshotReady);
        client->open();
        if (!opened.wait(20000) || !opened.at(0).at(0).toBool())
            return nullptr;
        if (snapshot.isEmpty() && !snapshot.wait(10000))
            return nullptr;
        return client;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(DemoLab::create(m_template.path(), SystemClock::instance()).hasValue()); }
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(test::copyLab(m_template.path(), m_dir->path()));
    }
    void cleanup() { m_dir.reset(); }

    void eachScriptIsAnsweredByItsIdWithObjectsAndErrors()
    {
        const auto client = openClient(m_dir->path());
        QVERIFY(client);
        QSignalSpy started(client.get(), &LabClient::scriptStarted);
        std::map<qint64, ems::ScriptOutput> answers;
        connect(client.get(), &LabClient::scriptFinished, this,
                [&](qint64 id, const ems::ScriptOutput &out) { answers[id] = out; });
        const QString failing = QStringLiteral("Get-Nothing; Get-ExchangeServer MBX2");
        const qint64 first = client->run(QStringLiteral("Get-ExchangeServer MBX1"));
        const qint64 second = client->run(failing, false); // as the shell pane: on after an error
        QVERIFY(first != second);
        QCOMPARE(started.size(), 2);
        QCOMPARE(started.at(1).at(0).toLongLong(), second);
        QCOMPARE(started.at(1).at(1).toString(), failing);
        QTRY_COMPARE_WITH_TIMEOUT(answers.size(), std::size_t(2), 20000);

        const ems::ScriptOutput &one = answers.at(first);
        QVERIFY(one.ok);
        QCOMPARE(one.objects.size(), std::size_t(1));
        QCOMPARE(one.objects.front().typeName, QStringLiteral("ExchangeServer"));
        QCOMPARE(one.objects.front().property(QStringLiteral("Name"))->toString(), QStringLiteral("MBX1"));
        QVERIFY(one.errorRecords.empty());
        QVERIFY(one.text.contains(QStringLiteral("MBX1")));

        const ems::ScriptOutput &two = answers.at(second);
        QVERIFY(!two.ok);
        QCOMPARE(two.errorRecords.size(), std::size_t(1));
        QVERIFY2(two.errorRecords.front().reason.contains(QStringLiteral("is not a cmdlet")),
                 qPrintable(two.errorRecords.front().toString()));
        QCOMPARE(two.errorText(), two.errorRecords.front().toString());
        QCOMPARE(two.objects.size(), std::size_t(1)); // the statement after the error ran
        QCOMPARE(two.objects.front().property(QStringLiteral("Name"))->toString(), QStringLiteral("MBX2"));
    }

    void onLabRunsOnTheLabsThreadAndAnswersOnTheClients()
    {
        const auto client = openClient(m_dir->path());
        QVERIFY(client);
        QThread *workThread = nullptr;
        QThread *doneThread = nullptr;
        QString labDir;
        QObject asker;
        client->onLab(
            &asker,
            [&](const Lab &lab) {
                workThread = QThread::currentThread();
                labDir = lab.labDir();
            },
            [&] { doneThread = QThread::currentThread(); });
        QTRY_VERIFY_WITH_TIMEOUT(doneThread != nullptr, 10000);
        QVERIFY(workThread != nullptr && workThread != QThread::currentThread());
        QCOMPARE(doneThread, QThread::currentThread());
        QCOMPARE(QFileInfo(labDir).canonicalFilePath(), QFileInfo(m_dir->path()).canonicalFilePath());

        // An asker gone before the answer: its done is dropped.
        bool dropped = true;
        auto gone = std::make_unique<QObject>();
        client->onLab(
            gone.get(), [](const Lab &) {}, [&] { dropped = false; });
        gone.reset();
        QSignalSpy answered(client.get(), &LabClient::scriptFinished);
        client->run(QStringLiteral("Get-ExchangeServer MBX1")); // queued behind the work
        QVERIFY(answered.wait(10000));
        QCoreApplication::processEvents(); // anything the work posted back
        QVERIFY(dropped);
    }

    // Opening another lab is another client: the first one's answers still on their way die with it.
    void aSecondLabForgetsTheFirstsLateAnswers()
    {
        QTemporaryDir other;
        QVERIFY(test::copyLab(m_template.path(), other.path()));
        auto first = openClient(m_dir->path());
        QVERIFY(first);
        int late = 0;
        QObject asker;
        first->onLab(
            &asker, [](const Lab &) {}, [&] { ++late; });
        first->run(QStringLiteral("Step-Simulation 0.00:10:00"));
        first.reset(); // its lab closes (the thread ends) with the work and the script queued or done
        const auto second = openClient(other.path());
        QVERIFY(second);
        QSignalSpy answered(second.get(), &LabClient::scriptFinished);
        const qint64 id = second->run(QStringLiteral("Get-ExchangeServer MBX1"));
        QVERIFY(answered.wait(10000));
        QCOMPARE(answered.at(0).at(0).toLongLong(), id);
        QCoreApplication::processEvents();
        QCOMPARE(late, 0);
    }

    // The copies are judged on each snapshot; new thresholds are judged at once (no snapshot needed), with
    // the crossing's event.
    void thresholdsReachTheHealthJudgement()
    {
        const auto client = openClient(m_dir->path());
        QVERIFY(client);
        QSignalSpy judged(client.get(), &LabClient::healthJudged);
        QSignalSpy events(client.get(), &LabClient::eventRecorded);
        QSignalSpy answered(client.get(), &LabClient::scriptFinished);
        client->run(QStringLiteral("Enable-StorageGroupCopy MBX1\\SG1 -StandbyMachine MBX3; "
                                   "Suspend-StorageGroupCopy MBX1\\SG1 -StandbyMachine MBX3 -Confirm:$false; "
                                   "Start-MailFlow MBX1\\SG1\\DB1 -MessagesPerMinute 600; "
                                   "Step-Simulation 0.00:10:00"));
        QVERIFY(answered.wait(60000));
        QVERIFY(answered.at(0).at(1).value<ems::ScriptOutput>().ok);
        QTRY_VERIFY(!judged.isEmpty());
        const HealthReport last = judged.last().at(0).value<HealthReport>();
        QCOMPARE(last.health.size(), std::size_t(1));
        const qint64 queue = last.health.front().copyQueue;
        QVERIFY2(queue > 0, qPrintable(QString::number(queue)));
        const bool inAlert = last.health.front().inAlert();

        judged.clear();
        events.clear();
        HealthThresholds t = client->thresholds();
        t.copyQueueLogs = inAlert ? 1000000 : 0; // the other side of the copy's queue
        t.inspectedAgeMinutes = HealthThresholds::kMaxMinutes;
        t.replayQueueExtraLogs = HealthThresholds::kMaxLogs;
        client->setThresholds(t);
        QCOMPARE(judged.size(), 1); // at once, on the last snapshot
        QCOMPARE(judged.at(0).at(0).value<HealthReport>().health.front().inAlert(), !inAlert);
        QCOMPARE(client->thresholds().copyQueueLogs, t.copyQueueLogs);
        bool raised = false;
        for (const QList<QVariant> &e : events)
            raised = raised || e.at(0).value<EventRecord>().eventId == (inAlert ? 9101 : 9100);
        QVERIFY(raised);
    }

    // File > New Demo Lab's job: made off this thread, answered on it; a folder that is not empty refused.
    void aDemoLabIsMadeOffTheCallersThread()
    {
        const QString fresh = m_dir->filePath(QStringLiteral("fresh"));
        DemoLabJob job(fresh);
        QSignalSpy finished(&job, &DemoLabJob::finished);
        job.start();
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.at(0).at(0).toString(), QString());
        QVERIFY(QFileInfo::exists(fresh + QStringLiteral("/org.sqlite")));
        DemoLabJob occupied(m_dir->path()); // holds a lab already
        QSignalSpy refused(&occupied, &DemoLabJob::finished);
        occupied.start();
        QVERIFY(refused.wait(60000));
        QVERIFY(!refused.at(0).at(0).toString().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestLabClient)
#include "tst_labclient.moc"
