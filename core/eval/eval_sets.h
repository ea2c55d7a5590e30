#pragma once
// What an eval run answers: the items of a golden set, of the validation split, or of the
// general-purpose set, each with the prompt turns, a reference, a rubric and tags.
//
// Set names (resolve_eval_set):
//   "validation"  the examples of the validation split. The prompt is every turn before the
//                 final assistant answer; that answer is the reference, scored by one exact
//                 criterion (whitespace-normalised, case-folded): examples carry no rubric, so
//                 free-text answers rarely pass and the mean score is what to watch.
//   "general"     the general-purpose set that measures forgetting, in this order:
//                 1. the golden set named by project_meta "eval.general_set" (set it with
//                    set_general_set_name, e.g. to an imported general golden set);
//                 2. the only golden set of kind "general", when there is exactly one;
//                 3. the examples tagged "general" (scored like validation examples).
//                 Anything else is a tb::Error saying how to choose one.
//   any other     the golden set of that name (tb::Error listing the sets when missing).
//
// Tags (for per-tag comparisons): an example's own tags; a golden item's tags are those of
// the examples that share its normalised prompt (core/curation/prompt_key.h), since golden
// items have no tags of their own but are usually drawn from tagged examples.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/curation/rubric.h"
#include "core/dataset/example.h"

namespace tb {

class ProjectFile;

inline constexpr const char* kValidationSetName = "validation";
inline constexpr const char* kGeneralSetName = "general";
inline constexpr const char* kGeneralTag = "general";
inline constexpr const char* kGeneralSetMetaKey = "eval.general_set";
inline constexpr double kStaleEvalSetDays = 90.0;

struct EvalItem {
    std::optional<std::int64_t> golden_item_id;
    std::optional<std::int64_t> example_id;
    std::vector<Message> prompt;  // turns to answer (no final assistant answer)
    std::string reference;
    Rubric rubric;
    std::vector<std::string> tags;  // sorted, unique
    // "golden:<id>" or "example:<id>": the key load_eval_results uses.
    std::string key() const;
};

struct EvalSet {
    std::string name;        // as asked ("validation", "general", a golden set name)
    std::string source;      // "golden" | "validation_split" | "general_examples"
    std::string golden_set;  // the golden set used, "" for examples
    std::vector<EvalItem> items;
};

// Throws tb::Error when the set is missing or empty.
EvalSet resolve_eval_set(const ProjectFile& project, const std::string& name);

// Examples of one split ("train" | "validation" | "test"; "" = all), optionally only those
// carrying `tag`, as items scored by reference_rubric; source "<split>_split" (or
// "general_examples"). Examples that do not end with an assistant answer are skipped.
EvalSet examples_eval_set(const ProjectFile& project, const std::string& name, const std::string& split,
                          const std::string& tag = "");

// The rubric examples are scored with: one exact criterion against the final answer.
Rubric reference_rubric(const std::string& reference);

// Names the golden set `--set general` should use (it must exist); "" clears the choice.
void set_general_set_name(ProjectFile& project, const std::string& golden_set_name);

// Example id -> its tags (sorted), for every tagged example.
std::map<std::int64_t, std::vector<std::string>> example_tags_by_id(const ProjectFile& project);
// Golden item id -> tags of the examples with the same normalised prompt.
std::map<std::int64_t, std::vector<std::string>> golden_item_tags(const ProjectFile& project);

// How old a golden set is: days since its newest item was added (created_at), measured
// against `now_iso` (UTC "YYYY-MM-DDTHH:MM:SS[.fff]Z"; empty: now).
struct EvalSetAge {
    std::string set;
    std::string last_added_at;  // "" for an empty set
    double days = 0.0;
    bool stale = false;   // days > kStaleEvalSetDays
    std::string warning;  // human sentence when stale
};
EvalSetAge eval_set_age(const ProjectFile& project, const std::string& golden_set_name,
                        const std::string& now_iso = "");

// Seconds since the epoch of a UTC ISO 8601 time as the project writes them; throws tb::Error.
double parse_utc_seconds(const std::string& iso);

}  // namespace tb
