#pragma once
// Small state files of "key value" lines (a seed's marker, the measured replay rate), read back as a map.
// A line that is not one key and one value is skipped; a key given twice keeps its last value.

#include "host/hostdisk.h"

#include <optional>

#include <QByteArray>
#include <QHash>

namespace scr {

// nullopt when the file is not there or cannot be read (the callers ask often: one stat when it is absent).
inline std::optional<QHash<QByteArray, QByteArray>> readKeyValueFile(const HostDisk &disk,
                                                                     const QString &path)
{
    if (!disk.exists(path))
        return std::nullopt;
    auto text = disk.readAll(path);
    if (!text)
        return std::nullopt;
    QHash<QByteArray, QByteArray> values;
    for (const QByteArray &line : text->split('\n')) {
        const QList<QByteArray> kv = line.trimmed().split(' ');
        if (kv.size() == 2)
            values.insert(kv[0], kv[1]);
    }
    return values;
}

} // namespace scr
