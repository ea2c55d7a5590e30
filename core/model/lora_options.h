#pragma once
// The settings of a LoRA adapter, torch-free: the GUI's run dialog and core/train/trainer.h
// include this, not core/model/lora.h (which brings libtorch's headers).
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

namespace tb {

struct LoraOptions {
    std::int64_t rank = 8;
    double alpha = 16.0;
    double dropout = 0.0;
    bool use_rslora = false;  // scale alpha/sqrt(r) instead of alpha/r
    // Module names (last path component) that get an adapter. The adapter weights are always
    // fp32, even over a bf16 base: they are what the optimizer updates.
    std::vector<std::string> target_modules = {"q_proj",    "k_proj",  "v_proj",   "o_proj",
                                               "gate_proj", "up_proj", "down_proj"};
    double scale() const {
        return use_rslora ? alpha / std::sqrt(static_cast<double>(rank)) : alpha / static_cast<double>(rank);
    }
};

}  // namespace tb
