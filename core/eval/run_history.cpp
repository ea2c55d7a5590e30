#include "core/eval/run_history.h"

#include <algorithm>
#include <set>

#include "core/common/error.h"
#include "core/eval/eval_sets.h"
#include "core/eval/eval_store.h"
#include "core/project/project_file.h"

namespace tb {

std::vector<EvalItemDetail> eval_run_items(const ProjectFile& project, std::int64_t run_id) {
    require_run(project, run_id, RunKind::Eval);

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
