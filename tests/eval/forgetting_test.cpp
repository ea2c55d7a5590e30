#include "core/eval/forgetting.h"

#include <gtest/gtest.h>

#include "common/temp_dir.h"
#include "core/common/error.h"
#include "core/eval/eval_store.h"
#include "core/project/runs.h"
#include "eval/eval_test_helpers.h"

namespace tb {
namespace {

std::vector<ItemResult> results(const std::vector<double>& scores) {
    std::vector<ItemResult> out;
    for (std::size_t i = 0; i < scores.size(); ++i)
        out.push_back({"golden:" + std::to_string(i + 1), scores[i] >= 1.0, scores[i], {}});
    return out;
}

TEST(Forgetting, LargeDropIsFlagged) {
    // 20 items; the tuned model loses 6 of 16 passes: mean drop 0.3.
    std::vector<double> base(20, 1.0), tuned(20, 1.0);
    for (int i = 16; i < 20; ++i) base[i] = tuned[i] = 0.0;
    for (int i = 0; i < 6; ++i) tuned[i] = 0.0;
    const auto r = assess_forgetting(results(base), results(tuned));
    EXPECT_EQ(r.items, 20u);
    EXPECT_DOUBLE_EQ(r.base_mean_score, 0.8);
    EXPECT_DOUBLE_EQ(r.tuned_mean_score, 0.5);
    EXPECT_NEAR(r.score_diff.estimate, -0.3, 1e-12);
    EXPECT_LT(r.score_diff.low, r.score_diff.estimate);
    EXPECT_LT(r.score_diff.high, 0.0);
    EXPECT_DOUBLE_EQ(r.base_pass_rate, 0.8);
    EXPECT_DOUBLE_EQ(r.tuned_pass_rate, 0.5);
    EXPECT_TRUE(r.flagged);
    EXPECT_NE(r.reason.find("more than 0.05"), std::string::npos) << r.reason;
}

TEST(Forgetting, SmallButConsistentDropIsFlaggedByItsInterval) {
    // Every item loses 0.02: below the 0.05 threshold, but the CI is [-0.02, -0.02].
    std::vector<double> base(30, 0.8), tuned(30, 0.78);
    const auto r = assess_forgetting(results(base), results(tuned));
    EXPECT_NEAR(r.score_diff.estimate, -0.02, 1e-12);
    EXPECT_TRUE(r.flagged);
    EXPECT_NE(r.reason.find("CI"), std::string::npos) << r.reason;
}

TEST(Forgetting, NoiseAndGainsAreNotFlagged) {
    // One item down 0.5 and one up 0.5: mean 0, CI straddles 0.
    std::vector<double> base(20, 0.5), tuned(20, 0.5);
    tuned[0] = 0.0;
    tuned[1] = 1.0;
    auto r = assess_forgetting(results(base), results(tuned));
    EXPECT_NEAR(r.score_diff.estimate, 0.0, 1e-12);
    EXPECT_FALSE(r.flagged);
    EXPECT_TRUE(r.reason.empty());
    r = assess_forgetting(results(base), results(std::vector<double>(20, 0.9)));
    EXPECT_FALSE(r.flagged);
    // A stricter threshold still only looks at drops.
    ForgettingOptions strict;
    strict.max_mean_drop = 0.0;
    EXPECT_FALSE(assess_forgetting(results(base), results(std::vector<double>(20, 0.9)), strict).flagged);
}

TEST(Forgetting, OnlyPairedItemsCountAndNoOverlapIsAnError) {
    auto base = results({1, 1, 1, 0});
    auto tuned = results({1, 1});
    tuned.push_back({"golden:99", true, 1.0, {}});
    const auto r = assess_forgetting(base, tuned);
    EXPECT_EQ(r.items, 2u);
    EXPECT_EQ(r.unpaired, 3u);  // golden:3, golden:4 in base only; golden:99 in tuned only
    EXPECT_THROW(assess_forgetting(base, {{"golden:50", true, 1.0, {}}}), Error);
}

TEST(Forgetting, MeasuredOnTheGeneralSetForBaseAndTunedTargets) {
    tbtest::TempDir dir("tb_forget_");
    const auto model = std::filesystem::path(dir.file("model"));
    const auto adapter = std::filesystem::path(dir.file("adapter"));
    tbeval::write_tiny_model(model);
    tbeval::write_adapter(model, adapter, tbeval::kChatMl);
    auto project = ProjectFile::create(dir.file("p.tunebench"));
    tbeval::fill_project(project, 16, 4);
    set_general_set_name(project, "probe");
    EvalRunOptions options;
    options.generation.max_new_tokens = 8;
    const auto tmpl = std::filesystem::path(dir.write("t.jinja", tbeval::kChatMl));
    const auto r = measure_forgetting(project, EvalTarget::local(model, std::nullopt, tmpl),
                                      EvalTarget::local(model, adapter), options);
    EXPECT_EQ(r.items, 4u);
    ASSERT_NE(r.base_run_id, r.tuned_run_id);
    EXPECT_EQ(find_run(project, r.base_run_id)->config["probe"], "forgetting");
    EXPECT_EQ(find_run(project, r.tuned_run_id)->config["set"], "general");
    // The report is the assessment of the two stored runs.
    const auto again = assess_forgetting(project, r.base_run_id, r.tuned_run_id);
    EXPECT_DOUBLE_EQ(again.score_diff.estimate, r.score_diff.estimate);
    EXPECT_EQ(again.flagged, r.flagged);
}

}  // namespace
}  // namespace tb
