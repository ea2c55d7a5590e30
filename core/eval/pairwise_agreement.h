#pragma once
// Agreement of a human's pairwise preferences with the LLM judge's pairwise verdicts.
//
// Both live in pairwise_grades (core/eval/human_grades.h): grader "human:<name>" from the
// blind pair queue, "judge:<model>" from judge_pairwise_runs (core/eval/judge.h), which
// stores one row per order shown. A pair is the same two outputs in either order: every row
// is normalised to one orientation (the lower output id is "a"), so a human who saw (7, 3)
// and a judge who compared (3, 7) grade the same pair.
//
// - The human's verdict on a pair is their latest row for it (a re-grade replaces).
// - The judge's verdict is its latest row per order shown; with both orders stored, two
//   verdicts that differ make a tie (as judge_pairwise_runs counts them), and the pair counts
//   towards position consistency: the share of pairs whose two orders agree.
// - On the pairs both graded: raw agreement, Cohen's kappa over {a, b, tie} with its 95% CI
//   (core/stats/kappa.h) and the 3x3 confusion matrix (rows human, columns judge).
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/eval/human_grades.h"
#include "core/stats/kappa.h"

namespace tb {

class ProjectFile;

// One pair both graded, in normalised orientation (output_a < output_b).
struct AgreementPair {
    std::int64_t output_a = 0, output_b = 0;
    char human = 't';  // 'a', 'b' or 't'
    char judge = 't';  // the judge's combined verdict
    bool judge_both_orders = false;
    bool judge_consistent = true;  // meaningful when judge_both_orders
};

struct PairwiseAgreement {
    std::string human_grader;     // "human:<name>"
    std::string judge_grader;     // "judge:<model>"
    std::size_t human_pairs = 0;  // pairs the human graded
    std::size_t judge_pairs = 0;  // pairs the judge graded (either order)
    std::size_t pairs = 0;        // pairs both graded: the items of the kappa

    double raw_agreement = 0;  // NaN when no pair was graded by both
    // Categories {"a", "b", "tie"} in that order; confusion[i][j]: human said i, judge j.
    // kappa NaN when undefined (no pairs, or both used one single category).
    KappaResult kappa;

    // Position bias of the judge, over every pair it graded (not only the shared ones).
    std::size_t judge_pairs_both_orders = 0;
    std::size_t judge_consistent_pairs = 0;
    double position_consistency = 0;  // consistent / both orders; NaN when no pair has both
    // Single-order verdicts that chose a side: how often the answer shown first won.
    std::size_t judge_decisive_verdicts = 0;
    std::size_t judge_first_shown_wins = 0;

    std::vector<AgreementPair> items;  // the shared pairs, ordered by (output_a, output_b)

    nlohmann::json to_json() const;
};

// From rows already loaded (rows of other graders are an error: they would mix raters).
// Throws tb::Error for a row whose grader is neither of the two.
PairwiseAgreement compute_pairwise_agreement(const std::string& human_grader, const std::string& judge_grader,
                                             const std::vector<PairwiseGrade>& rows);

// Loads both graders' rows from the project. `grader` is a name ("ana") or a full
// "human:ana"; `judge_model` the judge's model name. Throws tb::Error naming what to do
// when either grader has no pairwise rows.
PairwiseAgreement pairwise_agreement(const ProjectFile& project, const std::string& grader,
                                     const std::string& judge_model);

}  // namespace tb
