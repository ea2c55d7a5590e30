#include <gtest/gtest.h>

#include "core/common/error.h"
#include "core/model/dropout_mask.h"
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

TEST(LoraDropout, MaskKeepsOneMinusPScaledIndependentAndReproducible) {
    const double p = 0.1;
    auto mask = tb::dropout_mask({1000, 1000}, torch::kFloat32, p, 42);
    const float kept = static_cast<float>(1.0 / (1.0 - p));
    auto is_kept = mask.eq(kept);
    EXPECT_TRUE(is_kept.logical_or(mask.eq(0.0f)).all().item<bool>()) << "values are 0 or 1/(1-p)";
    // Binomial share of kept values: standard deviation 0.0003 for a million draws.
    EXPECT_NEAR(is_kept.to(torch::kFloat64).mean().item<double>(), 1.0 - p, 0.002);
    // Neighbours (the two halves of one 64-bit hash, and consecutive hashes) are uncorrelated.
    auto flat = is_kept.to(torch::kFloat64).flatten();
    auto centred = flat - flat.mean();
    const double corr =
        (centred.slice(0, 0, -1) * centred.slice(0, 1)).mean().item<double>() / centred.pow(2).mean().item<double>();
    EXPECT_LT(std::abs(corr), 0.01);
    EXPECT_TRUE(torch::equal(mask, tb::dropout_mask({1000, 1000}, torch::kFloat32, p, 42)));
    EXPECT_FALSE(torch::equal(mask, tb::dropout_mask({1000, 1000}, torch::kFloat32, p, 43)));
    // Other dtypes: the same pattern.
    auto bf16 = tb::dropout_mask({1000, 1000}, torch::kBFloat16, p, 42);
    EXPECT_TRUE(torch::equal(bf16.ne(0), mask.ne(0)));
    EXPECT_THROW(tb::dropout_mask({4}, torch::kFloat32, 1.0, 1), tb::Error);
}

TEST(LoraDropout, FollowsTheDefaultGeneratorAndTheGradientIsTheMask) {
    auto x = torch::ones({64, 128}, torch::kFloat32).requires_grad_(true);
    torch::manual_seed(5);
    auto first = tb::fast_dropout(x, 0.25);
    auto second = tb::fast_dropout(x, 0.25);
    EXPECT_FALSE(torch::equal(first, second)) << "each call draws a fresh mask";
    torch::manual_seed(5);
    EXPECT_TRUE(torch::equal(tb::fast_dropout(x, 0.25), first)) << "manual_seed reproduces the masks";
    first.sum().backward();
    EXPECT_TRUE(torch::equal(x.grad(), first.detach()));
    EXPECT_TRUE(tb::fast_dropout(x, 0.0).is_same(x));
}

TEST(Lora, Bf16BaseComputesTheAdapterInBf16AndTrainsFp32Weights) {
    auto config = tbtest::tiny_config("llama");
    auto fp32 = tbtest::tiny_model(config, 3);
    tb::LoraOptions options;
    options.rank = 4;
    tb::apply_lora(*fp32, options);
    randomise_b(*fp32);
    tb::ModelLoadOptions load;
    load.dtype = torch::kBFloat16;
    tb::CausalLM bf16(config, load);
    tb::apply_lora(*bf16, options);
    {
        torch::NoGradGuard no_grad;
        auto source = fp32->named_parameters();
        for (auto& item : bf16->named_parameters()) item.value().copy_(source[item.key()]);
    }
    auto q = bf16->model->layers[0]->as<tb::DecoderLayerImpl>()->self_attn->q_proj;
    EXPECT_EQ(q->weight.scalar_type(), torch::kBFloat16);
    EXPECT_EQ(q->lora_A->weight.scalar_type(), torch::kFloat32);
    auto ids = tbtest::ids_tensor({1, 5, 9, 63, 0, 3});
    auto reference = [&] {
        torch::NoGradGuard no_grad;
        return fp32->forward(ids);
    }();
    auto logits = bf16->forward(ids);
    // bf16 rounding of a whole model: close to the fp32 logits, not equal.
    EXPECT_LT(max_abs_diff(logits.detach(), reference), 0.05 * reference.abs().max().item<double>());
    logits.sum().backward();
    ASSERT_TRUE(q->lora_B->weight.grad().defined());
    EXPECT_EQ(q->lora_B->weight.grad().scalar_type(), torch::kFloat32);
    EXPECT_GT(q->lora_A->weight.grad().abs().sum().item<double>(), 0.0);
    EXPECT_FALSE(q->weight.grad().defined());
}
