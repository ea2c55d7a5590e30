#pragma once
// Which base model size and which tuning method to start from, given the task kind (the
// decision tree's "task" answer), the model (when one is given) and the GPU memory.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/advisor/memory_estimate.h"

namespace tb {

struct ModelSizeAdvice {
    std::string task;  // the "task" answer
    double min_billion_parameters = 0;
    double max_billion_parameters = 0;
    std::string size;  // "about 7B", "32-70B", ...
    std::string why;
};

// style, structured_output, knowledge, other: about 7B (7-8B); narrow_latency_cost: 1-8B
// (1-3B when very narrow); domain_reasoning: 32-70B. Throws tb::Error for an unknown task.
ModelSizeAdvice model_size_for_task(const std::string& task);

// Warnings for a model of `parameters` weights: a 1-3B model (under 4B) unless the task is
// narrow; under 30B for domain reasoning; more than twice the recommended maximum.
std::vector<std::string> model_size_warnings(const ModelSizeAdvice& advice, std::int64_t parameters);

struct MethodChoice {
    TuningMethod method = TuningMethod::lora;
    std::optional<bool> fits;  // unknown without both a model and the GPU memory
    std::vector<std::string> reasons;
    std::vector<std::string> warnings;
};

// LoRA unless it does not fit the GPU and QLoRA does; QLoRA with a warning when nothing
// fits. Full fine-tuning is never chosen here: it needs a reason a form cannot know (LoRA
// measured short on the golden set), so its cost is reported as a note instead.
// `estimates` are estimate_all_methods()'s (LoRA, QLoRA, full), empty without a model.
MethodChoice choose_method(const std::vector<MemoryEstimate>& estimates, std::optional<double> gpu_memory_gib);

}  // namespace tb
