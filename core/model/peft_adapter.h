#pragma once
// PEFT LoRA adapters on disk: adapter_config.json + adapter_model.safetensors with names
// like "base_model.model.model.layers.0.self_attn.q_proj.lora_A.weight".
#include <filesystem>
#include <string>

#include "core/model/llama.h"

namespace tb {

struct PeftAdapterInfo {
    LoraOptions options;     // r, lora_alpha, lora_dropout, use_rslora, target_modules
    std::string base_model;  // base_model_name_or_path ("" when absent)
    int modules = 0;         // LoraLinears that received weights
};

// Reads adapter_config.json (tb::Error for what we cannot honour: DoRA, rank/alpha
// patterns, fan_in_fan_out, non-LoRA types) without loading weights.
PeftAdapterInfo read_peft_adapter_config(const std::filesystem::path& adapter_dir);

// Adds adapters to `model` and fills them from the folder. Throws tb::Error naming the
// tensor when a name does not match the model or a shape disagrees.
PeftAdapterInfo load_peft_adapter(CausalLMImpl& model, const std::filesystem::path& adapter_dir);

// Writes the model's current adapters in PEFT's layout (fp32 weights).
void save_peft_adapter(CausalLMImpl& model, const std::filesystem::path& adapter_dir, const LoraOptions& options,
                       const std::string& base_model = "");

}  // namespace tb
