// The wizards' activation plans (model/cmdlets/preparetarget, portabilityplan, recoverserverplan), made from
// the lab's state and run step by step in one shell session on a fresh demo lab: database portability (source
// reachable, and gone) and Recover Server end with the users on the activated database and exactly the mail
// of the generations the standby holds, judged by the test's own log decoder; every step's command parses.

#include "cmdlets/portabilityplan.h"
#include "cmdlets/preparetarget.h"
#include "cmdlets/recoverserverplan.h"
#include "core/clock.h"
#include "ems/parser.h"
#include "ems/shellsession.h"
#include "lab/demolab.h"
#include "lab/lab.h"
#include "logoracle.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace scr;

class TestActivationPlan : public QObject
{
    Q_OBJECT

    struct Fixture
    {
        QTemporaryDir dir;
        std::unique_ptr<ShellSession> shell;
    };

    static std::unique_ptr<Fixture> replicatingLab()
    {
        auto f = std::make_unique<Fixture>();
        if (!DemoLab::create(f->dir.path(), SystemClock::instance()))
            return nullptr;
        f->shell = std::make_unique<ShellSession>(f->dir.path());
        if (!f->shell->open())
            return nullptr;
        auto ran = f->shell->execute(
            QStringLiteral("Enable-StorageGroupCopy MBX1\\SG2 -StandbyMachine MBX3 -ReplayLagTime 0.0:0:0; "
                           "Start-MailFlow MBX1\\SG2\\DB2 -MessagesPerMinute 120 -MessageSizeKB 100; "
                           "Step-Simulation 0.00:03:00"));
        return ran ? std::move(f) : nullptr;
    }

    // The steps of a plan made now, from the lab's state.
    static std::vector<FlowStep> prepareSteps(ShellSession &shell)
    {
        auto survey = cmdlets::surveyStandby(*shell.lab(), QStringLiteral("MBX3"));
        return survey ? cmdlets::prepareTargetSteps(*survey, {QStringLiteral("MBX1\\SG2")})
                      : std::vector<FlowStep>{};
    }
    static std::vector<FlowStep> portabilitySteps(ShellSession &shell)
    {
        auto state =
            cmdlets::readPortabilityState(*shell.lab(), QStringLiteral("MBX1\\SG2"), QStringLiteral("MBX3"));
        return state ? cmdlets::planPortability(*state) : std::vector<FlowStep>{};
    }

    static void runPlan(ShellSession &shell, const std::vector<FlowStep> &steps)
    {
        for (const FlowStep &step : steps) {
            QVERIFY2(ems::parse(step.command).hasValue(), qPrintable(step.command));
            auto out = shell.execute(step.command);
            QVERIFY2(out.hasValue(),
                     qPrintable(step.title + QStringLiteral(": ") + step.command + QStringLiteral("\n") +
                                (out ? QString() : out.error().toString())));
        }
    }

    static qlonglong userItems(ShellSession &shell, const QString &database)
    {
        auto out =
            shell.execute(QStringLiteral("Get-MailboxStatistics -Database %1 | where {$_.ObjectClass -eq "
                                         "'User'} | Measure-Object ItemCount -Sum")
                              .arg(database));
        if (!out)
            return -1;
        return out->section(QStringLiteral("Sum      : "), 1, 1)
            .section(QLatin1Char('\n'), 0, 0)
            .toLongLong();
    }

    // The oracle (logoracle.h): what the source's own log files of MBX1\SG2 hold, read by the test's decoder.
    static QString sourceLogs(const Fixture &f)
    {
        return f.dir.filePath(QStringLiteral("hosts/MBX1/C/Exchange/Logs/SG2"));
    }
    static QString standbyLogs(const Fixture &f)
    {
        return f.dir.filePath(QStringLiteral("hosts/MBX3/C/Exchange/Logs/SG2"));
    }
    // The messages of every mailbox after the source's generations through last (and its open log).
    static qlonglong messagesInLogs(const Fixture &f, uint32_t last, bool withOpenLog)
    {
        qlonglong total = 0;
        for (const auto &[mailbox, n] :
             test::oracle::messagesThrough(sourceLogs(f), QStringLiteral("E01"), last, withOpenLog))
            total += n;
        return total;
    }

private Q_SLOTS:

    void databasePortabilityWithTheSourceReachable()
    {
        auto f = replicatingLab();
        QVERIFY(f);
        const qlonglong before = userItems(*f->shell, QStringLiteral("MBX1\\SG2\\DB2"));
        QVERIFY(before > 300);
        const auto prepare = prepareSteps(*f->shell);
        QVERIFY(prepare.size() >= 3); // New-StorageGroup/-MailboxDatabase, mount and dismount, Remove-Item
        runPlan(*f->shell, prepare);
        const auto steps = portabilitySteps(*f->shell);
        QVERIFY(steps.front().command.startsWith(QStringLiteral("Dismount-Database"))); // the source first
        runPlan(*f->shell, steps);
        // Nothing lost, by the files: the standby holds every generation the source closed, and the users
        // hold every message of the source's logs, its last open log included.
        const auto closed = test::oracle::closedGenerations(sourceLogs(*f), QStringLiteral("E01"));
        QVERIFY(closed.size() > 10);
        QCOMPARE(test::oracle::copiedThrough(sourceLogs(*f), standbyLogs(*f), QStringLiteral("E01")),
                 closed.back());
        const qlonglong inLogs = messagesInLogs(*f, closed.back(), true);
        QCOMPARE(before, inLogs);
        QCOMPARE(userItems(*f->shell, QStringLiteral("MBX3\\SG2Target\\DB2Target")), inLogs);
        auto users = f->shell->execute(QStringLiteral("Get-Mailbox -Database MBX1\\SG2\\DB2 | where "
                                                      "{$_.ObjectClass -eq 'User'} | Measure-Object"));
        QVERIFY2(users->contains(QStringLiteral("Count    : 0")), qPrintable(*users));
    }

    void databasePortabilityWithTheSourceGone()
    {
        auto f = replicatingLab();
        QVERIFY(f);
        runPlan(*f->shell, prepareSteps(*f->shell));
        QVERIFY(f->shell->execute(QStringLiteral("Stop-Host MBX1")).hasValue());
        const auto steps = portabilitySteps(*f->shell);
        QVERIFY(steps.front().command.startsWith(QStringLiteral("Restore-StorageGroupCopy"))); // no dismount
        QVERIFY(steps.front().command.contains(QStringLiteral("-Force")));
        runPlan(*f->shell, steps);
        // Exactly the messages of the generations the standby holds (by their headers); the rest is lost.
        const uint32_t copied =
            test::oracle::copiedThrough(sourceLogs(*f), standbyLogs(*f), QStringLiteral("E01"));
        QVERIFY(copied > 10);
        const qlonglong held = messagesInLogs(*f, copied, false);
        QVERIFY(held > 300);
        QCOMPARE(userItems(*f->shell, QStringLiteral("MBX3\\SG2Target\\DB2Target")), held);
        QVERIFY(messagesInLogs(*f, 0xFFFFFFFFu, true) > held); // the open log died with MBX1
    }

    void aRestoreInterruptedAfterTheOpenLogRunsAgain()
    {
        // A crash of Restore-StorageGroupCopy after it copied E00.log but before it ended the copy leaves the
        // copy enabled with the open log in its folder; running it again finishes with nothing lost.
        auto f = replicatingLab();
        QVERIFY(f);
        runPlan(*f->shell, prepareSteps(*f->shell));
        const qlonglong before = userItems(*f->shell, QStringLiteral("MBX1\\SG2\\DB2"));
        QVERIFY(
            f->shell->execute(QStringLiteral("Dismount-Database MBX1\\SG2\\DB2 -Confirm:$false")).hasValue());
        const QString source = f->dir.filePath(QStringLiteral("hosts/MBX1/C/Exchange/Logs/SG2/E01.log"));
        const QString target = f->dir.filePath(QStringLiteral("hosts/MBX3/C/Exchange/Logs/SG2/E01.log"));
        QVERIFY(QFile::copy(source, target));
        QVERIFY(
            f->shell->execute(QStringLiteral("Step-Simulation 0.00:00:10")).hasValue()); // the copy runs on
        auto restored = f->shell->execute(
            QStringLiteral("Restore-StorageGroupCopy MBX1\\SG2 -StandbyMachine MBX3 -Confirm:$false"));
        QVERIFY2(restored.hasValue(), qPrintable(restored ? QString() : restored.error().toString()));
        QVERIFY2(restored->contains(QStringLiteral("No data was lost")), qPrintable(*restored));
        // The plan follows: dismounted and restored already, those steps are not planned again.
        const auto steps = portabilitySteps(*f->shell);
        for (const FlowStep &step : steps)
            QVERIFY2(!step.command.contains(QStringLiteral("Restore-StorageGroupCopy")) &&
                         !step.command.startsWith(QStringLiteral("Dismount-Database MBX1")),
                     qPrintable(step.command));
        runPlan(*f->shell, steps);
        const auto closed = test::oracle::closedGenerations(sourceLogs(*f), QStringLiteral("E01"));
        QCOMPARE(before, messagesInLogs(*f, closed.back(), true));
        QCOMPARE(userItems(*f->shell, QStringLiteral("MBX3\\SG2Target\\DB2Target")), before);
    }

    void recoverServer()
    {
        auto f = replicatingLab();
        QVERIFY(f);
        QVERIFY(f->shell->execute(QStringLiteral("Stop-Host MBX1")).hasValue());
        auto plan =
            cmdlets::planRecoverServer(*f->shell->lab(), QStringLiteral("MBX1"), QStringLiteral("MBX3"));
        QVERIFY2(plan.hasValue(), qPrintable(plan ? QString() : plan.error().toString()));
        QCOMPARE(plan->activatedIdentities(), QStringList{QStringLiteral("MBX1\\SG2")});
        QCOMPARE(plan->lostIdentities().size(), 2); // SG1 and SG3 had no copy
        runPlan(*f->shell, plan->steps);
        const uint32_t copied =
            test::oracle::copiedThrough(sourceLogs(*f), standbyLogs(*f), QStringLiteral("E01"));
        QVERIFY(copied > 10);
        const qlonglong held = messagesInLogs(*f, copied, false);
        QVERIFY(held > 300);
        QCOMPARE(userItems(*f->shell, QStringLiteral("MBX1\\SG2\\DB2")), held);
        QVERIFY(messagesInLogs(*f, 0xFFFFFFFFu, true) > held); // the open log died with MBX1
        QCOMPARE((*f->shell->lab()->directory().server(QStringLiteral("MBX1")))->host,
                 QStringLiteral("MBX1"));
        QCOMPARE((*f->shell->lab()->directory().host(QStringLiteral("MBX1")))->diskFolder,
                 QStringLiteral("hosts/MBX3"));
    }
};

QTEST_GUILESS_MAIN(TestActivationPlan)
#include "tst_activationplan.moc"
