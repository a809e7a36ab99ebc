// scr-crash-writer: the process tst_crashsafety kills with SIGKILL. It mounts a database (running soft
// recovery of the previous crash), then delivers messages start, start+1, ... in group commits of 1 to 8,
// printing "ack N" only after the commit that made message N durable returned.
//   scr-crash-writer LOGFOLDER EDBPATH START SEED

#include "store/mounteddatabase.h"
#include "testsupport.h"

#include <cstdio>

#include <QCoreApplication>
#include <QRandomGenerator>

using namespace scr;

namespace {
const QUuid kDatabase(QStringLiteral("{6f1c2a3e-0000-4000-8000-00000000db01}"));
const QUuid kMailbox(QStringLiteral("{6f1c2a3e-0000-4000-8000-0000000000a1}"));
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 5) {
        std::fprintf(stderr, "usage: scr-crash-writer LOGFOLDER EDBPATH START SEED\n");
        return 2;
    }
    StoragePaths paths{.disk = test::tempDisk(),
                       .prefix = QStringLiteral("E00"),
                       .logFolder = {},
                       .systemFolder = {},
                       .edbPath = {}};
    paths.logFolder = paths.systemFolder = args.at(1);
    paths.edbPath = args.at(2);
    qint64 next = args.at(3).toLongLong();
    const quint64 seed = args.at(4).toULongLong();
    auto db = MountedDatabase::mount(paths, kDatabase, QStringLiteral("DB1"), SystemClock::instance());
    if (!db) {
        std::fprintf(stderr, "mount: %s\n", qPrintable(db.error().toString()));
        return 1;
    }
    if (!(*db)->knowsMailbox(kMailbox)) {
        if (!(*db)->createMailbox({kMailbox, QStringLiteral("Crash Test")}) || !(*db)->commit())
            return 1;
    }
    std::printf("ready\n");
    std::fflush(stdout);
    QRandomGenerator rng(static_cast<quint32>(seed));
    for (int batch = 0; batch < 1'000'000; ++batch) {
        const int size = 1 + static_cast<int>(rng.bounded(8u));
        for (int i = 0; i < size; ++i)
            if (!(*db)->deliverMessage(test::makeMessage(kMailbox, 1, next + i)))
                return 1;
        auto st = (*db)->commit();
        if (!st) {
            std::fprintf(stderr, "commit: %s\n", qPrintable(st.error().toString()));
            return 1;
        }
        next += size;
        std::printf("ack %lld\n", static_cast<long long>(next - 1));
        std::fflush(stdout);
    }
    return 0;
}
