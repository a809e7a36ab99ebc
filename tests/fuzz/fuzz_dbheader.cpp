// libFuzzer target for the database header reader: Database::open (read-only; the ese_header row, the magic,
// format and state checks) and eseutil /mh (header, mailbox and message counts) on any .edb file. A file must
// open or fail with an error, never crash, hang, leak or read out of bounds; a header that reads has one
// of the three states.
//
// Input: the .edb file's bytes (an SQLite file). Seeds: tests/fuzz/corpus/dbheader (made by scr-fuzz-seeds:
// databases in Just Created, Dirty Shutdown and Clean Shutdown).

#include "fuzz_support.h"

#include "store/database.h"
#include "store/eseutil.h"

using namespace scr;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > (1 << 20))
        return -1;
    fuzz::Workspace &w = fuzz::workspace();
    const QString path = w.path(QStringLiteral("DB1.edb"));
    for (const char *suffix : {"-wal", "-shm"})
        ::unlink(QFile::encodeName(path + QLatin1String(suffix)).constData());
    const QByteArray bytes(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    fuzz::writeFile(path, bytes, bytes.size());

    auto dump = eseutil::dumpDatabaseHeader(w.disk, path, QStringLiteral("DB1.edb"));
    if (dump &&
        (!dump->contains(QStringLiteral("State: ")) || dump->contains(QStringLiteral("State: Unknown"))))
        fuzz::fail("eseutil /mh dumped a database whose state is none of the three");
    return 0;
}
