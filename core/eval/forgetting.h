#pragma once
// Catastrophic forgetting: the general-purpose set (core/eval/eval_sets.h, "general")
// scored for the base model and the tuned one, item by item. The paired difference of item
// scores (tuned − base) gets a paired bootstrap 95% CI (core/stats/bootstrap.h). Flagged
// when the mean score drops by more than max_mean_drop (default 0.05), or when the whole
// CI lies below 0 (a small but real loss).
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/eval/compare.h"
#include "core/eval/eval_runner.h"
#include "core/stats/bootstrap.h"

namespace tb {

class ProjectFile;

struct ForgettingOptions {
    double max_mean_drop = 0.05;
    BootstrapOptions bootstrap;
};

struct ForgettingReport {
    std::int64_t base_run_id = 0, tuned_run_id = 0;  // 0 when computed from results directly
    std::size_t items = 0;                           // paired items
    std::size_t unpaired = 0;                        // items in one run only (left out)
    double base_mean_score = 0.0, tuned_mean_score = 0.0;
    double base_pass_rate = 0.0, tuned_pass_rate = 0.0;
    BootstrapInterval score_diff;  // mean(tuned − base) with its CI
    bool flagged = false;
    std::string reason;
    nlohmann::json to_json() const;
};

// Throws tb::Error when no item is in both.
ForgettingReport assess_forgetting(const std::vector<ItemResult>& base, const std::vector<ItemResult>& tuned,
                                   const ForgettingOptions& options = {});
// From two stored eval runs.
ForgettingReport assess_forgetting(const ProjectFile& project, std::int64_t base_run_id, std::int64_t tuned_run_id,
                                   const ForgettingOptions& options = {});

// Evaluates the general set (options.set_name, default "general") with both targets, then
// assesses. The two runs are stored with config "probe": "forgetting".
ForgettingReport measure_forgetting(ProjectFile& project, const EvalTarget& base, const EvalTarget& tuned,
                                    EvalRunOptions options = {}, const ForgettingOptions& forgetting = {},
                                    const JobContext& ctx = {});

}  // namespace tb
