// Replay: eseutil /r of N generations into a database born from its logs (500 in the full run), against
// reading the same log files' stored bytes (their data ranges, as the product reads thin logs) and inserting
// the same rows straight into SQLite (same schema, WAL, synchronous=FULL), committing as often as recovery
// does (every 32 generations' rows) and folding the WAL into the database file, as recovery ends. What the
// baseline leaves out is the product's own work: decoding and checking records, checkpoints, the database
// header. Target: ratio >= 0.5.

#include "benchsupport.h"
#include "core/clock.h"
#include "store/logfolder.h"
#include "store/mounteddatabase.h"
#include "store/recovery.h"

#include <sqlite3.h>

#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>

using namespace scr;

namespace {

[[noreturn]] void fail(const std::string &why)
{
    std::fprintf(stderr, "bench_replay: %s\n", why.c_str());
    std::exit(1);
}

// Message n's body: a slice of one random buffer, cheap to make again for the baseline.
struct Bodies
{
    QByteArray pool;
    Bodies() : pool(256 * 1024, Qt::Uninitialized)
    {
        QRandomGenerator rng(5);
        for (auto &c : pool)
            c = static_cast<char>('a' + rng.bounded(26));
    }
    QByteArray body(qint64 n) const
    {
        const int len = 2000 + static_cast<int>((n * 7919) % 6000);
        return QByteArray::fromRawData(pool.constData() + (n * 131) % (pool.size() - 8192), len);
    }
};

struct Built
{
    qint64 messages = 0;
    uint32_t generations = 0;
};

Built buildLogs(const StoragePaths &paths, uint32_t generations, const Bodies &bodies, const QUuid &mailbox)
{
    auto db =
        MountedDatabase::mount(paths, QUuid::createUuid(), QStringLiteral("DB1"), SystemClock::instance());
    if (!db || !(*db)->createMailbox({mailbox, QStringLiteral("Bench")}))
        std::exit(1);
    Built built;
    while ((*db)->log().generation() <= generations) {
        DeliverMessageRecord m;
        m.mailboxGuid = mailbox;
        m.internetMessageId = QStringLiteral("<bench-%1@contoso.com>").arg(built.messages);
        m.sender = QStringLiteral("sender@fabrikam.com");
        m.subject = QStringLiteral("Message %1").arg(built.messages);
        m.body = bodies.body(built.messages);
        if (!(*db)->deliverMessage(m))
            std::exit(1);
        if (++built.messages % 200 == 0 && !(*db)->commit())
            std::exit(1);
    }
    if (!(*db)->commit())
        std::exit(1);
    built.generations = (*db)->log().generation() - 1;
    return built; // destroyed without dismount: recovery has every generation to replay
}

double replay(const StoragePaths &paths)
{
    QFile::remove(paths.edbPath);
    QFile::remove(paths.systemFolder + QStringLiteral("/E00.chk"));
    RecoveryOptions o;
    o.disk = bench::tempDisk();
    o.logFolder = paths.logFolder;
    o.systemFolder = paths.systemFolder;
    o.databasePath = paths.edbPath;
    const auto start = std::chrono::steady_clock::now();
    auto r = Recovery::run(o, SystemClock::instance());
    const double s = bench::seconds(start);
    if (!r) {
        std::fprintf(stderr, "%s\n", qPrintable(r.error().toString()));
        std::exit(1);
    }
    return s;
}

// Reads every log file of folder as the product does (only the ranges that hold data); the bytes read.
qint64 readLogFiles(const QString &folder)
{
    qint64 total = 0;
    QByteArray buffer;
    const QDir dir(folder);
    for (const QString &name : dir.entryList({QStringLiteral("*.log")}, QDir::Files, QDir::Name)) {
        auto file = File::open(dir.filePath(name), File::Mode::ReadOnly);
        auto ranges =
            file ? file->dataRanges() : Result<std::vector<std::pair<qint64, qint64>>>(file.error());
        if (!ranges)
            fail("baseline: cannot read " + name.toStdString());
        for (const auto &[start, end] : *ranges) {
            buffer.resize(end - start);
            if (!file->readAt(start, buffer.data(), buffer.size()))
                fail("baseline: cannot read " + name.toStdString());
            total += buffer.size();
        }
    }
    return total;
}

void check(sqlite3 *h, int rc, int expected = SQLITE_OK)
{
    if (rc != expected)
        fail(std::string("baseline: SQLite: ") + sqlite3_errmsg(h));
}

double baselineInsert(const QString &path, const QString &logFolder, const Built &built, const Bodies &bodies,
                      const QUuid &mailbox)
{
    QFile::remove(path);
    QFile::remove(path + QStringLiteral("-wal"));
    QFile::remove(path + QStringLiteral("-shm"));
    sqlite3 *h = nullptr;
    check(h, sqlite3_open(path.toUtf8().constData(), &h));
    check(
        h,
        sqlite3_exec(
            h,
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;"
            "CREATE TABLE messages(id INTEGER PRIMARY KEY, internet_message_id TEXT NOT NULL UNIQUE,"
            " mailbox_guid TEXT NOT NULL, sender TEXT NOT NULL, subject TEXT NOT NULL, size INTEGER NOT NULL,"
            " body BLOB NOT NULL, delivered_ms INTEGER NOT NULL);"
            "CREATE INDEX messages_by_mailbox ON messages(mailbox_guid);",
            nullptr, nullptr, nullptr));
    sqlite3_stmt *stmt = nullptr;
    check(h,
          sqlite3_prepare_v2(h,
                             "INSERT INTO messages(internet_message_id, mailbox_guid, sender, subject, size, "
                             "body, delivered_ms) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                             -1, &stmt, nullptr));
    const QByteArray guid = mailbox.toString(QUuid::WithoutBraces).toUtf8();
    const auto start = std::chrono::steady_clock::now();
    if (readLogFiles(logFolder) == 0)
        fail("baseline: the log folder holds no bytes");
    check(h, sqlite3_exec(h, "BEGIN", nullptr, nullptr, nullptr));
    // Recovery commits every 32 generations (kGenerationsPerTransaction): the same share of the rows here.
    const qint64 rowsPerCommit =
        std::max<qint64>(1, built.messages * 32 / std::max<uint32_t>(1, built.generations));
    for (qint64 n = 0; n < built.messages; ++n) {
        if (n > 0 && n % rowsPerCommit == 0)
            check(h, sqlite3_exec(h, "COMMIT; BEGIN", nullptr, nullptr, nullptr));
        const QByteArray id = QStringLiteral("<bench-%1@contoso.com>").arg(n).toUtf8();
        const QByteArray subject = QStringLiteral("Message %1").arg(n).toUtf8();
        const QByteArray body = bodies.body(n);
        sqlite3_bind_text(stmt, 1, id.constData(), int(id.size()), SQLITE_TRANSIENT);
        sqlite3_bind_text(stmt, 2, guid.constData(), int(guid.size()), SQLITE_TRANSIENT);
        sqlite3_bind_text(stmt, 3, "sender@fabrikam.com", -1, SQLITE_STATIC);
        sqlite3_bind_text(stmt, 4, subject.constData(), int(subject.size()), SQLITE_TRANSIENT);
        sqlite3_bind_int64(stmt, 5, body.size());
        sqlite3_bind_blob(stmt, 6, body.constData(), int(body.size()), SQLITE_TRANSIENT);
        sqlite3_bind_int64(stmt, 7, n);
        check(h, sqlite3_step(stmt), SQLITE_DONE);
        sqlite3_reset(stmt);
    }
    check(h, sqlite3_exec(h, "COMMIT", nullptr, nullptr, nullptr));
    // Recovery ends with the same: the WAL folded into the database file.
    check(h, sqlite3_exec(h, "PRAGMA wal_checkpoint(TRUNCATE)", nullptr, nullptr, nullptr));
    const double s = bench::seconds(start);
    sqlite3_finalize(stmt);
    sqlite3_close(h);
    return s;
}

} // namespace

int main(int argc, char **argv)
{
    const bench::Size size = bench::parseSize(argc, argv);
    const uint32_t generations = size == bench::Size::Full ? 500 : size == bench::Size::Quick ? 150 : 5;
    const int reps = size == bench::Size::Smoke ? 1 : 3;
    QTemporaryDir dir;
    StoragePaths paths{.disk = bench::tempDisk(),
                       .prefix = QStringLiteral("E00"),
                       .logFolder = {},
                       .systemFolder = {},
                       .edbPath = {}};
    paths.logFolder = paths.systemFolder = dir.filePath(QStringLiteral("Logs"));
    paths.edbPath = dir.filePath(QStringLiteral("Data/DB1.edb"));
    const Bodies bodies;
    const QUuid mailbox = QUuid::createUuid();
    const Built built = buildLogs(paths, generations, bodies, mailbox);
    std::vector<double> ours, base;
    for (int rep = 0; rep < reps; ++rep) {
        base.push_back(baselineInsert(dir.filePath(QStringLiteral("baseline.sqlite")), paths.logFolder, built,
                                      bodies, mailbox));
        ours.push_back(replay(paths));
    }
    const double oursS = bench::median(ours), baseS = bench::median(base);
    bench::figure("replay_generations", built.generations, "logs");
    bench::figure("replay_logs_per_s", built.generations / oursS, "logs/s");
    bench::figure("replay_rows_per_s", built.messages / oursS, "rows/s");
    bench::figure("baseline_sqlite_rows_per_s", built.messages / baseS, "rows/s");
    bench::figure("baseline_sqlite_logs_per_s", built.generations / baseS, "logs/s");
    bench::ratio("replay_vs_sqlite_insert", baseS / oursS);
    bench::figure("peak_memory", bench::peakMemoryMiB(), "MiB");
    return 0;
}
