// scr-powerloss-workload: the process tst_powerloss records with scr-fsrecorder (LD_PRELOAD). Each workload
// has a set-up step (run without the recorder; the harness snapshots the folder after it) and a recorded
// step that marks, through scr_fstrace_mark, what it acknowledged and when.
//   scr-powerloss-workload logstream-setup ROOT   a database and its log stream, a mailbox, dismounted
//   scr-powerloss-workload logstream ROOT         mount, group commits across roll-overs, checkpoints,
//                                                 dismount; marks "ack N" after the commit of message N

#include "powerloss/powerlossworkload.h"

#include <cstdio>
#include <cstring>
#include <dlfcn.h>

#include <QCoreApplication>

using namespace scr;

namespace {

using MarkFn = void (*)(const char *);

MarkFn markFunction()
{
    void *p = ::dlsym(RTLD_DEFAULT, "scr_fstrace_mark");
    MarkFn f = nullptr;
    static_assert(sizeof f == sizeof p);
    std::memcpy(&f, &p, sizeof f);
    return f;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 3) {
        std::fprintf(stderr, "usage: scr-powerloss-workload WORKLOAD ROOT\n");
        return 2;
    }
    const MarkFn markFn = markFunction();
    const auto mark = [markFn](const QString &text) {
        if (markFn)
            markFn(text.toUtf8().constData());
        std::printf("%s\n", qPrintable(text));
        std::fflush(stdout);
    };
    const Status st = powerloss::runWorkload(args.at(1), args.at(2), mark);
    if (!st) {
        std::fprintf(stderr, "%s: %s\n", qPrintable(args.at(1)), qPrintable(st.error().toString()));
        return 1;
    }
    return 0;
}
