#pragma once
// LogStream: the writer of a storage group's transaction logs. Records are appended to a buffer and made
// durable together by flush() (group commit: one write and one fdatasync for many records). When E00.log
// is full it is closed (written and fdatasynced), renamed to its generation name, and a prepared E00tmp.log
// becomes the new E00.log; each step of a roll-over is durable (folder fsync) before the next, so a power
// loss leaves a state that open() and recovery finish (tst_powerloss, README "Reliability").

#include "core/fileio.h"
#include "core/result.h"
#include "host/hostdisk.h"
#include "logformat.h"

#include <functional>
#include <memory>
#include <optional>

namespace scr {

class Clock;

class LogStream
{
public:
    // Opens the stream in folder for appending, creating the folder and generation 1 (with a new
    // signature) when it holds no logs. Run recovery first when the logs may hold unapplied records:
    // open() repairs a torn tail of E00.log by zeroing it, and those bytes were never acknowledged.
    // signature: for a folder that holds no log at all, the stream's own (a database's, whose every log was
    // lost) instead of a new one.
    static Result<std::unique_ptr<LogStream>>
    open(const HostDisk &disk, const QString &folder, const QString &prefix, const Clock &clock,
         const std::optional<LogSignature> &signature = std::nullopt);
    ~LogStream();

    const LogSignature &signature() const { return m_header.signature; }
    const QString &prefix() const { return m_prefix; }
    const QString &folder() const { return m_folder; }
    uint32_t generation() const { return m_header.generation; }
    qint64 generationCreationTimeMs() const { return m_header.creationTimeMs; }
    Lsn end() const { return {m_header.generation, m_offset}; } // where the next record goes
    Lsn durableEnd() const { return m_durableEnd; }             // everything before it survives a crash
    qint64 pendingBytes() const { return m_pending.size(); }

    // Buffers one record; it is durable only after flush(). May roll over to a new generation first.
    // describedSize: bytes the record declares without storing; they take their place in the generation.
    Result<Lsn> append(RecordType type, const QByteArray &payload, qint64 timeMs, uint32_t describedSize = 0);
    // Writes the buffered records and fdatasyncs: the group commit. (Roll-overs make their renames durable
    // themselves.)
    Status flush();

    // A tail of E00.log that was written (its blocks are allocated) and reads as zeros now, found by open():
    // the records once there, acknowledged when they were flushed, are gone (a file system that lost them
    // after a crash, or a hand that zeroed them). open() turns it back into a hole, so it is told once.
    struct ZeroedTail
    {
        uint32_t generation = 0;
        Lsn end;             // where the log ends now: records from here on are lost
        qint64 fromByte = 0; // the zeroed bytes of the file
        qint64 toByte = 0;
    };
    const std::optional<ZeroedTail> &zeroedTail() const { return m_zeroedTail; }
    // Closes the open generation and starts the next (a roll-over with room left): new records then follow
    // every LSN of the closed one, even one a database already holds from before its log lost a tail.
    Status startNextGeneration() { return rollOver(); }

    // Called after a generation is closed and renamed (the copier's cue).
    void setGenerationClosedHandler(std::function<void(uint32_t)> handler)
    {
        m_onClosed = std::move(handler);
    }

private:
    LogStream(HostDisk disk, QString folder, QString prefix, const Clock &clock);
    Status openExisting(const QString &path, uint32_t expectedGeneration);
    Status createOpenLog(uint32_t generation, const LogSignature &signature, qint64 prevCreationTimeMs);
    Status rollOver();
    Status flushFile(); // the records to the open log's file, fdatasynced
    // Writes a complete, empty generation under tempPath, ready to be renamed to E00.log: a thin 1 MiB file
    // holding only its header, fdatasynced.
    Status prepareLogFile(const QString &tempPath, const LogHeader &header);

    HostDisk m_disk;
    QString m_folder;
    QString m_prefix;
    const Clock &m_clock;
    File m_file;
    LogHeader m_header;
    uint32_t m_offset = 0;     // logical end of the last appended record in the open generation
    qint64 m_position = 0;     // where the next record's stored bytes go in the file
    qint64 m_pendingStart = 0; // file position of m_pending's first byte
    QByteArray m_pending;
    Lsn m_durableEnd;
    std::optional<ZeroedTail> m_zeroedTail;
    bool m_broken = false; // a roll-over failed half way: only a remount (and its recovery) may go on
    std::function<void(uint32_t)> m_onClosed;
};

} // namespace scr
