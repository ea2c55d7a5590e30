#include "ui/eval/eval_jobs.h"

#include "core/project/project_file.h"

namespace tbui {

JobWorker::Work evalRunJob(const QString& projectPath, EvalRequest request, std::shared_ptr<tb::EvalRunResult> result) {
    return [path = projectPath.toStdString(), request = std::move(request), result](const tb::JobContext& ctx) {
        tb::ProjectFile project = tb::ProjectFile::open(path);
        *result = tb::run_eval(project, request.target, request.options, ctx);
    };
}

JobWorker::Work judgeValidationJob(const QString& projectPath, std::int64_t setId, tb::JudgeConfig config,
                                   tb::JudgeValidationOptions options,
                                   std::shared_ptr<tb::JudgeValidationReport> report) {
    return [path = projectPath.toStdString(), setId, config = std::move(config), options = std::move(options),
            report](const tb::JobContext& ctx) {
        tb::ProjectFile project = tb::ProjectFile::open(path);
        *report = tb::validate_judge(project, setId, config, options, ctx);
    };
}

JobWorker::Work regressionSuitesJob(const QString& projectPath, std::vector<tb::RegressionSuite> suites,
                                    tb::EvalTarget target, tb::RegressionSuiteOptions options,
                                    std::shared_ptr<std::vector<tb::RegressionSuiteResult>> results) {
    return [path = projectPath.toStdString(), suites = std::move(suites), target = std::move(target),
            options = std::move(options), results](const tb::JobContext& ctx) {
        tb::ProjectFile project = tb::ProjectFile::open(path);
        results->clear();
        for (const auto& suite : suites) {
            ctx.check_cancel();
            results->push_back(tb::run_regression_suite(project, suite, target, options, ctx));
        }
    };
}

JobWorker::Work suitesAfterTrainingJob(const QString& projectPath, std::int64_t trainRunId,
                                       tb::RegressionSuiteOptions options,
                                       std::shared_ptr<std::vector<tb::SuiteOutcome>> outcomes) {
    return [path = projectPath.toStdString(), trainRunId, options = std::move(options),
            outcomes](const tb::JobContext& ctx) {
        tb::ProjectFile project = tb::ProjectFile::open(path);
        *outcomes = tb::run_suites_after_training(project, trainRunId, options, ctx);
    };
}

}  // namespace tbui
