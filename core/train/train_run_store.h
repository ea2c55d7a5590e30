#pragma once
// A training run as the project records it: one runs row (kind 'train': resolved config,
// status, start/end, log) and its metrics in run_metrics under the names the GUI charts and
// the eval stage read. Every write is its own short transaction: never held across a step.
// Torch-free.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/project/project_file.h"

namespace tb {

// Metric names (shared with ui/training and eval: do not rename).
inline constexpr const char* kMetricTrainLoss = "train/loss";
inline constexpr const char* kMetricTrainLr = "train/lr";
inline constexpr const char* kMetricTrainGradNorm = "train/grad_norm";
inline constexpr const char* kMetricTrainTokensPerS = "train/tokens_per_s";
inline constexpr const char* kMetricValLoss = "val/loss";
// The marker metric (value 1 at the step it stopped) that recorded an early stop before
// runs.stop_reason existed (project schema 3 and older). No longer written: schema step 4
// turns it into stop_reason when it opens such a project.
inline constexpr const char* kMetricStoppedEarly = "train/stopped_early";

// Why a training run ended (runs.stop_reason): each implies its runs.status.
inline constexpr const char* kStopAllSteps = "all_steps";                      // completed: every planned step
inline constexpr const char* kStopEarlyStopping = "early_stopping";            // completed: validation loss stalled
inline constexpr const char* kStopNonFiniteLoss = "non_finite_loss";           // failed: NaN/inf loss
inline constexpr const char* kStopNonFiniteGradNorm = "non_finite_grad_norm";  // failed: NaN/inf gradient norm
inline constexpr const char* kStopError = "error";                             // failed: an exception
inline constexpr const char* kStopCancelled = "cancelled";                     // cancelled (resumable)

// Creates the runs row with status 'running' and started_at now; returns its id.
std::int64_t create_train_run(ProjectFile& project, const std::string& name, const nlohmann::json& config);
// Sets status back to 'running' and clears the end (a resumed run continues its row).
void mark_train_run_running(ProjectFile& project, std::int64_t run_id);
bool train_run_exists(const ProjectFile& project, std::int64_t run_id);

// Several metrics of one step in one transaction (INSERT OR REPLACE: a resumed run rewrites).
void record_run_metrics(ProjectFile& project, std::int64_t run_id, std::int64_t step,
                        const std::vector<std::pair<std::string, double>>& values);
// Appends a line to the run's log.
void append_run_log(ProjectFile& project, std::int64_t run_id, const std::string& line);
// Ends the run: stop_reason (one of kStop* above) and the status it implies, ended_at now.
// A run stopped early is status 'completed' (it is finished and wrote its output: every SQL
// reader of the column treats it so) with stop_reason 'early_stopping'. Throws tb::Error for
// an unknown reason.
void finish_train_run(ProjectFile& project, std::int64_t run_id, const std::string& stop_reason);
// The runs.status a stop reason implies ("completed", "failed", "cancelled"); throws tb::Error
// for an unknown reason.
std::string train_run_status_for(const std::string& stop_reason);
// True for the end states that leave an adapter or model folder: completed, stopped_early.
bool train_run_wrote_output(const std::string& status);

struct RunMetricPoint {
    std::int64_t step = 0;
    double value = 0.0;
};
// One metric of a run, by step.
std::vector<RunMetricPoint> load_run_metric(const ProjectFile& project, std::int64_t run_id, const std::string& name);

struct TrainRunRow {
    std::int64_t id = 0;
    // status: running, completed, stopped_early (a completed run whose stop_reason is
    // early_stopping), failed, cancelled; stop_reason: one of kStop*, "" while running.
    std::string name, status, stop_reason, started_at, ended_at, log;
    nlohmann::json config;
};
std::optional<TrainRunRow> load_train_run(const ProjectFile& project, std::int64_t run_id);

}  // namespace tb
