#include <gtest/gtest.h>

#include "core/common/error.h"
#include "core/model/generation.h"
#include "core/model/llama.h"
#include "core/model/safetensors_torch.h"
#include "core/text/tokenizer.h"
#include "model_test_helpers.h"

namespace {

constexpr const char* kStory =
    "Once upon a time, there was a little girl named Lily. She loved to play outside in the park. One day, she "
    "saw a big, red ball. She wanted to play with it, but it was too high";

double max_abs_diff(const torch::Tensor& a, const torch::Tensor& b) {
    return (a.to(torch::kFloat64) - b.to(torch::kFloat64)).abs().max().item<double>();
}

// Compares our logits with the numpy reference for `prompts` on the model in `dir`.
void expect_matches_reference(const std::filesystem::path& dir, const std::vector<std::vector<std::int64_t>>& prompts,
                              double tolerance) {
    auto python = tbtest::python_with_numpy();
    if (!python) GTEST_SKIP() << "python3 with numpy not found: reference comparison skipped";
    auto model = tb::load_causal_lm(dir);
    const auto vocab = model->config().vocab_size;
    auto expected = tbtest::reference_logits(*python, dir, prompts, vocab);
    torch::NoGradGuard no_grad;
    for (std::size_t i = 0; i < prompts.size(); ++i) {
        auto ours = model->forward(tbtest::ids_tensor(prompts[i])).squeeze(0);
        auto ref = torch::from_blob(expected[i].data(), {static_cast<std::int64_t>(prompts[i].size()), vocab}).clone();
        EXPECT_LT(max_abs_diff(ours, ref), tolerance) << dir << " prompt " << i;
    }
}

}  // namespace

TEST(Llama, Stories260KGreedyFromBosTellsTheKnownStory) {
    SKIP_WITHOUT_STORIES(
        "stories260K's greedy story from BOS (demo_model_reference_test.cpp checks the demo model on every clone)");
    auto model = tb::load_causal_lm(tbtest::stories_dir());
    auto tokenizer = tb::Tokenizer::from_folder(tbtest::stories_dir().string());
    tb::GenerationOptions options;
    options.max_new_tokens = 60;
    options.sampling.greedy = true;
    options.eos_token_ids = {2};
    options.detokenize = [&](const std::vector<std::int64_t>& ids) {
        return tokenizer.decode(std::vector<std::int32_t>(ids.begin(), ids.end()), true);
    };
    auto result = tb::generate(*model, {1}, options);
    EXPECT_EQ(result.tokens.size(), 60u);
    EXPECT_EQ(result.stop_reason, tb::StopReason::MaxNewTokens);
    // The decoder strips the leading space SentencePiece adds to the first word.
    std::string text = result.text;
    if (!text.empty() && text[0] == ' ') text.erase(0, 1);
    EXPECT_EQ(text, kStory);
}

TEST(Llama, Stories260KLogitsMatchNumpyReference) {
    SKIP_WITHOUT_STORIES("stories260K's logits against the numpy reference");
    expect_matches_reference(tbtest::stories_dir(),
                             {{1}, {1, 403, 407, 261, 378}, {1, 70, 300, 20, 511, 0, 2, 3, 255, 100, 401, 17}}, 1e-4);
}

TEST(Llama, TinyRandomFamiliesMatchNumpyReference) {
    // GQA with an untied head (Llama), q/k/v biases (Qwen2), q/k norms (Qwen3), llama3
    // rope scaling with tied embeddings, and a Llama with attention_bias (o_proj bias too).
    tbtest::TempDir tmp;
    std::vector<std::pair<std::string, tb::ModelConfig>> variants;
    variants.emplace_back("llama_gqa", tbtest::tiny_config("llama"));
    variants.emplace_back("qwen2", tbtest::tiny_config("qwen2"));
    variants.emplace_back("qwen3", tbtest::tiny_config("qwen3"));
    auto scaled = tbtest::tiny_config("llama");
    scaled.tie_word_embeddings = true;
    scaled.rope_theta = 500000.0;
    scaled.rope_scaling = tb::RopeScaling{"llama3", 8.0, 1.0, 4.0, 16};
    variants.emplace_back("llama3_rope", scaled);
    auto biased = tbtest::tiny_config("llama");
    biased.attention_bias = true;
    variants.emplace_back("llama_bias", biased);
    const std::vector<std::vector<std::int64_t>> prompts = {
        {1, 5, 9, 63, 0, 17, 22, 40, 41, 42, 3, 8, 13, 21, 34, 55, 1, 2, 3, 4}, {7}};
    for (const auto& [name, config] : variants) {
        auto model = tbtest::tiny_model(config);
        tb::save_pretrained(*model, tmp.path() / name);
        SCOPED_TRACE(name);
        expect_matches_reference(tmp.path() / name, prompts, 1e-4);
    }
}

TEST(Llama, Qwen2BiasesAreLoadedAndUsed) {
    auto config = tbtest::tiny_config("qwen2");
    auto model = tbtest::tiny_model(config);
    auto names = model->named_parameters();
    ASSERT_TRUE(names.contains("model.layers.0.self_attn.q_proj.bias"));
    ASSERT_FALSE(names.contains("model.layers.0.self_attn.o_proj.bias"));
    torch::NoGradGuard no_grad;
    auto ids = tbtest::ids_tensor({1, 2, 3, 4});
    auto before = model->forward(ids);
    names["model.layers.0.self_attn.k_proj.bias"].add_(0.5);
    EXPECT_GT(max_abs_diff(before, model->forward(ids)), 1e-4);
}

TEST(Llama, HalfPrecisionFilesLoadAsTheirFloat32Values) {
    tbtest::TempDir tmp;
    auto model = tbtest::tiny_model(tbtest::tiny_config("llama"));
    tb::save_pretrained(*model, tmp.path() / "bf16", torch::kBFloat16);
    tb::save_pretrained(*model, tmp.path() / "f16", torch::kFloat16);
    auto ids = tbtest::ids_tensor({1, 9, 4, 33, 12});
    torch::NoGradGuard no_grad;
    for (auto [dir, dtype] : {std::pair{"bf16", torch::kBFloat16}, std::pair{"f16", torch::kFloat16}}) {
        auto loaded = tb::load_causal_lm(tmp.path() / dir);
        // Same as rounding our own weights to that dtype and back.
        for (auto& [name, param] : model->base_weights()) {
            auto theirs = loaded->named_parameters()[name];
            EXPECT_TRUE(torch::equal(theirs, param.to(dtype).to(torch::kFloat32))) << name;
        }
        EXPECT_LT(max_abs_diff(loaded->forward(ids), model->forward(ids)), 0.05) << dir;
    }
}

TEST(Llama, MissingOrMisshapenWeightsAreReportedByName) {
    tbtest::TempDir tmp;
    auto config = tbtest::tiny_config("llama");
    auto model = tbtest::tiny_model(config);
    auto weights = model->base_weights();
    std::vector<std::pair<std::string, torch::Tensor>> partial;
    for (auto& [name, t] : weights)
        if (name != "model.layers.1.mlp.up_proj.weight") partial.emplace_back(name, t);
    std::filesystem::create_directories(tmp.path() / "m");
    tb::save_pretrained(*model, tmp.path() / "m");
    tb::save_safetensors(tmp.path() / "m/model.safetensors", partial);
    try {
        tb::load_causal_lm(tmp.path() / "m");
        FAIL();
    } catch (const tb::Error& e) {
        EXPECT_NE(std::string(e.what()).find("model.layers.1.mlp.up_proj.weight"), std::string::npos) << e.what();
    }
    partial.emplace_back("model.layers.1.mlp.up_proj.weight", torch::zeros({3, 3}));
    tb::save_safetensors(tmp.path() / "m/model.safetensors", partial);
    try {
        tb::load_causal_lm(tmp.path() / "m");
        FAIL();
    } catch (const tb::Error& e) {
        EXPECT_NE(std::string(e.what()).find("shape"), std::string::npos) << e.what();
    }
}

TEST(Llama, KvCacheGivesTheSameLogitsAsFullRecompute) {
    auto model = tbtest::tiny_model(tbtest::tiny_config("llama"));
    torch::NoGradGuard no_grad;
    std::vector<std::int64_t> ids = {1, 5, 9, 63, 0, 17, 22, 40, 41};
    auto full = model->forward(tbtest::ids_tensor(ids));  // [1, 9, V]
    auto cache = model->make_cache(1, 16);
    // A 4-token prefill, then one token at a time.
    tb::ForwardInputs in;
    in.cache = &cache;
    in.input_ids = tbtest::ids_tensor({ids.begin(), ids.begin() + 4});
    std::vector<torch::Tensor> pieces = {model->forward(in)};
    for (std::size_t i = 4; i < ids.size(); ++i) {
        in.input_ids = tbtest::ids_tensor({ids[i]});
        pieces.push_back(model->forward(in));
    }
    EXPECT_EQ(cache.length(), 9);
    EXPECT_LT(max_abs_diff(torch::cat(pieces, 1), full), 1e-5);
    in.input_ids = tbtest::ids_tensor(std::vector<std::int64_t>(8, 3));
    EXPECT_THROW(model->forward(in), tb::Error) << "cache capacity 16 exceeded";
}

TEST(Llama, LeftPaddedBatchEqualsEachRowAlone) {
    auto model = tbtest::tiny_model(tbtest::tiny_config("qwen2"));
    torch::NoGradGuard no_grad;
    std::vector<std::int64_t> long_row = {1, 5, 9, 63, 0, 17}, short_row = {1, 40, 41};
    auto ids = torch::tensor({1, 5, 9, 63, 0, 17, 0, 0, 0, 1, 40, 41}, torch::kInt64).view({2, 6});
    auto mask = torch::tensor({1, 1, 1, 1, 1, 1, 0, 0, 0, 1, 1, 1}, torch::kInt64).view({2, 6});
    tb::ForwardInputs in;
    in.input_ids = ids;
    in.attention_mask = mask;
    auto batched = model->forward(in);
    EXPECT_LT(max_abs_diff(batched[0], model->forward(tbtest::ids_tensor(long_row))[0]), 1e-5);
    EXPECT_LT(max_abs_diff(batched[1].narrow(0, 3, 3), model->forward(tbtest::ids_tensor(short_row))[0]), 1e-5);
    EXPECT_TRUE(torch::isfinite(batched).all().item<bool>()) << "fully masked padding rows must not be NaN";
}

TEST(Llama, PackedSequencesDoNotSeeEachOther) {
    auto model = tbtest::tiny_model(tbtest::tiny_config("llama"));
    torch::NoGradGuard no_grad;
    std::vector<std::int64_t> a = {1, 5, 9, 63}, b = {1, 40, 41};
    tb::ForwardInputs in;
    in.input_ids = torch::tensor({1, 5, 9, 63, 1, 40, 41}, torch::kInt64).view({1, 7});
    in.sequence_ids = torch::tensor({0, 0, 0, 0, 1, 1, 1}, torch::kInt64).view({1, 7});
    auto packed = model->forward(in)[0];
    EXPECT_LT(max_abs_diff(packed.narrow(0, 0, 4), model->forward(tbtest::ids_tensor(a))[0]), 1e-5);
    EXPECT_LT(max_abs_diff(packed.narrow(0, 4, 3), model->forward(tbtest::ids_tensor(b))[0]), 1e-5);
    // Without sequence ids the second example attends to the first: different logits.
    EXPECT_GT(max_abs_diff(model->forward(in.input_ids)[0].narrow(0, 4, 3), packed.narrow(0, 4, 3)), 1e-3);
}

TEST(Llama, SlidingWindowLimitsWhatAQuerySees) {
    auto config = tbtest::tiny_config("mistral");
    auto bias = tb::build_attention_bias(1, 5, 0, {}, {}, 2);  // window 2: self and one before
    auto allowed = (bias[0][0] == 0).to(torch::kInt64);
    auto expected =
        torch::tensor({1, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 1, 1}, torch::kInt64)
            .view({5, 5});
    EXPECT_TRUE(torch::equal(allowed, expected)) << allowed;
    config.sliding_window = 3;
    auto model = tbtest::tiny_model(config);
    torch::NoGradGuard no_grad;
    // Window 3 over 2 layers: position 5 sees positions 3..5, which saw 1..5; token 0 is out of reach.
    auto x = model->forward(tbtest::ids_tensor({1, 2, 3, 4, 5, 6}))[0][5];
    EXPECT_LT(max_abs_diff(x, model->forward(tbtest::ids_tensor({9, 2, 3, 4, 5, 6}))[0][5]), 1e-6);
    EXPECT_GT(max_abs_diff(x, model->forward(tbtest::ids_tensor({1, 9, 3, 4, 5, 6}))[0][5]), 1e-4);
    config.sliding_window.reset();
    auto unwindowed = tbtest::tiny_model(config);
    EXPECT_GT(max_abs_diff(unwindowed->forward(tbtest::ids_tensor({1, 2, 3, 4, 5, 6}))[0][5],
                           unwindowed->forward(tbtest::ids_tensor({9, 2, 3, 4, 5, 6}))[0][5]),
              1e-4);
}

TEST(Llama, Bf16ComputeStaysCloseToFloat32) {
    SKIP_WITHOUT_STORIES("bf16 against fp32 logits of stories260K");
    auto fp32 = tb::load_causal_lm(tbtest::stories_dir());
    auto bf16 = tb::load_causal_lm(tbtest::stories_dir(), {torch::kBFloat16, torch::kCPU});
    torch::NoGradGuard no_grad;
    auto ids = tbtest::ids_tensor({1, 403, 407, 261, 378, 432, 383});
    auto a = fp32->forward(ids), b = bf16->forward(ids);
    EXPECT_EQ(b.scalar_type(), torch::kFloat32);
    EXPECT_TRUE(torch::equal(a.argmax(-1), b.argmax(-1)));
    EXPECT_LT(max_abs_diff(a, b), 0.5);
}
