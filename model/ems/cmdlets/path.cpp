// Test-Path: whether a file or folder (or, with a wildcard, anything matching) is on the session's host.

#include "hostfiles.h"

namespace scr::ems {

void registerPathCmdlets(CmdletRegistry &r)
{
    r.add({.name = QStringLiteral("Test-Path"),
           .synopsis = QStringLiteral("True when a file or folder exists on the session's host."),
           .parameters = {{.name = QStringLiteral("Path"), .position = 0, .mandatory = true}},
           .needsLab = false,
           .run = [](CmdletContext &ctx, const BoundParameters &b, const Objects &) -> Result<Objects> {
               auto typed = typedPath(ctx, QStringLiteral("Test-Path"), b.string(QStringLiteral("Path")));
               if (!typed)
                   return typed.error();
               auto entry = entryAt(typed->disk, typed->named); // a link is no answer: it is refused, named
               if (!entry)
                   return entry.error();
               bool exists = entry->has_value();
               if (typed->wildcard) { // True when anything in the folder matches
                   exists = exists && (**entry).kind == DiskEntry::Kind::Folder;
                   if (exists) {
                       auto matches = matchesOf(typed->disk, *typed->wildcard);
                       if (!matches)
                           return matches.error();
                       exists = !matches->empty();
                   }
               }
               PSObject o{QStringLiteral("Text"), {QStringLiteral("Output")}, {}};
               o.set(QStringLiteral("Output"), exists ? QStringLiteral("True") : QStringLiteral("False"));
               return Objects{o};
           }});
}

} // namespace scr::ems
