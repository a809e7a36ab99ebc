#pragma once
// PSObject: what a cmdlet writes to the pipeline: a type name, ordered properties, and the columns its
// default table shows (Get-StorageGroupCopyStatus: Name, SummaryCopyStatus, CopyQueueLength, ...).

#include <optional>
#include <utility>
#include <vector>

#include <QStringList>
#include <QVariant>

namespace scr::ems {

struct PSObject
{
    QString typeName;
    QStringList tableColumns;
    std::vector<std::pair<QString, QVariant>> properties;
    bool alwaysTable =
        false; // the type has a table view in EMS (Get-StorageGroupCopyStatus): even one is a table
    // What the default view prints after the objects, from the last one, when it is not a property: dir's
    // "N bytes free" (the formatter adds the file and folder counts of the objects shown).
    QString footer = {};

    PSObject &set(const QString &name, const QVariant &value)
    {
        for (auto &[key, v] : properties)
            if (key.compare(name, Qt::CaseInsensitive) == 0) {
                v = value;
                return *this;
            }
        properties.emplace_back(name, value);
        return *this;
    }
    std::optional<QVariant> property(const QString &name) const
    {
        for (const auto &[key, v] : properties)
            if (key.compare(name, Qt::CaseInsensitive) == 0)
                return v;
        return std::nullopt;
    }
};

} // namespace scr::ems
