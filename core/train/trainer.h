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
#include "core/model/lora_options.h"

namespace tb {

class ProjectFile;

enum class TrainMethod { Lora, Full };
enum class LrSchedule { Constant, Linear, Cosine };  // after warmup: constant / linear to 0 / cosine to 0
enum class LossOn { AssistantTurns, AllTokens };     // AllTokens: pretraining on rendered text

struct TrainConfig {
    // --- what ---
    std::filesystem::path model_dir;                     // Hugging Face folder
    std::filesystem::path output_dir;                    // adapter folder (LoRA) or model folder (full)
    std::optional<std::filesystem::path> chat_template;  // explicit template file; required when the model has none
    TrainMethod method = TrainMethod::Lora;
    LoraOptions lora{/*rank*/ 8, /*alpha*/ 16.0, /*dropout*/ 0.05};
    LossOn loss_on = LossOn::AssistantTurns;

    // --- data ---
    bool accepted_only = false;         // only examples reviewed "accept"
    std::int64_t max_length = 1024;     // tokens per sample
    bool truncate = false;              // too long: cut (default: drop); counted in the pre-flight report
    bool pack = true;                   // several samples per row, no attention across them
    std::int64_t micro_batch_rows = 4;  // rows of max_length tokens per forward
    std::int64_t gradient_accumulation = 1;
    double general_mix_share = 0.0;  // share of examples tagged "general" mixed in against forgetting

    // --- optimisation ---
    double learning_rate = 1e-4;  // LoRA default; warned outside 5e-5..2e-4
    double epochs = 3.0;          // warned outside 2..4
    std::int64_t max_steps = 0;   // 0: from epochs; else stop after this many optimizer steps
    LrSchedule schedule = LrSchedule::Cosine;
    double warmup_ratio = 0.03;  // share of total steps
    double weight_decay = 0.0;
    double adam_beta1 = 0.9, adam_beta2 = 0.999, adam_eps = 1e-8;
    double max_grad_norm = 1.0;  // 0: no clipping
    std::uint64_t seed = 42;

    // --- validation, checkpoints, logging ---
    std::int64_t eval_every = 50;              // optimizer steps between validation passes (0: only at the end)
    std::int64_t early_stopping_patience = 0;  // validations without improvement before stopping (0: off)
    std::int64_t checkpoint_every = 100;       // 0: only at the end
    std::int64_t log_every = 1;

    // --- numerics ---
    std::string compute_dtype = "auto";  // "auto" (bf16 where the hardware has it), "bf16", "fp32"
    bool gradient_checkpointing = false;
    int threads = 0;  // 0: all cores
    // "cpu", "cuda" (the current GPU) or "cuda:N"; CUDA needs a CUDA build of libtorch (bench/README.md).
    std::string device = "cpu";

    nlohmann::json to_json() const;
    // Missing keys keep their defaults; unknown keys and bad values throw tb::Error naming the key.
    static TrainConfig from_json(const nlohmann::json& json);
};

// Workflow defaults the user strays from ("learning rate 5e-4 is above the LoRA range
// 5e-5..2e-4: small datasets diverge or forget"): shown in the run dialog and pre-flight.
std::vector<std::string> config_warnings(const TrainConfig& config);

// True for the spellings TrainConfig::device accepts ("cpu", "cuda", "cuda:N"); says nothing
// about the hardware (core/train/training_device.h checks that when a run starts).
bool is_training_device_spelling(const std::string& device);

// Learning rate at optimizer step `step` (0-based) of `total_steps`.
double scheduled_learning_rate(const TrainConfig& config, std::int64_t step, std::int64_t total_steps);

struct PreflightReport {
    std::int64_t train_examples = 0, validation_examples = 0;
    std::int64_t dropped_too_long = 0, truncated = 0, dropped_untrained = 0, failed = 0;
    std::vector<std::string> format_errors;             // first few "example ID: reason"
    std::int64_t train_tokens = 0, trained_tokens = 0;  // per epoch
    double trained_share() const { return train_tokens ? double(trained_tokens) / double(train_tokens) : 0.0; }
    std::int64_t rows_per_epoch = 0, steps_per_epoch = 0, total_steps = 0;
    std::int64_t trainable_parameters = 0, total_parameters = 0;
    std::string chat_template_origin;  // "tokenizer_config.json" or the explicit file's path
    bool template_has_generation_blocks = false;
    std::string compute_dtype;      // resolved: "bf16" or "fp32"
    double seconds_per_step = 0.0;  // from a short timed warm-up
    double estimated_seconds = 0.0;
    double estimated_memory_bytes = 0.0;
    std::vector<std::string> warnings;  // config_warnings + data warnings (e.g. few examples)
    nlohmann::json to_json() const;
    std::string to_text() const;  // the report printed by the CLI and shown by the dialog
};

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
    std::int64_t run_id = 0;  // runs row (kind 'train') in the project
    std::string status;       // completed | cancelled | failed | stopped_early
    std::string stop_reason;  // why: all_steps, early_stopping, non_finite_loss, ... (train_run_store.h)
    std::string message;      // why it stopped (NaN loss at step N, ...)
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
    // Throws tb::Error for a config that cannot run (missing model, no template, lr <= 0, ...).
    Trainer(ProjectFile& project, TrainConfig config);
    ~Trainer();

    // Formats the data and times a short warm-up (no weights change). Cached: run() reuses it.
    const PreflightReport& preflight(const JobContext& ctx = {});

    // Runs (or, with resume, continues from the last checkpoint in output_dir/checkpoints so that
    // the result equals the uninterrupted run bit for bit; a checkpoint written with another
    // seed or batch layout is refused, its data order would differ). Cancelling writes a
    // checkpoint and returns status "cancelled"; NaN/inf loss stops with "failed" and keeps the
    // last good checkpoint; early stopping ends with "stopped_early". The output folder gets the
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
