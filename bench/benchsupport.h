#pragma once
// Shared by the benchmarks: --quick / --smoke, the output lines, a monotonic timer, peak memory.
// Output: "figure <name> <value> <unit>" and "ratio <name> <value>" (ours / baseline measured in this run);
// "target <name> <value> <op> <limit> <unit> met|missed" for a stated budget (reported, not enforced).

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <sys/resource.h>
#include <vector>

#include <QDir>

#include "host/hostdisk.h"

namespace bench {

// A disk rooted at the temporary folder where the benches make their files: the engine's file calls go
// through HostDisk, as in the product.
inline scr::HostDisk tempDisk()
{
    static const scr::HostDisk disk = scr::HostDisk::atFolder(QDir::tempPath());
    return disk;
}

enum class Size { Full, Quick, Smoke };

inline Size parseSize(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--quick") == 0)
            return Size::Quick;
        if (std::strcmp(argv[i], "--smoke") == 0)
            return Size::Smoke; // seconds at most: proves the benchmark runs, its figures mean little
    }
    return Size::Full;
}

inline double seconds(std::chrono::steady_clock::time_point since)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

inline double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

inline void figure(const std::string &name, double value, const char *unit)
{
    std::printf("figure %s %.3f %s\n", name.c_str(), value, unit);
    std::fflush(stdout);
}

inline void ratio(const std::string &name, double value)
{
    std::printf("ratio %s %.3f\n", name.c_str(), value);
    std::fflush(stdout);
}

// op is "<", "<=" or ">=".
inline void target(const std::string &name, double value, const char *op, double limit, const char *unit)
{
    const bool met = std::strcmp(op, "<") == 0    ? value < limit
                     : std::strcmp(op, "<=") == 0 ? value <= limit
                                                  : value >= limit;
    std::printf("target %s %.3f %s %g %s %s\n", name.c_str(), value, op, limit, unit, met ? "met" : "missed");
    std::fflush(stdout);
}

inline double peakMemoryMiB()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

} // namespace bench
