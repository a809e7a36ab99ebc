#include "hostdisk.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

namespace scr {

HostDisk::HostDisk(QString labDir, QString hostName, QString diskFolder)
    : m_labDir(std::move(labDir)), m_hostName(std::move(hostName)),
      m_diskFolder(diskFolder.isEmpty() ? defaultDiskFolder(m_hostName) : std::move(diskFolder))
{}

QString HostDisk::root() const
{
    return QDir(m_labDir).filePath(m_diskFolder);
}

bool HostDisk::isValidWindowsPath(const QString &windowsPath, QString *why)
{
    static const QRegularExpression absolute(QStringLiteral("^[A-Za-z]:(\\\\|$)"));
    static const QRegularExpression badChars(QStringLiteral("[<>:\"/|?*\\x00-\\x1F]"));
    const auto fail = [&](const QString &reason) {
        if (why)
            *why = reason;
        return false;
    };
    if (!absolute.match(windowsPath).hasMatch())
        return fail(QStringLiteral("is not an absolute path with a drive letter (C:\\...)"));
    const QStringList parts = windowsPath.mid(3).split(QLatin1Char('\\'), Qt::SkipEmptyParts);
    for (const QString &part : parts) {
        if (part == QStringLiteral("..") || part == QStringLiteral("."))
            return fail(QStringLiteral("contains \"%1\"").arg(part));
        if (badChars.match(part).hasMatch())
            return fail(QStringLiteral("has a character Windows does not allow in \"%1\"").arg(part));
        if (part.endsWith(QLatin1Char(' ')) || part.endsWith(QLatin1Char('.')))
            return fail(QStringLiteral("has a name ending in a space or a dot: \"%1\"").arg(part));
    }
    return true;
}

Result<QString> HostDisk::localPath(const QString &windowsPath) const
{
    QString why;
    if (!isValidWindowsPath(windowsPath, &why))
        return Error{windowsPath, why, QStringLiteral("write a full path such as C:\\Exchange\\Logs\\SG1"),
                     JetCode::InvalidParameter};
    QString current = QDir(root()).filePath(windowsPath.left(1).toUpper());
    const QStringList parts = windowsPath.mid(3).split(QLatin1Char('\\'), Qt::SkipEmptyParts);
    for (const QString &part : parts) {
        QString next = current + QLatin1Char('/') + part;
        if (!QFileInfo::exists(next)) {
            // Windows names are case-insensitive: reuse an entry that differs only in case.
            const QStringList entries = QDir(current).entryList(QDir::AllEntries | QDir::NoDotAndDotDot |
                                                                QDir::Hidden | QDir::System);
            for (const QString &entry : entries)
                if (entry.compare(part, Qt::CaseInsensitive) == 0) {
                    next = current + QLatin1Char('/') + entry;
                    break;
                }
        }
        current = next;
    }
    return current;
}

QString HostDisk::windowsPath(const QString &localPath) const
{
    const QString prefix = QDir::cleanPath(root()) + QLatin1Char('/');
    const QString clean = QDir::cleanPath(localPath);
    if (!clean.startsWith(prefix))
        return localPath;
    const QString rest = clean.mid(prefix.size()); // "C/Exchange/Logs"
    if (rest.isEmpty())
        return localPath;
    QString drive = rest.left(1) + QStringLiteral(":\\");
    QString tail = rest.mid(2);
    tail.replace(QLatin1Char('/'), QLatin1Char('\\'));
    return drive + tail;
}

} // namespace scr
