#include "fileio.h"

#include <algorithm>
#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace scr {
namespace {

QByteArray nativePath(const QString &path)
{
    return QFile::encodeName(path);
}

} // namespace

File::~File()
{
    close();
}

File::File(File &&other) noexcept
    : m_fd(other.m_fd), m_path(std::move(other.m_path)), m_faults(std::move(other.m_faults))
{
    other.m_fd = -1;
}

File &File::operator=(File &&other) noexcept
{
    if (this != &other) {
        close();
        m_fd = other.m_fd;
        m_path = std::move(other.m_path);
        m_faults = std::move(other.m_faults);
        other.m_fd = -1;
    }
    return *this;
}

Result<File> File::open(const QString &path, Mode mode)
{
    int flags = O_CLOEXEC;
    switch (mode) {
    case Mode::ReadOnly:
        flags |= O_RDONLY;
        break;
    case Mode::ReadWrite:
        flags |= O_RDWR;
        break;
    case Mode::CreateNew:
        flags |= O_RDWR | O_CREAT | O_EXCL;
        break;
    }
    const int fd = ::open(nativePath(path).constData(), flags, 0644);
    if (fd < 0)
        return errorFromErrno(errno, path, QStringLiteral("opening"));
    return adopt(fd, path, nullptr);
}

File File::adopt(int fd, QString path, std::shared_ptr<const DiskFaults> faults)
{
    File file;
    file.m_fd = fd;
    file.m_path = std::move(path);
    file.m_faults = std::move(faults);
    return file;
}

int File::fault(bool needsSpace) const
{
    if (!m_faults)
        return 0;
    if (m_faults->poweredOff.load(std::memory_order_relaxed))
        return EHOSTDOWN;
    if (needsSpace && m_faults->full.load(std::memory_order_relaxed))
        return ENOSPC;
    return 0;
}

Status File::readAt(qint64 offset, void *buffer, qint64 size) const
{
    if (const int f = fault(false))
        return errorFromErrno(f, m_path, QStringLiteral("reading"));
    auto *p = static_cast<char *>(buffer);
    while (size > 0) {
        const ssize_t n = ::pread(m_fd, p, static_cast<size_t>(size), offset);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return errorFromErrno(errno, m_path, QStringLiteral("reading"));
        }
        if (n == 0)
            return Error{
                m_path, QStringLiteral("the file ends early, at byte %1").arg(offset), {}, JetCode::DiskIO};
        p += n;
        offset += n;
        size -= n;
    }
    return {};
}

Status File::writeAt(qint64 offset, const void *buffer, qint64 size)
{
    if (const int f = fault(true))
        return errorFromErrno(f, m_path, QStringLiteral("writing"));
    const auto *p = static_cast<const char *>(buffer);
    while (size > 0) {
        const ssize_t n = ::pwrite(m_fd, p, static_cast<size_t>(size), offset);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return errorFromErrno(errno, m_path, QStringLiteral("writing"));
        }
        p += n;
        offset += n;
        size -= n;
    }
    return {};
}

Status File::allocate(qint64 size)
{
    if (const int f = fault(true))
        return errorFromErrno(f, m_path, QStringLiteral("allocating"));
    const int rc = ::posix_fallocate(m_fd, 0, size);
    if (rc == EOPNOTSUPP || rc == EINVAL) // file systems without fallocate: grow with ftruncate instead
        return ::ftruncate(m_fd, size) == 0 ? Status{}
                                            : Status{errorFromErrno(errno, m_path, QStringLiteral("sizing"))};
    if (rc != 0)
        return errorFromErrno(rc, m_path, QStringLiteral("allocating"));
    return {};
}

Status File::syncData()
{
    if (const int f = fault(false))
        return errorFromErrno(f, m_path, QStringLiteral("flushing"));
    if (::fdatasync(m_fd) != 0)
        return errorFromErrno(errno, m_path, QStringLiteral("flushing"));
    return {};
}

Result<qint64> File::size() const
{
    struct stat st
    {};
    if (::fstat(m_fd, &st) != 0)
        return errorFromErrno(errno, m_path, QStringLiteral("reading the size of"));
    return static_cast<qint64>(st.st_size);
}

void File::close()
{
    if (m_fd >= 0)
        ::close(m_fd);
    m_fd = -1;
}

Status syncDirectory(const QString &dirPath)
{
    const int fd = ::open(nativePath(dirPath).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return errorFromErrno(errno, dirPath, QStringLiteral("opening the folder"));
    const int rc = ::fsync(fd);
    const int err = errno;
    ::close(fd);
    if (rc != 0)
        return errorFromErrno(err, dirPath, QStringLiteral("flushing the folder"));
    return {};
}

Status writeFileAtomically(const QString &path, const QByteArray &data)
{
    const QString tmp = path + QStringLiteral(".tmp");
    ::unlink(nativePath(tmp).constData()); // a leftover from a crash is garbage by construction
    auto file = File::open(tmp, File::Mode::CreateNew);
    if (!file)
        return file.error();
    if (auto st = file->writeAt(0, data.constData(), data.size()); !st) {
        ::unlink(nativePath(tmp).constData());
        return st.error();
    }
    // The data must be on disk before the rename makes it visible under the real name.
    if (auto st = file->syncData(); !st) {
        ::unlink(nativePath(tmp).constData());
        return st.error();
    }
    file->close();
    return renameDurably(tmp, path);
}

Status copyFileDurably(const QString &from, const QString &to)
{
    auto source = File::open(from, File::Mode::ReadOnly);
    if (!source)
        return source.error();
    auto size = source->size();
    if (!size)
        return size.error();
    const QString tmp = to + QStringLiteral(".tmp");
    ::unlink(nativePath(tmp).constData());
    auto target = File::open(tmp, File::Mode::CreateNew);
    if (!target)
        return target.error();
    const auto fail = [&](const Error &e) -> Status {
        target->close();
        ::unlink(nativePath(tmp).constData());
        return e;
    };
    constexpr qint64 kChunk = 1 << 20;
    QByteArray buffer(kChunk, Qt::Uninitialized);
    for (qint64 offset = 0; offset < *size; offset += kChunk) {
        const qint64 n = std::min(kChunk, *size - offset);
        if (auto st = source->readAt(offset, buffer.data(), n); !st)
            return fail(st.error());
        if (auto st = target->writeAt(offset, buffer.constData(), n); !st)
            return fail(st.error());
    }
    if (auto st = target->syncData(); !st)
        return fail(st.error());
    target->close();
    return renameDurably(tmp, to);
}

Status renameDurably(const QString &from, const QString &to)
{
    if (::rename(nativePath(from).constData(), nativePath(to).constData()) != 0)
        return errorFromErrno(errno, to, QStringLiteral("renaming ") + QFileInfo(from).fileName());
    return syncDirectory(QFileInfo(to).absolutePath());
}

Status renameFile(const QString &from, const QString &to)
{
    if (::rename(nativePath(from).constData(), nativePath(to).constData()) != 0)
        return errorFromErrno(errno, to, QStringLiteral("renaming ") + QFileInfo(from).fileName());
    return {};
}

Result<QByteArray> readWholeFile(const QString &path)
{
    auto file = File::open(path, File::Mode::ReadOnly);
    if (!file)
        return file.error();
    auto size = file->size();
    if (!size)
        return size.error();
    QByteArray data(static_cast<qsizetype>(*size), Qt::Uninitialized);
    if (auto st = file->readAt(0, data.data(), data.size()); !st)
        return st.error();
    return data;
}

Status ensureDirectory(const QString &dirPath)
{
    QFileInfo info(dirPath);
    if (info.isDir())
        return {};
    if (info.exists())
        return Error{dirPath, QStringLiteral("exists but is not a folder"),
                     QStringLiteral("choose another path"), JetCode::InvalidParameter};
    if (!QDir().mkpath(dirPath)) {
        const int err = errno;
        return errorFromErrno(err ? err : EACCES, dirPath, QStringLiteral("creating the folder"));
    }
    return {};
}

Status checkWritableFolder(const QString &dirPath)
{
    const QString probe = dirPath + QStringLiteral("/.scr-write-probe");
    const int fd = ::open(nativePath(probe).constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) {
        Error e = errorFromErrno(errno, dirPath, QStringLiteral("creating a file in the folder"));
        if (e.code == JetCode::FileAccessDenied)
            e.reason = QStringLiteral("the folder is read-only");
        return e;
    }
    ::close(fd);
    ::unlink(nativePath(probe).constData());
    return {};
}

} // namespace scr
