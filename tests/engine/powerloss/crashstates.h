#pragma once
// Crash states a power loss could leave, built from a folder's snapshot and the trace scr-fsrecorder wrote
// of a workload (ALICE's method: Pillai et al., "All File Systems Are Not Created Equal", OSDI 2014).
//
// The model (POSIX, no journal assumed):
// - A file's data operations (write, truncate, extend, punch) are durable once an fsync or fdatasync of that
//   file followed them; a name operation (create, mkdir, rename, unlink, rmdir) once an fsync of its folder
//   followed it (a rename needs both folders). A rename is atomic: old name gone and new name there, or
//   neither.
// - At a crash point (after any operation of the trace), the durable operations are all applied; each other
// one may be
//   applied or not, in any combination (reordering), and a write may be torn at a 512-byte sector boundary.
// - The exploration is bounded and seeded: per crash point, every non-durable operation applied; only the
//   durable ones; each non-durable one dropped alone; the last non-durable write torn at up to three sector
//   boundaries; and a number of random subsets. States equal to one already seen are not visited again.
// - A folder is a name like a file's: its mkdir is durable once its parent folder's fsync followed. A
//   folder whose creation was lost takes every file and folder made in it with it, however durable their
//   own names were (FsState::reachable).
// Not modelled: metadata other than names and lengths (times, modes), a file's blocks reaching the disk
// before its length (a grown file is all there or as long as before), and bit rot.

#include "fstrace.h"

#include <functional>
#include <map>
#include <set>
#include <vector>

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>

namespace scr::powerloss {

using fstrace::OpType;

struct Op
{
    OpType type = OpType::Mark;
    int fid =
        -1; // the file it acts on (Write, Truncate, Extend, Punch, Fsync, Fdatasync, Create, Rename, Unlink)
    QString path; // relative to the root
    QString path2;
    qint64 a = 0;
    qint64 b = 0;
    QByteArray data;

    QString describe() const;
};

// Names and contents of a folder tree, files identified by a number that survives renames.
struct FsState
{
    std::map<QString, int> names; // relative path → file
    std::set<QString> folders;    // relative paths
    QHash<int, QByteArray> data;  // file → bytes

    void apply(const Op &op);
    // Whether every folder above name is there: a name in a folder whose creation was lost is lost too.
    bool reachable(const QString &name) const;
    // The bytes of every name, for telling states apart.
    QByteArray fingerprint() const;
};

struct Snapshot
{
    FsState state;
    QHash<quint64, int> fileOfInode;
    int nextFile = 0;
};

// The folder's files and folders as they are now (the state before the traced workload).
Snapshot takeSnapshot(const QString &root);
// Reads a trace written while root held snapshot; files are matched to the snapshot's by inode.
std::vector<Op> readTrace(const QString &traceFile, Snapshot snapshot, QString *error);

// Writes state to dir (which must be empty or absent) sparsely: blocks of zeros become holes.
bool materialize(const FsState &state, const QString &dir, QString *error);

struct CrashState
{
    int crashPoint = 0; // operations [0, crashPoint) were issued
    QString variant;    // what was dropped or torn
    QStringList marks;  // what the workload had acknowledged before the crash point
    FsState fs;
};

struct ExploreOptions
{
    quint32 seed = 20261201u;
    int randomSubsets = 3;
    int maxDropsPerPoint = 12; // more non-durable operations than this: a seeded sample of them
    int maxCrashPoints = 400;  // more candidate points than this: evenly spaced ones
    // When set, only operations on paths beginning with one of these are explored (crash points after them,
    // dropped, torn); the others (what other parts of the product did meanwhile) are taken as applied at
    // once.
    QStringList focus;
};

struct ExploreStats
{
    int operations = 0;
    int crashPoints = 0;
    int generated = 0; // states built
    int unique = 0;    // states visited (different from every earlier one)
};

// Visits each distinct crash state; visit returns false to stop.
ExploreStats explore(const Snapshot &snapshot, const std::vector<Op> &ops, const ExploreOptions &options,
                     const std::function<bool(const CrashState &)> &visit);

} // namespace scr::powerloss
