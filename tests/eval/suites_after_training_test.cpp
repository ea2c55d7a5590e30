// The regression suites after a training run (core/eval/suites_after_training.h), the one
// function the CLI's `train` and the GUI call: what it plans from the run's stored config, and
// that a base model without a template is evaluated on the template the run trained with.
#include "core/eval/suites_after_training.h"

#include <gtest/gtest.h>

#include "common/temp_dir.h"
#include "core/common/error.h"
#include "core/project/runs.h"
#include "core/train/train_config.h"
#include "eval/eval_test_helpers.h"

namespace tb {
namespace {

namespace fs = std::filesystem;

class SuitesAfterTrainingTest : public ::testing::Test {
protected:
    void SetUp() override {
        model_ = dir_.file("model");
        adapter_ = dir_.file("adapter");
        tbeval::write_tiny_model(model_);  // no chat template: a base model
        tbeval::write_adapter(model_, adapter_, tbeval::kChatMl);
        template_ = dir_.write("chatml.jinja", tbeval::kChatMl);
        project_.emplace(ProjectFile::create(dir_.file("p.tunebench")));
        tbeval::fill_project(*project_, 16, 6);
    }
    std::int64_t trained(TrainMethod method, RunStopReason end, bool explicit_template = true) {
        TrainConfig config;
        config.model_dir = model_;
        config.output_dir = adapter_;
        config.method = method;
        if (explicit_template) config.chat_template = template_;
        const auto id = create_run(*project_, RunKind::Train, "run", config.to_json());
        finish_run(*project_, id, end);
        return id;
    }

    tbtest::TempDir dir_{"tb_after_"};
    fs::path model_, adapter_, template_;
    std::optional<ProjectFile> project_;
};

TEST_F(SuitesAfterTrainingTest, PlansFromTheRunsStoredConfig) {
    const auto lora = trained(TrainMethod::Lora, RunStopReason::EarlyStopping);
    EXPECT_FALSE(plan_suites_after_training(*project_, lora).target);  // no suite flagged
    save_regression_suite(*project_, RegressionSuite{"gate", {"probe"}, false, true});

    const auto plan = plan_suites_after_training(*project_, lora);
    ASSERT_EQ(plan.suites.size(), 1u);
    ASSERT_TRUE(plan.target);
    EXPECT_TRUE(plan.skipped.empty());
    EXPECT_EQ(plan.target->model_dir, model_);
    EXPECT_EQ(plan.target->adapter_dir, adapter_);
    EXPECT_EQ(plan.target->chat_template_file, template_);
    // Without an explicit template the adapter's own applies.
    EXPECT_FALSE(plan_suites_after_training(*project_, trained(TrainMethod::Lora, RunStopReason::AllSteps, false))
                     .target->chat_template_file);

    const auto full = plan_suites_after_training(*project_, trained(TrainMethod::Full, RunStopReason::AllSteps));
    EXPECT_FALSE(full.target);
    EXPECT_NE(full.skipped.find("trained all weights"), std::string::npos) << full.skipped;
    const auto failed = plan_suites_after_training(*project_, trained(TrainMethod::Lora, RunStopReason::NonFiniteLoss));
    EXPECT_FALSE(failed.target);
    EXPECT_NE(failed.skipped.find("failed"), std::string::npos) << failed.skipped;
    EXPECT_TRUE(run_suites_after_training(*project_, trained(TrainMethod::Full, RunStopReason::AllSteps)).empty());

    const auto eval = create_run(*project_, RunKind::Eval, "e", nlohmann::json::object());
    EXPECT_THROW(plan_suites_after_training(*project_, eval), Error);
    EXPECT_THROW(plan_suites_after_training(*project_, 999), Error);
}

TEST_F(SuitesAfterTrainingTest, EvaluatesOnTheRunsTemplateAndReportsASuiteThatCannotRun) {
    save_regression_suite(*project_, RegressionSuite{"gate", {"probe"}, false, true});
    // "general" cannot be resolved here (no general set): its error does not hide "gate".
    save_regression_suite(*project_, RegressionSuite{"forgetting", {}, true, true});
    const auto run = trained(TrainMethod::Lora, RunStopReason::AllSteps);
    RegressionSuiteOptions options;
    options.eval.generation.max_new_tokens = 4;
    std::vector<std::string> started, done;
    SuitesAfterTrainingCallbacks callbacks;
    callbacks.on_suite_start = [&](const RegressionSuite& s, const EvalTarget&) { started.push_back(s.name); };
    callbacks.on_suite_done = [&](const SuiteOutcome& o) { done.push_back(o.suite); };
    const auto outcomes = run_suites_after_training(*project_, run, options, {}, callbacks);
    ASSERT_EQ(outcomes.size(), 2u);
    EXPECT_EQ(started, (std::vector<std::string>{"forgetting", "gate"}));  // by name
    EXPECT_EQ(done, started);
    EXPECT_FALSE(outcomes[0].result);
    EXPECT_NE(outcomes[0].error.find("general"), std::string::npos) << outcomes[0].error;
    ASSERT_TRUE(outcomes[1].result);
    const auto& set = outcomes[1].result->sets.at(0);
    // The tuned run and the base model's both name the template the run trained with.
    const std::string expected = fs::absolute(template_).string();
    const auto tuned = find_run(*project_, set.run_id);
    EXPECT_EQ(tuned->config["target"]["chat_template_file"], expected);
    EXPECT_EQ(tuned->parent_run_id, run);
    ASSERT_TRUE(set.base_run_id);
    const auto base = find_run(*project_, *set.base_run_id);
    EXPECT_TRUE(base->config["target"]["adapter"].is_null());
    EXPECT_EQ(base->config["target"]["chat_template_file"], expected);
}

}  // namespace
}  // namespace tb
