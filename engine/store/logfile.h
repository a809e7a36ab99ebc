#pragma once
// LogFile: one generation read whole into memory and checked: size, header, and every record's checksum,
// generation and offset. This is what the inspector, recovery and eseutil /ml read logs with.

#include "core/result.h"
#include "host/hostdisk.h"
#include "logformat.h"

#include <array>
#include <functional>

#include <QByteArray>

namespace scr {

struct LogScan
{
    Lsn end; // where the next record would go (the log's "Last Lgpos")
    int records = 0;
    std::array<int, 8> countByType{}; // indexed by RecordType
    qint64 lastRecordTimeMs = 0;
    bool tornTail = false; // open log only: a partly written, never acknowledged tail was found
};

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
    // acknowledged: the walk ends there. A bad record followed by good ones is corruption in either.
    Result<LogScan> scan(bool isOpenLog, const Visitor &visit = {}) const;
    // True when every byte from offset to the end of the file is zero (no stale or torn data lies there).
    bool isZeroFrom(qint64 offset) const;

private:
    QByteArray m_data;
    LogHeader m_header;
    QString m_path;
    QString m_displayName;
};

} // namespace scr
