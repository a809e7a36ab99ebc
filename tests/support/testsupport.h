#pragma once
// Helpers the engine and model tests share: a steppable clock, deterministic messages, file fingerprints.

#include "core/clock.h"
#include "host/hostdisk.h"
#include "store/records.h"

#include <atomic>

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QUuid>

namespace scr::test {

// A disk rooted at the temporary folder, where every QTemporaryDir of a test lives: the engine's file calls
// go through HostDisk, as in the product (contained, no link followed).
HostDisk tempDisk();

// A child process's run: its exit code (-1 when it crashed or timed out), whether it crashed, its output.
struct ProcessRun
{
    int exitCode = -1;
    bool crashed = false;
    QString out;
    QString err;
};
// Runs program with no terminal on stdin (confirmations must be given in the script); killed after timeoutMs.
ProcessRun runProcess(const QString &program, const QStringList &args, int timeoutMs);

// A clock the test moves by hand; starts at a fixed date so output is reproducible.
class ManualClock final : public Clock
{
public:
    explicit ManualClock(qint64 startMs = 1'700'000'000'000) : m_now(startMs) {}
    qint64 nowMs() const override { return m_now.fetch_add(1); } // strictly increasing, like real time
    void advance(qint64 ms) { m_now += ms; }

private:
    mutable std::atomic<qint64> m_now;
};

// Message number n of a deterministic sequence: its ID, subject and body depend only on (seed, n).
DeliverMessageRecord makeMessage(const QUuid &mailbox, quint64 seed, qint64 n, int minBody = 200,
                                 int maxBody = 6000);
QString messageId(quint64 seed, qint64 n);

// CRC32C of a file's bytes (and of its -wal file when one exists), to prove a file did not change.
QString fileFingerprint(const QString &path);

// Flips one byte of a file in place.
bool flipByte(const QString &path, qint64 offset);

// Where the stored bytes of the record at lsn lie in the log file at path (logs are packed: logical offsets
// are not file positions); -1 when no such record is there.
qint64 recordPosition(const QString &path, Lsn lsn);

// Makes dir unwritable even for root (chattr +i when running as root, chmod otherwise); false if impossible.
bool makeReadOnly(const QString &dir);
void makeWritable(const QString &dir);

// Runs SQL statements on an SQLite file with a connection of the test's own (not the product's code); warns
// and stops at the first that fails.
bool rawSql(const QString &file, const QStringList &statements);

} // namespace scr::test
