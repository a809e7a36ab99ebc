# The fuzz targets (tests/fuzz), included by tests/CMakeLists.txt. They need clang with libFuzzer, so they are
# an external project built with it; each gets a ctest entry fuzz.<target> that runs it for SCR_FUZZ_SECONDS
# over a copy of its seed corpus (tests/fuzz/run-fuzz.cmake) and fails on any crash, leak, UB or timeout.
# Without a working clang++ -fsanitize=fuzzer there are no entries, and the configure says why.
option(SCR_FUZZ "Build the libFuzzer targets with clang (when it works) and run each under ctest" ON)
set(SCR_FUZZ_SECONDS 20 CACHE STRING "How long ctest runs each fuzz target, in seconds")
set(SCR_FUZZ_TARGETS logfile checkpoint dbheader emsparser)

# The seed generator is built with the product (g++) and checked under ctest: it writes the corpus with the
# engine and reads every seed back, so a format change that would stale the corpus fails here.
add_executable(scr-fuzz-seeds fuzz/make_seeds.cpp)
target_link_libraries(scr-fuzz-seeds PRIVATE scr_engine)
add_test(NAME fuzz.seeds COMMAND ${CMAKE_COMMAND} -DSEEDS=$<TARGET_FILE:scr-fuzz-seeds>
                                 -DCORPUS=${CMAKE_CURRENT_SOURCE_DIR}/fuzz/corpus
                                 -P ${CMAKE_CURRENT_SOURCE_DIR}/fuzz/check-seeds.cmake)

if(NOT SCR_FUZZ)
    message(STATUS "Fuzz targets: off (SCR_FUZZ=OFF)")
    return()
endif()
find_program(SCR_FUZZ_CXX NAMES clang++ clang++-16 clang++-15 clang++-14
             DOC "clang++ with libFuzzer, for the fuzz targets")
if(NOT SCR_FUZZ_CXX)
    message(STATUS "Fuzz targets: off, no clang++ found (Debian: apt-get install clang libclang-rt-14-dev)")
    return()
endif()
# Probed once per compiler while it works; again at every configure while it does not (a missing runtime may
# have been installed since).
if(NOT SCR_FUZZ_CXX_CHECKED STREQUAL SCR_FUZZ_CXX OR NOT SCR_FUZZ_CXX_WORKS)
    set(probe_dir ${CMAKE_CURRENT_BINARY_DIR}/fuzz-probe)
    file(MAKE_DIRECTORY ${probe_dir})
    file(WRITE ${probe_dir}/probe.cpp
         "#include <cstddef>\n#include <cstdint>\n"
         "extern \"C\" int LLVMFuzzerTestOneInput(const uint8_t *, size_t) { return 0; }\n")
    execute_process(COMMAND ${SCR_FUZZ_CXX} -fsanitize=fuzzer,address,undefined probe.cpp -o probe
                    WORKING_DIRECTORY ${probe_dir} RESULT_VARIABLE probe_rc OUTPUT_VARIABLE probe_out
                    ERROR_VARIABLE probe_out)
    file(REMOVE_RECURSE ${probe_dir})
    if(probe_rc EQUAL 0)
        set(works ON)
    else()
        set(works OFF)
        string(REGEX REPLACE "\n.*" "" probe_out "${probe_out}")
        set(SCR_FUZZ_CXX_WHY "${probe_out}" CACHE INTERNAL "")
    endif()
    set(SCR_FUZZ_CXX_WORKS ${works} CACHE INTERNAL "")
    set(SCR_FUZZ_CXX_CHECKED ${SCR_FUZZ_CXX} CACHE INTERNAL "")
endif()
if(NOT SCR_FUZZ_CXX_WORKS)
    message(STATUS "Fuzz targets: off, ${SCR_FUZZ_CXX} cannot link -fsanitize=fuzzer,address,undefined "
                   "(${SCR_FUZZ_CXX_WHY}; Debian: apt-get install libclang-rt-14-dev)")
    return()
endif()
message(STATUS "Fuzz targets: fuzz.logfile, fuzz.checkpoint, fuzz.dbheader, fuzz.emsparser, built with ${SCR_FUZZ_CXX}, "
               "run ${SCR_FUZZ_SECONDS} s each under ctest (fuzz.*)")

include(ExternalProject)
set(fuzz_bin ${CMAKE_CURRENT_BINARY_DIR}/fuzz)
set(fuzz_byproducts)
foreach(t IN LISTS SCR_FUZZ_TARGETS)
    list(APPEND fuzz_byproducts ${fuzz_bin}/fuzz_${t})
endforeach()
ExternalProject_Add(scr_fuzz
    SOURCE_DIR ${CMAKE_CURRENT_SOURCE_DIR}/fuzz
    BINARY_DIR ${fuzz_bin}
    CMAKE_ARGS -DCMAKE_CXX_COMPILER=${SCR_FUZZ_CXX} -DCMAKE_CXX_COMPILER_LAUNCHER=${CMAKE_CXX_COMPILER_LAUNCHER}
               -DCMAKE_PREFIX_PATH=${CMAKE_PREFIX_PATH}
    INSTALL_COMMAND ""
    BUILD_ALWAYS ON
    BUILD_BYPRODUCTS ${fuzz_byproducts})
foreach(t IN LISTS SCR_FUZZ_TARGETS)
    add_test(NAME fuzz.${t}
             COMMAND ${CMAKE_COMMAND} -DFUZZER=${fuzz_bin}/fuzz_${t} -DNAME=${t}
                     -DCORPUS=${CMAKE_CURRENT_SOURCE_DIR}/fuzz/corpus/${t} -DSECONDS=${SCR_FUZZ_SECONDS}
                     -DARTIFACTS=${CMAKE_CURRENT_BINARY_DIR}/fuzz-artifacts
                     -DREGRESSIONS=${CMAKE_CURRENT_SOURCE_DIR}/fuzz/regressions/${t}
                     -P ${CMAKE_CURRENT_SOURCE_DIR}/fuzz/run-fuzz.cmake)
    math(EXPR timeout "${SCR_FUZZ_SECONDS} * 2 + 120")
    set_tests_properties(fuzz.${t} PROPERTIES TIMEOUT ${timeout})
endforeach()
