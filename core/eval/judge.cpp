#include "core/eval/judge.h"

#include "core/common/error.h"

namespace tb {

JudgeRunSummary judge_eval_run(ProjectFile&, std::int64_t, const JudgeConfig&, const JobContext&) {
    throw Error("judge: not implemented yet");
}

std::vector<JudgeVerdict> run_judge_tasks(ProjectFile&, const JudgeConfig&, const std::vector<JudgeTask>&,
                                          JudgeBatchStats*, const JobContext&) {
    throw Error("judge: not implemented yet");
}

PairwiseResult combine_pairwise(const JudgeVerdict&, const JudgeVerdict&) { throw Error("judge: not implemented yet"); }

std::string judge_scorer_name(const JudgeConfig& config) { return "judge:" + config.model; }

}  // namespace tb
