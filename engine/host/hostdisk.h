#pragma once
// HostDisk: the one door to a host's files. Today a host's disk is a folder of the lab
// (hosts/<HOST>/<DRIVE>/...); later it may be an agent on a real machine, so the interface stays small.
//
// - Containment: every path resolves beneath the host's folder and never through a symbolic link
//   (openat2 with RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS, or an O_NOFOLLOW walk where the kernel lacks it).
//   A link found on the way is refused with an error that names it and says how to remove it.
// - Faults: the disk owns its host's power state and its logical space. A powered-off disk refuses every
//   operation (EHOSTDOWN); Files opened through it keep checking, so a database or log stream that was open
//   when the power went off stops too.
// - Logical space (README, "What is real, what is described"): a capacity (the directory's, 200 GB by
//   default) and a usage that is the sum of the lengths of the regular files beneath the root, computed
//   from the files (DiskSpace). Whatever makes a file longer (File::writeAt past the end, setLength,
//   allocate, copyFrom, writeAtomically) needs that many free bytes or fails with ENOSPC, changing nothing.
// - Paths are Windows paths (C:\Exchange\Logs\SG1), compared case-insensitively as Windows does, or the
//   local paths localPath() gave (the engine carries those); both must lie beneath the host's folder.
//
// Copies share one state: the Lab keeps one HostDisk per host and hands out copies of it.

#include "core/fileio.h"
#include "core/result.h"

#include <memory>
#include <optional>
#include <vector>

#include <QString>
#include <QStringList>

namespace scr {

struct DiskEntry
{
    enum class Kind { File, Folder, Link, Other };
    QString name;
    Kind kind = Kind::File;
    qint64 size = 0;
    qint64 modifiedMs = 0;
};

// The last name of a local or Windows path ("E00.chk" of C:\\Exchange\\E00.chk): string work only.
QString fileNameOf(const QString &path);
// The folder of a local or Windows path: string work only.
QString folderOf(const QString &path);

class HostDisk
{
public:
    // The host's disk is diskFolder under labDir; by default hosts/<HOST>. A renamed host (Recover Server)
    // keeps the disk folder it had. diskFolder must be "hosts/<plain name>" (the directory is untrusted).
    HostDisk(QString labDir, QString hostName, QString diskFolder = {});
    // No disk: every operation fails. For value types (StoragePaths, CopyConfig) before they are filled in.
    HostDisk();
    // A disk whose root is folder itself, for the engine's tests and tools that work outside a lab.
    static HostDisk atFolder(const QString &folder);

    static QString defaultDiskFolder(const QString &hostName) { return QStringLiteral("hosts/") + hostName; }
    static bool isValidDiskFolder(const QString &diskFolder);
    static bool isValidWindowsPath(const QString &windowsPath, QString *why = nullptr);

    const QString &hostName() const;
    QString root() const; // <lab>/<diskFolder>, absolute
    // Whether two HostDisk values are the same disk (the same shared state).
    bool sameDisk(const HostDisk &other) const { return d == other.d; }

    // Path mapping. localPath: C:\Exchange\Logs\SG1 → <root>/C/Exchange/Logs/SG1, reusing the case of
    // entries that exist. windowsPath: the reverse, for messages (a path outside the host comes back as is).
    Result<QString> localPath(const QString &windowsPath) const;
    QString windowsPath(const QString &localPath) const;
    // The local path of a Windows path or of a local path beneath the root, checked to lie beneath it (for
    // what must open a file by name, such as SQLite).
    Result<QString> resolvedPath(const QString &path) const;
    // The path as the user sees it: its Windows form on a host, the local path on a plain folder.
    QString displayPath(const QString &path) const;

    // Hardware state.
    bool isPoweredOn() const;
    void setPoweredOn(bool on);
    // 0 when an operation may go on, else the errno it fails with: EHOSTDOWN when the power is off;
    // ENOSPC when needsSpace and fewer than kReserveBytes are free (SQLite's writes to a .edb cannot be
    // measured beforehand: they need this small reserve, smaller than one log generation so that a
    // database whose log drive is full can still write its header when it is dismounted).
    // EIO fails it too, and EROFS when needsSpace (a write).
    int fault(bool needsSpace) const;
    // 0 when a write that takes no space (a rename, a removal, a new folder, a file opened for writing) may
    // go on, else its errno: EHOSTDOWN, EIO or EROFS.
    int writeFault() const;
    // The disk's I/O fault while its host runs (0: none): EIO fails every read and write, EROFS (its file
    // system went read-only) every write. Shared by every copy of the disk and every File opened through
    // it, so a mounted database or a running copy meets it at its next write.
    int ioFault() const;
    void setIoFault(int err);

    // Logical space, in bytes. A disk outside a lab (atFolder, the lab folder) has none: no limit.
    static constexpr qint64 kDefaultCapacityBytes = 200LL << 30; // 200 GB
    static constexpr qint64 kReserveBytes = 64 << 10;
    bool hasCapacity() const;
    qint64 capacityBytes() const;
    void setCapacityBytes(qint64 bytes);
    // The sum of the lengths of the regular files beneath the root (links are not followed), from the
    // files: walked when the last walk is older than DiskSpace::kFreshMs, or when fresh is true.
    qint64 usedBytes(bool fresh = false) const;
    qint64 freeBytes(bool fresh = false) const;

    // What is there. nullopt when nothing is; a link is reported as a Link, never followed.
    Result<std::optional<DiskEntry>> entry(const QString &path) const;
    bool exists(const QString &path) const;
    bool isFolder(const QString &path) const;
    // The entries of a folder, sorted by name; pattern: a wildcard on names (* and ?), case-insensitive.
    Result<std::vector<DiskEntry>> list(const QString &folder, const QString &pattern = {}) const;
    Result<QStringList> fileNames(const QString &folder, const QString &pattern = {}) const;

    // Files.
    Result<File> open(const QString &path, File::Mode mode) const;
    Result<QByteArray> readAll(const QString &path) const;
    // After a crash, path holds either the old or the new content, whole (temporary file, fdatasync, rename,
    // folder fsync).
    Status writeAtomically(const QString &path, const QByteArray &data) const;
    // Copies from a file of source (possibly another host) to a new file here: after a crash, to is either
    // absent or whole. to must not exist. durable=false leaves the final folder fsync to the caller
    // (batches).
    // reuse: a file of this disk (a spare) to copy into instead of creating one; it is emptied first.
    Status copyFrom(const HostDisk &source, const QString &from, const QString &to, bool durable = true,
                    const QString &reuse = {}) const;

    // Folders and names.
    Status makeFolders(const QString &folder) const; // like mkdir -p, beneath the root only
    Status checkWritableFolder(const QString &folder) const;
    Status syncFolder(const QString &folder) const;
    Status rename(const QString &from, const QString &to, bool durable = true) const;
    Status removeFile(const QString &path) const; // absent is fine
    // Removes a file or a folder and everything in it. The whole tree is checked first: a link inside it
    // refuses the removal before anything is deleted. A drive's root is never removed.
    Status removeRecursively(const QString &path) const;

    // Whether the kernel's openat2 is used (else an O_NOFOLLOW walk); tests run both.
    static bool usesOpenat2();
    static void setOpenat2Allowed(bool allowed);

private:
    struct Shared;
    explicit HostDisk(std::shared_ptr<Shared> shared);
    // The path relative to the disk's root ("C/Exchange/Logs/SG1"); refuses what is not beneath it.
    Result<QString> relative(const QString &path) const;
    Result<std::optional<DiskEntry>> entryRel(const QString &rel) const;
    Result<std::vector<DiskEntry>> listRel(const QString &rel, const QString &pattern, bool details) const;
    QString shown(const QString &rel) const; // rel as the user sees it
    Error linkError(const QString &rel) const;
    Error errnoError(int err, const QString &rel, const QString &doing) const;
    // An fd for rel (beneath the root, no link followed), opened with flags.
    Result<int> openBeneath(const QString &rel, int flags, int mode = 0) const;
    // The parent folder of rel (opened O_PATH) and rel's last name.
    Result<std::pair<int, QByteArray>> openParent(const QString &rel) const;
    // A folder (beneath the root, powered, no link) opened for reading or fsync, and its rel path.
    Result<std::pair<int, QString>> openFolder(const QString &folder, const QString &doing) const;
    Status removeTree(int parentFd, const QByteArray &name, const QString &rel) const;
    // The lengths of the regular files beneath the root, walked with fstatat on folder descriptors.
    std::optional<qint64> walkUsage() const;
    void usageChanged(qint64 delta) const; // this process's own change, between two walks
    Status checkTree(const QString &rel) const;

    std::shared_ptr<Shared> d;
};

} // namespace scr
