#!/usr/bin/env bash
# Fuzzes one target for a bounded time, as ctest's fuzz.<target> does (needs clang and libclang-rt-14-dev):
#   tests/fuzz/run-fuzz.sh TARGET [SECONDS]     TARGET: logfile, checkpoint, dbheader or emsparser; 60 s default
# Builds the targets first (the scr_fuzz target of build/, or of $SCR_BUILD_DIR). Prints the executions,
# speed and coverage; exits non-zero on a crash, leak, UB or timeout, keeping the input in
# <build>/tests/fuzz-artifacts. The repo's corpus (tests/fuzz/corpus/TARGET) is copied, never written.
set -euo pipefail
cd "$(dirname "$0")/../.."
target=${1:?usage: tests/fuzz/run-fuzz.sh logfile|checkpoint|dbheader|emsparser [SECONDS]}
seconds=${2:-60}
build=${SCR_BUILD_DIR:-build}
[ -f "$build/build.ninja" ] || cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" --target scr_fuzz
cmake -DFUZZER="$build/tests/fuzz/fuzz_$target" -DNAME="$target" -DCORPUS="tests/fuzz/corpus/$target" \
    -DSECONDS="$seconds" -DARTIFACTS="$build/tests/fuzz-artifacts" -DREGRESSIONS="tests/fuzz/regressions/$target" \
    -P tests/fuzz/run-fuzz.cmake
