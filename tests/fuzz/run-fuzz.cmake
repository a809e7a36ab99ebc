# Runs one fuzz target for a bounded time over a copy of its seed corpus (the repo's corpus is never written):
#   cmake -DFUZZER=path -DNAME=logfile -DCORPUS=tests/fuzz/corpus/logfile -DSECONDS=20 [-DARTIFACTS=dir]
#         [-DREGRESSIONS=tests/fuzz/regressions/logfile] -P tests/fuzz/run-fuzz.cmake
# First it runs each input of REGRESSIONS once: inputs that crashed or hung a reader once, kept apart from the
# corpus when they are slow to mutate (a whole 1 MiB log).
# Prints the executions, speed and coverage; fails on any crash, leak, UB, timeout (10 s per input) or
# out-of-memory, keeping the input that caused it in ARTIFACTS (build/tests/fuzz-artifacts under ctest).
foreach(v FUZZER NAME CORPUS SECONDS)
    if(NOT DEFINED ${v})
        message(FATAL_ERROR "run-fuzz.cmake: -D${v}= is required")
    endif()
endforeach()
if(NOT EXISTS ${FUZZER})
    message(FATAL_ERROR "${FUZZER} is not built: build the scr_fuzz target (ninja scr_fuzz)")
endif()

# The work folder: on /dev/shm when there is one (the targets write their inputs to files there).
if(IS_DIRECTORY /dev/shm)
    set(base /dev/shm)
elseif(DEFINED ENV{TMPDIR})
    set(base $ENV{TMPDIR})
else()
    set(base /tmp)
endif()
string(RANDOM LENGTH 10 suffix)
set(work ${base}/scr-fuzz-${NAME}-${suffix})
file(MAKE_DIRECTORY ${work}/tmp ${work}/corpus)
file(GLOB seeds ${CORPUS}/*)
if(seeds)
    file(COPY ${seeds} DESTINATION ${work}/corpus)
endif()
list(LENGTH seeds seed_count)

set(ENV{TMPDIR} ${work}/tmp)
if(DEFINED REGRESSIONS)
    file(GLOB regressions ${REGRESSIONS}/*)
    if(regressions)
        execute_process(COMMAND ${FUZZER} -timeout=10 -rss_limit_mb=2048 ${regressions}
                        RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE log)
        list(LENGTH regressions regression_count)
        if(NOT rc EQUAL 0)
            file(REMOVE_RECURSE ${work})
            message("${log}")
            message(FATAL_ERROR "fuzz ${NAME}: a regression input of ${REGRESSIONS} fails again (exit ${rc})")
        endif()
        message("fuzz ${NAME}: ${regression_count} regression inputs pass")
    endif()
endif()
execute_process(COMMAND ${FUZZER} -max_total_time=${SECONDS} -timeout=10 -rss_limit_mb=2048
                        -print_final_stats=1 -artifact_prefix=${work}/ ${work}/corpus
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE log)

set(runs "?")
if(log MATCHES "stat::number_of_executed_units: *([0-9]+)")
    set(runs ${CMAKE_MATCH_1})
endif()
set(speed "?")
if(log MATCHES "stat::average_exec_per_sec: *([0-9]+)")
    set(speed ${CMAKE_MATCH_1})
endif()
string(REGEX MATCHALL "cov: [0-9]+ ft: [0-9]+ corp: [0-9]+/[0-9]+[a-zA-Z]*" coverage "${log}")
list(POP_BACK coverage last_coverage)
file(GLOB corpus_after ${work}/corpus/*)
list(LENGTH corpus_after corpus_count)

if(NOT rc EQUAL 0)
    file(GLOB found ${work}/crash-* ${work}/leak-* ${work}/timeout-* ${work}/oom-* ${work}/slow-unit-*)
    if(DEFINED ARTIFACTS AND found)
        file(MAKE_DIRECTORY ${ARTIFACTS})
        file(COPY ${found} DESTINATION ${ARTIFACTS})
        set(kept " (kept in ${ARTIFACTS})")
    endif()
    string(REGEX REPLACE "^.*((\n[^\n]*){80})$" "\\1" tail "${log}")
    file(REMOVE_RECURSE ${work})
    message("${tail}")
    message(FATAL_ERROR "fuzz ${NAME}: FAILED after ${runs} runs (exit ${rc}); input: ${found}${kept}")
endif()
file(REMOVE_RECURSE ${work})
message("fuzz ${NAME}: ${runs} runs in ${SECONDS} s (${speed} exec/s), ${last_coverage} "
        "(from ${seed_count} seeds to ${corpus_count} inputs), 0 crashes")
