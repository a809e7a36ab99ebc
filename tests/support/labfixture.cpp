#include "labfixture.h"

#include "replication/copystatus.h"
#include "store/logfile.h"
#include "store/logformat.h"
#include "testsupport.h"

#include <algorithm>

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

namespace scr::test {

std::vector<uint32_t> closedGenerationsIn(const QString &folder, const QString &prefix)
{
    const QRegularExpression name(QStringLiteral("^%1([0-9A-F]{8})\\.log$").arg(prefix),
                                  QRegularExpression::CaseInsensitiveOption);
    std::vector<uint32_t> gens;
    for (const QString &f : QDir(folder).entryList(QDir::Files)) {
        const auto m = name.match(f);
        if (m.hasMatch())
            gens.push_back(m.captured(1).toUInt(nullptr, 16));
    }
    std::sort(gens.begin(), gens.end());
    return gens;
}

std::pair<uint32_t, qint64> newestClosedAt(const QString &folder, const QString &prefix)
{
    auto header =
        LogFile::readHeader(tempDisk(), folder + QLatin1Char('/') + prefix + QStringLiteral(".log"));
    if (!header)
        return {0, -1};
    return {header->generation - 1, header->prevCreationTimeMs};
}

qint64 logCreationTime(const QString &folder, uint32_t gen, const QString &prefix)
{
    auto header = LogFile::readHeader(tempDisk(), folder + QLatin1Char('/') + logFileName(prefix, gen));
    return header && header->generation == gen ? header->creationTimeMs : -1;
}

QString copyStatusText(const CopyStatus &s)
{
    return QStringLiteral("%1 gen %2 notified %3 copied %4 inspected %5 replayed %6 failed '%7' note '%8'")
        .arg(summaryCopyStatusName(s.summary))
        .arg(s.lastLogGenerated)
        .arg(s.lastLogCopyNotified)
        .arg(s.lastLogCopied)
        .arg(s.lastLogInspected)
        .arg(s.lastLogReplayed)
        .arg(s.failedMessage, s.note);
}

QString timeSpanText(qint64 ms)
{
    const qint64 s = ms / 1000;
    const QString hms = QStringLiteral("%1:%2:%3")
                            .arg((s / 3600) % 24, 2, 10, QLatin1Char('0'))
                            .arg((s / 60) % 60, 2, 10, QLatin1Char('0'))
                            .arg(s % 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1.%2").arg(s / (24 * 3600)).arg(hms);
}

bool copyLab(const QString &templateDir, const QString &dir)
{
    QDirIterator folders(templateDir, QDir::Dirs | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (folders.hasNext()) {
        const QString from = folders.next();
        if (!QDir().mkpath(dir + from.mid(templateDir.size())))
            return false;
    }
    QDirIterator files(templateDir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (files.hasNext()) {
        const QString from = files.next();
        const QString to = dir + from.mid(templateDir.size());
        if (from.endsWith(QStringLiteral("/lab.lock")))
            continue;
        if (!QDir().mkpath(QFileInfo(to).absolutePath()) || !QFile::copy(from, to))
            return false;
    }
    return true;
}

} // namespace scr::test
