// Gradient checkpointing recomputes each layer in backward (with the same dropout masks): the
// training result must not change.
#include <gtest/gtest.h>

#include "common/temp_dir.h"
#include "core/model/safetensors.h"
#include "core/model/safetensors_torch.h"
#include "core/project/runs.h"
#include "train/train_test_helpers.h"

namespace {

namespace fs = std::filesystem;

TEST(GradientCheckpointing, SameLossesAndAdapterAsWithout) {
    tbtest::TempDir dir("tb_train_gc_");
    const fs::path model = dir.file("model");
    tbtrain::write_tiny_model(model);
    const auto template_file = dir.write("chatml.jinja", tbtrain::kChatMl);
    auto project = tb::ProjectFile::create(dir.file("p.tunebench"));
    tbtrain::fill_qa_project(project, 24);

    auto train = [&](const std::string& out, bool checkpointing, tb::TrainMethod method) {
        auto c = tbtrain::tiny_run_config(model, dir.file(out), template_file);
        c.method = method;
        c.gradient_checkpointing = checkpointing;
        c.lora.dropout = 0.2;  // the recompute must draw the same dropout masks
        c.max_steps = 3;
        std::vector<double> losses, norms;
        tb::TrainCallbacks cb;
        cb.on_step = [&](const tb::StepMetrics& m) {
            losses.push_back(m.loss);
            norms.push_back(m.grad_norm);
        };
        auto result = tb::Trainer(project, c).run(cb);
        EXPECT_EQ(result.status, tb::RunStatus::Completed) << result.message;
        return std::make_pair(losses, norms);
    };
    auto [plain_losses, plain_norms] = train("plain", false, tb::TrainMethod::Lora);
    auto [gc_losses, gc_norms] = train("gc", true, tb::TrainMethod::Lora);
    ASSERT_EQ(plain_losses.size(), 3u);
    ASSERT_EQ(gc_losses.size(), 3u);
    for (std::size_t i = 0; i < 3; ++i) {
        EXPECT_NEAR(gc_losses[i], plain_losses[i], 1e-6 * plain_losses[i]);
        EXPECT_NEAR(gc_norms[i], plain_norms[i], 1e-5 * plain_norms[i]);
    }
    auto a = tb::SafetensorsFile::open(fs::path(dir.file("plain")) / "adapter_model.safetensors");
    auto b = tb::SafetensorsFile::open(fs::path(dir.file("gc")) / "adapter_model.safetensors");
    for (const auto& name : a->names())
        EXPECT_TRUE(torch::allclose(tb::tensor_view(a, name), tb::tensor_view(b, name), 1e-5, 1e-7)) << name;

    // Full fine-tuning: every weight's gradient goes through the recomputed layers.
    auto [full_losses, full_norms] = train("full", false, tb::TrainMethod::Full);
    auto [full_gc_losses, full_gc_norms] = train("full_gc", true, tb::TrainMethod::Full);
    for (std::size_t i = 0; i < 3; ++i) {
        EXPECT_NEAR(full_gc_losses[i], full_losses[i], 1e-6 * full_losses[i]);
        EXPECT_NEAR(full_gc_norms[i], full_norms[i], 1e-5 * full_norms[i]);
    }
}

}  // namespace
