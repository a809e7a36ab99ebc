#include "logstream.h"

#include "core/clock.h"
#include "core/logging.h"
#include "logfile.h"
#include "logfolder.h"

#include <spdlog/spdlog.h>

namespace scr {

LogStream::LogStream(HostDisk disk, QString folder, QString prefix, const Clock &clock)
    : m_disk(std::move(disk)), m_folder(std::move(folder)), m_prefix(std::move(prefix)), m_clock(clock)
{}

LogStream::~LogStream() = default;

Result<std::unique_ptr<LogStream>> LogStream::open(const HostDisk &disk, const QString &folder,
                                                   const QString &prefix, const Clock &clock,
                                                   const std::optional<LogSignature> &signature)
{
    if (!isValidLogPrefix(prefix))
        return Error{prefix, QStringLiteral("is not a log prefix"), QStringLiteral("use E00 to E49"),
                     JetCode::InvalidParameter};
    SCR_TRY(disk.makeFolders(folder));
    auto listing = listLogFolder(disk, folder, prefix);
    if (!listing)
        return listing.error();
    std::unique_ptr<LogStream> stream(new LogStream(disk, folder, prefix, clock));
    const QString openPath = folder + QLatin1Char('/') + openLogFileName(prefix);
    const QString tempPath = folder + QLatin1Char('/') + nextLogTempFileName(prefix);
    const uint32_t nextGen = listing->lastClosed() + 1;

    if (!listing->hasOpenLog && listing->hasNextTemp && listing->lastClosed() > 0) {
        // A crash fell between the two renames of a roll-over: the prepared log is the open log's successor.
        auto temp = LogFile::load(disk, tempPath);
        if (temp && temp->header().generation == nextGen && temp->scan(true) &&
            temp->scan(true)->records == 0) {
            SCR_TRY(disk.rename(tempPath, openPath));
            listing->hasOpenLog = true;
        }
    }
    if (listing->hasNextTemp && !listing->hasOpenLog)
        SCR_TRY(disk.removeFile(tempPath));
    if (listing->hasOpenLog && listing->lastClosed() > 0 && isUnwrittenLog(disk, openPath)) {
        // A roll-over's prepared log whose header a power loss took: it never held a record. Make it again.
        SCR_TRY(disk.removeFile(openPath));
        listing->hasOpenLog = false;
        logging::get("store")->warn("{}: {} held nothing (its header was never written); making it again",
                                    folder.toStdString(), openLogFileName(prefix).toStdString());
    }

    if (listing->hasOpenLog) {
        SCR_TRY(stream->openExisting(openPath, listing->lastClosed() > 0 ? nextGen : 0));
    } else if (listing->lastClosed() > 0) {
        // E00.log is gone (recovery accepted losing it, or this is an activated copy): continue the stream.
        auto last =
            LogFile::load(disk, folder + QLatin1Char('/') + logFileName(prefix, listing->lastClosed()));
        if (!last)
            return last.error();
        SCR_TRY(stream->createOpenLog(nextGen, last->header().signature, last->header().creationTimeMs));
    } else {
        SCR_TRY(stream->createOpenLog(1, signature ? *signature : LogSignature::generate(clock), 0));
    }
    logging::get("store")->info("log stream {} in {} open at generation {} {}", prefix.toStdString(),
                                folder.toStdString(), stream->generation(),
                                stream->end().toString().toStdString());
    return stream;
}

Status LogStream::openExisting(const QString &path, uint32_t expectedGeneration)
{
    auto log = LogFile::load(m_disk, path, openLogFileName(m_prefix));
    if (!log)
        return log.error();
    if (expectedGeneration != 0 && log->header().generation != expectedGeneration)
        return Error{openLogFileName(m_prefix),
                     QStringLiteral("holds generation %1 but the next generation after the closed logs is %2")
                         .arg(log->header().generation)
                         .arg(expectedGeneration),
                     QStringLiteral("run eseutil /r to find the missing logs"), JetCode::MissingLogFile};
    auto scan = log->scan(true);
    if (!scan)
        return scan.error();
    auto file = m_disk.open(path, File::Mode::ReadWrite);
    if (!file)
        return file.error();
    m_file = std::move(*file);
    m_header = log->header();
    m_offset = scan->end.offset;
    m_position = scan->physicalEnd;
    if (!log->isZeroFrom(m_position)) {
        // The torn tail of an unacknowledged write: clear it, so no stale record can ever follow a new one.
        SCR_TRY(m_file.punchHole(m_position, kLogFileSize - m_position));
        SCR_TRY(m_file.syncData());
        logging::get("store")->warn("{}: cleared a torn tail after {}", path.toStdString(),
                                    scan->end.toString().toStdString());
    } else if (constexpr qint64 kBlock = 4096;
               log->writtenEnd() > (m_position + kBlock - 1) / kBlock * kBlock &&
               log->writtenEnd() < kLogFileSize) {
        // Written blocks past the last record that read as zeros: the writer only appends records and leaves
        // the rest a hole (a torn write leaves bytes, not zeros), so records were there and are lost. Told
        // (zeroedTail(), event 465 at mount), then made a hole again so it is told once. A log whose every
        // block is written (a copy that filled its holes) says nothing either way: not judged.
        const qint64 from = (m_position + kBlock - 1) / kBlock * kBlock;
        m_zeroedTail = ZeroedTail{log->header().generation, scan->end, from, log->writtenEnd()};
        SCR_TRY(m_file.punchHole(from, log->writtenEnd() - from));
        SCR_TRY(m_file.syncData());
        logging::get("store")->error(
            "{}: bytes {} to {} were written and read as zeros: the records after {} "
            "are lost",
            path.toStdString(), from, log->writtenEnd(), scan->end.toString().toStdString());
    }
    m_pendingStart = m_position;
    m_durableEnd = end();
    return {};
}

Status LogStream::prepareLogFile(const QString &tempPath, const LogHeader &header)
{
    SCR_TRY(m_disk.removeFile(tempPath)); // a leftover of a crash holds no records
    auto file = m_disk.open(tempPath, File::Mode::CreateNew);
    if (!file)
        return file.error();
    const QByteArray bytes = encodeLogHeader(header);
    Status st = file->setLength(kLogFileSize);
    if (st)
        st = file->writeAt(0, bytes.constData(), bytes.size());
    if (st)
        st = file->syncData();
    if (!st)
        (void)m_disk.removeFile(tempPath);
    return st;
}

Status LogStream::createOpenLog(uint32_t generation, const LogSignature &signature, qint64 prevCreationTimeMs)
{
    const QString tempPath = m_folder + QLatin1Char('/') + nextLogTempFileName(m_prefix);
    const QString openPath = m_folder + QLatin1Char('/') + openLogFileName(m_prefix);
    LogHeader header;
    header.prefix = m_prefix;
    header.signature = signature;
    header.generation = generation;
    header.creationTimeMs = m_clock.nowMs();
    header.prevCreationTimeMs = prevCreationTimeMs;
    SCR_TRY(prepareLogFile(tempPath, header));
    SCR_TRY(m_disk.rename(tempPath, openPath));
    auto file = m_disk.open(openPath, File::Mode::ReadWrite);
    if (!file)
        return file.error();
    m_file = std::move(*file);
    m_header = header;
    m_offset = static_cast<uint32_t>(kLogHeaderSize);
    m_position = firstRecordPosition(m_header);
    m_pendingStart = m_position;
    m_durableEnd = end();
    return {};
}

Result<Lsn> LogStream::append(RecordType type, const QByteArray &payload, qint64 timeMs,
                              uint32_t describedSize)
{
    if (m_broken)
        return Error{m_folder, QStringLiteral("the log stream stopped after a failed roll-over"),
                     QStringLiteral("dismount and mount the database again"), JetCode::DiskIO};
    const qint64 size = logicalRecordSize(payload.size(), describedSize);
    if (size > kLogFileSize - kLogHeaderSize)
        return Error{recordTypeName(type),
                     QStringLiteral("a record of %1 bytes does not fit in one log generation").arg(size),
                     QStringLiteral("keep single items under 1 MB"), JetCode::InvalidParameter};
    if (m_offset + size > kLogFileSize)
        SCR_TRY(rollOver());
    const Lsn lsn = end();
    encodeRecord(m_pending, lsn, type, timeMs, payload, describedSize);
    m_offset += static_cast<uint32_t>(size);
    // An open log of format 1 keeps its records at their logical offsets to its end: described bytes are
    // written as zeros there.
    if (m_header.format == kLogFormatInPlace)
        m_pending.append(QByteArray(static_cast<qsizetype>(size - encodedRecordSize(payload.size())), '\0'));
    m_position += m_header.format == kLogFormatInPlace ? size : encodedRecordSize(payload.size());
    return lsn;
}

Status LogStream::flush()
{
    return flushFile();
}

Status LogStream::flushFile()
{
    if (m_broken)
        return Error{m_folder, QStringLiteral("the log stream stopped after a failed roll-over"),
                     QStringLiteral("dismount and mount the database again"), JetCode::DiskIO};
    if (m_pending.isEmpty() && m_durableEnd == end())
        return {};
    // On failure the records stay buffered; a retry writes the same bytes to the same place.
    SCR_TRY(m_file.writeAt(m_pendingStart, m_pending.constData(), m_pending.size()));
    SCR_TRY(m_file.syncData());
    m_pendingStart = m_position;
    m_pending.clear();
    m_durableEnd = end();
    return {};
}

Status LogStream::rollOver()
{
    SCR_TRY(flushFile()); // a closed generation is complete and durable before anyone may copy it
    const uint32_t closedGen = m_header.generation;
    const QString openPath = m_folder + QLatin1Char('/') + openLogFileName(m_prefix);
    const QString tempPath = m_folder + QLatin1Char('/') + nextLogTempFileName(m_prefix);
    const QString closedPath = m_folder + QLatin1Char('/') + logFileName(m_prefix, closedGen);

    LogHeader next = m_header;
    next.format = kLogFormatPacked;
    next.generation = closedGen + 1;
    next.creationTimeMs = m_clock.nowMs();
    next.prevCreationTimeMs = m_header.creationTimeMs;
    // Power loss (tst_powerloss): without a journal, a file system may keep any subset of the name changes
    // made since the folder's last fsync, and a file's bytes only once it was fdatasynced. So each step is
    // durable before the next: the prepared log whole and named (else the closed log could be renamed with
    // no successor on disk, and recovery would find no E00.log), the closed log named (else the second
    // rename could replace it: its records, acknowledged, gone; and the copier may copy it at once), then the
    // new E00.log (else records flushed into it would sit in an E00tmp.log). A crash between two steps
    // leaves a state open() and recovery finish. Three folder fsyncs per 1 MiB generation.
    // Nothing renamed yet: on failure the stream can try again later.
    SCR_TRY(prepareLogFile(tempPath, next));
    SCR_TRY(m_disk.syncFolder(m_folder));
    m_file.close();
    // From here a failure leaves the folder between two states that open() knows how to finish.
    if (auto st = m_disk.rename(openPath, closedPath); !st) {
        m_broken = true;
        return st;
    }
    if (auto st = m_disk.rename(tempPath, openPath); !st) {
        m_broken = true;
        return st;
    }
    auto file = m_disk.open(openPath, File::Mode::ReadWrite);
    if (!file) {
        m_broken = true;
        return file.error();
    }
    m_file = std::move(*file);
    m_header = next;
    m_offset = static_cast<uint32_t>(kLogHeaderSize);
    m_position = firstRecordPosition(m_header);
    m_pendingStart = m_position;
    m_durableEnd = end();
    if (m_onClosed)
        m_onClosed(closedGen);
    return {};
}

} // namespace scr
