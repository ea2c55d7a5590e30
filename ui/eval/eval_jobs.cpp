#include "ui/eval/eval_jobs.h"

#include "core/project/project_file.h"

namespace tbui {

JobTask<tb::EvalRunResult> evalRunJob(const QString& projectPath, EvalRequest request) {
    return [path = projectPath.toStdString(), request = std::move(request)](const tb::JobContext& ctx) {
        tb::ProjectFile project = tb::ProjectFile::open(path);
        return tb::run_eval(project, request.target, request.options, ctx);
    };
}

JobTask<tb::JudgeValidationReport> judgeValidationJob(const QString& projectPath, std::int64_t setId,
                                                      tb::JudgeConfig config, tb::JudgeValidationOptions options) {
    return [path = projectPath.toStdString(), setId, config = std::move(config),
            options = std::move(options)](const tb::JobContext& ctx) {
        tb::ProjectFile project = tb::ProjectFile::open(path);
        return tb::validate_judge(project, setId, config, options, ctx);
    };
}

JobTask<std::vector<tb::RegressionSuiteResult>> regressionSuitesJob(const QString& projectPath,
                                                                    std::vector<tb::RegressionSuite> suites,
                                                                    tb::EvalTarget target,
                                                                    tb::RegressionSuiteOptions options) {
    return [path = projectPath.toStdString(), suites = std::move(suites), target = std::move(target),
            options = std::move(options)](const tb::JobContext& ctx) {
        tb::ProjectFile project = tb::ProjectFile::open(path);
        std::vector<tb::RegressionSuiteResult> results;
        for (const auto& suite : suites) {
            ctx.check_cancel();
            results.push_back(tb::run_regression_suite(project, suite, target, options, ctx));
        }
        return results;
    };
}

JobTask<std::vector<tb::SuiteOutcome>> suitesAfterTrainingJob(const QString& projectPath, std::int64_t trainRunId,
                                                              tb::RegressionSuiteOptions options) {
    return [path = projectPath.toStdString(), trainRunId, options = std::move(options)](const tb::JobContext& ctx) {
        tb::ProjectFile project = tb::ProjectFile::open(path);
        return tb::run_suites_after_training(project, trainRunId, options, ctx);
    };
}

}  // namespace tbui
