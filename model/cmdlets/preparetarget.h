#pragma once
// Prepare SCR Target (the runbook's part 2): on a standby machine, for every storage group copied to it, a
// storage group and a database that activation by database portability later points at the copy's files.
// They are made at a temporary path, mounted once so that the store has made them, dismounted, and the
// temporary files deleted.

#include "core/result.h"
#include "directory/records.h"

namespace scr {

class Lab;

// The target objects of one SCR copy on its standby machine.
struct TargetObjects
{
    QString copiedStorageGroup; // the source's identity, "MBX1\SG1"
    QString standbyMachine;     // "MBX3"
    QString storageGroup;       // "SG1Target"
    QString database;           // "DB1Target"
    QString temporaryPath;      // "C:\Temp\SG1Target": the folder made and deleted while preparing
    QString storageGroupIdentity() const { return standbyMachine + QLatin1Char('\\') + storageGroup; }
    QString databaseIdentity() const { return storageGroupIdentity() + QLatin1Char('\\') + database; }
};

namespace cmdlets {

// The names: <SG>Target and <DB>Target at C:\Temp\<SG>Target. When nameShared (another storage group of the
// same name is copied to the same standby machine: MBX1\SG2 and MBX2\SG2 on MBX3) the source server's name
// goes first, MBX2SG2Target and MBX2DB2Target, so that the two never collide.
TargetObjects targetObjectsFor(const QString &copiedStorageGroup, const QString &standbyMachine,
                               const QString &databaseName, bool nameShared);
// The same for the SCR copy of storageGroup on standbyMachine, from the directory (the copy must exist).
Result<TargetObjects> targetObjectsFor(Lab &lab, const QString &storageGroup, const QString &standbyMachine);

} // namespace cmdlets
} // namespace scr
