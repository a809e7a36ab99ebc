// libFuzzer target for the checkpoint reader: readCheckpoint and eseutil /mk on any E00.chk. A file must read
// or fail with -533 (damaged), never crash, hang, leak or read out of bounds; and what reads must write back
// to the very same bytes (writeCheckpoint), since the format has one encoding.
//
// Input: one byte of flags, then the file's bytes. Flag 1: recompute the CRC32C of a file of checkpoint size,
// so mutations reach the fields behind it. Seeds: tests/fuzz/corpus/checkpoint (made by scr-fuzz-seeds).

#include "fuzz_support.h"

#include "core/crc32c.h"
#include "store/checkpoint.h"
#include "store/eseutil.h"

using namespace scr;

namespace {

constexpr qsizetype kCheckpointSize = 60; // checkpoint.cpp

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1 || size > 4096)
        return -1;
    const uint8_t flags = data[0];
    QByteArray bytes(reinterpret_cast<const char *>(data) + 1, static_cast<qsizetype>(size - 1));
    if ((flags & 1) && bytes.size() == kCheckpointSize)
        fuzz::writeU32(bytes, kCheckpointSize - 4, crc32c(bytes.constData(), kCheckpointSize - 4));
    fuzz::Workspace &w = fuzz::workspace();
    const QString path = w.path(QStringLiteral("E00.chk"));
    fuzz::writeFile(path, bytes, bytes.size());

    auto checkpoint = readCheckpoint(w.disk, path);
    if (!checkpoint && checkpoint.error().code != JetCode::CheckpointCorrupt)
        fuzz::fail("a damaged checkpoint is not reported as -533");
    auto dump = eseutil::dumpCheckpoint(w.disk, path, QStringLiteral("E00.chk"));
    if (bool(dump) != bool(checkpoint))
        fuzz::fail("eseutil /mk and readCheckpoint disagree");
    if (checkpoint) {
        const QString again = w.path(QStringLiteral("E01.chk"));
        if (!writeCheckpoint(w.disk, again, *checkpoint))
            fuzz::fail("a checkpoint that reads cannot be written");
        auto written = w.disk.readAll(again);
        if (!written || *written != bytes)
            fuzz::fail("a checkpoint does not write back to the bytes it was read from");
    }
    return 0;
}
