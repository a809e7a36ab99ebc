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
        QTest::addColumn<qint64>("ms"); // -1: refused
        QTest::addColumn<QString>("mentions");
        const qint64 hour = 3600000LL, day = 24 * hour;
        QTest::newRow("zero, short") << "0.0:0:0" << 0LL << "";
        QTest::newRow("one day") << "1.00:00:00" << day << "";
        QTest::newRow("seven days") << "7.00:00:00" << 7 * day << "";
        QTest::newRow("no days") << "12:30:15" << (12 * 3600 + 30 * 60 + 15) * 1000LL << "";
        // PowerShell's [TimeSpan] forms: hh:mm, d.hh:mm, fractions of a second.
        QTest::newRow("1:00 is an hour") << "1:00" << hour << "";
        QTest::newRow("00:30 is half an hour") << "00:30" << hour / 2 << "";
        QTest::newRow("1:00:00 is an hour") << "1:00:00" << hour << "";
        QTest::newRow("d.hh:mm") << "1.00:00" << day << "";
        QTest::newRow("leading zeros") << "007.00:00:00" << 7 * day << "";
        QTest::newRow("fraction") << "0:0:1.5" << 1500LL << "";
        QTest::newRow("seven-digit fraction") << "0:0:0.1234567" << 123LL << "";
        QTest::newRow("negative") << "-1:00" << -hour << "";
        QTest::newRow("TimeSpan.MaxValue") << "10675199.02:48:05.4775807" << kMaxTimeSpanMs << "";
        QTest::newRow("hours out of range") << "0.24:00:00" << -1LL << "hours beyond 23";
        QTest::newRow("24:00") << "24:00" << -1LL << "hours beyond 23";
        QTest::newRow("minutes out of range") << "0:60" << -1LL << "minutes beyond 59";
        QTest::newRow("seconds out of range") << "0:0:60" << -1LL << "seconds beyond 59";
        QTest::newRow("words") << "one day" << -1LL << "is not a TimeSpan";
        QTest::newRow("a number alone") << "7" << -1LL << "is a number";
        QTest::newRow("four parts") << "1:00:00:00" << -1LL << "is not a TimeSpan";
        // Once wrapped around to 0.09:34:08 and to 0: beyond TimeSpan's range, refused.
        QTest::newRow("days that overflowed qint64")
            << "213503982335.00:00:00" << -1LL << "beyond a TimeSpan's range";
        QTest::newRow("twenty digits of days")
            << "99999999999999999999.00:00:00" << -1LL << "beyond a TimeSpan's range";
        QTest::newRow("one day past MaxValue") << "10675200.00:00:00" << -1LL << "beyond a TimeSpan's range";
        QTest::newRow("a second past MaxValue") << "10675199.02:48:06" << -1LL << "beyond a TimeSpan's range";
        QTest::newRow("fraction too long") << "0:0:0.12345678" << -1LL << "7 digits";
    }
    void timeSpans()
    {
        QFETCH(QString, text);
        QFETCH(qint64, ms);
        QFETCH(QString, mentions);
        const auto parsed = parseTimeSpan(text);
        if (ms == -1) {
            QVERIFY(!parsed.hasValue());
            QVERIFY2(parsed.error().reason.contains(mentions), qPrintable(parsed.error().toString()));
            QVERIFY(parsed.error().fix.contains(QStringLiteral("1:00 (an hour)")));
            return;
        }
        QVERIFY2(parsed.hasValue(), qPrintable(parsed.hasValue() ? QString() : parsed.error().toString()));
        QCOMPARE(*parsed, ms);
        const auto again = parseTimeSpan(formatTimeSpan(ms));
        QVERIFY(again.hasValue());
        QCOMPARE(*again, ms / 1000 * 1000); // formatTimeSpan shows whole seconds
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
        QTest::newRow("an hour as PowerShell writes it")
            << "Enable-StorageGroupCopy MBX1\\SG1 -StandbyMachine MBX3 -ReplayLagTime 1:00 "
               "-TruncationLagTime '00:30'"
            << "Identity=MBX1\\SG1 ReplayLagTime=3600000 StandbyMachine=MBX3 TruncationLagTime=1800000";
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
            << "is not a TimeSpan"
            << "1:00 (an hour)";
        QTest::newRow("timespan beyond its range")
            << "Enable-StorageGroupCopy MBX1\\SG1 -StandbyMachine MBX3 -ReplayLagTime 213503982335.00:00:00"
            << "beyond a TimeSpan's range (at most 10675199.02:48:05)"
            << "1.00:00:00 (a day)";
        QTest::newRow("a script block for a timespan")
            << "Enable-StorageGroupCopy MBX1\\SG1 -StandbyMachine MBX3 -ReplayLagTime {1:00}"
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
