#include "ui/eval/suite_runner.h"

#include <filesystem>

#include "core/project/project_file.h"
#include "ui/common/job_runner.h"
#include "ui/eval/eval_jobs.h"

namespace tbui {
namespace {

QString signedPoints(double before, double after) {
    return QStringLiteral("%1%2 pts")
        .arg(after >= before ? QStringLiteral("+") : QString())
        .arg((after - before) * 100.0, 0, 'f', 1);
}

}  // namespace

SuiteRunner::SuiteRunner(tb::ProjectFile& project, QObject* parent)
    : QObject(parent), project_(project), runner_(new JobRunner(this)) {
    connect(runner_, &JobRunner::progressChanged, this, &SuiteRunner::progressChanged);
    connect(runner_, &JobRunner::cancelled, this, [this] { Q_EMIT failed(tr("cancelled")); });
    connect(runner_, &JobRunner::failed, this, &SuiteRunner::failed);
    // The next request starts once the runner has let go of its thread.
    connect(runner_, &JobRunner::finished, this, &SuiteRunner::startNext, Qt::QueuedConnection);
}

SuiteRunner::~SuiteRunner() {
    pending_.clear();
    runner_->cancel();
}

bool SuiteRunner::isRunning() const { return runner_->isRunning(); }

bool SuiteRunner::runAfterTraining(qint64 trainRunId) {
    tb::SuitesAfterTraining plan;
    try {
        plan = tb::plan_suites_after_training(project_, trainRunId);
    } catch (const std::exception& e) {
        Q_EMIT failed(QString::fromStdString(e.what()));
        return false;
    }
    if (!plan.skipped.empty()) Q_EMIT failed(QString::fromStdString(plan.skipped));
    if (!plan.target) return false;
    const QString description =
        tr("train run #%1 (%2)")
            .arg(trainRunId)
            .arg(QString::fromStdString(plan.target->adapter_dir.value_or(std::filesystem::path()).string()));
    pending_.push_back(Request{std::move(plan.suites), *plan.target, description, trainRunId});
    if (!isRunning()) startNext();
    return true;
}

bool SuiteRunner::run(std::vector<tb::RegressionSuite> suites, const tb::EvalTarget& target,
                      const QString& description) {
    if (suites.empty()) return false;
    pending_.push_back(Request{std::move(suites), target, description, std::nullopt});
    if (!isRunning()) startNext();
    return true;
}

void SuiteRunner::startNext() {
    if (isRunning() || pending_.empty()) return;
    Request request = std::move(pending_.front());
    pending_.pop_front();
    QStringList names;
    for (const auto& suite : request.suites) names << QString::fromStdString(suite.name);
    const QString path = QString::fromStdString(project_.path());
    bool launched = false;
    if (request.trainRunId) {
        launched = runner_->start<std::vector<tb::SuiteOutcome>>(
            suitesAfterTrainingJob(path, *request.trainRunId, options_), this,
            [this](std::vector<tb::SuiteOutcome> outcomes) { onSuitesAfterTrainingDone(std::move(outcomes)); });
    } else {
        launched = runner_->start<std::vector<tb::RegressionSuiteResult>>(
            regressionSuitesJob(path, request.suites, request.target, options_), this,
            [this](std::vector<tb::RegressionSuiteResult> results) { onSuitesDone(std::move(results)); });
    }
    if (!launched) return;
    Q_EMIT started(tr("Regression suite(s) %1 on %2").arg(names.join(QStringLiteral(", ")), request.description));
}

void SuiteRunner::onSuitesDone(std::vector<tb::RegressionSuiteResult> results, QStringList errors) {
    lastResults_ = std::move(results);
    QStringList regressions;
    for (const auto& result : lastResults_)
        for (const auto& line : result.regressions) regressions << QString::fromStdString(result.suite + ": " + line);
    Q_EMIT finished(summarize(lastResults_) + errors, regressions);
}

// One outcome per suite (core/eval/suites_after_training.h): an error in one suite is listed
// beside the others' results instead of hiding them.
void SuiteRunner::onSuitesAfterTrainingDone(std::vector<tb::SuiteOutcome> outcomes) {
    std::vector<tb::RegressionSuiteResult> results;
    QStringList errors;
    for (auto& outcome : outcomes) {
        if (outcome.result)
            results.push_back(std::move(*outcome.result));
        else
            errors << tr("suite %1: error: %2")
                          .arg(QString::fromStdString(outcome.suite), QString::fromStdString(outcome.error));
    }
    onSuitesDone(std::move(results), errors);
}

void SuiteRunner::cancel() {
    pending_.clear();
    runner_->cancel();
}

QStringList SuiteRunner::summarize(const std::vector<tb::RegressionSuiteResult>& results) {
    QStringList lines;
    for (const auto& result : results) {
        const QString suite = QString::fromStdString(result.suite);
        for (const auto& set : result.sets) {
            QString line = tr("suite %1, set %2: eval run #%3, pass rate %4%, mean score %5")
                               .arg(suite, QString::fromStdString(set.set))
                               .arg(set.run_id)
                               .arg(set.pass_rate * 100.0, 0, 'f', 1)
                               .arg(set.mean_score, 0, 'f', 3);
            if (set.vs_base)
                line += tr("; vs base #%1: %2")
                            .arg(*set.base_run_id)
                            .arg(signedPoints(set.vs_base->overall.pass_rate_a, set.vs_base->overall.pass_rate_b));
            if (set.vs_previous)
                line +=
                    tr("; vs previous #%1: %2")
                        .arg(*set.previous_run_id)
                        .arg(signedPoints(set.vs_previous->overall.pass_rate_a, set.vs_previous->overall.pass_rate_b));
            lines << line;
        }
        if (result.forgetting)
            lines << tr("suite %1, general set: mean score %2 → %3 (difference %4 [%5, %6])%7")
                         .arg(suite)
                         .arg(result.forgetting->base_mean_score, 0, 'f', 3)
                         .arg(result.forgetting->tuned_mean_score, 0, 'f', 3)
                         .arg(result.forgetting->score_diff.estimate, 0, 'f', 3)
                         .arg(result.forgetting->score_diff.low, 0, 'f', 3)
                         .arg(result.forgetting->score_diff.high, 0, 'f', 3)
                         .arg(result.forgetting->flagged ? tr(": forgetting flagged") : QString());
        lines << (result.has_regression()
                      ? tr("suite %1: REGRESSION flagged (%2)").arg(suite).arg(result.regressions.size())
                      : tr("suite %1: no regression flagged").arg(suite));
    }
    return lines;
}

}  // namespace tbui
