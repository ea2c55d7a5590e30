// `tunebench-cli judge pairwise-agreement` end to end: a project whose pairwise_grades hold a
// human's preferences and a judge's verdicts in both orders; the JSON and text reports, and
// the errors for a grader or judge with no rows.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/eval/human_grades.h"
#include "e2e/cli_runner.h"
#include "eval/judge_test_support.h"

namespace {

#define SKIP_WITHOUT_CLI() \
    if (!std::filesystem::exists(TUNEBENCH_CLI)) GTEST_SKIP() << "tunebench-cli not built"

TEST(JudgeAgreementCli, ReportsKappaConfusionAndPositionConsistency) {
    SKIP_WITHOUT_CLI();
    tbtest::CliDir dir;
    // The CLI opens the project beside this test's open handle (WAL: both see every commit).
    tbtest::JudgeProject fx(4);
    const std::string project_path = fx.project().path();
    {
        auto [run_a, a] = fx.add_run("base", {"2", "5", "6", "9"});
        auto [run_b, b] = fx.add_run("tuned", {"3", "4", "7", "8"});
        auto& p = fx.project();
        // Human (sides as shown): prefers a, b, a, tie; the second pair stored b-first.
        tb::record_pairwise_grade(p, a[0], b[0], "human:ana", a[0], 'a');
        tb::record_pairwise_grade(p, b[1], a[1], "human:ana", b[1], 'a');  // b[1] preferred
        tb::record_pairwise_grade(p, a[2], b[2], "human:ana", b[2], 'a');
        tb::record_pairwise_grade(p, a[3], b[3], "human:ana", a[3], 't');
        // Judge, both orders: agrees on pairs 1-3; on pair 4 its verdict follows the position.
        for (int i = 0; i < 3; ++i) {
            const char v = i == 1 ? 'b' : 'a';
            tb::record_pairwise_grade(p, a[i], b[i], "judge:j1", a[i], v);
            tb::record_pairwise_grade(p, a[i], b[i], "judge:j1", b[i], v);
        }
        tb::record_pairwise_grade(p, a[3], b[3], "judge:j1", a[3], 'a');
        tb::record_pairwise_grade(p, a[3], b[3], "judge:j1", b[3], 'b');
    }
    const auto json_run =
        dir.run({"judge", "pairwise-agreement", project_path, "--grader", "ana", "--judge-model", "j1", "--json"}, "j");
    ASSERT_EQ(json_run.exit_code, 0) << json_run.err;
    const auto j = nlohmann::json::parse(json_run.out);
    EXPECT_EQ(j["pairs"], 4);
    // Human a, b, a, tie; judge a, b, a, tie (pair 4 flips with the order): full agreement.
    EXPECT_DOUBLE_EQ(j["raw_agreement"].get<double>(), 1.0);
    EXPECT_DOUBLE_EQ(j["kappa"]["value"].get<double>(), 1.0);
    EXPECT_EQ(j["confusion"]["counts"], nlohmann::json::parse("[[2,0,0],[0,1,0],[0,0,1]]"));
    EXPECT_EQ(j["position_bias"]["pairs_both_orders"], 4);
    EXPECT_EQ(j["position_bias"]["consistent_pairs"], 3);
    EXPECT_DOUBLE_EQ(j["position_bias"]["position_consistency"].get<double>(), 0.75);

    const auto text =
        dir.run({"judge", "pairwise-agreement", project_path, "--grader", "ana", "--judge-model", "j1"}, "t");
    ASSERT_EQ(text.exit_code, 0) << text.err;
    EXPECT_NE(text.out.find("kappa 1.000"), std::string::npos) << text.out;
    EXPECT_NE(text.out.find("position consistency 75.0%"), std::string::npos) << text.out;

    const auto no_human =
        dir.run({"judge", "pairwise-agreement", project_path, "--grader", "bo", "--judge-model", "j1"}, "nh");
    EXPECT_EQ(no_human.exit_code, 2);
    EXPECT_NE(no_human.err.find("human:bo"), std::string::npos) << no_human.err;
    const auto no_judge =
        dir.run({"judge", "pairwise-agreement", project_path, "--grader", "ana", "--judge-model", "j9"}, "nj");
    EXPECT_EQ(no_judge.exit_code, 2);
    EXPECT_NE(no_judge.err.find("judge pairwise"), std::string::npos) << no_judge.err;
    EXPECT_EQ(dir.run({"judge", "pairwise-agreement", project_path, "--judge-model", "j1"}, "u").exit_code, 2);
}

}  // namespace
