#pragma once
// The trace scr-fsrecorder writes (one record per file-system call beneath the recorded folder) and
// tst_powerloss reads. Plain C++ so the interposer needs no Qt.

#include <cstdint>

namespace scr::fstrace {

enum class OpType : uint32_t {
    Create = 1,     // path: a new file (O_CREAT of a name that did not exist); ino
    Mkdir = 2,      // path
    Write = 3,      // ino, a = offset, data; path for messages
    Truncate = 4,   // ino, a = new length (ftruncate, O_TRUNC)
    Extend = 5,     // ino, a = the length it grows to at least (fallocate without KEEP_SIZE)
    Punch = 6,      // ino, a = offset, b = length: reads as zeros again
    Fsync = 7,      // ino (a file)
    Fdatasync = 8,  // ino (a file)
    FolderSync = 9, // path: fsync of a folder
    Rename = 10,    // path → path2, ino of what moved
    Unlink = 11,    // path, ino
    Rmdir = 12,     // path
    Mark = 13,      // data: what the workload acknowledged at this point
};

constexpr uint32_t kRecordMagic = 0x53465452; // "RTFS"

struct RecordHeader
{
    uint32_t magic;
    uint32_t type;
    uint32_t flags;
    uint32_t pathSize;
    uint64_t ino;
    int64_t a;
    int64_t b;
    uint32_t path2Size;
    uint32_t reserved;
    uint64_t dataSize;
    // followed by pathSize bytes of path, path2Size of path2 (both relative to the root), dataSize of data
};

} // namespace scr::fstrace
