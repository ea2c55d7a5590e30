#pragma once
// Training checkpoints: output_dir/checkpoints/step-N/ with
//   state.pt            trainable tensors (by index), AdamW state, torch's CPU RNG state (and
//                       the CUDA one where CUDA is available)
//   trainer_state.json  step, epoch, run id and config hash (the run it belongs to), best
//                       validation loss, patience, token count, the names and shapes of the
//                       trainable tensors, the resolved config
// Written to step-N.tmp and renamed, so a crash never leaves a half checkpoint that resume
// would pick. Every random source of a run: data order (and the general-mix subset) is a
// function of (seed, epoch, step) (core/train/train_data.h), so resume checks the seed and
// batch layout against the checkpoint's config; dropout draws from torch's generators, which
// the checkpoint holds; LoRA init happens before the checkpoint's tensors overwrite it.
// output_dir/checkpoints/best/ holds the trainable tensors of the best validation so far
// (weights only): the adapter written at the end. Internal to the trainer (includes torch).
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <torch/torch.h>
#include <nlohmann/json.hpp>

namespace tb {

struct CheckpointState {
    std::int64_t step = 0;  // optimizer steps done
    double epoch = 0.0;
    std::int64_t run_id = 0;
    std::string config_hash;  // run_config_hash (core/train/train_files.h); "" in checkpoints from before it
    std::optional<double> best_val_loss;
    std::optional<std::int64_t> best_step;  // step of best_val_loss (checkpoints/best)
    std::int64_t bad_validations = 0;       // since the best (early stopping)
    std::int64_t tokens = 0;                // cumulative tokens processed
    double elapsed_s = 0.0;
    nlohmann::json config;  // the resolved run config the checkpoint was written with (load only)
};

std::filesystem::path checkpoint_dir(const std::filesystem::path& output_dir, std::int64_t step);

// The complete checkpoint with the highest step, if any.
std::optional<std::filesystem::path> latest_checkpoint(const std::filesystem::path& output_dir);

// Which run a checkpoint belongs to, read from its trainer_state.json alone.
struct CheckpointIdentity {
    std::filesystem::path dir;
    std::int64_t step = 0;
    std::int64_t run_id = 0;
    std::string config_hash;  // "" in checkpoints from before it
    nlohmann::json config;    // the resolved run config it was written with
};
// Every complete checkpoint in output_dir/checkpoints, by step.
std::vector<CheckpointIdentity> list_checkpoints(const std::filesystem::path& output_dir);

void save_checkpoint(const std::filesystem::path& dir, const CheckpointState& state,
                     const std::vector<std::pair<std::string, torch::Tensor>>& trainable,
                     torch::optim::Optimizer& optimizer, const nlohmann::json& config);

// Restores trainable tensors (in place), optimizer state and the RNG. Throws tb::Error when
// the checkpoint's tensors do not match (another model, method or LoRA rank).
CheckpointState load_checkpoint(const std::filesystem::path& dir,
                                const std::vector<std::pair<std::string, torch::Tensor>>& trainable,
                                torch::optim::Optimizer& optimizer);

// torch's default CPU generator state (dropout), to save/restore around work that must not
// consume random numbers (the pre-flight warm-up).
torch::Tensor cpu_rng_state();
void set_cpu_rng_state(const torch::Tensor& state);

// Every torch generator a run draws from: the CPU one, and CUDA's default generator when
// CUDA is available (cuda stays undefined otherwise).
struct RngState {
    torch::Tensor cpu, cuda;
};
RngState rng_state();
void set_rng_state(const RngState& state);

// The best validation's trainable tensors, beside the step checkpoints (written to best.tmp
// and renamed). Reading checks names and shapes like load_checkpoint.
struct BestWeightsInfo {
    std::int64_t step = 0;
    double val_loss = 0.0;
};
std::filesystem::path best_weights_dir(const std::filesystem::path& output_dir);
void save_best_weights(const std::filesystem::path& output_dir, const BestWeightsInfo& info,
                       const std::vector<std::pair<std::string, torch::Tensor>>& trainable);
std::optional<BestWeightsInfo> read_best_weights_info(const std::filesystem::path& output_dir);
// Copies the saved tensors into `trainable` (in place).
void load_best_weights(const std::filesystem::path& output_dir,
                       const std::vector<std::pair<std::string, torch::Tensor>>& trainable);

}  // namespace tb
