#pragma once
// Error: what went wrong, on which object, and how to fix it. Errors are values; no exception crosses a
// layer. Codes follow ESE (JET_err*) where ESE has one, so an administrator can search for them.

#include <QString>

namespace scr {

// ESE error codes the store reports. Names and numbers as in esent.h / Exchange 2007's eseutil.
enum class JetCode : int {
    None = 0,
    LogFileCorrupt = -501,
    InvalidLogSequence = -515,
    MissingLogFile = -528,
    BadLogSignature = -530,
    CheckpointCorrupt = -533,
    LogFileSizeMismatch = -541,
    DatabaseDirtyShutdown = -550,
    LogGenerationMismatch = -567,
    InvalidParameter = -1003,
    DiskIO = -1022,
    FileAccessDenied = -1032,
    DatabaseInUse = -1202,
    DatabaseCorrupted = -1206,
    AttachedDatabaseMismatch = -1216,
    DiskFull = -1808,
    FileNotFound = -1811,
    OperationCancelled = -2401,
};

QString jetCodeName(JetCode code);

struct Error
{
    QString object; // the thing that failed, in the user's words: a path, "MBX1\SG1", a generation
    QString reason; // what is wrong with it
    QString fix;    // what the user can do, when we know
    JetCode code = JetCode::None;

    // "E0000000005.log: the log signature does not match (-530 JET_errBadLogSignature). Fix: ..."
    QString toString() const;
};

Error errorFromErrno(int err, const QString &object, const QString &doing);

} // namespace scr
