#include "hostdisk.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <limits>
#include <dirent.h>
#include <fcntl.h>
#include <linux/openat2.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <QDir>
#include <QFile>
#include <QRegularExpression>

namespace scr {
namespace {

constexpr qint64 kCopyChunk = 1 << 20;

std::atomic<bool> g_openat2Allowed{true};

bool kernelHasOpenat2()
{
    // Probed once: a kernel without it (before 5.6) or a seccomp filter that hides it answers ENOSYS/EPERM.
    static const bool has = [] {
        open_how how{};
        how.flags = O_PATH | O_DIRECTORY | O_CLOEXEC;
        how.resolve = RESOLVE_NO_SYMLINKS;
        const long fd = ::syscall(SYS_openat2, AT_FDCWD, "/", &how, sizeof how);
        if (fd < 0)
            return false;
        ::close(static_cast<int>(fd));
        return true;
    }();
    return has;
}

// An owned descriptor, closed at scope end.
class Fd
{
public:
    explicit Fd(int fd = -1) : m_fd(fd) {}
    ~Fd()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    Fd(Fd &&o) noexcept : m_fd(std::exchange(o.m_fd, -1)) {}
    Fd(const Fd &) = delete;
    Fd &operator=(const Fd &) = delete;
    Fd &operator=(Fd &&o) noexcept
    {
        if (this != &o) {
            if (m_fd >= 0)
                ::close(m_fd);
            m_fd = std::exchange(o.m_fd, -1);
        }
        return *this;
    }
    int get() const { return m_fd; }
    int release() { return std::exchange(m_fd, -1); }

private:
    int m_fd;
};

QStringList components(const QString &rel)
{
    return rel.split(QLatin1Char('/'), Qt::SkipEmptyParts);
}

DiskEntry::Kind kindOf(mode_t mode)
{
    if (S_ISLNK(mode))
        return DiskEntry::Kind::Link;
    if (S_ISDIR(mode))
        return DiskEntry::Kind::Folder;
    if (S_ISREG(mode))
        return DiskEntry::Kind::File;
    return DiskEntry::Kind::Other;
}

DiskEntry entryFromStat(const QString &name, const struct stat &st)
{
    return {name, kindOf(st.st_mode), static_cast<qint64>(st.st_size),
            static_cast<qint64>(st.st_mtim.tv_sec) * 1000 + st.st_mtim.tv_nsec / 1000000};
}

QString joinRel(const QString &a, const QString &b)
{
    if (a.isEmpty())
        return b;
    if (b.isEmpty())
        return a;
    return a + QLatin1Char('/') + b;
}

QString parentOf(const QString &rel)
{
    const qsizetype slash = rel.lastIndexOf(QLatin1Char('/'));
    return slash < 0 ? QString() : rel.left(slash);
}

QString nameOf(const QString &rel)
{
    return rel.mid(rel.lastIndexOf(QLatin1Char('/')) + 1);
}

} // namespace

QString fileNameOf(const QString &path)
{
    const qsizetype cut = std::max(path.lastIndexOf(QLatin1Char('/')), path.lastIndexOf(QLatin1Char('\\')));
    return path.mid(cut + 1);
}

QString folderOf(const QString &path)
{
    const qsizetype cut = std::max(path.lastIndexOf(QLatin1Char('/')), path.lastIndexOf(QLatin1Char('\\')));
    if (cut < 0)
        return QString();
    // "C:\x" → "C:\", not "C:"
    if (cut == 2 && path.size() > 1 && path[1] == QLatin1Char(':'))
        return path.left(3);
    return path.left(cut);
}

struct HostDisk::Shared
{
    QString labDir;     // absolute, clean
    QString hostName;   // empty for a plain folder (atFolder)
    QString diskFolder; // "hosts/MBX1", or empty: the disk is labDir itself
    bool validFolder = true;
    int anchorFd = -1; // labDir, opened once; every path resolves beneath it
    int anchorErrno = 0;
    std::shared_ptr<DiskFaults> faults = std::make_shared<DiskFaults>();

    ~Shared()
    {
        if (anchorFd >= 0)
            ::close(anchorFd);
    }
    QString root() const { return diskFolder.isEmpty() ? labDir : labDir + QLatin1Char('/') + diskFolder; }
    // rel from the anchor (the lab folder), for openat2.
    QString fromAnchor(const QString &rel) const { return joinRel(diskFolder, rel); }
};

HostDisk::HostDisk(std::shared_ptr<Shared> shared) : d(std::move(shared)) {}

HostDisk::HostDisk(QString labDir, QString hostName, QString diskFolder) : d(std::make_shared<Shared>())
{
    // Made absolute once, so a lab opened by a relative name behaves as one opened by its full name.
    d->labDir = QDir::cleanPath(QDir(labDir).absolutePath());
    d->hostName = std::move(hostName);
    d->diskFolder = diskFolder.isEmpty() ? defaultDiskFolder(d->hostName) : std::move(diskFolder);
    d->validFolder = isValidDiskFolder(d->diskFolder);
    d->anchorFd = ::open(QFile::encodeName(d->labDir).constData(), O_PATH | O_DIRECTORY | O_CLOEXEC);
    d->anchorErrno = d->anchorFd < 0 ? errno : 0;
    // The space walks the files through this disk while it exists; a File that outlives it keeps the
    // last figure and its own changes.
    const std::weak_ptr<Shared> weak = d;
    d->faults->space = std::make_shared<DiskSpace>(kDefaultCapacityBytes, [weak]() -> std::optional<qint64> {
        if (auto shared = weak.lock())
            return HostDisk(std::move(shared)).walkUsage();
        return std::nullopt;
    });
}

HostDisk::HostDisk() : d(std::make_shared<Shared>())
{
    d->anchorErrno = ENODEV;
}

HostDisk HostDisk::atFolder(const QString &folder)
{
    auto shared = std::make_shared<Shared>();
    shared->labDir = QDir::cleanPath(QDir(folder).absolutePath());
    shared->anchorFd =
        ::open(QFile::encodeName(shared->labDir).constData(), O_PATH | O_DIRECTORY | O_CLOEXEC);
    shared->anchorErrno = shared->anchorFd < 0 ? errno : 0;
    return HostDisk(std::move(shared));
}

bool HostDisk::isValidDiskFolder(const QString &diskFolder)
{
    // The directory is untrusted input: a disk folder is hosts/<a plain name>, nothing else.
    static const QRegularExpression plain(QStringLiteral("^hosts/[A-Za-z0-9][A-Za-z0-9_-]{0,62}$"));
    return plain.match(diskFolder).hasMatch();
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

const QString &HostDisk::hostName() const
{
    return d->hostName;
}

QString HostDisk::root() const
{
    return d->root();
}

bool HostDisk::usesOpenat2()
{
    return g_openat2Allowed.load() && kernelHasOpenat2();
}

void HostDisk::setOpenat2Allowed(bool allowed)
{
    g_openat2Allowed.store(allowed);
}

// --- hardware state ---

bool HostDisk::isPoweredOn() const
{
    return !d->faults->poweredOff.load();
}

void HostDisk::setPoweredOn(bool on)
{
    d->faults->poweredOff.store(!on);
}

int HostDisk::fault(bool needsSpace) const
{
    if (d->faults->poweredOff.load())
        return EHOSTDOWN;
    // What grows a file writes: a read-only file system refuses it.
    if (const int io = d->faults->ioError.load(); io == EIO || (io != 0 && needsSpace))
        return io;
    if (needsSpace && d->faults->space && d->faults->space->available() < kReserveBytes)
        return ENOSPC;
    return 0;
}

int HostDisk::writeFault() const
{
    if (d->faults->poweredOff.load())
        return EHOSTDOWN;
    return d->faults->ioError.load();
}

int HostDisk::ioFault() const
{
    return d->faults->ioError.load();
}

void HostDisk::setIoFault(int err)
{
    d->faults->ioError.store(err == EIO || err == EROFS ? err : 0);
}

// --- logical space ---

bool HostDisk::hasCapacity() const
{
    return d->faults->space != nullptr;
}

qint64 HostDisk::capacityBytes() const
{
    return d->faults->space ? d->faults->space->capacity() : 0;
}

void HostDisk::setCapacityBytes(qint64 bytes)
{
    if (d->faults->space)
        d->faults->space->setCapacity(bytes);
}

qint64 HostDisk::usedBytes(bool fresh) const
{
    if (!d->faults->space)
        return 0;
    if (fresh)
        d->faults->space->forget();
    return d->faults->space->used();
}

qint64 HostDisk::freeBytes(bool fresh) const
{
    if (!d->faults->space)
        return std::numeric_limits<qint64>::max();
    if (fresh)
        d->faults->space->forget();
    return d->faults->space->available();
}

void HostDisk::usageChanged(qint64 delta) const
{
    if (d->faults->space && delta != 0)
        d->faults->space->adjust(delta);
}

namespace {

// The lengths of the regular files in the folder fd and beneath it; a link is neither followed nor
// counted (it is not the disk's own file). fd is closed.
qint64 folderUsage(int fd, int depth)
{
    DIR *dir = ::fdopendir(fd);
    if (!dir) {
        ::close(fd);
        return 0;
    }
    qint64 total = 0;
    const auto descend = [&](const char *name) {
        // Deeper than any Windows path could be: a loop of bind mounts or worse; not counted.
        if (depth >= 64)
            return;
        const int child = ::openat(::dirfd(dir), name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        if (child >= 0)
            total += folderUsage(child, depth + 1);
    };
    while (const dirent *e = ::readdir(dir)) {
        if (std::strcmp(e->d_name, ".") == 0 || std::strcmp(e->d_name, "..") == 0 || e->d_type == DT_LNK)
            continue;
        if (e->d_type == DT_DIR) {
            descend(e->d_name);
            continue;
        }
        struct stat st
        {};
        if (::fstatat(::dirfd(dir), e->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0)
            continue; // gone since readdir
        if (S_ISREG(st.st_mode))
            total += static_cast<qint64>(st.st_size);
        else if (S_ISDIR(st.st_mode)) // a file system that does not fill d_type
            descend(e->d_name);
    }
    ::closedir(dir);
    return total;
}

} // namespace

std::optional<qint64> HostDisk::walkUsage() const
{
    auto fd = openBeneath(QString(), O_RDONLY | O_DIRECTORY);
    if (!fd)
        return fd.error().code == JetCode::FileNotFound ? std::optional<qint64>(0) : std::nullopt;
    return folderUsage(*fd, 0);
}

// --- paths ---

QString HostDisk::displayPath(const QString &path) const
{
    auto rel = relative(path);
    return rel ? shown(*rel) : path;
}

QString HostDisk::shown(const QString &rel) const
{
    if (d->hostName.isEmpty())
        return joinRel(d->root(), rel);
    if (rel.isEmpty())
        return QStringLiteral("the disk of %1").arg(d->hostName);
    QString tail = rel.mid(2);
    tail.replace(QLatin1Char('/'), QLatin1Char('\\'));
    return rel.left(1) + QStringLiteral(":\\") + tail;
}

Result<QString> HostDisk::relative(const QString &path) const
{
    if (d->labDir.isEmpty())
        return Error{path, QStringLiteral("has no host disk to resolve it on"), {}, JetCode::None};
    if (!d->validFolder)
        return Error{d->hostName,
                     QStringLiteral("has the disk folder \"%1\" in the directory, which is not a plain name "
                                    "under hosts/")
                         .arg(d->diskFolder),
                     QStringLiteral("set the host's disk_folder in org.sqlite to hosts/%1").arg(d->hostName),
                     JetCode::None};
    static const QRegularExpression drive(QStringLiteral("^[A-Za-z]:(\\\\|$)"));
    if (drive.match(path).hasMatch()) {
        QString why;
        if (!isValidWindowsPath(path, &why))
            return Error{path, why, QStringLiteral("write a full path such as C:\\Exchange\\Logs\\SG1"),
                         JetCode::None};
        QString rel = path.left(1).toUpper();
        const QStringList parts = path.mid(3).split(QLatin1Char('\\'), Qt::SkipEmptyParts);
        bool parentExists = true;
        for (const QString &part : parts) {
            QString next = rel + QLatin1Char('/') + part;
            auto found = parentExists ? entryRel(next) : Result<std::optional<DiskEntry>>(std::nullopt);
            if (parentExists && !(found && found->has_value())) {
                // Windows names are case-insensitive: reuse an entry that differs only in case.
                parentExists = false;
                if (auto entries = listRel(rel, {}, false)) {
                    for (const DiskEntry &e : *entries)
                        if (e.name.compare(part, Qt::CaseInsensitive) == 0) {
                            next = rel + QLatin1Char('/') + e.name;
                            parentExists = true;
                            break;
                        }
                }
            }
            rel = next;
        }
        return rel;
    }
    const QString clean = QDir::cleanPath(path);
    const QString root = d->root();
    if (clean == root)
        return QString();
    if (clean.startsWith(root + QLatin1Char('/'))) {
        const QString rel = clean.mid(root.size() + 1);
        if (!components(rel).contains(QStringLiteral("..")))
            return rel;
    }
    return Error{path,
                 d->hostName.isEmpty() ? QStringLiteral("is outside the folder %1").arg(root)
                                       : QStringLiteral("is not on the disk of %1").arg(d->hostName),
                 QStringLiteral("use a path on this host's disk"), JetCode::None};
}

Result<QString> HostDisk::localPath(const QString &windowsPath) const
{
    QString why;
    if (!isValidWindowsPath(windowsPath, &why))
        return Error{windowsPath, why, QStringLiteral("write a full path such as C:\\Exchange\\Logs\\SG1"),
                     JetCode::None};
    return resolvedPath(windowsPath);
}

Result<QString> HostDisk::resolvedPath(const QString &path) const
{
    auto rel = relative(path);
    if (!rel)
        return rel.error();
    return joinRel(d->root(), *rel);
}

QString HostDisk::windowsPath(const QString &localPath) const
{
    const QString prefix = d->root() + QLatin1Char('/');
    const QString clean = QDir::cleanPath(localPath);
    if (!clean.startsWith(prefix) || d->hostName.isEmpty())
        return localPath;
    return shown(clean.mid(prefix.size()));
}

Error HostDisk::linkError(const QString &rel) const
{
    // Name the first link on the way, so the user knows what to remove.
    QString at;
    Fd dir(::dup(d->anchorFd));
    for (const QString &part : components(d->fromAnchor(rel))) {
        const QString next = joinRel(at, part);
        struct stat st
        {};
        if (dir.get() < 0 ||
            ::fstatat(dir.get(), QFile::encodeName(part).constData(), &st, AT_SYMLINK_NOFOLLOW) != 0)
            break;
        if (S_ISLNK(st.st_mode)) {
            const QString local = joinRel(d->labDir, next);
            const QString name = d->diskFolder.isEmpty() || !next.startsWith(d->diskFolder + QLatin1Char('/'))
                                     ? local
                                     : shown(next.mid(d->diskFolder.size() + 1));
            return Error{
                name, QStringLiteral("is a symbolic link; the lab never follows a link out of a host's disk"),
                QStringLiteral("remove the link outside the product (rm '%1') and put a real folder or "
                               "file there")
                    .arg(local),
                JetCode::FileAccessDenied};
        }
        Fd nextDir(::openat(dir.get(), QFile::encodeName(part).constData(),
                            O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
        dir = std::move(nextDir);
        at = next;
    }
    return Error{
        shown(rel),
        QStringLiteral("goes through a symbolic link; the lab never follows a link out of a host's disk"),
        QStringLiteral("remove the link outside the product"), JetCode::FileAccessDenied};
}

Error HostDisk::errnoError(int err, const QString &rel, const QString &doing) const
{
    if (err == ELOOP)
        return linkError(rel);
    const QString name = shown(rel);
    if (err == EXDEV)
        return Error{name, QStringLiteral("resolves outside the disk of %1").arg(d->hostName),
                     QStringLiteral("use a path on this host's disk"), JetCode::FileAccessDenied};
    return errorFromErrno(err, name, doing);
}

// A file opened for writing must have no other name: the product never makes a hard link, so a second name
// is someone else's, possibly outside the disk (a link made with ln to a file elsewhere), and writing would
// change that file too. Refused like a symbolic link; the fd is closed.
Result<int> refuseHardLinked(int fd, int flags, const QString &shownPath)
{
    if ((flags & (O_WRONLY | O_RDWR)) == 0)
        return fd;
    struct stat st
    {};
    if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_nlink > 1) {
        ::close(fd);
        return Error{
            shownPath,
            QStringLiteral("has %1 hard links: another name, maybe outside the disk, shares its bytes, "
                           "and writing it would change that file too")
                .arg(st.st_nlink),
            QStringLiteral("make it a file of its own outside the product (cp --remove-destination, or "
                           "rm the other names)")};
    }
    return fd;
}

Result<int> HostDisk::openBeneath(const QString &rel, int flags, int mode) const
{
    if (d->anchorFd < 0)
        return errorFromErrno(d->anchorErrno, d->labDir, QStringLiteral("opening the lab folder"));
    const QString path = d->fromAnchor(rel);
    const QByteArray native = QFile::encodeName(path.isEmpty() ? QStringLiteral(".") : path);
    flags |= O_CLOEXEC;
    if (usesOpenat2()) {
        open_how how{};
        how.flags = static_cast<uint64_t>(flags);
        how.mode = (flags & O_CREAT) ? static_cast<uint64_t>(mode) : 0;
        how.resolve = RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS | RESOLVE_NO_MAGICLINKS;
        long fd;
        do
            fd = ::syscall(SYS_openat2, d->anchorFd, native.constData(), &how, sizeof how);
        while (fd < 0 && (errno == EINTR || errno == EAGAIN));
        if (fd < 0)
            return errnoError(errno, rel, QStringLiteral("opening"));
        return refuseHardLinked(static_cast<int>(fd), flags, shown(rel));
    }
    // The walk: every folder on the way opened with O_NOFOLLOW, never "..", the last name too.
    const QStringList parts = components(path);
    Fd dir(::fcntl(d->anchorFd, F_DUPFD_CLOEXEC, 0));
    if (parts.isEmpty()) {
        const int fd = ::openat(d->anchorFd, ".", flags, mode);
        if (fd < 0)
            return errnoError(errno, rel, QStringLiteral("opening"));
        return fd;
    }
    for (qsizetype i = 0; i + 1 < parts.size(); ++i) {
        if (parts[i] == QStringLiteral("..") || parts[i] == QStringLiteral("."))
            return errnoError(EXDEV, rel, QStringLiteral("opening"));
        const int next = ::openat(dir.get(), QFile::encodeName(parts[i]).constData(),
                                  O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        if (next < 0) {
            const int err = errno;
            struct stat st
            {};
            if (::fstatat(dir.get(), QFile::encodeName(parts[i]).constData(), &st, AT_SYMLINK_NOFOLLOW) ==
                    0 &&
                S_ISLNK(st.st_mode))
                return linkError(rel);
            return errnoError(err, rel, QStringLiteral("opening"));
        }
        Fd nextDir(next);
        dir = std::move(nextDir);
    }
    const QByteArray last = QFile::encodeName(parts.last());
    const int fd = ::openat(dir.get(), last.constData(), flags | O_NOFOLLOW, mode);
    if (fd < 0) {
        const int err = errno;
        struct stat st
        {};
        if (::fstatat(dir.get(), last.constData(), &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISLNK(st.st_mode))
            return linkError(rel);
        return errnoError(err, rel, QStringLiteral("opening"));
    }
    if (flags & O_PATH) { // O_PATH | O_NOFOLLOW opens a link itself: refuse it here
        struct stat st
        {};
        if (::fstat(fd, &st) == 0 && S_ISLNK(st.st_mode)) {
            ::close(fd);
            return linkError(rel);
        }
    }
    return refuseHardLinked(fd, flags, shown(rel));
}

Result<std::pair<int, QByteArray>> HostDisk::openParent(const QString &rel) const
{
    if (rel.isEmpty())
        return Error{shown({}), QStringLiteral("is the disk itself"), {}, JetCode::None};
    auto fd = openBeneath(parentOf(rel), O_RDONLY | O_DIRECTORY);
    if (!fd)
        return fd.error();
    return std::pair<int, QByteArray>{*fd, QFile::encodeName(nameOf(rel))};
}

// --- what is there ---

Result<std::optional<DiskEntry>> HostDisk::entry(const QString &path) const
{
    auto rel = relative(path);
    if (!rel)
        return rel.error();
    return entryRel(*rel);
}

Result<std::optional<DiskEntry>> HostDisk::entryRel(const QString &rel) const
{
    if (const int f = fault(false))
        return errnoError(f, rel, QStringLiteral("reaching"));
    struct stat st
    {};
    if (rel.isEmpty()) {
        auto fd = openBeneath(rel, O_PATH | O_DIRECTORY);
        if (!fd) {
            if (fd.error().code == JetCode::FileNotFound)
                return std::optional<DiskEntry>();
            return fd.error();
        }
        Fd owned(*fd);
        ::fstat(owned.get(), &st);
        return std::optional<DiskEntry>(entryFromStat({}, st));
    }
    auto parent = openParent(rel);
    if (!parent) {
        if (parent.error().code == JetCode::FileNotFound)
            return std::optional<DiskEntry>();
        return parent.error();
    }
    Fd owned(parent->first);
    if (::fstatat(owned.get(), parent->second.constData(), &st, AT_SYMLINK_NOFOLLOW) != 0) {
        if (errno == ENOENT || errno == ENOTDIR)
            return std::optional<DiskEntry>();
        return errnoError(errno, rel, QStringLiteral("reading"));
    }
    return std::optional<DiskEntry>(entryFromStat(nameOf(rel), st));
}

bool HostDisk::exists(const QString &path) const
{
    auto e = entry(path);
    return e && e->has_value();
}

bool HostDisk::isFolder(const QString &path) const
{
    auto e = entry(path);
    return e && e->has_value() && (*e)->kind == DiskEntry::Kind::Folder;
}

Result<std::vector<DiskEntry>> HostDisk::list(const QString &folder, const QString &pattern) const
{
    auto rel = relative(folder);
    if (!rel)
        return rel.error();
    return listRel(*rel, pattern, true);
}

Result<std::vector<DiskEntry>> HostDisk::listRel(const QString &rel, const QString &pattern,
                                                 bool details) const
{
    if (const int f = fault(false))
        return errnoError(f, rel, QStringLiteral("listing"));
    auto fd = openBeneath(rel, O_RDONLY | O_DIRECTORY);
    if (!fd)
        return fd.error();
    DIR *dir = ::fdopendir(*fd);
    if (!dir) {
        const int err = errno;
        ::close(*fd);
        return errnoError(err, rel, QStringLiteral("listing"));
    }
    QRegularExpression match;
    if (!pattern.isEmpty())
        match = QRegularExpression(QRegularExpression::wildcardToRegularExpression(pattern),
                                   QRegularExpression::CaseInsensitiveOption);
    std::vector<DiskEntry> out;
    while (const dirent *e = ::readdir(dir)) {
        const QString name = QFile::decodeName(e->d_name);
        if (name == QStringLiteral(".") || name == QStringLiteral(".."))
            continue;
        if (!pattern.isEmpty() && !match.match(name).hasMatch())
            continue;
        // Names alone (the copier lists big log folders every cycle) need no stat where readdir knows the
        // kind; sizes and times do.
        if (!details && (e->d_type == DT_REG || e->d_type == DT_DIR || e->d_type == DT_LNK)) {
            out.push_back({name,
                           e->d_type == DT_REG   ? DiskEntry::Kind::File
                           : e->d_type == DT_DIR ? DiskEntry::Kind::Folder
                                                 : DiskEntry::Kind::Link,
                           0, 0});
            continue;
        }
        struct stat st
        {};
        if (::fstatat(::dirfd(dir), e->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0)
            continue; // gone since readdir
        out.push_back(entryFromStat(name, st));
    }
    ::closedir(dir);
    std::sort(out.begin(), out.end(), [](const DiskEntry &a, const DiskEntry &b) { return a.name < b.name; });
    return out;
}

Result<QStringList> HostDisk::fileNames(const QString &folder, const QString &pattern) const
{
    auto rel = relative(folder);
    if (!rel)
        return rel.error();
    auto entries = listRel(*rel, pattern, false);
    if (!entries)
        return entries.error();
    QStringList names;
    for (const DiskEntry &e : *entries) {
        if (e.kind == DiskEntry::Kind::Link)
            return linkError(joinRel(*rel, e.name));
        if (e.kind == DiskEntry::Kind::File)
            names << e.name;
    }
    return names;
}

// --- files ---

Result<File> HostDisk::open(const QString &path, File::Mode mode) const
{
    auto rel = relative(path);
    if (!rel)
        return rel.error();
    // Creating an empty file takes no logical space: what grows it asks for that.
    if (const int f = mode == File::Mode::ReadOnly ? fault(false) : writeFault())
        return errnoError(f, *rel, QStringLiteral("opening"));
    int flags = 0;
    switch (mode) {
    case File::Mode::ReadOnly:
        flags = O_RDONLY;
        break;
    case File::Mode::ReadWrite:
        flags = O_RDWR;
        break;
    case File::Mode::CreateNew:
        flags = O_RDWR | O_CREAT | O_EXCL;
        break;
    }
    auto fd = openBeneath(*rel, flags, 0644);
    if (!fd)
        return fd.error();
    return File::adopt(*fd, shown(*rel), d->faults);
}

Result<QByteArray> HostDisk::readAll(const QString &path) const
{
    auto file = open(path, File::Mode::ReadOnly);
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

Status HostDisk::writeAtomically(const QString &path, const QByteArray &data) const
{
    auto rel = relative(path);
    if (!rel)
        return rel.error();
    const QString local = joinRel(d->root(), *rel);
    const QString tmp = local + QStringLiteral(".tmp");
    SCR_TRY(removeFile(tmp)); // a leftover from a crash is garbage by construction
    auto file = open(tmp, File::Mode::CreateNew);
    if (!file)
        return file.error();
    Status st = file->writeAt(0, data.constData(), data.size());
    // The data must be on disk before the rename makes it visible under the real name.
    if (st)
        st = file->syncData();
    file->close();
    if (!st) {
        (void)removeFile(tmp);
        return st.error();
    }
    return rename(tmp, local, true);
}

Status HostDisk::copyFrom(const HostDisk &source, const QString &from, const QString &to, bool durable,
                          const QString &reuse) const
{
    auto rel = relative(to);
    if (!rel)
        return rel.error();
    auto in = source.open(from, File::Mode::ReadOnly);
    if (!in)
        return in.error();
    auto size = in->size();
    if (!size)
        return size.error();
    // The copy needs the source's logical length here (its holes included): refused before anything
    // is made when that much is not free. (setLength below takes the space, race-free.)
    if (const int f = writeFault())
        return errnoError(f, *rel, QStringLiteral("copying"));
    if (d->faults->space && freeBytes() < *size)
        return errnoError(ENOSPC, *rel, QStringLiteral("copying"));
    const QString local = joinRel(d->root(), *rel);
    const QString tmp = local + QStringLiteral(".tmp");
    SCR_TRY(removeFile(tmp));
    Result<File> out = Error{};
    if (!reuse.isEmpty() && rename(reuse, tmp, false)) {
        // A spare file's inode, emptied: no inode is allocated (file systems pay for that when many
        // files were deleted recently).
        out = open(tmp, File::Mode::ReadWrite);
        if (out) {
            if (auto st = out->setLength(0); !st)
                out = st.error();
        }
    } else {
        out = open(tmp, File::Mode::CreateNew);
    }
    if (!out) {
        (void)removeFile(tmp);
        return out.error();
    }
    const auto fail = [&](const Error &e) -> Status {
        out->close();
        (void)removeFile(tmp);
        return e;
    };
    // Holes stay holes: only the ranges that hold data are read and written (a thin log stays thin).
    auto ranges = in->dataRanges();
    if (!ranges)
        return fail(ranges.error());
    if (auto st = out->setLength(*size); !st)
        return fail(st.error());
    QByteArray buffer;
    for (const auto &[start, end] : *ranges) {
        for (qint64 offset = start; offset < end; offset += kCopyChunk) {
            const qint64 n = std::min(kCopyChunk, end - offset);
            if (buffer.size() < n)
                buffer.resize(static_cast<qsizetype>(n));
            if (auto st = in->readAt(offset, buffer.data(), n); !st)
                return fail(st.error());
            if (auto st = out->writeAt(offset, buffer.constData(), n); !st)
                return fail(st.error());
        }
    }
    // Whole on disk before the rename gives it its name.
    if (auto st = out->syncData(); !st)
        return fail(st.error());
    out->close();
    return rename(tmp, local, durable);
}

// --- folders and names ---

Status HostDisk::makeFolders(const QString &folder) const
{
    auto rel = relative(folder);
    if (!rel)
        return rel.error();
    if (const int f = writeFault())
        return errnoError(f, *rel, QStringLiteral("creating the folder"));
    if (d->anchorFd < 0)
        return errorFromErrno(d->anchorErrno, d->labDir, QStringLiteral("opening the lab folder"));
    // A walk from the lab folder that creates what is missing and never follows a link.
    Fd dir(::fcntl(d->anchorFd, F_DUPFD_CLOEXEC, 0));
    for (const QString &part : components(d->fromAnchor(*rel))) {
        const QByteArray name = QFile::encodeName(part);
        int next = ::openat(dir.get(), name.constData(), O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        if (next < 0 && errno == ENOENT) {
            if (::mkdirat(dir.get(), name.constData(), 0755) == 0) {
                // A new folder's name survives a power loss only once its parent is flushed, and with it
                // every file made in it (tst_powerloss lostFolderCreation): the same rule as a roll-over's
                // renames. One fsync per folder made, none for a folder that was there.
                Fd parent(::openat(dir.get(), ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC));
                if (parent.get() < 0 || ::fsync(parent.get()) != 0)
                    return errnoError(errno, *rel, QStringLiteral("creating the folder"));
            } else if (errno != EEXIST) {
                return errnoError(errno, *rel, QStringLiteral("creating the folder"));
            }
            next = ::openat(dir.get(), name.constData(), O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        }
        if (next < 0) {
            const int err = errno;
            struct stat st
            {};
            if (::fstatat(dir.get(), name.constData(), &st, AT_SYMLINK_NOFOLLOW) == 0) {
                if (S_ISLNK(st.st_mode))
                    return linkError(*rel);
                return Error{shown(*rel), QStringLiteral("exists but is not a folder"),
                             QStringLiteral("choose another path"), JetCode::None};
            }
            return errnoError(err, *rel, QStringLiteral("creating the folder"));
        }
        Fd nextDir(next);
        dir = std::move(nextDir);
    }
    return {};
}

Result<std::pair<int, QString>> HostDisk::openFolder(const QString &folder, const QString &doing) const
{
    auto rel = relative(folder);
    if (!rel)
        return rel.error();
    if (const int f = fault(false))
        return errnoError(f, *rel, doing);
    auto fd = openBeneath(*rel, O_RDONLY | O_DIRECTORY);
    if (!fd)
        return fd.error();
    return std::pair<int, QString>{*fd, *rel};
}

Status HostDisk::checkWritableFolder(const QString &folder) const
{
    auto opened = openFolder(folder, QStringLiteral("reaching the folder"));
    if (!opened)
        return opened.error();
    Fd owned(opened->first);
    const QString *rel = &opened->second;
    const char *probe = ".scr-write-probe";
    const int fd = ::openat(owned.get(), probe, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0644);
    if (fd < 0) {
        Error e = errnoError(errno, *rel, QStringLiteral("creating a file in the folder"));
        if (e.code == JetCode::FileAccessDenied)
            e.reason = QStringLiteral("the folder is read-only");
        return e;
    }
    ::close(fd);
    ::unlinkat(owned.get(), probe, 0);
    return {};
}

Status HostDisk::syncFolder(const QString &folder) const
{
    auto opened = openFolder(folder, QStringLiteral("flushing the folder"));
    if (!opened)
        return opened.error();
    Fd owned(opened->first);
    if (::fsync(owned.get()) != 0)
        return errnoError(errno, opened->second, QStringLiteral("flushing the folder"));
    return {};
}

Status HostDisk::rename(const QString &from, const QString &to, bool durable) const
{
    auto relFrom = relative(from);
    if (!relFrom)
        return relFrom.error();
    auto relTo = relative(to);
    if (!relTo)
        return relTo.error();
    if (const int f = writeFault())
        return errnoError(f, *relTo, QStringLiteral("renaming"));
    auto source = openParent(*relFrom);
    if (!source)
        return source.error();
    Fd sourceDir(source->first);
    auto target = openParent(*relTo);
    if (!target)
        return target.error();
    Fd targetDir(target->first);
    // A file renamed over is gone: its length no longer counts.
    struct stat replaced
    {};
    const bool replacesFile =
        ::fstatat(targetDir.get(), target->second.constData(), &replaced, AT_SYMLINK_NOFOLLOW) == 0 &&
        S_ISREG(replaced.st_mode);
    if (::renameat(sourceDir.get(), source->second.constData(), targetDir.get(),
                   target->second.constData()) != 0)
        return errnoError(errno, *relTo, QStringLiteral("renaming ") + nameOf(*relFrom));
    if (replacesFile)
        usageChanged(-static_cast<qint64>(replaced.st_size));
    // The new name survives a crash only once its folder is flushed.
    if (durable && ::fsync(targetDir.get()) != 0)
        return errnoError(errno, parentOf(*relTo), QStringLiteral("flushing the folder"));
    return {};
}

Status HostDisk::removeFile(const QString &path) const
{
    auto rel = relative(path);
    if (!rel)
        return rel.error();
    if (const int f = writeFault())
        return errnoError(f, *rel, QStringLiteral("deleting"));
    auto parent = openParent(*rel);
    if (!parent) {
        if (parent.error().code == JetCode::FileNotFound)
            return {};
        return parent.error();
    }
    Fd dir(parent->first);
    struct stat st
    {};
    if (::fstatat(dir.get(), parent->second.constData(), &st, AT_SYMLINK_NOFOLLOW) != 0)
        return errno == ENOENT ? Status{} : Status{errnoError(errno, *rel, QStringLiteral("deleting"))};
    if (S_ISLNK(st.st_mode))
        return linkError(*rel);
    if (S_ISDIR(st.st_mode))
        return Error{shown(*rel), QStringLiteral("is a folder"),
                     QStringLiteral("remove it with its contents (Remove-Item -Recurse)"), JetCode::None};
    if (::unlinkat(dir.get(), parent->second.constData(), 0) != 0) {
        if (errno == ENOENT)
            return {};
        return errnoError(errno, *rel, QStringLiteral("deleting"));
    }
    if (S_ISREG(st.st_mode))
        usageChanged(-static_cast<qint64>(st.st_size));
    return {};
}

Status HostDisk::checkTree(const QString &rel) const
{
    auto entries = listRel(rel, {}, false);
    if (!entries)
        return entries.error();
    for (const DiskEntry &e : *entries) {
        const QString child = joinRel(rel, e.name);
        if (e.kind == DiskEntry::Kind::Link)
            return linkError(child);
        if (e.kind == DiskEntry::Kind::Folder)
            SCR_TRY(checkTree(child));
    }
    return {};
}

Status HostDisk::removeTree(int parentFd, const QByteArray &name, const QString &rel) const
{
    struct stat st
    {};
    if (::fstatat(parentFd, name.constData(), &st, AT_SYMLINK_NOFOLLOW) != 0)
        return errno == ENOENT ? Status{} : Status{errnoError(errno, rel, QStringLiteral("deleting"))};
    if (S_ISLNK(st.st_mode))
        return linkError(rel);
    if (S_ISDIR(st.st_mode)) {
        const int fd = ::openat(parentFd, name.constData(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        if (fd < 0)
            return errnoError(errno, rel, QStringLiteral("deleting"));
        DIR *dir = ::fdopendir(fd);
        if (!dir) {
            ::close(fd);
            return errnoError(errno, rel, QStringLiteral("deleting"));
        }
        std::vector<QByteArray> names;
        while (const dirent *e = ::readdir(dir))
            if (std::strcmp(e->d_name, ".") != 0 && std::strcmp(e->d_name, "..") != 0)
                names.emplace_back(e->d_name);
        Status st2;
        for (const QByteArray &child : names) {
            st2 = removeTree(::dirfd(dir), child, joinRel(rel, QFile::decodeName(child)));
            if (!st2)
                break;
        }
        ::closedir(dir);
        SCR_TRY(st2);
        if (::unlinkat(parentFd, name.constData(), AT_REMOVEDIR) != 0)
            return errnoError(errno, rel, QStringLiteral("deleting the folder"));
        return {};
    }
    if (::unlinkat(parentFd, name.constData(), 0) != 0) {
        if (errno == ENOENT)
            return {};
        return errnoError(errno, rel, QStringLiteral("deleting"));
    }
    if (S_ISREG(st.st_mode))
        usageChanged(-static_cast<qint64>(st.st_size));
    return {};
}

Status HostDisk::removeRecursively(const QString &path) const
{
    auto rel = relative(path);
    if (!rel)
        return rel.error();
    // However the lab was named, a drive (or the disk itself) is never removed.
    if (!d->hostName.isEmpty() && components(*rel).size() <= 1)
        return Error{shown(*rel), QStringLiteral("is a drive's root"),
                     QStringLiteral("remove a folder in it"), JetCode::None};
    if (rel->isEmpty())
        return Error{d->labDir, QStringLiteral("is the disk itself"), {}, JetCode::None};
    if (const int f = writeFault())
        return errnoError(f, *rel, QStringLiteral("deleting"));
    auto e = entryRel(*rel);
    if (!e)
        return e.error();
    if (!e->has_value())
        return {};
    if ((*e)->kind == DiskEntry::Kind::Link)
        return linkError(*rel);
    // Validate the whole tree before the first deletion: a refusal changes nothing.
    if ((*e)->kind == DiskEntry::Kind::Folder)
        SCR_TRY(checkTree(*rel));
    auto parent = openParent(*rel);
    if (!parent)
        return parent.error();
    Fd dir(parent->first);
    SCR_TRY(removeTree(dir.get(), parent->second, *rel));
    if (::fsync(dir.get()) != 0)
        return errnoError(errno, parentOf(*rel), QStringLiteral("flushing the folder"));
    return {};
}

} // namespace scr
