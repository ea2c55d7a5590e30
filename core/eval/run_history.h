#pragma once
// Read-only queries over an eval run's results, for the GUI's diffs and for reports: its
// per-item outputs with their tags and its aggregate scores. The runs rows themselves, their
// metrics and logs are core/project/runs.h.
//
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
#include "core/project/runs.h"

namespace tb {

class ProjectFile;

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
