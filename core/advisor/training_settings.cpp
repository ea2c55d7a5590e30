#include "core/advisor/training_settings.h"

namespace tb {

StartingSettings starting_settings(TuningMethod method, const MemoryEstimateOptions& memory) {
    StartingSettings s;
    s.method = method;
    s.sequence_length = memory.sequence_length;
    s.batch_size = memory.batch_size;
    s.gradient_checkpointing = memory.gradient_checkpointing;
    s.lora_rank = memory.lora_rank;
    s.lora_alpha = 2 * memory.lora_rank;  // alpha = 2r keeps the adapter's scale alpha/r at 2
    if (method == TuningMethod::full) {
        s.learning_rate = 1e-5;
        s.learning_rate_min = 5e-6;
        s.learning_rate_max = 2e-5;
        s.lora_rank = s.lora_alpha = 0;
        s.lora_dropout = 0;
        s.target_modules.clear();
    }
    return s;
}

nlohmann::json to_json(const StartingSettings& s) {
    nlohmann::json j = {
        {"method", to_string(s.method)},
        {"learning_rate", s.learning_rate},
        {"learning_rate_range", {s.learning_rate_min, s.learning_rate_max}},
        {"epochs", s.epochs},
        {"epochs_range", {s.epochs_min, s.epochs_max}},
        {"validation_fraction", s.validation_fraction},
        {"validation_fraction_range", {s.validation_fraction_min, s.validation_fraction_max}},
        {"sequence_length", s.sequence_length},
        {"batch_size", s.batch_size},
        {"gradient_checkpointing", s.gradient_checkpointing},
    };
    if (s.method != TuningMethod::full) {
        j["lora_rank"] = s.lora_rank;
        j["lora_alpha"] = s.lora_alpha;
        j["lora_dropout"] = s.lora_dropout;
        j["target_modules"] = s.target_modules;
    }
    if (s.method == TuningMethod::qlora) j["base_quantization"] = "nf4";
    return j;
}

}  // namespace tb
