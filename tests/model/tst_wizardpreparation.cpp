// The wizards' one contract (issue 23): each wizard's pre-flight is one model call with a const Lab& and
// plain arguments that returns a Preparation (checks, steps, notes, losses, the flow's own state), and the
// rules the wizards' pages applied in ui/ (what to preselect, what is eligible, the "protect again" standby)
// are the model's: pure functions on plain values, and the Enable flow's (model/cmdlets/enablecopyplan) on a
// fresh demo lab.

#include "cmdlets/enablecopyplan.h"
#include "cmdlets/portabilityplan.h"
#include "cmdlets/preparetarget.h"
#include "cmdlets/recoverserverplan.h"
#include "cmdlets/storagegroupcopy.h"
#include "cmdlets/validation.h"
#include "core/clock.h"
#include "ems/shellsession.h"
#include "lab/demolab.h"
#include "lab/lab.h"
#include "lab/labsnapshot.h"

#include <type_traits>

#include <QTemporaryDir>
#include <QTest>

using namespace scr;

namespace {

EnableCopyCandidate candidate(const QString &server, const QString &reason = {})
{
    EnableCopyCandidate c;
    c.server = server;
    c.reason = reason;
    return c;
}

RecoverServerCandidate standbyCandidate(const QString &standby, const QString &host, const QString &whyNot)
{
    RecoverServerCandidate c;
    c.standby = standby;
    c.host = host;
    c.whyNot = whyNot;
    return c;
}

QStringList commandsOf(const std::vector<FlowStep> &steps)
{
    QStringList out;
    for (const FlowStep &s : steps)
        out << s.command;
    return out;
}

// No const_cast between the wizards and the lab: every flow's preparation runs on a const Lab&, and so do the
// validators and the Lab's own readers it calls; a writer (Lab's state changes, a cmdlet that acts) does not
// compile on one.
static_assert(std::is_invocable_v<decltype(&cmdlets::prepareEnableCopy), const Lab &, EnableCopyRequest>);
static_assert(
    std::is_invocable_v<decltype(&cmdlets::preparePortability), const Lab &, QString, QString, QString>);
static_assert(
    std::is_invocable_v<decltype(&cmdlets::preparePrepareTarget), const Lab &, QString, QStringList>);
static_assert(std::is_invocable_v<decltype(&cmdlets::prepareRecoverServer), const Lab &, QString, QString>);
static_assert(std::is_invocable_v<decltype(&cmdlets::isPoweredOn), const Lab &, QString>);
static_assert(std::is_invocable_v<decltype(&cmdlets::findStorageGroup), const Lab &, QString>);
static_assert(std::is_invocable_v<decltype(&cmdlets::checkEnableStorageGroupCopy), const Lab &,
                                  EnableStorageGroupCopyRequest>);
static_assert(std::is_invocable_v<decltype(&Lab::hostDisk), const Lab &, QString>);
static_assert(std::is_invocable_v<decltype(&Lab::hostOfServer), const Lab &, QString>);
static_assert(!std::is_invocable_v<decltype(&Lab::addCopy), const Lab &, ScrCopyRecord>);
static_assert(!std::is_invocable_v<decltype(&Lab::setHostPowered), const Lab &, QString, bool>);
static_assert(!std::is_invocable_v<decltype(&cmdlets::enableStorageGroupCopy), const Lab &,
                                   EnableStorageGroupCopyRequest>);
static_assert(
    std::is_same_v<decltype(std::declval<const Lab &>().mountedDatabase(QUuid())), const MountedDatabase *>);

} // namespace

class TestWizardPreparation : public QObject
{
    Q_OBJECT

    const Lab &lab() const { return *m_shell->lab(); }
    // The demo lab of the functions that read one (openLab), gone at cleanup.
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ShellSession> m_shell;

    // A fresh demo lab, for the tests that read one.
    bool openLab()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        if (!m_dir->isValid() || !DemoLab::create(m_dir->path(), SystemClock::instance()))
            return false;
        m_shell = std::make_unique<ShellSession>(m_dir->path());
        return m_shell->open().hasValue();
    }

private Q_SLOTS:
    void cleanup()
    {
        m_shell.reset();
        m_dir.reset();
    }

    void enablePreselection_data()
    {
        QTest::addColumn<QString>("preselect");
        QTest::addColumn<QString>("expected");
        QTest::newRow("the asked one, eligible") << QStringLiteral("mbx4") << QStringLiteral("MBX4");
        QTest::newRow("none asked: the first eligible") << QString() << QStringLiteral("MBX3");
        QTest::newRow("the asked one cannot") << QStringLiteral("MBX2") << QString();
        QTest::newRow("the asked one is unknown") << QStringLiteral("MBX9") << QString();
    }
    void enablePreselection()
    {
        QFETCH(QString, preselect);
        QFETCH(QString, expected);
        const std::vector<EnableCopyCandidate> servers{
            candidate(QStringLiteral("MBX1"), QStringLiteral("the source")),
            candidate(QStringLiteral("MBX2"), QStringLiteral("powered off; Start-Host MBX2")),
            candidate(QStringLiteral("MBX3")), candidate(QStringLiteral("MBX4"))};
        QCOMPARE(cmdlets::enableCopyPreselection(servers, preselect), expected);
    }

    void recoverPreselection_data()
    {
        QTest::addColumn<QString>("preferred");
        QTest::addColumn<int>("expected");
        QTest::newRow("preferred by server") << QStringLiteral("mbx4") << 1;
        QTest::newRow("preferred by host, even when it cannot") << QStringLiteral("HOST3") << 0;
        QTest::newRow("none preferred: the first that can") << QString() << 1;
        QTest::newRow("an unknown one: the first that can") << QStringLiteral("MBX9") << 1;
    }
    void recoverPreselection()
    {
        QFETCH(QString, preferred);
        QFETCH(int, expected);
        const std::vector<RecoverServerCandidate> candidates{
            standbyCandidate(QStringLiteral("MBX3"), QStringLiteral("HOST3"), QStringLiteral("powered off")),
            standbyCandidate(QStringLiteral("MBX4"), QStringLiteral("MBX4"), QString())};
        QCOMPARE(cmdlets::recoverServerPreselection(candidates, preferred), expected);
        // None can take over: still the first (the page says why not); none at all: nothing.
        QCOMPARE(cmdlets::recoverServerPreselection({candidates.front()}, QString()), 0);
        QCOMPARE(cmdlets::recoverServerPreselection({}, preferred), -1);
    }

    // "Protect again": another mailbox server, installed and powered on, with no storage group.
    void protectAgainPicksAnEmptyStandby()
    {
        LabSnapshot snapshot;
        for (const char *host : {"MBX1", "MBX3", "MBX4", "MBX5"})
            snapshot.hosts.push_back({QLatin1String(host), true, QString(), 0});
        snapshot.hosts[2].poweredOn = false; // MBX4
        snapshot.servers = {{QStringLiteral("MBX1"), QStringLiteral("MBX1"), true, true},
                            {QStringLiteral("MBX3"), QStringLiteral("MBX3"), true, true},
                            {QStringLiteral("MBX4"), QStringLiteral("MBX4"), true, true},
                            {QStringLiteral("MBX5"), QStringLiteral("MBX5"), true, true}};
        StorageGroupSnapshot sg;
        sg.record.server = QStringLiteral("MBX1");
        sg.record.name = QStringLiteral("SG1");
        snapshot.storageGroups.push_back(sg);
        // MBX1 holds a storage group, MBX3 is where it was activated, MBX4 is off: MBX5.
        QCOMPARE(cmdlets::protectAgainStandby(snapshot, QStringLiteral("mbx3")), QStringLiteral("MBX5"));
        snapshot.servers[3].mailboxRole = false;
        QCOMPARE(cmdlets::protectAgainStandby(snapshot, QStringLiteral("MBX3")), QString());
        snapshot.hosts[2].poweredOn = true;
        QCOMPARE(cmdlets::protectAgainStandby(snapshot, QStringLiteral("MBX3")), QStringLiteral("MBX4"));
    }

    // The steps skip a copy that exists and seed one whose source lost its first logs (TechNet's order).
    void enablePlanSkipsAndSeeds()
    {
        EnableCopyRequest request{{QStringLiteral("MBX1\\SG1"), QStringLiteral("MBX1\\SG2")},
                                  QStringLiteral("MBX3"),
                                  86'400'000,
                                  0};
        const QStringList plain = commandsOf(cmdlets::planEnableCopy(request, {}, {}));
        QCOMPARE(plain.size(), 2);
        QCOMPARE(plain.front(), QStringLiteral("Enable-StorageGroupCopy MBX1\\SG1 -StandbyMachine MBX3 "
                                               "-ReplayLagTime 1.00:00:00 -TruncationLagTime 0.00:00:00"));
        const QStringList seeded = commandsOf(
            cmdlets::planEnableCopy(request, {QStringLiteral("mbx1\\sg1")}, {QStringLiteral("MBX1\\SG2")}));
        QCOMPARE(seeded.size(), 3);
        QVERIFY2(seeded[0].startsWith(QStringLiteral("Enable-StorageGroupCopy MBX1\\SG2")),
                 qPrintable(seeded[0]));
        QVERIFY2(seeded[1].startsWith(QStringLiteral("Suspend-StorageGroupCopy")), qPrintable(seeded[1]));
        QVERIFY2(seeded[2].startsWith(QStringLiteral("Update-StorageGroupCopy")), qPrintable(seeded[2]));
    }

    // On the lab: who can take the copy, the checks and the plan, and the same once the copy exists.
    void enableOnTheLab()
    {
        QVERIFY(openLab());
        const QStringList groups{QStringLiteral("MBX1\\SG1")};
        auto candidates = cmdlets::enableCopyCandidates(lab(), groups);
        QVERIFY2(candidates, qPrintable(candidates ? QString() : candidates.error().toString()));
        QStringList eligible;
        for (const EnableCopyCandidate &c : candidates->servers)
            if (c.eligible())
                eligible << c.server;
        QVERIFY2(eligible.contains(QStringLiteral("MBX3")) && !eligible.contains(QStringLiteral("MBX1")),
                 qPrintable(eligible.join(QLatin1Char(','))));
        QVERIFY(candidates->needSeed.isEmpty()); // the source still holds log 1

        const EnableCopyRequest request{groups, QStringLiteral("MBX3"), 0, 0};
        Preparation p = cmdlets::prepareEnableCopy(lab(), request);
        QVERIFY(preflightPasses(p.checks));
        QCOMPARE(p.steps.size(), std::size_t(1));
        QVERIFY(p.steps.front().command.startsWith(QStringLiteral("Enable-StorageGroupCopy")));
        QVERIFY(m_shell->execute(p.steps.front().command).hasValue());

        // Enabled already: skipped (a pass that says so), nothing to run, and MBX3 holds all it was asked.
        p = cmdlets::prepareEnableCopy(lab(), request);
        QVERIFY(preflightPasses(p.checks));
        QVERIFY(p.checks.front().detail.contains(QStringLiteral("skipped")));
        QVERIFY(p.steps.empty());
        candidates = cmdlets::enableCopyCandidates(lab(), groups);
        QVERIFY(candidates);
        for (const EnableCopyCandidate &c : candidates->servers)
            if (c.server == QStringLiteral("MBX3"))
                QVERIFY2(!c.eligible() && c.holding == groups, qPrintable(c.reason));

        // A standby that cannot: the cmdlet's own refusal, and Next stays grey.
        p = cmdlets::prepareEnableCopy(lab(), {groups, QStringLiteral("MBX1"), 0, 0});
        QVERIFY(!preflightPasses(p.checks));
        QVERIFY(!p.checks.front().fix.isEmpty());
    }

    // The readers a preparation uses on a const Lab& see the lab as it is now, not a copy made once: the
    // host's disk made on first use shares the lab's power, and the mounted database goes with a dismount.
    void constReadersSeeTheLab()
    {
        QVERIFY(openLab());
        const auto sgs = lab().directory().storageGroups(QStringLiteral("MBX1"));
        QVERIFY(sgs && !sgs->empty());
        const auto dbs = lab().directory().databases(sgs->front().id);
        QVERIFY(dbs && !dbs->empty());
        const QUuid db = dbs->front().guid;
        QVERIFY(lab().hostDisk(QStringLiteral("MBX1")).isPoweredOn());
        QVERIFY(cmdlets::isPoweredOn(lab(), QStringLiteral("MBX1")));
        QVERIFY(lab().mountedDatabase(db) != nullptr);
        QCOMPARE(lab().hostOfServer(QStringLiteral("MBX1")).value(), QStringLiteral("MBX1"));

        QVERIFY(m_shell->execute(QStringLiteral("Stop-Host MBX1")).hasValue());
        QVERIFY(!lab().hostDisk(QStringLiteral("MBX1")).isPoweredOn());
        QVERIFY(!cmdlets::isPoweredOn(lab(), QStringLiteral("MBX1")));
        QVERIFY(lab().mountedDatabase(db) == nullptr);
        QVERIFY(lab().poweredOffAt(QStringLiteral("MBX1")) > 0);
    }

    // Each flow's preparation carries its own state for its pages, and refuses as a failed check.
    void eachFlowPreparesFromAConstLab()
    {
        QVERIFY(openLab());
        QVERIFY(m_shell
                    ->execute(QStringLiteral("Enable-StorageGroupCopy MBX1\\SG1 -StandbyMachine MBX3 "
                                             "-ReplayLagTime 0.0:0:0"))
                    .hasValue());
        const Preparation target =
            cmdlets::preparePrepareTarget(lab(), QStringLiteral("MBX3"), {QStringLiteral("MBX1\\SG1")});
        QVERIFY(preflightPasses(target.checks));
        QVERIFY(!target.steps.empty());
        for (const FlowStep &s : target.steps)
            QCOMPARE(s.subject, QStringLiteral("MBX1\\SG1"));
        QVERIFY(target.details.canConvert<TargetSurvey>());
        QCOMPARE(target.details.value<TargetSurvey>().rows.size(), std::size_t(1));

        const Preparation nowhere =
            cmdlets::preparePortability(lab(), QString(), QString(), QStringLiteral("MBX1"));
        QCOMPARE(nowhere.checks.size(), std::size_t(1));
        QVERIFY(!preflightPasses(nowhere.checks));
        QVERIFY(nowhere.steps.empty() && !nowhere.details.isValid());

        // Not prepared: the portability checks fail, but the state, its notes and steps are there.
        const Preparation portability =
            cmdlets::preparePortability(lab(), QStringLiteral("MBX1\\SG1"), QStringLiteral("MBX3"),
                                        QStringLiteral("copy:MBX1\\SG1>MBX3"));
        QVERIFY(portability.details.canConvert<PortabilityState>());
        QCOMPARE(portability.notes.size(), 1);
        QVERIFY(portability.losses.empty()); // the source is up: nothing lost
        QVERIFY(!portability.steps.empty());

        const Preparation recover =
            cmdlets::prepareRecoverServer(lab(), QStringLiteral("MBX1"), QStringLiteral("NOHOST"));
        QCOMPARE(recover.checks.size(), std::size_t(1));
        QVERIFY(!preflightPasses(recover.checks));
        QVERIFY(recover.checks.front().detail.contains(QStringLiteral("NOHOST")));
    }
};

QTEST_GUILESS_MAIN(TestWizardPreparation)
#include "tst_wizardpreparation.moc"
