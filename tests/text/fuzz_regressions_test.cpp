// Inputs the tokenizer fuzzers (tests/fuzz, scripts/fuzz.sh) crashed on, replayed, and the
// bugs they found pinned down in plain terms.
#include <gtest/gtest.h>

#include <string>

#include "core/common/error.h"
#include "core/text/tokenizer.h"
#include "tests/fuzz/regressions.h"
#include "tests/fuzz/tokenizer_targets.h"

namespace {

TEST(FuzzRegressions, TokenizerLoadInputs) { tb::fuzz::replay_regressions("tokenizer_load", tb::fuzz::tokenizer_load); }

// A token id that is a JSON float was converted by nlohmann's get<int>(): 1e20 is undefined
// behaviour (UBSan: "outside the range of representable values"), 1.5 silently became 1.
std::string bpe_with(const std::string& vocab, const std::string& extra = "") {
    return R"({)" + extra + R"("model": {"type": "BPE", "vocab": )" + vocab + R"(, "merges": []}})";
}

TEST(FuzzRegressions, TokenIdsMustBeIntegers) {
    EXPECT_THROW(tb::Tokenizer::from_json(bpe_with(R"({"a": 1.5})")), tb::Error);
    EXPECT_THROW(tb::Tokenizer::from_json(bpe_with(R"({"a": 2.2e22})")), tb::Error);
    EXPECT_THROW(
        tb::Tokenizer::from_json(bpe_with(R"({"a": 0})", R"("added_tokens": [{"id": 1.5, "content": "<s>"}], )")),
        tb::Error);
    EXPECT_THROW(
        tb::Tokenizer::from_json(bpe_with(
            R"({"a": 0})", R"("post_processor": {"type": "BertProcessing", "cls": ["a", 0.5], "sep": ["a", 0]}, )")),
        tb::Error);
    EXPECT_THROW(tb::Tokenizer::from_json(bpe_with(R"({"a": 0})", R"("post_processor": {"type": "TemplateProcessing",
            "single": [{"SpecialToken": {"id": "a"}}, {"Sequence": {"id": "A"}}], "pair": [],
            "special_tokens": {"a": {"id": "a", "ids": [2.5], "tokens": ["a"]}}}, )")),
                 tb::Error);
    // Integers still load, and name the id in the error when out of range.
    EXPECT_EQ(tb::Tokenizer::from_json(bpe_with(R"({"a": 0, "b": 7})")).vocab_size(), 8u);
    try {
        tb::Tokenizer::from_json(bpe_with(R"({"a": -1})"));
        ADD_FAILURE() << "a negative id loaded";
    } catch (const tb::Error& e) {
        EXPECT_NE(std::string(e.what()).find("out of range"), std::string::npos) << e.what();
    }
}

// A post-processor id that no token has (BertProcessing "sep": ["[SEP]", 7] with no id 7)
// was emitted by encode(), past vocab_size(): an index outside the model's embedding rows.
TEST(FuzzRegressions, PostProcessorIdsMustBeTokens) {
    const std::string vocab = R"({"a": 0, "[CLS]": 1})";
    EXPECT_THROW(
        tb::Tokenizer::from_json(bpe_with(
            vocab, R"("post_processor": {"type": "BertProcessing", "cls": ["[CLS]", 1], "sep": ["[SEP]", 7]}, )")),
        tb::Error);
    EXPECT_THROW(tb::Tokenizer::from_json(bpe_with(vocab, R"("post_processor": {"type": "TemplateProcessing",
            "single": [{"SpecialToken": {"id": "<s>"}}, {"Sequence": {"id": "A"}}], "pair": [],
            "special_tokens": {"<s>": {"id": "<s>", "ids": [5], "tokens": ["<s>"]}}}, )")),
                 tb::Error);
    // An added token gives the id a token: then it loads, and encode's ids stay inside the vocabulary.
    auto tok =
        tb::Tokenizer::from_json(bpe_with(vocab, R"("added_tokens": [{"id": 7, "content": "[SEP]", "special": true}],
                  "post_processor": {"type": "BertProcessing", "cls": ["[CLS]", 1], "sep": ["[SEP]", 7]}, )"));
    EXPECT_EQ(tok.encode("a"), (std::vector<int32_t>{1, 0, 7}));
    EXPECT_EQ(tok.vocab_size(), 8u);
}

// A number too large for a double (1e400) made nlohmann throw out_of_range.406, which the
// parse_error handlers of tokenizer.json and tokenizer_config.json let through (found by
// fuzz_import_jsonl in the importer, which had the same handler).
TEST(FuzzRegressions, ANumberTooLargeIsInvalidJson) {
    EXPECT_THROW(tb::Tokenizer::from_json(bpe_with(R"({"a": 0})", R"("x": 1e400, )")), tb::InputError);
    EXPECT_THROW(tb::TokenizerConfig::parse(R"({"model_max_length": 1e400})", "tokenizer_config.json"), tb::InputError);
}

}  // namespace
