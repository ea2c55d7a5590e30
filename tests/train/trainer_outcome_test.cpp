// How a run ends and what it leaves: the best validation's weights as the output (the final
// ones kept as a checkpoint), early stopping as its own state that readers still count as
// finished, and resume restoring every random source (refusing a checkpoint whose seed or
// batch layout would change the data order).
#include <gtest/gtest.h>

#include <algorithm>

#include "core/common/error.h"
#include "core/model/peft_adapter.h"
#include "core/project/runs.h"
#include "core/train/checkpoint.h"
#include "train/train_test_helpers.h"

namespace {

namespace fs = std::filesystem;
using tbtrain::adapter_tensors;
using tbtrain::Fixture;
using tbtrain::read_json;

struct Recorded {
    std::vector<tb::StepMetrics> steps;
    std::vector<tb::ValidationMetrics> validations;
    tb::TrainCallbacks callbacks() {
        tb::TrainCallbacks cb;
        cb.on_step = [this](const tb::StepMetrics& m) { steps.push_back(m); };
        cb.on_validation = [this](const tb::ValidationMetrics& v) { validations.push_back(v); };
        return cb;
    }
};

std::string raw_column(const tb::ProjectFile& project, std::int64_t run_id, const std::string& column) {
    auto st = project.prepare("SELECT " + column + " FROM runs WHERE id = ?1");
    st.bind(1, run_id);
    EXPECT_TRUE(st.step());
    return st.column_text(0);
}

TEST(TrainerOutcome, OutputHoldsTheBestValidationWeightsAndTheFinalOnesStayACheckpoint) {
    Fixture f;
    auto c = f.config("adapter");
    c.lora.dropout = 0.0;
    c.learning_rate = 0.05;  // large and constant on purpose: the validation loss rises again after its best
    c.schedule = tb::LrSchedule::Constant;
    c.max_steps = 30;
    c.eval_every = 1;
    Recorded rec;
    auto result = tb::Trainer(f.project, c).run(rec.callbacks());
    ASSERT_EQ(result.status, tb::RunStatus::Completed) << result.message;
    ASSERT_EQ(rec.validations.size(), 30u);
    const auto best = std::min_element(rec.validations.begin(), rec.validations.end(),
                                       [](const auto& a, const auto& b) { return a.val_loss < b.val_loss; });
    ASSERT_LT(best->step, 30) << "precondition: the best validation must come before the last step";
    ASSERT_TRUE(result.weights_step);
    EXPECT_EQ(*result.weights_step, best->step);
    EXPECT_EQ(*result.best_val_loss, best->val_loss);

    // Base + written adapter reproduces the best validation loss, not the last one.
    auto model = tb::load_causal_lm(f.model_dir);
    tb::load_peft_adapter(*model, c.output_dir);
    const double written = tbtrain::validation_loss(*model, f.project, c, tbtrain::kChatMl);
    EXPECT_NEAR(written, best->val_loss, 1e-5 * best->val_loss);
    EXPECT_GT(std::abs(written - rec.validations.back().val_loss), 1e-4 * written);

    // The final weights are the last checkpoint; the run says which step the output holds.
    EXPECT_EQ(result.last_checkpoint, tb::checkpoint_dir(c.output_dir, 30));
    EXPECT_TRUE(fs::exists(result.last_checkpoint / "state.pt"));
    auto summary = read_json(c.output_dir / "tunebench_run.json");
    EXPECT_EQ(summary["weights_step"], best->step);
    EXPECT_EQ(summary["steps"], 30);
    const std::string log = tb::run_log(f.project, result.run_id);
    EXPECT_NE(log.find("the weights of step " + std::to_string(best->step)), std::string::npos) << log;
}

TEST(TrainerOutcome, EarlyStoppingIsItsOwnStateAndStillAFinishedRunWithOutput) {
    Fixture f;
    auto c = f.config("adapter");
    c.lora.dropout = 0.0;
    c.learning_rate = 0.05;
    c.max_steps = 30;
    c.eval_every = 1;
    c.early_stopping_patience = 2;
    Recorded rec;
    auto result = tb::Trainer(f.project, c).run(rec.callbacks());
    ASSERT_EQ(result.stop_reason, tb::RunStopReason::EarlyStopping) << result.message;
    EXPECT_TRUE(result.stopped_early());
    EXPECT_EQ(result.status, tb::RunStatus::Completed);
    EXPECT_LT(result.steps, 30);
    EXPECT_TRUE(result.wrote_output());
    EXPECT_TRUE(fs::exists(c.output_dir / "adapter_model.safetensors"));
    // The last two validations did not improve on the best.
    ASSERT_GE(rec.validations.size(), 3u);
    EXPECT_FALSE(rec.validations.back().best);
    EXPECT_FALSE(rec.validations[rec.validations.size() - 2].best);
    ASSERT_TRUE(result.weights_step);
    EXPECT_EQ(*result.weights_step, result.steps - 2);

    const auto row = tb::find_run(f.project, result.run_id);
    ASSERT_TRUE(row);
    EXPECT_EQ(row->status, tb::RunStatus::Completed);
    EXPECT_EQ(row->stop_reason, tb::RunStopReason::EarlyStopping);
    EXPECT_TRUE(row->stopped_early());
    EXPECT_TRUE(row->wrote_output());
    EXPECT_FALSE(row->resumable());
    EXPECT_FALSE(row->ended_at.empty());
    const std::string log = tb::run_log(f.project, result.run_id);
    EXPECT_NE(log.find("early stopping"), std::string::npos) << log;
    // SQL readers of the status column see a finished run, and the reason is a column of its
    // own: no marker metric any more.
    EXPECT_EQ(raw_column(f.project, result.run_id, "status"), "completed");
    EXPECT_EQ(raw_column(f.project, result.run_id, "stop_reason"), "early_stopping");
    EXPECT_TRUE(tb::run_metric(f.project, result.run_id, tb::kMetricStoppedEarly).empty());
    // tunebench_run.json speaks the project's words.
    auto summary = read_json(c.output_dir / "tunebench_run.json");
    EXPECT_EQ(summary["status"], "completed");
    EXPECT_EQ(summary["stop_reason"], "early_stopping");

    // A resumed run is running again, with no reason; it then ends otherwise.
    tb::restart_run(f.project, result.run_id);
    EXPECT_EQ(tb::find_run(f.project, result.run_id)->status, tb::RunStatus::Running);
    EXPECT_FALSE(tb::find_run(f.project, result.run_id)->stop_reason);
    tb::finish_run(f.project, result.run_id, tb::RunStopReason::AllSteps);
    EXPECT_EQ(tb::find_run(f.project, result.run_id)->status, tb::RunStatus::Completed);
    EXPECT_EQ(raw_column(f.project, result.run_id, "stop_reason"), "all_steps");
    EXPECT_THROW(tb::finish_run(f.project, result.run_id, tb::RunStatus::Completed), tb::Error);  // needs a reason
    EXPECT_EQ(tb::find_run(f.project, result.run_id)->stop_reason, tb::RunStopReason::AllSteps);  // unchanged
}

tb::TrainConfig resumable(const Fixture& f, const std::string& out) {
    auto c = f.config(out);
    c.lora.dropout = 0.2;  // dropout draws random numbers every step
    c.gradient_checkpointing = true;
    c.max_steps = 5;
    c.micro_batch_rows = 2;
    c.eval_every = 2;
    return c;
}

TEST(TrainerOutcome, ResumeRestoresEveryRandomSourceWhateverTheProcessDrewMeanwhile) {
    Fixture f;
    Recorded straight_rec;
    auto straight = tb::Trainer(f.project, resumable(f, "straight")).run(straight_rec.callbacks());
    ASSERT_EQ(straight.status, tb::RunStatus::Completed) << straight.message;

    auto cancel = std::make_shared<tb::CancelToken>();
    tb::TrainCallbacks cb;
    cb.on_step = [&](const tb::StepMetrics& m) {
        if (m.step == 2) cancel->cancel();
    };
    tb::JobContext ctx;
    ctx.cancel = cancel;
    ASSERT_EQ(tb::Trainer(f.project, resumable(f, "resumed")).run(cb, ctx).status, tb::RunStatus::Cancelled);

    // Unrelated work in the same process moves torch's generator on.
    torch::manual_seed(12345);
    (void)torch::rand({1000});
    Recorded resumed_rec;
    auto resumed = tb::Trainer(f.project, resumable(f, "resumed")).run(resumed_rec.callbacks(), {}, true);
    ASSERT_EQ(resumed.status, tb::RunStatus::Completed) << resumed.message;
    ASSERT_EQ(resumed_rec.steps.size(), 3u);
    for (std::size_t i = 0; i < 3; ++i) EXPECT_EQ(resumed_rec.steps[i].loss, straight_rec.steps[i + 2].loss) << i;
    auto a = adapter_tensors(f.dir.file("straight"));
    auto b = adapter_tensors(f.dir.file("resumed"));
    ASSERT_EQ(a.size(), b.size());
    for (const auto& [name, t] : a) EXPECT_TRUE(torch::equal(b.at(name), t)) << name;
    EXPECT_EQ(resumed.weights_step, straight.weights_step);
}

TEST(TrainerOutcome, ResumeRefusesACheckpointOfAnotherSeedOrBatchLayout) {
    Fixture f;
    auto c = resumable(f, "adapter");
    c.gradient_checkpointing = false;
    c.checkpoint_every = 1;
    c.max_steps = 1;
    ASSERT_EQ(tb::Trainer(f.project, c).run().status, tb::RunStatus::Completed);
    c.max_steps = 3;  // more steps: allowed
    c.seed = 7;
    try {
        tb::Trainer(f.project, c).run({}, {}, /*resume=*/true);
        FAIL() << "expected tb::Error";
    } catch (const tb::Error& e) {
        EXPECT_NE(std::string(e.what()).find("seed"), std::string::npos) << e.what();
    }
    c.seed = 42;
    c.micro_batch_rows = 1;
    EXPECT_THROW(tb::Trainer(f.project, c).run({}, {}, true), tb::Error);
    c.micro_batch_rows = 2;
    EXPECT_EQ(tb::Trainer(f.project, c).run({}, {}, true).status, tb::RunStatus::Completed);
}

}  // namespace
