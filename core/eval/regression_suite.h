#pragma once
// Regression suites: named lists of golden sets (plus, optionally, the general set for
// forgetting) evaluated on demand or after every training run, each new run compared with
//   (a) the base model's latest completed run on the same set (same model folder, no
//       adapter): what fine-tuning gained or lost, and
//   (b) the previous run on the same set of the same model folder with an adapter (or,
//       for endpoints, of the same endpoint): what this run changed against the last one.
// Comparisons are core/eval/compare.h (McNemar, paired bootstrap, per tag, gate). When the
// base model has no run on a set yet, it is evaluated first (evaluate_base_when_missing).
//
// Stored in project_meta under "eval.suite.<name>" as JSON:
//   {"name": "...", "golden_sets": ["tickets", ...], "include_general": true,
//    "run_after_training": true}
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/eval/compare.h"
#include "core/eval/eval_runner.h"
#include "core/eval/forgetting.h"

namespace tb {

class ProjectFile;

struct RegressionSuite {
    std::string name;
    std::vector<std::string> golden_sets;
    bool include_general = false;
    bool run_after_training = true;
    nlohmann::json to_json() const;
    static RegressionSuite from_json(const nlohmann::json& j);  // throws tb::Error naming the key
};

// Validates (name not empty, at least one set, the golden sets exist) and stores; replaces
// a suite of the same name.
void save_regression_suite(ProjectFile& project, const RegressionSuite& suite);
std::optional<RegressionSuite> load_regression_suite(const ProjectFile& project, const std::string& name);
std::vector<RegressionSuite> list_regression_suites(const ProjectFile& project);  // by name
bool delete_regression_suite(ProjectFile& project, const std::string& name);      // false: none
// The suites flagged run_after_training: what the trainer's caller (GUI, CLI) runs next.
std::vector<RegressionSuite> suites_to_run_after_training(const ProjectFile& project);

struct SuiteSetResult {
    std::string set;
    std::int64_t run_id = 0;
    double pass_rate = 0.0, mean_score = 0.0;
    std::optional<std::int64_t> base_run_id, previous_run_id;
    std::optional<Comparison> vs_base, vs_previous;
};

struct RegressionSuiteResult {
    std::string suite;
    std::vector<SuiteSetResult> sets;
    std::optional<ForgettingReport> forgetting;  // general set vs the base model
    std::vector<std::string> regressions;        // "tickets vs base: overall: McNemar p=..." lines
    bool has_regression() const { return !regressions.empty(); }
    nlohmann::json to_json() const;
};

struct RegressionSuiteOptions {
    EvalRunOptions eval;  // generation and scoring settings (set_name ignored)
    CompareOptions compare;
    ForgettingOptions forgetting;
    bool evaluate_base_when_missing = true;  // local targets with an adapter only
};

// Latest completed eval run on `set` by the base model folder (no adapter), excluding `except`.
std::optional<std::int64_t> latest_base_run(const ProjectFile& project, const std::string& set,
                                            const std::string& model_dir_abs, std::optional<std::int64_t> except = {});
// The latest completed eval run on `set` before `run_id` whose target matches it as (b) above.
std::optional<std::int64_t> previous_run(const ProjectFile& project, const std::string& set, std::int64_t run_id);

RegressionSuiteResult run_regression_suite(ProjectFile& project, const RegressionSuite& suite, const EvalTarget& target,
                                           const RegressionSuiteOptions& options = {}, const JobContext& ctx = {});

}  // namespace tb
