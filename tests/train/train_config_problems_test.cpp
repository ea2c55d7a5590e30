// The rules about a run config defined once (core/train/train_config.h): what keeps it from
// running (the trainer throws these, the run dialog lists them), and how the advisor's
// starting settings fill it.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <limits>

#include "common/temp_dir.h"
#include "core/advisor/training_settings.h"
#include "core/train/train_config.h"

namespace {

using Kind = tb::ConfigProblemKind;

std::vector<Kind> kinds(const tb::TrainConfig& config) {
    std::vector<Kind> out;
    for (const auto& problem : tb::config_problems(config)) {
        EXPECT_FALSE(problem.message.empty());
        out.push_back(problem.kind);
    }
    return out;
}

// A folder that passes as a model: config.json, and a tokenizer_config.json with or without
// a chat template.
std::filesystem::path model_folder(const tbtest::TempDir& dir, const std::string& name, bool with_template) {
    const std::filesystem::path folder = dir.file(name);
    std::filesystem::create_directories(folder);
    std::ofstream(folder / "config.json") << R"({"model_type": "llama"})";
    std::ofstream(folder / "tokenizer_config.json")
        << (with_template ? R"({"chat_template": "{{ messages[0].content }}"})" : R"({"bos_token": "<s>"})");
    return folder;
}

TEST(TrainConfigProblems, NameEverySettingThatCannotRun) {
    tbtest::TempDir dir;
    EXPECT_EQ(kinds(tb::TrainConfig{}), (std::vector<Kind>{Kind::ModelDirMissing, Kind::OutputDirMissing}));

    tb::TrainConfig c;
    c.model_dir = model_folder(dir, "chat", /*with_template*/ true);
    c.output_dir = dir.file("out");
    EXPECT_TRUE(kinds(c).empty());

    c.model_dir = dir.file("nothing-here");
    EXPECT_EQ(kinds(c), std::vector<Kind>{Kind::ModelDirNotAModel});

    // A base model needs a template file, and the file must exist.
    c.model_dir = model_folder(dir, "base", /*with_template*/ false);
    EXPECT_EQ(kinds(c), std::vector<Kind>{Kind::ChatTemplateRequired});
    EXPECT_NE(tb::config_problems(c)[0].message.find("--chat-template"), std::string::npos);
    c.chat_template = dir.file("missing.jinja");
    EXPECT_EQ(kinds(c), std::vector<Kind>{Kind::ChatTemplateFileMissing});
    c.chat_template = dir.write("chatml.jinja", "{{ messages[0].content }}");
    EXPECT_TRUE(kinds(c).empty());

    // Each bad value by itself.
    const auto only = [&](auto change, Kind expected) {
        tb::TrainConfig bad = c;
        change(bad);
        EXPECT_EQ(kinds(bad), std::vector<Kind>{expected}) << static_cast<int>(expected);
    };
    only([](tb::TrainConfig& b) { b.learning_rate = 0.0; }, Kind::LearningRate);
    only([](tb::TrainConfig& b) { b.learning_rate = std::numeric_limits<double>::quiet_NaN(); }, Kind::LearningRate);
    only([](tb::TrainConfig& b) { b.max_steps = -1; }, Kind::MaxSteps);
    only([](tb::TrainConfig& b) { b.epochs = 0.0; }, Kind::Epochs);
    only([](tb::TrainConfig& b) { b.max_length = 1; }, Kind::MaxLength);
    only([](tb::TrainConfig& b) { b.micro_batch_rows = 0; }, Kind::MicroBatchRows);
    only([](tb::TrainConfig& b) { b.gradient_accumulation = 0; }, Kind::GradientAccumulation);
    only([](tb::TrainConfig& b) { b.general_mix_share = 1.0; }, Kind::GeneralMixShare);
    only([](tb::TrainConfig& b) { b.warmup_ratio = -0.1; }, Kind::WarmupRatio);
    only([](tb::TrainConfig& b) { b.max_grad_norm = -1.0; }, Kind::MaxGradNorm);
    only([](tb::TrainConfig& b) { b.checkpoint_every = -5; }, Kind::NegativeInterval);
    only([](tb::TrainConfig& b) { b.lora.rank = 0; }, Kind::LoraRank);
    only([](tb::TrainConfig& b) { b.lora.dropout = 1.0; }, Kind::LoraDropout);
    only([](tb::TrainConfig& b) { b.lora.target_modules.clear(); }, Kind::LoraTargetModules);
    only([](tb::TrainConfig& b) { b.compute_dtype = "fp8"; }, Kind::ComputeDtype);
    only([](tb::TrainConfig& b) { b.device = "gpu"; }, Kind::Device);
    // epochs only matter when max_steps does not decide; LoRA settings only for LoRA.
    tb::TrainConfig steps = c;
    steps.epochs = 0.0;
    steps.max_steps = 10;
    EXPECT_TRUE(kinds(steps).empty());
    tb::TrainConfig full = c;
    full.method = tb::TrainMethod::Full;
    full.lora.target_modules.clear();
    full.lora.rank = 0;
    EXPECT_TRUE(kinds(full).empty());

    // What the trainer throws: every problem, after "run config: ".
    tb::TrainConfig two = c;
    two.learning_rate = -1.0;
    two.output_dir.clear();
    EXPECT_EQ(tb::describe_problems(tb::config_problems(two)),
              "run config: output_dir is required; learning_rate must be a positive number (e.g. 1e-4)");
}

TEST(TrainConfigStartingSettings, TheAdvisorsSettingsFillTheRunConfig) {
    tb::TrainConfig c;
    c.model_dir = "/m";
    c.output_dir = "/o";
    c.max_steps = 9;
    c.seed = 7;
    tb::StartingSettings lora = tb::starting_settings(tb::TuningMethod::lora);
    lora.sequence_length = 512;
    lora.batch_size = 2;
    lora.target_modules = {"q_proj", "v_proj"};
    tb::apply_starting_settings(c, lora);
    EXPECT_EQ(c.method, tb::TrainMethod::Lora);
    EXPECT_DOUBLE_EQ(c.learning_rate, 1e-4);  // the advisor's LoRA start (training_settings.h)
    EXPECT_DOUBLE_EQ(c.epochs, 3.0);
    EXPECT_EQ(c.max_steps, 0);  // the epochs decide
    EXPECT_EQ(c.lora.rank, 16);
    EXPECT_DOUBLE_EQ(c.lora.alpha, 32.0);
    EXPECT_DOUBLE_EQ(c.lora.dropout, 0.05);
    EXPECT_EQ(c.lora.target_modules, (std::vector<std::string>{"q_proj", "v_proj"}));
    EXPECT_EQ(c.max_length, 512);
    EXPECT_EQ(c.micro_batch_rows, 2);
    EXPECT_TRUE(c.gradient_checkpointing);
    // What the advisor has no opinion on stays.
    EXPECT_EQ(c.model_dir, "/m");
    EXPECT_EQ(c.output_dir, "/o");
    EXPECT_EQ(c.seed, 7u);

    // QLoRA trains as LoRA here; full fine-tuning starts ten times lower and keeps the LoRA block.
    tb::TrainConfig q;
    tb::apply_starting_settings(q, tb::starting_settings(tb::TuningMethod::qlora));
    EXPECT_EQ(q.method, tb::TrainMethod::Lora);
    tb::TrainConfig f;
    tb::apply_starting_settings(f, tb::starting_settings(tb::TuningMethod::full));
    EXPECT_EQ(f.method, tb::TrainMethod::Full);
    EXPECT_DOUBLE_EQ(f.learning_rate, 1e-5);
    EXPECT_EQ(f.lora.rank, tb::TrainConfig().lora.rank);
}

}  // namespace
