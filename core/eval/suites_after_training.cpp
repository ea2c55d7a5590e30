#include "core/eval/suites_after_training.h"

#include "core/common/error.h"
#include "core/project/project_file.h"
#include "core/project/runs.h"
#include "core/train/train_config.h"

namespace tb {

SuitesAfterTraining plan_suites_after_training(const ProjectFile& project, std::int64_t train_run_id) {
    const Run run = require_run(project, train_run_id, RunKind::Train);
    SuitesAfterTraining plan;
    plan.suites = suites_to_run_after_training(project);
    if (plan.suites.empty()) return plan;
    const std::string which = "training run " + std::to_string(train_run_id);
    if (!run.wrote_output()) {
        plan.skipped = which + " is " + to_string(run.status) + ": it wrote no adapter to evaluate";
        return plan;
    }
    TrainConfig config;
    try {
        config = TrainConfig::from_json(run.config);
    } catch (const Error& e) {
        throw Error(which + ": " + e.what());
    }
    if (config.method != TrainMethod::Lora) {
        plan.skipped = "they compare base model + adapter, and " + which +
                       " trained all weights (evaluate the new model " + config.output_dir.string() +
                       " with a suite on demand: `eval --suite NAME --model DIR`)";
        return plan;
    }
    // The adapter folder carries the template it was trained with; an explicit one is the same
    // text, and naming it keeps the base model (which may have none) on that template too.
    plan.target = EvalTarget::local(config.model_dir, config.output_dir, config.chat_template);
    return plan;
}

std::vector<SuiteOutcome> run_suites_after_training(ProjectFile& project, std::int64_t train_run_id,
                                                    const RegressionSuiteOptions& options, const JobContext& ctx,
                                                    const SuitesAfterTrainingCallbacks& callbacks) {
    const SuitesAfterTraining plan = plan_suites_after_training(project, train_run_id);
    std::vector<SuiteOutcome> outcomes;
    if (!plan.target) return outcomes;
    RegressionSuiteOptions suite_options = options;
    suite_options.eval.parent_run_id = train_run_id;  // the adapter's runs evaluate this training run
    for (const RegressionSuite& suite : plan.suites) {
        ctx.check_cancel();
        if (callbacks.on_suite_start) callbacks.on_suite_start(suite, *plan.target);
        SuiteOutcome outcome;
        outcome.suite = suite.name;
        try {
            outcome.result = run_regression_suite(project, suite, *plan.target, suite_options, ctx);
        } catch (const Cancelled&) {
            throw;
        } catch (const std::exception& e) {
            outcome.error = e.what();
        }
        if (callbacks.on_suite_done) callbacks.on_suite_done(outcome);
        outcomes.push_back(std::move(outcome));
    }
    return outcomes;
}

}  // namespace tb
