#include "core/eval/forgetting.h"

#include <map>
#include <sstream>

#include "core/common/error.h"
#include "core/eval/eval_store.h"
#include "core/project/project_file.h"

namespace tb {

ForgettingReport assess_forgetting(const std::vector<ItemResult>& base, const std::vector<ItemResult>& tuned,
                                   const ForgettingOptions& options) {
    std::map<std::string, const ItemResult*> by_id;
    for (const auto& r : base) by_id[r.id] = &r;
    std::vector<double> base_scores, tuned_scores;
    ForgettingReport report;
    std::size_t base_passed = 0, tuned_passed = 0;
    for (const auto& t : tuned) {
        auto it = by_id.find(t.id);
        if (it == by_id.end()) {
            ++report.unpaired;
            continue;
        }
        base_scores.push_back(it->second->score);
        tuned_scores.push_back(t.score);
        base_passed += it->second->passed ? 1 : 0;
        tuned_passed += t.passed ? 1 : 0;
        by_id.erase(it);
    }
    report.unpaired += by_id.size();
    report.items = base_scores.size();
    if (report.items == 0) throw Error("the base and tuned runs share no item: evaluate both on the same general set");
    const double n = static_cast<double>(report.items);
    for (std::size_t i = 0; i < report.items; ++i) {
        report.base_mean_score += base_scores[i] / n;
        report.tuned_mean_score += tuned_scores[i] / n;
    }
    report.base_pass_rate = static_cast<double>(base_passed) / n;
    report.tuned_pass_rate = static_cast<double>(tuned_passed) / n;
    report.score_diff = paired_bootstrap_mean_difference_ci(base_scores, tuned_scores, options.bootstrap);
    std::ostringstream why;
    if (-report.score_diff.estimate > options.max_mean_drop) {
        report.flagged = true;
        why << "the general-set mean score fell by " << -report.score_diff.estimate << " (more than "
            << options.max_mean_drop << ")";
    } else if (report.score_diff.high < 0.0) {
        report.flagged = true;
        why << "the general-set mean score fell by " << -report.score_diff.estimate << " and the whole "
            << report.score_diff.confidence * 100.0 << "% CI [" << report.score_diff.low << ", "
            << report.score_diff.high << "] is below 0";
    }
    if (report.flagged) {
        why << ": the tuned model forgot general skills (mix general examples into training, lower the learning "
               "rate or train fewer epochs)";
        report.reason = why.str();
    }
    return report;
}

ForgettingReport assess_forgetting(const ProjectFile& project, std::int64_t base_run_id, std::int64_t tuned_run_id,
                                   const ForgettingOptions& options) {
    auto report =
        assess_forgetting(load_eval_results(project, base_run_id), load_eval_results(project, tuned_run_id), options);
    report.base_run_id = base_run_id;
    report.tuned_run_id = tuned_run_id;
    return report;
}

ForgettingReport measure_forgetting(ProjectFile& project, const EvalTarget& base, const EvalTarget& tuned,
                                    EvalRunOptions options, const ForgettingOptions& forgetting,
                                    const JobContext& ctx) {
    if (options.set_name.empty()) options.set_name = kGeneralSetName;
    options.extra_config["probe"] = "forgetting";
    const auto base_run = run_eval(project, base, options, ctx);
    const auto tuned_run = run_eval(project, tuned, options, ctx);
    return assess_forgetting(project, base_run.run_id, tuned_run.run_id, forgetting);
}

nlohmann::json ForgettingReport::to_json() const {
    return {{"base_run_id", base_run_id},
            {"tuned_run_id", tuned_run_id},
            {"items", items},
            {"unpaired", unpaired},
            {"base_mean_score", base_mean_score},
            {"tuned_mean_score", tuned_mean_score},
            {"base_pass_rate", base_pass_rate},
            {"tuned_pass_rate", tuned_pass_rate},
            {"score_diff", score_diff.estimate},
            {"score_diff_ci", {score_diff.low, score_diff.high}},
            {"flagged", flagged},
            {"reason", reason}};
}

}  // namespace tb
