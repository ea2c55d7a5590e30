#pragma once
// Read-only queries over the project's runs (training and evaluation), for the GUI's run
// lists and charts and for reports: the runs rows, a training run's stored metric series,
// and an eval run's per-item outputs with their tags and its aggregate scores.
//
//     for (const tb::RunSummary& run : tb::list_runs(project, "train")) ...
//     auto metrics = tb::run_metrics(project, run.id);   // "train/loss" -> [(step, value)]
//     auto items = tb::eval_run_items(project, eval_run_id);
//     tb::EvalRunStats stats = tb::summarize_eval_items(items);
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/eval/compare.h"

namespace tb {

class ProjectFile;

struct RunSummary {
    std::int64_t id = 0;
    std::string kind;  // "train" | "eval"
    std::string name;
    std::optional<std::int64_t> parent_run_id;  // eval -> the train run it evaluates
    nlohmann::json config = nlohmann::json::object();
    std::string status;  // pending | running | completed | failed | cancelled
    // Why a training run ended (runs.stop_reason: all_steps, early_stopping, non_finite_loss,
    // non_finite_grad_norm, error, cancelled); "" for eval runs and runs still going.
    std::string stop_reason;
    std::string app_version;
    std::string created_at, started_at, ended_at;  // ISO 8601 UTC; "" when not set
};

// Runs in creation order (oldest first); `kind` filters ("train" or "eval").
std::vector<RunSummary> list_runs(const ProjectFile& project, const std::optional<std::string>& kind = std::nullopt);
std::optional<RunSummary> find_run(const ProjectFile& project, std::int64_t run_id);
// The human log stored with the run ("" when none).
std::string run_log(const ProjectFile& project, std::int64_t run_id);

// One metric's points, sorted by step.
using MetricSeries = std::vector<std::pair<std::int64_t, double>>;
// Every stored metric of a run by name ("train/loss", "train/lr", "val/loss", ...).
std::map<std::string, MetricSeries> run_metrics(const ProjectFile& project, std::int64_t run_id);

// One answer of an eval run, with what a report or a diff needs beside the verdict.
struct EvalItemDetail {
    std::string id;  // same scheme as load_eval_results: "golden:<id>", "example:<id>", "output:<id>"
    std::int64_t output_id = 0;
    std::string output;             // the model's answer
    std::string reference;          // the golden item's reference answer ("" for examples)
    std::vector<std::string> tags;  // as eval_sets.h tags items (example tags; a golden item's from examples
                                    // sharing its prompt), plus the output settings' "tags" array
    bool passed = false;
    double score = 0.0;
};

// Items of an eval run in output order (the latest "item" score row of each output; outputs
// without one, e.g. still waiting for a judge, are left out). Throws tb::Error when the run is
// missing or not an eval run.
std::vector<EvalItemDetail> eval_run_items(const ProjectFile& project, std::int64_t run_id);
// The same items as compare_runs input, tags attached.
std::vector<ItemResult> to_item_results(const std::vector<EvalItemDetail>& items);

struct ScoreStats {
    std::size_t items = 0;
    std::size_t passed = 0;
    double pass_rate = 0.0;   // passed / items (0 when empty)
    double mean_score = 0.0;  // 0 when empty
};

struct EvalRunStats {
    ScoreStats overall;
    std::map<std::string, ScoreStats> per_tag;  // an item with several tags counts in each
};

EvalRunStats summarize_eval_items(const std::vector<EvalItemDetail>& items);

}  // namespace tb
