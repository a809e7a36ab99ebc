# Runs one benchmark's --smoke under CTest: it passes only when the bench exits 0 AND printed a result line
# (a crash after the first "ratio" line, or an exit 1 from a failed check, fails the entry).
execute_process(COMMAND "${BENCH}" --smoke RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
message("${out}${err}")
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${BENCH} --smoke exited with ${rc}")
endif()
if(NOT out MATCHES "(^|\n)(ratio|figure) ")
    message(FATAL_ERROR "${BENCH} --smoke printed no ratio or figure line")
endif()
