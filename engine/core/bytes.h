#pragma once
// Little-endian encoding of the on-disk formats (log header, records, checkpoint). The reader never reads
// past its end: a short or garbled buffer makes ok() false instead of undefined behaviour.

#include <cstdint>
#include <cstring>

#include <QByteArray>
#include <QString>
#include <QUuid>

namespace scr {

class ByteWriter
{
public:
    explicit ByteWriter(QByteArray &out) : m_out(out) {}
    template <typename Int> void put(Int v)
    {
        char b[sizeof(Int)];
        for (std::size_t i = 0; i < sizeof(Int); ++i)
            b[i] = static_cast<char>((static_cast<uint64_t>(v) >> (8 * i)) & 0xFF);
        m_out.append(b, sizeof(Int));
    }
    void putBytes(const char *p, qsizetype n) { m_out.append(p, n); }
    void putBlob(const QByteArray &b)
    {
        put<uint32_t>(static_cast<uint32_t>(b.size()));
        m_out.append(b);
    }
    void putString(const QString &s) { putBlob(s.toUtf8()); }
    void putUuid(const QUuid &u) { m_out.append(u.toRfc4122()); }

private:
    QByteArray &m_out;
};

class ByteReader
{
public:
    ByteReader(const char *data, qsizetype size) : m_p(data), m_end(data + size) {}
    template <typename Int> Int get()
    {
        if (!need(sizeof(Int)))
            return 0;
        uint64_t v = 0;
        for (std::size_t i = 0; i < sizeof(Int); ++i)
            v |= static_cast<uint64_t>(static_cast<unsigned char>(m_p[i])) << (8 * i);
        m_p += sizeof(Int);
        return static_cast<Int>(v);
    }
    QByteArray getBlob()
    {
        const uint32_t n = get<uint32_t>();
        if (!need(n))
            return {};
        QByteArray b(m_p, n);
        m_p += n;
        return b;
    }
    QString getString() { return QString::fromUtf8(getBlob()); }
    QUuid getUuid()
    {
        if (!need(16))
            return {};
        QUuid u = QUuid::fromRfc4122(QByteArrayView(m_p, 16));
        m_p += 16;
        return u;
    }
    void skip(qsizetype n)
    {
        if (need(n))
            m_p += n;
    }
    bool ok() const { return m_ok; }
    bool atEnd() const { return m_p == m_end; }

private:
    bool need(std::size_t n)
    {
        if (!m_ok || static_cast<std::size_t>(m_end - m_p) < n) {
            m_ok = false;
            return false;
        }
        return true;
    }
    const char *m_p;
    const char *m_end;
    bool m_ok = true;
};

} // namespace scr
