#pragma once
// The advisor in one call: answers (+ optionally a model and the GPU memory) -> whether to
// fine-tune, prompt better or use retrieval, why, what to try first, the base model size,
// the memory per method, the method, and starting settings. The CLI (`advise`) and the GUI's
// new-project wizard both go through evaluate(); the wizard also walks the tree question by
// question through DecisionTree::walk().
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/advisor/base_model_advice.h"
#include "core/advisor/decision_tree.h"
#include "core/advisor/memory_estimate.h"
#include "core/advisor/model_shape.h"
#include "core/advisor/training_settings.h"

namespace tb {

struct Recommendation {
    Approach recommendation = Approach::prompting;
    std::string leaf_id;  // the tree leaf, e.g. "fine_tune.style"
    std::string title;
    std::vector<std::string> reasons;
    std::string try_first;
    std::optional<TuningMethod> method;        // fine-tune only
    std::optional<StartingSettings> settings;  // fine-tune only
};

struct AdviceRequest {
    nlohmann::json answers = nlohmann::json::object();
    std::optional<ModelShape> model;       // from --model DIR or a typed-in parameter count
    std::optional<double> gpu_memory_gib;  // what the training GPU has free
    MemoryEstimateOptions memory;
};

struct Advice {
    Recommendation recommendation;
    std::string goal;
    std::string task;
    ModelSizeAdvice model_size;
    std::optional<ModelShape> model;
    std::vector<MemoryEstimate> memory;  // LoRA, QLoRA, full; empty without a model
    std::optional<double> gpu_memory_gib;
    MemoryEstimateOptions memory_options;
    std::vector<std::string> method_reasons;  // why this method (fine-tune only)
    std::vector<std::string> warnings;
    std::vector<std::string> assumptions;  // the memory model's, when there is a model
    nlohmann::json answers;
    int tree_version = 0;
};

struct Evaluation {
    TreeWalk walk;                        // walk.next_question: what the wizard asks now
    std::vector<std::string> unanswered;  // every question of the tree without an answer, in tree order
    std::optional<Advice> advice;         // set once the answers lead to a leaf
};

// Never guesses: without a leaf, `advice` is empty and walk.next_question says what is
// needed. Throws tb::Error for an answer of the wrong type or value, or a bad request
// (non-positive GPU memory).
Evaluation evaluate(const DecisionTree& tree, const AdviceRequest& request);

// The CLI's --json object: recommendation, title, leaf, reasons, try_first, method (null
// unless fine-tune), method_reasons, settings, base_model, model and memory_gib (only with a
// model: {"lora", "qlora", "full"} in GiB), memory_breakdown_gib, gpu_memory_gib, fits,
// warnings, assumptions, goal, answers, tree_version.
nlohmann::json to_json(const Advice& advice);

// Human-readable report, as `tunebench-cli advise` prints it.
std::string format_advice(const Advice& advice);

}  // namespace tb
