#pragma once
// Text from a lab (names, paths, file contents) is untrusted: it can carry newlines that split a log line
// and escape sequences that drive a terminal (its title, colours, clear screen). Before such text reaches a
// log line or a terminal, its control characters become visible escapes: \n, \r, \t, \e, \xHH, \u0085.

#include <string>
#include <string_view>

#include <QString>

namespace scr {

// Every C0 control (below U+0020), DEL and every C1 control (U+0080..U+009F) escaped; newline and tab too
// unless keepLayout, which keeps the newlines and tabs a formatter lays out with (the rest is escaped).
// Valid UTF-8 passes through otherwise unchanged; a backslash is left as it is (Windows paths).
std::string escapeControls(std::string_view utf8, bool keepLayout = false);
QString escapeControls(const QString &text, bool keepLayout = false);

} // namespace scr
