#include "copyfiles.h"

#include "store/logfile.h"
#include "store/logformat.h"

namespace scr {

QString CopyFiles::fileName(uint32_t gen) const
{
    return logFileName(m_config.prefix, gen);
}

QString CopyFiles::sourcePath(uint32_t gen) const
{
    return m_config.sourceLogFolder + QLatin1Char('/') + fileName(gen);
}

QString CopyFiles::sourceOpenLogPath() const
{
    return m_config.sourceLogFolder + QLatin1Char('/') + openLogFileName(m_config.prefix);
}

QString CopyFiles::inspectorFolder() const
{
    return m_config.targetLogFolder + QStringLiteral("/inspector");
}

QString CopyFiles::inspectorPath(uint32_t gen) const
{
    return inspectorFolder() + QLatin1Char('/') + fileName(gen);
}

QString CopyFiles::targetPath(uint32_t gen) const
{
    return m_config.targetLogFolder + QLatin1Char('/') + fileName(gen);
}

qint64 CopyFiles::creationTimeOf(uint32_t gen, const HostDisk &disk, const QString &path)
{
    if (auto it = m_created.find(gen); it != m_created.end())
        return it->second;
    auto header = LogFile::readHeader(disk, path);
    if (!header || header->generation != gen)
        return 0;
    m_created[gen] = header->creationTimeMs;
    return header->creationTimeMs;
}

std::optional<qint64> CopyFiles::remembered(uint32_t gen) const
{
    if (auto it = m_created.find(gen); it != m_created.end())
        return it->second;
    return std::nullopt;
}

void SpareLogs::reload()
{
    m_spares.clear();
    const HostDisk &disk = m_files.targetDisk();
    const QString folder = m_files.inspectorFolder();
    if (auto leftovers = disk.fileNames(folder, QStringLiteral("*.tmp")))
        for (const QString &tmp : *leftovers) {
            const QString path = folder + QLatin1Char('/') + tmp;
            if (tmp.startsWith(QStringLiteral("spare-")) && m_spares.size() < kMaxSpares)
                m_spares.push_back(path); // a truncated log kept to copy into
            else
                (void)disk.removeFile(path);
        }
}

QString SpareLogs::take()
{
    if (m_spares.empty())
        return {};
    QString spare = m_spares.back();
    m_spares.pop_back();
    return spare;
}

bool SpareLogs::keep(uint32_t gen, const QString &path)
{
    const QString spare = m_files.inspectorFolder() + QStringLiteral("/spare-%1.tmp").arg(gen);
    if (m_spares.size() >= kMaxSpares || !m_files.targetDisk().rename(path, spare, false))
        return false;
    m_spares.push_back(spare);
    return true;
}

} // namespace scr
