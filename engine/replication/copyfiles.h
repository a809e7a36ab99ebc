#pragma once
// CopyFiles: where one SCR copy's logs are, on its source and on its standby machine: a generation's path at
// the source, in the inspector folder and in the copy's LogFolderPath, and each generation's creation time
// as its header said (read once). SpareLogs: truncated logs kept in the inspector folder to be copied into.

#include "copyconfig.h"

#include <cstdint>
#include <map>
#include <vector>

#include <QString>

namespace scr {

class CopyFiles
{
public:
    explicit CopyFiles(const CopyConfig &config) : m_config(config) {}

    const HostDisk &sourceDisk() const { return m_config.sourceDisk; }
    const HostDisk &targetDisk() const { return m_config.targetDisk; }
    QString fileName(uint32_t gen) const; // E0000000001.log
    QString sourcePath(uint32_t gen) const;
    QString sourceOpenLogPath() const; // E00.log at the source
    QString inspectorFolder() const;   // <LogFolderPath>/inspector on the standby machine
    QString inspectorPath(uint32_t gen) const;
    QString targetPath(uint32_t gen) const;

    // The creation time of generation gen, from the header at path the first time (0 when it cannot be
    // read or holds another generation); cached by generation.
    qint64 creationTimeOf(uint32_t gen, const HostDisk &disk, const QString &path);
    void remember(uint32_t gen, qint64 createdMs) { m_created[gen] = createdMs; }
    void forget(uint32_t gen) { m_created.erase(gen); }
    std::optional<qint64> remembered(uint32_t gen) const;

private:
    const CopyConfig &m_config;
    std::map<uint32_t, qint64> m_created;
};

// Truncated logs become spares in the inspector folder that the copier copies into: a steady copy then
// allocates no inode per log (ext4 without a journal scans its recently deleted inodes on every create).
class SpareLogs
{
public:
    static constexpr std::size_t kMaxSpares = 32;

    explicit SpareLogs(const CopyFiles &files) : m_files(files) {}
    // Takes back the spares a previous run left in the inspector folder; any other temporary file there is
    // an interrupted copy and goes.
    void reload();
    // A spare's path to copy over, or empty when there is none.
    QString take();
    // Moves the truncated log at path (generation gen) into the inspector folder as a spare; false when it
    // was not kept (enough spares, or the rename failed) and is still at path.
    bool keep(uint32_t gen, const QString &path);

private:
    const CopyFiles &m_files;
    std::vector<QString> m_spares;
};

} // namespace scr
