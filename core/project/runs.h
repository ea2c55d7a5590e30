#pragma once
// The project's runs: one runs row per training or eval run (its config, status, why it
// ended, start and end, log) and its metrics in run_metrics. This module is the only code
// that reads or writes those two tables; the stages (train, eval, judge, suites, stats) and
// the GUI call it and switch on the enums below, never on the stored words.
//
//     const std::int64_t id = tb::create_run(project, tb::RunKind::Train, "lora-r16", config);
//     tb::record_run_metrics(project, id, step, {{tb::kMetricTrainLoss, loss}});
//     tb::finish_run(project, id, tb::RunStopReason::EarlyStopping);  // status Completed
//     for (const tb::Run& run : tb::list_runs(project, tb::RunKind::Train)) ...
//
// Every write is its own short transaction (joining the caller's when there is one): a
// training step never holds the write lock.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace tb {

class ProjectFile;

enum class RunKind { Train, Eval };

// runs.status. A run that stopped early is Completed (it finished and wrote its output); its
// stop reason tells it apart.
enum class RunStatus { Pending, Running, Completed, Failed, Cancelled };

// runs.stop_reason: why a training run ended. Each implies its status (status_for). Eval runs
// and runs still going have none.
enum class RunStopReason {
    AllSteps,           // completed: every planned step
    EarlyStopping,      // completed: the validation loss stopped improving
    NonFiniteLoss,      // failed: NaN/inf loss
    NonFiniteGradNorm,  // failed: NaN/inf gradient norm
    Error,              // failed: an exception
    Cancelled,          // cancelled (resumable from its last checkpoint)
};

// The words stored in the project file ("train", "completed", "early_stopping", ...), and
// back. The parsers throw tb::Error naming the unknown word.
const char* to_string(RunKind kind);
const char* to_string(RunStatus status);
const char* to_string(RunStopReason reason);
RunKind run_kind_from_string(std::string_view text);
RunStatus run_status_from_string(std::string_view text);
RunStopReason run_stop_reason_from_string(std::string_view text);

// Completed for AllSteps and EarlyStopping, Cancelled for Cancelled, else Failed.
RunStatus status_for(RunStopReason reason);

// Metric names (the GUI's charts and the eval stage read them: do not rename).
inline constexpr const char* kMetricTrainLoss = "train/loss";
inline constexpr const char* kMetricTrainLr = "train/lr";
inline constexpr const char* kMetricTrainGradNorm = "train/grad_norm";
inline constexpr const char* kMetricTrainTokensPerS = "train/tokens_per_s";
inline constexpr const char* kMetricValLoss = "val/loss";
// The marker metric (value 1 at the step it stopped) that recorded an early stop before
// runs.stop_reason existed (project schema 3 and older). No longer written: schema step 4
// turns it into stop_reason when it opens such a project.
inline constexpr const char* kMetricStoppedEarly = "train/stopped_early";

struct Run {
    std::int64_t id = 0;
    RunKind kind = RunKind::Train;
    std::string name;
    std::optional<std::int64_t> parent_run_id;  // eval -> the train run it evaluates
    nlohmann::json config = nlohmann::json::object();
    RunStatus status = RunStatus::Pending;
    std::optional<RunStopReason> stop_reason;  // training runs that ended
    std::string app_version;
    std::string created_at, started_at, ended_at;  // ISO 8601 UTC; "" when not set

    // Completed because the validation loss stopped improving.
    bool stopped_early() const { return stop_reason == RunStopReason::EarlyStopping; }
    // Finished and wrote its output (an adapter or model folder; an eval run's scores).
    bool wrote_output() const { return status == RunStatus::Completed; }
    // A training run that stopped before its end (cancelled, or failed) and can continue from
    // its last checkpoint.
    bool resumable() const {
        return kind == RunKind::Train && (status == RunStatus::Cancelled || status == RunStatus::Failed);
    }
};

// A new row: status Running, started_at now, this build's app_version. Returns its id.
std::int64_t create_run(ProjectFile& project, RunKind kind, const std::string& name, const nlohmann::json& config,
                        std::optional<std::int64_t> parent_run_id = std::nullopt);
// Running again, end and stop reason cleared: a resumed training run continues its row.
void restart_run(ProjectFile& project, std::int64_t run_id);
// Ends a training run: the reason, the status it implies, ended_at now. Throws tb::Error for
// a missing run or an eval run.
void finish_run(ProjectFile& project, std::int64_t run_id, RunStopReason reason);
// Ends an eval run (they record no reason): Completed, Failed or Cancelled, ended_at now.
// Throws tb::Error for another status, a missing run or a training run.
void finish_run(ProjectFile& project, std::int64_t run_id, RunStatus status);

// Runs in creation order (oldest first), optionally of one kind.
std::vector<Run> list_runs(const ProjectFile& project, std::optional<RunKind> kind = std::nullopt);
std::optional<Run> find_run(const ProjectFile& project, std::int64_t run_id);
// The run, or tb::Error "eval run 7 does not exist" / "run 7 is a train run, not an eval run".
Run require_run(const ProjectFile& project, std::int64_t run_id, RunKind kind);
std::int64_t count_runs(const ProjectFile& project);

// One metric's points, sorted by step.
using MetricSeries = std::vector<std::pair<std::int64_t, double>>;
// Several metrics of one step in one transaction; a value already stored for (name, step) is
// replaced (a resumed run rewrites the steps after its checkpoint).
void record_run_metrics(ProjectFile& project, std::int64_t run_id, std::int64_t step,
                        const std::vector<std::pair<std::string, double>>& values);
// Adds to the values stored for (name, step) (0 when none): counters such as a judge's spend.
void add_to_run_metrics(ProjectFile& project, std::int64_t run_id, std::int64_t step,
                        const std::vector<std::pair<std::string, double>>& values);
// Every stored metric of a run by name ("train/loss", "val/loss", ...).
std::map<std::string, MetricSeries> run_metrics(const ProjectFile& project, std::int64_t run_id);
// One metric of a run.
MetricSeries run_metric(const ProjectFile& project, std::int64_t run_id, const std::string& name);

// Appends a line to the run's log.
void append_run_log(ProjectFile& project, std::int64_t run_id, const std::string& line);
// The log stored with the run ("" when none).
std::string run_log(const ProjectFile& project, std::int64_t run_id);

// What a training run's metrics say about it: its last logged step and loss, its best
// validation loss.
struct TrainRunProgress {
    std::optional<std::int64_t> last_step;
    std::optional<double> final_loss;
    std::optional<double> best_val_loss;
};
TrainRunProgress train_run_progress(const std::map<std::string, MetricSeries>& metrics);

}  // namespace tb
