#pragma once
// The fields of an SCR copy's status, as Get-StorageGroupCopyStatus names them: one append-only table that
// the shell's StorageGroupCopyStatusEntry (ems/recordobjects.cpp), the console's copy table
// (models/copystatusmodel.cpp) and the copy's property sheet (ui/copyproperties.cpp) all read. Each of them
// shows a field by its kind (the shell "11/25/2026 9:53:46 PM", the table the locale's format, the sheet the
// time and its age); none maps fields by hand. CONTRIBUTING.md, "How to add a column", walks one field.

#include "directory/records.h"
#include "replication/copystatus.h"

#include <span>

#include <QString>
#include <QVariant>

namespace scr {

// What a field is computed from: the copy's status and directory object, its storage group, and the newest
// inspected log's age on the lab's clock.
struct CopyFieldSource
{
    const CopyStatus &status;
    const ScrCopyRecord &copy;
    QString storageGroupIdentity;      // "MBX1\SG1"
    QString storageGroupName;          // "SG1"
    qint64 lastInspectedLogAgeMs = -1; // -1: no log inspected yet
};

// The newest inspected log's age at nowMs on the lab's clock, as Get-StorageGroupCopyStatus computes it
// (never negative; -1 before the first inspected log).
qint64 lastInspectedLogAge(const CopyStatus &status, qint64 nowMs);

// What a field's value is, which says how each reader shows it.
enum class CopyFieldKind {
    Text,     // QString
    Summary,  // SummaryCopyStatus as an int (the table sorts by it); shown by its name
    Flag,     // bool
    Count,    // qlonglong: a generation or a queue length
    Time,     // qlonglong ms since the epoch; 0 = never
    TimeSpan, // qlonglong ms; shown as 1.00:00:00
    Age,      // qlonglong ms; -1 = none; shown as a TimeSpan
};

// Whether the console's copy table has the field, and shows it before the column chooser is used.
enum class CopyColumn { None, Shown, Hidden };

struct CopyField
{
    const char *name; // Get-StorageGroupCopyStatus's property name
    CopyFieldKind kind;
    QVariant (*value)(const CopyFieldSource &);
    CopyColumn column = CopyColumn::None;
    const char *title = nullptr; // the copy table's header when it is not the name
    // The copy table leaves the value blank unless this flag is set: a FailedMessage stays in the status
    // after a resume, but the table shows it beside a failed copy only.
    bool CopyStatus::*shownWhile = nullptr;

    QString columnTitle() const { return QLatin1String(title ? title : name); }
};

// A field as the shell and the copy table show it: the summary by its name, a TimeSpan as 1.00:00:00, an Age
// the same (null for none), a Time by time() (each its own format); Text, Flag and Count as they are.
QVariant shownValue(const CopyField &field, const CopyFieldSource &source, QVariant (*time)(qint64 ms));

// Every field, in the order the shell lists them (Format-List). Append only.
std::span<const CopyField> copyStatusFields();
// The field of that name (case-insensitive), or nullptr.
const CopyField *copyStatusField(const QString &name);

} // namespace scr
