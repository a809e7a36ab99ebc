#include "lablock.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <QFile>

namespace scr {
namespace {

// Who holds the lab, as its holder wrote it into lab.lock: information only, never the lock itself.
QString holderPid(const QString &labDir)
{
    QFile file(labDir + QStringLiteral("/lab.lock"));
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("?");
    const QByteArray pid = file.read(32).trimmed();
    return pid.isEmpty() ? QStringLiteral("?") : QString::fromLatin1(pid);
}

} // namespace

Result<LabLock> LabLock::acquire(const QString &labDir)
{
    const QByteArray native = QFile::encodeName(labDir);
    // A new open file description each time: flock conflicts between two of them even inside one process,
    // so a second Lab::open of the same folder in this process is refused too.
    const int fd = ::open(native.constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) {
        const int err = errno;
        return Error{
            labDir,
            QStringLiteral("cannot be opened to lock it: %1").arg(QString::fromLocal8Bit(strerror(err))),
            QStringLiteral("check that the lab folder exists and that you may read it"),
            err == ENOENT ? JetCode::FileNotFound : JetCode::FileAccessDenied};
    }
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        const int err = errno;
        ::close(fd);
        if (err != EWOULDBLOCK)
            return Error{
                labDir, QStringLiteral("cannot be locked: %1").arg(QString::fromLocal8Bit(strerror(err))),
                QStringLiteral("keep labs on a local file system that supports flock"), JetCode::DiskIO};
        return Error{
            labDir,
            QStringLiteral("is open in another process (pid %1): two at once would corrupt its databases")
                .arg(holderPid(labDir)),
            QStringLiteral("close the other scr-console or scr-shell on this lab first"),
            JetCode::DatabaseInUse};
    }
    // The pid for a second opener's message. Best effort: the lock above holds whether or not this lands,
    // and an unwritable lab is refused by Lab::open with its own error.
    QFile pidFile(labDir + QStringLiteral("/lab.lock"));
    if (pidFile.open(QIODevice::WriteOnly | QIODevice::Truncate))
        pidFile.write(QByteArray::number(static_cast<qlonglong>(::getpid())) + '\n');
    LabLock lock;
    lock.m_fd = fd;
    return lock;
}

LabLock::~LabLock()
{
    if (m_fd >= 0)
        ::close(m_fd); // releases the lock
}

LabLock::LabLock(LabLock &&other) noexcept : m_fd(other.m_fd)
{
    other.m_fd = -1;
}

LabLock &LabLock::operator=(LabLock &&other) noexcept
{
    if (this != &other) {
        if (m_fd >= 0)
            ::close(m_fd);
        m_fd = other.m_fd;
        other.m_fd = -1;
    }
    return *this;
}

} // namespace scr
