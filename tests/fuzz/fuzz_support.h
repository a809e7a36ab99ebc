#pragma once
// What the reader fuzz targets share: one temporary folder per process, as a HostDisk the readers open files
// through (HostDisk::atFolder, as the engine's tools do), and a writer that lays an input down as a file.
// The folder lives under QDir::tempPath() (TMPDIR): tests/fuzz/run-fuzz.cmake points it at a folder of its
// own, on /dev/shm when there is one, and removes it afterwards.

#include "host/hostdisk.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>

namespace scr::fuzz {

struct Workspace
{
    QTemporaryDir dir{QDir::tempPath() + QStringLiteral("/scr-fuzz-XXXXXX")};
    HostDisk disk = HostDisk::atFolder(dir.path());

    QString path(const QString &name) const { return dir.filePath(name); }
};

inline Workspace &workspace()
{
    static Workspace *w = [] {
        auto *made = new Workspace; // never destroyed: libFuzzer may exit from any thread
        if (!made->dir.isValid())
            std::abort();
        return made;
    }();
    return *w;
}

// Writes bytes to path (replacing what was there) and sets the file's length to length: the bytes past
// the data are a hole that reads as zeros, as in a thin log.
inline void writeFile(const QString &path, const QByteArray &bytes, qint64 length)
{
    const int fd =
        ::open(QFile::encodeName(path).constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0)
        std::abort();
    qint64 done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.constData() + done, static_cast<size_t>(bytes.size() - done));
        if (n <= 0)
            std::abort();
        done += n;
    }
    if (::ftruncate(fd, static_cast<off_t>(length)) != 0)
        std::abort();
    ::close(fd);
}

// A broken invariant: libFuzzer reports the abort as a crash and keeps the input.
[[noreturn]] inline void fail(const char *what)
{
    std::fprintf(stderr, "invariant broken: %s\n", what);
    std::abort();
}

inline uint32_t readU32(const QByteArray &b, qint64 at)
{
    uint32_t v;
    std::memcpy(&v, b.constData() + at, 4);
    return v;
}

inline void writeU32(QByteArray &b, qint64 at, uint32_t v)
{
    std::memcpy(b.data() + at, &v, 4);
}

} // namespace scr::fuzz
