#pragma once
// Small state files of "key value" lines (a seed's marker, the measured replay rate): read back as a map.
// A line that is not one key and one value is skipped; a key given twice keeps its last value.

#include <QByteArray>
#include <QHash>

namespace scr {

inline QHash<QByteArray, QByteArray> parseKeyValueText(const QByteArray &text)
{
    QHash<QByteArray, QByteArray> values;
    for (const QByteArray &line : text.split('\n')) {
        const QList<QByteArray> kv = line.trimmed().split(' ');
        if (kv.size() == 2)
            values.insert(kv[0], kv[1]);
    }
    return values;
}

} // namespace scr
