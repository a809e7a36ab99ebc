#pragma once
// LogFile: one generation read into memory and checked: size, header, and every record's checksum,
// generation and offset. This is what the inspector, recovery and eseutil /ml read logs with. Only the
// ranges of the file that hold data are read: a thin log costs a few KiB of reading, not 1 MiB.

#include "core/result.h"
#include "host/hostdisk.h"
#include "logformat.h"

#include <array>
#include <functional>

#include <QByteArray>

namespace scr {

struct LogScan
{
    Lsn end;                   // where the next record would go (the log's "Last Lgpos")
    qint64 physicalEnd = 0;    // where the next record's stored bytes would go in the file
    qint64 describedBytes = 0; // what the records declare without storing (message bodies)
    int records = 0;
    std::array<int, 8> countByType{}; // indexed by RecordType
    qint64 lastRecordTimeMs = 0;
    bool tornTail = false; // open log only: a partly written, never acknowledged tail was found
};

// True when path is a log-sized file holding nothing but zeros: a roll-over's prepared E00.log whose header
// never reached the disk before a power loss. No record was ever acknowledged in it (a flush would have
// made the header durable with the records), so the writer may make it again.
bool isUnwrittenLog(const HostDisk &disk, const QString &path);

class LogFile
{
public:
    using Visitor = std::function<Status(const LogRecordView &)>;

    // Reads and checks size (-541) and header (-501). displayName is used in errors (a Windows path, say).
    static Result<LogFile> load(const HostDisk &disk, const QString &path, const QString &displayName = {});
    // Reads and checks only the 4 KiB header: cheap enough to call for every log in a folder.
    static Result<LogHeader> readHeader(const HostDisk &disk, const QString &path,
                                        const QString &displayName = {});

    const LogHeader &header() const { return m_header; }
    const QString &path() const { return m_path; }
    const QString &displayName() const { return m_displayName; }

    // Walks every record in order, calling visit for each (it may stop the walk by returning an error).
    // In a closed generation any bad record is corruption (-501, naming generation and offset). In the open
    // log (E00.log) a bad record with no valid record after it is the torn tail of a write that was never
    // acknowledged: the walk ends there. A bad record followed by good ones is corruption in either, and so
    // is anything but zeros after the last record of a closed generation.
    Result<LogScan> scan(bool isOpenLog, const Visitor &visit = {}) const;
    // True when every byte from the file position to the end of the file is zero (no stale or torn data
    // lies there).
    bool isZeroFrom(qint64 position) const;
    // The bytes the file stores (its data ranges), however long it looks.
    qint64 storedBytes() const { return m_stored; }
    // Where the file's last data range ends: bytes were written up to here (holes lie beyond).
    qint64 writtenEnd() const { return m_data.size(); }

private:
    QByteArray m_data; // the file up to the end of its last data range; zeros lie beyond
    qint64 m_stored = 0;
    LogHeader m_header;
    QString m_path;
    QString m_displayName;
};

} // namespace scr
