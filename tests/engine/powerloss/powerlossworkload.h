#pragma once
// The workloads tst_powerloss records (run by scr-powerloss-workload) and the check of each crash state they
// leave: recovery through the product's own paths, then "nothing acknowledged is lost".

#include "core/result.h"

#include <functional>

#include <QString>
#include <QStringList>

namespace scr::powerloss {

// Tells the harness (and stdout) what was just acknowledged.
using Mark = std::function<void(const QString &)>;

Status runWorkload(const QString &name, const QString &root, const Mark &mark);

struct Verdict
{
    enum Kind { Recovered, Refused, Failed };
    Kind kind = Failed;
    QString message;
};

// marks: what the workload had acknowledged before the crash.
Verdict checkLogStream(const QString &stateDir, const QStringList &marks);
Verdict checkNewFolder(const QString &stateDir, const QStringList &marks);
Verdict checkCopier(const QString &stateDir, const QStringList &marks);
Verdict checkRestore(const QString &stateDir, const QStringList &marks);
Verdict checkSeed(const QString &stateDir, const QStringList &marks);
Verdict checkTruncation(const QString &stateDir, const QStringList &marks);
Verdict checkClockLease(const QString &stateDir, const QStringList &marks);
Verdict checkReplay(const QString &stateDir, const QStringList &marks);
Verdict checkEseutil(const QString &stateDir, const QStringList &marks);
Verdict checkMovePath(const QString &stateDir, const QStringList &marks);

} // namespace scr::powerloss
