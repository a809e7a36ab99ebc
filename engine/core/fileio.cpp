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

DiskSpace::DiskSpace(qint64 capacityBytes, Walk walk) : m_capacity(capacityBytes), m_walk(std::move(walk)) {}

qint64 DiskSpace::capacity() const
{
    std::lock_guard lock(m_mutex);
    return m_capacity;
}

void DiskSpace::setCapacity(qint64 bytes)
{
    std::lock_guard lock(m_mutex);
    m_capacity = bytes;
}

void DiskSpace::refreshLocked()
{
    const auto now = std::chrono::steady_clock::now();
    if (m_known && now - m_walkedAt < std::chrono::milliseconds(kFreshMs))
        return;
    if (m_walk)
        if (const std::optional<qint64> walked = m_walk())
            m_used = *walked;
    m_known = true;
    m_walkedAt = now;
}

qint64 DiskSpace::used()
{
    std::lock_guard lock(m_mutex);
    refreshLocked();
    return m_used;
}

qint64 DiskSpace::available()
{
    std::lock_guard lock(m_mutex);
    refreshLocked();
    return std::max<qint64>(0, m_capacity - m_used);
}

int DiskSpace::take(qint64 bytes)
{
    if (bytes <= 0)
        return 0;
    std::lock_guard lock(m_mutex);
    refreshLocked();
    if (m_capacity - m_used < bytes)
        return ENOSPC;
    m_used += bytes;
    return 0;
}

void DiskSpace::adjust(qint64 delta)
{
    std::lock_guard lock(m_mutex);
    m_used = std::max<qint64>(0, m_used + delta);
}

void DiskSpace::forget()
{
    std::lock_guard lock(m_mutex);
    m_known = false;
}

File::~File()
{
    close();
}

File::File(File &&other) noexcept
    : m_fd(other.m_fd), m_path(std::move(other.m_path)), m_faults(std::move(other.m_faults)),
      m_knownLength(other.m_knownLength)
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
        m_knownLength = other.m_knownLength;
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

int File::fault(bool write) const
{
    if (!m_faults)
        return 0;
    if (m_faults->poweredOff.load(std::memory_order_relaxed))
        return EHOSTDOWN;
    const int io = m_faults->ioError.load(std::memory_order_relaxed);
    if (io == EIO || (io != 0 && write))
        return io;
    return 0;
}

Result<File::Growth> File::takeSpaceFor(qint64 newLength, const QString &doing)
{
    if (!m_faults || !m_faults->space)
        return Growth{};
    if (newLength <= m_knownLength)
        return Growth{m_knownLength, 0};
    auto length = size();
    if (!length)
        return length.error();
    m_knownLength = *length;
    Growth growth{*length, 0};
    if (newLength > *length) {
        if (const int f = m_faults->space->take(newLength - *length))
            return errorFromErrno(f, m_path, doing);
        growth.taken = newLength - *length;
    }
    return growth;
}

void File::settle(const Growth &growth)
{
    if (!m_faults || !m_faults->space)
        return;
    // What the length became (a failed or partial call may have grown it less, a shrink frees).
    const auto length = size();
    m_knownLength = length ? *length : -1;
    const qint64 changed = length ? *length - growth.before : 0;
    if (changed != growth.taken)
        m_faults->space->adjust(changed - growth.taken);
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
    auto growth = takeSpaceFor(offset + size, QStringLiteral("writing"));
    if (!growth)
        return growth.error();
    const auto *p = static_cast<const char *>(buffer);
    Status st;
    while (size > 0) {
        const ssize_t n = ::pwrite(m_fd, p, static_cast<size_t>(size), offset);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            st = errorFromErrno(errno, m_path, QStringLiteral("writing"));
            break;
        }
        p += n;
        offset += n;
        size -= n;
    }
    if (growth->taken > 0 || !st)
        settle(*growth);
    return st;
}

Status File::allocate(qint64 size)
{
    if (const int f = fault(true))
        return errorFromErrno(f, m_path, QStringLiteral("allocating"));
    auto growth = takeSpaceFor(size, QStringLiteral("allocating"));
    if (!growth)
        return growth.error();
    Status st;
    const int rc = ::posix_fallocate(m_fd, 0, size);
    if (rc == EOPNOTSUPP || rc == EINVAL) { // file systems without fallocate: grow with ftruncate instead
        if (::ftruncate(m_fd, size) != 0)
            st = errorFromErrno(errno, m_path, QStringLiteral("sizing"));
    } else if (rc != 0) {
        st = errorFromErrno(rc, m_path, QStringLiteral("allocating"));
    }
    settle(*growth);
    return st;
}

Status File::setLength(qint64 size)
{
    if (const int f = fault(true))
        return errorFromErrno(f, m_path, QStringLiteral("sizing"));
    auto growth = takeSpaceFor(size, QStringLiteral("sizing"));
    if (!growth)
        return growth.error();
    Status st;
    if (::ftruncate(m_fd, size) != 0)
        st = errorFromErrno(errno, m_path, QStringLiteral("sizing"));
    settle(*growth); // a shrink frees
    return st;
}

Status File::punchHole(qint64 offset, qint64 size)
{
    if (size <= 0)
        return {};
    if (const int f = fault(true))
        return errorFromErrno(f, m_path, QStringLiteral("clearing"));
    if (::fallocate(m_fd, FALLOC_FL_PUNCH_HOLE | FALLOC_FL_KEEP_SIZE, offset, size) == 0)
        return {};
    if (errno != EOPNOTSUPP && errno != ENOSYS)
        return errorFromErrno(errno, m_path, QStringLiteral("clearing"));
    const QByteArray zeros(static_cast<qsizetype>(std::min<qint64>(size, 1 << 20)), '\0');
    for (qint64 done = 0; done < size;) {
        const qint64 n = std::min<qint64>(zeros.size(), size - done);
        SCR_TRY(writeAt(offset + done, zeros.constData(), n));
        done += n;
    }
    return {};
}

Result<std::vector<std::pair<qint64, qint64>>> File::dataRanges() const
{
    if (const int f = fault(false))
        return errorFromErrno(f, m_path, QStringLiteral("reading"));
    auto length = size();
    if (!length)
        return length.error();
    std::vector<std::pair<qint64, qint64>> ranges;
    for (qint64 at = 0; at < *length;) {
        const off_t data = ::lseek(m_fd, at, SEEK_DATA);
        if (data < 0) {
            if (errno == ENXIO) // only a hole from here to the end
                break;
            if (errno == EINVAL && ranges.empty()) { // no hole reporting: all of it is data
                ranges.emplace_back(0, *length);
                break;
            }
            return errorFromErrno(errno, m_path, QStringLiteral("reading"));
        }
        off_t hole = ::lseek(m_fd, data, SEEK_HOLE);
        if (hole < 0)
            hole = static_cast<off_t>(*length);
        ranges.emplace_back(data, std::min<qint64>(hole, *length));
        at = hole;
    }
    return ranges;
}

Status File::syncData()
{
    if (const int f = fault(true))
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
    m_knownLength = -1;
}

Status ensureDirectory(const QString &dirPath)
{
    QFileInfo info(dirPath);
    if (info.isDir())
        return {};
    if (info.exists())
        return Error{dirPath, QStringLiteral("exists but is not a folder"),
                     QStringLiteral("choose another path"), JetCode::None};
    if (!QDir().mkpath(dirPath)) {
        const int err = errno;
        Error error = errorFromErrno(err ? err : EACCES, dirPath, QStringLiteral("creating the folder"));
        if (error.code == JetCode::FileNotFound) // a folder of the lab, not a file ESE needs: no JET code
            error.code = JetCode::None;
        return error;
    }
    return {};
}

} // namespace scr
