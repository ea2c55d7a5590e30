#include "ui/dataset/project_example_store.h"

#include "core/common/error.h"
#include "core/curation/tags.h"
#include "core/project/examples.h"
#include "core/project/project_checks.h"

namespace tbui {
namespace {

tb::ExampleFilter toCoreFilter(const ExampleFilter& filter) {
    tb::ExampleFilter core;
    core.tag = filter.tag.toStdString();
    core.split = filter.split.toStdString();
    core.finding_kind = filter.findingKind.toStdString();
    core.text = filter.search.toStdString();
    return core;
}

ExampleRow toRow(const tb::ExampleRow& row) {
    ExampleRow result;
    result.id = row.id;
    result.preview = QString::fromStdString(row.preview);
    result.turns = row.turns;
    for (const auto& tag : row.tags) result.tags << QString::fromStdString(tag);
    result.split = QString::fromStdString(row.split);
    result.created = QString::fromStdString(row.created_at);
    return result;
}

// One id through the keyset query: its row when it matches the filter, else nothing.
std::optional<tb::ExampleRow> rowIfMatching(const tb::ProjectFile& project, const tb::ExampleFilter& filter,
                                            std::int64_t id) {
    auto rows = tb::list_examples(project, filter, id - 1, 1);
    if (rows.empty() || rows.front().id != id) return std::nullopt;
    return std::move(rows.front());
}

}  // namespace

std::int64_t ProjectExampleStore::count(const ExampleFilter& filter, std::int64_t limit) {
    const tb::ExampleFilter core = toCoreFilter(filter);
    if (!filter.onlyIds) return tb::count_examples_up_to(project_, core, limit);
    // One finding names a handful of examples: check each.
    std::int64_t matching = 0;
    for (std::int64_t id : *filter.onlyIds)
        if (matching < limit && rowIfMatching(project_, core, id)) ++matching;
    return matching;
}

std::vector<ExampleRow> ProjectExampleStore::rowsAfter(const ExampleFilter& filter, std::int64_t afterId, int limit) {
    const tb::ExampleFilter core = toCoreFilter(filter);
    std::vector<ExampleRow> rows;
    if (!filter.onlyIds) {
        for (const auto& row : tb::list_examples(project_, core, afterId, static_cast<std::size_t>(limit)))
            rows.push_back(toRow(row));
        return rows;
    }
    // onlyIds is sorted ascending (ExampleBrowser sorts it).
    auto it = std::upper_bound(filter.onlyIds->begin(), filter.onlyIds->end(), afterId);
    for (; it != filter.onlyIds->end() && static_cast<int>(rows.size()) < limit; ++it) {
        if (auto row = rowIfMatching(project_, core, *it)) rows.push_back(toRow(*row));
    }
    return rows;
}

tb::Example ProjectExampleStore::example(std::int64_t id) {
    auto stored = tb::get_example(project_, id);
    if (!stored) throw tb::Error("example " + std::to_string(id) + " does not exist in " + project_.path());
    return std::move(stored->example);
}

QStringList ProjectExampleStore::tagNames() {
    QStringList names;
    for (const tb::TagCount& tag : tb::list_tags(project_)) names << QString::fromStdString(tag.name);
    return names;
}

QStringList ProjectExampleStore::findingKinds() {
    QStringList kinds;
    for (const std::string& kind : tb::latest_finding_kinds(project_)) kinds << QString::fromStdString(kind);
    return kinds;
}

}  // namespace tbui
