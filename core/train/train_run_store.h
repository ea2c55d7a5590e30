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
// Marks a run ended by early stopping (value 1 at the step it stopped): see finish_train_run.
inline constexpr const char* kMetricStoppedEarly = "train/stopped_early";

// Creates the runs row with status 'running' and started_at now; returns its id.
std::int64_t create_train_run(ProjectFile& project, const std::string& name, const nlohmann::json& config);
// Sets status back to 'running' (a resumed run continues its row).
void mark_train_run_running(ProjectFile& project, std::int64_t run_id);
bool train_run_exists(const ProjectFile& project, std::int64_t run_id);

// Several metrics of one step in one transaction (INSERT OR REPLACE: a resumed run rewrites).
void record_run_metrics(ProjectFile& project, std::int64_t run_id, std::int64_t step,
                        const std::vector<std::pair<std::string, double>>& values);
// Appends a line to the run's log.
void append_run_log(ProjectFile& project, std::int64_t run_id, const std::string& line);
// status: completed | stopped_early | failed | cancelled; sets ended_at. The runs table's
// CHECK constraint (core/project/schema.cpp) knows five states, so a run stopped early is
// stored as 'completed' (it is finished and wrote its output: every SQL reader of the column
// treats it so) plus the kMetricStoppedEarly marker at `step`, in the same transaction;
// load_train_run reports it as "stopped_early".
void finish_train_run(ProjectFile& project, std::int64_t run_id, const std::string& status, std::int64_t step = 0);
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
    std::string name, status, started_at, ended_at, log;  // status: running, completed, stopped_early, ...
    nlohmann::json config;
};
std::optional<TrainRunRow> load_train_run(const ProjectFile& project, std::int64_t run_id);

}  // namespace tb
