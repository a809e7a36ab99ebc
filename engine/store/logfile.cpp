#include "logfile.h"

#include "core/fileio.h"

#include <cstring>

namespace scr {

Result<LogFile> LogFile::load(const HostDisk &disk, const QString &path, const QString &displayName)
{
    LogFile log;
    log.m_path = path;
    log.m_displayName = displayName.isEmpty() ? fileNameOf(path) : displayName;
    auto data = disk.readAll(path);
    if (!data)
        return data.error();
    if (data->size() != kLogFileSize)
        return Error{log.m_displayName,
                     QStringLiteral("the log file is %1 bytes, not %2: it was truncated or is not a log")
                         .arg(data->size())
                         .arg(kLogFileSize),
                     QStringLiteral("restore this log from a good copy, or run eseutil /r with /a to accept "
                                    "losing the logs from here on"),
                     JetCode::LogFileSizeMismatch};
    auto header = decodeLogHeader(data->constData(), data->size(), log.m_displayName);
    if (!header)
        return header.error();
    log.m_header = std::move(*header);
    log.m_data = std::move(*data);
    return log;
}

Result<LogHeader> LogFile::readHeader(const HostDisk &disk, const QString &path, const QString &displayName)
{
    const QString name = displayName.isEmpty() ? fileNameOf(path) : displayName;
    auto file = disk.open(path, File::Mode::ReadOnly);
    if (!file)
        return file.error();
    QByteArray bytes(kLogHeaderSize, Qt::Uninitialized);
    if (auto st = file->readAt(0, bytes.data(), bytes.size()); !st)
        return Error{name,
                     QStringLiteral("the log file is shorter than its header"),
                     {},
                     JetCode::LogFileSizeMismatch};
    return decodeLogHeader(bytes.constData(), bytes.size(), name);
}

Result<LogScan> LogFile::scan(bool isOpenLog, const Visitor &visit) const
{
    LogScan result;
    const char *file = m_data.constData();
    const uint32_t gen = m_header.generation;
    uint32_t offset = static_cast<uint32_t>(kLogHeaderSize);
    while (true) {
        LogRecordView view;
        QString why;
        const RecordCheck check = decodeRecordAt(file, kLogFileSize, gen, offset, &view, &why);
        if (check == RecordCheck::End)
            break;
        if (check == RecordCheck::Bad) {
            // Is anything valid written after it? Then this is damage in the middle, not a torn tail.
            bool laterValid = false;
            for (uint32_t at = offset + kRecordAlignment; at + kRecordHeaderSize <= kLogFileSize;
                 at += kRecordAlignment) {
                uint32_t g, o;
                std::memcpy(&g, file + at + 12, 4);
                std::memcpy(&o, file + at + 16, 4);
                if (g != gen || o != at)
                    continue;
                LogRecordView later;
                QString ignored;
                if (decodeRecordAt(file, kLogFileSize, gen, at, &later, &ignored) == RecordCheck::Valid) {
                    laterValid = true;
                    break;
                }
            }
            if (isOpenLog && !laterValid) {
                result.tornTail = true;
                break;
            }
            return Error{
                m_displayName,
                QStringLiteral("generation %1 is corrupt at %2: %3")
                    .arg(gen)
                    .arg(Lsn{gen, offset}.toString(), why),
                QStringLiteral("copy this log again from a good source, or run eseutil /r with /a to "
                               "accept losing the logs from here on"),
                JetCode::LogFileCorrupt};
        }
        if (visit) {
            if (auto st = visit(view); !st)
                return st.error();
        }
        ++result.records;
        ++result.countByType[static_cast<std::size_t>(view.type)];
        result.lastRecordTimeMs = view.timeMs;
        offset += static_cast<uint32_t>(view.encodedSize);
    }
    result.end = {gen, offset};
    return result;
}

bool LogFile::isZeroFrom(qint64 offset) const
{
    for (qint64 i = offset; i < m_data.size(); ++i)
        if (m_data[i] != 0)
            return false;
    return true;
}

} // namespace scr
