#include "error.h"

#include "textescape.h"

#include <cerrno>
#include <cstring>

namespace scr {

QString jetCodeName(JetCode code)
{
    switch (code) {
    case JetCode::None:
        return {};
    case JetCode::LogFileCorrupt:
        return QStringLiteral("JET_errLogFileCorrupt");
    case JetCode::InvalidLogSequence:
        return QStringLiteral("JET_errInvalidLogSequence");
    case JetCode::MissingLogFile:
        return QStringLiteral("JET_errMissingLogFile");
    case JetCode::BadLogSignature:
        return QStringLiteral("JET_errBadLogSignature");
    case JetCode::CheckpointCorrupt:
        return QStringLiteral("JET_errCheckpointCorrupt");
    case JetCode::LogFileSizeMismatch:
        return QStringLiteral("JET_errLogFileSizeMismatch");
    case JetCode::DatabaseDirtyShutdown:
        return QStringLiteral("JET_errDatabaseDirtyShutdown");
    case JetCode::LogGenerationMismatch:
        return QStringLiteral("JET_errLogGenerationMismatch");
    case JetCode::InvalidParameter:
        return QStringLiteral("JET_errInvalidParameter");
    case JetCode::DiskIO:
        return QStringLiteral("JET_errDiskIO");
    case JetCode::FileAccessDenied:
        return QStringLiteral("JET_errFileAccessDenied");
    case JetCode::DatabaseInUse:
        return QStringLiteral("JET_errDatabaseInUse");
    case JetCode::DatabaseCorrupted:
        return QStringLiteral("JET_errDatabaseCorrupted");
    case JetCode::AttachedDatabaseMismatch:
        return QStringLiteral("JET_errAttachedDatabaseMismatch");
    case JetCode::DiskFull:
        return QStringLiteral("JET_errDiskFull");
    case JetCode::FileNotFound:
        return QStringLiteral("JET_errFileNotFound");
    case JetCode::OperationCancelled:
        return QStringLiteral("JET_errOperationCancelled");
    }
    return QStringLiteral("JET_err%1").arg(static_cast<int>(code));
}

QString Error::toString() const
{
    // Each field is a value from the lab or the user (a name, a path, a header field): its control
    // characters, newlines included, are escaped so that no value forges a line on a terminal or in a log.
    // The one exception is the parser's syntax error, whose newlines are its own layout (the script line and
    // the caret under it) and whose parts the parser escaped itself.
    const QString shownReason =
        escapeControls(reason, object == QLatin1String("Syntax") && code == JetCode::None);
    QString text =
        object.isEmpty() ? shownReason : escapeControls(object) + QStringLiteral(": ") + shownReason;
    if (code != JetCode::None)
        text += QStringLiteral(" (%1 %2)").arg(static_cast<int>(code)).arg(jetCodeName(code));
    if (!fix.isEmpty()) // after a multi-line reason (a caret under a position), the fix gets its own line
        text += (shownReason.contains(QLatin1Char('\n')) ? QStringLiteral("\nFix: ")
                                                         : QStringLiteral(". Fix: ")) +
                escapeControls(fix);
    return text;
}

Error errorFromErrno(int err, const QString &object, const QString &doing)
{
    const QString why = doing + QStringLiteral(" failed: ") + QString::fromLocal8Bit(std::strerror(err));
    switch (err) {
    case ENOSPC:
    case EDQUOT:
        return {object, why, QStringLiteral("free space on the disk that holds it"), JetCode::DiskFull};
    case EACCES:
    case EPERM:
    case EROFS:
        return {object, why, QStringLiteral("make the folder writable for the Exchange services"),
                JetCode::FileAccessDenied};
    case EHOSTDOWN:
    case EHOSTUNREACH:
        return {object, QStringLiteral("the host is powered off or unreachable (%1)").arg(doing),
                QStringLiteral("start the host, or act from another server"), JetCode::DiskIO};
    case ENOENT:
    case ENOTDIR:
        return {object, why, QStringLiteral("check the path"), JetCode::FileNotFound};
    default:
        return {object, why, {}, JetCode::DiskIO};
    }
}

} // namespace scr
