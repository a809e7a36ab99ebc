#include "propertysheets.h"

#include "copyproperties.h"
#include "databaseproperties.h"
#include "models/consoleactions.h"
#include "models/copykey.h"
#include "storagegroupproperties.h"

#include <optional>

namespace scr {

PropertySheet *openPropertySheet(const ConsoleAction &action, const LabSnapshot &snapshot,
                                 PropertySheet::Run run, QWidget *parent)
{
    QString key;
    std::optional<CopyKey> copy;
    switch (action.kind) {
    case ConsoleAction::OpenCopyProperties:
        copy = CopyKey::parse(action.target);
        if (!copy)
            return nullptr;
        key = copy->toString();
        break;
    case ConsoleAction::OpenStorageGroupProperties:
        key = QStringLiteral("sg:") + action.target.toUpper();
        break;
    case ConsoleAction::OpenDatabaseProperties:
        key = QStringLiteral("db:") + action.target.toUpper();
        break;
    default:
        return nullptr;
    }
    for (PropertySheet *open : parent->findChildren<PropertySheet *>(QString(), Qt::FindDirectChildrenOnly))
        if (open->key() == key) {
            open->raise();
            open->activateWindow();
            return open;
        }
    PropertySheet *sheet = nullptr;
    if (copy)
        sheet = new CopyProperties(*copy, std::move(run), parent);
    else if (action.kind == ConsoleAction::OpenStorageGroupProperties)
        sheet = new StorageGroupProperties(action.target, std::move(run), parent);
    else
        sheet = new DatabaseProperties(action.target, std::move(run), parent);
    sheet->setAttribute(Qt::WA_DeleteOnClose);
    sheet->update(snapshot);
    sheet->show();
    return sheet;
}

} // namespace scr
