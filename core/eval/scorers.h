#pragma once
// Deterministic scorers for model answers, and the rubric scorer that applies a golden
// item's criteria (core/curation/rubric.h) to one answer. No model, no network: judge
// criteria are reported as "needs judge" (score absent), never guessed.
//
// Item score and pass, as decided here:
//   score  = sum(weight · score) / sum(weight) over the criteria that were scored (judge
//            criteria still waiting for a judge are left out of both sums);
//   passed = no critical criterion failed (score < 1) AND score >= pass_threshold.
//   The default threshold is 1.0: an item passes only when every scored criterion passes,
//   because a regression gate should see a single wrong field; lower it (e.g. 0.75) to
//   give partial credit a pass. An item whose judge criteria are pending has
//   needs_judge = true and its pass is provisional.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/curation/rubric.h"

namespace tb {

// How exact and contains compare text. Both sides are normalised the same way.
struct NormalizeOptions {
    bool trim = true;                         // leading and trailing whitespace
    bool collapse_whitespace = true;          // runs of whitespace -> one space
    bool case_fold = false;                   // ASCII and Unicode simple lower-casing
    bool strip_trailing_punctuation = false;  // ".", "!", "?", ",", ";", ":" at the end
};

std::string normalize_answer(std::string_view text, const NormalizeOptions& options = {});

bool exact_match(std::string_view answer, std::string_view expected, const NormalizeOptions& options = {});
bool contains_match(std::string_view answer, std::string_view expected, const NormalizeOptions& options = {});

// PCRE2 (UTF mode) search anywhere in the answer; anchor with ^/$ in the pattern.
// Throws tb::Error for a pattern that does not compile.
bool regex_match(std::string_view answer, const std::string& pattern);

// The final number of an answer: after the last GSM8K "####" marker when there is one,
// otherwise the last number in the text. Understands signs, decimals and thousands
// separators ("1,234.5"), ignores a currency sign before and a sentence period after.
std::optional<double> extract_final_number(std::string_view answer);
// |extracted - expected| <= tolerance; false when the answer holds no number.
bool numeric_match(std::string_view answer, double expected, double tolerance = 0.0);

// The answer as JSON: the whole answer after trimming, or the body of a ```json fenced
// block. nullopt when it is not valid JSON.
std::optional<nlohmann::json> parse_json_answer(std::string_view answer);
bool is_valid_json(std::string_view answer);

// Equality of two JSON values where numbers compare by value (1 == 1.0).
bool json_values_equal(const nlohmann::json& a, const nlohmann::json& b);

// Field-by-field structured comparison with partial credit: the fraction of the leaf
// fields of `expected` (objects and arrays flattened to paths) whose value in `actual` is
// equal. Extra fields in `actual` cost nothing. An expected scalar or empty container
// scores 1 when equal, 0 otherwise.
double structured_match(const nlohmann::json& expected, const nlohmann::json& actual);

// The value at `path` ("a.b[0]") of the answer parsed as JSON equals `expected`.
// `detail`, when given, says why not.
bool json_field_match(std::string_view answer, const std::string& path, const nlohmann::json& expected,
                      std::string* detail = nullptr);

struct ScoreOptions {
    NormalizeOptions normalize;  // exact and contains
    double pass_threshold = 1.0;
};

struct CriterionScore {
    std::string name;  // "1:exact", "2:json_field:category": stable key for storage
    CriterionKind kind = CriterionKind::exact;
    std::optional<double> score;  // in [0, 1]; nullopt: judge criterion, needs a judge
    std::string detail;           // why it failed, for the report
    double weight = 1.0;
    bool critical = false;
    bool needs_judge() const { return !score.has_value(); }
    bool passed() const { return score && *score >= 1.0; }
};

struct ItemScore {
    std::vector<CriterionScore> criteria;
    double score = 0.0;  // weighted over scored criteria; 0 when none was scored
    bool passed = false;
    bool critical_failed = false;
    bool needs_judge = false;  // at least one judge criterion is pending
};

// 1-based index, kind and (json_field) path: "3:json_field:a.b[0]".
std::string criterion_name(const Criterion& criterion, std::size_t index);

CriterionScore score_criterion(const Criterion& criterion, std::string_view answer, std::size_t index = 1,
                               const ScoreOptions& options = {});
ItemScore score_item(const Rubric& rubric, std::string_view answer, const ScoreOptions& options = {});
// Combines criterion scores (some possibly from a judge) into the item verdict.
ItemScore combine_scores(std::vector<CriterionScore> criteria, const ScoreOptions& options = {});

}  // namespace tb
