#pragma once
// One training run's settings (TrainConfig, stored as JSON with every run), and the rules
// about them defined once for the trainer, the CLI and the run dialog: what keeps a config
// from running (config_problems: the trainer throws them, the dialog lists them), the workflow
// defaults a user strays from (config_warnings), and how the advisor's starting settings fill
// a config (apply_starting_settings). Torch-free: the GUI includes it.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/model/lora_options.h"

namespace tb {

struct StartingSettings;

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

// What keeps a config from running. `kind` names the setting, so a GUI can word it in its
// own language; `message` says it in English with the value and what to do.
enum class ConfigProblemKind {
    ModelDirMissing,          // model_dir empty
    ModelDirNotAModel,        // no config.json in model_dir
    ModelUnreadable,          // its tokenizer_config.json cannot be read
    ChatTemplateRequired,     // the model has no chat template and none is given
    ChatTemplateFileMissing,  // chat_template names no file
    OutputDirMissing,
    LearningRate,  // not a positive finite number
    MaxSteps,      // negative
    Epochs,        // not positive while max_steps is 0
    MaxLength,     // under 2 tokens
    MicroBatchRows,
    GradientAccumulation,
    GeneralMixShare,    // outside [0, 1)
    WarmupRatio,        // outside [0, 1)
    MaxGradNorm,        // negative
    NegativeInterval,   // eval_every, checkpoint_every, early_stopping_patience or log_every < 0
    LoraRank,           // under 1
    LoraDropout,        // outside [0, 1)
    LoraTargetModules,  // LoRA without a module to adapt
    ComputeDtype,       // not auto, bf16 or fp32
    Device,             // not cpu, cuda or cuda:N
};
struct ConfigProblem {
    ConfigProblemKind kind;
    std::string message;
};
// Empty when the config can run as far as its values and the folders it names tell (the
// hardware and the data are checked when the run starts). Reads model_dir's config.json and
// tokenizer_config.json (whether the model brings a chat template).
std::vector<ConfigProblem> config_problems(const TrainConfig& config);
// "run config: PROBLEM; PROBLEM": what tb::Trainer throws for a config with problems.
std::string describe_problems(const std::vector<ConfigProblem>& problems);

// The advisor's starting settings (core/advisor/training_settings.h) as a run config: method
// (QLoRA trains as LoRA here), learning rate, epochs, LoRA rank, alpha, dropout and target
// modules, sequence length as max_length, batch size as micro_batch_rows, gradient
// checkpointing. Folders and the settings the advisor has no opinion on stay as they are.
// The validation share is not a run setting: the trainer validates on the project's
// validation split, which tb::set_validation_fraction (core/curation/settings.h) sizes.
void apply_starting_settings(TrainConfig& config, const StartingSettings& settings);

}  // namespace tb
