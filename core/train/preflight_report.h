#pragma once
// What the trainer measures before step 1 (tb::Trainer::preflight): example and token counts,
// steps, the template used, a timed warm-up's estimate of time and memory, and warnings. As
// JSON (CLI --json-preflight, tunebench_run.json) and as the text the CLI prints and the run
// dialog shows. Torch-free.
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace tb {

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

}  // namespace tb
