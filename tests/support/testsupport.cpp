#include "testsupport.h"

#include "core/crc32c.h"
#include "core/fileio.h"
#include "store/logfile.h"

#include <fcntl.h>
#include <linux/fs.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <sqlite3.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRandomGenerator>

namespace scr::test {

ProcessRun runProcess(const QString &program, const QStringList &args, int timeoutMs)
{
    QProcess p;
    p.setProgram(program);
    p.setArguments(args);
    p.setStandardInputFile(QProcess::nullDevice());
    p.start();
    ProcessRun r;
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        r.err = QStringLiteral("%1 timed out").arg(program);
        return r;
    }
    r.crashed = p.exitStatus() != QProcess::NormalExit;
    r.exitCode = r.crashed ? -1 : p.exitCode();
    r.out = QString::fromLocal8Bit(p.readAllStandardOutput());
    r.err = QString::fromLocal8Bit(p.readAllStandardError());
    return r;
}

HostDisk tempDisk()
{
    static const HostDisk disk = HostDisk::atFolder(QDir::tempPath());
    return disk;
}

QString messageId(quint64 seed, qint64 n)
{
    return QStringLiteral("<m%1-%2@test.contoso.com>").arg(seed).arg(n, 8, 10, QLatin1Char('0'));
}

DeliverMessageRecord makeMessage(const QUuid &mailbox, quint64 seed, qint64 n, int minBody, int maxBody)
{
    QRandomGenerator rng(static_cast<quint32>(seed * 1000003u + static_cast<quint64>(n)));
    DeliverMessageRecord m;
    m.mailboxGuid = mailbox;
    m.internetMessageId = messageId(seed, n);
    m.sender = QStringLiteral("sender%1@fabrikam.com").arg(n % 17);
    m.subject = QStringLiteral("Message %1").arg(n);
    const int size = minBody + static_cast<int>(rng.bounded(static_cast<quint32>(maxBody - minBody + 1)));
    m.body.resize(size);
    for (int i = 0; i < size; ++i)
        m.body[i] = static_cast<char>('a' + rng.bounded(26));
    return m;
}

QString fileFingerprint(const QString &path)
{
    QString out;
    for (const QString &p : {path, QString(path + QStringLiteral("-wal"))}) {
        QFile f(p);
        // An empty WAL holds nothing (SQLite leaves one behind a read-only reader): the same as none.
        if (!f.open(QIODevice::ReadOnly) || (p != path && f.size() == 0)) {
            out += QStringLiteral("-;");
            continue;
        }
        if (f.size() > (64 << 20)) { // a sparse giant (FillDisk's filler): its data ranges, not its holes
            out += QStringLiteral("%1:").arg(f.size());
            auto file = File::open(p, File::Mode::ReadOnly);
            auto ranges =
                file ? file->dataRanges() : Result<std::vector<std::pair<qint64, qint64>>>(file.error());
            for (const auto &[start, end] : ranges ? *ranges : std::vector<std::pair<qint64, qint64>>{}) {
                QByteArray data(static_cast<qsizetype>(end - start), Qt::Uninitialized);
                if (!file->readAt(start, data.data(), data.size()))
                    break;
                out += QStringLiteral("%1+%2,").arg(start).arg(crc32c(data.constData(), data.size()), 8, 16);
            }
            out += QLatin1Char(';');
            continue;
        }
        const QByteArray data = f.readAll();
        out += QStringLiteral("%1:%2;").arg(data.size()).arg(crc32c(data.constData(), data.size()), 8, 16);
    }
    return out;
}

bool flipByte(const QString &path, qint64 offset)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadWrite) || !f.seek(offset))
        return false;
    char c = 0;
    if (f.read(&c, 1) != 1 || !f.seek(offset))
        return false;
    c = static_cast<char>(c ^ 0x5A);
    return f.write(&c, 1) == 1;
}

qint64 recordPosition(const QString &path, Lsn lsn)
{
    auto log = LogFile::load(tempDisk(), path);
    if (!log)
        return -1;
    qint64 position = firstRecordPosition(log->header());
    qint64 found = -1;
    (void)log->scan(true, [&](const LogRecordView &view) -> Status {
        if (view.lsn == lsn)
            found = position;
        position += view.encodedSize;
        return {};
    });
    return found;
}

namespace {
bool setImmutable(const QString &dir, bool on)
{
    const int fd = ::open(QFile::encodeName(dir).constData(), O_RDONLY | O_DIRECTORY);
    if (fd < 0)
        return false;
    int flags = 0;
    bool ok = ::ioctl(fd, FS_IOC_GETFLAGS, &flags) == 0;
    if (ok) {
        flags = on ? (flags | FS_IMMUTABLE_FL) : (flags & ~FS_IMMUTABLE_FL);
        ok = ::ioctl(fd, FS_IOC_SETFLAGS, &flags) == 0;
    }
    ::close(fd);
    return ok;
}
} // namespace

bool makeReadOnly(const QString &dir)
{
    if (::geteuid() == 0)
        return setImmutable(dir, true);
    return QFile::setPermissions(dir, QFileDevice::ReadOwner | QFileDevice::ExeOwner);
}

void makeWritable(const QString &dir)
{
    if (::geteuid() == 0)
        setImmutable(dir, false);
    QFile::setPermissions(dir, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
}

bool rawSql(const QString &file, const QStringList &statements)
{
    sqlite3 *db = nullptr;
    bool ok = sqlite3_open_v2(QFile::encodeName(file).constData(), &db,
                              SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) == SQLITE_OK;
    if (ok)
        sqlite3_busy_timeout(db, 5000);
    for (const QString &statement : statements) {
        if (!ok)
            break;
        char *message = nullptr;
        ok = sqlite3_exec(db, statement.toUtf8().constData(), nullptr, nullptr, &message) == SQLITE_OK;
        if (!ok)
            qWarning("%s: %s", qPrintable(statement), message ? message : sqlite3_errmsg(db));
        sqlite3_free(message);
    }
    sqlite3_close(db);
    return ok;
}

} // namespace scr::test
