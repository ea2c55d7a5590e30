#include "core/advisor/base_model_advice.h"

#include <cstdio>

#include "core/common/error.h"

namespace tb {
namespace {

std::string gib(double bytes) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f GiB", bytes / kBytesPerGiB);
    return text;
}

std::string billions(std::int64_t parameters) { return format_parameter_count(parameters); }

const MemoryEstimate* find(const std::vector<MemoryEstimate>& estimates, TuningMethod method) {
    for (const auto& e : estimates)
        if (e.method == method) return &e;
    return nullptr;
}

}  // namespace

ModelSizeAdvice model_size_for_task(const std::string& task) {
    if (task == "style" || task == "structured_output")
        return {task, 7, 8, "about 7B",
                "style and format are learned well by a ~7B model with LoRA; larger models cost more to train and "
                "serve for little gain on these tasks"};
    if (task == "narrow_latency_cost")
        return {task, 1, 8, "1-8B (1-3B when the task is very narrow)",
                "the point is a small, fast model: start with the smallest one that reaches the large model's "
                "accuracy on the golden set"};
    if (task == "domain_reasoning")
        return {task, 32, 70, "32-70B",
                "fine-tuning adapts how a model reasons but does not add capacity: domain reasoning needs a strong "
                "base model"};
    if (task == "knowledge" || task == "other")
        return {task, 7, 8, "about 7B",
                "a ~7B instruct model is the usual starting point when fine-tuning is tried at all"};
    throw Error("unknown task '" + task +
                "': use style, structured_output, narrow_latency_cost, domain_reasoning, knowledge or other");
}

std::vector<std::string> model_size_warnings(const ModelSizeAdvice& advice, std::int64_t parameters) {
    std::vector<std::string> warnings;
    const double b = double(parameters) / 1e9;
    if (b < 4.0 && advice.task != "narrow_latency_cost")
        warnings.push_back("a " + billions(parameters) +
                           " model is a small model (the 1-3B class or below): it often learns the format but not the "
                           "substance; use it only if the task is very narrow, and compare it with a ~7B model on the "
                           "golden set");
    else if (advice.task == "domain_reasoning" && b < 30.0)
        warnings.push_back(billions(parameters) +
                           " is below the 32-70B domain reasoning usually needs: expect the tuned model to imitate the "
                           "form of expert answers more than their reasoning");
    if (b > 2.0 * advice.max_billion_parameters)
        warnings.push_back(billions(parameters) + " is much larger than the " + advice.size +
                           " this task usually needs: a smaller model is cheaper to train and to serve, try one first");
    return warnings;
}

MethodChoice choose_method(const std::vector<MemoryEstimate>& estimates, std::optional<double> gpu_memory_gib) {
    MethodChoice choice;
    const std::string lora_default =
        "LoRA is the default: it trains well under 1% of the weights, needs a fraction of full fine-tuning's memory, "
        "and leaves the base model untouched (adapters are small and can be swapped)";
    const MemoryEstimate* lora = find(estimates, TuningMethod::lora);
    const MemoryEstimate* qlora = find(estimates, TuningMethod::qlora);
    const MemoryEstimate* full = find(estimates, TuningMethod::full);
    if (!lora || !qlora) {
        choice.reasons.push_back(lora_default);
        choice.reasons.push_back("give the model (--model) and the GPU memory (--gpu-memory) to check that it fits");
        return choice;
    }
    if (!gpu_memory_gib) {
        choice.reasons.push_back(lora_default);
        choice.reasons.push_back("LoRA needs about " + gib(lora->total_bytes) + " (QLoRA about " +
                                 gib(qlora->total_bytes) +
                                 "); give the GPU memory (--gpu-memory) to check that it fits");
    } else {
        const double available = *gpu_memory_gib * kBytesPerGiB;
        char gpu[32];
        std::snprintf(gpu, sizeof gpu, "%.3g GiB", *gpu_memory_gib);
        if (lora->total_bytes <= available) {
            choice.fits = true;
            choice.reasons.push_back(lora_default);
            choice.reasons.push_back("LoRA needs about " + gib(lora->total_bytes) + ", within the " + gpu +
                                     " available");
        } else if (qlora->total_bytes <= available) {
            choice.method = TuningMethod::qlora;
            choice.fits = true;
            choice.reasons.push_back("LoRA needs about " + gib(lora->total_bytes) + ", more than the " + gpu +
                                     " available; QLoRA (4-bit base) needs about " + gib(qlora->total_bytes) +
                                     " and fits");
            choice.reasons.push_back(
                "QLoRA trains the same kind of adapter; steps are slower and the 4-bit base is "
                "slightly less exact, so evaluate the adapter on the bf16 model too");
        } else {
            choice.method = TuningMethod::qlora;
            choice.fits = false;
            choice.reasons.push_back("QLoRA (4-bit base) needs the least memory of the three methods");
            choice.warnings.push_back("even QLoRA needs about " + gib(qlora->total_bytes) + ", more than the " + gpu +
                                      " available: shorten the sequence length, use a smaller model or a larger GPU");
        }
    }
    if (full)
        choice.reasons.push_back("full fine-tuning would need about " + gib(full->total_bytes) +
                                 "; it is worth it only when LoRA falls short on the golden set: it changes every "
                                 "weight (more forgetting) and every run stores a full copy of the model");
    return choice;
}

}  // namespace tb
