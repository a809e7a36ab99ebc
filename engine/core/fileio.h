#pragma once
// File: an owned descriptor with positional I/O that checks its disk's faults before every call. The durable
// patterns (temporary file, fsync, rename, folder fsync) are HostDisk's, where every host file is reached.

#include "result.h"

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <utility>
#include <vector>

#include <QByteArray>
#include <QString>

namespace scr {

// The logical space of one host's disk (README, "What is real, what is described"): a capacity, and a usage
// that is the sum of the lengths of the disk's regular files (st_size, what dir shows: a sparse 1 MiB log
// counts 1 MiB, however few blocks it holds). Usage is computed from the files, so every process sees the
// same truth: walked on first need, and again before an answer when the last walk is older than kFreshMs of
// real time; in between, this process's own changes (through File and HostDisk) keep it current. SQLite's
// writes to a .edb are not seen until the next walk. Thread-safe.
class DiskSpace
{
public:
    // The usage from the files; nullopt when it cannot be known (the last known figure stays).
    using Walk = std::function<std::optional<qint64>()>;
    static constexpr qint64 kFreshMs = 2000;

    DiskSpace(qint64 capacityBytes, Walk walk);

    qint64 capacity() const;
    void setCapacity(qint64 bytes);
    qint64 used();
    // capacity - used; never below 0 (SQLite may grow a file past a full disk until the next walk).
    qint64 available();
    // Takes bytes of logical space for a file about to grow by that much: 0, or ENOSPC when fewer are free
    // (nothing taken then).
    int take(qint64 bytes);
    // What a change of this process did to usage (negative: a file shrank or went away; or bytes taken
    // and not used after all).
    void adjust(qint64 delta);
    // The next answer walks the files again.
    void forget();

private:
    void refreshLocked();

    mutable std::mutex m_mutex;
    qint64 m_capacity;
    Walk m_walk;
    qint64 m_used = 0;
    bool m_known = false;
    std::chrono::steady_clock::time_point m_walkedAt;
};

// The simulated hardware state of one host's disk, shared by its HostDisk and every File opened through it.
struct DiskFaults
{
    std::atomic<bool> poweredOff{false}; // every operation fails with EHOSTDOWN
    // An I/O fault of the disk while its host runs: EIO (the disk fails every read and write) or EROFS (its
    // file system went read-only: every write fails, reads go on); 0: none.
    std::atomic<int> ioError{0};
    // Growth beyond the free logical space fails with ENOSPC; null: no limit (a disk outside a lab).
    std::shared_ptr<DiskSpace> space;
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
    // What makes a file longer (writeAt past its end, allocate, setLength) needs that many bytes of free
    // logical space on its disk, or fails with ENOSPC and changes nothing.
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
    int fault(bool write) const;
    // The logical space for growing the file to newLength is taken before the call that grows it, and
    // settled after it with what the file's length really became.
    struct Growth
    {
        qint64 before = 0;
        qint64 taken = 0;
    };
    Result<Growth> takeSpaceFor(qint64 newLength, const QString &doing);
    void settle(const Growth &growth);

    int m_fd = -1;
    QString m_path; // as the user sees it (a Windows path on a host), for messages
    std::shared_ptr<const DiskFaults> m_faults;
    // The length this File last saw or made (-1: not known): a write inside it grows nothing, so the log
    // writer's appends need no fstat each.
    qint64 m_knownLength = -1;
};

// Creates dirPath and its parents: for the lab's own folder only (a host's folders go through HostDisk).
Status ensureDirectory(const QString &dirPath);

} // namespace scr
