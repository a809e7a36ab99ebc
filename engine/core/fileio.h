#pragma once
// File: an owned descriptor with positional I/O that checks its disk's faults before every call. The durable
// patterns (temporary file, fsync, rename, folder fsync) are HostDisk's, where every host file is reached.

#include "result.h"

#include <atomic>
#include <memory>
#include <utility>
#include <vector>

#include <QByteArray>
#include <QString>

namespace scr {

// The simulated hardware state of one host's disk, shared by its HostDisk and every File opened through it.
struct DiskFaults
{
    std::atomic<bool> poweredOff{false}; // every operation fails with EHOSTDOWN
    std::atomic<bool> full{false};       // operations that need space fail with ENOSPC
};

class File
{
public:
    enum class Mode { ReadOnly, ReadWrite, CreateNew };

    File() = default;
    ~File();
    File(File &&other) noexcept;
    File &operator=(File &&other) noexcept;
    File(const File &) = delete;
    File &operator=(const File &) = delete;

    // A file outside any host (tests, benchmarks, the lab's own files). Host files open through HostDisk.
    static Result<File> open(const QString &path, Mode mode);
    // Takes ownership of fd; faults (may be null) is checked before every read and write.
    static File adopt(int fd, QString path, std::shared_ptr<const DiskFaults> faults);

    bool isOpen() const { return m_fd >= 0; }
    const QString &path() const { return m_path; }

    Status readAt(qint64 offset, void *buffer, qint64 size) const; // exactly size bytes or an error
    Status writeAt(qint64 offset, const void *buffer, qint64 size);
    Status allocate(qint64 size); // reserve blocks so later writes and fdatasync do not grow the file
    // Sets the file's length without allocating blocks: what grows is a hole that reads as zeros (a thin
    // file: logical size as Windows and ESE see it, real disk use only where bytes were written).
    Status setLength(qint64 size);
    // Makes [offset, offset + size) read as zeros again and frees its blocks (a hole); where the file
    // system cannot punch holes, zeros are written instead. The length does not change.
    Status punchHole(qint64 offset, qint64 size);
    // The ranges [start, end) that hold data (everything else is a hole), in order; the whole file when
    // the file system does not report holes. Sparse-aware copies and reads use it.
    Result<std::vector<std::pair<qint64, qint64>>> dataRanges() const;
    Status syncData(); // fdatasync
    Result<qint64> size() const;
    void close();

private:
    int fault(bool needsSpace) const;

    int m_fd = -1;
    QString m_path; // as the user sees it (a Windows path on a host), for messages
    std::shared_ptr<const DiskFaults> m_faults;
};

// Creates dirPath and its parents: for the lab's own folder only (a host's folders go through HostDisk).
Status ensureDirectory(const QString &dirPath);

} // namespace scr
