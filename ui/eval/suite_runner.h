#pragma once
// Runs regression suites (core/eval/regression_suite.h) on a worker thread: after a training
// run wrote an adapter, every suite flagged run_after_training evaluates base model +
// adapter, compares with the base model and the previous tuned run, and reports whether a
// regression was flagged. Requests that arrive while one runs wait their turn (a training
// queue can finish several runs in a row).
//
//     auto* runner = new tbui::SuiteRunner(project, panel);
//     connect(trainingPanel, &TrainingPanel::adapterReady, runner, &SuiteRunner::runAfterTraining);
//
// After training it calls core's tb::run_suites_after_training, as the CLI's `train` does.
//     connect(runner, &SuiteRunner::finished, ...);  // summary lines, regression or not
#include <deque>
#include <memory>
#include <optional>
#include <vector>

#include <QObject>
#include <QStringList>

#include "core/eval/regression_suite.h"
#include "core/eval/suites_after_training.h"

namespace tb {
class ProjectFile;
}

namespace tbui {

class JobRunner;

class SuiteRunner : public QObject {
    Q_OBJECT
public:
    explicit SuiteRunner(tb::ProjectFile& project, QObject* parent = nullptr);
    ~SuiteRunner() override;  // cancels the running suites and waits for the worker

    // Generation, comparison and forgetting settings of every suite run (core's defaults
    // unless set).
    void setOptions(const tb::RegressionSuiteOptions& options) { options_ = options; }
    const tb::RegressionSuiteOptions& options() const { return options_; }

    // Starts (or queues) the given suites on `target`. False when `suites` is empty.
    bool run(std::vector<tb::RegressionSuite> suites, const tb::EvalTarget& target, const QString& description);
    bool isRunning() const;
    int pendingCount() const { return static_cast<int>(pending_.size()); }
    // The results of the last suites that completed.
    const std::vector<tb::RegressionSuiteResult>& lastResults() const { return lastResults_; }

    // One line per set and suite: pass rate, the change against the base model and the previous run.
    static QStringList summarize(const std::vector<tb::RegressionSuiteResult>& results);

public Q_SLOTS:
    // tb::run_suites_after_training for the training run: the suites flagged
    // run_after_training on base model + the run's adapter. False when nothing starts: none is
    // flagged, the run wrote no adapter (failed() says why), or the run cannot be read (failed()).
    bool runAfterTraining(qint64 trainRunId);
    void cancel();

Q_SIGNALS:
    void started(const QString& description);
    void progressChanged(qint64 done, qint64 total, const QString& stage);
    // The suites completed; `lines` summarises them, `regressions` lists core's flagged regressions.
    void finished(const QStringList& lines, const QStringList& regressions);
    void failed(const QString& message);  // also a cancellation ("cancelled")

private:
    struct Request {
        std::vector<tb::RegressionSuite> suites;
        tb::EvalTarget target;
        QString description;
        std::optional<qint64> trainRunId;  // set: the suites after this training run (core decides)
    };
    void startNext();
    void onSuitesDone(std::vector<tb::RegressionSuiteResult> results, QStringList errors = {});
    void onSuitesAfterTrainingDone(std::vector<tb::SuiteOutcome> outcomes);

    tb::ProjectFile& project_;
    tb::RegressionSuiteOptions options_;
    JobRunner* runner_ = nullptr;
    std::deque<Request> pending_;
    std::vector<tb::RegressionSuiteResult> lastResults_;
};

}  // namespace tbui
