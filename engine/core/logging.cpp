#include "logging.h"

#include "core/textescape.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <mutex>
#include <string>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

#include <spdlog/sinks/base_sink.h>
#include <spdlog/sinks/dist_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

namespace scr::logging {
namespace {

constexpr size_t kMaxLogBytes = 5 * 1024 * 1024;
constexpr int kMaxRotatedFiles = 5;

// The one place where a message's text becomes a line: its control characters are escaped, so a name
// holding a newline and a shell command never becomes a line of its own, and an escape sequence in a name
// never reaches a terminal through the stderr echo.
class EscapingDistSink final : public spdlog::sinks::dist_sink_mt
{
protected:
    void sink_it_(const spdlog::details::log_msg &msg) override
    {
        const std::string text = escapeControls(std::string_view(msg.payload.data(), msg.payload.size()));
        spdlog::details::log_msg escaped = msg;
        escaped.payload = spdlog::string_view_t(text.data(), text.size());
        spdlog::sinks::dist_sink_mt::sink_it_(escaped);
    }
};

// <lab>/logs/scr.log, rotated at 5 MiB into scr.1.log .. scr.5.log (spdlog's names), every file opened and
// renamed beneath the logs folder's descriptor, never through a link: the lab folder is untrusted input,
// and a scr.log made a link to a shell's start-up file must not receive a line.
class LabLogSink final : public spdlog::sinks::base_sink<std::mutex>
{
public:
    LabLogSink(int logsFd, std::string logsPath) : m_logsFd(logsFd), m_logsPath(std::move(logsPath)) {}
    ~LabLogSink() override
    {
        if (m_fd >= 0)
            ::close(m_fd);
        ::close(m_logsFd);
    }
    // 0, or the errno of the open; ELOOP when scr.log is a link, EINVAL when it is not a regular file.
    int openLog()
    {
        const int fd = ::openat(m_logsFd, "scr.log",
                                O_WRONLY | O_APPEND | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0644);
        if (fd < 0)
            return errno;
        struct stat st
        {};
        if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) { // a FIFO or a device is not a log
            ::close(fd);
            return EINVAL;
        }
        if (st.st_nlink > 1) { // a hard link to a file elsewhere (ln OUTSIDE scr.log) would receive the lines
            ::close(fd);
            return EMLINK;
        }
        if (m_fd >= 0)
            ::close(m_fd);
        m_fd = fd;
        m_size = static_cast<size_t>(st.st_size);
        return 0;
    }

protected:
    void sink_it_(const spdlog::details::log_msg &msg) override
    {
        spdlog::memory_buf_t line;
        formatter_->format(msg, line);
        if (m_fd >= 0 && m_size > 0 && m_size + line.size() > kMaxLogBytes)
            rotate();
        if (m_fd < 0)
            return; // a planted link or a vanished folder: the line is dropped, never written elsewhere
        const char *p = line.data();
        size_t left = line.size();
        while (left > 0) {
            const ssize_t n = ::write(m_fd, p, left);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                break;
            p += n;
            left -= static_cast<size_t>(n);
        }
        m_size += line.size() - left;
    }
    void flush_() override {}

private:
    std::string name(int index) const
    {
        return index == 0 ? std::string("scr.log") : "scr." + std::to_string(index) + ".log";
    }
    void rotate()
    {
        ::close(m_fd);
        m_fd = -1;
        // renameat moves a name, never what a link points at.
        for (int i = kMaxRotatedFiles - 1; i >= 0; --i)
            (void)::renameat(m_logsFd, name(i).c_str(), m_logsFd, name(i + 1).c_str());
        if (const int err = openLog(); err != 0)
            throw spdlog::spdlog_ex(
                m_logsPath + "/scr.log cannot be opened after rotation without following a link", err);
    }

    int m_logsFd;
    std::string m_logsPath;
    int m_fd = -1;
    size_t m_size = 0;
};

struct Registry
{
    std::mutex mutex;
    // Every logger writes to this one distributing sink, so attaching a lab re-routes all of them at once.
    std::shared_ptr<spdlog::sinks::dist_sink_mt> sinks = std::make_shared<EscapingDistSink>();
    std::shared_ptr<spdlog::sinks::sink> fileSink;
    std::shared_ptr<spdlog::sinks::sink> consoleSink;
};

Registry &registry()
{
    static Registry r;
    return r;
}

Error labFileError(const QString &path, int err, const QString &doing)
{
    if (err == ELOOP)
        return Error{path,
                     QStringLiteral("is a symbolic link; the lab never follows a link for its own files"),
                     QStringLiteral("remove the link outside the product (rm '%1'); the lab makes a real one")
                         .arg(path),
                     JetCode::None};
    if (err == EMLINK)
        return Error{
            path, QStringLiteral("has another hard link: a name, maybe outside the lab, shares its bytes"),
            QStringLiteral("remove it outside the product (rm '%1'); the lab makes a file of its own")
                .arg(path),
            JetCode::None};
    if (err == EINVAL || err == ENOTDIR)
        return Error{
            path, QStringLiteral("is not a regular %1").arg(doing),
            QStringLiteral("remove it outside the product (rm '%1'); the lab makes a real one").arg(path),
            JetCode::None};
    return Error{
        path, QStringLiteral("cannot be opened for writing: ") + QString::fromLocal8Bit(std::strerror(err)),
        QStringLiteral("make the lab folder and its logs folder writable for this user "
                       "(chmod u+w), or copy the lab somewhere you can write"),
        JetCode::FileAccessDenied};
}

} // namespace

Status attachToLab(const QString &labDir)
{
    Registry &r = registry();
    std::lock_guard lock(r.mutex);
    const QString dir = labDir + QStringLiteral("/logs");
    // logs/ and scr.log are found beneath the lab folder's descriptor, never through a link.
    const int labFd = ::open(labDir.toLocal8Bit().constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (labFd < 0)
        return labFileError(labDir, errno, QStringLiteral("folder"));
    if (::mkdirat(labFd, "logs", 0755) == 0)
        (void)::fsync(labFd); // the new folder's name durable, as HostDisk::makeFolders does
    else if (errno != EEXIST) {
        const int err = errno;
        ::close(labFd);
        return Error{dir,
                     QStringLiteral("cannot be created: the lab folder is not writable (%1)")
                         .arg(QString::fromLocal8Bit(std::strerror(err))),
                     QStringLiteral("make the lab folder and its logs folder writable for this user "
                                    "(chmod u+w), or copy the lab somewhere you can write"),
                     JetCode::FileAccessDenied};
    }
    const int logsFd = ::openat(labFd, "logs", O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    const int logsErr = errno;
    struct stat st
    {};
    const bool isLink =
        logsFd < 0 && ::fstatat(labFd, "logs", &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISLNK(st.st_mode);
    ::close(labFd);
    if (logsFd < 0)
        return labFileError(dir, isLink ? ELOOP : logsErr, QStringLiteral("folder"));
    auto sink = std::make_shared<LabLogSink>(logsFd, dir.toStdString());
    if (const int err = sink->openLog(); err != 0)
        return labFileError(dir + QStringLiteral("/scr.log"), err, QStringLiteral("file"));
    sink->set_pattern("%Y-%m-%d %H:%M:%S.%e %-5l [%n] %v");
    if (r.fileSink)
        r.sinks->remove_sink(r.fileSink);
    r.fileSink = std::move(sink);
    r.sinks->add_sink(r.fileSink);
    return {};
}

void setConsoleEcho(bool on)
{
    Registry &r = registry();
    std::lock_guard lock(r.mutex);
    if (on && !r.consoleSink) {
        r.consoleSink = std::make_shared<spdlog::sinks::stderr_color_sink_mt>();
        r.consoleSink->set_level(spdlog::level::warn);
        r.consoleSink->set_pattern("%^%l%$ [%n] %v");
        r.sinks->add_sink(r.consoleSink);
    } else if (!on && r.consoleSink) {
        r.sinks->remove_sink(r.consoleSink);
        r.consoleSink.reset();
    }
}

std::shared_ptr<spdlog::logger> get(std::string_view subsystem)
{
    Registry &r = registry();
    std::lock_guard lock(r.mutex);
    const std::string name(subsystem);
    if (auto existing = spdlog::get(name))
        return existing;
    auto logger = std::make_shared<spdlog::logger>(name, r.sinks);
    logger->set_level(spdlog::level::debug);
    logger->flush_on(spdlog::level::warn);
    spdlog::register_logger(logger);
    return logger;
}

void installQtMessageHandler()
{
    qInstallMessageHandler([](QtMsgType type, const QMessageLogContext &, const QString &message) {
        static const auto qtLogger = get("qt");
        const std::string text = message.toStdString();
        switch (type) {
        case QtDebugMsg:
            qtLogger->debug(text);
            break;
        case QtInfoMsg:
            qtLogger->info(text);
            break;
        case QtWarningMsg:
            qtLogger->warn(text);
            break;
        case QtCriticalMsg:
        case QtFatalMsg:
            qtLogger->error(text);
            break;
        }
    });
}

} // namespace scr::logging
