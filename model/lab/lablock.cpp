#include "lablock.h"

#include <cerrno>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <QFile>

namespace scr {

Result<LabLock> LabLock::acquire(const QString &labDir)
{
    const QString path = labDir + QStringLiteral("/lab.lock");
    const QByteArray native = QFile::encodeName(path);
    const int fd = ::open(native.constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0)
        return Error{path,
                     QStringLiteral("cannot be opened: %1").arg(QString::fromLocal8Bit(strerror(errno))),
                     QStringLiteral("check that the lab folder is writable"), JetCode::DiskIO};
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        char pid[32] = {};
        const ssize_t n = ::pread(fd, pid, sizeof pid - 1, 0);
        ::close(fd);
        const QString holder =
            n > 0 ? QString::fromLatin1(pid, static_cast<int>(n)).trimmed() : QStringLiteral("?");
        return Error{
            labDir,
            QStringLiteral("is open in another process (pid %1): two at once would corrupt its databases")
                .arg(holder),
            QStringLiteral("close the other scr-console or scr-shell on this lab first"),
            JetCode::DatabaseInUse};
    }
    const QByteArray me = QByteArray::number(static_cast<qlonglong>(::getpid())) + '\n';
    if (::ftruncate(fd, 0) != 0 ||
        ::pwrite(fd, me.constData(), static_cast<size_t>(me.size()), 0) != me.size()) {
        // The pid is only for the message a second opener gets; the lock itself holds.
    }
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
