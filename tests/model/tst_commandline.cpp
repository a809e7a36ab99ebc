#include "ems/commandline.h"

#include <QTest>

using namespace scr;

class TestCommandLine : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void statements_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("one") << QStringLiteral("eseutil /mh x")
                             << QStringList{QStringLiteral("eseutil /mh x")};
        QTest::newRow("semicolons") << QStringLiteral("a; b ;c")
                                    << QStringList{QStringLiteral("a"), QStringLiteral("b"),
                                                   QStringLiteral("c")};
        QTest::newRow("newlines and blanks")
            << QStringLiteral("a\n\n  \nb\n") << QStringList{QStringLiteral("a"), QStringLiteral("b")};
        QTest::newRow("comment") << QStringLiteral("a # b; c\nd")
                                 << QStringList{QStringLiteral("a"), QStringLiteral("d")};
        QTest::newRow("quoted semicolon") << QStringLiteral("echo 'a;b'; c")
                                          << QStringList{QStringLiteral("echo 'a;b'"), QStringLiteral("c")};
        QTest::newRow("quoted hash") << QStringLiteral("echo \"#1\"")
                                     << QStringList{QStringLiteral("echo \"#1\"")};
    }
    void statements()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, expected);
        auto r = splitStatements(text);
        QVERIFY(r.hasValue());
        QCOMPARE(*r, expected);
    }
    void words_data()
    {
        QTest::addColumn<QString>("statement");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("plain") << QStringLiteral("eseutil /r E00")
                               << QStringList{QStringLiteral("eseutil"), QStringLiteral("/r"),
                                              QStringLiteral("E00")};
        QTest::newRow("double quotes") << QStringLiteral("eseutil /mh \"C:\\My Data\\DB1.edb\"")
                                       << QStringList{QStringLiteral("eseutil"), QStringLiteral("/mh"),
                                                      QStringLiteral("C:\\My Data\\DB1.edb")};
        QTest::newRow("single quotes glued")
            << QStringLiteral("/l'C:\\a b'") << QStringList{QStringLiteral("/lC:\\a b")};
        QTest::newRow("empty quoted")
            << QStringLiteral("x ''") << QStringList{QStringLiteral("x"), QString()};
        QTest::newRow("tabs") << QStringLiteral("a\t b")
                              << QStringList{QStringLiteral("a"), QStringLiteral("b")};
    }
    void words()
    {
        QFETCH(QString, statement);
        QFETCH(QStringList, expected);
        auto r = splitWords(statement);
        QVERIFY(r.hasValue());
        QCOMPARE(*r, expected);
    }
    void unterminatedQuoteShowsWhere()
    {
        auto r = splitWords(QStringLiteral("eseutil /mh 'C:\\x"));
        QVERIFY(!r.hasValue());
        QVERIFY(r.error().reason.contains(QStringLiteral("column 13")));
        QVERIFY(r.error().reason.contains(QStringLiteral("\n            ^")));
        QVERIFY(!splitStatements(QStringLiteral("a; \"b")).hasValue());
    }
};

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_commandline.moc"
