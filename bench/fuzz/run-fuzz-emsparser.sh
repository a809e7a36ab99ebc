#!/usr/bin/env bash
# Fuzzes the EMS parser with libFuzzer (clang, with AddressSanitizer and UBSan) for a bounded time.
#   bench/fuzz/run-fuzz-emsparser.sh [SECONDS]     (default 60; needs clang and Qt's development files)
# Prints "figure fuzz_executions <n> runs" and exits non-zero on a crash (the input is kept in the work folder).
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-60}
work=$(mktemp -d /tmp/scr-fuzz.XXXXXX)
clang++ -std=c++20 -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
    -DQT_NO_CAST_FROM_ASCII -DSCR_VERSION='"fuzz"' -Iengine -Imodel $(pkg-config --cflags Qt6Core) -fPIC \
    bench/fuzz/fuzz_emsparser.cpp model/ems/parser.cpp engine/core/error.cpp \
    $(pkg-config --libs Qt6Core) -o "$work/fuzz_emsparser"
mkdir -p "$work/corpus"
printf '%s' 'Get-Mailbox -Database MBX1\SG1\DB1 | where {$_.ObjectClass -NotMatch '"'"'System'"'"'} | Move-Mailbox -ConfigurationOnly -TargetDatabase DB2' > "$work/corpus/seed1"
printf '%s' "Restore-StorageGroupCopy MBX1\\SG1 -StandbyMachine MBX3 -Force -Confirm:\$false; eseutil /r E00 /l 'C:\\Logs' /a" > "$work/corpus/seed2"
"$work/fuzz_emsparser" -max_total_time="$seconds" -artifact_prefix="$work/" "$work/corpus" 2> "$work/log.txt" || {
    tail -n 30 "$work/log.txt"
    echo "fuzzing found a problem; inputs are in $work"
    exit 1
}
runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$work/log.txt" | grep -o '[0-9]*$' || true)
[ -n "$runs" ] || runs=$(grep -Eo '#[0-9]+' "$work/log.txt" | tail -n 1 | tr -d '#')
echo "figure fuzz_executions ${runs:-0} runs"
echo "figure fuzz_seconds $seconds s"
rm -rf "$work"
