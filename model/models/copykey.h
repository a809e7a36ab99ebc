#pragma once
// CopyKey: one SCR copy's identity, the source storage group and the standby machine that holds the copy.
// Its text form is the console tree's key, "copy:MBX1\SG1>MBX3" (upper case after the kind), the one place
// that form is written and read.

#include <optional>

#include <QString>

namespace scr {

struct CopyKey
{
    QString storageGroup; // the source storage group's identity, "MBX1\SG1"
    QString standby;      // the standby machine, "MBX3"

    // "copy:MBX1\SG1>MBX3": upper case, so the same copy always has the same key.
    QString toString() const;
    // Reads what toString wrote, in any case; nothing for a text that is not a copy's key (no "copy:",
    // no '>', an empty side, a storage group without its server).
    static std::optional<CopyKey> parse(const QString &text);
    // "MBX1\SG1 on MBX3", as the console names the copy.
    QString displayName() const;
    bool matches(const QString &storageGroupIdentity, const QString &standbyMachine) const;

    friend bool operator==(const CopyKey &a, const CopyKey &b)
    {
        return a.matches(b.storageGroup, b.standby);
    }
    friend bool operator!=(const CopyKey &a, const CopyKey &b) { return !(a == b); }
};

} // namespace scr
