#include "core/project/project_stats.h"

#include "core/project/examples.h"
#include "core/project/runs.h"

namespace tb {
namespace {

std::size_t count_of(const ProjectFile& project, const char* sql) {
    return static_cast<std::size_t>(query_int64(project.handle(), sql).value_or(0));
}

}  // namespace

nlohmann::json ProjectStats::to_json() const {
    nlohmann::json latest = nullptr;
    if (latest_check_at) latest = {{"created_at", *latest_check_at}, {"findings", findings}};
    return {{"examples", data.examples}, {"data", data.to_json()}, {"splits", splits},           {"tags", tags},
            {"imports", imports},        {"reviews", reviews},     {"golden_sets", golden_sets}, {"runs", runs},
            {"latest_check", latest}};
}

ProjectStats compute_project_stats(const ProjectFile& project) {
    ProjectStats stats;
    DatasetStats& data = stats.data;
    // One row per message, grouped by example (id order). length() counts characters.
    auto messages = project.prepare(
        "SELECT e.id, e.turns, json_extract(m.value, '$.role'), coalesce(length(json_extract(m.value, '$.content')), "
        "0) "
        "FROM examples AS e, json_each(e.messages, '$.messages') AS m ORDER BY e.id");
    std::int64_t current = 0;
    std::size_t chars = 0;
    auto close_example = [&] {
        if (current != 0) data.char_lengths.push_back(chars);
    };
    while (messages.step()) {
        std::int64_t id = messages.column_int64(0);
        if (id != current) {
            close_example();
            current = id;
            chars = 0;
            ++data.examples;
            ++data.turns_histogram[static_cast<std::size_t>(messages.column_int64(1))];
        }
        ++data.messages;
        ++data.messages_by_role[messages.column_text(2)];
        chars += static_cast<std::size_t>(messages.column_int64(3));
    }
    close_example();
    // Examples without any message do not appear in the join above.
    std::size_t empty = count_of(project, "SELECT count(*) FROM examples WHERE turns = 0");
    for (std::size_t i = 0; i < empty; ++i) {
        ++data.examples;
        ++data.turns_histogram[0];
        data.char_lengths.push_back(0);
    }

    auto splits = project.prepare(
        "SELECT s.split, count(*) FROM examples AS e LEFT JOIN splits AS s ON s.example_id = e.id GROUP BY 1");
    while (splits.step()) {
        const auto split = splits.column_optional_text(0);
        stats.splits[split ? *split : kUnassignedSplit] = static_cast<std::size_t>(splits.column_int64(1));
    }
    auto tags = project.prepare(
        "SELECT t.name, count(et.example_id) FROM tags AS t LEFT JOIN example_tags AS et ON et.tag_id = t.id "
        "GROUP BY t.id ORDER BY t.name");
    while (tags.step()) stats.tags[tags.column_text(0)] = static_cast<std::size_t>(tags.column_int64(1));

    stats.imports = count_of(project, "SELECT count(*) FROM import_reports");
    stats.reviews = count_of(project, "SELECT count(*) FROM reviews");
    stats.golden_sets = count_of(project, "SELECT count(*) FROM golden_sets");
    stats.runs = static_cast<std::size_t>(count_runs(project));

    auto check = project.prepare("SELECT id, created_at FROM check_reports ORDER BY id DESC LIMIT 1");
    if (check.step()) {
        stats.latest_check_at = check.column_text(1);
        auto kinds = project.prepare("SELECT kind, count(*) FROM check_findings WHERE report_id = ? GROUP BY kind");
        kinds.bind(1, check.column_int64(0));
        while (kinds.step()) stats.findings[kinds.column_text(0)] = static_cast<std::size_t>(kinds.column_int64(1));
    }
    return stats;
}

}  // namespace tb
