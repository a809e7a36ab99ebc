#include "columnstate.h"

#include <algorithm>
#include <vector>

#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace scr {
namespace {

// 1: {"format": "scr-columns", "version": 1, "columns": [{"field", "visual", "hidden", "width"}],
// "sortField", "sortOrder"}. Raise it when the meaning of a key changes; restore ignores other versions.
constexpr int kVersion = 1;
const QString kFormat = QStringLiteral("scr-columns");

} // namespace

QByteArray saveColumns(const QHeaderView *header, const QStringList &keys)
{
    QJsonArray columns;
    for (int logical = 0; logical < header->count() && logical < keys.size(); ++logical)
        columns.append(QJsonObject{{QStringLiteral("field"), keys.at(logical)},
                                   {QStringLiteral("visual"), header->visualIndex(logical)},
                                   {QStringLiteral("hidden"), header->isSectionHidden(logical)},
                                   {QStringLiteral("width"), header->sectionSize(logical)}});
    QJsonObject state{{QStringLiteral("format"), kFormat},
                      {QStringLiteral("version"), kVersion},
                      {QStringLiteral("columns"), columns}};
    const int sorted = header->sortIndicatorSection();
    if (header->isSortIndicatorShown() && sorted >= 0 && sorted < keys.size()) {
        state.insert(QStringLiteral("sortField"), keys.at(sorted));
        state.insert(QStringLiteral("sortOrder"), static_cast<int>(header->sortIndicatorOrder()));
    }
    return QJsonDocument(state).toJson(QJsonDocument::Compact);
}

bool restoreColumns(QHeaderView *header, const QStringList &keys, const QByteArray &state)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(state, &error);
    const QJsonObject root = document.object();
    if (error.error != QJsonParseError::NoError ||
        root.value(QStringLiteral("format")).toString() != kFormat ||
        root.value(QStringLiteral("version")).toInt() != kVersion)
        return false;
    // The saved columns this view still has, in their saved visual order; the others follow in the view's.
    std::vector<std::pair<int, int>> placed; // saved visual index, logical index
    std::vector<bool> known(static_cast<std::size_t>(header->count()), false);
    for (const QJsonValue &v : root.value(QStringLiteral("columns")).toArray()) {
        const QJsonObject column = v.toObject();
        const int logical = static_cast<int>(keys.indexOf(column.value(QStringLiteral("field")).toString()));
        if (logical < 0 || logical >= header->count() || known[static_cast<std::size_t>(logical)])
            continue;
        known[static_cast<std::size_t>(logical)] = true;
        placed.emplace_back(column.value(QStringLiteral("visual")).toInt(), logical);
        header->setSectionHidden(logical, column.value(QStringLiteral("hidden")).toBool());
        if (const int width = column.value(QStringLiteral("width")).toInt(); width > 0)
            header->resizeSection(logical, width);
    }
    std::stable_sort(placed.begin(), placed.end());
    std::vector<int> order;
    for (const auto &[visual, logical] : placed)
        order.push_back(logical);
    for (int visual = 0; visual < header->count(); ++visual)
        if (const int logical = header->logicalIndex(visual); !known[static_cast<std::size_t>(logical)])
            order.push_back(logical);
    for (int visual = 0; visual < static_cast<int>(order.size()); ++visual)
        header->moveSection(header->visualIndex(order[static_cast<std::size_t>(visual)]), visual);
    if (const int sorted = static_cast<int>(keys.indexOf(root.value(QStringLiteral("sortField")).toString()));
        sorted >= 0 && sorted < header->count())
        header->setSortIndicator(sorted,
                                 static_cast<Qt::SortOrder>(root.value(QStringLiteral("sortOrder")).toInt()));
    return true;
}

} // namespace scr
