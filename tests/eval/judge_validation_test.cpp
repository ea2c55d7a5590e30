// Judge validation against human grades: agreement statistics, the validated flag and
// the configuration key.
#include <gtest/gtest.h>

#include <cmath>

#include "core/eval/human_grades.h"
#include "core/eval/judge_validation.h"
#include "eval/judge_test_support.h"
#include "stats/python_reference.h"

namespace tb {
namespace {

using tbtest::completion;
using tbtest::JudgeProject;
using tbtest::JudgeReply;
using tbtest::JudgeRequest;
using tbtest::ScriptedJudge;
using tbtest::verdict;

// Single answers: pass exactly the reference. Pairwise: prefer the answer that is exactly
// the reference, whatever its position.
JudgeReply careful(const JudgeRequest& r) {
    const std::string reference = r.between("Reference answer:\n", "\n\nCriterion");
    if (!r.is_pairwise()) return {200, verdict(r.answer() == reference)};
    const bool a = r.answer_a() == reference, b = r.answer_b() == reference;
    return {200, completion(std::string(R"({"preference": ")") + (a && !b ? "A" : b && !a ? "B" : "tie") + "\"}")};
}

TEST(JudgeValidation, AgreementMatchesCohenKappaAndScikitLearn) {
    // Fixed data: 12 judgements over two criteria.
    const std::vector<int> human = {1, 1, 0, 0, 1, 0, 1, 1, 0, 1, 0, 0};
    const std::vector<int> judge = {1, 0, 0, 0, 1, 1, 1, 1, 0, 1, 0, 1};
    std::vector<GradedPair> pairs;
    for (std::size_t i = 0; i < human.size(); ++i)
        pairs.push_back(
            {static_cast<std::int64_t>(i / 2), i % 2 ? "2:judge" : "3:judge", human[i] == 1, judge[i] == 1});
    const auto stats = judge_human_agreement(pairs);
    ASSERT_EQ(stats.size(), 3u);
    EXPECT_EQ(stats[0].criterion, "overall");
    EXPECT_EQ(stats[0].judgements, 12);
    EXPECT_EQ(stats[0].items, 6);
    EXPECT_EQ(stats[1].criterion, "2:judge");
    EXPECT_EQ(stats[1].judgements, 6);
    EXPECT_NEAR(stats[0].raw_agreement, 9.0 / 12.0, 1e-12);
    const auto direct = cohen_kappa(human, judge);
    EXPECT_NEAR(stats[0].kappa.kappa, direct.kappa, 1e-12);
    EXPECT_NEAR(stats[0].kappa.ci_low, direct.ci_low, 1e-12);
    EXPECT_NEAR(stats[0].kappa.ci_high, direct.ci_high, 1e-12);
    // Confusion: rows human (fail, pass), columns judge.
    ASSERT_EQ(stats[0].kappa.categories, (std::vector<std::string>{"fail", "pass"}));
    EXPECT_EQ(stats[0].kappa.confusion, (std::vector<std::vector<std::size_t>>{{4, 2}, {1, 5}}));

    const auto reference = tbtest::run_python(
        "import json\nfrom sklearn.metrics import cohen_kappa_score\n"
        "print(json.dumps(cohen_kappa_score(" +
        tbtest::python_list(human) + ", " + tbtest::python_list(judge) + ")))\n");
    if (!reference) GTEST_SKIP() << "python3 with scikit-learn is not installed";
    EXPECT_NEAR(stats[0].kappa.kappa, reference->get<double>(), 1e-9);
}

// 32 outputs, half of them right; the human agrees with the careful judge except on
// `disagreements` outputs.
struct Graded {
    JudgeProject fx{32};
    std::int64_t run = 0;
    std::vector<std::int64_t> outputs;
    explicit Graded(int disagreements, int graded = 32) {
        std::vector<std::string> answers;
        for (int i = 1; i <= 32; ++i) answers.push_back(i % 2 ? std::to_string(2 * i) : "no idea");
        std::tie(run, outputs) = fx.add_run("base", answers);
        for (int i = 0; i < graded; ++i) {
            bool right = (i + 1) % 2 == 1;
            if (i < disagreements) right = !right;
            store_human_grades(fx.project(), outputs[i], "alice", {{"2:judge", right, ""}});
        }
    }
};

TEST(JudgeValidation, ValidatedAboveTheThresholdAndReportsProbes) {
    Graded g(2);
    ScriptedJudge judge(careful);
    const auto config = tbtest::judge_config(judge.url());
    EXPECT_FALSE(is_judge_validated(g.fx.project(), config, g.fx.set_id()));
    const auto report = validate_judge(g.fx.project(), g.fx.set_id(), config);
    ASSERT_FALSE(report.agreement.empty());
    EXPECT_EQ(report.agreement[0].items, 32);
    EXPECT_NEAR(report.agreement[0].raw_agreement, 30.0 / 32.0, 1e-12);
    EXPECT_GT(report.agreement[0].kappa.kappa, 0.6);
    EXPECT_LT(report.agreement[0].kappa.ci_low, report.agreement[0].kappa.kappa);
    EXPECT_TRUE(report.validated) << report.reason;
    EXPECT_TRUE(is_judge_validated(g.fx.project(), config, g.fx.set_id()));
    ASSERT_TRUE(report.reward_hacking && report.bias);
    EXPECT_TRUE(report.reward_hacking->ok);
    EXPECT_TRUE(report.bias->ok);
    EXPECT_EQ(report.bias->padded_wins, 0);
    EXPECT_GT(report.bias->verbosity_trials, 0);
    const auto j = report.to_json();
    EXPECT_TRUE(j["validated"].get<bool>());
    EXPECT_EQ(j["per_criterion"].size(), 1u);
    EXPECT_EQ(j["overall"]["confusion"].size(), 2u);

    // The judge's run scores now say validated.
    const auto summary = judge_eval_run(g.fx.project(), g.run, config);
    EXPECT_TRUE(summary.validated);
    EXPECT_EQ(summary.config_key, report.config_key);
    EXPECT_EQ(summary.cached, 32);  // validation already asked the judge about every output

    // Another judge model, or a changed judge criterion, needs validating again.
    auto other = config;
    other.model = "judge-2";
    EXPECT_FALSE(is_judge_validated(g.fx.project(), other, g.fx.set_id()));
    auto item = g.fx.items()[0];
    item.rubric.criteria[1].pass = "states the correct sum as a number";
    update_golden_item(g.fx.project(), item);
    EXPECT_NE(rubric_version(g.fx.project(), g.fx.set_id()), report.rubric_version);
    EXPECT_FALSE(is_judge_validated(g.fx.project(), config, g.fx.set_id()));
    EXPECT_FALSE(judge_eval_run(g.fx.project(), g.run, config).validated);
}

TEST(JudgeValidation, NotValidatedBelowTheThresholdOrWithTooFewItems) {
    {
        Graded g(8);  // 24/32 agreement: kappa 0.5
        ScriptedJudge judge(careful);
        JudgeValidationOptions options;
        options.run_probes = false;
        const auto report = validate_judge(g.fx.project(), g.fx.set_id(), tbtest::judge_config(judge.url()), options);
        EXPECT_NEAR(report.agreement[0].kappa.kappa, 0.5, 1e-12);
        EXPECT_FALSE(report.validated);
        EXPECT_NE(report.reason.find("below the threshold"), std::string::npos);
        EXPECT_FALSE(is_judge_validated(g.fx.project(), tbtest::judge_config(judge.url()), g.fx.set_id()));
    }
    {
        Graded g(0, 10);  // perfect agreement, but only 10 graded outputs
        ScriptedJudge judge(careful);
        JudgeValidationOptions options;
        options.run_probes = false;
        const auto report = validate_judge(g.fx.project(), g.fx.set_id(), tbtest::judge_config(judge.url()), options);
        EXPECT_DOUBLE_EQ(report.agreement[0].kappa.kappa, 1.0);
        EXPECT_FALSE(report.validated);
        EXPECT_NE(report.reason.find("at least 30"), std::string::npos);
        options.min_items = 10;
        EXPECT_TRUE(
            validate_judge(g.fx.project(), g.fx.set_id(), tbtest::judge_config(judge.url()), options).validated);
    }
}

TEST(JudgeValidation, ConfigKeyCoversModelPromptsAndRubric) {
    JudgeConfig a;
    a.model = "m1";
    JudgeConfig b = a;
    b.model = "m2";
    EXPECT_NE(judge_config_key(a, "r1"), judge_config_key(b, "r1"));
    EXPECT_NE(judge_config_key(a, "r1"), judge_config_key(a, "r2"));
    JudgeConfig c = a;
    c.base_url = "http://elsewhere";  // where the same model is served does not matter
    EXPECT_EQ(judge_config_key(a, "r1"), judge_config_key(c, "r1"));
}

}  // namespace
}  // namespace tb
