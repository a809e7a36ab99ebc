// scr-lab-runner LAB: opens a lab, starts mail flow into MBX1\SG1's database and steps the simulation a
// virtual second at a time until killed, printing "step N" after each. tst_replicationrestart kills it with
// SIGKILL.

#include "directory/directory.h"
#include "lab/lab.h"

#include <cstdio>

#include <QCoreApplication>

using namespace scr;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (app.arguments().size() != 2) {
        std::fprintf(stderr, "usage: scr-lab-runner LAB\n");
        return 2;
    }
    auto lab = Lab::open(app.arguments().at(1));
    if (!lab) {
        std::fprintf(stderr, "%s\n", qPrintable(lab.error().toString()));
        return 1;
    }
    auto sg = (*lab)->directory().storageGroup(QStringLiteral("MBX1\\SG1"));
    const QUuid db = (*lab)->directory().databases((*sg)->id)->front().guid;
    if (auto st = (*lab)->startMailFlow(db, 600, 100 * 1024); !st) {
        std::fprintf(stderr, "%s\n", qPrintable(st.error().toString()));
        return 1;
    }
    for (int step = 0; step < 100000; ++step) {
        if (auto st = (*lab)->stepSimulation(1000); !st) {
            std::fprintf(stderr, "%s\n", qPrintable(st.error().toString()));
            return 1;
        }
        std::printf("step %d\n", step);
        std::fflush(stdout);
    }
    return 0;
}
