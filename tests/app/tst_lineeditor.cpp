// scr-shell's line editor, driven through a pipe with the bytes a terminal sends: editing keys, history
// (and its file), Ctrl-C and Ctrl-D, Tab completion from the shell's real cmdlet table.

#include "ems/shellsession.h"
#include "lineeditor.h"

#include <unistd.h>

#include <QTemporaryDir>
#include <QTest>

using namespace scr;

class TestLineEditor : public QObject
{
    Q_OBJECT
    int m_in[2] = {-1, -1};
    int m_out[2] = {-1, -1};
    std::unique_ptr<shell::LineEditor> m_editor;
    ShellSession m_session{QStringLiteral("/nonexistent")}; // cmdlet names only: no lab needed

    void type(const QByteArray &keys)
    {
        QCOMPARE(::write(m_in[1], keys.constData(), keys.size()), keys.size());
    }

private Q_SLOTS:
    void init()
    {
        QCOMPARE(::pipe(m_in), 0);
        QCOMPARE(::pipe(m_out), 0);
        m_editor = std::make_unique<shell::LineEditor>(m_in[0], m_out[1]);
        m_editor->setCompleter(
            [this](const QString &line, qsizetype cursor) { return m_session.complete(line, cursor); });
    }
    void cleanup()
    {
        m_editor.reset();
        for (int fd : {m_in[0], m_in[1], m_out[0], m_out[1]})
            ::close(fd);
    }

    void editingKeys_data()
    {
        QTest::addColumn<QByteArray>("keys");
        QTest::addColumn<QString>("line");
        QTest::newRow("plain") << QByteArray("Get-Host\r") << "Get-Host";
        QTest::newRow("backspace") << QByteArray("Get-Hostx\x7f\r") << "Get-Host";
        QTest::newRow("left arrow, insert") << QByteArray("Get-Hst\x1b[D\x1b[Do\r") << "Get-Host";
        QTest::newRow("home, end") << QByteArray("Host\x1b[HGet-\x1b[F MBX1\r") << "Get-Host MBX1";
        QTest::newRow("ctrl-a, ctrl-e") << QByteArray("Host\x01Get-\x05!\r") << "Get-Host!";
        QTest::newRow("delete key") << QByteArray("Get-XHost\x01\x1b[C\x1b[C\x1b[C\x1b[C\x1b[3~\r")
                                    << "Get-Host";
        QTest::newRow("ctrl-w") << QByteArray("Get-Host MBX1 MBX2\x17\r") << "Get-Host MBX1 ";
        QTest::newRow("ctrl-u") << QByteArray("nonsense\x15Get-Host\r") << "Get-Host";
        QTest::newRow("ctrl-k") << QByteArray("Get-Host junk\x1b[D\x1b[D\x1b[D\x1b[D\x1b[D\x0b\r")
                                << "Get-Host";
        QTest::newRow("utf-8") << QByteArray("Set-Mailbox 'Jos\xc3\xa9'\r")
                               << QString::fromUtf8("Set-Mailbox 'José'");
        QTest::newRow("tab: one candidate")
            << QByteArray("Restore-Sto\tMBX1\\SG1\r") << "Restore-StorageGroupCopy MBX1\\SG1";
        QTest::newRow("tab: parameter") << QByteArray("Restore-StorageGroupCopy MBX1\\SG1 -Sta\tMBX3\r")
                                        << "Restore-StorageGroupCopy MBX1\\SG1 -StandbyMachine MBX3";
        QTest::newRow("tab: common prefix") << QByteArray("Get-StorageG\t\r") << "Get-StorageGroup";
        QTest::newRow("tab: after a pipe")
            << QByteArray("Get-Mailbox | Move-M\t\r") << "Get-Mailbox | Move-Mailbox ";
        QTest::newRow("tab: nothing") << QByteArray("Zzz\t\r") << "Zzz";
    }
    void editingKeys()
    {
        QFETCH(QByteArray, keys);
        QFETCH(QString, line);
        type(keys);
        const auto got = m_editor->readLine(QStringLiteral("PS> "));
        QVERIFY(got.has_value());
        QCOMPARE(*got, line);
    }

    void tabTwiceListsTheCandidates()
    {
        type("Get-Mail\t\t\r");
        QCOMPARE(*m_editor->readLine(QStringLiteral("PS> ")), QStringLiteral("Get-Mailbox"));
        ::close(m_out[1]);
        m_out[1] = -1;
        QByteArray shown;
        char buffer[4096];
        for (ssize_t n; (n = ::read(m_out[0], buffer, sizeof buffer)) > 0;)
            shown.append(buffer, n);
        QVERIFY2(shown.contains("Get-Mailbox  Get-MailboxDatabase  Get-MailboxStatistics"),
                 shown.constData());
    }

    void historyUpAndDown()
    {
        type("Get-Host\rGet-StorageGroup\r\x1b[A\x1b[A\r\x1b[A\x1b[A\x1b[B\r");
        QCOMPARE(*m_editor->readLine({}), QStringLiteral("Get-Host"));
        QCOMPARE(*m_editor->readLine({}), QStringLiteral("Get-StorageGroup"));
        QCOMPARE(*m_editor->readLine({}), QStringLiteral("Get-Host")); // two up
        // Up, up, down: the newest line again; the same line twice in a row is kept once.
        QCOMPARE(*m_editor->readLine({}), QStringLiteral("Get-Host"));
        QCOMPARE(m_editor->history(),
                 QStringList({QStringLiteral("Get-Host"), QStringLiteral("Get-StorageGroup"),
                              QStringLiteral("Get-Host")}));
    }

    void historySurvivesARestart()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("history"));
        m_editor->useHistoryFile(file);
        type("Get-Host MBX1\r");
        QVERIFY(m_editor->readLine({}).has_value());
        type("n\r");
        QVERIFY(m_editor->readLine({}, false).has_value()); // a confirmation's answer is not history
        shell::LineEditor again(m_in[0], m_out[1]);
        again.useHistoryFile(file);
        QCOMPARE(again.history(), QStringList{QStringLiteral("Get-Host MBX1")});
        type("\x1b[A\r");
        QCOMPARE(*again.readLine({}), QStringLiteral("Get-Host MBX1"));
    }

    void ctrlCDropsTheLineAndCtrlDEnds()
    {
        type("Dismount-Database MBX1\\SG1\\DB1\x03");
        QCOMPARE(*m_editor->readLine({}), QString());
        type("\x04");
        QVERIFY(!m_editor->readLine({}).has_value());
        ::close(m_in[1]);
        m_in[1] = -1;
        QVERIFY(!m_editor->readLine({}).has_value()); // end of input
    }
};

QTEST_GUILESS_MAIN(TestLineEditor)
#include "tst_lineeditor.moc"
