// scr-seed-runner LAB IDENTITY STANDBY PERCENT: opens a lab and seeds the copy (Update-StorageGroupCopy
// -DeleteExistingFiles); when the seed reports PERCENT it prints "paused at PERCENT" and stops itself
// (SIGSTOP), so that tst_shellcoverage can look at the copy from another process and then kill the seeder.

#include "cmdlets/storagegroupcopy.h"
#include "lab/lab.h"

#include <csignal>
#include <cstdio>

#include <QCoreApplication>

using namespace scr;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 5) {
        std::fprintf(stderr, "usage: scr-seed-runner LAB IDENTITY STANDBY PERCENT\n");
        return 2;
    }
    auto lab = Lab::open(args.at(1));
    if (!lab) {
        std::fprintf(stderr, "%s\n", qPrintable(lab.error().toString()));
        return 1;
    }
    const int pauseAt = args.at(4).toInt();
    auto st = cmdlets::updateStorageGroupCopy(**lab, args.at(2), args.at(3), true,
                                              [&](int percent, const QString &) {
                                                  if (percent == pauseAt) {
                                                      std::printf("paused at %d\n", percent);
                                                      std::fflush(stdout);
                                                      std::raise(SIGSTOP);
                                                  }
                                                  return true;
                                              });
    if (!st) {
        std::fprintf(stderr, "%s\n", qPrintable(st.error().toString()));
        return 1;
    }
    std::printf("seeded\n");
    return 0;
}
