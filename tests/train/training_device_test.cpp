// TrainConfig::device / `train --device`: the CPU stays the default and unchanged; CUDA on a
// build or machine without it is a clear error before anything loads; on a CUDA machine a
// short run on the GPU follows the CPU run's losses.
#include <gtest/gtest.h>

#include <ATen/Context.h>

#include "core/common/error.h"
#include "core/project/runs.h"
#include "core/train/training_device.h"
#include "e2e/cli_runner.h"
#include "train/train_test_helpers.h"

namespace {

namespace fs = std::filesystem;

bool cuda_usable() { return torch::cuda::is_available() && torch::cuda::device_count() > 0; }

std::string error_of(const std::function<void()>& action) {
    try {
        action();
    } catch (const tb::Error& e) {
        return e.what();
    }
    return "";
}

TEST(TrainingDevice, SpellingsAcceptedAndRejected) {
    for (const char* good : {"cpu", "cuda", "cuda:0", "cuda:12"}) EXPECT_TRUE(tb::is_training_device_spelling(good));
    for (const char* bad : {"", "gpu", "CUDA", "cuda:", "cuda:x", "cuda:-1", "cpu:0", "cuda:123456", "mps"})
        EXPECT_FALSE(tb::is_training_device_spelling(bad)) << bad;
    EXPECT_EQ(tb::resolve_training_device("cpu"), torch::Device(torch::kCPU));
    const auto message = error_of([] { tb::resolve_training_device("gpu"); });
    EXPECT_NE(message.find("\"gpu\""), std::string::npos) << message;
    EXPECT_NE(message.find("cuda:N"), std::string::npos) << message;
}

TEST(TrainingDevice, ConfigJsonKeepsTheDeviceAndRejectsUnknownOnes) {
    tb::TrainConfig c;
    EXPECT_EQ(c.device, "cpu");
    EXPECT_EQ(c.to_json().at("device"), "cpu");
    c.device = "cuda:1";
    EXPECT_EQ(tb::TrainConfig::from_json(c.to_json()).device, "cuda:1");
    const auto message = error_of([] { tb::TrainConfig::from_json(nlohmann::json{{"device", "tpu"}}); });
    EXPECT_NE(message.find("\"device\""), std::string::npos) << message;
    EXPECT_NE(message.find("tpu"), std::string::npos) << message;
}

TEST(TrainingDevice, BatchOnTheCpuIsTheSameTensors) {
    tb::BatchTensors b;
    b.input_ids = torch::arange(6, torch::kInt64).view({2, 3});
    b.sequence_ids = torch::zeros({2, 3}, torch::kInt64);
    b.position_ids = torch::arange(3, torch::kInt64).repeat({2, 1});
    b.loss_weights = torch::ones({2, 3});
    const auto moved = tb::batch_on_device(b, torch::kCPU);
    EXPECT_TRUE(moved.input_ids.is_same(b.input_ids));
    EXPECT_TRUE(moved.loss_weights.is_same(b.loss_weights));
}

TEST(TrainingDevice, CudaWithoutCudaIsAClearErrorBeforeLoading) {
    if (cuda_usable()) GTEST_SKIP() << "this machine has CUDA: the error path cannot be seen here";
    const auto message = error_of([] { tb::resolve_training_device("cuda"); });
    ASSERT_FALSE(message.empty());
    // Which of the two causes: a CPU-only libtorch, or a CUDA one that sees no GPU.
    EXPECT_NE(message.find(at::hasCUDA() ? "sees no GPU" : "no CUDA support"), std::string::npos) << message;

    // The trainer refuses at construction, even with a model folder that does not exist:
    // the device is checked first, before minutes of loading.
    tbtest::TempDir dir("tb_device_");
    auto project = tb::ProjectFile::create(dir.file("p.tunebench"));
    tb::TrainConfig config;
    config.model_dir = dir.file("model");
    config.output_dir = dir.file("out");
    config.device = "cuda:0";
    fs::create_directories(config.model_dir);
    tbtrain::write_file(config.model_dir / "config.json", "{}");
    const auto trainer_message = error_of([&] { tb::Trainer trainer(project, config); });
    EXPECT_NE(trainer_message.find("device cuda:0"), std::string::npos) << trainer_message;
}

TEST(TrainingDevice, CliDeviceCudaIsBadInputOnACpuOnlyBuild) {
    if (!fs::exists(TUNEBENCH_CLI)) GTEST_SKIP() << "tunebench-cli not built";
    if (cuda_usable()) GTEST_SKIP() << "this machine has CUDA";
    tbtest::CliDir dir;
    const fs::path model = dir.file("model");
    tbtrain::write_tiny_model(model);
    const auto template_file = dir.write("chatml.jinja", tbtrain::kChatMl);
    {
        auto project = tb::ProjectFile::create(dir.file("p.tunebench"));
        tbtrain::fill_qa_project(project, 8);
    }
    const std::vector<std::string> common = {
        "train",       dir.file("p.tunebench"), "--model", model.string(), "--out", dir.file("a"), "--chat-template",
        template_file, "--max-steps",           "1",       "--no-suite"};
    auto with = [&](std::vector<std::string> extra) {
        auto args = common;
        args.insert(args.end(), extra.begin(), extra.end());
        return args;
    };
    auto cuda = dir.run(with({"--device", "cuda"}), "cuda");
    EXPECT_EQ(cuda.exit_code, 2) << cuda.err;
    EXPECT_NE(cuda.err.find("CUDA"), std::string::npos) << cuda.err;
    EXPECT_FALSE(fs::exists(dir.file("a") + "/adapter_model.safetensors"));
    auto typo = dir.run(with({"--device", "gpu"}), "typo");
    EXPECT_EQ(typo.exit_code, 2);
    EXPECT_NE(typo.err.find("--device"), std::string::npos) << typo.err;
}

// The same run on the CPU and on the GPU (fp32 both, dropout off): the losses agree to the
// GPU's rounding, and the adapter is written (tensors brought back to the CPU).
TEST(TrainingDevice, CudaRunFollowsTheCpuRun) {
    if (!cuda_usable()) GTEST_SKIP() << "no CUDA device";
    tbtrain::Fixture fx(24);
    std::vector<double> losses[2];
    int which = 0;
    for (const char* device : {"cpu", "cuda"}) {
        auto config = fx.config(std::string("out_") + device);
        config.device = device;
        config.lora.dropout = 0.0;
        config.max_steps = 3;
        tb::Trainer trainer(fx.project, config);
        tb::TrainCallbacks callbacks;
        callbacks.on_step = [&](const tb::StepMetrics& m) { losses[which].push_back(m.loss); };
        const auto result = trainer.run(callbacks);
        ASSERT_EQ(result.status, tb::RunStatus::Completed) << result.message;
        EXPECT_TRUE(fs::exists(config.output_dir / "adapter_model.safetensors"));
        ++which;
    }
    ASSERT_EQ(losses[0].size(), 3u);
    ASSERT_EQ(losses[1].size(), 3u);
    for (std::size_t i = 0; i < 3; ++i) EXPECT_NEAR(losses[0][i], losses[1][i], 1e-3 * losses[0][i]) << "step " << i;
}

}  // namespace
