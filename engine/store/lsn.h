#pragma once
// Lsn: a position in a log stream, (generation, byte offset), ordered. Printed as ESE prints an lgpos:
// (0xGENERATION,SECTOR,BYTE) with 512-byte sectors, e.g. (0x5,B4,1A).

#include <compare>
#include <cstdint>

#include <QString>

namespace scr {

struct Lsn
{
    uint32_t generation = 0;
    uint32_t offset = 0;

    auto operator<=>(const Lsn &) const = default;
    bool isNull() const { return generation == 0 && offset == 0; }
    QString toString() const;
};

} // namespace scr
