#include "core/curation/training_set.h"

#include <algorithm>
#include <unordered_set>

#include <nlohmann/json.hpp>

#include "core/common/error.h"
#include "core/curation/prompt_key.h"
#include "core/curation/reviews.h"

namespace tb {
namespace {

Example example_from_text(const std::string& text, const std::string& what) {
    auto j = nlohmann::json::parse(text, nullptr, false);
    if (j.is_discarded()) throw Error(what + " has damaged message JSON in the project");
    return example_from_json(j);
}

// Everything that identifies a golden item's content: the hash of its input turns, of its
// input plus the reference as the assistant turn, and its normalised prompt.
struct GoldenFingerprints {
    std::unordered_set<std::string> hashes;
    std::unordered_set<std::string> prompts;
};

GoldenFingerprints golden_fingerprints(const ProjectFile& project) {
    GoldenFingerprints f;
    auto s = project.prepare("SELECT id, messages, reference FROM golden_items");
    while (s.step()) {
        Example item = example_from_text(s.column_text(1), "golden item " + std::to_string(s.column_int64(0)));
        f.hashes.insert(content_hash(item));
        if (auto prompt = normalised_prompt(item.messages); !prompt.empty()) f.prompts.insert(prompt);
        Message answer;
        answer.role = "assistant";
        answer.content = s.column_text(2);
        item.messages.push_back(answer);
        f.hashes.insert(content_hash(item));
    }
    return f;
}

}  // namespace

TrainingSelection select_training_examples(const ProjectFile& project, const TrainingPolicy& policy,
                                           const JobContext& ctx) {
    TrainingSelection selection;
    GoldenFingerprints golden = golden_fingerprints(project);
    std::vector<std::int64_t> accepted = accepted_example_ids(project);  // ascending
    selection.accepted = static_cast<std::int64_t>(accepted.size());

    auto s = project.prepare(
        "SELECT e.id, e.content_hash, e.messages, s.split FROM examples AS e "
        "LEFT JOIN splits AS s ON s.example_id = e.id ORDER BY e.id");
    while (s.step()) {
        ++selection.examples;
        if (selection.examples % 4096 == 0) ctx.check_cancel();
        std::int64_t id = s.column_int64(0);
        auto split = s.column_optional_text(3);
        if (split && *split != "train") {
            ++selection.excluded_held_out;
            continue;
        }
        if (!split && !policy.include_unassigned) {
            ++selection.excluded_unassigned;
            continue;
        }
        if (policy.accepted_only && !std::binary_search(accepted.begin(), accepted.end(), id)) {
            ++selection.excluded_not_accepted;
            continue;
        }
        bool in_golden = golden.hashes.count(s.column_text(1)) > 0;
        if (!in_golden && !golden.hashes.empty()) {
            Example example = example_from_text(s.column_text(2), "example " + std::to_string(id));
            Example prompt_only;
            prompt_only.messages = prompt_messages(example.messages);
            prompt_only.tools = example.tools;
            in_golden = golden.hashes.count(content_hash(prompt_only)) > 0 ||
                        golden.prompts.count(normalised_prompt(example.messages)) > 0;
        }
        if (in_golden) {
            ++selection.excluded_golden;
            continue;
        }
        selection.example_ids.push_back(id);
    }
    return selection;
}

std::vector<std::int64_t> training_example_ids(const ProjectFile& project, const TrainingPolicy& policy) {
    return select_training_examples(project, policy).example_ids;
}

TrainingPolicy stored_training_policy(const ProjectFile& project) {
    TrainingPolicy policy;
    policy.accepted_only = project.meta("curation.train_accepted_only").value_or("0") == "1";
    policy.include_unassigned = project.meta("curation.train_include_unassigned").value_or("0") == "1";
    return policy;
}

void store_training_policy(ProjectFile& project, const TrainingPolicy& policy) {
    project.transaction([&] {
        project.set_meta("curation.train_accepted_only", policy.accepted_only ? "1" : "0");
        project.set_meta("curation.train_include_unassigned", policy.include_unassigned ? "1" : "0");
    });
}

}  // namespace tb
