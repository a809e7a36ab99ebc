#include "logoracle.h"

#include "core/crc32c.h"

#include <algorithm>
#include <cstring>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

namespace scr::test::oracle {
namespace {

// The layout's constants, written out here on purpose (not taken from logformat.h).
constexpr char kMagic[8] = {'S', 'C', 'R', 'E', 'L', 'O', 'G', '1'};
constexpr qint64 kHeaderChecked = 8 + 4 + 4 + 8 + 8 + 4 + 8 + 8; // the bytes the header's CRC covers
constexpr qint64 kPackedStart = 512;
constexpr qint64 kInPlaceStart = 4096;
constexpr qint64 kRecordHeader = 32;
constexpr uint16_t kDeliver = 5;
constexpr uint16_t kDelete = 6;
constexpr uint16_t kDeliverDescribed = 7;

template <typename T> T get(const QByteArray &bytes, qint64 at)
{
    T v{};
    if (at >= 0 && at + qint64(sizeof v) <= bytes.size())
        std::memcpy(&v, bytes.constData() + at, sizeof v);
    return v;
}

qint64 align8(qint64 n)
{
    return (n + 7) / 8 * 8;
}

// A length-prefixed UTF-8 string of a payload at *at; false when it runs past the payload.
bool getString(const QByteArray &payload, qint64 *at, QString *out)
{
    const uint32_t length = get<uint32_t>(payload, *at);
    if (*at + 4 + qint64(length) > payload.size())
        return false;
    *out = QString::fromUtf8(payload.constData() + *at + 4, length);
    *at += 4 + length;
    return true;
}

std::optional<Header> decodeHeader(const QByteArray &bytes)
{
    if (bytes.size() < kHeaderChecked + 4 || std::memcmp(bytes.constData(), kMagic, 8) != 0)
        return std::nullopt;
    if (get<uint32_t>(bytes, kHeaderChecked) != crc32cPortable(bytes.constData(), kHeaderChecked))
        return std::nullopt;
    Header h;
    h.format = get<uint32_t>(bytes, 8);
    h.prefix = QString::fromLatin1(bytes.constData() + 12, int(qstrnlen(bytes.constData() + 12, 4)));
    h.signatureRandom = get<quint64>(bytes, 16);
    h.signatureTimeMs = get<qint64>(bytes, 24);
    h.generation = get<uint32_t>(bytes, 32);
    h.creationTimeMs = get<qint64>(bytes, 36);
    h.prevCreationTimeMs = get<qint64>(bytes, 44);
    return h;
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

std::optional<Header> readHeader(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return std::nullopt;
    return decodeHeader(f.read(kPackedStart));
}

std::optional<LogContent> readLog(const QString &path)
{
    const QByteArray bytes = readAll(path);
    const auto header = decodeHeader(bytes);
    if (!header)
        return std::nullopt;
    LogContent content;
    content.header = *header;
    const bool packed = header->format == 2;
    qint64 at = packed ? kPackedStart : kInPlaceStart;
    while (at + kRecordHeader <= bytes.size()) {
        const char *p = bytes.constData() + at;
        if (std::all_of(p, p + kRecordHeader, [](char c) { return c == 0; }))
            break; // the end
        const uint32_t length = get<uint32_t>(bytes, at + 4);
        if (at + kRecordHeader + qint64(length) > bytes.size())
            break; // torn
        if (get<uint32_t>(bytes, at) != crc32cPortable(p + 4, kRecordHeader - 4 + length))
            break; // torn or never completed: what recovery would not apply either
        const uint16_t type = get<uint16_t>(bytes, at + 8);
        const uint32_t described = get<uint32_t>(bytes, at + 20);
        const qint64 time = get<qint64>(bytes, at + 24);
        const QByteArray payload = bytes.mid(at + kRecordHeader, length);
        ++content.records;
        content.lastRecordTimeMs = time;
        if (type == kDeliver || type == kDeliverDescribed) {
            MailRecord m;
            m.mailbox =
                QUuid::fromRfc4122(QByteArrayView(payload.constData(), std::min<qsizetype>(16, length)));
            qint64 field = 16;
            if (getString(payload, &field, &m.messageId)) {
                m.timeMs = time;
                content.mail.push_back(m);
            }
        } else if (type == kDelete) {
            MailRecord m;
            m.deletion = true;
            qint64 field = 0;
            if (getString(payload, &field, &m.messageId)) {
                m.timeMs = time;
                content.mail.push_back(m);
            }
        }
        const qint64 stored = align8(kRecordHeader + length);
        at += packed ? stored : stored + align8(described);
    }
    return content;
}

std::vector<uint32_t> closedGenerations(const QString &folder, const QString &prefix)
{
    const QRegularExpression name(QStringLiteral("^") + QRegularExpression::escape(prefix) +
                                  QStringLiteral("([0-9A-F]{8})\\.log$"));
    std::vector<uint32_t> out;
    for (const QString &file : QDir(folder).entryList(QDir::Files))
        if (const auto m = name.match(file); m.hasMatch())
            out.push_back(m.captured(1).toUInt(nullptr, 16));
    std::sort(out.begin(), out.end());
    return out;
}

static QString closedName(const QString &prefix, uint32_t generation)
{
    return prefix + QStringLiteral("%1").arg(generation, 8, 16, QLatin1Char('0')).toUpper() +
           QStringLiteral(".log");
}

uint32_t copiedThrough(const QString &sourceFolder, const QString &standbyFolder, const QString &prefix)
{
    // The standby may have truncated its oldest copies (after replay, past the truncation lag): the run of
    // equal files starts at the first source generation the standby still has.
    uint32_t through = 0;
    for (uint32_t g : closedGenerations(sourceFolder, prefix)) {
        const QString standbyPath = standbyFolder + QLatin1Char('/') + closedName(prefix, g);
        if (through == 0 && !QFileInfo::exists(standbyPath))
            continue;
        const auto source = readHeader(sourceFolder + QLatin1Char('/') + closedName(prefix, g));
        const auto standby = readHeader(standbyPath);
        if (!source || !standby || !standby->sameFileAs(*source) || source->generation != g)
            break;
        through = g;
    }
    return through;
}

std::map<QUuid, int> messagesThrough(const QString &folder, const QString &prefix, uint32_t last,
                                     bool withOpenLog)
{
    std::map<QString, QUuid> owner;
    const auto replay = [&](const LogContent &log) {
        for (const MailRecord &m : log.mail) {
            if (m.deletion)
                owner.erase(m.messageId);
            else
                owner[m.messageId] = m.mailbox;
        }
    };
    for (uint32_t g : closedGenerations(folder, prefix)) {
        if (g > last)
            break;
        const auto log = readLog(folder + QLatin1Char('/') + closedName(prefix, g));
        if (!log)
            return {}; // an unreadable log: no answer, and the test's comparison fails
        replay(*log);
    }
    if (withOpenLog) {
        const auto log = readLog(folder + QLatin1Char('/') + prefix + QStringLiteral(".log"));
        if (!log)
            return {};
        replay(*log);
    }
    std::map<QUuid, int> perMailbox;
    for (const auto &[id, mailbox] : owner)
        ++perMailbox[mailbox];
    return perMailbox;
}

} // namespace scr::test::oracle
