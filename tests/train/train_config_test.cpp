// TrainConfig JSON, the learning-rate schedule and the workflow warnings: torch-free pieces.
#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <thread>

#include "core/common/error.h"
#include "core/train/trainer.h"

namespace {

TEST(TrainConfigJson, RoundTripKeepsEveryField) {
    tb::TrainConfig c;
    c.model_dir = "/models/base";
    c.output_dir = "/out/adapter";
    c.chat_template = std::filesystem::path("/t/chatml.jinja");
    c.method = tb::TrainMethod::Full;
    c.lora.rank = 16;
    c.lora.alpha = 32;
    c.lora.dropout = 0.1;
    c.lora.use_rslora = true;
    c.lora.target_modules = {"q_proj", "v_proj"};
    c.loss_on = tb::LossOn::AllTokens;
    c.accepted_only = true;
    c.max_length = 333;
    c.truncate = true;
    c.pack = false;
    c.micro_batch_rows = 3;
    c.gradient_accumulation = 5;
    c.general_mix_share = 0.2;
    c.learning_rate = 3e-5;
    c.epochs = 2.5;
    c.max_steps = 77;
    c.schedule = tb::LrSchedule::Linear;
    c.warmup_ratio = 0.1;
    c.weight_decay = 0.01;
    c.adam_beta1 = 0.8;
    c.adam_beta2 = 0.95;
    c.adam_eps = 1e-6;
    c.max_grad_norm = 0.5;
    c.seed = 1234567890123ull;
    c.eval_every = 9;
    c.early_stopping_patience = 2;
    c.checkpoint_every = 11;
    c.log_every = 3;
    c.compute_dtype = "bf16";
    c.gradient_checkpointing = true;
    c.threads = 2;

    const auto j = c.to_json();
    const auto back = tb::TrainConfig::from_json(j);
    EXPECT_EQ(back.to_json(), j);
    EXPECT_EQ(back.method, tb::TrainMethod::Full);
    EXPECT_EQ(back.lora.target_modules, (std::vector<std::string>{"q_proj", "v_proj"}));
    EXPECT_EQ(back.seed, 1234567890123ull);
    ASSERT_TRUE(back.chat_template);
    EXPECT_EQ(back.chat_template->string(), "/t/chatml.jinja");
    // A default config differs: the round trip is not comparing defaults to defaults.
    EXPECT_NE(tb::TrainConfig().to_json(), j);
}

TEST(TrainConfigJson, MissingKeysKeepDefaultsUnknownKeysAndBadValuesFail) {
    auto c = tb::TrainConfig::from_json({{"learning_rate", 2e-4}});
    EXPECT_EQ(c.learning_rate, 2e-4);
    EXPECT_EQ(c.lora.rank, tb::TrainConfig().lora.rank);
    EXPECT_FALSE(c.chat_template);

    auto message_of = [](const nlohmann::json& j) {
        try {
            tb::TrainConfig::from_json(j);
        } catch (const tb::Error& e) {
            return std::string(e.what());
        }
        return std::string("no error");
    };
    EXPECT_NE(message_of({{"learnig_rate", 1e-4}}).find("\"learnig_rate\""), std::string::npos);
    EXPECT_NE(message_of({{"lora", {{"rnak", 4}}}}).find("\"rnak\""), std::string::npos);
    EXPECT_NE(message_of({{"schedule", "exponential"}}).find("\"schedule\""), std::string::npos);
    EXPECT_NE(message_of({{"epochs", "three"}}).find("\"epochs\""), std::string::npos);
    EXPECT_NE(message_of({{"compute_dtype", "fp8"}}).find("compute_dtype"), std::string::npos);
    EXPECT_EQ(message_of({{"method", "lora"}}), "no error");
}

TEST(LrSchedule, WarmupThenCosineToZero) {
    tb::TrainConfig c;
    c.learning_rate = 1e-3;
    c.warmup_ratio = 0.1;
    c.schedule = tb::LrSchedule::Cosine;
    const std::int64_t total = 100;  // 10 warmup steps
    EXPECT_NEAR(tb::scheduled_learning_rate(c, 0, total), 1e-4, 1e-12);
    EXPECT_NEAR(tb::scheduled_learning_rate(c, 4, total), 5e-4, 1e-12);
    EXPECT_NEAR(tb::scheduled_learning_rate(c, 9, total), 1e-3, 1e-12);   // last warmup step: the peak
    EXPECT_NEAR(tb::scheduled_learning_rate(c, 10, total), 1e-3, 1e-12);  // decay starts at the peak
    EXPECT_NEAR(tb::scheduled_learning_rate(c, 55, total), 5e-4, 1e-12);  // half way: half
    EXPECT_NEAR(tb::scheduled_learning_rate(c, total, total), 0.0, 1e-15);
    double previous = 1.0;
    for (std::int64_t s = 10; s <= total; ++s) {
        const double lr = tb::scheduled_learning_rate(c, s, total);
        EXPECT_LE(lr, previous);
        previous = lr;
    }
    EXPECT_GT(tb::scheduled_learning_rate(c, total - 1, total), 0.0);
}

TEST(LrSchedule, LinearAndConstant) {
    tb::TrainConfig c;
    c.learning_rate = 2.0;
    c.warmup_ratio = 0.0;
    c.schedule = tb::LrSchedule::Linear;
    EXPECT_DOUBLE_EQ(tb::scheduled_learning_rate(c, 0, 4), 2.0);
    EXPECT_DOUBLE_EQ(tb::scheduled_learning_rate(c, 1, 4), 1.5);
    EXPECT_DOUBLE_EQ(tb::scheduled_learning_rate(c, 3, 4), 0.5);
    EXPECT_DOUBLE_EQ(tb::scheduled_learning_rate(c, 4, 4), 0.0);
    c.schedule = tb::LrSchedule::Constant;
    c.warmup_ratio = 0.5;
    EXPECT_DOUBLE_EQ(tb::scheduled_learning_rate(c, 0, 4), 1.0);
    EXPECT_DOUBLE_EQ(tb::scheduled_learning_rate(c, 1, 4), 2.0);
    EXPECT_DOUBLE_EQ(tb::scheduled_learning_rate(c, 3, 4), 2.0);
}

TEST(ConfigWarnings, OutsideTheWorkflowDefaults) {
    tb::TrainConfig c;
    EXPECT_TRUE(tb::config_warnings(c).empty());
    c.learning_rate = 5e-4;
    c.epochs = 10;
    auto w = tb::config_warnings(c);
    ASSERT_EQ(w.size(), 2u);
    EXPECT_NE(w[0].find("above the LoRA range 5e-5..2e-4"), std::string::npos) << w[0];
    EXPECT_NE(w[1].find("epochs 10"), std::string::npos) << w[1];
    // Full fine-tuning has no LoRA learning-rate range.
    c.method = tb::TrainMethod::Full;
    EXPECT_EQ(tb::config_warnings(c).size(), 1u);
}

TEST(PauseToken, WaitReturnsOnResumeOrCancel) {
    tb::PauseToken pause;
    EXPECT_FALSE(pause.paused());
    pause.wait_while_paused(nullptr);  // not paused: returns at once
    pause.pause();
    EXPECT_TRUE(pause.paused());
    tb::CancelToken cancel;
    std::thread canceller([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        cancel.cancel();
    });
    pause.wait_while_paused(&cancel);
    canceller.join();
    EXPECT_TRUE(pause.paused());
    std::thread resumer([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        pause.resume();
    });
    pause.wait_while_paused(nullptr);
    resumer.join();
    EXPECT_FALSE(pause.paused());
}

}  // namespace
