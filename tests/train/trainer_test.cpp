// The training loop on a tiny random Llama with a character tokenizer, in a real project file:
// LoRA step 0, only adapters trained, accumulation equivalence, resume exactness, NaN stop,
// the PEFT layout of the output, and the metrics recorded in the project.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <set>
#include <sstream>

#include "common/temp_dir.h"
#include "core/common/error.h"
#include "core/model/peft_adapter.h"
#include "core/model/safetensors.h"
#include "core/model/safetensors_torch.h"
#include "core/project/runs.h"
#include "core/train/checkpoint.h"
#include "core/train/train_data.h"
#include "train/train_test_helpers.h"

namespace {

namespace fs = std::filesystem;

using tbtrain::adapter_tensors;
using tbtrain::Fixture;
using tbtrain::read_json;
using tbtrain::validation_loss;

TEST(Lora, FreshAdaptersLeaveTheLogitsUnchanged) {
    Fixture f(0);
    auto model = tb::load_causal_lm(f.model_dir);
    model->eval();
    torch::NoGradGuard no_grad;
    auto ids = torch::tensor(std::vector<std::int64_t>{1, 7, 30, 41, 5, 66, 12}, torch::kInt64).unsqueeze(0);
    auto base = model->forward(ids);
    tb::LoraOptions o;
    o.rank = 4;
    o.dropout = 0.1;
    EXPECT_EQ(tb::apply_lora(*model, o), 14);
    EXPECT_TRUE(torch::equal(model->forward(ids), base));
    // Teeth: a non-zero B moves the logits.
    for (auto& [_, linear] : tb::lora_linears(*model))
        if (linear->has_lora()) linear->lora_B->weight.fill_(0.01);
    EXPECT_FALSE(torch::allclose(model->forward(ids), base));
}

TEST(Trainer, TrainsOnlyAdaptersAndTheOutputReproducesTheTrainedModel) {
    Fixture f;
    auto c = f.config("adapter");
    c.lora.dropout = 0.0;
    c.max_steps = 5;
    tb::Trainer trainer(f.project, c);
    std::vector<tb::StepMetrics> steps;
    tb::TrainCallbacks cb;
    cb.on_step = [&](const tb::StepMetrics& m) { steps.push_back(m); };
    auto result = trainer.run(cb);
    ASSERT_EQ(result.status, tb::RunStatus::Completed) << result.message;
    ASSERT_EQ(steps.size(), 5u);
    for (const auto& m : steps) {
        EXPECT_GT(m.grad_norm, 0.0);
        EXPECT_GT(m.tokens_per_s, 0.0);
    }

    // The optimizer's tensors (listed in the checkpoint) are the 28 LoRA matrices only.
    auto state = read_json(result.last_checkpoint / "trainer_state.json");
    ASSERT_EQ(state["trainable"].size(), 28u);
    for (const auto& t : state["trainable"]) {
        const auto name = t["name"].get<std::string>();
        EXPECT_TRUE(name.find(".lora_A.") != std::string::npos || name.find(".lora_B.") != std::string::npos) << name;
    }

    // Base (untouched file) + saved adapter gives exactly the trainer's final validation loss:
    // the base weights did not move in training and the adapter holds all that did.
    ASSERT_TRUE(result.best_val_loss);
    auto model = tb::load_causal_lm(f.model_dir);
    const double base_loss = validation_loss(*model, f.project, c, tbtrain::kChatMl);
    tb::load_peft_adapter(*model, c.output_dir);
    const double adapted_loss = validation_loss(*model, f.project, c, tbtrain::kChatMl);
    EXPECT_NEAR(adapted_loss, *result.best_val_loss, 1e-5 * adapted_loss);
    EXPECT_NE(adapted_loss, base_loss);
}

TEST(Trainer, AdapterFolderHasPeftNamesConfigTokenizerAndTemplate) {
    Fixture f;
    auto c = f.config("adapter");
    c.max_steps = 1;
    auto result = tb::Trainer(f.project, c).run();
    ASSERT_EQ(result.status, tb::RunStatus::Completed) << result.message;

    std::set<std::string> expected;
    for (int layer = 0; layer < 2; ++layer) {
        for (const char* m : {"self_attn.q_proj", "self_attn.k_proj", "self_attn.v_proj", "self_attn.o_proj",
                              "mlp.gate_proj", "mlp.up_proj", "mlp.down_proj"})
            for (const char* ab : {"lora_A", "lora_B"})
                expected.insert("base_model.model.model.layers." + std::to_string(layer) + "." + m + "." + ab +
                                ".weight");
    }
    std::set<std::string> names;
    for (const auto& [name, t] : adapter_tensors(c.output_dir)) {
        names.insert(name);
        EXPECT_EQ(t.scalar_type(), torch::kFloat32) << name;
        if (name.find("lora_A") != std::string::npos) {
            EXPECT_EQ(t.size(0), 4) << name;  // [r, in]
        }
    }
    EXPECT_EQ(names, expected);

    auto config = read_json(c.output_dir / "adapter_config.json");
    EXPECT_EQ(config["peft_type"], "LORA");
    EXPECT_EQ(config["task_type"], "CAUSAL_LM");
    EXPECT_EQ(config["r"], 4);
    EXPECT_EQ(config["lora_alpha"], 8.0);
    EXPECT_EQ(config["target_modules"].size(), 7u);
    EXPECT_EQ(config["base_model_name_or_path"], fs::absolute(f.model_dir).string());
    for (const char* key : {"lora_dropout", "bias", "fan_in_fan_out", "use_rslora", "use_dora", "modules_to_save",
                            "inference_mode", "init_lora_weights", "layers_to_transform"})
        EXPECT_TRUE(config.contains(key)) << key;

    // The adapter brings the template it was trained with.
    auto tok_config = read_json(c.output_dir / "tokenizer_config.json");
    EXPECT_EQ(tok_config["chat_template"], tbtrain::kChatMl);
    EXPECT_EQ(tb::Tokenizer::from_folder(c.output_dir.string()).config().chat_template, tbtrain::kChatMl);
    EXPECT_TRUE(fs::exists(c.output_dir / "tokenizer.json"));
    auto run = read_json(c.output_dir / "tunebench_run.json");
    EXPECT_EQ(run["run_id"], result.run_id);
    EXPECT_EQ(run["chat_template_origin"], fs::absolute(f.template_file).string());
    EXPECT_NO_THROW(tb::TrainConfig::from_json(run["config"]));
}

TEST(Trainer, NoTemplateAnywhereIsAnErrorAskingForOne) {
    Fixture f(0);
    auto c = f.config("adapter");
    c.chat_template.reset();
    try {
        tb::Trainer trainer(f.project, c);
        FAIL() << "expected tb::Error";
    } catch (const tb::Error& e) {
        EXPECT_NE(std::string(e.what()).find("--chat-template"), std::string::npos) << e.what();
    }
}

TEST(Trainer, AccumulationOverMicroBatchesEqualsOneBigBatch) {
    Fixture f;
    auto run = [&](const std::string& out, std::int64_t rows, std::int64_t accumulation) {
        auto c = f.config(out);
        c.lora.dropout = 0.0;
        c.pack = false;  // rows of different lengths: per-micro-batch means would weigh them wrongly
        c.micro_batch_rows = rows;
        c.gradient_accumulation = accumulation;
        c.max_steps = 2;
        std::vector<tb::StepMetrics> steps;
        tb::TrainCallbacks cb;
        cb.on_step = [&](const tb::StepMetrics& m) { steps.push_back(m); };
        auto result = tb::Trainer(f.project, c).run(cb);
        EXPECT_EQ(result.status, tb::RunStatus::Completed);
        return std::make_pair(steps, adapter_tensors(c.output_dir));
    };
    auto [big_steps, big] = run("big", 4, 1);
    auto [acc_steps, acc] = run("acc", 1, 4);
    ASSERT_EQ(big_steps.size(), 2u);
    ASSERT_EQ(acc_steps.size(), 2u);
    for (std::size_t i = 0; i < 2; ++i) {
        EXPECT_NEAR(acc_steps[i].loss, big_steps[i].loss, 1e-5 * big_steps[i].loss);
        EXPECT_NEAR(acc_steps[i].grad_norm, big_steps[i].grad_norm, 1e-5 * big_steps[i].grad_norm);
    }
    ASSERT_EQ(big.size(), acc.size());
    for (const auto& [name, t] : big) EXPECT_TRUE(torch::allclose(acc.at(name), t, 1e-5, 1e-6)) << name;
}

TEST(Trainer, ResumeAfterCancelReproducesTheUninterruptedRunBitForBit) {
    Fixture f;
    auto base = [&](const std::string& out) {
        auto c = f.config(out);
        c.lora.dropout = 0.1;  // the RNG state must come back too
        c.max_steps = 6;
        c.warmup_ratio = 0.2;
        c.micro_batch_rows = 2;
        c.gradient_accumulation = 2;
        c.eval_every = 2;
        return c;
    };
    auto record = [](std::vector<double>& losses) {
        tb::TrainCallbacks cb;
        cb.on_step = [&losses](const tb::StepMetrics& m) { losses.push_back(m.loss); };
        return cb;
    };
    std::vector<double> straight_losses;
    auto straight = tb::Trainer(f.project, base("straight")).run(record(straight_losses));
    ASSERT_EQ(straight.status, tb::RunStatus::Completed);
    ASSERT_EQ(straight_losses.size(), 6u);

    std::vector<double> resumed_losses;
    auto cancel = std::make_shared<tb::CancelToken>();
    tb::TrainCallbacks cb = record(resumed_losses);
    cb.on_step = [&](const tb::StepMetrics& m) {
        resumed_losses.push_back(m.loss);
        if (m.step == 3) cancel->cancel();
    };
    tb::JobContext ctx;
    ctx.cancel = cancel;
    auto first = tb::Trainer(f.project, base("resumed")).run(cb, ctx);
    EXPECT_EQ(first.status, tb::RunStatus::Cancelled);
    EXPECT_EQ(first.steps, 3);
    EXPECT_EQ(first.last_checkpoint, tb::checkpoint_dir(f.dir.file("resumed"), 3));
    EXPECT_EQ(tb::find_run(f.project, first.run_id)->status, tb::RunStatus::Cancelled);
    EXPECT_EQ(tb::find_run(f.project, first.run_id)->stop_reason, tb::RunStopReason::Cancelled);
    EXPECT_TRUE(tb::find_run(f.project, first.run_id)->resumable());

    auto second = tb::Trainer(f.project, base("resumed")).run(record(resumed_losses), {}, /*resume=*/true);
    ASSERT_EQ(second.status, tb::RunStatus::Completed) << second.message;
    EXPECT_EQ(second.run_id, first.run_id);  // the resumed run continues its row
    EXPECT_EQ(resumed_losses, straight_losses);
    EXPECT_EQ(second.best_val_loss, straight.best_val_loss);
    auto a = adapter_tensors(f.dir.file("straight"));
    auto b = adapter_tensors(f.dir.file("resumed"));
    ASSERT_EQ(a.size(), b.size());
    for (const auto& [name, t] : a) EXPECT_TRUE(torch::equal(b.at(name), t)) << name;

    // Metrics of the whole run in the project, under the names the GUI reads.
    const auto losses = tb::run_metric(f.project, first.run_id, "train/loss");
    ASSERT_EQ(losses.size(), 6u);
    for (std::size_t i = 0; i < 6; ++i) {
        EXPECT_EQ(losses[i].first, static_cast<std::int64_t>(i + 1));
        EXPECT_DOUBLE_EQ(losses[i].second, straight_losses[i]);
    }
    EXPECT_EQ(tb::run_metric(f.project, first.run_id, "train/lr").size(), 6u);
    EXPECT_EQ(tb::run_metric(f.project, first.run_id, "train/grad_norm").size(), 6u);
    EXPECT_EQ(tb::run_metric(f.project, first.run_id, "train/tokens_per_s").size(), 6u);
    const auto val = tb::run_metric(f.project, first.run_id, "val/loss");
    ASSERT_EQ(val.size(), 3u);  // steps 2, 4 and the end
    EXPECT_EQ(val.back().first, 6);
    auto row = tb::find_run(f.project, first.run_id);
    ASSERT_TRUE(row);
    EXPECT_EQ(row->status, tb::RunStatus::Completed);
    EXPECT_EQ(row->stop_reason, tb::RunStopReason::AllSteps);
    EXPECT_FALSE(row->ended_at.empty());
    const std::string log = tb::run_log(f.project, first.run_id);
    EXPECT_NE(log.find("resumed from"), std::string::npos) << log;
    EXPECT_EQ(tb::TrainConfig::from_json(row->config).max_steps, 6);
}

TEST(Trainer, NonFiniteLossStopsWithFailedAndKeepsTheLastGoodCheckpoint) {
    Fixture f;
    auto c = f.config("adapter");
    c.learning_rate = 1e30;
    c.max_steps = 6;
    c.checkpoint_every = 1;
    auto result = tb::Trainer(f.project, c).run();
    ASSERT_EQ(result.status, tb::RunStatus::Failed);
    ASSERT_GE(result.steps, 1);
    EXPECT_LT(result.steps, 6);
    EXPECT_NE(result.message.find("at step " + std::to_string(result.steps + 1)), std::string::npos) << result.message;
    EXPECT_EQ(result.last_checkpoint, tb::checkpoint_dir(c.output_dir, result.steps));
    EXPECT_TRUE(fs::exists(result.last_checkpoint / "state.pt"));
    EXPECT_FALSE(fs::exists(tb::checkpoint_dir(c.output_dir, result.steps + 1)));
    EXPECT_FALSE(fs::exists(c.output_dir / "adapter_model.safetensors"));  // no output from a diverged run
    auto row = tb::find_run(f.project, result.run_id);
    EXPECT_EQ(row->status, tb::RunStatus::Failed);
    EXPECT_TRUE(row->resumable());
    // The reason names what overflowed first, as the message does.
    const bool loss_overflowed = result.message.find("the loss is not finite") != std::string::npos;
    EXPECT_EQ(row->stop_reason,
              loss_overflowed ? tb::RunStopReason::NonFiniteLoss : tb::RunStopReason::NonFiniteGradNorm)
        << result.message;
    EXPECT_EQ(result.stop_reason, row->stop_reason);
    const std::string log = tb::run_log(f.project, result.run_id);
    EXPECT_NE(log.find("not finite"), std::string::npos) << log;
}

TEST(Trainer, PreflightCountsAndDoesNotChangeTheRun) {
    Fixture f;
    auto c = f.config("with_preflight");
    c.max_length = 42;  // 4-letter words with 2-digit numbers render to 44 tokens: dropped and counted
    c.max_steps = 2;
    tb::Trainer with(f.project, c);
    const auto& report = with.preflight();
    EXPECT_GT(report.dropped_too_long, 0);
    EXPECT_GT(report.train_examples, 0);
    EXPECT_EQ(report.train_examples + report.dropped_too_long, tb::split_counts(f.project)["train"]);
    EXPECT_GT(report.validation_examples, 0);
    EXPECT_GT(report.trained_tokens, 0);
    EXPECT_LT(report.trained_tokens, report.train_tokens);  // assistant turns only
    EXPECT_EQ(report.total_steps, 2);
    EXPECT_EQ(report.compute_dtype, "fp32");
    EXPECT_GT(report.seconds_per_step, 0.0);
    EXPECT_GT(report.estimated_memory_bytes, 0.0);
    EXPECT_GT(report.trainable_parameters, 0);
    EXPECT_LT(report.trainable_parameters, report.total_parameters);
    EXPECT_NE(report.to_text().find("dropped"), std::string::npos);
    auto a = with.run();
    auto c2 = f.config("without_preflight");
    c2.max_length = 42;
    c2.max_steps = 2;
    auto b = tb::Trainer(f.project, c2).run();  // run() makes its own pre-flight: same thing
    auto ta = adapter_tensors(c.output_dir), tb_ = adapter_tensors(c2.output_dir);
    for (const auto& [name, t] : ta) EXPECT_TRUE(torch::equal(tb_.at(name), t)) << name;
}

TEST(Trainer, FullFineTuningWritesAModelFolder) {
    Fixture f;
    auto c = f.config("full");
    c.method = tb::TrainMethod::Full;
    c.loss_on = tb::LossOn::AllTokens;
    c.max_steps = 3;
    std::vector<double> losses;
    tb::TrainCallbacks cb;
    cb.on_step = [&](const tb::StepMetrics& m) { losses.push_back(m.loss); };
    tb::Trainer trainer(f.project, c);
    const auto& report = trainer.preflight();
    EXPECT_EQ(report.trainable_parameters, report.total_parameters);
    EXPECT_EQ(report.trained_tokens + report.train_examples, report.train_tokens);  // all but the first token
    auto result = trainer.run(cb);
    ASSERT_EQ(result.status, tb::RunStatus::Completed) << result.message;
    EXPECT_EQ(losses.size(), 3u);
    auto trained = tb::load_causal_lm(c.output_dir);
    auto base = tb::load_causal_lm(f.model_dir);
    EXPECT_FALSE(torch::equal(trained->base_weights().front().second, base->base_weights().front().second));
    ASSERT_TRUE(result.best_val_loss);
    EXPECT_NEAR(validation_loss(*trained, f.project, c, tbtrain::kChatMl), *result.best_val_loss,
                1e-5 * *result.best_val_loss);
    EXPECT_EQ(tb::Tokenizer::from_folder(c.output_dir.string()).config().chat_template, tbtrain::kChatMl);
}

}  // namespace
