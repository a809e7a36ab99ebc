// The cmdlet registry and the fault registry as a newcomer extends them: every cmdlet has its place in
// Get-Help's order and sits in the file cmdletregistry.h's rule names; every fault kind is injectable through
// Invoke-Fault, documented in Get-Help and scr-cmdlets(7), offered by Tab; an unknown kind is refused with
// the list, and a parameter another kind takes is refused naming that kind.

#include "ems/cmdletregistry.h"
#include "ems/completion.h"
#include "ems/faultregistry.h"
#include "ems/shellsession.h"
#include "lab/demolab.h"
#include "labfixture.h"
#include "testsupport.h"

#include <memory>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace scr;
using namespace scr::ems;

namespace {

// An example of each fault kind on the demo lab, and what the shell shows after it (a command and a text
// its output holds; none: the fault's own success is the check). A kind with no row here fails
// everyKindIsInjectable: a new fault brings its example.
struct Example
{
    QString arguments;
    QString check;
    QString shows;
};

const QMap<QString, Example> &examples()
{
    static const QMap<QString, Example> map{
        {QStringLiteral("CorruptLog"),
         {QStringLiteral("-Server MBX1 -Path C:\\Exchange\\Logs\\SG1\\E00.log -Offset 100"), {}, {}}},
        {QStringLiteral("DeleteLog"),
         {QStringLiteral("-Server MBX1 -Path C:\\Exchange\\Logs\\SG1\\E00.chk"),
          QStringLiteral("Enter-PSSession MBX1; Test-Path C:\\Exchange\\Logs\\SG1\\E00.chk"),
          QStringLiteral("False")}},
        {QStringLiteral("FillDisk"),
         {QStringLiteral("-Server MBX3"), QStringLiteral("Get-Host MBX3 | fl DiskFreeGB"),
          QStringLiteral("DiskFreeGB : 0")}},
        {QStringLiteral("FreeDisk"), {QStringLiteral("-Server MBX3"), {}, {}}},
        {QStringLiteral("ReadOnly"),
         {QStringLiteral("-Server MBX3"), QStringLiteral("Invoke-Fault FillDisk -Server MBX3"),
          QStringLiteral("Read-only file system")}},
        {QStringLiteral("IOError"), {QStringLiteral("-Server MBX3"), {}, {}}},
        {QStringLiteral("ClearDiskFault"), {QStringLiteral("-Server MBX3"), {}, {}}},
        {QStringLiteral("PowerOff"),
         {QStringLiteral("-Server MBX3"), QStringLiteral("Get-Host MBX3 | fl PoweredOn"),
          QStringLiteral("PoweredOn : False")}},
        {QStringLiteral("PowerOn"),
         {QStringLiteral("-Server MBX3"), QStringLiteral("Get-Host MBX3 | fl PoweredOn"),
          QStringLiteral("PoweredOn : True")}},
    };
    return map;
}

QString outputOf(const ScriptOutput &out)
{
    QString all = out.text;
    return all + out.errors.join(QLatin1Char('\n'));
}

} // namespace

class TestCmdletRegistry : public QObject
{
    Q_OBJECT
    QTemporaryDir m_template;

    std::unique_ptr<QTemporaryDir> freshLab()
    {
        auto dir = std::make_unique<QTemporaryDir>();
        if (!test::copyLab(m_template.path(), dir->path()))
            qFatal("the demo lab could not be copied");
        return dir;
    }

private Q_SLOTS:
    void initTestCase()
    {
        test::ManualClock clock;
        QVERIFY(DemoLab::create(m_template.path(), clock).hasValue());
    }

    void listingOrderNamesEveryCmdlet()
    {
        CmdletRegistry registry;
        registerAllCmdlets(registry);
        QCOMPARE(registry.names(), cmdletListingOrder());
    }

    // cmdletregistry.h's rule: the file named by the longest noun the cmdlet's noun starts with; a command
    // without a noun in a file of its own name, an alias with the cmdlet it names.
    void everyCmdletIsInTheFileTheRuleNames()
    {
        const QDir folder(QStringLiteral(SCR_SOURCE_DIR "/model/ems/cmdlets"));
        QStringList nouns;
        for (const QString &file : folder.entryList({QStringLiteral("*.cpp")}, QDir::Files))
            nouns << file.chopped(4);
        QVERIFY(nouns.contains(QStringLiteral("storagegroupcopy")));
        CmdletRegistry registry;
        registerAllCmdlets(registry);
        for (const CmdletSpec &spec : registry.all()) {
            const QString noun = spec.name.section(QLatin1Char('-'), 1).toLower();
            QString file = spec.name.contains(QLatin1Char('-')) ? QString() : spec.name.toLower();
            for (const QString &n : nouns)
                if (!noun.isEmpty() && noun.startsWith(n) && n.size() > file.size())
                    file = n;
            if (!nouns.contains(file)) { // an alias: the file of the cmdlet with its synopsis
                const auto named =
                    std::find_if(registry.all().begin(), registry.all().end(), [&](const CmdletSpec &s) {
                        return s.synopsis == spec.synopsis && s.name.contains(QLatin1Char('-'));
                    });
                QVERIFY2(named != registry.all().end(), qPrintable(spec.name + QStringLiteral(": no file")));
                file = named->name.section(QLatin1Char('-'), 1).toLower();
            }
            QFile source(folder.filePath(file + QStringLiteral(".cpp")));
            QVERIFY2(source.open(QIODevice::ReadOnly), qPrintable(spec.name + QStringLiteral(" -> ") + file));
            QVERIFY2(source.readAll().contains(QByteArray("\"" + spec.name.toUtf8() + "\"")),
                     qPrintable(spec.name + QStringLiteral(" is not registered in ") + file +
                                QStringLiteral(".cpp")));
        }
    }

    void everyKindIsInjectable_data()
    {
        QTest::addColumn<QString>("kind");
        for (const FaultKind &kind : faultKinds())
            QTest::newRow(qPrintable(kind.name)) << kind.name;
    }
    void everyKindIsInjectable()
    {
        QFETCH(QString, kind);
        QVERIFY2(examples().contains(kind), "a fault kind without an example here");
        const Example example = examples().value(kind);
        auto dir = freshLab();
        ShellSession shell(dir->path());
        QVERIFY(shell.open().hasValue());
        const ScriptOutput out = shell.run(QStringLiteral("Invoke-Fault %1 %2").arg(kind, example.arguments),
                                           ScriptMode::StopAtFirstError);
        QVERIFY2(out.ok, qPrintable(outputOf(out)));
        if (!example.check.isEmpty()) {
            const QString after = outputOf(shell.run(example.check));
            QVERIFY2(after.contains(example.shows), qPrintable(after));
        }
    }

    void everyKindIsDocumented()
    {
        auto dir = freshLab();
        ShellSession shell(dir->path());
        QVERIFY(shell.open().hasValue());
        const QString help = outputOf(shell.run(QStringLiteral("Get-Help Invoke-Fault")));
        CmdletRegistry registry;
        registerAllCmdlets(registry);
        const QString page = cmdletsManPage(registry, QStringLiteral("1"));
        for (const FaultKind &kind : faultKinds()) {
            QVERIFY2(!kind.effect.isEmpty(), qPrintable(kind.name));
            QVERIFY2(help.contains(kind.name + QStringLiteral(" | ")) ||
                         help.contains(kind.name + QStringLiteral("}")),
                     qPrintable(help)); // in the syntax
            QVERIFY2(help.contains(QStringLiteral("(%1)").arg(kind.effect)), qPrintable(help));
            QVERIFY2(page.contains(kind.name), qPrintable(kind.name));
            const QString first = QStringLiteral("Invoke-Fault ") + kind.name.left(5);
            const Completion byPosition = shell.complete(first, first.size());
            QVERIFY2(byPosition.candidates.contains(kind.name), qPrintable(byPosition.candidates.join(u',')));
            const QString named =
                QStringLiteral("Invoke-Fault -Server MBX1 -K ") + kind.name.left(3).toLower();
            QVERIFY2(shell.complete(named, named.size()).candidates.contains(kind.name), qPrintable(named));
        }
        // Tab offers no kinds where no kind goes.
        const QString server = QStringLiteral("Invoke-Fault CorruptLog -Server ");
        QVERIFY(shell.complete(server, server.size()).candidates.isEmpty());
    }

    void unknownKindIsRefusedWithTheList()
    {
        auto dir = freshLab();
        ShellSession shell(dir->path());
        QVERIFY(shell.open().hasValue());
        auto refused = shell.execute(QStringLiteral("Invoke-Fault MeltDown -Server MBX1"));
        QVERIFY(!refused.hasValue());
        QCOMPARE(refused.error().object, QStringLiteral("MeltDown"));
        for (const QString &name : faultKindNames())
            QVERIFY2(refused.error().fix.contains(name), qPrintable(refused.error().fix));
    }

    void parameterOfAnotherKindIsRefused_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QString>("reason");
        QTest::newRow("FreeDisk -SizeGB") << "Invoke-Fault FreeDisk -Server MBX3 -SizeGB 1"
                                          << "-SizeGB is for FillDisk only";
        QTest::newRow("PowerOff -Path") << "Invoke-Fault PowerOff -Server MBX3 -Path C:\\x"
                                        << "-Path is for CorruptLog or DeleteLog only";
        QTest::newRow("DeleteLog -Offset") << "Invoke-Fault DeleteLog -Server MBX1 -Path C:\\x -Offset 1"
                                           << "-Offset is for CorruptLog only";
        QTest::newRow("CorruptLog without -Path") << "Invoke-Fault CorruptLog -Server MBX1"
                                                  << "CorruptLog needs -Path";
    }
    void parameterOfAnotherKindIsRefused()
    {
        QFETCH(QString, command);
        QFETCH(QString, reason);
        auto dir = freshLab();
        ShellSession shell(dir->path());
        QVERIFY(shell.open().hasValue());
        auto refused = shell.execute(command);
        QVERIFY(!refused.hasValue());
        QCOMPARE(refused.error().reason, reason);
        // Refused before anything happened: the host still runs.
        QVERIFY(outputOf(shell.run(QStringLiteral("Get-Host MBX3 | fl PoweredOn")))
                    .contains(QStringLiteral("PoweredOn : True")));
    }
};

QTEST_GUILESS_MAIN(TestCmdletRegistry)
#include "tst_cmdletregistry.moc"
