#include <gtest/gtest.h>

#include "core/common/error.h"
#include "core/model/llama.h"
#include "core/model/lora.h"
#include "core/model/peft_adapter.h"
#include "core/model/safetensors.h"
#include "model_test_helpers.h"

namespace {

double max_abs_diff(const torch::Tensor& a, const torch::Tensor& b) { return (a - b).abs().max().item<double>(); }

// Gives every B a random value so the adapter changes the output.
void randomise_b(tb::CausalLMImpl& model) {
    torch::NoGradGuard no_grad;
    for (auto& [_, linear] : tb::lora_linears(model))
        if (linear->has_lora()) linear->lora_B->weight.normal_(0.0, 0.05);
}

}  // namespace

TEST(Lora, FreshAdapterLeavesTheModelUnchanged) {
    auto model = tbtest::tiny_model(tbtest::tiny_config("llama"));
    auto ids = tbtest::ids_tensor({1, 5, 9, 63, 0});
    torch::NoGradGuard no_grad;
    auto base = model->forward(ids);
    tb::LoraOptions options;
    options.rank = 4;
    EXPECT_EQ(tb::apply_lora(*model, options), 2 * 7);
    EXPECT_EQ(max_abs_diff(model->forward(ids), base), 0.0);
    // A follows PEFT's kaiming-uniform bound 1/sqrt(in); B is zero.
    auto q = model->model->layers[0]->as<tb::DecoderLayerImpl>()->self_attn->q_proj;
    EXPECT_LE(q->lora_A->weight.abs().max().item<double>(), 1.0 / std::sqrt(32.0) + 1e-7);
    EXPECT_GT(q->lora_A->weight.abs().max().item<double>(), 0.5 / std::sqrt(32.0));
    EXPECT_EQ(q->lora_B->weight.abs().max().item<double>(), 0.0);
    EXPECT_DOUBLE_EQ(q->lora_scale(), 16.0 / 4.0);
}

TEST(Lora, OnlyAdaptersAreTrainableAndNamedLikePeft) {
    auto model = tbtest::tiny_model(tbtest::tiny_config("llama"));
    tb::LoraOptions options;
    options.target_modules = {"q_proj", "v_proj"};
    EXPECT_EQ(tb::apply_lora(*model, options), 4);
    std::vector<std::string> trainable;
    for (auto& item : model->named_parameters())
        if (item.value().requires_grad()) trainable.push_back(item.key());
    EXPECT_EQ(trainable.size(), 8u);
    EXPECT_NE(std::find(trainable.begin(), trainable.end(), "model.layers.1.self_attn.v_proj.lora_B.weight"),
              trainable.end());
    options.target_modules = {"qproj"};
    EXPECT_THROW(tb::apply_lora(*model, options), tb::Error);
}

TEST(Lora, GradientsReachAdaptersOnly) {
    auto model = tbtest::tiny_model(tbtest::tiny_config("qwen2"));
    tb::LoraOptions options;
    options.rank = 2;
    tb::apply_lora(*model, options);
    auto logits = model->forward(tbtest::ids_tensor({1, 5, 9, 63}));
    logits.sum().backward();
    auto q = model->model->layers[0]->as<tb::DecoderLayerImpl>()->self_attn->q_proj;
    // B is zero, so A's gradient is zero at first, but B's is not.
    ASSERT_TRUE(q->lora_B->weight.grad().defined());
    EXPECT_GT(q->lora_B->weight.grad().abs().sum().item<double>(), 0.0);
    EXPECT_FALSE(q->weight.grad().defined());
}

TEST(Lora, MergeEqualsTheUnmergedForward) {
    for (bool rslora : {false, true}) {
        auto model = tbtest::tiny_model(tbtest::tiny_config("qwen3"));
        auto ids = tbtest::ids_tensor({1, 5, 9, 63, 0, 3, 3});
        tb::LoraOptions options;
        options.rank = 4;
        options.alpha = 8;
        options.use_rslora = rslora;
        tb::apply_lora(*model, options);
        randomise_b(*model);
        torch::NoGradGuard no_grad;
        auto base = [&] {
            tb::set_lora_enabled(*model, false);
            auto out = model->forward(ids);
            tb::set_lora_enabled(*model, true);
            return out;
        }();
        auto adapted = model->forward(ids);
        EXPECT_GT(max_abs_diff(adapted, base), 1e-3) << "the adapter must matter for this test to mean anything";
        tb::merge_lora(*model);
        EXPECT_TRUE(tb::lora_linears(*model)[0].second->has_lora() == false);
        EXPECT_LT(max_abs_diff(model->forward(ids), adapted), 1e-5) << "rslora " << rslora;
    }
}

TEST(Lora, PeftAdapterRoundTripsThroughDisk) {
    tbtest::TempDir tmp;
    auto config = tbtest::tiny_config("llama");
    auto model = tbtest::tiny_model(config, 11);
    tb::LoraOptions options;
    options.rank = 3;
    options.alpha = 6;
    options.target_modules = {"q_proj", "k_proj", "down_proj"};
    tb::apply_lora(*model, options);
    randomise_b(*model);
    tb::save_peft_adapter(*model, tmp.path() / "adapter", options, "tiny");
    auto file = tb::SafetensorsFile::open(tmp.path() / "adapter/adapter_model.safetensors");
    EXPECT_TRUE(file->contains("base_model.model.model.layers.0.self_attn.q_proj.lora_A.weight"));
    EXPECT_EQ(file->names().size(), 2u * 3u * 2u);

    auto fresh = tbtest::tiny_model(config, 11);
    auto info = tb::load_peft_adapter(*fresh, tmp.path() / "adapter");
    EXPECT_EQ(info.modules, 6);
    EXPECT_EQ(info.options.rank, 3);
    EXPECT_EQ(info.base_model, "tiny");
    torch::NoGradGuard no_grad;
    auto ids = tbtest::ids_tensor({1, 2, 3, 4, 5});
    EXPECT_LT(max_abs_diff(fresh->forward(ids), model->forward(ids)), 1e-6);

    // An adapter for other shapes is refused with the module's name.
    auto other = tbtest::tiny_config("llama");
    other.hidden_size = 16;
    auto wrong = tbtest::tiny_model(other, 11);
    try {
        tb::load_peft_adapter(*wrong, tmp.path() / "adapter");
        FAIL();
    } catch (const tb::Error& e) {
        EXPECT_NE(std::string(e.what()).find("layers."), std::string::npos) << e.what();
    }
}
