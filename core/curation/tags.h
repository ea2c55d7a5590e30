#pragma once
// User-defined tags (topic, intent, difficulty, ...) and the built-in edge-case tags, on
// examples. Tags may carry a group as "group:value" ("topic:billing"): splits stratify by
// a group. Bulk tagging applies to every example matching a filter or full-text search.
#include <cstdint>
#include <string>
#include <vector>

#include "core/project/examples.h"
#include "core/project/project_file.h"

namespace tb {

// Built-in edge-case tags every project has.
const std::vector<std::string>& builtin_edge_case_tags();  // adversarial, ambiguous, out-of-domain, should-refuse
// Set on examples whose review predates a guideline change; a new review clears it.
inline constexpr const char* kNeedsRereviewTag = "needs-re-review";

// Throws tb::Error for an empty name, leading/trailing spaces or control characters.
void validate_tag_name(const std::string& name);

// Creates the built-in tags when missing (idempotent).
void ensure_builtin_tags(ProjectFile& project);
// The tag's id, creating it when missing.
std::int64_t ensure_tag(ProjectFile& project, const std::string& name);
// Deletes the tag and its assignments; false when there was no such tag.
bool delete_tag(ProjectFile& project, const std::string& name);

struct TagCount {
    std::string name;
    std::int64_t examples = 0;
    bool builtin = false;
};
// Every tag with its number of examples, by name.
std::vector<TagCount> list_tags(const ProjectFile& project);
std::vector<std::string> tags_of(const ProjectFile& project, std::int64_t example_id);

// One example; true when the assignment changed. Throws tb::Error for an unknown example.
bool add_tag(ProjectFile& project, std::int64_t example_id, const std::string& tag);
bool remove_tag(ProjectFile& project, std::int64_t example_id, const std::string& tag);

// Bulk: every example matching the filter (ExampleFilter::text is a full-text search), in
// one transaction. Returns how many examples changed.
std::int64_t tag_matching(ProjectFile& project, const ExampleFilter& filter, const std::string& tag);
std::int64_t untag_matching(ProjectFile& project, const ExampleFilter& filter, const std::string& tag);
// Bulk over explicit ids (a selection in the GUI).
std::int64_t tag_examples(ProjectFile& project, const std::vector<std::int64_t>& example_ids, const std::string& tag);

}  // namespace tb
