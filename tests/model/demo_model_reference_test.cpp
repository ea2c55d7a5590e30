// Model conformance on every clone: the demo base model the project carries
// (examples/demo-model/model, a real 4-layer Llama its own trainer pretrained) gives the logits
// of the independent float64 numpy forward pass (tests/tools/llama_reference.py), and its
// greedy, KV-cached decoding picks the reference's most likely token at every step. Needs
// python3 with numpy at test time (Debian's python3-numpy, which python3-scipy pulls in);
// no ../shared. stories260K's known story (test_llama.cpp) still needs ../shared.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>

#include "core/model/generation.h"
#include "core/model/llama.h"
#include "core/text/chat_template.h"
#include "core/text/tokenizer.h"
#include "model_test_helpers.h"

namespace {

const std::filesystem::path kDemoModel = std::filesystem::path(TUNEBENCH_SOURCE_DIR) / "examples/demo-model/model";

// The demo model's ids for a conversation, rendered by its own chat template.
std::vector<std::int64_t> chat_prompt(const tb::Tokenizer& tokenizer, const nlohmann::ordered_json& messages) {
    nlohmann::ordered_json vars = {{"messages", messages}, {"add_generation_prompt", true}};
    const auto text = tb::ChatTemplate(tokenizer.config().chat_template).render(vars).text;
    const auto ids = tokenizer.encode(text, /*add_special_tokens=*/false);
    return {ids.begin(), ids.end()};
}

TEST(DemoModelReference, LogitsMatchTheNumpyForwardPass) {
    SKIP_WITHOUT_NUMPY(python);
    auto model = tb::load_causal_lm(kDemoModel);
    const auto tokenizer = tb::Tokenizer::from_folder(kDemoModel.string());
    const auto vocab = model->config().vocab_size;
    const std::vector<std::vector<std::int64_t>> prompts = {
        {1022},  // <|im_start|> alone
        chat_prompt(tokenizer, {{{"role", "user"}, {"content", "What is 12 + 30?"}}}),
        chat_prompt(tokenizer, {{{"role", "system"}, {"content", "Reply with a JSON object with the key colour."}},
                                {{"role", "user"}, {"content", "The sky was grey all day."}}}),
        {5, 900, 17, 1021, 0, 1023, 300, 300, 300, 64, 1022, 12},  // arbitrary ids, specials included
    };
    auto expected = tbtest::reference_logits(*python, kDemoModel, prompts, vocab);  // from_blob needs non-const
    torch::NoGradGuard no_grad;
    for (std::size_t i = 0; i < prompts.size(); ++i) {
        auto ours = model->forward(tbtest::ids_tensor(prompts[i])).squeeze(0);
        auto ref = torch::from_blob(expected[i].data(), {static_cast<std::int64_t>(prompts[i].size()), vocab}).clone();
        const double diff = (ours.to(torch::kFloat64) - ref.to(torch::kFloat64)).abs().max().item<double>();
        EXPECT_LT(diff, 1e-4) << "prompt " << i << " (" << prompts[i].size() << " tokens)";
    }
}

TEST(DemoModelReference, GreedyDecodingPicksTheReferenceArgmaxAtEveryStep) {
    SKIP_WITHOUT_NUMPY(python);
    auto model = tb::load_causal_lm(kDemoModel);
    const auto tokenizer = tb::Tokenizer::from_folder(kDemoModel.string());
    const auto vocab = model->config().vocab_size;
    const auto prompt = chat_prompt(
        tokenizer, {{{"role", "system"}, {"content", "Reply with a JSON object with the keys name and city."}},
                    {{"role", "user"}, {"content", "Anna lives in Lisbon."}}});
    tb::GenerationOptions options;
    options.max_new_tokens = 32;
    options.sampling.greedy = true;
    options.eos_token_ids = {*tokenizer.eos_id()};
    const auto result = tb::generate(*model, prompt, options);
    ASSERT_FALSE(result.tokens.empty());
    std::printf("[demo model] greedy answer: %s\n",
                tokenizer.decode(std::vector<std::int32_t>(result.tokens.begin(), result.tokens.end())).c_str());
    // Every chosen token, the EOS that stopped decoding included, against one reference pass
    // over prompt + continuation (teacher forcing: row p predicts token p + 1).
    auto chosen = result.tokens;
    if (result.stop_reason == tb::StopReason::Eos) chosen.push_back(*tokenizer.eos_id());
    auto sequence = prompt;
    sequence.insert(sequence.end(), chosen.begin(), chosen.end() - 1);
    const auto logits = tbtest::reference_logits(*python, kDemoModel, {sequence}, vocab)[0];
    for (std::size_t k = 0; k < chosen.size(); ++k) {
        const float* row = logits.data() + (prompt.size() - 1 + k) * static_cast<std::size_t>(vocab);
        const auto best = std::max_element(row, row + vocab) - row;
        // A near tie (float32 against float64) may go either way; the demo model has none here.
        EXPECT_TRUE(best == chosen[k] || row[best] - row[chosen[k]] < 1e-4)
            << "step " << k << ": we chose " << chosen[k] << " (" << tokenizer.id_to_token(chosen[k])
            << "), the reference's argmax is " << best << " (" << tokenizer.id_to_token(best) << "), logit gap "
            << row[best] - row[chosen[k]];
    }
}

}  // namespace
