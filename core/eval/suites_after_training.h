#pragma once
// The regression suites flagged run_after_training, run on what a training run produced: the
// base model plus the adapter it wrote, with the chat template the run trained with when it
// named one explicitly (else the adapter brings its own). The CLI (`train`) and the GUI (after
// a queued run) both call this, so a base model without a template evaluates the same way in
// both. Everything is read from the run's row: its stored config says model, output folder,
// method and template.
//
//     for (const tb::SuiteOutcome& o : tb::run_suites_after_training(project, result.run_id, options, ctx))
//         if (o.result && o.result->has_regression()) ...
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/eval/regression_suite.h"

namespace tb {

class ProjectFile;

struct SuitesAfterTraining {
    std::vector<RegressionSuite> suites;  // flagged run_after_training, by name
    std::optional<EvalTarget> target;     // what they evaluate; unset when nothing runs
    std::string skipped;                  // why nothing runs though suites are flagged ("" otherwise)
};

// What run_suites_after_training would run for training run `train_run_id`. Nothing runs (no
// target, `skipped` says why) for a run that did not complete or that trained all weights
// (the suites compare base model + adapter). Throws tb::Error when the run is missing or
// not a training run, or its stored config cannot be read.
SuitesAfterTraining plan_suites_after_training(const ProjectFile& project, std::int64_t train_run_id);

// One suite's end: its result, or why it could not run (a golden set deleted since, ...).
struct SuiteOutcome {
    std::string suite;
    std::optional<RegressionSuiteResult> result;
    std::string error;
};

struct SuitesAfterTrainingCallbacks {
    std::function<void(const RegressionSuite&, const EvalTarget&)> on_suite_start;
    std::function<void(const SuiteOutcome&)> on_suite_done;
};

// Runs the planned suites in turn. A suite that cannot run does not hide the others' verdicts:
// its error is in its outcome. tb::Cancelled propagates; planning errors throw as above.
std::vector<SuiteOutcome> run_suites_after_training(ProjectFile& project, std::int64_t train_run_id,
                                                    const RegressionSuiteOptions& options = {},
                                                    const JobContext& ctx = {},
                                                    const SuitesAfterTrainingCallbacks& callbacks = {});

}  // namespace tb
