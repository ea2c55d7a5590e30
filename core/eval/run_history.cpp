#include "core/eval/run_history.h"

#include <algorithm>
#include <set>

#include "core/common/error.h"
#include "core/eval/eval_sets.h"
#include "core/eval/eval_store.h"
#include "core/project/project_file.h"

namespace tb {
namespace {

constexpr const char* kRunColumns =
    "SELECT id, kind, name, parent_run_id, config, status, app_version, created_at, "
    "COALESCE(started_at, ''), COALESCE(ended_at, ''), COALESCE(stop_reason, '') FROM runs";

RunSummary read_run(const Statement& s) {
    RunSummary run;
    run.id = s.column_int64(0);
    run.kind = s.column_text(1);
    run.name = s.column_text(2);
    run.parent_run_id = s.column_optional_int64(3);
    // The column is CHECKed json_valid, but an older file may hold anything: never throw here.
    run.config = nlohmann::json::parse(s.column_text(4), nullptr, false);
    if (run.config.is_discarded()) run.config = nlohmann::json::object();
    run.status = s.column_text(5);
    run.app_version = s.column_text(6);
    run.created_at = s.column_text(7);
    run.started_at = s.column_text(8);
    run.ended_at = s.column_text(9);
    run.stop_reason = s.column_text(10);
    return run;
}

}  // namespace

std::vector<RunSummary> list_runs(const ProjectFile& project, const std::optional<std::string>& kind) {
    std::string sql = kRunColumns;
    if (kind) sql += " WHERE kind = ?";
    sql += " ORDER BY id";
    auto s = project.prepare(sql);
    if (kind) s.bind(1, *kind);
    std::vector<RunSummary> runs;
    while (s.step()) runs.push_back(read_run(s));
    return runs;
}

std::optional<RunSummary> find_run(const ProjectFile& project, std::int64_t run_id) {
    auto s = project.prepare(std::string(kRunColumns) + " WHERE id = ?");
    s.bind(1, run_id);
    if (!s.step()) return std::nullopt;
    return read_run(s);
}

std::string run_log(const ProjectFile& project, std::int64_t run_id) {
    auto s = project.prepare("SELECT log FROM runs WHERE id = ?");
    s.bind(1, run_id);
    return s.step() ? s.column_text(0) : std::string();
}

std::map<std::string, MetricSeries> run_metrics(const ProjectFile& project, std::int64_t run_id) {
    auto s = project.prepare("SELECT name, step, value FROM run_metrics WHERE run_id = ? ORDER BY name, step");
    s.bind(1, run_id);
    std::map<std::string, MetricSeries> metrics;
    while (s.step()) metrics[s.column_text(0)].emplace_back(s.column_int64(1), s.column_double(2));
    return metrics;
}

std::vector<EvalItemDetail> eval_run_items(const ProjectFile& project, std::int64_t run_id) {
    auto run = find_run(project, run_id);
    if (!run) throw Error("eval run " + std::to_string(run_id) + " does not exist");
    if (run->kind != "eval")
        throw Error("run " + std::to_string(run_id) + " is a " + run->kind + " run, not an eval run");

    // The latest "item" row per output, as load_eval_results reads it (a judge or a re-score
    // may add rows later).
    auto s = project.prepare(
        "SELECT o.id, o.golden_item_id, o.example_id, o.output, o.settings, sc.score, sc.detail, "
        "COALESCE(g.reference, '') "
        "FROM eval_outputs o JOIN eval_scores sc ON sc.output_id = o.id AND sc.criterion = ? "
        "LEFT JOIN golden_items g ON g.id = o.golden_item_id "
        "WHERE o.run_id = ? AND sc.id = (SELECT MAX(id) FROM eval_scores WHERE output_id = o.id AND criterion = ?) "
        "ORDER BY o.id");
    s.bind(1, kItemCriterion).bind(2, run_id).bind(3, kItemCriterion);
    // Tags as the rest of eval groups items (core/eval/eval_sets.h): an example's own tags, a
    // golden item's from the examples sharing its prompt.
    const auto example_tags = example_tags_by_id(project);
    const auto golden_tags = golden_item_tags(project);

    std::vector<EvalItemDetail> items;
    while (s.step()) {
        EvalItemDetail item;
        item.output_id = s.column_int64(0);
        auto golden = s.column_optional_int64(1);
        auto example = s.column_optional_int64(2);
        if (golden)
            item.id = "golden:" + std::to_string(*golden);
        else if (example)
            item.id = "example:" + std::to_string(*example);
        else
            item.id = "output:" + std::to_string(item.output_id);
        item.output = s.column_text(3);
        item.score = s.column_double(5);
        auto detail = nlohmann::json::parse(s.column_text(6), nullptr, false);
        item.passed = detail.is_object() && detail.value("passed", false);
        item.reference = s.column_text(7);

        // Plus whatever tags the eval run stored with the output itself.
        std::set<std::string> tags;
        if (example) {
            if (auto it = example_tags.find(*example); it != example_tags.end())
                tags.insert(it->second.begin(), it->second.end());
        } else if (golden) {
            if (auto it = golden_tags.find(*golden); it != golden_tags.end())
                tags.insert(it->second.begin(), it->second.end());
        }
        auto settings = nlohmann::json::parse(s.column_text(4), nullptr, false);
        if (settings.is_object() && settings.contains("tags") && settings["tags"].is_array()) {
            for (const auto& tag : settings["tags"])
                if (tag.is_string()) tags.insert(tag.get<std::string>());
        }
        item.tags.assign(tags.begin(), tags.end());
        items.push_back(std::move(item));
    }
    return items;
}

std::vector<ItemResult> to_item_results(const std::vector<EvalItemDetail>& items) {
    std::vector<ItemResult> results;
    results.reserve(items.size());
    for (const auto& item : items) results.push_back(ItemResult{item.id, item.passed, item.score, item.tags});
    return results;
}

EvalRunStats summarize_eval_items(const std::vector<EvalItemDetail>& items) {
    struct Sums {
        std::size_t items = 0, passed = 0;
        double score = 0.0;
        void add(const EvalItemDetail& item) {
            ++items;
            passed += item.passed ? 1 : 0;
            score += item.score;
        }
        ScoreStats stats() const {
            ScoreStats out;
            out.items = items;
            out.passed = passed;
            if (items) {
                out.pass_rate = double(passed) / double(items);
                out.mean_score = score / double(items);
            }
            return out;
        }
    };
    Sums overall;
    std::map<std::string, Sums> per_tag;
    for (const auto& item : items) {
        overall.add(item);
        for (const auto& tag : item.tags) per_tag[tag].add(item);
    }
    EvalRunStats stats;
    stats.overall = overall.stats();
    for (const auto& [tag, sums] : per_tag) stats.per_tag[tag] = sums.stats();
    return stats;
}

}  // namespace tb
