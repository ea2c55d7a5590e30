#pragma once
// The data report: every check over a project's examples, each finding naming the
// examples it is about. Streaming: add() examples one by one, then finish().
#include <cstdint>
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
struct Finding {
    std::string kind;
    std::vector<std::int64_t> examples;  // example ids (a duplicate group, or one example)
    std::string detail;                  // human text: "2 of 3 examples share this text", "email address"
};

struct CheckOptions {
    double near_dup_threshold = 0.8;  // estimated Jaccard over word 5-gram shingles
    std::size_t short_answer_chars = 10;  // assistant replies shorter than this are flagged
};

struct DatasetStats {
    std::size_t examples = 0;
    std::size_t messages = 0;
    std::map<std::string, std::size_t> messages_by_role;
    std::map<std::size_t, std::size_t> turns_histogram;   // messages per example -> count
    std::vector<std::size_t> char_lengths;                // per example total chars (for percentiles)
    nlohmann::json to_json() const;  // counts, turns histogram, length min/mean/p50/p95/max
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
