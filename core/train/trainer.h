#pragma once
// One training run, start to end: select the project's training examples (validation,
// test and golden prompts can never come in: core/curation/training_set.h), render them with
// the model's own chat template (SampleFormatter), pack, and run the loop
//
//     for each optimizer step:
//         every eval_every steps: validation loss (early stopping, best checkpoint)
//         accumulate gradients over micro-batches; loss = sum of token losses / trained
//             tokens of the whole effective batch
//         clip, AdamW step over trainable parameters only, schedule the learning rate
//         log metrics (into the project's run_metrics and the callbacks)
//         every checkpoint_every steps: checkpoint (weights, optimizer, RNG, data order)
//
// with LoRA adapters (default) or all parameters (full fine-tuning; the demo base model is
// pretrained this way). Written as an adapter folder in PEFT's layout (or a full HF model
// folder) with the resolved run config, the tokenizer and the chat template used.
//
//     tb::Trainer trainer(project, config);
//     tb::PreflightReport pre = trainer.preflight(ctx);   // before step 1: counts, time, memory
//     tb::TrainResult result = trainer.run(callbacks, ctx);
//
// Long-running: progress and cancellation through tb::JobContext, pause through PauseToken,
// metrics through TrainCallbacks (called on the training thread).
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/common/output_file.h"
#include "core/jobs/job.h"
#include "core/project/runs.h"
#include "core/train/preflight_report.h"
#include "core/train/train_config.h"

namespace tb {

class ProjectFile;

struct StepMetrics {
    std::int64_t step = 0;  // 1-based optimizer step
    std::int64_t total_steps = 0;
    double epoch = 0.0;  // fractional
    double loss = 0.0;   // mean token loss of the effective batch
    double learning_rate = 0.0;
    double grad_norm = 0.0;     // before clipping
    double tokens_per_s = 0.0;  // all tokens processed (not only trained ones)
    std::int64_t tokens = 0;    // cumulative tokens
    double elapsed_s = 0.0;
    double eta_s = 0.0;
};

struct ValidationMetrics {
    std::int64_t step = 0;
    double val_loss = 0.0;
    bool best = false;  // improved on every earlier validation
};

struct TrainCallbacks {
    std::function<void(const PreflightReport&)> on_preflight;
    std::function<void(const StepMetrics&)> on_step;
    std::function<void(const ValidationMetrics&)> on_validation;
    std::function<void(const std::string& line)> on_log;  // human log lines (also stored with the run)
};

// Pause between optimizer steps: the training thread waits until resumed or cancelled.
class PauseToken {
public:
    void pause();
    void resume();
    bool paused() const;
    // Blocks while paused; returns early when `cancel` is cancelled.
    void wait_while_paused(const CancelToken* cancel) const;

private:
    mutable std::mutex mutex_;
    mutable std::condition_variable changed_;
    bool paused_ = false;
};

struct TrainResult {
    std::int64_t run_id = 0;                              // runs row (kind train) in the project
    RunStatus status = RunStatus::Completed;              // Completed, Cancelled or Failed
    RunStopReason stop_reason = RunStopReason::AllSteps;  // why (core/project/runs.h)
    std::string message;                                  // why it stopped (NaN loss at step N, ...)
    bool stopped_early() const { return stop_reason == RunStopReason::EarlyStopping; }
    // Completed (also when stopped early): output_dir holds the adapter or model.
    bool wrote_output() const { return status == RunStatus::Completed; }
    std::int64_t steps = 0;
    double final_loss = 0.0;
    std::optional<double> best_val_loss;
    std::filesystem::path output_dir;       // adapter or model folder written
    std::filesystem::path last_checkpoint;  // the final weights (also when output_dir holds the best ones)
    // The step whose weights output_dir holds: the best validation's when validation ran
    // (so possibly before `steps`), else the last step. Unset when nothing was written.
    std::optional<std::int64_t> weights_step;
};

class Trainer {
public:
    // Throws tb::Error listing config_problems (missing model, no template, lr <= 0, ...).
    Trainer(ProjectFile& project, TrainConfig config);
    ~Trainer();

    // Formats the data and times a short warm-up (no weights change). Cached: run() reuses it.
    const PreflightReport& preflight(const JobContext& ctx = {});

    // Runs (or, with resume, continues from the last checkpoint in output_dir/checkpoints so that
    // the result equals the uninterrupted run bit for bit; a checkpoint written with another
    // seed or batch layout is refused, its data order would differ). Cancelling writes a
    // checkpoint and returns status Cancelled; NaN/inf loss stops as Failed and keeps the last
    // good checkpoint; early stopping ends Completed with stop reason EarlyStopping. The output folder gets the
    // weights of the best validation loss when validation ran (TrainResult::weights_step), the
    // final weights staying in the last checkpoint.
    //
    // The output folder (core/train/train_output.h: prepare_train_output) is never the base
    // model's folder nor one holding it or the project. A new run refuses a folder with
    // checkpoints (an earlier run's: resume continues it, Overwrite::replace starts over and
    // deletes them) or with other content (replace removes an earlier output's files, never
    // others). Checkpoints carry their run's id and config hash: resume refuses a checkpoint
    // of another run (another config, or another run of the project under its id), naming both.
    TrainResult run(const TrainCallbacks& callbacks = {}, const JobContext& ctx = {}, bool resume = false,
                    std::shared_ptr<PauseToken> pause = nullptr, Overwrite overwrite = Overwrite::refuse);

    const TrainConfig& config() const;

private:
    struct State;
    std::unique_ptr<State> state_;
};

// The merged full model (base + adapter folded in) in HF layout: config.json, safetensors,
// tokenizer files, chat template. out_dir follows the output rule (core/common/output_file.h:
// prepare_output_folder): never the model or adapter folder, a non-empty folder only with
// Overwrite::replace, which removes an earlier output's files first.
void merge_adapter(const std::filesystem::path& model_dir, const std::filesystem::path& adapter_dir,
                   const std::filesystem::path& out_dir, Overwrite overwrite = Overwrite::refuse);

}  // namespace tb
