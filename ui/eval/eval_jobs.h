#pragma once
// The long evaluation jobs of the GUI, as JobRunner tasks (ui/common/job_runner.h): each opens
// its own connection to the project (a ProjectFile belongs to one thread), calls core, and
// returns the result, which the runner hands to the caller's callback on the GUI thread.
#include <vector>

#include <QString>

#include "core/eval/eval_runner.h"
#include "core/eval/judge_validation.h"
#include "core/eval/regression_suite.h"
#include "core/eval/suites_after_training.h"
#include "ui/common/job_runner.h"

namespace tbui {

// What the "Evaluate..." dialog asks for: core's target and run options.
struct EvalRequest {
    tb::EvalTarget target;
    tb::EvalRunOptions options;
};

// tb::run_eval on the project at `projectPath`.
JobTask<tb::EvalRunResult> evalRunJob(const QString& projectPath, EvalRequest request);

// tb::validate_judge of `config` on golden set `setId` (stores a judge_validations row).
JobTask<tb::JudgeValidationReport> judgeValidationJob(const QString& projectPath, std::int64_t setId,
                                                      tb::JudgeConfig config, tb::JudgeValidationOptions options);

// tb::run_regression_suite for each suite in turn, with one target; results in suite order.
JobTask<std::vector<tb::RegressionSuiteResult>> regressionSuitesJob(const QString& projectPath,
                                                                    std::vector<tb::RegressionSuite> suites,
                                                                    tb::EvalTarget target,
                                                                    tb::RegressionSuiteOptions options);

// tb::run_suites_after_training for training run `trainRunId`: every suite's outcome in turn.
JobTask<std::vector<tb::SuiteOutcome>> suitesAfterTrainingJob(const QString& projectPath, std::int64_t trainRunId,
                                                              tb::RegressionSuiteOptions options);

}  // namespace tbui
