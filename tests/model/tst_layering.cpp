// The layering of file access: a host's files are reached through HostDisk only. No source of model/ or
// engine/replication/ may use Qt's or the standard library's file classes (QFile, QDir, QFileInfo,
// QDirIterator, QSaveFile, std::filesystem) nor the free functions of engine/core/fileio.h, except the few
// files below that handle the lab folder itself, each with why.
// And the direction of model/'s folders that are not targets of their own (kIncludeRules).

#include <algorithm>
#include <iterator>

#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QTest>

namespace {

struct Allowed
{
    const char *path; // relative to the source folder
    const char *why;
};

// directory.cpp (org.sqlite) and lablock.cpp (lab.lock) reach the lab's own files beneath the lab folder's
// descriptor, never through a link: they need no exception any more.
const Allowed kAllowed[] = {
    {"model/lab/demolab.cpp",
     "makes the lab folder itself (empty or new); the hosts' disks are made through HostDisk"},
};

const char *const kFolders[] = {"model", "engine/replication"};

// A folder's sources may not include a project header that matches forbidden (#include "...").
struct IncludeRule
{
    const char *folder;
    const char *forbidden; // a regular expression over the included path
    const char *why;
};
const IncludeRule kIncludeRules[] = {
    {"model/command", "^(?!command/|commandline\\.h)",
     "command/ is the shell's command text and nothing else: cmdlets/ and ems/ both build on it"},
    {"model/cmdlets", "^ems/",
     "ems/ (the shell) runs the cmdlets: quote, formatTimeSpan and CommandLine are in command/"},
};

// What a host file must not be reached with. Words, so that "HostDisk::checkWritableFolder" and a comment's
// "QFileInfo" in prose are told apart from a use: a use is a type or a call.
const QRegularExpression &forbidden()
{
    static const QRegularExpression re(QStringLiteral(
        "\\b(QFile|QDir|QFileInfo|QDirIterator|QSaveFile)\\b|std::filesystem|#include\\s*[<\"]filesystem[>\"]"
        "|"
        "(?<![.>:])\\b(writeFileAtomically|readWholeFile|copyFileDurably|syncDirectory|ensureDirectory|"
        "checkWritableFolder|renameDurably|renameFile)\\s*\\("));
    return re;
}

// Comments are not uses.
QString withoutComments(const QString &line)
{
    const qsizetype at = line.indexOf(QStringLiteral("//"));
    return at < 0 ? line : line.left(at);
}

} // namespace

class TestLayering : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void noFileClassesOutsideHostDisk()
    {
        const QString root = QStringLiteral(SCR_SOURCE_DIR);
        int scanned = 0;
        QStringList offences;
        for (const char *folder : kFolders) {
            QDirIterator it(root + QLatin1Char('/') + QLatin1String(folder),
                            {QStringLiteral("*.cpp"), QStringLiteral("*.h")}, QDir::Files,
                            QDirIterator::Subdirectories);
            while (it.hasNext()) {
                const QString path = it.next();
                const QString rel = path.mid(root.size() + 1);
                if (std::any_of(std::begin(kAllowed), std::end(kAllowed),
                                [&](const Allowed &a) { return rel == QLatin1String(a.path); }))
                    continue;
                QFile file(path);
                QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
                ++scanned;
                const QStringList lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'));
                for (qsizetype i = 0; i < lines.size(); ++i) {
                    const QString code = withoutComments(lines[i]);
                    if (const auto m = forbidden().match(code); m.hasMatch())
                        offences << QStringLiteral("%1:%2: %3 (reach host files through HostDisk)")
                                        .arg(rel)
                                        .arg(i + 1)
                                        .arg(m.captured(0).trimmed());
                }
            }
        }
        QVERIFY2(scanned > 20, "the sources were not found");
        QVERIFY2(offences.isEmpty(), qPrintable(offences.join(QLatin1Char('\n'))));
    }

    void includesKeepTheirDirection()
    {
        static const QRegularExpression include(QStringLiteral("^\\s*#\\s*include\\s*\"([^\"]+)\""));
        const QString root = QStringLiteral(SCR_SOURCE_DIR);
        QStringList offences;
        for (const IncludeRule &rule : kIncludeRules) {
            const QRegularExpression forbidden(QLatin1String(rule.forbidden));
            int scanned = 0;
            QDirIterator it(root + QLatin1Char('/') + QLatin1String(rule.folder),
                            {QStringLiteral("*.cpp"), QStringLiteral("*.h")}, QDir::Files);
            while (it.hasNext()) {
                const QString path = it.next();
                QFile file(path);
                QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
                ++scanned;
                const QStringList lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'));
                for (qsizetype i = 0; i < lines.size(); ++i)
                    if (const auto m = include.match(lines[i]);
                        m.hasMatch() && forbidden.match(m.captured(1)).hasMatch())
                        offences << QStringLiteral("%1:%2: includes %3 (%4)")
                                        .arg(path.mid(root.size() + 1))
                                        .arg(i + 1)
                                        .arg(m.captured(1), QLatin1String(rule.why));
            }
            QVERIFY2(scanned > 0, rule.folder);
        }
        QVERIFY2(offences.isEmpty(), qPrintable(offences.join(QLatin1Char('\n'))));
    }

    void includeRulesCatch_data()
    {
        QTest::addColumn<int>("rule");
        QTest::addColumn<QString>("included");
        QTest::addColumn<bool>("caught");
        QTest::newRow("command/ includes the engine") << 0 << "core/result.h" << true;
        QTest::newRow("command/ includes ems/") << 0 << "ems/parser.h" << true;
        QTest::newRow("command/ includes itself") << 0 << "commandline.h" << false;
        QTest::newRow("cmdlets/ includes ems/") << 1 << "ems/binder.h" << true;
        QTest::newRow("cmdlets/ includes command/") << 1 << "command/commandline.h" << false;
    }
    void includeRulesCatch()
    {
        QFETCH(int, rule);
        QFETCH(QString, included);
        QFETCH(bool, caught);
        const QRegularExpression forbidden(QLatin1String(kIncludeRules[rule].forbidden));
        QCOMPARE(forbidden.match(included).hasMatch(), caught);
    }

    void allowListIsCurrent()
    {
        // An allowed file that no longer exists is a stale exception: take it off the list.
        for (const Allowed &a : kAllowed)
            QVERIFY2(QFile::exists(QStringLiteral(SCR_SOURCE_DIR "/") + QLatin1String(a.path)), a.path);
    }

    void patternCatchesUses_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<bool>("caught");
        QTest::newRow("QFile::remove") << "QFile::remove(path);" << true;
        QTest::newRow("QDir type") << "const QDir logs(folder);" << true;
        QTest::newRow("include QFileInfo") << "#include <QFileInfo>" << true;
        QTest::newRow("std::filesystem") << "std::filesystem::remove_all(p);" << true;
        QTest::newRow("fileio free function") << "SCR_TRY(ensureDirectory(folder));" << true;
        QTest::newRow("fileio's File, as HostDisk hands it out")
            << "Result<File> file = disk.open(p, m);" << false;
        QTest::newRow("HostDisk method") << "SCR_TRY(disk.checkWritableFolder(folder));" << false;
        QTest::newRow("HostDisk pointer") << "SCR_TRY(disk->removeRecursively(path));" << false;
        QTest::newRow("a comment") << "// unlike QFile, this never follows a link" << false;
        QTest::newRow("a longer name") << "QDirectoryEntry e;" << false;
    }

    void patternCatchesUses()
    {
        QFETCH(QString, line);
        QFETCH(bool, caught);
        QCOMPARE(forbidden().match(withoutComments(line)).hasMatch(), caught);
    }
};

QTEST_GUILESS_MAIN(TestLayering)
#include "tst_layering.moc"
