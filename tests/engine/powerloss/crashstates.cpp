#include "crashstates.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSet>

namespace scr::powerloss {
namespace {

constexpr qint64 kSector = 512;

QString parentOf(const QString &rel)
{
    const qsizetype slash = rel.lastIndexOf(QLatin1Char('/'));
    return slash < 0 ? QString() : rel.left(slash);
}

bool isDataOp(OpType t)
{
    return t == OpType::Write || t == OpType::Truncate || t == OpType::Extend || t == OpType::Punch;
}

bool isNameOp(OpType t)
{
    return t == OpType::Create || t == OpType::Mkdir || t == OpType::Rename || t == OpType::Unlink ||
           t == OpType::Rmdir;
}

const char *typeName(OpType t)
{
    switch (t) {
    case OpType::Create:
        return "create";
    case OpType::Mkdir:
        return "mkdir";
    case OpType::Write:
        return "write";
    case OpType::Truncate:
        return "truncate";
    case OpType::Extend:
        return "fallocate";
    case OpType::Punch:
        return "punch";
    case OpType::Fsync:
        return "fsync";
    case OpType::Fdatasync:
        return "fdatasync";
    case OpType::FolderSync:
        return "fsync folder";
    case OpType::Rename:
        return "rename";
    case OpType::Unlink:
        return "unlink";
    case OpType::Rmdir:
        return "rmdir";
    case OpType::Mark:
        return "mark";
    }
    return "?";
}

} // namespace

QString Op::describe() const
{
    QString s = QString::fromLatin1(typeName(type)) + QLatin1Char(' ') + path;
    switch (type) {
    case OpType::Rename:
        s += QStringLiteral(" -> ") + path2;
        break;
    case OpType::Write:
        s += QStringLiteral(" [%1, +%2)").arg(a).arg(data.size());
        break;
    case OpType::Truncate:
    case OpType::Extend:
        s += QStringLiteral(" to %1").arg(a);
        break;
    case OpType::Punch:
        s += QStringLiteral(" [%1, +%2)").arg(a).arg(b);
        break;
    case OpType::Mark:
        s = QStringLiteral("mark '%1'").arg(QString::fromUtf8(data));
        break;
    default:
        break;
    }
    return s;
}

void FsState::apply(const Op &op)
{
    switch (op.type) {
    case OpType::Create:
        names[op.path] = op.fid;
        if (!data.contains(op.fid))
            data.insert(op.fid, QByteArray());
        break;
    case OpType::Mkdir:
        folders.insert(op.path);
        break;
    case OpType::Rmdir:
        folders.erase(op.path);
        break;
    case OpType::Write: {
        QByteArray &d = data[op.fid];
        const qint64 end = op.a + op.data.size();
        if (d.size() < end)
            d.append(QByteArray(static_cast<qsizetype>(end - d.size()), '\0'));
        std::memcpy(d.data() + op.a, op.data.constData(), static_cast<size_t>(op.data.size()));
        break;
    }
    case OpType::Truncate: {
        QByteArray &d = data[op.fid];
        if (d.size() > op.a)
            d.truncate(static_cast<qsizetype>(op.a));
        else
            d.append(QByteArray(static_cast<qsizetype>(op.a - d.size()), '\0'));
        break;
    }
    case OpType::Extend: {
        QByteArray &d = data[op.fid];
        if (d.size() < op.a)
            d.append(QByteArray(static_cast<qsizetype>(op.a - d.size()), '\0'));
        break;
    }
    case OpType::Punch: {
        QByteArray &d = data[op.fid];
        const qint64 end = std::min<qint64>(d.size(), op.a + op.b);
        if (end > op.a)
            std::memset(d.data() + op.a, 0, static_cast<size_t>(end - op.a));
        break;
    }
    case OpType::Rename: {
        auto it = names.find(op.path);
        if (it != names.end() && it->second == op.fid)
            names.erase(it);
        names[op.path2] = op.fid;
        break;
    }
    case OpType::Unlink: {
        auto it = names.find(op.path);
        if (it != names.end() && it->second == op.fid)
            names.erase(it);
        break;
    }
    case OpType::Fsync:
    case OpType::Fdatasync:
    case OpType::FolderSync:
    case OpType::Mark:
        break;
    }
}

bool FsState::reachable(const QString &name) const
{
    for (QString folder = parentOf(name); !folder.isEmpty(); folder = parentOf(folder))
        if (!folders.count(folder))
            return false;
    return true;
}

QByteArray FsState::fingerprint() const
{
    // Blocks of zeros are skipped (a thin log is mostly zeros), their place kept by the offsets hashed.
    constexpr qsizetype kBlock = 4096;
    static const QByteArray zeros(kBlock, '\0');
    QCryptographicHash h(QCryptographicHash::Sha1);
    for (const QString &f : folders) {
        if (!reachable(f))
            continue;
        h.addData(f.toUtf8());
        h.addData(QByteArrayView("/\n"));
    }
    for (const auto &[name, fid] : names) {
        if (!reachable(name))
            continue;
        h.addData(name.toUtf8());
        h.addData(QByteArrayView("\n"));
        const QByteArray d = data.value(fid);
        h.addData(QByteArray::number(d.size()));
        for (qsizetype off = 0; off < d.size(); off += kBlock) {
            const qsizetype n = std::min(kBlock, d.size() - off);
            if (std::memcmp(d.constData() + off, zeros.constData(), static_cast<size_t>(n)) == 0)
                continue;
            h.addData(QByteArray::number(off));
            h.addData(QByteArrayView(d.constData() + off, n));
        }
    }
    return h.result();
}

Snapshot takeSnapshot(const QString &root)
{
    Snapshot s;
    QDirIterator it(root, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System,
                    QDirIterator::Subdirectories);
    const QDir base(root);
    while (it.hasNext()) {
        const QString path = it.next();
        const QString rel = base.relativeFilePath(path);
        const QFileInfo info = it.fileInfo();
        if (info.isSymLink())
            continue;
        if (info.isDir()) {
            s.state.folders.insert(rel);
            continue;
        }
        if (rel.endsWith(QLatin1String("-shm")))
            continue;
        struct stat st
        {};
        if (::stat(QFile::encodeName(path).constData(), &st) != 0)
            continue;
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const int fid = s.nextFile++;
        s.fileOfInode.insert(st.st_ino, fid);
        s.state.names[rel] = fid;
        s.state.data.insert(fid, f.readAll());
    }
    return s;
}

std::vector<Op> readTrace(const QString &traceFile, Snapshot snapshot, QString *error)
{
    std::vector<Op> ops;
    QFile f(traceFile);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot open %1").arg(traceFile);
        return ops;
    }
    const QByteArray all = f.readAll();
    qint64 at = 0;
    // An inode seen for the first time in a data operation (a file that existed before the snapshot was
    // taken but not in it cannot be: the snapshot holds every file) gets a number of its own.
    const auto fileOf = [&](quint64 ino) {
        auto it = snapshot.fileOfInode.find(ino);
        if (it == snapshot.fileOfInode.end())
            it = snapshot.fileOfInode.insert(ino, snapshot.nextFile++);
        return *it;
    };
    while (at < all.size()) {
        fstrace::RecordHeader h{};
        if (all.size() - at < qint64(sizeof h)) {
            *error = QStringLiteral("a truncated record at byte %1").arg(at);
            break;
        }
        std::memcpy(&h, all.constData() + at, sizeof h);
        at += sizeof h;
        if (h.magic != fstrace::kRecordMagic ||
            all.size() - at < qint64(h.pathSize) + qint64(h.path2Size) + qint64(h.dataSize)) {
            *error = QStringLiteral("a damaged record at byte %1").arg(at);
            break;
        }
        Op op;
        op.type = static_cast<OpType>(h.type);
        op.path = QString::fromUtf8(all.constData() + at, h.pathSize);
        at += h.pathSize;
        op.path2 = QString::fromUtf8(all.constData() + at, h.path2Size);
        at += h.path2Size;
        op.data = all.mid(at, static_cast<qsizetype>(h.dataSize));
        at += static_cast<qint64>(h.dataSize);
        op.a = h.a;
        op.b = h.b;
        switch (op.type) {
        case OpType::Create:
            // A new file: the inode may be one a deleted file had.
            op.fid = snapshot.nextFile++;
            snapshot.fileOfInode.insert(h.ino, op.fid);
            break;
        case OpType::Write:
        case OpType::Truncate:
        case OpType::Extend:
        case OpType::Punch:
        case OpType::Fsync:
        case OpType::Fdatasync:
        case OpType::Rename:
        case OpType::Unlink:
            op.fid = fileOf(h.ino);
            break;
        default:
            break;
        }
        // A rename from outside the root or to outside it is a create or an unlink here.
        if (op.type == OpType::Rename && op.path.isEmpty()) {
            op.type = OpType::Create;
            op.path = op.path2;
            op.path2.clear();
        } else if (op.type == OpType::Rename && op.path2.isEmpty()) {
            op.type = OpType::Unlink;
        }
        ops.push_back(std::move(op));
    }
    return ops;
}

bool materialize(const FsState &state, const QString &dir, QString *error)
{
    QDir base(dir);
    if (!base.mkpath(QStringLiteral("."))) {
        *error = QStringLiteral("cannot make %1").arg(dir);
        return false;
    }
    for (const QString &f : state.folders)
        if (state.reachable(f))
            base.mkpath(f);
    for (const auto &[name, fid] : state.names) {
        if (!state.reachable(name))
            continue; // its folder's creation was lost: the file went with it
        const QString path = base.filePath(name);
        const QByteArray d = state.data.value(fid);
        const int fd =
            ::open(QFile::encodeName(path).constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
        if (fd < 0) {
            *error =
                QStringLiteral("cannot write %1: %2").arg(path, QString::fromLocal8Bit(std::strerror(errno)));
            return false;
        }
        // Only the 4 KiB blocks that hold a byte other than zero: a thin log stays thin.
        constexpr qint64 kBlock = 4096;
        static const QByteArray zeros(kBlock, '\0');
        bool ok = true;
        for (qint64 off = 0; off < d.size() && ok; off += kBlock) {
            const qint64 n = std::min<qint64>(kBlock, d.size() - off);
            if (std::memcmp(d.constData() + off, zeros.constData(), static_cast<size_t>(n)) == 0)
                continue;
            ok = ::pwrite(fd, d.constData() + off, static_cast<size_t>(n), off) == n;
        }
        ok = ok && ::ftruncate(fd, d.size()) == 0;
        ::close(fd);
        if (!ok) {
            *error = QStringLiteral("cannot write %1").arg(path);
            return false;
        }
    }
    return true;
}

ExploreStats explore(const Snapshot &snapshot, const std::vector<Op> &ops, const ExploreOptions &options,
                     const std::function<bool(const CrashState &)> &visit)
{
    ExploreStats stats;
    const int n = static_cast<int>(ops.size());
    stats.operations = n;

    const auto inFocus = [&](const Op &op) {
        if (options.focus.isEmpty() || op.type == OpType::Mark)
            return true;
        for (const QString &prefix : options.focus)
            if (op.path.startsWith(prefix) || (!op.path2.isEmpty() && op.path2.startsWith(prefix)))
                return true;
        return false;
    };
    // durableAt[i]: the first prefix length at which operation i is durable (n + 1: never in this trace).
    std::vector<int> durableAt(static_cast<size_t>(n), n + 1);
    for (int i = 0; i < n; ++i) {
        const Op &op = ops[static_cast<size_t>(i)];
        if (!inFocus(op)) {
            durableAt[static_cast<size_t>(i)] = i + 1;
        } else if (isDataOp(op.type)) {
            for (int j = i + 1; j < n; ++j) {
                const Op &s = ops[static_cast<size_t>(j)];
                if ((s.type == OpType::Fsync || s.type == OpType::Fdatasync) && s.fid == op.fid) {
                    durableAt[static_cast<size_t>(i)] = j + 1;
                    break;
                }
            }
        } else if (isNameOp(op.type)) {
            QStringList folders{parentOf(op.path)};
            if (op.type == OpType::Rename && parentOf(op.path2) != folders.front())
                folders << parentOf(op.path2);
            int when = 0;
            for (const QString &folder : folders) {
                int found = n + 1;
                for (int j = i + 1; j < n; ++j) {
                    const Op &s = ops[static_cast<size_t>(j)];
                    if (s.type == OpType::FolderSync && s.path == folder) {
                        found = j + 1;
                        break;
                    }
                }
                when = std::max(when, found);
            }
            durableAt[static_cast<size_t>(i)] = when;
        } else {
            durableAt[static_cast<size_t>(i)] = i + 1; // syncs and marks change nothing
        }
    }

    // Crash points: after every operation (a prefix of the trace).
    std::vector<int> points;
    for (int k = 1; k <= n; ++k)
        if (k == n || inFocus(ops[static_cast<size_t>(k - 1)]))
            points.push_back(k);
    if (static_cast<int>(points.size()) > options.maxCrashPoints) {
        std::vector<int> sampled;
        for (int i = 0; i < options.maxCrashPoints; ++i)
            sampled.push_back(
                points[static_cast<size_t>((static_cast<qint64>(i) * static_cast<qint64>(points.size() - 1)) /
                                           (options.maxCrashPoints - 1))]);
        sampled.erase(std::unique(sampled.begin(), sampled.end()), sampled.end());
        points = sampled;
    }
    stats.crashPoints = static_cast<int>(points.size());

    QRandomGenerator rng(options.seed);
    QSet<QByteArray> seen;
    QStringList marks;
    int marked = 0; // ops [0, marked) looked at for marks
    // Every state at k applies ops [0, first pending) whole; that common part is kept applied in base,
    // advanced as k grows (an op durable at k is durable at every later point, so the first pending
    // operation only moves forward).
    FsState base = snapshot.state;
    int baseEnd = 0;
    for (const int k : points) {
        std::vector<int> pending; // not durable at k
        for (int i = baseEnd; i < k; ++i)
            if (durableAt[static_cast<size_t>(i)] > k)
                pending.push_back(i);
        const int firstPending = pending.empty() ? k : pending.front();
        for (; baseEnd < firstPending; ++baseEnd)
            base.apply(ops[static_cast<size_t>(baseEnd)]);
        for (; marked < k; ++marked)
            if (ops[static_cast<size_t>(marked)].type == OpType::Mark)
                marks << QString::fromUtf8(ops[static_cast<size_t>(marked)].data);

        // Builds the state with ops [0, k) but those in drop, and op torn (if >= 0) cut at tornLength.
        const auto build = [&](const std::vector<char> &drop, int torn, qint64 tornLength) {
            FsState s = base;
            for (int i = baseEnd; i < k; ++i) {
                if (drop[static_cast<size_t>(i)])
                    continue;
                const Op &op = ops[static_cast<size_t>(i)];
                if (i == torn) {
                    Op cut = op;
                    cut.data.truncate(static_cast<qsizetype>(tornLength));
                    s.apply(cut);
                } else {
                    s.apply(op);
                }
            }
            return s;
        };
        const auto offer = [&](FsState s, const QString &variant) {
            ++stats.generated;
            const QByteArray fp = s.fingerprint();
            if (seen.contains(fp))
                return true;
            seen.insert(fp);
            ++stats.unique;
            CrashState cs;
            cs.crashPoint = k;
            cs.variant = variant;
            cs.marks = marks;
            cs.fs = std::move(s);
            return visit(cs);
        };
        const QString at = QStringLiteral("crash after op #%1 (%2)")
                               .arg(k - 1)
                               .arg(ops[static_cast<size_t>(k - 1)].describe());
        std::vector<char> none(static_cast<size_t>(n), 0);
        if (!offer(build(none, -1, 0), at + QStringLiteral(", all applied")))
            return stats;
        if (pending.empty())
            continue;
        std::vector<char> allPending = none;
        for (int i : pending)
            allPending[static_cast<size_t>(i)] = 1;
        if (!offer(build(allPending, -1, 0), at + QStringLiteral(", only the durable operations")))
            return stats;
        std::vector<int> drops = pending;
        if (static_cast<int>(drops.size()) > options.maxDropsPerPoint) {
            std::vector<int> sample;
            for (int i = 0; i < options.maxDropsPerPoint; ++i)
                sample.push_back(drops[rng.bounded(static_cast<quint32>(drops.size()))]);
            std::sort(sample.begin(), sample.end());
            sample.erase(std::unique(sample.begin(), sample.end()), sample.end());
            drops = sample;
        }
        for (int i : drops) {
            std::vector<char> one = none;
            one[static_cast<size_t>(i)] = 1;
            if (!offer(build(one, -1, 0), at + QStringLiteral(", dropped op #%1 (%2)")
                                                   .arg(i)
                                                   .arg(ops[static_cast<size_t>(i)].describe())))
                return stats;
        }
        // The last non-durable write, torn at sector boundaries of the file.
        for (auto it = pending.rbegin(); it != pending.rend(); ++it) {
            const Op &w = ops[static_cast<size_t>(*it)];
            if (w.type != OpType::Write || w.data.size() <= kSector)
                continue;
            std::vector<qint64> cuts;
            const qint64 first = (w.a / kSector + 1) * kSector - w.a;
            const qint64 last = ((w.a + w.data.size() - 1) / kSector) * kSector - w.a;
            const qint64 page = ((w.a + 4096) / 4096) * 4096 - w.a;
            for (qint64 c : {first, page, last})
                if (c > 0 && c < w.data.size() && std::find(cuts.begin(), cuts.end(), c) == cuts.end())
                    cuts.push_back(c);
            for (qint64 c : cuts)
                if (!offer(build(none, *it, c), at + QStringLiteral(", op #%1 (%2) torn after %3 bytes")
                                                         .arg(*it)
                                                         .arg(w.describe())
                                                         .arg(c)))
                    return stats;
            break;
        }
        for (int r = 0; r < options.randomSubsets; ++r) {
            std::vector<char> drop = none;
            QStringList dropped;
            for (int i : pending)
                if (rng.bounded(2u)) {
                    drop[static_cast<size_t>(i)] = 1;
                    dropped << QStringLiteral("#%1").arg(i);
                }
            if (!offer(build(drop, -1, 0),
                       at +
                           QStringLiteral(", random subset: dropped %1").arg(dropped.join(QLatin1Char(',')))))
                return stats;
        }
    }
    return stats;
}

} // namespace scr::powerloss
