# Runs every test function of one Qt Test executable on its own, each in a process of its own, then all of
# them once in reverse order (Qt Test runs the functions named on its command line in the order given), so
# that no function passes only because another ran before it. A data-driven function named alone runs all
# its rows. Fails at the first failure and names it.
#   cmake -DTEST=<path of tst_x> -P runalone.cmake
if(NOT TEST_EXE)
    message(FATAL_ERROR "runalone.cmake: -DTEST=<test executable> is required")
endif()
get_filename_component(name "${TEST_EXE}" NAME)

# Qt Test exits after listing, before the test object's members (temporary lab folders) are destroyed: the
# listing gets a temporary folder of its own, removed afterwards.
set(listing_tmp "${CMAKE_CURRENT_BINARY_DIR}/runalone-listing-${name}")
file(REMOVE_RECURSE "${listing_tmp}")
file(MAKE_DIRECTORY "${listing_tmp}")
execute_process(COMMAND ${CMAKE_COMMAND} -E env "TMPDIR=${listing_tmp}" "${TEST_EXE}" -functions
                OUTPUT_VARIABLE listing RESULT_VARIABLE rc)
file(REMOVE_RECURSE "${listing_tmp}")
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${name} -functions exited with ${rc}")
endif()
string(REGEX MATCHALL "[A-Za-z_][A-Za-z0-9_]*\\(\\)" found "${listing}")
set(functions "")
foreach(f IN LISTS found)
    string(REPLACE "()" "" f "${f}")
    list(APPEND functions "${f}")
endforeach()
list(LENGTH functions count)
if(count EQUAL 0)
    message(FATAL_ERROR "${name} lists no test functions")
endif()

if(count EQUAL 1)
    # Its ordinary ctest entry already runs its one function alone, in the only order there is.
    message("${name}: one function (${functions}); its ordinary entry runs it alone")
    return()
endif()

foreach(f IN LISTS functions)
    string(TIMESTAMP start "%s")
    execute_process(COMMAND "${TEST_EXE}" "${f}" OUTPUT_VARIABLE out ERROR_VARIABLE out RESULT_VARIABLE rc)
    string(TIMESTAMP stop "%s")
    math(EXPR took "${stop} - ${start}")
    if(NOT rc EQUAL 0)
        message("${out}")
        message(FATAL_ERROR "${name} ${f} FAILED when run alone (exit ${rc})")
    endif()
    # A function that ran must have said PASS (or SKIP, where this machine cannot run it) for itself: a typo'd
    # or vanished name would run nothing.
    if(NOT out MATCHES "(PASS|SKIP)   : [A-Za-z_0-9]+::${f}\\(")
        message("${out}")
        message(FATAL_ERROR "${name} ${f}: no PASS line for it when run alone")
    endif()
    message("alone ${took}s ${name} ${f}")
endforeach()

set(reversed ${functions})
list(REVERSE reversed)
execute_process(COMMAND "${TEST_EXE}" ${reversed} OUTPUT_VARIABLE out ERROR_VARIABLE out RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
    message("${out}")
    message(FATAL_ERROR "${name} FAILED with its ${count} functions in reverse order (exit ${rc})")
endif()
# The reverse run must really have run them in reverse: the PASS (or SKIP) lines come in that order.
string(REGEX MATCHALL "(PASS|SKIP)   : [A-Za-z_0-9]+::[A-Za-z_0-9]+\\(" passes "${out}")
set(order "")
foreach(p IN LISTS passes)
    string(REGEX REPLACE "^.*::([A-Za-z_0-9]+)\\($" "\\1" p "${p}")
    list(APPEND order "${p}")
endforeach()
list(REMOVE_DUPLICATES order) # a data-driven function passes once per row
list(FILTER order EXCLUDE REGEX "^(initTestCase|cleanupTestCase)$")
if(NOT order STREQUAL reversed)
    message(FATAL_ERROR "${name}: the reverse run ran ${order}, not ${reversed}")
endif()
message("${name}: ${count} functions passed alone and in reverse order")
