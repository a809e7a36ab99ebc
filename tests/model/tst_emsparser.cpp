#include "ems/parser.h"

#include <QTest>

using namespace scr;
using namespace scr::ems;

namespace {

// A compact picture of a parse: "Cmd[-P|v:x|s:x|b:1|n|$:x|{x}|-P:x] | Cmd2 ; Next"
QString shape(const Script &script)
{
    QStringList statements;
    for (const Pipeline &p : script.statements) {
        if (p.assignment) {
            const Element &v = p.assignment->value;
            statements << QLatin1Char('$') + p.assignment->variable + QLatin1Char('=') +
                              (v.valueKind == Element::ValueKind::String ? QStringLiteral("s:")
                                                                         : QStringLiteral("v:")) +
                              v.text;
            continue;
        }
        QStringList commands;
        for (const Command &c : p.commands) {
            QStringList elements;
            for (const Element &e : c.elements) {
                QString value;
                switch (e.valueKind) {
                case Element::ValueKind::Bareword:
                    value = QStringLiteral("v:") + e.text;
                    break;
                case Element::ValueKind::String:
                    value = QStringLiteral("s:") + e.text;
                    break;
                case Element::ValueKind::Boolean:
                    value = QStringLiteral("b:%1").arg(e.boolean);
                    break;
                case Element::ValueKind::Null:
                    value = QStringLiteral("n");
                    break;
                case Element::ValueKind::Variable:
                    value = QStringLiteral("$:") + e.text;
                    break;
                case Element::ValueKind::ScriptBlock:
                    value = QStringLiteral("{") + e.text + QLatin1Char('}');
                    break;
                }
                if (e.kind == Element::Kind::Parameter)
                    elements << QLatin1Char('-') + e.name +
                                    (e.hasColonValue ? QLatin1Char(':') + value : QString());
                else
                    elements << value;
            }
            commands << c.name + QLatin1Char('[') + elements.join(QLatin1Char('|')) + QLatin1Char(']');
        }
        statements << commands.join(QStringLiteral(" | "));
    }
    return statements.join(QStringLiteral(" ; "));
}

} // namespace

class TestEmsParser : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void parses_data()
    {
        QTest::addColumn<QString>("script");
        QTest::addColumn<QString>("expected");
        QTest::newRow("positional identity") << "Get-StorageGroupCopyStatus MBX1\\SG1"
                                             << "Get-StorageGroupCopyStatus[v:MBX1\\SG1]";
        QTest::newRow("named and switch")
            << "Restore-StorageGroupCopy -Identity MBX1\\SG1 -StandbyMachine MBX3 -Force"
            << "Restore-StorageGroupCopy[-Identity|v:MBX1\\SG1|-StandbyMachine|v:MBX3|-Force]";
        QTest::newRow("colon booleans") << "Dismount-Database DB1 -Confirm:$false -WhatIf:$TRUE"
                                        << "Dismount-Database[v:DB1|-Confirm:b:0|-WhatIf:b:1]";
        QTest::newRow("timespan")
            << "Enable-StorageGroupCopy MBX1\\SG1 -StandbyMachine MBX3 -ReplayLagTime 0.0:0:0"
            << "Enable-StorageGroupCopy[v:MBX1\\SG1|-StandbyMachine|v:MBX3|-ReplayLagTime|v:0.0:0:0]";
        QTest::newRow("quotes")
            << "Suspend-StorageGroupCopy MBX1\\SG1 -SuspendComment 'it''s patch day' -x \"a `\"b`\"\""
            << "Suspend-StorageGroupCopy[v:MBX1\\SG1|-SuspendComment|s:it's patch day|-x|s:a \"b\"]";
        QTest::newRow("pipeline with where")
            << "Get-Mailbox -Database MBX1\\SG1\\DB1 | where {$_.ObjectClass -NotMatch "
               "'(SystemAttendantMailbox|ExOleDbSystemMailbox)'} | Move-Mailbox -ConfigurationOnly "
               "-TargetDatabase MBX3\\SG1Target\\DBTarget"
            << "Get-Mailbox[-Database|v:MBX1\\SG1\\DB1] | where[{$_.ObjectClass -NotMatch "
               "'(SystemAttendantMailbox|ExOleDbSystemMailbox)'}] | "
               "Move-Mailbox[-ConfigurationOnly|-TargetDatabase|v:MBX3\\SG1Target\\DBTarget]";
        QTest::newRow("statements and comments")
            << "Get-ExchangeServer # all of them\nGet-StorageGroup; ;Get-Help Mount-Database"
            << "Get-ExchangeServer[] ; Get-StorageGroup[] ; Get-Help[v:Mount-Database]";
        QTest::newRow("windows paths and eseutil")
            << "eseutil /r E00 /l C:\\Exchange\\Logs\\SG1 /d 'C:\\My Data'"
            << "eseutil[v:/r|v:E00|v:/l|v:C:\\Exchange\\Logs\\SG1|v:/d|s:C:\\My Data]";
        QTest::newRow("null, variables, negative numbers") << "Set-X -Value $null $_ -1"
                                                           << "Set-X[-Value|n|$:$_|v:-1]";
        QTest::newRow("empty") << "  # nothing\n;"
                               << "";
        // PowerShell's arrays: "a, b" and 'a','b' are one value.
        QTest::newRow("a list after a comma and a space")
            << "Get-Mailbox | Select-Object Name, Database -First 2"
            << "Get-Mailbox[] | Select-Object[v:Name,Database|-First|v:2]";
        QTest::newRow("a list of quoted strings") << "Sort-Object -Property 'Name','Database'"
                                                  << "Sort-Object[-Property|s:Name,Database]";
        QTest::newRow("a trailing comma before a parameter stays") << "Select-Object Name, -First 1"
                                                                   << "Select-Object[v:Name,|-First|v:1]";
        QTest::newRow("assignments") << "$ErrorActionPreference = 'Stop'; $x=Continue\nGet-Host"
                                     << "$ErrorActionPreference=s:Stop ; $x=v:Continue ; Get-Host[]";
        QTest::newRow("a where block's $_ is no assignment") << "where {$_.Name -eq 'a'}"
                                                             << "where[{$_.Name -eq 'a'}]";
        QTest::newRow("a word with I in it is fine") << "Get-Mailbox I | ft"
                                                     << "Get-Mailbox[v:I] | ft[]";
    }
    void parses()
    {
        QFETCH(QString, script);
        QFETCH(QString, expected);
        auto r = parse(script);
        QVERIFY2(r.hasValue(), qPrintable(r.hasValue() ? QString() : r.error().toString()));
        QCOMPARE(shape(*r), expected);
    }
    void refuses_data()
    {
        QTest::addColumn<QString>("script");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("unterminated single quote") << "Get-Mailbox 'Ada" << 13 << "no closing '";
        QTest::newRow("unterminated double quote") << "x; Get-Mailbox \"Ada" << 16 << "no closing \"";
        QTest::newRow("unterminated block")
            << "Get-Mailbox | where {$_.Name -eq 'a'" << 21 << "no closing '}'";
        QTest::newRow("stray close brace") << "Get-Mailbox }" << 13 << "closes no '{'";
        QTest::newRow("pipe at the end") << "Get-Mailbox |" << 14 << "expected after '|'";
        QTest::newRow("pipe at the start") << "| Get-Mailbox" << 1 << "expected before '|'";
        QTest::newRow("double pipe") << "Get-Mailbox | | ft" << 15 << "between the two '|'";
        QTest::newRow("a lowercase L for a pipe")
            << "Get-Mailbox -Database DB1 l Move-Mailbox" << 27 << "where a pipe '|' belongs";
        QTest::newRow("a capital I for a pipe")
            << "Get-StorageGroupCopyStatus I fl" << 28 << "where a pipe '|' belongs";
        QTest::newRow("broken bar") << "Get-Mailbox \u00A6 ft" << 13 << "looks like a pipe";
        QTest::newRow("fullwidth bar") << "Get-Mailbox \uFF5C ft" << 13 << "looks like a pipe";
        QTest::newRow("colon without value")
            << "Dismount-Database DB1 -Confirm:" << 32 << "value was expected";
        QTest::newRow("starts with a parameter") << "-Identity x" << 1 << "command name was expected";
        QTest::newRow("assignment without a value")
            << "$ErrorActionPreference =" << 25 << "value was expected";
        QTest::newRow("assignment with two values")
            << "$ErrorActionPreference = Stop now" << 31 << "should end after the value";
        // Position 0 of a script of several lines: line 1, column 1 (it once came out negative).
        QTest::newRow("error at the very start, more lines after")
            << "-Identity x\nGet-Mailbox\nGet-Mailbox" << 1 << "line 1, column 1";
        // A where block is parsed with the script, not when its pipeline runs.
        QTest::newRow("where block, later line")
            << "Get-Host\nGet-Mailbox | where {Name -eq 'x'}" << 22 << "line 2, column 22";
        QTest::newRow("Where-Object -FilterScript, unknown operator")
            << "Get-Host | Where-Object -FilterScript {$_.Name -contains 'x'}" << 48 << "comparison operator";
        QTest::newRow("where block, bad regular expression")
            << "Get-Host | where {$_.Name -match '['}" << 34 << "not a valid regular expression";
    }
    void refuses()
    {
        QFETCH(QString, script);
        QFETCH(int, column);
        QFETCH(QString, mentions);
        auto r = parse(script);
        QVERIFY(!r.hasValue());
        const QString text = r.error().reason;
        QVERIFY2(text.contains(mentions), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("column %1)").arg(column)), qPrintable(text));
        // The caret stands under the column.
        const QStringList lines = text.split(QLatin1Char('\n'));
        QCOMPARE(lines.last(), QString(column - 1, QLatin1Char(' ')) + QLatin1Char('^'));
        QVERIFY(!r.error().fix.isEmpty());
    }
    void nearestNames_data()
    {
        QTest::addColumn<QString>("wanted");
        QTest::addColumn<QString>("expected");
        QTest::newRow("typo") << "Get-StorageGroupCopyStats"
                              << "Get-StorageGroupCopyStatus";
        QTest::newRow("case") << "mount-database"
                              << "Mount-Database";
        QTest::newRow("parameter") << "StandbyMachin"
                                   << "StandbyMachine";
        QTest::newRow("nothing close") << "Frobnicate"
                                       << "";
    }
    void nearestNames()
    {
        QFETCH(QString, wanted);
        QFETCH(QString, expected);
        const QStringList names = {QStringLiteral("Get-StorageGroupCopyStatus"),
                                   QStringLiteral("Mount-Database"), QStringLiteral("Dismount-Database"),
                                   QStringLiteral("StandbyMachine"), QStringLiteral("Identity")};
        QCOMPARE(nearestName(wanted, names), expected);
    }
    void conditions_data()
    {
        QTest::addColumn<QString>("block");
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("count");
        QTest::addColumn<bool>("expected");
        QTest::newRow("notmatch system")
            << "$_.ObjectClass -NotMatch '(SystemAttendantMailbox|ExOleDbSystemMailbox)'"
            << "User" << 3 << true;
        QTest::newRow("notmatch hit") << "$_.ObjectClass -notmatch 'ExOleDb'"
                                      << "ExOleDbSystemMailbox" << 3 << false;
        QTest::newRow("match is case-insensitive") << "$_.ObjectClass -match 'user'"
                                                   << "User" << 3 << true;
        QTest::newRow("eq string") << "$_.ObjectClass -eq 'USER'"
                                   << "User" << 3 << true;
        QTest::newRow("ne") << "$_.ObjectClass -ne 'User'"
                            << "User" << 3 << false;
        QTest::newRow("like") << "$_.ObjectClass -like 'Sys*'"
                              << "SystemAttendantMailbox" << 3 << true;
        QTest::newRow("notlike") << "$_.ObjectClass -notlike 'Sys*'"
                                 << "User" << 3 << true;
        QTest::newRow("gt numeric") << "$_.ItemCount -gt 20"
                                    << "User" << 100 << true;
        QTest::newRow("lt numeric, not lexical") << "$_.ItemCount -lt 20"
                                                 << "User" << 3 << true;
        QTest::newRow("and") << "$_.ItemCount -gt 1 -and $_.ObjectClass -eq 'User'"
                             << "User" << 3 << true;
        QTest::newRow("or") << "$_.ItemCount -gt 10 -or $_.ObjectClass -eq 'Nope'"
                            << "User" << 3 << false;
    }
    void conditions()
    {
        QFETCH(QString, block);
        QFETCH(QString, name);
        QFETCH(int, count);
        QFETCH(bool, expected);
        auto c = parseCondition(block, block, 0);
        QVERIFY2(c.hasValue(), qPrintable(c.hasValue() ? QString() : c.error().toString()));
        auto r = c->evaluate([&](const QString &p) -> std::optional<QVariant> {
            if (p.compare(QStringLiteral("ObjectClass"), Qt::CaseInsensitive) == 0)
                return QVariant(name);
            if (p.compare(QStringLiteral("ItemCount"), Qt::CaseInsensitive) == 0)
                return QVariant(count);
            return std::nullopt;
        });
        QVERIFY(r.hasValue());
        QCOMPARE(*r, expected);
    }
    void badConditions_data()
    {
        QTest::addColumn<QString>("block");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("no operator") << "$_.Name 'x'"
                                     << "comparison";
        QTest::newRow("unknown operator") << "$_.Name -contains 'x'"
                                          << "comparison operator";
        QTest::newRow("not a property") << "Name -eq 'x'"
                                        << "$_.Name";
        QTest::newRow("missing value") << "$_.Name -eq"
                                       << "comparison like";
        QTest::newRow("dangling and") << "$_.Name -eq 'x' -and"
                                      << "-and or -or";
    }
    void badConditions()
    {
        QFETCH(QString, block);
        QFETCH(QString, mentions);
        auto c = parseCondition(block, block, 0);
        QVERIFY(!c.hasValue());
        QVERIFY2(c.error().reason.contains(mentions), qPrintable(c.error().reason));
    }
    // A where block's error points into the script, on the block's own line, never at a negative column.
    void whereErrorsPointIntoTheScript()
    {
        const QString script = QStringLiteral("Get-Host\nGet-Mailbox | where {Name -eq 'x'}");
        const qsizetype open = script.indexOf(QLatin1Char('{'));
        const QString block = script.mid(open + 1, script.indexOf(QLatin1Char('}')) - open - 1);
        auto c = parseCondition(script, block, open + 1);
        QVERIFY(!c.hasValue());
        QVERIFY2(c.error().reason.contains(QStringLiteral("(line 2, column 22)")),
                 qPrintable(c.error().reason));
        QVERIFY(c.error().reason.endsWith(QString(21, QLatin1Char(' ')) + QLatin1Char('^')));
        // A block that is not the script's text: its positions are offset into the script as before.
        auto alone = parseCondition(QStringLiteral("x"), QStringLiteral("$_.Name -eq"), 0);
        QVERIFY(!alone.hasValue());
        QVERIFY2(!alone.error().reason.contains(QStringLiteral("column -")),
                 qPrintable(alone.error().reason));
    }
    void unknownPropertyAndBadRegexAreErrors()
    {
        auto c = parseCondition(QStringLiteral("$_.Nope -eq 1"), QStringLiteral("$_.Nope -eq 1"), 0);
        QVERIFY(c.hasValue());
        QVERIFY(!c->evaluate([](const QString &) { return std::optional<QVariant>(); }).hasValue());
        // A pattern written in the block is refused when the block is parsed; one that reaches evaluate()
        // otherwise is still an error there.
        auto re =
            parseCondition(QStringLiteral("$_.Name -match '('"), QStringLiteral("$_.Name -match '('"), 0);
        QVERIFY(!re.hasValue());
        QVERIFY2(re.error().reason.contains(QStringLiteral("not a valid regular expression")),
                 qPrintable(re.error().reason));
        Condition built;
        built.comparisons.push_back({QStringLiteral("Name"), QStringLiteral("-match"), QStringLiteral("(")});
        QVERIFY(!built.evaluate([](const QString &) { return std::optional<QVariant>(QStringLiteral("x")); })
                     .hasValue());
    }
};

QTEST_GUILESS_MAIN(TestEmsParser)
#include "tst_emsparser.moc"
