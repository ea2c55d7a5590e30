#pragma once
// Golden-item rubrics: a list of criteria the evaluation scores an answer against. Parsing
// is strict (unknown keys, wrong types and keys that do not belong to a kind are errors)
// because a silently ignored typo in a rubric makes a test pass that should fail.
//
// JSON of one criterion:
//   {"kind": "exact" | "contains" | "regex" | "json_field" | "numeric" | "judge",
//    "expected": ...,        exact/contains/regex: string (regex: a PCRE2 pattern);
//                            json_field: any JSON value; numeric: a number; judge: absent
//    "path": "a.b[0]",       json_field only (required)
//    "tolerance": 0.01,      numeric only (>= 0, default 0)
//    "pass": "...",          judge only (required): what a passing answer does
//    "weight": 1,            > 0, default 1
//    "critical": false}      default false: a failed critical criterion fails the item
#include <cstddef>
#include <string>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

namespace tb {

enum class CriterionKind { exact, contains, regex, json_field, numeric, judge };
const char* to_string(CriterionKind kind);

struct Criterion {
    CriterionKind kind = CriterionKind::exact;
    nlohmann::json expected;  // null for judge
    std::string path;         // json_field
    double tolerance = 0.0;   // numeric
    std::string pass;         // judge
    double weight = 1.0;
    bool critical = false;
};

struct Rubric {
    std::vector<Criterion> criteria;
    double total_weight() const;
};

// Throws tb::Error with a reason naming the criterion ("criterion 2: unknown key 'wieght'").
Criterion parse_criterion(const nlohmann::json& j);
Rubric parse_rubric(const nlohmann::json& criteria_array);  // a JSON array, at least one criterion
nlohmann::json to_json(const Criterion& criterion);
nlohmann::json to_json(const Rubric& rubric);  // the array form, as in golden JSONL
// Checks a criterion built in code (the GUI editor): same rules as parsing.
void validate_criterion(const Criterion& criterion);

// JSON paths of json_field criteria: "a.b[0].c", keys separated by dots, [N] indexes arrays.
using JsonPathStep = std::variant<std::string, std::size_t>;
std::vector<JsonPathStep> parse_json_path(const std::string& path);  // throws tb::Error
// The value at `path` in `document`, or nullptr when it is absent.
const nlohmann::json* resolve_json_path(const nlohmann::json& document, const std::vector<JsonPathStep>& path);

}  // namespace tb
