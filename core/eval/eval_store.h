#pragma once
// Eval runs' answers in the project file: one eval_outputs row per answer and its
// per-criterion scores in eval_scores. The runs row itself (kind Eval: create, finish, find,
// list) is core/project/runs.h.
//
// Besides one row per scored criterion (criterion = criterion_name(), scorer = the
// record's scorer, detail = JSON {"weight", "critical", "detail"}), every output gets one
// summary row, criterion "item", holding the weighted item score with detail JSON
// {"passed", "critical_failed", "needs_judge"}: loading results for a comparison then
// needs neither the rubric nor a re-score, and a later rubric edit does not rewrite the
// verdict of a finished run. Judge criteria still waiting for a judge have no row (the
// score column cannot be empty); a judge stores its own rows later under its scorer name.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/eval/compare.h"
#include "core/eval/scorers.h"

namespace tb {

class ProjectFile;

inline constexpr const char* kItemCriterion = "item";

struct EvalOutputRecord {
    std::optional<std::int64_t> golden_item_id;
    std::optional<std::int64_t> example_id;
    std::string output;
    nlohmann::json settings = nlohmann::json::object();  // sampling, seed, adapter
    ItemScore score;
    std::string scorer = "rubric";
};

// All outputs and their scores in one transaction; returns the eval_outputs ids in order.
// Throws tb::Error when the run is missing or is not an eval run.
std::vector<std::int64_t> store_eval_outputs(ProjectFile& project, std::int64_t run_id,
                                             const std::vector<EvalOutputRecord>& records);

// Per-item results of a run for compare_runs: id = "golden:<id>" (or "example:<id>",
// or "output:<id>" when neither is set), pass and score from the "item" row. Tags are left
// empty: the caller attaches whatever grouping it compares by. A run that answered the same
// item twice (several samples) yields the id twice, which compare_runs rejects: aggregate first.
std::vector<ItemResult> load_eval_results(const ProjectFile& project, std::int64_t run_id);
// load_eval_results with each item's current tags (core/eval/eval_sets.h: an example's own
// tags, a golden item's from the examples sharing its prompt), for per-tag comparisons.
std::vector<ItemResult> load_tagged_eval_results(const ProjectFile& project, std::int64_t run_id);

struct StoredCriterionScore {
    std::string criterion;  // "1:exact", "3:judge", ...
    double score = 0.0;
    std::string scorer;
    nlohmann::json detail;  // {"weight", "critical", "detail"} as stored (a judge may store more)
};

// One answer of a run with its verdict as stored now: the latest "item" row, and per
// criterion the latest row of any scorer (a judge's rows count once they exist).
struct StoredEvalOutput {
    std::int64_t output_id = 0;
    std::optional<std::int64_t> golden_item_id, example_id;
    std::string key;  // "golden:<id>", "example:<id>" or "output:<id>"
    std::string output;
    nlohmann::json settings;
    double score = 0.0;
    bool passed = false;
    bool needs_judge = false;
    bool scored = false;                         // false: no "item" row (never scored)
    std::vector<StoredCriterionScore> criteria;  // by criterion name
};
std::vector<StoredEvalOutput> load_eval_outputs(const ProjectFile& project, std::int64_t run_id);

struct EvalRunSummary {
    std::size_t items = 0, passed = 0, needs_judge = 0;
    double pass_rate = 0.0;   // passed / items (0 for no items)
    double mean_score = 0.0;  // mean item score
    nlohmann::json to_json() const;
};
// From the stored rows, so a judge's later verdicts are included.
EvalRunSummary summarise_eval_outputs(const std::vector<StoredEvalOutput>& outputs);

}  // namespace tb
