#pragma once
// Golden test sets: named sets of items (input turns, an expert reference answer, a rubric)
// the evaluation scores models against. kind "task" measures the fine-tuned task; kind
// "general" (an imported general-purpose set) measures forgetting. Items record who wrote
// the reference and when.
//
// JSONL, one item per line (import and export use the same schema):
//   {"messages": [{"role": "user", "content": "..."}], "reference": "...", "rubric": [...],
//    "author": "..." (optional)}
// Unknown keys, a missing key or a bad rubric are tb::InputError(FILE, LINE, reason).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/common/output_file.h"
#include "core/curation/rubric.h"
#include "core/dataset/example.h"
#include "core/project/project_file.h"

namespace tb {

enum class GoldenKind { task, general };
const char* to_string(GoldenKind kind);

inline constexpr std::int64_t kRecommendedGoldenMin = 100;
inline constexpr std::int64_t kRecommendedGoldenMax = 500;
// Advice when a set's size is outside the recommended 100-500 items; nullopt inside.
std::optional<std::string> golden_size_advice(std::int64_t items);

struct GoldenSet {
    std::int64_t id = 0;
    std::string name;
    GoldenKind kind = GoldenKind::task;
    std::string description;
    std::string created_at;
    std::int64_t items = 0;
};

struct GoldenItem {
    std::int64_t id = 0;  // 0 before it is stored
    std::int64_t set_id = 0;
    std::vector<Message> messages;  // the input turns
    std::string reference;          // the expert answer
    Rubric rubric;
    std::string author;  // who wrote the reference
    std::string created_at;
    std::string updated_at;
};

std::int64_t create_golden_set(ProjectFile& project, const std::string& name, GoldenKind kind,
                               const std::string& description = "");
std::vector<GoldenSet> list_golden_sets(const ProjectFile& project);
std::optional<GoldenSet> find_golden_set(const ProjectFile& project, const std::string& name);
bool delete_golden_set(ProjectFile& project, const std::string& name);

std::vector<GoldenItem> golden_items(const ProjectFile& project, std::int64_t set_id);
std::optional<GoldenItem> get_golden_item(const ProjectFile& project, std::int64_t item_id);
// Validates (messages non-empty and not ending with an assistant turn, rubric criteria valid).
std::int64_t add_golden_item(ProjectFile& project, const GoldenItem& item);
void update_golden_item(ProjectFile& project, const GoldenItem& item);  // by item.id; bumps updated_at
bool delete_golden_item(ProjectFile& project, std::int64_t item_id);
// From a reviewed example: its prompt turns become the input, its last assistant turn the reference.
std::int64_t add_golden_item_from_example(ProjectFile& project, std::int64_t set_id, std::int64_t example_id,
                                          const Rubric& rubric, const std::string& author);

// Throws tb::Error naming the problem.
void validate_golden_item(const GoldenItem& item);
// One JSONL line's object -> item (strict); throws tb::InputError(file, line, reason).
GoldenItem golden_item_from_json(const nlohmann::json& j, const std::string& file, std::size_t line);
nlohmann::json to_json(const GoldenItem& item);

struct GoldenImportResult {
    std::int64_t set_id = 0;
    bool created = false;  // the set did not exist before
    std::int64_t added = 0;
    std::int64_t duplicates = 0;  // same messages and reference as an item already in the set
};
// One transaction: a bad line leaves the project unchanged. Creates the set when missing;
// an existing set must have the same kind. `author` is used for lines without one.
GoldenImportResult import_golden_jsonl(ProjectFile& project, const std::string& set_name, const std::string& path,
                                       GoldenKind kind, const std::string& author = "");
// Writes the set's items as JSONL; returns the number of items. Throws when the set is missing.
// `path` follows the output rule of core/common/output_file.h.
std::int64_t export_golden_jsonl(const ProjectFile& project, const std::string& set_name, const std::string& path,
                                 Overwrite overwrite = Overwrite::refuse);

}  // namespace tb
