#include "checkpoint.h"

#include "core/bytes.h"
#include "core/crc32c.h"
#include "core/fileio.h"

#include <cstring>

namespace scr {
namespace {

constexpr char kMagic[8] = {'S', 'C', 'R', 'E', 'C', 'H', 'K', '1'};
constexpr qint64 kCheckpointSize = 8 + 8 + 8 + 4 + 4 + 16 + 8 + 4;

} // namespace

Status writeCheckpoint(const HostDisk &disk, const QString &path, const Checkpoint &checkpoint)
{
    QByteArray out;
    ByteWriter w(out);
    w.putBytes(kMagic, sizeof kMagic);
    w.put<quint64>(checkpoint.signature.random);
    w.put<qint64>(checkpoint.signature.createTimeMs);
    w.put<uint32_t>(checkpoint.position.generation);
    w.put<uint32_t>(checkpoint.position.offset);
    w.putUuid(checkpoint.databaseGuid);
    w.put<qint64>(checkpoint.writtenMs);
    w.put<uint32_t>(crc32c(out.constData(), out.size()));
    return disk.writeAtomically(path, out);
}

Result<Checkpoint> readCheckpoint(const HostDisk &disk, const QString &path, const QString &displayName)
{
    const QString name = displayName.isEmpty() ? fileNameOf(path) : displayName;
    if (!disk.exists(path))
        return Error{name, QStringLiteral("the checkpoint file does not exist"),
                     QStringLiteral("recovery can start from the database header's Log Required instead"),
                     JetCode::FileNotFound};
    auto data = disk.readAll(path);
    if (!data)
        return data.error();
    const Error corrupt{
        name, QStringLiteral("the checkpoint file is damaged"),
        QStringLiteral("delete it; eseutil /r then starts from the database header's Log Required"),
        JetCode::CheckpointCorrupt};
    if (data->size() != kCheckpointSize || std::memcmp(data->constData(), kMagic, sizeof kMagic) != 0)
        return corrupt;
    if (crc32c(data->constData(), kCheckpointSize - 4) !=
        ByteReader(data->constData() + kCheckpointSize - 4, 4).get<uint32_t>())
        return corrupt;
    ByteReader r(data->constData() + sizeof kMagic, kCheckpointSize - qint64(sizeof kMagic));
    Checkpoint c;
    c.signature.random = r.get<quint64>();
    c.signature.createTimeMs = r.get<qint64>();
    c.position.generation = r.get<uint32_t>();
    c.position.offset = r.get<uint32_t>();
    c.databaseGuid = r.getUuid();
    c.writtenMs = r.get<qint64>();
    return c;
}

} // namespace scr
