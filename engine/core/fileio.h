#pragma once
// Durable file primitives on a host's disk: an owned descriptor with positional I/O, and the
// "temporary file, fsync, rename, fsync folder" pattern that makes small files crash-safe.

#include "result.h"

#include <atomic>
#include <memory>

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
    Status syncData();            // fdatasync
    Result<qint64> size() const;
    void close();

private:
    int fault(bool needsSpace) const;

    int m_fd = -1;
    QString m_path; // as the user sees it (a Windows path on a host), for messages
    std::shared_ptr<const DiskFaults> m_faults;
};

// Writes data to path so that after a crash the file holds either the old or the new content, whole.
Status writeFileAtomically(const QString &path, const QByteArray &data);
Result<QByteArray> readWholeFile(const QString &path);
// Copies from to a new file at to, in chunks, through a temporary file that is fsynced and renamed: after a
// crash, to is either absent or whole. to must not exist.
Status copyFileDurably(const QString &from, const QString &to);
Status syncDirectory(const QString &dirPath);
Status ensureDirectory(const QString &dirPath);
// Proves that files can be created in dirPath (creates and removes a probe), so an operation can refuse
// up front with -1032 instead of failing half way.
Status checkWritableFolder(const QString &dirPath);
// rename() and then fsync of the folder, so the new name survives a crash.
Status renameDurably(const QString &from, const QString &to);
// rename() alone; the caller syncs the folder once for a batch of renames.
Status renameFile(const QString &from, const QString &to);

} // namespace scr
