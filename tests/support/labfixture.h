#pragma once
// Oracles and set-ups the lab-level tests share. The oracles read a lab's files directly (folder listings,
// the logs' own headers), never through the product's status, so a test can judge the product by them.

#include <cstdint>
#include <utility>
#include <vector>

#include <QString>

namespace scr {
struct CopyStatus;
}

namespace scr::test {

// The closed generations (E00<8 hex>.log) in a folder, ascending, from its listing.
std::vector<uint32_t> closedGenerationsIn(const QString &folder,
                                          const QString &prefix = QStringLiteral("E00"));
// The generation E00.log's header names minus one (the newest closed, as the stream says) and that
// generation's creation time (the header's previous creation time); {0, -1} when there is no open log.
std::pair<uint32_t, qint64> newestClosedAt(const QString &folder,
                                           const QString &prefix = QStringLiteral("E00"));
// The creation time in the header of generation gen's file in folder; -1 when it cannot be read.
qint64 logCreationTime(const QString &folder, uint32_t gen, const QString &prefix = QStringLiteral("E00"));
// A copy's status in one line, for failure messages.
QString copyStatusText(const scr::CopyStatus &s);
// A TimeSpan as the shell prints one: d.hh:mm:ss.
QString timeSpanText(qint64 ms);

// Copies every file of templateDir into dir (an empty folder): a fresh lab in milliseconds instead of
// creating a demo lab again. Folders the template holds empty (a host's drive) are made too.
bool copyLab(const QString &templateDir, const QString &dir);

} // namespace scr::test
