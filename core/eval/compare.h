#pragma once
// Comparison of two eval runs on the same golden items: baseline A, candidate B.
//
// Only items present in both runs are paired and enter the statistics; items in one run
// only are listed (change only_in_a / only_in_b) so a shrinking eval set is visible.
//
// Per item: improved when B passes and A failed, regressed when A passed and B fails;
// with the same pass/fail, the score decides (a higher B score is improved, lower is
// regressed); equal scores are unchanged.
//
// Per group (all paired items, then each tag): pass rates, McNemar's exact test on the
// paired pass/fail, and a paired bootstrap CI of the mean score difference (B − A).
// A group is flagged as a regression when
//   - McNemar p < alpha (0.05) and more items went pass->fail than fail->pass, or
//   - the pass rate drops by more than max_pass_rate_drop (default 0.02 = 2 points),
// the second because a small eval set can lose real ground without significance.
#include <cstddef>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/stats/bootstrap.h"
#include "core/stats/mcnemar.h"

namespace tb {

struct ItemResult {
    std::string id;
    bool passed = false;
    double score = 0.0;
    std::vector<std::string> tags;
};

enum class ItemChange { improved, regressed, unchanged, only_in_a, only_in_b };
const char* to_string(ItemChange change);

struct ItemComparison {
    std::string id;
    std::vector<std::string> tags;  // union of both runs' tags
    bool a_passed = false, b_passed = false;
    double a_score = 0.0, b_score = 0.0;
    ItemChange change = ItemChange::unchanged;
};

struct GroupComparison {
    std::string tag;  // empty: all paired items
    std::size_t items = 0;
    double pass_rate_a = 0.0, pass_rate_b = 0.0;
    McNemarResult mcnemar;
    BootstrapInterval score_diff;  // mean(B − A)
    bool regression = false;
    std::string reason;  // why it was flagged, empty otherwise
};

struct CompareOptions {
    double alpha = 0.05;
    double max_pass_rate_drop = 0.02;
    BootstrapOptions bootstrap;
};

struct Comparison {
    std::vector<ItemComparison> items;  // sorted by id
    GroupComparison overall;
    std::vector<GroupComparison> per_tag;  // sorted by tag

    bool has_regression() const;
    // {"items": [...], "regressions": [groups flagged], "regressed_items": [ids],
    //  "pass_rate_a", "pass_rate_b", "mcnemar_p", "score_diff_ci": [lo, hi], "per_tag": [...]}
    nlohmann::json to_json() const;
    // One testsuite, one testcase per item (name = item id, classname = first tag or
    // "eval"); regressed items are failures, and flagged groups add a failing testcase
    // named "regression:<tag or overall>" so CI fails even without a per-item regression.
    std::string to_junit_xml(const std::string& suite_name = "tunebench-eval") const;
};

Comparison compare_runs(const std::vector<ItemResult>& baseline, const std::vector<ItemResult>& candidate,
                        const CompareOptions& options = {});

// Escapes &, <, >, " and ' for XML attributes and text.
std::string xml_escape(const std::string& text);

}  // namespace tb
