#include "core/eval/eval_store.h"

#include <map>

#include <sqlite3.h>

#include "core/common/error.h"
#include "core/eval/eval_sets.h"
#include "core/project/project_file.h"
#include "core/project/runs.h"

namespace tb {
namespace {

void require_eval_run(const ProjectFile& project, std::int64_t run_id) { require_run(project, run_id, RunKind::Eval); }

}  // namespace

std::vector<std::int64_t> store_eval_outputs(ProjectFile& project, std::int64_t run_id,
                                             const std::vector<EvalOutputRecord>& records) {
    return project.transaction([&] {
        require_eval_run(project, run_id);
        std::vector<std::int64_t> ids;
        ids.reserve(records.size());
        auto output = project.prepare(
            "INSERT INTO eval_outputs(run_id, golden_item_id, example_id, output, settings) VALUES (?, ?, ?, ?, ?)");
        auto score = project.prepare(
            "INSERT INTO eval_scores(output_id, criterion, score, scorer, detail) VALUES (?, ?, ?, ?, ?)");
        for (const auto& r : records) {
            output.reset();
            output.bind(1, run_id)
                .bind(2, r.golden_item_id)
                .bind(3, r.example_id)
                .bind(4, r.output)
                .bind(5, r.settings.is_null() ? std::string("{}") : r.settings.dump());
            output.run();
            const std::int64_t output_id = sqlite3_last_insert_rowid(project.handle());
            ids.push_back(output_id);
            for (const auto& c : r.score.criteria) {
                if (c.needs_judge()) continue;
                nlohmann::json detail{{"weight", c.weight}, {"critical", c.critical}, {"detail", c.detail}};
                score.reset();
                score.bind(1, output_id).bind(2, c.name).bind(3, *c.score).bind(4, r.scorer).bind(5, detail.dump());
                score.run();
            }
            nlohmann::json summary{{"passed", r.score.passed},
                                   {"critical_failed", r.score.critical_failed},
                                   {"needs_judge", r.score.needs_judge}};
            score.reset();
            score.bind(1, output_id)
                .bind(2, kItemCriterion)
                .bind(3, r.score.score)
                .bind(4, r.scorer)
                .bind(5, summary.dump());
            score.run();
        }
        return ids;
    });
}

std::vector<ItemResult> load_eval_results(const ProjectFile& project, std::int64_t run_id) {
    require_eval_run(project, run_id);
    // The latest "item" row per output (a re-score or a judge may add another scorer's row).
    auto s = project.prepare(
        "SELECT o.id, o.golden_item_id, o.example_id, sc.score, sc.detail "
        "FROM eval_outputs o JOIN eval_scores sc ON sc.output_id = o.id AND sc.criterion = ? "
        "WHERE o.run_id = ? AND sc.id = (SELECT MAX(id) FROM eval_scores WHERE output_id = o.id AND criterion = ?) "
        "ORDER BY o.id");
    s.bind(1, kItemCriterion).bind(2, run_id).bind(3, kItemCriterion);
    std::vector<ItemResult> out;
    while (s.step()) {
        ItemResult r;
        if (auto golden = s.column_optional_int64(1))
            r.id = "golden:" + std::to_string(*golden);
        else if (auto example = s.column_optional_int64(2))
            r.id = "example:" + std::to_string(*example);
        else
            r.id = "output:" + std::to_string(s.column_int64(0));
        r.score = s.column_double(3);
        auto detail = nlohmann::json::parse(s.column_text(4), nullptr, false);
        r.passed = detail.is_object() && detail.value("passed", false);
        out.push_back(std::move(r));
    }
    return out;
}

std::vector<ItemResult> load_tagged_eval_results(const ProjectFile& project, std::int64_t run_id) {
    auto results = load_eval_results(project, run_id);
    const auto example_tags = example_tags_by_id(project);
    const auto golden_tags = golden_item_tags(project);
    for (auto& r : results) {
        const auto colon = r.id.find(':');
        const auto kind = r.id.substr(0, colon);
        const std::int64_t id = std::stoll(r.id.substr(colon + 1));
        const auto& source = kind == "golden" ? golden_tags : example_tags;
        if (kind == "output") continue;
        if (auto it = source.find(id); it != source.end()) r.tags = it->second;
    }
    return results;
}

std::vector<StoredEvalOutput> load_eval_outputs(const ProjectFile& project, std::int64_t run_id) {
    require_eval_run(project, run_id);
    std::vector<StoredEvalOutput> out;
    std::map<std::int64_t, std::size_t> index;
    {
        auto s = project.prepare(
            "SELECT id, golden_item_id, example_id, output, settings FROM eval_outputs WHERE run_id = ? ORDER BY id");
        s.bind(1, run_id);
        while (s.step()) {
            StoredEvalOutput o;
            o.output_id = s.column_int64(0);
            o.golden_item_id = s.column_optional_int64(1);
            o.example_id = s.column_optional_int64(2);
            if (o.golden_item_id)
                o.key = "golden:" + std::to_string(*o.golden_item_id);
            else if (o.example_id)
                o.key = "example:" + std::to_string(*o.example_id);
            else
                o.key = "output:" + std::to_string(o.output_id);
            o.output = s.column_text(3);
            o.settings = nlohmann::json::parse(s.column_text(4), nullptr, false);
            if (o.settings.is_discarded()) o.settings = nlohmann::json::object();
            index[o.output_id] = out.size();
            out.push_back(std::move(o));
        }
    }
    // Rows in id order: a later row of the same criterion replaces an earlier one.
    auto s = project.prepare(
        "SELECT sc.output_id, sc.criterion, sc.score, sc.scorer, sc.detail FROM eval_scores sc "
        "JOIN eval_outputs o ON o.id = sc.output_id WHERE o.run_id = ? ORDER BY sc.id");
    s.bind(1, run_id);
    std::vector<std::map<std::string, StoredCriterionScore>> criteria(out.size());
    while (s.step()) {
        auto& o = out[index.at(s.column_int64(0))];
        StoredCriterionScore c;
        c.criterion = s.column_text(1);
        c.score = s.column_double(2);
        c.scorer = s.column_text(3);
        c.detail = nlohmann::json::parse(s.column_text(4), nullptr, false);
        if (c.detail.is_discarded()) c.detail = s.column_text(4);
        if (c.criterion == kItemCriterion) {
            o.scored = true;
            o.score = c.score;
            o.passed = c.detail.is_object() && c.detail.value("passed", false);
            o.needs_judge = c.detail.is_object() && c.detail.value("needs_judge", false);
        } else {
            criteria[index.at(o.output_id)][c.criterion] = std::move(c);
        }
    }
    for (std::size_t i = 0; i < out.size(); ++i)
        for (auto& [_, c] : criteria[i]) out[i].criteria.push_back(std::move(c));
    return out;
}

EvalRunSummary summarise_eval_outputs(const std::vector<StoredEvalOutput>& outputs) {
    EvalRunSummary s;
    double total = 0.0;
    for (const auto& o : outputs) {
        ++s.items;
        if (o.passed) ++s.passed;
        if (o.needs_judge) ++s.needs_judge;
        total += o.score;
    }
    if (s.items) {
        s.pass_rate = static_cast<double>(s.passed) / static_cast<double>(s.items);
        s.mean_score = total / static_cast<double>(s.items);
    }
    return s;
}

nlohmann::json EvalRunSummary::to_json() const {
    return {{"items", items},
            {"passed", passed},
            {"needs_judge", needs_judge},
            {"pass_rate", pass_rate},
            {"mean_score", mean_score}};
}

}  // namespace tb
