#pragma once
// LogCopier: the copier of one SCR copy. It watches the source's log stream (LastLogGenerated,
// LastLogCopyNotified) and copies each closed generation newer than LastLogCopied from the source's
// LogFolderPath into <LogFolderPath>\inspector on the standby machine, in order, stopping at the first one
// the source no longer has. A source that cannot be reached (powered off, its disk failed) is remembered,
// with since when and why.

#include "copycontext.h"
#include "core/result.h"

#include <cstdint>
#include <optional>

namespace scr {

class SpareLogs;

class LogCopier
{
public:
    LogCopier(const CopyContext &copy, SpareLogs &spares);

    // LastLogCopied from the inspector folder (after LastLogInspected is known) and the source's position
    // from its files, or what was last seen of it when it cannot be reached (then the copy shows Failed).
    void loadPosition();
    // The source's newest closed generation (0 when none), read from its open log's header (one small read:
    // the folder holds thousands of logs after a day without backup), else from a listing of its folder.
    // Updates LastLogGenerated; nullopt when the source cannot be reached.
    std::optional<uint32_t> observeSource();
    // Copies what the source closed since LastLogCopied, at most kMaxLogsPerCycle generations; a generation
    // missing at the source fails the copy for good.
    Status copyLogs();
    // Copies one generation into the inspector folder (temporary file, rename; the caller flushes the
    // folder).
    Status fetch(uint32_t gen);

    bool sourceUnreachable() const { return m_sourceUnreachable; }
    QString sourceUnreachableMessage() const;

private:
    // Why the source's disk cannot be copied from though its host runs (read-only, I/O errors); empty: it
    // can.
    QString sourceDiskFault() const;
    void sourceLost(const QString &reason); // the source cannot be reached: event 2109 the first time
    // Why generation gen cannot be copied from the source (truncated by a backup or missing): a listing.
    void failMissingAtSource(uint32_t gen);
    // The copy learns that generation gen is closed at the source (its file was found there): raises
    // LastLogCopyNotified, never lowers it. createdMs 0: read from the source's header.
    void notifyClosed(uint32_t gen, qint64 createdMs);
    void loadSourcePosition();

    CopyContext m_copy;
    SpareLogs &m_spares;
    bool m_sourceUnreachable = false;
    qint64 m_sourceUnreachableSinceMs = 0;
    QString m_sourceUnreachableReason;
};

} // namespace scr
