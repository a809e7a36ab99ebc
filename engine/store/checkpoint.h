#pragma once
// Checkpoint (E00.chk): the oldest log position whose changes may not yet be in the database file.
// Recovery starts there. Written atomically (temporary file, fsync, rename), so it is old or new, never torn.

#include "core/result.h"
#include "host/hostdisk.h"
#include "logsignature.h"
#include "lsn.h"

#include <QUuid>

namespace scr {

struct Checkpoint
{
    LogSignature signature;
    Lsn position;
    QUuid databaseGuid; // the database attached to the stream when it was written
    qint64 writtenMs = 0;
};

Status writeCheckpoint(const HostDisk &disk, const QString &path, const Checkpoint &checkpoint);
// -1811 when missing, -533 when damaged; displayName goes into the error.
Result<Checkpoint> readCheckpoint(const HostDisk &disk, const QString &path, const QString &displayName = {});

} // namespace scr
