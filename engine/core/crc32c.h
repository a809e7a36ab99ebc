#pragma once
// CRC32C (Castagnoli), the checksum of every log record, log header and checkpoint.
// Uses the SSE4.2 instruction when the CPU has it, a slicing table otherwise; both give the same value.

#include <cstddef>
#include <cstdint>

namespace scr {

uint32_t crc32c(const void *data, std::size_t size, uint32_t crc = 0);
// The table version alone, so tests can prove both paths agree.
uint32_t crc32cPortable(const void *data, std::size_t size, uint32_t crc = 0);

} // namespace scr
