#include "preparetarget.h"

#include "lab/lab.h"
#include "storagegroupcopy.h"
#include "validation.h"

namespace scr::cmdlets {

TargetObjects targetObjectsFor(const QString &copiedStorageGroup, const QString &standbyMachine,
                               const QString &databaseName, bool nameShared)
{
    const QString server = copiedStorageGroup.section(QLatin1Char('\\'), 0, 0);
    const QString prefix = nameShared ? server : QString();
    TargetObjects t;
    t.copiedStorageGroup = copiedStorageGroup;
    t.standbyMachine = standbyMachine;
    t.storageGroup = prefix + copiedStorageGroup.section(QLatin1Char('\\'), 1) + QStringLiteral("Target");
    t.database = prefix + databaseName + QStringLiteral("Target");
    t.temporaryPath = QStringLiteral("C:\\Temp\\") + t.storageGroup;
    return t;
}

Result<TargetObjects> targetObjectsFor(Lab &lab, const QString &storageGroup, const QString &standbyMachine)
{
    auto copy = findStorageGroupCopy(lab, storageGroup, standbyMachine);
    if (!copy)
        return copy.error();
    auto sg = lab.directory().storageGroup(copy->storageGroupId);
    if (!sg)
        return sg.error();
    auto dbs = lab.directory().databases(copy->storageGroupId);
    if (!dbs)
        return dbs.error();
    if (!*sg || dbs->size() != 1)
        return refuse(storageGroup, QStringLiteral("has no single database to copy"),
                      QStringLiteral("Get-MailboxDatabase lists its databases"));
    auto all = lab.directory().copies();
    if (!all)
        return all.error();
    bool shared = false;
    for (const ScrCopyRecord &other : *all) {
        if (other.storageGroupId == copy->storageGroupId ||
            other.standbyMachine.compare(copy->standbyMachine, Qt::CaseInsensitive) != 0)
            continue;
        auto otherSg = lab.directory().storageGroup(other.storageGroupId);
        if (!otherSg)
            return otherSg.error();
        if (*otherSg && (*otherSg)->name.compare((*sg)->name, Qt::CaseInsensitive) == 0)
            shared = true;
    }
    return targetObjectsFor((*sg)->identity(), copy->standbyMachine, dbs->front().name, shared);
}

} // namespace scr::cmdlets
