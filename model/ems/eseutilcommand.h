#pragma once
// EseutilCommand: the eseutil command line as administrators type it in the shell (eseutil /mh PATH,
// /ml PATH, /mk PATH, /r E00 /l PATH /s PATH /d PATH [/a]), parsed, then run on one host's disk.
// Switches are case-insensitive and take their value glued (/lC:\Logs) or as the next word.

#include "core/result.h"
#include "store/recovery.h"

#include <QStringList>

namespace scr {

class Clock;
class HostDisk;

struct EseutilCommand
{
    enum class Mode { DumpHeader, DumpLog, DumpCheckpoint, Recover };

    Mode mode = Mode::DumpHeader;
    QString path;                 // the file of a dump
    QString prefix;               // /r: E00..E49
    QString logPath;              // /l
    QString systemPath;           // /s (defaults to /l)
    QString databasePath;         // /d: a .edb file or its folder
    bool allowLossOfTail = false; // /a

    static Result<EseutilCommand> parse(const QStringList &args);
    static QString usage();
};

// Runs the command against host's files; paths in the output are the host's Windows paths.
// recovered: when given, /r's report (what it replayed) is written there.
Result<QString> runEseutil(const EseutilCommand &command, const HostDisk &host, const Clock &clock,
                           const Recovery::Progress &progress = {}, RecoveryReport *recovered = nullptr);

} // namespace scr
