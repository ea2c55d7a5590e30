#pragma once
// Validation of a judge configuration against human graders.
//
// A judge configuration is the judge model, the prompt templates (their hash) and the
// rubric version of the golden set: judge_config_key() hashes the three, so changing the
// judge, the prompts or a judge criterion's text makes the configuration unvalidated
// until it is validated again. The rubric version is a hash of the set's distinct judge
// criteria (text, weight, critical): adding items with the same criteria keeps it.
//
// validate_judge() asks the judge (through the cache) for every judge criterion a human
// graded on outputs of the set, then reports per criterion and overall the raw agreement,
// Cohen's kappa with its 95% CI and the confusion matrix (labels "fail"/"pass"). The
// configuration is validated when the overall kappa >= threshold (default 0.6) on at
// least min_items graded outputs (default 30). Bias and reward-hacking probes are run and
// reported with it (core/eval/judge_probes.h). Each validation is stored (judge_validations).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/eval/judge.h"
#include "core/eval/judge_probes.h"
#include "core/stats/kappa.h"

namespace tb {

std::string rubric_version(const ProjectFile& project, std::int64_t set_id);
std::string judge_config_key(const JudgeConfig& config, const std::string& rubric_version);
// A passing validation is stored for the configuration's current key.
bool is_judge_validated(const ProjectFile& project, const JudgeConfig& config, std::int64_t set_id);

// One human label and the judge's label for the same output and criterion.
struct GradedPair {
    std::int64_t output_id = 0;
    std::string criterion;  // criterion_name()
    bool human_pass = false;
    bool judge_pass = false;
};

struct AgreementStats {
    std::string criterion;        // "overall" or a criterion name
    std::int64_t items = 0;       // distinct outputs
    std::int64_t judgements = 0;  // (output, criterion) pairs compared
    double raw_agreement = 0;
    KappaResult kappa;  // categories {"fail", "pass"}; kappa NaN when undefined
    nlohmann::json to_json() const;
};

// Per criterion (sorted by name) and overall (first element "overall").
std::vector<AgreementStats> judge_human_agreement(const std::vector<GradedPair>& pairs);

struct JudgeValidationOptions {
    double kappa_threshold = 0.6;
    std::int64_t min_items = 30;
    std::string grader;      // only this human's grades; empty: the latest grade of any human
    bool run_probes = true;  // bias and reward-hacking probes
    ProbeOptions probes;
};

struct JudgeValidationReport {
    std::string judge_model;
    std::string config_key, prompt_hash, rubric_version;
    std::int64_t set_id = 0;
    std::vector<AgreementStats> agreement;  // [0] overall
    std::int64_t unscorable = 0;            // human-graded criteria the judge could not score
    bool validated = false;
    std::string reason;  // why (not) validated, in words
    std::optional<BiasReport> bias;
    std::optional<RewardHackingReport> reward_hacking;
    JudgeBatchStats cost;
    std::int64_t validation_id = 0;  // judge_validations row
    bool probes_ok() const;          // true when no probe ran or all passed
    nlohmann::json to_json() const;
};

// A validation stored in judge_validations, as a reviewer lists it without re-running the
// judge. `report` is JudgeValidationReport::to_json() as it was written (overall and
// per-criterion agreement with confusion matrices, reason, probes, cost).
struct StoredJudgeValidation {
    std::int64_t id = 0;
    std::string judge_key, judge_model;
    std::optional<std::int64_t> set_id;  // NULL once the golden set was deleted
    std::int64_t items = 0;
    double raw_agreement = 0;
    std::optional<double> kappa, kappa_low, kappa_high;  // NULL when kappa is undefined
    bool validated = false;
    std::string created_at;  // ISO 8601 UTC
    nlohmann::json report = nlohmann::json::object();
};
// Newest first; only those of `set_id` when given.
std::vector<StoredJudgeValidation> list_judge_validations(const ProjectFile& project,
                                                          std::optional<std::int64_t> set_id = std::nullopt);

JudgeValidationReport validate_judge(ProjectFile& project, std::int64_t set_id, const JudgeConfig& config,
                                     const JudgeValidationOptions& options = {}, const JobContext& ctx = {});

}  // namespace tb
