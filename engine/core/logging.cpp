#include "logging.h"

#include <mutex>
#include <string>
#include <vector>

#include <spdlog/sinks/dist_sink.h>
#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <QDir>
#include <QFile>

namespace scr::logging {
namespace {

struct Registry
{
    std::mutex mutex;
    // Every logger writes to this one distributing sink, so attaching a lab re-routes all of them at once.
    std::shared_ptr<spdlog::sinks::dist_sink_mt> sinks = std::make_shared<spdlog::sinks::dist_sink_mt>();
    std::shared_ptr<spdlog::sinks::sink> fileSink;
    std::shared_ptr<spdlog::sinks::sink> consoleSink;
};

Registry &registry()
{
    static Registry r;
    return r;
}

} // namespace

Status attachToLab(const QString &labDir)
{
    Registry &r = registry();
    std::lock_guard lock(r.mutex);
    const QString dir = labDir + QStringLiteral("/logs");
    const QString fix = QStringLiteral("make the lab folder and its logs folder writable for this user "
                                       "(chmod u+w), or copy the lab somewhere you can write");
    if (!QDir().mkpath(dir))
        return Error{dir, QStringLiteral("cannot be created: the lab folder is not writable"), fix,
                     JetCode::FileAccessDenied};
    const std::string file = QFile::encodeName(dir + QStringLiteral("/scr.log")).toStdString();
    std::shared_ptr<spdlog::sinks::sink> sink;
    // spdlog reports a file it cannot open by throwing; it stops here, as an error value.
    try {
        sink = std::make_shared<spdlog::sinks::rotating_file_sink_mt>(file, 5 * 1024 * 1024, 5);
    } catch (const spdlog::spdlog_ex &e) {
        return Error{dir + QStringLiteral("/scr.log"),
                     QStringLiteral("cannot be opened for writing: ") + QString::fromLocal8Bit(e.what()), fix,
                     JetCode::FileAccessDenied};
    }
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
