#include "recordobjects.h"

#include "binder.h"
#include "cmdlets/copystatusfields.h"
#include "cmdlets/validation.h"

#include <QDateTime>

namespace scr::ems {

QVariant when(qint64 ms)
{
    if (ms <= 0)
        return {};
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(QStringLiteral("M/d/yyyy h:mm:ss AP"));
}

PSObject statusObject(const StorageGroupCopyStatusRow &row)
{
    PSObject o{QStringLiteral("StorageGroupCopyStatusEntry"),
               {QStringLiteral("Name"), QStringLiteral("SummaryCopyStatus"),
                QStringLiteral("CopyQueueLength"), QStringLiteral("ReplayQueueLength"),
                QStringLiteral("LastInspectedLogTime")},
               {},
               true};
    const CopyFieldSource source{row.status, row.copy, row.storageGroup.identity(), row.storageGroup.name,
                                 row.lastInspectedLogAgeMs};
    for (const CopyField &field : copyStatusFields())
        o.set(QLatin1String(field.name), shownValue(field, source, when)); // times as EMS wrote them
    return o;
}

PSObject storageGroupObject(const StorageGroupRecord &sg, bool replicated)
{
    PSObject o{QStringLiteral("StorageGroup"),
               {QStringLiteral("Name"), QStringLiteral("Server"), QStringLiteral("Replicated"),
                QStringLiteral("Recovery")},
               {}};
    o.set(QStringLiteral("Name"), sg.name);
    o.set(QStringLiteral("Server"), sg.server);
    o.set(QStringLiteral("Replicated"), replicated ? QStringLiteral("Standby") : QStringLiteral("None"));
    o.set(QStringLiteral("Recovery"), sg.recovery);
    o.set(QStringLiteral("Identity"), sg.identity());
    o.set(QStringLiteral("LogFilePrefix"), sg.logPrefix);
    o.set(QStringLiteral("LogFolderPath"), sg.logFolderPath);
    o.set(QStringLiteral("SystemFolderPath"), sg.systemFolderPath);
    o.set(QStringLiteral("CircularLoggingEnabled"), sg.circularLogging);
    return o;
}

PSObject mailboxDatabaseObject(const MailboxDatabaseRow &row, bool withStatus)
{
    PSObject o{QStringLiteral("MailboxDatabase"),
               {QStringLiteral("Name"), QStringLiteral("Server"), QStringLiteral("StorageGroup"),
                QStringLiteral("Recovery")},
               {}};
    if (withStatus)
        o.tableColumns << QStringLiteral("Mounted");
    o.set(QStringLiteral("Name"), row.database.name);
    o.set(QStringLiteral("Server"), row.storageGroup.server);
    o.set(QStringLiteral("StorageGroup"), row.storageGroup.identity());
    o.set(QStringLiteral("Recovery"), row.storageGroup.recovery);
    o.set(QStringLiteral("Identity"), row.identity());
    o.set(QStringLiteral("Guid"), row.database.guid.toString(QUuid::WithoutBraces));
    o.set(QStringLiteral("EdbFilePath"), row.database.edbFilePath);
    o.set(QStringLiteral("Mounted"), withStatus ? QVariant(row.mounted) : QVariant());
    // Not one of Exchange's fields: Exchange said why in event 1002 only. Shown with -Status, empty unless
    // the last mount failed.
    o.set(QStringLiteral("MountError"), withStatus ? QVariant(row.mountError) : QVariant());
    o.set(QStringLiteral("MountAtStartup"), row.database.mountAtStartup);
    o.set(QStringLiteral("AllowFileRestore"), row.database.allowFileRestore);
    return o;
}

PSObject mailboxObject(const MailboxEntry &entry)
{
    const MailboxRecord &m = entry.mailbox;
    PSObject o{QStringLiteral("Mailbox"),
               {QStringLiteral("Name"), QStringLiteral("Alias"), QStringLiteral("ServerName"),
                QStringLiteral("Database")},
               {}};
    o.set(QStringLiteral("Name"), m.name);
    o.set(QStringLiteral("Alias"), m.alias);
    o.set(QStringLiteral("ServerName"), entry.home.storageGroup.server);
    o.set(QStringLiteral("Database"), entry.home.identity());
    o.set(QStringLiteral("ObjectClass"), mailboxClassName(m.objectClass));
    o.set(QStringLiteral("Identity"), m.alias);
    o.set(QStringLiteral("Guid"), m.guid.toString(QUuid::WithoutBraces));
    o.set(QStringLiteral("DisplayName"), m.name);
    return o;
}

PSObject mailboxStatisticsObject(const MailboxStatistics &s)
{
    PSObject o{QStringLiteral("MailboxStatistics"),
               {QStringLiteral("DisplayName"), QStringLiteral("ItemCount"), QStringLiteral("TotalItemSize"),
                QStringLiteral("Database")},
               {}};
    o.set(QStringLiteral("DisplayName"), s.entry.mailbox.name);
    o.set(QStringLiteral("ItemCount"), static_cast<qlonglong>(s.itemCount));
    o.set(QStringLiteral("TotalItemSize"), static_cast<qlonglong>(s.totalItemSize));
    o.set(QStringLiteral("Database"), s.entry.home.identity());
    o.set(QStringLiteral("ServerName"), s.entry.home.storageGroup.server);
    o.set(QStringLiteral("ObjectClass"), mailboxClassName(s.entry.mailbox.objectClass));
    o.set(QStringLiteral("Identity"), s.entry.mailbox.alias);
    o.set(QStringLiteral("MailboxGuid"), s.entry.mailbox.guid.toString(QUuid::WithoutBraces));
    return o;
}

void setDiskProperties(PSObject &o, const HostDiskReport &report)
{
    o.set(QStringLiteral("DiskSizeGB"), cmdlets::gigabytes(report.capacityBytes));
    o.set(QStringLiteral("DiskUsedGB"), cmdlets::gigabytes(report.usedBytes));
    o.set(QStringLiteral("DiskFreeGB"), cmdlets::gigabytes(report.freeBytes));
    o.set(QStringLiteral("DiskSizeBytes"), static_cast<qlonglong>(report.capacityBytes));
    o.set(QStringLiteral("DiskUsedBytes"), static_cast<qlonglong>(report.usedBytes));
    o.set(QStringLiteral("DiskFreeBytes"), static_cast<qlonglong>(report.freeBytes));
    o.set(QStringLiteral("FillerBytes"), static_cast<qlonglong>(report.fillerBytes));
}

PSObject hostDiskObject(const HostDiskReport &report)
{
    PSObject o{QStringLiteral("HostDisk"),
               {QStringLiteral("Name"), QStringLiteral("DiskSizeGB"), QStringLiteral("DiskUsedGB"),
                QStringLiteral("DiskFreeGB"), QStringLiteral("FillerBytes")},
               {}};
    o.set(QStringLiteral("Name"), report.host);
    setDiskProperties(o, report);
    return o;
}

} // namespace scr::ems
