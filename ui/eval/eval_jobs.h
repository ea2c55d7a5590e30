#pragma once
// The long evaluation jobs of the GUI, as JobRunner work (ui/common/job_runner.h): each opens
// its own connection to the project (a ProjectFile belongs to one thread), calls core, and
// leaves its result in shared state that the GUI reads once the runner reports success.
#include <memory>
#include <vector>

#include <QString>

#include "core/eval/eval_runner.h"
#include "core/eval/judge_validation.h"
#include "core/eval/regression_suite.h"
#include "core/eval/suites_after_training.h"
#include "ui/common/job_worker.h"

namespace tbui {

// What the "Evaluate..." dialog asks for: core's target and run options.
struct EvalRequest {
    tb::EvalTarget target;
    tb::EvalRunOptions options;
};

// tb::run_eval on the project at `projectPath`.
JobWorker::Work evalRunJob(const QString& projectPath, EvalRequest request, std::shared_ptr<tb::EvalRunResult> result);

// tb::validate_judge of `config` on golden set `setId` (stores a judge_validations row).
JobWorker::Work judgeValidationJob(const QString& projectPath, std::int64_t setId, tb::JudgeConfig config,
                                   tb::JudgeValidationOptions options,
                                   std::shared_ptr<tb::JudgeValidationReport> report);

// tb::run_regression_suite for each suite in turn, with one target; results in suite order.
JobWorker::Work regressionSuitesJob(const QString& projectPath, std::vector<tb::RegressionSuite> suites,
                                    tb::EvalTarget target, tb::RegressionSuiteOptions options,
                                    std::shared_ptr<std::vector<tb::RegressionSuiteResult>> results);

// tb::run_suites_after_training for training run `trainRunId`: every suite's outcome in turn.
JobWorker::Work suitesAfterTrainingJob(const QString& projectPath, std::int64_t trainRunId,
                                       tb::RegressionSuiteOptions options,
                                       std::shared_ptr<std::vector<tb::SuiteOutcome>> outcomes);

}  // namespace tbui
