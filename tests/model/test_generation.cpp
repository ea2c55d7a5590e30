#include <gtest/gtest.h>

#include <map>

#include "core/common/error.h"
#include "core/model/generation.h"
#include "core/model/llama.h"
#include "core/model/sampler.h"
#include "model_test_helpers.h"

namespace {

// Token ids as letters 'a' + id % 26: a detokenizer for stop-string tests.
std::string letters(const std::vector<std::int64_t>& ids) {
    std::string s;
    for (auto id : ids) s.push_back(static_cast<char>('a' + id % 26));
    return s;
}

tb::GenerationOptions greedy(std::int64_t n) {
    tb::GenerationOptions o;
    o.max_new_tokens = n;
    o.sampling.greedy = true;
    return o;
}

}  // namespace

TEST(Sampler, GreedyIsArgmaxAndTopKOneIsGreedy) {
    std::vector<float> logits = {0.1f, 2.0f, -1.0f, 2.0f, 1.9f};
    EXPECT_EQ(tb::argmax(logits), 1);  // first of equal maxima
    tb::Sampler top1({.greedy = false, .temperature = 5.0, .top_p = 1.0, .top_k = 1, .seed = 3});
    for (int i = 0; i < 20; ++i) EXPECT_EQ(top1.next(logits), 1);
    tb::Sampler nucleus({.greedy = false, .temperature = 1.0, .top_p = 0.01, .top_k = 0, .seed = 3});
    for (int i = 0; i < 20; ++i) EXPECT_EQ(nucleus.next(logits), 1);
    std::vector<float> nan = {0.0f, NAN};
    EXPECT_THROW(tb::Sampler({.greedy = false}).next(nan), tb::Error);
}

TEST(Sampler, SamplesFollowTheSoftmaxAndTopPCutsTheTail) {
    // Probabilities 0.5, 0.25, 0.125, 0.125 (log-space logits).
    std::vector<float> logits = {std::log(4.0f), std::log(2.0f), 0.0f, 0.0f};
    tb::Sampler sampler({.greedy = false, .temperature = 1.0, .top_p = 1.0, .top_k = 0, .seed = 42});
    std::map<std::int64_t, int> counts;
    const int n = 20000;
    for (int i = 0; i < n; ++i) ++counts[sampler.next(logits)];
    EXPECT_NEAR(counts[0] / double(n), 0.5, 0.02);
    EXPECT_NEAR(counts[1] / double(n), 0.25, 0.02);
    EXPECT_NEAR(counts[3] / double(n), 0.125, 0.02);
    // top_p 0.7: {0, 1} reach 0.75, so 2 and 3 are never drawn; 0 has 2/3 of the mass.
    tb::Sampler nucleus({.greedy = false, .temperature = 1.0, .top_p = 0.7, .top_k = 0, .seed = 42});
    counts.clear();
    for (int i = 0; i < n; ++i) ++counts[nucleus.next(logits)];
    EXPECT_EQ(counts[2] + counts[3], 0);
    EXPECT_NEAR(counts[0] / double(n), 2.0 / 3.0, 0.02);
}

TEST(Generation, SamplingIsDeterministicForASeed) {
    auto model = tbtest::tiny_model(tbtest::tiny_config("llama"));
    tb::GenerationOptions o;
    o.max_new_tokens = 24;
    o.sampling = {.greedy = false, .temperature = 1.5, .top_p = 0.95, .top_k = 40, .seed = 1234};
    auto first = tb::generate(*model, {1, 5, 9}, o);
    auto second = tb::generate(*model, {1, 5, 9}, o);
    EXPECT_EQ(first.tokens, second.tokens);
    EXPECT_EQ(first.tokens.size(), 24u);
    o.sampling.seed = 999;
    EXPECT_NE(tb::generate(*model, {1, 5, 9}, o).tokens, first.tokens);
}

TEST(Generation, KvCachedDecodingEqualsFullRecompute) {
    auto model = tbtest::tiny_model(tbtest::tiny_config("qwen3"));
    auto o = greedy(20);
    auto cached = tb::generate(*model, {1, 7, 3}, o);
    o.use_cache = false;
    EXPECT_EQ(tb::generate(*model, {1, 7, 3}, o).tokens, cached.tokens);
}

TEST(Generation, BatchedEqualsUnbatchedPerRow) {
    auto model = tbtest::tiny_model(tbtest::tiny_config("llama"));
    const std::vector<std::vector<std::int64_t>> prompts = {{1, 5, 9, 63, 0, 17}, {1, 40}, {1, 2, 3, 4}};
    auto o = greedy(12);
    o.eos_token_ids = {2};
    auto batch = tb::generate_batch(*model, prompts, o);
    ASSERT_EQ(batch.size(), 3u);
    for (std::size_t i = 0; i < prompts.size(); ++i) {
        auto alone = tb::generate(*model, prompts[i], o);
        EXPECT_EQ(batch[i].tokens, alone.tokens) << "row " << i;
        EXPECT_EQ(batch[i].stop_reason, alone.stop_reason) << "row " << i;
    }
    // Sampling too: each row has its own seeded sampler.
    o.sampling = {.greedy = false, .temperature = 1.0, .top_p = 1.0, .top_k = 0, .seed = 5};
    batch = tb::generate_batch(*model, prompts, o);
    for (std::size_t i = 0; i < prompts.size(); ++i)
        EXPECT_EQ(batch[i].tokens, tb::generate(*model, prompts[i], o).tokens);
}

TEST(Generation, StopsOnEosPerRowAndDropsIt) {
    auto model = tbtest::tiny_model(tbtest::tiny_config("llama"));
    auto o = greedy(16);
    auto free_run = tb::generate(*model, {1, 40}, o);
    ASSERT_GE(free_run.tokens.size(), 4u);
    // Declare the 4th generated token an EOS: generation stops before it.
    o.eos_token_ids = {free_run.tokens[3]};
    auto stopped = tb::generate(*model, {1, 40}, o);
    auto first_eos =
        std::find(free_run.tokens.begin(), free_run.tokens.end(), free_run.tokens[3]) - free_run.tokens.begin();
    EXPECT_EQ(stopped.stop_reason, tb::StopReason::Eos);
    EXPECT_EQ(stopped.tokens, std::vector<std::int64_t>(free_run.tokens.begin(), free_run.tokens.begin() + first_eos));
}

TEST(Generation, StopStringsCutTheTextAndStreamingSeesEachToken) {
    auto model = tbtest::tiny_model(tbtest::tiny_config("llama"));
    auto o = greedy(16);
    o.detokenize = letters;
    auto free_run = tb::generate(*model, {1, 9}, o);
    ASSERT_EQ(free_run.text.size(), 16u);
    const std::string stop = free_run.text.substr(5, 2);
    const auto at = free_run.text.find(stop);
    o.stop_strings = {"never-there", stop};
    std::vector<std::int64_t> streamed;
    o.on_token = [&](std::size_t row, std::int64_t token) {
        EXPECT_EQ(row, 0u);
        streamed.push_back(token);
    };
    auto stopped = tb::generate(*model, {1, 9}, o);
    EXPECT_EQ(stopped.stop_reason, tb::StopReason::StopString);
    EXPECT_EQ(stopped.text, free_run.text.substr(0, at));
    EXPECT_EQ(stopped.tokens.size(), at + 2);  // up to the token completing the stop string
    EXPECT_EQ(streamed, stopped.tokens);
    o.detokenize = nullptr;
    EXPECT_THROW(tb::generate(*model, {1, 9}, o), tb::Error);
}

TEST(Generation, CancellationAndBadPrompts) {
    auto model = tbtest::tiny_model(tbtest::tiny_config("llama"));
    auto o = greedy(50);
    tb::JobContext ctx;
    ctx.cancel = std::make_shared<tb::CancelToken>();
    int steps = 0;
    o.on_token = [&](std::size_t, std::int64_t) {
        if (++steps == 3) ctx.cancel->cancel();
    };
    EXPECT_THROW(tb::generate(*model, {1}, o, ctx), tb::Cancelled);
    EXPECT_EQ(steps, 3);
    o.on_token = nullptr;
    EXPECT_THROW(tb::generate(*model, {}, o), tb::Error);
    EXPECT_THROW(tb::generate(*model, {1, 64}, o), tb::Error);  // vocab is 64
    EXPECT_TRUE(tb::generate(*model, {1}, greedy(0)).tokens.empty());
}

TEST(Generation, StaysInsideTheModelsContext) {
    auto config = tbtest::tiny_config("llama");
    config.max_position_embeddings = 8;
    auto model = tbtest::tiny_model(config);
    // 5 prompt tokens + at most 3 new ones fill the 8 positions; asking for 50 stops there.
    auto result = tb::generate(*model, {1, 2, 3, 4, 5}, greedy(50));
    EXPECT_EQ(result.tokens.size(), 3u);  // no EOS ids given: only the context stops it
    EXPECT_EQ(result.stop_reason, tb::StopReason::MaxNewTokens);
    try {
        tb::generate(*model, {1, 2, 3, 4, 5, 6, 7, 8}, greedy(1));
        FAIL() << "a prompt filling the whole context must be refused";
    } catch (const tb::Error& e) {
        EXPECT_NE(std::string(e.what()).find("max_position_embeddings"), std::string::npos) << e.what();
    }
}
