#include "core/eval/regression_suite.h"

#include <gtest/gtest.h>

#include "common/temp_dir.h"
#include "core/common/error.h"
#include "core/eval/eval_store.h"
#include "core/project/runs.h"
#include "core/project/statement.h"
#include "eval/eval_test_helpers.h"

namespace tb {
namespace {

class RegressionSuiteTest : public ::testing::Test {
protected:
    void SetUp() override {
        model_ = dir_.file("model");
        adapter_ = dir_.file("adapter");
        tbeval::write_tiny_model(model_);
        tbeval::write_adapter(model_, adapter_, tbeval::kChatMl);
        project_.emplace(ProjectFile::create(dir_.file("p.tunebench")));
        tbeval::fill_project(*project_, 16, 6);
        options_.eval.generation.max_new_tokens = 10;
        options_.eval.generation.batch_size = 6;
    }
    EvalTarget tuned() const { return EvalTarget::local(model_, adapter_); }
    std::int64_t count_runs() const { return query_int64(project_->handle(), "SELECT COUNT(*) FROM runs").value(); }

    tbtest::TempDir dir_{"tb_suite_"};
    std::filesystem::path model_, adapter_;
    std::optional<ProjectFile> project_;
    RegressionSuiteOptions options_;
};

TEST_F(RegressionSuiteTest, SuitesAreStoredInTheProject) {
    RegressionSuite suite{"nightly", {"probe"}, true, true};
    save_regression_suite(*project_, suite);
    save_regression_suite(*project_, RegressionSuite{"manual", {"probe"}, false, false});
    auto loaded = load_regression_suite(*project_, "nightly");
    ASSERT_TRUE(loaded);
    EXPECT_EQ(loaded->golden_sets, std::vector<std::string>{"probe"});
    EXPECT_TRUE(loaded->include_general);
    EXPECT_EQ(list_regression_suites(*project_).size(), 2u);
    const auto after = suites_to_run_after_training(*project_);
    ASSERT_EQ(after.size(), 1u);
    EXPECT_EQ(after[0].name, "nightly");
    EXPECT_TRUE(delete_regression_suite(*project_, "manual"));
    EXPECT_FALSE(delete_regression_suite(*project_, "manual"));
    EXPECT_EQ(list_regression_suites(*project_).size(), 1u);
    EXPECT_THROW(save_regression_suite(*project_, RegressionSuite{"bad", {"missing"}, false, true}), Error);
    EXPECT_THROW(save_regression_suite(*project_, RegressionSuite{"", {"probe"}, false, true}), Error);
    EXPECT_THROW(RegressionSuite::from_json(nlohmann::json::parse(R"({"name": "x", "golden_set": ["probe"]})")), Error);
}

TEST_F(RegressionSuiteTest, ComparesWithTheBaseModelAndThePreviousRun) {
    RegressionSuite suite{"s", {"probe"}, false, true};
    const auto first = run_regression_suite(*project_, suite, tuned(), options_);
    ASSERT_EQ(first.sets.size(), 1u);
    const auto& a = first.sets[0];
    // No base run existed: the base model was evaluated, with the adapter's template.
    ASSERT_TRUE(a.base_run_id.has_value());
    EXPECT_TRUE(find_run(*project_, *a.base_run_id)->config["target"]["adapter"].is_null());
    ASSERT_TRUE(a.vs_base.has_value());
    EXPECT_EQ(a.vs_base->overall.items, 6u);
    EXPECT_FALSE(a.previous_run_id.has_value());
    EXPECT_EQ(count_runs(), 2);

    const auto second = run_regression_suite(*project_, suite, tuned(), options_);
    const auto& b = second.sets[0];
    EXPECT_EQ(count_runs(), 3);  // the base run is reused
    EXPECT_EQ(b.base_run_id, a.base_run_id);
    ASSERT_TRUE(b.previous_run_id.has_value());
    EXPECT_EQ(*b.previous_run_id, a.run_id);
    ASSERT_TRUE(b.vs_previous.has_value());
    // Same adapter, same settings: nothing changed, nothing to flag against the last run.
    for (const auto& item : b.vs_previous->items) EXPECT_EQ(item.change, ItemChange::unchanged) << item.id;
    EXPECT_FALSE(b.vs_previous->has_regression());
    EXPECT_EQ(previous_run(*project_, "probe", b.run_id), a.run_id);
    const auto j = second.to_json();
    EXPECT_EQ(j["sets"][0]["previous_run_id"], a.run_id);
    EXPECT_TRUE(j["sets"][0]["vs_previous"].contains("regressions"));
}

TEST_F(RegressionSuiteTest, ARunThatLosesItemsIsFlagged) {
    // A previous run of the same adapter that answered every item with its reference.
    const auto target = tuned();
    nlohmann::json config{{"set", "probe"}, {"target", target.to_json()}};
    const auto previous = create_run(*project_, tb::RunKind::Eval, "earlier", config);
    std::vector<EvalOutputRecord> records;
    for (const auto& item : resolve_eval_set(*project_, "probe").items) {
        EvalOutputRecord r;
        r.golden_item_id = item.golden_item_id;
        r.output = item.reference;
        r.score = score_item(item.rubric, r.output);
        ASSERT_TRUE(r.score.passed);
        records.push_back(r);
    }
    store_eval_outputs(*project_, previous, records);
    finish_run(*project_, previous, tb::RunStatus::Completed);

    const auto result = run_regression_suite(*project_, RegressionSuite{"s", {"probe"}, false, true}, target, options_);
    const auto& set = result.sets[0];
    ASSERT_EQ(set.previous_run_id, previous);
    // The tiny random model does not say the colour words, so it fails items that passed.
    ASSERT_LT(set.pass_rate, 1.0);
    ASSERT_TRUE(set.vs_previous.has_value());
    EXPECT_TRUE(set.vs_previous->has_regression());
    ASSERT_TRUE(result.has_regression());
    bool named = false;
    for (const auto& line : result.regressions)
        named = named || line.rfind("probe vs previous (run " + std::to_string(previous) + "): overall", 0) == 0;
    EXPECT_TRUE(named);
}

TEST_F(RegressionSuiteTest, GeneralSetAddsAForgettingReport) {
    set_general_set_name(*project_, "probe");
    const auto result = run_regression_suite(*project_, RegressionSuite{"g", {}, true, true}, tuned(), options_);
    ASSERT_EQ(result.sets.size(), 1u);
    EXPECT_EQ(result.sets[0].set, "general");
    ASSERT_TRUE(result.forgetting.has_value());
    EXPECT_EQ(result.forgetting->items, 6u);
    EXPECT_EQ(result.forgetting->tuned_run_id, result.sets[0].run_id);
    EXPECT_EQ(result.forgetting->base_run_id, *result.sets[0].base_run_id);
    bool listed = false;
    for (const auto& line : result.regressions) listed = listed || line.rfind("general: forgetting", 0) == 0;
    EXPECT_EQ(listed, result.forgetting->flagged);
}

}  // namespace
}  // namespace tb
