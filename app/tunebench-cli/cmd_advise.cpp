// tunebench-cli advise: should this be fine-tuned, prompted better, or solved with retrieval?
// Thin: reads the answers file and the options, calls tb::evaluate, prints the advice.
#include <fstream>
#include <iostream>

#include "app/tunebench-cli/command.h"
#include "core/advisor/advice.h"
#include "core/advisor/decision_store.h"
#include "core/advisor/gpu_memory.h"
#include "core/common/error.h"
#include "core/project/project_file.h"

namespace {

nlohmann::json read_answers(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw tb::Error(path + ": cannot read the answers file");
    try {
        nlohmann::json answers = nlohmann::json::parse(in);
        if (!answers.is_object()) throw tb::Error(path + ": the answers file must hold a JSON object");
        return answers;
    } catch (const nlohmann::json::exception& e) {  // parse_error, and out_of_range for 1e400
        throw tb::Error(path + ": not valid JSON (" + e.what() + ")");
    }
}

int run_advise(const std::vector<std::string>& argv) {
    tbcli::Args args(argv,
                     {"answers", "model", "parameters", "gpu-memory", "sequence-length", "batch-size", "project",
                      "decided-by", "override", "reason"},
                     {"json"});
    if (!args.positionals().empty()) throw tbcli::UsageError("unexpected argument '" + args.positionals()[0] + "'");
    auto answers_path = args.value("answers");
    if (!answers_path) throw tbcli::UsageError("--answers FILE.json is required");
    if (args.value("model") && args.value("parameters"))
        throw tbcli::UsageError("give either --model DIR or --parameters COUNT, not both");
    const bool as_json = args.flag("json");
    const auto project_path = args.value("project");
    if (!project_path && (args.value("decided-by") || args.value("override") || args.value("reason")))
        throw tbcli::UsageError("--decided-by, --override and --reason record a decision: give --project too");
    if (project_path && !args.value("decided-by"))
        throw tbcli::UsageError("storing the decision in the project needs --decided-by NAME");
    if (args.value("override").has_value() != args.value("reason").has_value())
        throw tbcli::UsageError("--override REC and --reason TEXT go together");
    std::optional<tb::Approach> override_with;
    if (auto rec = args.value("override")) {
        try {
            override_with = tb::approach_from_string(*rec);
        } catch (const tb::Error& e) {
            throw tbcli::UsageError(std::string("--override: ") + e.what());
        }
    }

    const tb::DecisionTree& tree = tb::DecisionTree::builtin();
    tb::AdviceRequest request;
    request.answers = read_answers(*answers_path);

    // Every question of the tree must be answered in the file: a missing answer is named, never guessed.
    std::vector<std::string> missing = tree.unanswered_keys(request.answers);
    if (!missing.empty()) {
        std::cerr << "tunebench-cli advise: " << *answers_path << ": missing answer(s):\n";
        for (const auto& key : missing) std::cerr << "  " << key << ": " << tree.question(key).text << "\n";
        if (as_json) std::cout << nlohmann::json({{"error", "missing answers"}, {"missing", missing}}).dump(2) << "\n";
        return tbcli::kExitBadInput;
    }

    if (auto model = args.value("model")) request.model = tb::load_model_shape(*model);
    if (auto parameters = args.value("parameters"))
        request.model = tb::shape_for_parameter_count(tb::parse_parameter_count(*parameters));
    if (args.value("gpu-memory")) {
        double gib = args.number_or("gpu-memory", 0);
        if (!(gib > 0)) throw tbcli::UsageError("--gpu-memory needs a positive number of GiB");
        request.gpu_memory_gib = gib;
    } else if (auto gpu = tb::detect_gpu()) {
        // Detected, and said so: the user can still type another figure with --gpu-memory.
        request.gpu_memory_gib = gpu->memory_gib;
        std::cerr << "tunebench-cli advise: GPU memory " << gpu->memory_gib << " GiB detected (" << gpu->name
                  << ", nvidia-smi); --gpu-memory overrides it\n";
    }
    request.memory.sequence_length = args.integer_or("sequence-length", request.memory.sequence_length);
    request.memory.batch_size = args.integer_or("batch-size", request.memory.batch_size);
    if (request.memory.sequence_length <= 0 || request.memory.batch_size <= 0)
        throw tbcli::UsageError("--sequence-length and --batch-size must be positive");

    tb::Evaluation ev = tb::evaluate(tree, request);
    if (!ev.advice) throw tb::Error("the answers do not lead to a recommendation");  // unreachable: all answered
    nlohmann::json out = tb::to_json(*ev.advice);
    std::string stored_line;
    if (project_path) {
        tb::Decision decision =
            tb::make_decision(*ev.advice, *args.value("decided-by"), override_with, args.value_or("reason", ""));
        tb::ProjectFile project = tb::ProjectFile::open(*project_path);
        std::int64_t id = tb::store_decision(project, decision);
        out["decision"] = tb::to_json(decision);
        out["decision"]["id"] = id;
        stored_line = "\nDecision " + std::to_string(id) + " stored in " + *project_path + ": " +
                      tb::to_string(decision.chosen()) + ", decided by " + decision.decided_by +
                      (decision.override_with ? " (overriding " + std::string(tb::to_string(decision.recommended)) +
                                                    ": " + decision.override_reason + ")"
                                              : std::string()) +
                      "\n";
    }
    if (as_json)
        std::cout << out.dump(2) << "\n";
    else
        std::cout << tb::format_advice(*ev.advice) << stored_line;
    return tbcli::kExitOk;
}

tbcli::CommandRegistration advise_command({
    "advise",
    "advise --answers FILE.json [--model DIR | --parameters 7B] [--gpu-memory GiB] [--sequence-length N] "
    "[--batch-size N] [--project PROJECT --decided-by NAME [--override fine-tune|prompting|rag --reason TEXT]] "
    "[--json]",
    "Decide between fine-tuning, better prompting and retrieval (RAG); with a model, estimate GPU memory for "
    "LoRA/QLoRA/full and suggest the method and starting settings. Answers: goal, task (style, structured_output, "
    "narrow_latency_cost, domain_reasoning, knowledge, other), knowledge_changes_often, needs_citations, "
    "model_can_do_it_with_examples; a missing one exits 2. --project stores the decision (who, override and why).",
    run_advise,
});

}  // namespace
