// scr-fuzz-seeds OUTDIR: makes the seed corpus of the reader fuzz targets with the product itself, and
// checks that every seed reads back through the readers (exit 1 when one does not). A mounted database
// writes a real stream (a closed thin generation and the open E00.log), its checkpoint and its .edb in
// Dirty and Clean Shutdown; a Just Created .edb, a torn open log and a format-1 log (records at their
// logical offsets, as older logs lie) are made beside them. The committed corpus, tests/fuzz/corpus, was
// made by this tool; ctest's fuzz.seeds runs it into a temporary folder so it keeps up with the formats.
//
// Layout of the seeds (see each target's header for its flag byte):
//   OUTDIR/logfile/*      flag byte + the stored bytes of a log file
//   OUTDIR/checkpoint/*   flag byte + an E00.chk
//   OUTDIR/dbheader/*     an .edb

#include "core/clock.h"
#include "store/checkpoint.h"
#include "store/database.h"
#include "store/logfile.h"
#include "store/mounteddatabase.h"
#include "store/records.h"

#include <cstdio>

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>

using namespace scr;

namespace {

class FixedClock final : public Clock
{
public:
    qint64 nowMs() const override { return m_now += 7; }

private:
    mutable qint64 m_now = 1'700'000'000'000;
};

bool g_ok = true;

void check(bool ok, const QString &what)
{
    if (!ok) {
        std::fprintf(stderr, "scr-fuzz-seeds: %s\n", qPrintable(what));
        g_ok = false;
    }
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        check(false, QStringLiteral("cannot read ") + path);
        return {};
    }
    return f.readAll();
}

// The bytes of a thin log worth storing in a seed: up to its last non-zero byte (the fuzz target puts the
// rest back as a hole).
QByteArray storedPart(QByteArray log)
{
    qsizetype end = log.size();
    while (end > kStoredLogHeaderSize && log[end - 1] == 0)
        --end;
    log.truncate(end);
    return log;
}

void writeSeed(const QString &folder, const QString &name, const QByteArray &bytes, int flags = -1)
{
    QDir().mkpath(folder);
    QFile f(folder + QLatin1Char('/') + name);
    QByteArray out;
    if (flags >= 0)
        out.append(static_cast<char>(flags));
    out.append(bytes);
    check(f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(out) == out.size(),
          QStringLiteral("cannot write ") + f.fileName());
}

void checkLog(const HostDisk &disk, const QString &path, bool open, bool expectTorn)
{
    auto log = LogFile::load(disk, path);
    check(log.hasValue(),
          QStringLiteral("%1 does not load: %2").arg(path, log ? QString() : log.error().toString()));
    if (!log)
        return;
    auto scan = log->scan(open);
    check(scan.hasValue() && scan->records > 0 && scan->tornTail == expectTorn,
          QStringLiteral("%1 does not scan as made").arg(path));
}

// A generation in format 1: the header, then each record at its logical offset in the file.
QByteArray inPlaceLog(const LogSignature &signature, const QUuid &database, const QUuid &mailbox)
{
    LogHeader h;
    h.prefix = QStringLiteral("E00");
    h.signature = signature;
    h.generation = 1;
    h.creationTimeMs = signature.createTimeMs + 1;
    h.format = kLogFormatInPlace;
    QByteArray file = encodeLogHeader(h);
    file.resize(kLogHeaderSize, '\0');
    uint32_t offset = kLogHeaderSize;
    const auto add = [&](RecordType type, const QByteArray &payload, uint32_t described = 0) {
        file.resize(offset, '\0');
        encodeRecord(file, {1, offset}, type, h.creationTimeMs + offset, payload, described);
        offset += static_cast<uint32_t>(logicalRecordSize(payload.size(), described));
    };
    add(RecordType::CreateDatabase, CreateDatabaseRecord{database, QStringLiteral("DB1")}.encode());
    add(RecordType::Attach, AttachRecord{database, QStringLiteral("C:\\Data\\SG1\\DB1.edb")}.encode());
    add(RecordType::CreateMailbox, CreateMailboxRecord{mailbox, QStringLiteral("Ada Adler")}.encode());
    DeliverMessageRecord m;
    m.mailboxGuid = mailbox;
    m.internetMessageId = QStringLiteral("<1@fabrikam.com>");
    m.sender = QStringLiteral("bob@fabrikam.com");
    m.subject = QStringLiteral("Budget");
    m.describedBodySize = 3000;
    m.bodySeed = 7;
    add(m.type(), m.encode(), m.describedBodySize);
    add(RecordType::DeleteMessage, DeleteMessageRecord{m.internetMessageId}.encode());
    add(RecordType::Detach, DetachRecord{database}.encode());
    return file;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc != 2) {
        std::fprintf(stderr, "usage: scr-fuzz-seeds OUTDIR\n");
        return 2;
    }
    const QString out = QDir(QString::fromLocal8Bit(argv[1])).absolutePath();
    QTemporaryDir dir;
    if (!dir.isValid())
        return 1;
    const HostDisk disk = HostDisk::atFolder(dir.path());
    const FixedClock clock;
    StoragePaths paths{.disk = disk,
                       .prefix = QStringLiteral("E00"),
                       .logFolder = dir.filePath(QStringLiteral("Logs")),
                       .systemFolder = dir.filePath(QStringLiteral("Logs")),
                       .edbPath = dir.filePath(QStringLiteral("DB1.edb"))};
    const QUuid database = QUuid::fromString(QStringLiteral("{5c0e2a4d-1b2f-4c3d-9e8f-0a1b2c3d4e5f}"));
    const QUuid mailbox = QUuid::fromString(QStringLiteral("{0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0}"));
    LogSignature signature;
    {
        auto mounted = MountedDatabase::mount(paths, database, QStringLiteral("DB1"), clock);
        if (!mounted) {
            std::fprintf(stderr, "mount: %s\n", qPrintable(mounted.error().toString()));
            return 1;
        }
        auto &m = **mounted;
        signature = m.log().signature();
        check(m.createMailbox({mailbox, QStringLiteral("Ada Adler")}).hasValue(), QStringLiteral("mailbox"));
        // Two stored bodies, then described ones big enough to fill generation 1 and roll over to 2.
        for (int i = 0; i < 8; ++i) {
            DeliverMessageRecord msg;
            msg.mailboxGuid = mailbox;
            msg.internetMessageId = QStringLiteral("<%1@fabrikam.com>").arg(i);
            msg.sender = QStringLiteral("sender%1@fabrikam.com").arg(i);
            msg.subject = QStringLiteral("Report %1").arg(i);
            if (i < 2) {
                msg.body = QByteArray("Hello,\r\nthe figures are attached.\r\n").repeated(i + 1);
            } else {
                msg.describedBodySize = 200'000;
                msg.bodySeed = static_cast<quint64>(i);
            }
            check(m.deliverMessage(msg).hasValue(), QStringLiteral("deliver"));
            if (i == 1 || i == 7)
                check(m.commit().hasValue(), QStringLiteral("commit"));
        }
        check(m.deleteMessage({QStringLiteral("<0@fabrikam.com>")}).hasValue(), QStringLiteral("delete"));
        check(m.commit().hasValue() && m.applyPending().hasValue(), QStringLiteral("apply"));
        check(m.log().generation() >= 2, QStringLiteral("generation 1 did not close"));
        // A consistent copy while mounted: Dirty Shutdown.
        check(m.database().backupTo(disk, dir.filePath(QStringLiteral("dirty.edb"))).hasValue(),
              QStringLiteral("backup"));
        check(m.dismount().hasValue(), QStringLiteral("dismount"));
    }
    {
        DatabaseHeader h;
        h.guid = database;
        h.name = QStringLiteral("DB2");
        h.logSignature = signature;
        h.state = DatabaseState::JustCreated;
        h.createdMs = clock.nowMs();
        auto created = Database::create(disk, dir.filePath(QStringLiteral("created.edb")), h);
        check(created.hasValue(), QStringLiteral("create"));
    }

    const QString logs = paths.logFolder + QLatin1Char('/');
    const QByteArray closed = storedPart(readFile(logs + logFileName(QStringLiteral("E00"), 1)));
    const QByteArray open = storedPart(readFile(logs + openLogFileName(QStringLiteral("E00"))));
    // The open log and, after its last record, a record header and payload that never made it whole.
    QByteArray torn;
    if (auto log = LogFile::load(disk, logs + openLogFileName(QStringLiteral("E00")))) {
        if (auto scan = log->scan(true)) {
            torn = readFile(logs + openLogFileName(QStringLiteral("E00"))).left(scan->physicalEnd);
            torn.append(QByteArray(40, '\x5a'));
        }
    }
    check(!torn.isEmpty(), QStringLiteral("E00.log does not scan"));
    const QByteArray inPlace = inPlaceLog(signature, database, mailbox);

    // Each seed checked through the readers before it is written.
    const auto asLog = [&](const QString &name, const QByteArray &bytes) {
        const QString path = dir.filePath(name);
        QFile f(path);
        check(f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size() &&
                  f.resize(kLogFileSize),
              QStringLiteral("cannot write ") + path);
        return path;
    };
    checkLog(disk, asLog(QStringLiteral("closed.log"), closed), false, false);
    checkLog(disk, asLog(QStringLiteral("open.log"), open), true, false);
    checkLog(disk, asLog(QStringLiteral("torn.log"), torn), true, true);
    checkLog(disk, asLog(QStringLiteral("inplace.log"), inPlace), false, false);
    auto chk = readCheckpoint(disk, paths.systemFolder + QStringLiteral("/E00.chk"));
    check(chk.hasValue(), QStringLiteral("E00.chk does not read"));
    for (const QString &name :
         {QStringLiteral("DB1.edb"), QStringLiteral("dirty.edb"), QStringLiteral("created.edb")}) {
        auto db = Database::open(disk, dir.filePath(name), Database::Access::ReadOnly);
        check(db.hasValue(), name + QStringLiteral(" does not open"));
    }
    if (!g_ok)
        return 1;

    writeSeed(out + QStringLiteral("/logfile"), QStringLiteral("closed-generation"), closed, 0);
    writeSeed(out + QStringLiteral("/logfile"), QStringLiteral("closed-generation-fix-checksums"), closed, 3);
    writeSeed(out + QStringLiteral("/logfile"), QStringLiteral("open-log"), open, 4);
    writeSeed(out + QStringLiteral("/logfile"), QStringLiteral("open-log-torn-tail"), torn, 4);
    writeSeed(out + QStringLiteral("/logfile"), QStringLiteral("in-place-format"), inPlace, 0);
    const QByteArray chkBytes = readFile(paths.systemFolder + QStringLiteral("/E00.chk"));
    writeSeed(out + QStringLiteral("/checkpoint"), QStringLiteral("e00-chk"), chkBytes, 0);
    writeSeed(out + QStringLiteral("/checkpoint"), QStringLiteral("e00-chk-fix-checksum"), chkBytes, 1);
    writeSeed(out + QStringLiteral("/dbheader"), QStringLiteral("clean-shutdown.edb"),
              readFile(paths.edbPath));
    writeSeed(out + QStringLiteral("/dbheader"), QStringLiteral("dirty-shutdown.edb"),
              readFile(dir.filePath(QStringLiteral("dirty.edb"))));
    writeSeed(out + QStringLiteral("/dbheader"), QStringLiteral("just-created.edb"),
              readFile(dir.filePath(QStringLiteral("created.edb"))));
    if (!g_ok)
        return 1;
    std::printf("seeds written to %s\n", qPrintable(out));
    return 0;
}
