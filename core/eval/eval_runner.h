#pragma once
// One eval run: answer every item of a set (core/eval/eval_sets.h) with a target
// (core/eval/eval_targets.h), score each answer with the item's rubric, and store the run,
// every output and every score in the project (core/eval/eval_store.h).
//
//   tb::EvalRunOptions options;
//   options.set_name = "tickets";                     // or "validation", "general"
//   auto result = tb::run_eval(project, tb::EvalTarget::local("models/base", "out/adapter"), options, ctx);
//
// Reproducible: greedy by default; the run config stores the target, the template origin,
// max_new_tokens, sampling and seed, so the same settings give the same outputs. Judge
// criteria are left pending (needs_judge) for core/eval/judge.h. The run's parent is the
// train run named by the adapter's tunebench_run.json when it exists in this project.
// Setup errors (no template, missing set) throw before any run is created; a failure while
// generating marks the run failed, a cancellation marks it cancelled (then rethrows).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/eval/eval_sets.h"
#include "core/eval/eval_targets.h"
#include "core/eval/scorers.h"
#include "core/jobs/job.h"

namespace tb {

class ProjectFile;

struct EvalRunOptions {
    std::string set_name;
    GenerationSettings generation;
    ScoreOptions scoring;
    std::string run_name;                                    // "" -> "eval <set>: <target>"
    std::optional<std::int64_t> parent_run_id;               // overrides the adapter's tunebench_run.json
    std::size_t max_items = 0;                               // 0: all; else the first max_items (by id)
    nlohmann::json extra_config = nlohmann::json::object();  // merged into the run config (suite, probe)
};

struct EvalItemOutcome {
    std::string key;  // "golden:<id>" / "example:<id>"
    std::optional<std::int64_t> golden_item_id, example_id;
    std::vector<std::string> tags;
    std::string reference;
    std::string output;
    std::vector<std::int32_t> tokens;  // local targets only
    ItemScore score;
    std::int64_t output_id = 0;  // eval_outputs row
};

struct EvalRunResult {
    std::int64_t run_id = 0;
    std::string set_name;
    nlohmann::json config;
    std::vector<EvalItemOutcome> items;
    double pass_rate = 0.0;
    double mean_score = 0.0;
    std::size_t needs_judge = 0;  // items with judge criteria pending
};

// Loads the target, then evaluates. Throws tb::Error / tb::Cancelled.
EvalRunResult run_eval(ProjectFile& project, const EvalTarget& target, const EvalRunOptions& options,
                       const JobContext& ctx = {});

// Evaluates `set` with an already loaded generator (the regression suite loads the model
// once for several sets). options.set_name is ignored: the run is recorded under set.name.
EvalRunResult run_eval_set(ProjectFile& project, AnswerGenerator& generator, const EvalTarget& target,
                           const EvalSet& set, const EvalRunOptions& options, const JobContext& ctx = {});

}  // namespace tb
