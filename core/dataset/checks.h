#pragma once
// The data report: every check over a project's examples, each finding naming the
// examples it is about. Streaming: add() examples one by one, then finish().
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/dataset/example.h"

namespace tb {

// Kinds, as named in `tunebench-cli check --json`:
// exact_duplicate, near_duplicate, empty_turn, missing_assistant, role_order, refusal,
// short_answer, pii, system_prompt_mismatch
//
// What each means (core/dataset/checks.cpp):
// - exact_duplicate: same non-system turns (role, text with case and whitespace normalised,
//   tool calls); one finding per group, all its examples.
// - near_duplicate: MinHash (128 values) over word 5-grams of the non-system turns, LSH
//   banding chosen for >= 99% recall at the threshold, candidate pairs kept when the estimated
//   Jaccard >= threshold, clusters by union-find. Only the first example of an exact group
//   takes part (the rest are already reported as exact duplicates).
// - empty_turn: a blank message (an assistant turn that only calls tools is not blank).
// - missing_assistant: no assistant message, or the conversation ends on a user/tool turn.
// - role_order: two user or two assistant turns in a row, a system message after the start,
//   a tool message not after an assistant tool call.
// - refusal: an assistant reply holding a phrase of refusal_patterns.cpp (case-insensitive).
// - short_answer: a non-blank assistant reply (without tool calls) shorter than
//   CheckOptions::short_answer_chars code points.
// - pii: pii_scanner.h's kinds; detail lists kind, masked value and message per match.
// - system_prompt_mismatch: when more than half of the examples have a system prompt and
//   one prompt is used by more than half of those: one finding per other prompt, and one
//   for the examples without any.
// Per-example kinds give one finding per example; findings are ordered by kind as listed
// above, then by the order examples were added.
struct Finding {
    std::string kind;
    std::vector<std::int64_t> examples;  // example ids (a duplicate group, or one example)
    std::string detail;                  // human text: "2 of 3 examples share this text", "email address"
};

struct CheckOptions {
    double near_dup_threshold = 0.8;      // estimated Jaccard over word 5-gram shingles
    std::size_t short_answer_chars = 10;  // assistant replies shorter than this are flagged
    // Token lengths, once the user names a tokenizer: tokens of one example as the model sees
    // it (the caller decides how: chat template + tokenizer). The dataset stage knows no
    // tokenizer, hence a function. Empty: no token lengths in the report.
    std::function<std::size_t(const Example&)> token_counter;
    std::string tokenizer_name;  // shown with the token lengths ("Llama-3.1 tokenizer + its chat template")
};

struct DatasetStats {
    std::size_t examples = 0;
    std::size_t messages = 0;
    std::map<std::string, std::size_t> messages_by_role;
    std::map<std::size_t, std::size_t> turns_histogram;  // messages per example -> count
    std::vector<std::size_t> char_lengths;               // per example total chars (for percentiles)
    std::vector<std::size_t> token_lengths;              // per example tokens (only with a token counter)
    std::string tokenizer;                               // CheckOptions::tokenizer_name
    // counts, turns histogram, chars_per_example min/mean/p50/p95/max, and tokens_per_example
    // (same fields plus "tokenizer") when token lengths were counted.
    nlohmann::json to_json() const;
};

struct CheckReport {
    DatasetStats stats;
    std::vector<Finding> findings;
    nlohmann::json to_json() const;  // {"stats": {...}, "findings": [{"kind","examples","detail"}]}
    std::map<std::string, std::size_t> counts_by_kind() const;
};

class DataChecker {
public:
    explicit DataChecker(CheckOptions options = {});
    ~DataChecker();
    DataChecker(const DataChecker&) = delete;
    DataChecker& operator=(const DataChecker&) = delete;

    void add(const Example& example);  // example.id must be set and unique
    CheckReport finish();              // call once

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace tb
