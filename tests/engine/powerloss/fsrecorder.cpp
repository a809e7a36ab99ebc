// scr-fsrecorder: an LD_PRELOAD interposer that records the file-system calls a workload process makes
// beneath one folder, with the bytes it writes, for the power-loss harness (tst_powerloss, README
// "Reliability").
//
// Why an interposer and not a recording layer in File/HostDisk: it sees every call the process makes,
// SQLite's own (the .edb, its -wal, its folder fsyncs) and Qt's included, without changing a product code
// path; a HostDisk layer would miss SQLite entirely and could only record what the product believes it does.
// The cost is that it works on libc symbols, so every door the engine uses is listed here: open/openat (and
// their 64 forms), syscall(SYS_openat2) (HostDisk's resolver), write/pwrite, ftruncate, fallocate and
// posix_fallocate, fsync/fdatasync (a folder's fsync is told apart by fstat), rename(at,at2),
// unlink(at), mkdir(at), rmdir. Not intercepted: writev/pwritev, writes through mmap, copy_file_range and
// sendfile; neither the engine nor SQLite as used here writes state through them (SQLite's mmap'd -shm is
// rebuilt after every crash and is left out).
//
// Environment: SCR_FSTRACE (the trace file to write), SCR_FSTRACE_ROOT (only paths beneath it are recorded).
// Marks: the workload finds scr_fstrace_mark with dlsym(RTLD_DEFAULT) and calls it when something was
// acknowledged, so the trace says what had been acknowledged at every point.
//
// Every recorded call holds one mutex from the real call to the end of its record, so the trace's order is
// the order in which the calls took effect.

#include "fstrace.h"

#include <cerrno>
#include <climits>
#include <cstdarg>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <dlfcn.h>
#include <fcntl.h>
#include <functional>
#include <mutex>
#include <string>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <linux/openat2.h>

using namespace scr::fstrace;

namespace {

std::mutex g_mutex;
thread_local bool t_inside = false;
int g_traceFd = -1;
std::string g_root; // canonical, with a trailing '/'
bool g_ready = false;

template <typename F> F real(const char *name)
{
    void *p = ::dlsym(RTLD_NEXT, name);
    if (!p) {
        std::fprintf(stderr, "scr-fsrecorder: no %s\n", name);
        std::abort();
    }
    F f;
    static_assert(sizeof f == sizeof p);
    std::memcpy(&f, &p, sizeof f);
    return f;
}

using write_t = ssize_t (*)(int, const void *, size_t);
using syscall_t = long (*)(long, ...);

void rawWrite(const void *data, size_t size)
{
    static const auto realWrite = real<write_t>("write");
    const char *p = static_cast<const char *>(data);
    while (size > 0) {
        const ssize_t n = realWrite(g_traceFd, p, size);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            std::abort();
        p += n;
        size -= static_cast<size_t>(n);
    }
}

void init()
{
    static std::once_flag once;
    std::call_once(once, [] {
        const char *trace = std::getenv("SCR_FSTRACE");
        const char *root = std::getenv("SCR_FSTRACE_ROOT");
        if (!trace || !root)
            return;
        char resolved[PATH_MAX];
        if (!::realpath(root, resolved))
            return;
        g_root = resolved;
        g_root += '/';
        using open_t = int (*)(const char *, int, ...);
        g_traceFd = real<open_t>("open")(trace, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
        g_ready = g_traceFd >= 0;
    });
}

std::string fdPath(int fd)
{
    if (fd == AT_FDCWD) {
        char buf[PATH_MAX];
        return ::getcwd(buf, sizeof buf) ? std::string(buf) : std::string();
    }
    char link[64];
    std::snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    char buf[PATH_MAX];
    const ssize_t n = ::readlink(link, buf, sizeof buf - 1);
    if (n <= 0)
        return {};
    return std::string(buf, static_cast<size_t>(n));
}

std::string atPath(int dirfd, const char *name)
{
    if (!name)
        return {};
    if (name[0] == '/')
        return name;
    std::string dir = fdPath(dirfd);
    if (dir.empty())
        return {};
    std::string rel = name;
    while (rel.rfind("./", 0) == 0)
        rel.erase(0, 2);
    if (rel.empty() || rel == ".")
        return dir;
    return dir + '/' + rel;
}

// The path relative to the root, or empty when it lies outside.
std::string beneath(const std::string &path)
{
    if (path.size() < g_root.size() || path.compare(0, g_root.size(), g_root) != 0)
        return {};
    std::string rel = path.substr(g_root.size());
    const std::string deleted = " (deleted)";
    if (rel.size() > deleted.size() && rel.compare(rel.size() - deleted.size(), deleted.size(), deleted) == 0)
        rel.resize(rel.size() - deleted.size());
    // SQLite's shared-memory index is rebuilt after every crash; it is not state.
    if (rel.size() > 4 && rel.compare(rel.size() - 4, 4, "-shm") == 0)
        return {};
    return rel;
}

void emit(OpType type, uint64_t ino, int64_t a, int64_t b, const std::string &path, const std::string &path2,
          const void *data, uint64_t dataSize, uint32_t flags = 0)
{
    RecordHeader h{};
    h.magic = kRecordMagic;
    h.type = static_cast<uint32_t>(type);
    h.flags = flags;
    h.ino = ino;
    h.a = a;
    h.b = b;
    h.pathSize = static_cast<uint32_t>(path.size());
    h.path2Size = static_cast<uint32_t>(path2.size());
    h.dataSize = dataSize;
    rawWrite(&h, sizeof h);
    rawWrite(path.data(), path.size());
    rawWrite(path2.data(), path2.size());
    if (dataSize)
        rawWrite(data, dataSize);
}

// A recorded call: the mutex, and the guard against our own calls re-entering.
struct Scope
{
    bool active = false;
    std::unique_lock<std::mutex> lock;
    Scope()
    {
        init();
        if (!g_ready || t_inside)
            return;
        lock = std::unique_lock<std::mutex>(g_mutex);
        t_inside = true;
        active = true;
    }
    ~Scope()
    {
        if (active)
            t_inside = false;
    }
    Scope(const Scope &) = delete;
    Scope &operator=(const Scope &) = delete;
};

// The file behind fd when it is a regular file or folder beneath the root.
struct Target
{
    bool tracked = false;
    bool folder = false;
    uint64_t ino = 0;
    std::string rel;
};

Target targetOf(int fd)
{
    Target t;
    struct stat st
    {};
    if (::fstat(fd, &st) != 0 || !(S_ISREG(st.st_mode) || S_ISDIR(st.st_mode)))
        return t;
    t.rel = beneath(fdPath(fd) + (S_ISDIR(st.st_mode) ? "/" : ""));
    if (S_ISDIR(st.st_mode) && !t.rel.empty())
        t.rel.pop_back();
    t.tracked = !t.rel.empty() || (S_ISDIR(st.st_mode) && fdPath(fd) + '/' == g_root);
    t.folder = S_ISDIR(st.st_mode);
    t.ino = st.st_ino;
    return t;
}

// Whether path (absolute) exists, and its inode.
bool existing(const std::string &path, uint64_t *ino = nullptr)
{
    struct stat st
    {};
    if (::fstatat(AT_FDCWD, path.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0)
        return false;
    if (ino)
        *ino = st.st_ino;
    return true;
}

// open/openat/openat2 with O_CREAT: a new name is a Create; O_TRUNC of an existing file a Truncate.
template <typename Call> int recordOpen(int dirfd, const char *name, int flags, Call call)
{
    Scope scope;
    if (!scope.active || !(flags & (O_CREAT | O_TRUNC)))
        return call();
    const std::string path = atPath(dirfd, name);
    const std::string rel = beneath(path);
    if (rel.empty())
        return call();
    const bool existed = existing(path);
    const int fd = call();
    if (fd < 0)
        return fd;
    struct stat st
    {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode))
        return fd;
    if (!existed && (flags & O_CREAT))
        emit(OpType::Create, st.st_ino, 0, 0, rel, {}, nullptr, 0);
    else if (flags & O_TRUNC)
        emit(OpType::Truncate, st.st_ino, 0, 0, rel, {}, nullptr, 0);
    return fd;
}

int modeArg(int flags, va_list ap)
{
    if ((flags & O_CREAT) || (flags & O_TMPFILE) == O_TMPFILE)
        return va_arg(ap, int);
    return 0;
}

ssize_t recordWrite(int fd, const void *buf, size_t count, int64_t offset, bool positional)
{
    using pwrite_t = ssize_t (*)(int, const void *, size_t, off_t);
    static const auto realWrite = real<write_t>("write");
    static const auto realPwrite = real<pwrite_t>("pwrite");
    Scope scope;
    const auto call = [&] {
        return positional ? realPwrite(fd, buf, count, static_cast<off_t>(offset))
                          : realWrite(fd, buf, count);
    };
    if (!scope.active || fd == g_traceFd)
        return call();
    const Target t = targetOf(fd);
    if (!t.tracked || t.folder)
        return call();
    int64_t at = offset;
    if (!positional) {
        const int fl = ::fcntl(fd, F_GETFL);
        if (fl >= 0 && (fl & O_APPEND)) {
            struct stat st
            {};
            ::fstat(fd, &st);
            at = st.st_size;
        } else {
            at = ::lseek(fd, 0, SEEK_CUR);
        }
    }
    const ssize_t n = call();
    if (n > 0)
        emit(OpType::Write, t.ino, at, 0, t.rel, {}, buf, static_cast<uint64_t>(n));
    return n;
}

int recordSync(int fd, bool dataOnly, int (*realCall)(int))
{
    Scope scope;
    if (!scope.active)
        return realCall(fd);
    const Target t = targetOf(fd);
    const int rc = realCall(fd);
    if (rc == 0 && t.tracked)
        emit(t.folder ? OpType::FolderSync : (dataOnly ? OpType::Fdatasync : OpType::Fsync), t.ino, 0, 0,
             t.rel, {}, nullptr, 0);
    return rc;
}

int recordLength(int fd, int64_t length, OpType type, int64_t offset, const std::function<int()> &call)
{
    Scope scope;
    if (!scope.active)
        return call();
    const Target t = targetOf(fd);
    const int rc = call();
    if (rc == 0 && t.tracked && !t.folder)
        emit(type, t.ino, type == OpType::Punch ? offset : length, type == OpType::Punch ? length : 0, t.rel,
             {}, nullptr, 0);
    return rc;
}

int recordFallocate(int fd, int mode, int64_t offset, int64_t len, const std::function<int()> &call)
{
    if (mode & FALLOC_FL_PUNCH_HOLE)
        return recordLength(fd, len, OpType::Punch, offset, call);
    if (mode & FALLOC_FL_KEEP_SIZE)
        return call();
    return recordLength(fd, offset + len, OpType::Extend, 0, call);
}

int recordRename(int olddirfd, const char *oldpath, int newdirfd, const char *newpath,
                 const std::function<int()> &call)
{
    Scope scope;
    if (!scope.active)
        return call();
    const std::string from = atPath(olddirfd, oldpath);
    const std::string to = atPath(newdirfd, newpath);
    const std::string relFrom = beneath(from), relTo = beneath(to);
    if (relFrom.empty() && relTo.empty())
        return call();
    uint64_t ino = 0;
    existing(from, &ino);
    const int rc = call();
    if (rc == 0)
        emit(OpType::Rename, ino, 0, 0, relFrom, relTo, nullptr, 0);
    return rc;
}

int recordUnlink(int dirfd, const char *name, bool folder, const std::function<int()> &call)
{
    Scope scope;
    if (!scope.active)
        return call();
    const std::string path = atPath(dirfd, name);
    const std::string rel = beneath(path);
    if (rel.empty())
        return call();
    uint64_t ino = 0;
    existing(path, &ino);
    const int rc = call();
    if (rc == 0)
        emit(folder ? OpType::Rmdir : OpType::Unlink, ino, 0, 0, rel, {}, nullptr, 0);
    return rc;
}

int recordMkdir(int dirfd, const char *name, const std::function<int()> &call)
{
    Scope scope;
    if (!scope.active)
        return call();
    const std::string rel = beneath(atPath(dirfd, name));
    const int rc = call();
    if (rc == 0 && !rel.empty())
        emit(OpType::Mkdir, 0, 0, 0, rel, {}, nullptr, 0);
    return rc;
}

} // namespace

extern "C" {

__attribute__((visibility("default"))) void scr_fstrace_mark(const char *text)
{
    Scope scope;
    if (scope.active)
        emit(OpType::Mark, 0, 0, 0, {}, {}, text, std::strlen(text));
}

__attribute__((visibility("default"))) int open(const char *path, int flags, ...)
{
    va_list ap;
    va_start(ap, flags);
    const int mode = modeArg(flags, ap);
    va_end(ap);
    using open_t = int (*)(const char *, int, ...);
    static const auto r = real<open_t>("open");
    return recordOpen(AT_FDCWD, path, flags, [&] { return r(path, flags, mode); });
}

__attribute__((visibility("default"))) int open64(const char *path, int flags, ...)
{
    va_list ap;
    va_start(ap, flags);
    const int mode = modeArg(flags, ap);
    va_end(ap);
    using open_t = int (*)(const char *, int, ...);
    static const auto r = real<open_t>("open64");
    return recordOpen(AT_FDCWD, path, flags, [&] { return r(path, flags, mode); });
}

__attribute__((visibility("default"))) int openat(int dirfd, const char *path, int flags, ...)
{
    va_list ap;
    va_start(ap, flags);
    const int mode = modeArg(flags, ap);
    va_end(ap);
    using openat_t = int (*)(int, const char *, int, ...);
    static const auto r = real<openat_t>("openat");
    return recordOpen(dirfd, path, flags, [&] { return r(dirfd, path, flags, mode); });
}

__attribute__((visibility("default"))) int openat64(int dirfd, const char *path, int flags, ...)
{
    va_list ap;
    va_start(ap, flags);
    const int mode = modeArg(flags, ap);
    va_end(ap);
    using openat_t = int (*)(int, const char *, int, ...);
    static const auto r = real<openat_t>("openat64");
    return recordOpen(dirfd, path, flags, [&] { return r(dirfd, path, flags, mode); });
}

__attribute__((visibility("default"))) int creat(const char *path, mode_t mode)
{
    return open(path, O_WRONLY | O_CREAT | O_TRUNC, mode);
}

__attribute__((visibility("default"))) long syscall(long number, ...)
{
    va_list ap;
    va_start(ap, number);
    long args[6];
    for (long &arg : args)
        arg = va_arg(ap, long);
    va_end(ap);
    static const auto r = real<syscall_t>("syscall");
    const auto call = [&] { return r(number, args[0], args[1], args[2], args[3], args[4], args[5]); };
    if (number != SYS_openat2)
        return call();
    const auto *how = reinterpret_cast<const struct open_how *>(args[2]);
    const int flags = how ? static_cast<int>(how->flags) : 0;
    return recordOpen(static_cast<int>(args[0]), reinterpret_cast<const char *>(args[1]), flags,
                      [&] { return static_cast<int>(call()); });
}

__attribute__((visibility("default"))) ssize_t write(int fd, const void *buf, size_t count)
{
    return recordWrite(fd, buf, count, 0, false);
}

__attribute__((visibility("default"))) ssize_t pwrite(int fd, const void *buf, size_t count, off_t offset)
{
    return recordWrite(fd, buf, count, offset, true);
}

__attribute__((visibility("default"))) ssize_t pwrite64(int fd, const void *buf, size_t count, off64_t offset)
{
    return recordWrite(fd, buf, count, offset, true);
}

__attribute__((visibility("default"))) int fsync(int fd)
{
    static const auto r = real<int (*)(int)>("fsync");
    return recordSync(fd, false, r);
}

__attribute__((visibility("default"))) int fdatasync(int fd)
{
    static const auto r = real<int (*)(int)>("fdatasync");
    return recordSync(fd, true, r);
}

__attribute__((visibility("default"))) int ftruncate(int fd, off_t length)
{
    static const auto r = real<int (*)(int, off_t)>("ftruncate");
    return recordLength(fd, length, OpType::Truncate, 0, [&] { return r(fd, length); });
}

__attribute__((visibility("default"))) int ftruncate64(int fd, off64_t length)
{
    static const auto r = real<int (*)(int, off64_t)>("ftruncate64");
    return recordLength(fd, length, OpType::Truncate, 0, [&] { return r(fd, length); });
}

__attribute__((visibility("default"))) int fallocate(int fd, int mode, off_t offset, off_t len)
{
    static const auto r = real<int (*)(int, int, off_t, off_t)>("fallocate");
    return recordFallocate(fd, mode, offset, len, [&] { return r(fd, mode, offset, len); });
}

__attribute__((visibility("default"))) int fallocate64(int fd, int mode, off64_t offset, off64_t len)
{
    static const auto r = real<int (*)(int, int, off64_t, off64_t)>("fallocate64");
    return recordFallocate(fd, mode, offset, len, [&] { return r(fd, mode, offset, len); });
}

// posix_fallocate returns an error number instead of setting errno.
__attribute__((visibility("default"))) int posix_fallocate(int fd, off_t offset, off_t len)
{
    static const auto r = real<int (*)(int, off_t, off_t)>("posix_fallocate");
    return recordFallocate(fd, 0, offset, len, [&] { return r(fd, offset, len); });
}

__attribute__((visibility("default"))) int posix_fallocate64(int fd, off64_t offset, off64_t len)
{
    static const auto r = real<int (*)(int, off64_t, off64_t)>("posix_fallocate64");
    return recordFallocate(fd, 0, offset, len, [&] { return r(fd, offset, len); });
}

__attribute__((visibility("default"))) int rename(const char *from, const char *to)
{
    static const auto r = real<int (*)(const char *, const char *)>("rename");
    return recordRename(AT_FDCWD, from, AT_FDCWD, to, [&] { return r(from, to); });
}

__attribute__((visibility("default"))) int renameat(int olddirfd, const char *from, int newdirfd,
                                                    const char *to)
{
    static const auto r = real<int (*)(int, const char *, int, const char *)>("renameat");
    return recordRename(olddirfd, from, newdirfd, to, [&] { return r(olddirfd, from, newdirfd, to); });
}

__attribute__((visibility("default"))) int renameat2(int olddirfd, const char *from, int newdirfd,
                                                     const char *to, unsigned int flags)
{
    static const auto r = real<int (*)(int, const char *, int, const char *, unsigned int)>("renameat2");
    return recordRename(olddirfd, from, newdirfd, to, [&] { return r(olddirfd, from, newdirfd, to, flags); });
}

__attribute__((visibility("default"))) int unlink(const char *path)
{
    static const auto r = real<int (*)(const char *)>("unlink");
    return recordUnlink(AT_FDCWD, path, false, [&] { return r(path); });
}

__attribute__((visibility("default"))) int unlinkat(int dirfd, const char *path, int flags)
{
    static const auto r = real<int (*)(int, const char *, int)>("unlinkat");
    return recordUnlink(dirfd, path, (flags & AT_REMOVEDIR) != 0, [&] { return r(dirfd, path, flags); });
}

__attribute__((visibility("default"))) int rmdir(const char *path)
{
    static const auto r = real<int (*)(const char *)>("rmdir");
    return recordUnlink(AT_FDCWD, path, true, [&] { return r(path); });
}

__attribute__((visibility("default"))) int mkdir(const char *path, mode_t mode)
{
    static const auto r = real<int (*)(const char *, mode_t)>("mkdir");
    return recordMkdir(AT_FDCWD, path, [&] { return r(path, mode); });
}

__attribute__((visibility("default"))) int mkdirat(int dirfd, const char *path, mode_t mode)
{
    static const auto r = real<int (*)(int, const char *, mode_t)>("mkdirat");
    return recordMkdir(dirfd, path, [&] { return r(dirfd, path, mode); });
}

} // extern "C"
