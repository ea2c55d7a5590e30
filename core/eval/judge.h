#pragma once
// The LLM judge: grades eval outputs against a golden item's rubric and reference over an
// OpenAI-compatible chat endpoint (core/eval/openai_client.h), at temperature 0.
//
// - Single-answer grading: one request per judge criterion of an output; the judge must
//   reply with JSON {"verdict": "pass"|"fail", "reason": "..."}. A reply that does not
//   parse is asked again (the malformed reply and a correction are appended to the
//   conversation) up to max_attempts times, then the criterion is unscorable: never guessed.
// - Pairwise comparison: run in both orders; a judge whose verdict follows the position
//   rather than the answer (A first says A, B first says B) yields a tie.
// - Every parsed reply is cached in the project under sha256(judge model + request), so a
//   re-run sends no request at all (core/eval/judge_cache.h).
// - HTTP calls run on `concurrency` worker threads; the project file is only touched by
//   the calling thread (a ProjectFile belongs to one thread).
// - Tokens and cost come from the replies' `usage` field; cached replies cost nothing.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/dataset/example.h"
#include "core/jobs/job.h"

namespace tb {

class ProjectFile;

struct JudgeConfig {
    std::string base_url;
    std::string model;
    // Empty: no Authorization header. The default variable unset: no header either (local
    // servers); any other variable named here must be set.
    std::string api_key_env = "TUNEBENCH_JUDGE_API_KEY";
    int concurrency = 4;    // simultaneous requests
    int max_attempts = 3;   // per prompt, counting malformed replies (HTTP retries are the client's)
    double timeout_s = 60;  // per HTTP request
    double price_per_1k_prompt = 0, price_per_1k_completion = 0;
    // HTTP-level retries of the client on 429/5xx/timeouts, and its first backoff.
    int http_retries = 4;
    int initial_backoff_ms = 500;
};

struct JudgeRunSummary {
    std::int64_t judged = 0, unscorable = 0,
                 cached = 0;  // criteria judged (cached ones included), unscorable, from cache
    std::int64_t prompt_tokens = 0, completion_tokens = 0;
    double cost = 0;
    bool validated = false;     // the judge config key has a passing validation in the project
    std::string config_key;     // judge model + prompt template hash + rubric version
    std::int64_t requests = 0;  // HTTP chat calls made (0 on a fully cached re-run)
    std::int64_t outputs = 0;   // outputs whose item summary was updated
    std::string first_error;    // the first transport error or unparsable reply, for the user
};

// Scores every judge criterion of every output of the eval run, stores rows under
// "judge:<model>" (criterion = criterion_name(), score 1 pass / 0 fail, detail JSON with
// the judge's reason and the config key) and writes a new item summary row (criterion
// "item", scorer "judge:<model>") whose score and pass include the judge's verdicts.
// Unscorable criteria get no row; their item stays needs_judge. Throws tb::Error for a
// missing run or config, tb::Cancelled when cancelled (rows judged so far are kept).
JudgeRunSummary judge_eval_run(ProjectFile& project, std::int64_t run_id, const JudgeConfig& config,
                               const JobContext& ctx = {});

// The judge's spend on a run as run metrics (step 0, added up over judge runs):
// "judge:<model>/prompt_tokens", ".../completion_tokens", ".../requests", ".../cost".
std::string judge_metric_name(const JudgeConfig& config, const std::string& what);

// Pairwise comparison of two eval runs on the golden items both answered (the first
// output of each run per item): the judge sees every pair in both orders (overall quality
// against the item's reference and rubric); a verdict that flips with the order is a tie.
// Each order is stored in pairwise_grades (grader "judge:<model>", left_output = the
// output shown first), so position bias can be read from the table later.
struct PairwiseRunSummary {
    std::int64_t pairs = 0;  // items compared
    std::int64_t a_wins = 0, b_wins = 0, ties = 0;
    std::int64_t inconsistent = 0;  // the two orders disagreed (counted in ties)
    std::int64_t unscorable = 0;
    std::int64_t requests = 0, cached = 0;
    std::int64_t prompt_tokens = 0, completion_tokens = 0;
    double cost = 0;
    std::string first_error;
};
PairwiseRunSummary judge_pairwise_runs(ProjectFile& project, std::int64_t run_a, std::int64_t run_b,
                                       const JudgeConfig& config, const JobContext& ctx = {});

// ---- Lower-level API (validation, probes, GUI) -------------------------------------

// One judgement to make. `kind` says how to read the reply.
enum class JudgeTaskKind { single, pairwise };

struct JudgeTask {
    JudgeTaskKind kind = JudgeTaskKind::single;
    std::vector<Message> prompt;  // built with core/eval/judge_prompts.h
};

struct JudgeVerdict {
    bool scorable = false;
    // single: score 1 (pass) or 0 (fail). pairwise: 'A' (first shown), 'B' (second), 'T' (tie).
    double score = 0;
    char preference = 'T';
    std::string reason;
    bool cached = false;
    int attempts = 0;   // requests sent for this task (0 when cached)
    std::string error;  // why it is unscorable
};

struct JudgeBatchStats {
    std::int64_t requests = 0, cached = 0, unscorable = 0;
    std::int64_t prompt_tokens = 0, completion_tokens = 0;
    double cost = 0;
    std::string first_error;
};

// Runs the tasks through the cache and `concurrency` workers; results in task order.
std::vector<JudgeVerdict> run_judge_tasks(ProjectFile& project, const JudgeConfig& config,
                                          const std::vector<JudgeTask>& tasks, JudgeBatchStats* stats = nullptr,
                                          const JobContext& ctx = {});

// Pairwise in both orders. 'A' or 'B' refer to the arguments (answer_a, answer_b), not to
// positions; 'T' when the judge said tie, or when its two verdicts disagree.
struct PairwiseResult {
    bool scorable = false;
    char preference = 'T';
    char first_order = 'T';   // verdict with A shown first ('A'/'B'/'T' in argument terms)
    char second_order = 'T';  // verdict with B shown first, mapped back to argument terms
    bool consistent() const { return scorable && first_order == second_order; }
};
PairwiseResult combine_pairwise(const JudgeVerdict& a_first, const JudgeVerdict& b_first);

// "judge:<model>": the scorer name of judge rows.
std::string judge_scorer_name(const JudgeConfig& config);

}  // namespace tb
