#include "core/advisor/advice.h"

#include <cmath>
#include <cstdio>
#include <sstream>

#include "core/common/error.h"

namespace tb {
namespace {

double round2(double value) { return std::round(value * 100.0) / 100.0; }

std::string fixed(double value, const char* format = "%.1f") {
    char text[48];
    std::snprintf(text, sizeof text, format, value);
    return text;
}

std::string billions(std::int64_t parameters) { return format_parameter_count(parameters); }

const char* method_label(TuningMethod method) {
    switch (method) {
        case TuningMethod::lora:
            return "LoRA";
        case TuningMethod::qlora:
            return "QLoRA";
        case TuningMethod::full:
            return "full";
    }
    return "LoRA";
}

}  // namespace

Evaluation evaluate(const DecisionTree& tree, const AdviceRequest& request) {
    if (request.gpu_memory_gib && !(*request.gpu_memory_gib > 0))
        throw Error("the GPU memory must be a positive number of GiB");
    Evaluation ev;
    ev.walk = tree.walk(request.answers);
    ev.unanswered = tree.unanswered_keys(request.answers);
    if (!ev.walk.leaf) return ev;

    const TreeLeaf& leaf = *ev.walk.leaf;
    Advice a;
    a.answers = request.answers;
    a.tree_version = tree.version();
    a.goal = request.answers.value("goal", std::string());
    a.task = request.answers.value("task", std::string("other"));
    a.recommendation.recommendation = leaf.approach;
    a.recommendation.leaf_id = leaf.id;
    a.recommendation.title = leaf.title;
    a.recommendation.reasons = leaf.reasons;
    a.recommendation.try_first = leaf.try_first;
    a.model_size = model_size_for_task(a.task);
    a.memory_options = request.memory;
    a.gpu_memory_gib = request.gpu_memory_gib;
    if (request.model) {
        a.model = request.model;
        a.memory = estimate_all_methods(*request.model, request.memory);
        a.assumptions = memory_assumptions(request.memory);
    }
    if (leaf.approach == Approach::fine_tune) {
        MethodChoice choice = choose_method(a.memory, request.gpu_memory_gib);
        a.recommendation.method = choice.method;
        a.recommendation.settings = starting_settings(choice.method, request.memory);
        a.method_reasons = choice.reasons;
        a.warnings = choice.warnings;
        if (request.model) {
            auto size_warnings = model_size_warnings(a.model_size, request.model->parameters);
            a.warnings.insert(a.warnings.end(), size_warnings.begin(), size_warnings.end());
        }
    }
    ev.advice = std::move(a);
    return ev;
}

nlohmann::json to_json(const Advice& a) {
    const Recommendation& r = a.recommendation;
    nlohmann::json j = {
        {"recommendation", to_string(r.recommendation)},
        {"title", r.title},
        {"leaf", r.leaf_id},
        {"reasons", r.reasons},
        {"try_first", r.try_first},
        {"method", r.method ? nlohmann::json(to_string(*r.method)) : nlohmann::json(nullptr)},
        {"method_reasons", a.method_reasons},
        {"settings", r.settings ? to_json(*r.settings) : nlohmann::json::object()},
        {"base_model",
         {{"task", a.model_size.task},
          {"size", a.model_size.size},
          {"min_billion_parameters", a.model_size.min_billion_parameters},
          {"max_billion_parameters", a.model_size.max_billion_parameters},
          {"why", a.model_size.why}}},
        {"gpu_memory_gib", a.gpu_memory_gib ? nlohmann::json(*a.gpu_memory_gib) : nlohmann::json(nullptr)},
        {"warnings", a.warnings},
        {"goal", a.goal},
        {"answers", a.answers},
        {"tree_version", a.tree_version},
    };
    if (a.model) {
        j["model"] = {{"source", a.model->source},
                      {"parameters", a.model->parameters},
                      {"lora_parameters", lora_parameter_count(*a.model, a.memory_options.lora_rank)}};
        nlohmann::json memory = nlohmann::json::object(), breakdown = nlohmann::json::object(),
                       fits = nlohmann::json::object();
        for (const auto& e : a.memory) {
            memory[to_string(e.method)] = round2(e.total_gib());
            breakdown[to_string(e.method)] = {{"weights", round2(e.weight_bytes / kBytesPerGiB)},
                                              {"trainable_state", round2(e.trainable_state_bytes / kBytesPerGiB)},
                                              {"activations", round2(e.activation_bytes / kBytesPerGiB)},
                                              {"logits", round2(e.logits_bytes / kBytesPerGiB)},
                                              {"overhead", round2(e.overhead_bytes / kBytesPerGiB)},
                                              {"trainable_parameters", e.trainable_parameters}};
            if (a.gpu_memory_gib) fits[to_string(e.method)] = e.total_gib() <= *a.gpu_memory_gib;
        }
        j["memory_gib"] = memory;
        j["memory_breakdown_gib"] = breakdown;
        if (a.gpu_memory_gib) j["fits"] = fits;
        j["assumptions"] = a.assumptions;
    }
    return j;
}

std::string format_advice(const Advice& a) {
    const Recommendation& r = a.recommendation;
    std::ostringstream out;
    out << "Recommendation: " << to_string(r.recommendation) << " - " << r.title << "\n";
    if (!a.goal.empty()) out << "Goal: " << a.goal << "\n";
    out << "\nWhy:\n";
    for (const auto& reason : r.reasons) out << "  - " << reason << "\n";
    out << "\nTry first: " << r.try_first << "\n";
    out << "\nBase model: " << a.model_size.size << " (task: " << a.model_size.task << "): " << a.model_size.why
        << "\n";
    if (a.model) {
        out << "\nModel: " << a.model->source << "\n  " << billions(a.model->parameters) << " parameters ("
            << a.model->parameters << "); LoRA rank " << a.memory_options.lora_rank << " trains "
            << lora_parameter_count(*a.model, a.memory_options.lora_rank) << " parameters\n";
        out << "\nGPU memory estimate (sequence length " << a.memory_options.sequence_length << ", batch size "
            << a.memory_options.batch_size << ", gradient checkpointing "
            << (a.memory_options.gradient_checkpointing ? "on" : "off") << "):\n";
        for (const auto& e : a.memory) {
            out << "  " << method_label(e.method) << std::string(7 - std::string(method_label(e.method)).size(), ' ')
                << fixed(e.total_gib(), "%7.1f") << " GiB  (weights " << fixed(e.weight_bytes / kBytesPerGiB)
                << ", trainable state " << fixed(e.trainable_state_bytes / kBytesPerGiB) << ", activations "
                << fixed(e.activation_bytes / kBytesPerGiB) << ", logits " << fixed(e.logits_bytes / kBytesPerGiB)
                << ", overhead " << fixed(e.overhead_bytes / kBytesPerGiB) << ")";
            if (a.gpu_memory_gib)
                out << (e.total_gib() <= *a.gpu_memory_gib ? "  fits" : "  does not fit") << " in "
                    << fixed(*a.gpu_memory_gib, "%.3g") << " GiB";
            out << "\n";
        }
    }
    if (r.method && r.settings) {
        out << "\nMethod: " << method_label(*r.method) << "\n";
        for (const auto& reason : a.method_reasons) out << "  - " << reason << "\n";
        const nlohmann::json s = to_json(*r.settings);
        out << "\nSuggested settings:\n";
        out << "  learning rate " << fixed(s["learning_rate"].get<double>(), "%g") << " (range "
            << fixed(s["learning_rate_range"][0].get<double>(), "%g") << " to "
            << fixed(s["learning_rate_range"][1].get<double>(), "%g") << ")\n";
        out << "  epochs " << s["epochs"].get<int>() << " (" << s["epochs_range"][0].get<int>() << "-"
            << s["epochs_range"][1].get<int>() << ")\n";
        out << "  validation split " << fixed(100 * s["validation_fraction"].get<double>(), "%.0f") << "% ("
            << fixed(100 * s["validation_fraction_range"][0].get<double>(), "%.0f") << "-"
            << fixed(100 * s["validation_fraction_range"][1].get<double>(), "%.0f") << "%)\n";
        if (s.contains("lora_rank"))
            out << "  LoRA rank " << s["lora_rank"].get<int>() << ", alpha " << s["lora_alpha"].get<int>()
                << ", dropout " << fixed(s["lora_dropout"].get<double>(), "%g") << ", on q, k, v, o, gate, up, down\n";
        out << "  sequence length " << s["sequence_length"].get<std::int64_t>() << ", batch size "
            << s["batch_size"].get<std::int64_t>() << "\n";
    }
    if (!a.warnings.empty()) {
        out << "\nWarnings:\n";
        for (const auto& w : a.warnings) out << "  ! " << w << "\n";
    }
    if (!a.assumptions.empty()) {
        out << "\nAssumptions of the memory estimate:\n";
        for (const auto& line : a.assumptions) out << "  - " << line << "\n";
    }
    return out.str();
}

}  // namespace tb
