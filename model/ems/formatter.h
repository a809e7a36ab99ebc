#pragma once
// Formatter: Format-Table and Format-List, laid out as Exchange Management Shell printed them.

#include "psobject.h"

namespace scr::ems {

QString formatValue(const QVariant &value); // True/False, numbers, text; "" for null
// Property names as PowerShell reads them: a name with a wildcard (* or ?, "LastLog*") stands for every
// property of o that it matches, in o's order, case-insensitive (none when nothing matches); other names
// stay.
QStringList expandPropertyNames(const PSObject &o, const QStringList &names);
// columns empty: the first object's tableColumns, or else all its properties.
QString formatTable(const std::vector<PSObject> &objects, QStringList columns = {});
QString formatList(const std::vector<PSObject> &objects, const QStringList &properties = {});
// EMS's default: a list for one object, a table for several.
QString formatDefault(const std::vector<PSObject> &objects);

} // namespace scr::ems
