#pragma once
// Memorisation probe: does the tuned model recite its training answers? Greedy completions
// for training prompts are compared with their training answers, and the same measure on
// held-out (validation) items says what "normal" overlap looks like for this task.
//
// Per item, on tokens (the output text and the answer each encoded without special tokens
// by the model's tokenizer; for a remote endpoint, whitespace-separated words):
//   longest_run  the longest common contiguous run of tokens between output and answer;
//   verbatim     longest_run >= min(min_run_tokens, answer length) (default 50 tokens: an
//                answer shorter than 50 tokens counts only when it is reproduced whole) and
//                the answer is not empty;
//   exact_copy   the output's tokens equal the answer's;
//   score        the item score of the exact-match rubric (core/eval/eval_sets.h).
// Per group (train sample, held-out sample): verbatim rate, exact-copy rate, mean score,
// mean run share (longest_run / answer length). The report's gaps are train − held-out; it
// is flagged when the verbatim-rate gap exceeds max_verbatim_gap (default 0.10): a model
// that recites training answers much more often than it writes held-out ones has memorised.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/eval/eval_targets.h"
#include "core/jobs/job.h"

namespace tb {

class ProjectFile;

struct MemorisationOptions {
    std::size_t min_run_tokens = 50;
    double max_verbatim_gap = 0.10;
    std::size_t max_items = 50;  // per group: the first N examples of each split (by id)
    // Always greedy; max_new_tokens 0 (the default): the longest answer's tokens + 16.
    GenerationSettings generation{.max_new_tokens = 0};
};

// Longest common contiguous run of two token sequences (dynamic programming, O(|a|·|b|)).
std::size_t longest_common_run(const std::vector<std::int32_t>& a, const std::vector<std::int32_t>& b);

struct MemorisationItem {
    std::string key;
    std::size_t answer_tokens = 0, output_tokens = 0, longest_run = 0;
    bool verbatim = false;
    bool exact_copy = false;
    double score = 0.0;
};
MemorisationItem measure_item(const std::string& key, const std::vector<std::int32_t>& output,
                              const std::vector<std::int32_t>& answer, double score, std::size_t min_run_tokens);

struct MemorisationGroup {
    std::string name;         // "train" | "held_out"
    std::int64_t run_id = 0;  // the eval run that produced the outputs (0 when computed offline)
    std::size_t items = 0, verbatim = 0, exact_copies = 0;
    double verbatim_rate = 0.0, exact_copy_rate = 0.0, mean_score = 0.0, mean_run_share = 0.0;
    std::vector<MemorisationItem> details;
    nlohmann::json to_json() const;
};
MemorisationGroup summarise_memorisation(const std::string& name, std::vector<MemorisationItem> items);

struct MemorisationReport {
    MemorisationGroup train, held_out;
    double verbatim_rate_gap = 0.0, exact_copy_rate_gap = 0.0, score_gap = 0.0, run_share_gap = 0.0;
    bool flagged = false;
    std::string reason;
    nlohmann::json to_json() const;
};
MemorisationReport compare_memorisation(MemorisationGroup train, MemorisationGroup held_out,
                                        double max_verbatim_gap = 0.10);

// Word tokens for targets without a tokenizer: whitespace-separated words, each mapped to a
// stable id through `vocabulary` (shared between output and answer).
std::vector<std::int32_t> word_tokens(const std::string& text, std::vector<std::string>& vocabulary);

// Generates for the first max_items training and validation examples (two eval runs, stored
// with config "probe": "memorisation") and measures both. Throws tb::Error when the project
// has no training or no validation examples (run `split` first).
MemorisationReport measure_memorisation(ProjectFile& project, const EvalTarget& target,
                                        const MemorisationOptions& options = {}, const JobContext& ctx = {});

}  // namespace tb
