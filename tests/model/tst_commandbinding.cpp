// Every command a producer builds binds to the cmdlet registry: parsed and bound as the shell would, never
// run, over demo labs in several states. A parameter renamed in a cmdlet (or mistyped in a producer) fails
// here, not in a wizard at run time. The producers: the console's actions (ConsoleActions::of and ::removal
// for every tree item), the property sheets' commands and Start Mail Flow's (model/cmdlets), seeding, and the
// four wizards' plans (their prepare() over the lab). A new producer adds its commands in commandsOf below.

#include "cmdlets/enablecopyplan.h"
#include "cmdlets/mailboxdatabase.h"
#include "cmdlets/mailflow.h"
#include "cmdlets/portabilityplan.h"
#include "cmdlets/preparetarget.h"
#include "cmdlets/recoverserverplan.h"
#include "cmdlets/storagegroupcopy.h"
#include "core/clock.h"
#include "ems/cmdletregistry.h"
#include "lab/demolab.h"
#include "lab/labworker.h"
#include "models/consoleactions.h"
#include "models/organizationmodel.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace scr;

namespace {

struct Produced
{
    QString producer; // who built it, for the failure message
    QString script;
};

// Parses script and binds each of its commands as the pipeline runner does, without running any; "" when
// every one binds, else the first error.
QString bindWithoutRunning(const ems::CmdletRegistry &registry, const QString &script)
{
    const Result<ems::Script> parsed = ems::parse(script);
    if (!parsed)
        return parsed.error().toString();
    for (const ems::Pipeline &pipeline : parsed->statements)
        for (const ems::Command &command : pipeline.commands) {
            // The pipeline runner's own object verbs (where {...}): the parser checks their script block.
            if (command.name.compare(QStringLiteral("where"), Qt::CaseInsensitive) == 0 ||
                command.name.compare(QStringLiteral("Where-Object"), Qt::CaseInsensitive) == 0)
                continue;
            const ems::CmdletSpec *spec = registry.find(command.name);
            if (!spec)
                return QStringLiteral("%1 is not a cmdlet").arg(command.name);
            if (spec->rawArguments)
                continue;
            if (const auto bound = ems::bindParameters(script, command, spec->parameters); !bound)
                return bound.error().toString();
        }
    return {};
}

// The names of the cmdlets script calls, in order; empty when it does not parse.
QStringList cmdletsOf(const QString &script)
{
    QStringList out;
    if (const Result<ems::Script> parsed = ems::parse(script))
        for (const ems::Pipeline &pipeline : parsed->statements)
            for (const ems::Command &command : pipeline.commands)
                out << command.name;
    return out;
}

// Every step of every wizard's plan, prepared on lab as it is: Enable (each storage group to each other
// server), Prepare Target, Portability and Recover Server (each copy, from its standby).
std::vector<Produced> plansOf(const Lab &lab, const LabSnapshot &snapshot)
{
    std::vector<Produced> out;
    auto add = [&out](const QString &wizard, const Preparation &p) {
        for (const FlowStep &step : p.steps)
            out.push_back({QStringLiteral("%1 wizard \"%2\"").arg(wizard, step.title), step.command});
    };
    for (const StorageGroupSnapshot &sg : snapshot.storageGroups) {
        const QString id = sg.record.identity();
        for (const ServerRecord &server : snapshot.servers)
            add(QStringLiteral("Enable"),
                cmdlets::prepareEnableCopy(lab, {{id}, server.name, 86'400'000, 3'600'000}));
        for (const CopySnapshot &c : sg.copies) {
            const QString standby = c.record.standbyMachine;
            const ServerRecord *standbyServer = snapshot.server(standby);
            add(QStringLiteral("Prepare Target"), cmdlets::preparePrepareTarget(lab, standby, {id}));
            add(QStringLiteral("Portability"),
                cmdlets::preparePortability(lab, id, standby, QStringLiteral("copy:%1>%2").arg(id, standby)));
            if (standbyServer)
                add(QStringLiteral("Recover Server"),
                    cmdlets::prepareRecoverServer(lab, sg.record.server, standbyServer->host));
        }
    }
    return out;
}

// Every command the producers build for what snapshot shows.
std::vector<Produced> commandsOf(const LabSnapshot &snapshot)
{
    std::vector<Produced> out;
    // The console's actions, for every item of the tree.
    OrganizationModel tree;
    tree.setSnapshot(snapshot);
    std::vector<QModelIndex> pending{QModelIndex()};
    while (!pending.empty()) {
        const QModelIndex parent = pending.back();
        pending.pop_back();
        for (int r = 0; r < tree.rowCount(parent); ++r)
            pending.push_back(tree.index(r, 0, parent));
        if (!parent.isValid())
            continue;
        const ConsoleSelection selection = ConsoleSelection::fromIndex(parent);
        for (const ConsoleAction &a : ConsoleActions::of(snapshot, selection))
            if (a.kind == ConsoleAction::Command)
                out.push_back({QStringLiteral("action \"%1\"").arg(a.text), a.script});
        if (const auto removal = ConsoleActions::removal(snapshot, selection))
            out.push_back({QStringLiteral("removal \"%1\"").arg(removal->text), removal->script});
    }
    // The property sheets, Start Mail Flow, seeding.
    for (const StorageGroupSnapshot &sg : snapshot.storageGroups) {
        for (const DatabaseSnapshot &db : sg.databases) {
            const QString id = sg.record.identity() + QLatin1Char('\\') + db.record.name;
            for (const std::optional<bool> restore : {std::optional<bool>(), std::optional<bool>(true)})
                for (const std::optional<bool> mount : {std::optional<bool>(false), std::optional<bool>()})
                    if (const QString c = cmdlets::setMailboxDatabaseCommand(id, restore, mount);
                        !c.isEmpty())
                        out.push_back({QStringLiteral("database properties"), c});
            out.push_back(
                {QStringLiteral("mail flow dialog"), cmdlets::startMailFlowCommand(id, 600, 100).text()});
        }
        for (const CopySnapshot &c : sg.copies) {
            const QString id = sg.record.identity(), standby = c.record.standbyMachine;
            out.push_back({QStringLiteral("storage group properties"),
                           cmdlets::suspendCommand(id, standby, QStringLiteral("it's patch day"))
                               .sw(QStringLiteral("Confirm"), false)
                               .text()});
            out.push_back(
                {QStringLiteral("storage group properties"),
                 cmdlets::copyCommand(QStringLiteral("Resume-StorageGroupCopy"), id, standby).text()});
            for (const QString &seed : cmdlets::seedCommands(id, standby, false))
                out.push_back({QStringLiteral("seeding"), seed});
        }
    }
    return out;
}

} // namespace

class TestCommandBinding : public QObject
{
    Q_OBJECT
    ems::CmdletRegistry m_registry;

    // Binds what every producer builds for the lab as it is after setup: each command binds, and the
    // producers that should have spoken did (a producer that builds nothing proves nothing).
    void bindsAfter(const QString &setup, const QStringList &expectedCmdlets)
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(DemoLab::create(dir.path(), SystemClock::instance()).hasValue());
        LabWorker worker(dir.path());
        QSignalSpy opened(&worker, &LabWorker::opened);
        worker.open();
        QVERIFY2(opened.count() == 1 && opened.at(0).at(0).toBool(), "the demo lab did not open");
        if (!setup.isEmpty()) {
            QSignalSpy finished(&worker, &LabWorker::scriptFinished);
            worker.runScript(1, setup);
            QCOMPARE(finished.count(), 1);
            const auto output = finished.at(0).at(1).value<ems::ScriptOutput>();
            QVERIFY2(output.ok, qPrintable(output.errorText()));
        }
        const LabSnapshot snapshot = worker.snapshot();
        std::vector<Produced> produced = commandsOf(snapshot);
        QVERIFY(worker.withLab([&](const Lab &lab) {
            for (Produced &p : plansOf(lab, snapshot))
                produced.push_back(std::move(p));
        }));
        QStringList failures, cmdlets;
        for (const Produced &p : produced) {
            cmdlets << cmdletsOf(p.script);
            if (const QString error = bindWithoutRunning(m_registry, p.script); !error.isEmpty())
                failures << QStringLiteral("%1: %2\n  %3").arg(p.producer, p.script, error);
        }
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join(QLatin1Char('\n'))));
        for (const QString &expected : expectedCmdlets)
            QVERIFY2(cmdlets.contains(expected), qPrintable(expected + QStringLiteral(" was not built")));
    }

private Q_SLOTS:
    void initTestCase() { ems::registerAllCmdlets(m_registry); }

    // The checker itself: a renamed parameter, a value of the wrong type and an unknown cmdlet are caught.
    void checkerRefusesWhatWouldFail()
    {
        const char *const wrong[] = {
            "Suspend-StorageGroupCopy MBX1\\SG1 -StandbyServer MBX3",         // a renamed parameter
            "Start-MailFlow MBX1\\SG1\\DB1 -MessagesPerMinute many",          // a value of the wrong type
            "Suspend-StorageGroupCopies MBX1\\SG1 -StandbyMachine MBX3",      // an unknown cmdlet
            "Mount-Database MBX1\\SG1\\DB1; Stop-Host MBX1 -NoSuchParameter", // in a second statement
        };
        for (const char *script : wrong)
            QVERIFY2(!bindWithoutRunning(m_registry, QLatin1String(script)).isEmpty(), script);
    }

    // What the builder writes parses back to the values it was given: quoting, switches, Booleans, TimeSpans.
    void builtTextParsesBack()
    {
        const ems::CommandLine built = ems::CommandLine(QStringLiteral("Enable-StorageGroupCopy"))
                                           .value(QStringLiteral("MBX1\\Second SG"))
                                           .arg(QStringLiteral("StandbyMachine"), QStringLiteral("-MBX3"))
                                           .timeSpan(QStringLiteral("ReplayLagTime"), 90'061'000)
                                           .arg(QStringLiteral("Count"), 42)
                                           .flag(QStringLiteral("AllowFileRestore"), true)
                                           .sw(QStringLiteral("Force"))
                                           .sw(QStringLiteral("Confirm"), false);
        QCOMPARE(built.text(),
                 QStringLiteral("Enable-StorageGroupCopy 'MBX1\\Second SG' -StandbyMachine '-MBX3' "
                                "-ReplayLagTime 1.01:01:01 -Count 42 -AllowFileRestore $true -Force "
                                "-Confirm:$false"));
        const Result<ems::Script> parsed = ems::parse(built.text());
        QVERIFY(parsed.hasValue());
        const ems::Command &c = parsed->statements.front().commands.front();
        QCOMPARE(c.name, built.name());
        QCOMPARE(c.elements.at(0).text, QStringLiteral("MBX1\\Second SG"));
        QCOMPARE(c.elements.at(2).text, QStringLiteral("-MBX3")); // a value, not a parameter
        QCOMPARE(c.elements.at(2).kind, ems::Element::Kind::Value);
        QCOMPARE(ems::quote(QStringLiteral("it's")), QStringLiteral("'it''s'"));
        QCOMPARE(ems::formatTimeSpan(-3'600'000), QStringLiteral("-0.01:00:00"));
    }

    void freshDemoLab()
    {
        bindsAfter({}, {QStringLiteral("Stop-Host"), QStringLiteral("Dismount-Database"),
                        QStringLiteral("Stop-MailFlow"), QStringLiteral("Start-DatabaseBackup"),
                        QStringLiteral("Remove-MailboxDatabase"), QStringLiteral("Remove-StorageGroup"),
                        QStringLiteral("Set-MailboxDatabase"), QStringLiteral("Start-MailFlow")});
    }

    // Copies (one suspended), a dismounted database and a host powered off: the other half of the actions.
    void copiesAndFailures()
    {
        bindsAfter(
            QStringLiteral("Enable-StorageGroupCopy MBX1\\SG1 -StandbyMachine MBX3; "
                           "Enable-StorageGroupCopy MBX2\\SG2 -StandbyMachine MBX4; "
                           "Suspend-StorageGroupCopy MBX2\\SG2 -StandbyMachine MBX4 -SuspendComment test; "
                           "Dismount-Database MBX1\\SG3\\DB3 -Confirm:$false; Stop-Host MBX2"),
            {QStringLiteral("Start-Host"), QStringLiteral("Mount-Database"),
             QStringLiteral("Suspend-StorageGroupCopy"), QStringLiteral("Resume-StorageGroupCopy"),
             QStringLiteral("Disable-StorageGroupCopy"), QStringLiteral("Update-StorageGroupCopy")});
    }

    // The wizards' plans with the source server down: Portability activates with -Force, Recover Server
    // takes the standby's name; with MBX1\SG2 not copied, Enable plans its copy and seed.
    void wizardPlansAfterAFailure()
    {
        bindsAfter(
            QStringLiteral("Enable-StorageGroupCopy MBX1\\SG1 -StandbyMachine MBX3 -ReplayLagTime 0.0:0:0; "
                           "Update-StorageGroupCopy MBX1\\SG1 -StandbyMachine MBX3; Stop-Host MBX1"),
            {QStringLiteral("Restore-StorageGroupCopy"), QStringLiteral("New-StorageGroup"),
             QStringLiteral("New-MailboxDatabase"), QStringLiteral("Move-StorageGroupPath"),
             QStringLiteral("Move-DatabasePath"), QStringLiteral("Move-Mailbox"),
             QStringLiteral("Remove-Item"), QStringLiteral("Rename-Computer"), QStringLiteral("setup"),
             QStringLiteral("eseutil"), QStringLiteral("Get-Host"),
             QStringLiteral("Enable-StorageGroupCopy")});
    }
};

QTEST_GUILESS_MAIN(TestCommandBinding)
#include "tst_commandbinding.moc"
