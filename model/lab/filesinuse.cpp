#include "filesinuse.h"

#include "lab.h"

#include <algorithm>
#include <vector>

#include <QRegularExpression>

namespace scr {
namespace {

// Local paths of one disk; the disk is case-insensitive as Windows is, so the comparison is too.
bool isSameOrInside(const QString &path, const QString &folder)
{
    return path.compare(folder, Qt::CaseInsensitive) == 0 ||
           path.startsWith(folder + QLatin1Char('/'), Qt::CaseInsensitive);
}

QString withoutTrailingSlash(QString path)
{
    while (path.size() > 1 && path.endsWith(QLatin1Char('/')))
        path.chop(1);
    return path;
}

// One thing a user holds.
struct Held
{
    enum class Kind {
        Entry, // a file or folder itself: removing, renaming or overwriting it, or a folder holding it
        Tree,  // a folder and everything in it (the copier's inspector folder)
        Files, // the files of folder whose names match pattern (E00*.log, E00.chk)
    };
    Kind kind;
    QString path; // local
    QString pattern = {};
};

bool matches(const QString &name, const QString &pattern)
{
    const QRegularExpression re(QRegularExpression::wildcardToRegularExpression(pattern),
                                QRegularExpression::CaseInsensitiveOption);
    return re.match(name).hasMatch();
}

bool holds(const HostDisk &disk, const Held &held, const QString &path, FilesInUse::Use use)
{
    const bool change = use == FilesInUse::Use::Change;
    switch (held.kind) {
    case Held::Kind::Entry:
        return change ? isSameOrInside(held.path, path) : held.path.compare(path, Qt::CaseInsensitive) == 0;
    case Held::Kind::Tree:
        return (change && isSameOrInside(held.path, path)) || isSameOrInside(path, held.path);
    case Held::Kind::Files: {
        const qsizetype slash = path.lastIndexOf(QLatin1Char('/'));
        if (slash > 0 && path.left(slash).compare(held.path, Qt::CaseInsensitive) == 0 &&
            matches(path.mid(slash + 1), held.pattern))
            return true;
        if (!change || !isSameOrInside(held.path, path))
            return false;
        // path holds the folder: it holds a used file when one is there.
        auto names = disk.fileNames(held.path, held.pattern);
        return !names || !names->isEmpty(); // a folder that cannot be read is assumed in use
    }
    }
    return false;
}

// What a database's files are on disk: the file and what SQLite keeps beside it.
void addDatabaseFile(std::vector<Held> &held, const QString &edbPath)
{
    for (const QString &suffix :
         {QString(), QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral("-journal")})
        held.push_back({Held::Kind::Entry, edbPath + suffix});
}

void addLogStream(std::vector<Held> &held, const QString &prefix, const QString &logFolder,
                  const QString &systemFolder)
{
    held.push_back({Held::Kind::Entry, logFolder});
    held.push_back({Held::Kind::Files, logFolder, prefix + QStringLiteral("*.log")});
    held.push_back({Held::Kind::Entry, systemFolder});
    held.push_back({Held::Kind::Files, systemFolder, prefix + QStringLiteral(".chk")});
}

} // namespace

Result<std::optional<FileUser>> FilesInUse::userOf(const HostDisk &disk, const QString &path, Use use) const
{
    auto resolved = disk.resolvedPath(path);
    if (!resolved)
        return resolved.error();
    const QString local = withoutTrailingSlash(*resolved);
    const auto heldBy = [&](const std::vector<Held> &held) {
        return std::any_of(held.begin(), held.end(),
                           [&](const Held &h) { return holds(disk, h, local, use); });
    };
    auto sgs = m_lab.directory().storageGroups();
    if (!sgs)
        return sgs.error();
    for (const StorageGroupRecord &sg : *sgs) {
        auto dbs = m_lab.directory().databases(sg.id);
        if (!dbs)
            return dbs.error();
        for (const DatabaseRecord &db : *dbs) {
            MountedDatabase *mounted = m_lab.mountedDatabase(db.guid);
            if (!mounted)
                continue;
            const StoragePaths &p = mounted->paths();
            if (!p.disk.sameDisk(disk))
                continue;
            std::vector<Held> held;
            addDatabaseFile(held, p.edbPath);
            addLogStream(held, p.prefix, p.logFolder, p.systemFolder);
            if (heldBy(held)) {
                const QString id = sg.identity() + QLatin1Char('\\') + db.name;
                return std::optional<FileUser>{
                    FileUser{QStringLiteral("the mounted database %1").arg(id),
                             QStringLiteral("Dismount-Database %1 first").arg(id)}};
            }
        }
        if (dbs->size() != 1)
            continue; // an SCR copy's storage group has exactly one database
        auto copies = m_lab.directory().copies(sg.id);
        if (!copies)
            return copies.error();
        for (const ScrCopyRecord &c : *copies) {
            // A suspended copy holds nothing: TechNet's reseed deletes its files by hand after
            // Suspend-StorageGroupCopy.
            if (c.suspended)
                continue;
            auto standbyHost = m_lab.hostOfServer(c.standbyMachine);
            if (!standbyHost)
                continue; // a copy whose standby server is gone holds nothing
            auto target = m_lab.storagePaths(*standbyHost, sg, dbs->front());
            if (!target || !target->disk.sameDisk(disk))
                continue;
            std::vector<Held> held;
            addDatabaseFile(held, target->edbPath);
            addLogStream(held, target->prefix, target->logFolder, target->systemFolder);
            held.push_back({Held::Kind::Tree, target->logFolder + QStringLiteral("/inspector")});
            if (heldBy(held)) {
                const QString copy =
                    QStringLiteral("%1 -StandbyMachine %2").arg(sg.identity(), c.standbyMachine);
                return std::optional<FileUser>{FileUser{
                    QStringLiteral("the SCR copy of %1 on %2").arg(sg.identity(), c.standbyMachine),
                    QStringLiteral("Suspend-StorageGroupCopy %1 first, or Disable-StorageGroupCopy %1 to end "
                                   "the copy")
                        .arg(copy)}};
            }
        }
    }
    return std::optional<FileUser>{};
}

Status FilesInUse::check(const HostDisk &disk, const QString &path, Use use) const
{
    auto user = userOf(disk, path, use);
    if (!user)
        return user.error();
    if (!*user)
        return {};
    return Error{disk.displayPath(path), QStringLiteral("is in use by %1").arg((*user)->user), (*user)->fix,
                 JetCode::DatabaseInUse};
}

Status FilesInUse::check(const HostDisk &disk, const QStringList &paths, Use use) const
{
    for (const QString &path : paths)
        SCR_TRY(check(disk, path, use));
    return {};
}

} // namespace scr
