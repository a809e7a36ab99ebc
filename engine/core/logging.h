#pragma once
// Logging: spdlog is the backend. One logger per subsystem (store, repl, sim, model, shell, ui), all
// writing to one rotating file in the lab folder (<lab>/logs/scr.log), and Qt's own messages bridged in.

#include "core/result.h"

#include <memory>
#include <string_view>

#include <QString>

namespace spdlog {
class logger;
}

namespace scr::logging {

// Sends every subsystem's log to <labDir>/logs/scr.log (5 MiB x 5 files). Safe to call again for another lab.
// An error (and the previous destination kept) when the log cannot be written there, e.g. an unwritable lab.
Status attachToLab(const QString &labDir);
// Also echo warnings and errors to stderr (the command-line tools do; GUI tests do not).
void setConsoleEcho(bool on);
std::shared_ptr<spdlog::logger> get(std::string_view subsystem);
void installQtMessageHandler();

} // namespace scr::logging
