// scr-mkicons SVG OUTDIR: renders the application icon at the hicolor theme's PNG sizes
// (OUTDIR/NxN/apps/scr-console.png), at build time, so the PNGs are always the SVG's.

#include <cstdio>

#include <QDir>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QSvgRenderer>

int main(int argc, char **argv)
{
    if (argc != 3) {
        std::fprintf(stderr, "usage: scr-mkicons SVG OUTDIR\n");
        return 2;
    }
    qputenv("QT_QPA_PLATFORM", "offscreen"); // a build machine has no display
    QGuiApplication app(argc, argv);
    QSvgRenderer svg(QString::fromLocal8Bit(argv[1]));
    if (!svg.isValid()) {
        std::fprintf(stderr, "scr-mkicons: %s is no SVG\n", argv[1]);
        return 1;
    }
    for (int size : {16, 22, 24, 32, 48, 64, 128, 256}) {
        const QString dir = QStringLiteral("%1/%2x%2/apps").arg(QString::fromLocal8Bit(argv[2])).arg(size);
        QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        QPainter painter(&image);
        svg.render(&painter);
        painter.end();
        if (!QDir().mkpath(dir) || !image.save(dir + QStringLiteral("/scr-console.png"))) {
            std::fprintf(stderr, "scr-mkicons: cannot write %s\n", qPrintable(dir));
            return 1;
        }
    }
    return 0;
}
