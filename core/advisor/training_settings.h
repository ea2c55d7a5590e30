#pragma once
// Starting hyperparameters for a first fine-tuning run, as the advisor hands them to the run
// dialog. Common LoRA starting points: learning rate 1e-4 (5e-5 to 2e-4), 3 epochs (2 to 4),
// 12% of the examples held out for validation (10-15%), rank 16 with alpha 32 (alpha = 2r).
// Full fine-tuning starts ten times lower (1e-5, range 5e-6 to 2e-5): every weight moves.
//
// JSON keys (to_json): method, learning_rate, learning_rate_range [lo, hi], epochs,
// epochs_range, validation_fraction, validation_fraction_range, sequence_length, batch_size,
// gradient_checkpointing, and for LoRA/QLoRA lora_rank, lora_alpha, lora_dropout,
// target_modules; QLoRA adds base_quantization "nf4".
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/advisor/memory_estimate.h"

namespace tb {

struct StartingSettings {
    TuningMethod method = TuningMethod::lora;
    double learning_rate = 1e-4;
    double learning_rate_min = 5e-5;
    double learning_rate_max = 2e-4;
    int epochs = 3;
    int epochs_min = 2;
    int epochs_max = 4;
    double validation_fraction = 0.12;
    double validation_fraction_min = 0.10;
    double validation_fraction_max = 0.15;
    int lora_rank = 16;
    int lora_alpha = 32;
    double lora_dropout = 0.05;
    std::vector<std::string> target_modules = {"q_proj",    "k_proj",  "v_proj",   "o_proj",
                                               "gate_proj", "up_proj", "down_proj"};
    std::int64_t sequence_length = 2048;
    std::int64_t batch_size = 1;
    bool gradient_checkpointing = true;
};

// The defaults above for `method`, with the sequence length, batch size, checkpointing and
// rank of the memory estimate (so the run matches what was estimated).
StartingSettings starting_settings(TuningMethod method, const MemoryEstimateOptions& memory = {});

nlohmann::json to_json(const StartingSettings& settings);

}  // namespace tb
