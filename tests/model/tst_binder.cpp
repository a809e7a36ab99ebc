#include "ems/binder.h"

#include <QTest>

using namespace scr;
using namespace scr::ems;

namespace {

const std::vector<ParameterSpec> kEnable = {
    {QStringLiteral("Identity"), ParameterType::String, 0, true},
    {QStringLiteral("StandbyMachine"), ParameterType::String, -1, true},
    {QStringLiteral("ReplayLagTime"), ParameterType::TimeSpan, -1, false},
    {QStringLiteral("TruncationLagTime"), ParameterType::TimeSpan, -1, false},
    {QStringLiteral("Force"), ParameterType::Switch, -1, false},
    {QStringLiteral("DomainController"), ParameterType::String, -1, false},
    {QStringLiteral("DeleteExistingFiles"), ParameterType::Switch, -1, false},
};

Result<BoundParameters> bindText(const QString &text)
{
    auto script = parse(text);
    if (!script)
        return script.error();
    return bindParameters(text, script->statements.front().commands.front(), kEnable);
}

QString shape(const BoundParameters &b)
{
    QStringList out;
    for (auto it = b.values.cbegin(); it != b.values.cend(); ++it)
        out << it.key() + QLatin1Char('=') + it.value().toString();
    return out.join(QLatin1Char(' '));
}

} // namespace

class TestBinder : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void timeSpans_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("ms");
        QTest::newRow("zero, short") << "0.0:0:0" << 0LL;
        QTest::newRow("one day") << "1.00:00:00" << 86400000LL;
        QTest::newRow("seven days") << "7.00:00:00" << 7 * 86400000LL;
        QTest::newRow("no days") << "12:30:15" << (12 * 3600 + 30 * 60 + 15) * 1000LL;
        QTest::newRow("hours out of range") << "0.24:00:00" << -1LL;
        QTest::newRow("words") << "one day" << -1LL;
        QTest::newRow("missing seconds") << "1.00:00" << -1LL;
    }
    void timeSpans()
    {
        QFETCH(QString, text);
        QFETCH(qint64, ms);
        QCOMPARE(parseTimeSpan(text), ms);
        if (ms >= 0)
            QCOMPARE(parseTimeSpan(formatTimeSpan(ms)), ms);
    }
    void binds_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("positional and named")
            << "Enable-StorageGroupCopy MBX1\\SG1 -StandbyMachine MBX3 -ReplayLagTime 0.0:0:0"
            << "Identity=MBX1\\SG1 ReplayLagTime=0 StandbyMachine=MBX3";
        QTest::newRow("prefix and case")
            << "Enable-StorageGroupCopy -ident MBX1\\SG1 -standbym mbx3 -trunc 1.00:00:00"
            << "Identity=MBX1\\SG1 StandbyMachine=mbx3 TruncationLagTime=86400000";
        QTest::newRow("switch before a positional value")
            << "Enable-StorageGroupCopy -Force MBX1\\SG1 -StandbyMachine MBX3"
            << "Force=true Identity=MBX1\\SG1 StandbyMachine=MBX3";
        QTest::newRow("colon switch and common parameters")
            << "Enable-StorageGroupCopy MBX1\\SG1 -StandbyMachine:MBX3 -Force:$false -Confirm:$false -WhatIf"
            << "Confirm=false Force=false Identity=MBX1\\SG1 StandbyMachine=MBX3 WhatIf=true";
        QTest::newRow("quoted value") << "Enable-StorageGroupCopy 'MBX1\\SG 1' -StandbyMachine \"MBX3\""
                                      << "Identity=MBX1\\SG 1 StandbyMachine=MBX3";
    }
    void binds()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        auto b = bindText(text);
        QVERIFY2(b.hasValue(), qPrintable(b.hasValue() ? QString() : b.error().toString()));
        QCOMPARE(shape(*b), expected);
    }
    void refuses_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("mentions");
        QTest::addColumn<QString>("fix");
        QTest::newRow("unknown parameter, near") << "Enable-StorageGroupCopy MBX1\\SG1 -StandbyMachien MBX3"
                                                 << "has no parameter -StandbyMachien"
                                                 << "-StandbyMachine";
        QTest::newRow("unknown parameter, far")
            << "Enable-StorageGroupCopy MBX1\\SG1 -Frobnicate 3 -StandbyMachine MBX3"
            << "has no parameter -Frobnicate"
            << "Get-Help";
        QTest::newRow("ambiguous prefix") << "Enable-StorageGroupCopy MBX1\\SG1 -StandbyMachine MBX3 -D x"
                                          << "ambiguous"
                                          << "more of the parameter";
        QTest::newRow("missing mandatory") << "Enable-StorageGroupCopy MBX1\\SG1"
                                           << "needs -StandbyMachine"
                                           << "-StandbyMachine";
        QTest::newRow("missing value") << "Enable-StorageGroupCopy MBX1\\SG1 -StandbyMachine"
                                       << "needs a string"
                                       << "-StandbyMachine";
        QTest::newRow("bad timespan")
            << "Enable-StorageGroupCopy MBX1\\SG1 -StandbyMachine MBX3 -ReplayLagTime 1day"
            << "takes a TimeSpan"
            << "Get-Help";
        QTest::newRow("switch with a string")
            << "Enable-StorageGroupCopy MBX1\\SG1 -StandbyMachine MBX3 -Force:yes"
            << "takes a switch"
            << "Get-Help";
        QTest::newRow("too many positional values") << "Enable-StorageGroupCopy MBX1\\SG1 MBX3"
                                                    << "no further value by position"
                                                    << "-Identity";
        QTest::newRow("given twice")
            << "Enable-StorageGroupCopy -Identity MBX1\\SG1 -Identity MBX1\\SG2 -StandbyMachine MBX3"
            << "given twice"
            << "once";
    }
    void refuses()
    {
        QFETCH(QString, text);
        QFETCH(QString, mentions);
        QFETCH(QString, fix);
        auto b = bindText(text);
        QVERIFY(!b.hasValue());
        QVERIFY2(b.error().reason.contains(mentions), qPrintable(b.error().toString()));
        QVERIFY2(b.error().fix.contains(fix), qPrintable(b.error().fix));
        QVERIFY(b.error().reason.endsWith(QLatin1Char('^')));
    }
};

QTEST_GUILESS_MAIN(TestBinder)
#include "tst_binder.moc"
