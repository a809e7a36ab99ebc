// scr-mancmdlets OUT: writes the scr-cmdlets(7) manual page from the cmdlet registry (the same names,
// synopses and syntax Get-Help prints), at build time, for the package.

#include "ems/cmdletregistry.h"

#include <cstdio>

#include <QSaveFile>

int main(int argc, char **argv)
{
    if (argc != 2) {
        std::fprintf(stderr, "usage: scr-mancmdlets OUT.7\n");
        return 2;
    }
    scr::ems::CmdletRegistry registry;
    scr::ems::registerAllCmdlets(registry);
    QSaveFile out(QString::fromLocal8Bit(argv[1]));
    if (!out.open(QIODevice::WriteOnly | QIODevice::Text)) {
        std::fprintf(stderr, "scr-mancmdlets: %s\n", qPrintable(out.errorString()));
        return 1;
    }
    out.write(scr::ems::cmdletsManPage(registry, QStringLiteral(SCR_VERSION)).toUtf8());
    return out.commit() ? 0 : 1;
}
