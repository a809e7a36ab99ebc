#include "lablock.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace scr {
namespace {

const char kLockName[] = "lab.lock";

QString lockPath(const QString &labDir)
{
    return labDir + QStringLiteral("/lab.lock");
}

// lab.lock is the lab's own file, and the lab folder is untrusted input: it is reached beneath the lab
// folder's descriptor, never through a link, and only a regular file is read or written (a FIFO would
// block the open; O_NONBLOCK keeps it from doing so until it is refused).
Status checkLockFile(int labFd, const QString &labDir)
{
    struct stat st
    {};
    if (::fstatat(labFd, kLockName, &st, AT_SYMLINK_NOFOLLOW) != 0)
        return {}; // absent: made below
    if (S_ISLNK(st.st_mode))
        return Error{lockPath(labDir),
                     QStringLiteral("is a symbolic link; the lab never follows a link for its own files"),
                     QStringLiteral("remove the link outside the product (rm '%1'); the lab makes a real one")
                         .arg(lockPath(labDir)),
                     JetCode::None};
    if (!S_ISREG(st.st_mode))
        return Error{lockPath(labDir), QStringLiteral("is not a regular file"),
                     QStringLiteral("remove it outside the product (rm '%1'); the lab makes a real one")
                         .arg(lockPath(labDir)),
                     JetCode::None};
    // A hard link (ln OUTSIDE lab.lock) is another name of a file elsewhere: the pid would overwrite it.
    if (st.st_nlink > 1)
        return Error{
            lockPath(labDir),
            QStringLiteral("has %1 hard links: another name, maybe outside the lab, shares its bytes")
                .arg(st.st_nlink),
            QStringLiteral("remove it outside the product (rm '%1'); the lab makes a file of its own")
                .arg(lockPath(labDir)),
            JetCode::None};
    return {};
}

// Who holds the lab, as its holder wrote it into lab.lock: information only, never the lock itself. Only
// digits are shown: the file is the lab's, and its bytes never reach a terminal as they are.
QString holderPid(int labFd)
{
    const int fd = ::openat(labFd, kLockName, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        return QStringLiteral("?");
    struct stat st
    {};
    char buffer[32] = {};
    ssize_t n = 0;
    if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode))
        n = ::read(fd, buffer, sizeof buffer - 1);
    ::close(fd);
    const QByteArray pid = QByteArray(buffer, n > 0 ? static_cast<qsizetype>(n) : 0).trimmed();
    bool isNumber = false;
    const qint64 value = pid.toLongLong(&isNumber);
    return isNumber && value > 0 ? QString::number(value) : QStringLiteral("?");
}

void writePid(int labFd)
{
    const int fd = ::openat(labFd, kLockName, O_WRONLY | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0644);
    if (fd < 0)
        return;
    struct stat st
    {};
    if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_nlink == 1 && ::ftruncate(fd, 0) == 0) {
        const QByteArray text = QByteArray::number(static_cast<qlonglong>(::getpid())) + '\n';
        (void)!::write(fd, text.constData(), static_cast<size_t>(text.size()));
    }
    ::close(fd);
}

} // namespace

Result<LabLock> LabLock::acquire(const QString &labDir)
{
    const QByteArray native = labDir.toLocal8Bit();
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
    if (auto st = checkLockFile(fd, labDir); !st) {
        ::close(fd);
        return st.error();
    }
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        const int err = errno;
        const QString pid = err == EWOULDBLOCK ? holderPid(fd) : QString();
        ::close(fd);
        if (err != EWOULDBLOCK)
            return Error{
                labDir, QStringLiteral("cannot be locked: %1").arg(QString::fromLocal8Bit(strerror(err))),
                QStringLiteral("keep labs on a local file system that supports flock"), JetCode::DiskIO};
        return Error{
            labDir,
            QStringLiteral("is open in another process (pid %1): two at once would corrupt its databases")
                .arg(pid),
            QStringLiteral("close the other scr-console or scr-shell on this lab first"),
            JetCode::DatabaseInUse};
    }
    // The pid for a second opener's message. Best effort: the lock above holds whether or not this lands,
    // and an unwritable lab is refused by Lab::open with its own error.
    writePid(fd);
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
