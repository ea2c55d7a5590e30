// The tokenizer.json building blocks on tiny hand-written tokenizers: merge order, split
// behaviours, added-token flags, unknown tokens, Metaspace, decoders.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/common/error.h"
#include "core/text/tokenizer.h"

namespace {

using json = nlohmann::json;
using Ids = std::vector<int32_t>;

// A BPE tokenizer.json over `vocab`, with optional merges and pipeline parts.
json bpe_json(const json& vocab, const json& merges = json::array()) {
    return json{{"version", "1.0"},
                {"added_tokens", json::array()},
                {"normalizer", nullptr},
                {"pre_tokenizer", nullptr},
                {"post_processor", nullptr},
                {"decoder", nullptr},
                {"model", {{"type", "BPE"}, {"vocab", vocab}, {"merges", merges}}}};
}

tb::Tokenizer make(const json& j) { return tb::Tokenizer::from_json(j.dump()); }

TEST(BpeMerges, LowestRankMergesFirst) {
    json vocab = {{"a", 0}, {"b", 1}, {"c", 2}, {"ab", 3}, {"bc", 4}, {"abc", 5}};
    // "b c" outranks "a b": abc -> a + bc, and no merge joins a with bc.
    EXPECT_EQ(make(bpe_json(vocab, {"b c", "a b", "ab c"})).encode("abc"), (Ids{0, 4}));
    // "a b" first, then "ab c".
    EXPECT_EQ(make(bpe_json(vocab, {"a b", "b c", "ab c"})).encode("abc"), (Ids{5}));
    // Pair form of merges is read the same way.
    EXPECT_EQ(make(bpe_json(vocab, json::array({json::array({"a", "b"}), json::array({"ab", "c"})}))).encode("abc"),
              (Ids{5}));
}

TEST(BpeMerges, EqualRanksMergeLeftmostFirst) {
    json vocab = {{"a", 0}, {"aa", 1}};
    // "aaa": the leftmost pair merges, the last a stays.
    EXPECT_EQ(make(bpe_json(vocab, {"a a"})).encode("aaa"), (Ids{1, 0}));
    EXPECT_EQ(make(bpe_json(vocab, {"a a"})).encode("aaaa"), (Ids{1, 1}));
}

TEST(BpeMerges, IgnoreMergesTakesAWholeWordInTheVocabulary) {
    json vocab = {{"a", 0}, {"b", 1}, {"c", 2}, {"ab", 3}, {"abc", 4}};
    json j = bpe_json(vocab, {"a b"});
    EXPECT_EQ(make(j).encode("abc"), (Ids{3, 2}));  // no merge makes abc
    j["model"]["ignore_merges"] = true;
    EXPECT_EQ(make(j).encode("abc"), (Ids{4}));
}

TEST(BpeUnknown, UnkTokensAreFusedOnlyWhenAsked) {
    json j = bpe_json({{"<unk>", 0}, {"a", 1}});
    j["model"]["unk_token"] = "<unk>";
    EXPECT_EQ(make(j).encode("xya"), (Ids{0, 0, 1}));
    j["model"]["fuse_unk"] = true;
    EXPECT_EQ(make(j).encode("xya"), (Ids{0, 1}));
    // Without unk token nor byte fallback, unknown characters are dropped (as Hugging Face does).
    EXPECT_EQ(make(bpe_json({{"a", 1}})).encode("xa"), (Ids{1}));
}

TEST(BpeUnknown, ByteFallbackSpellsUnknownCharactersInBytes) {
    json j = bpe_json({{"<unk>", 0}, {"a", 1}, {"<0xC3>", 2}, {"<0xA9>", 3}});
    j["model"]["unk_token"] = "<unk>";
    j["model"]["byte_fallback"] = true;
    j["decoder"] = {{"type", "Sequence"}, {"decoders", {{{"type", "ByteFallback"}}, {{"type", "Fuse"}}}}};
    auto tok = make(j);
    EXPECT_EQ(tok.encode("a\xC3\xA9"), (Ids{1, 2, 3}));  // é
    EXPECT_EQ(tok.decode({1, 2, 3}), "a\xC3\xA9");
    EXPECT_EQ(tok.encode("\xC3\xA8"), (Ids{0}));  // è: <0xA8> missing, so <unk>
}

// Pre-tokenizer behaviours, made visible with ignore_merges: each piece that is a vocabulary
// entry comes out as one id.
class SplitBehaviour : public ::testing::TestWithParam<std::pair<const char*, Ids>> {};

TEST_P(SplitBehaviour, CutsAroundMatchesAsHuggingFaceDoes) {
    json vocab = {{"a", 0}, {"b", 1}, {" ", 2}, {"ab", 3}, {" ab", 4}, {"ab ", 5}, {"  ", 6}, {"  ab", 7}};
    json j = bpe_json(vocab);
    j["model"]["ignore_merges"] = true;
    j["pre_tokenizer"] = {
        {"type", "Split"}, {"pattern", {{"String", " "}}}, {"behavior", GetParam().first}, {"invert", false}};
    EXPECT_EQ(make(j).encode("ab ab  ab"), GetParam().second) << GetParam().first;
}

INSTANTIATE_TEST_SUITE_P(Behaviours, SplitBehaviour,
                         ::testing::Values(std::pair{"Isolated", Ids{3, 2, 3, 2, 2, 3}},
                                           std::pair{"Removed", Ids{3, 3, 3}},
                                           std::pair{"MergedWithPrevious", Ids{5, 5, 2, 3}},
                                           std::pair{"MergedWithNext", Ids{3, 4, 2, 4}},
                                           std::pair{"Contiguous", Ids{3, 2, 3, 6, 3}}));

TEST(SplitRegex, UsesUnicodeClasses) {
    json vocab = {{"x", 0}};
    json j = bpe_json(vocab);
    j["model"]["ignore_merges"] = true;
    j["model"]["vocab"] = {{"Grüße", 0}, {" ", 1}, {"42", 2}, {"мир", 3}};
    j["pre_tokenizer"] = {{"type", "Split"},
                          {"pattern", {{"Regex", "\\p{L}+|\\p{N}+|\\s"}}},
                          {"behavior", "Isolated"},
                          {"invert", false}};
    EXPECT_EQ(make(j).encode("Grüße 42 мир"), (Ids{0, 1, 2, 1, 3}));
}

TEST(AddedTokenFlags, LstripRstripAndSingleWord) {
    json j = bpe_json({{"a", 0}, {"b", 1}, {" ", 2}, {"c", 3}});
    j["added_tokens"] = json::array({
        {{"id", 10},
         {"content", "<x>"},
         {"single_word", false},
         {"lstrip", true},
         {"rstrip", false},
         {"normalized", false},
         {"special", true}},
        {{"id", 11},
         {"content", "<y>"},
         {"single_word", false},
         {"lstrip", false},
         {"rstrip", true},
         {"normalized", false},
         {"special", false}},
        {{"id", 12},
         {"content", "ab"},
         {"single_word", true},
         {"lstrip", false},
         {"rstrip", false},
         {"normalized", false},
         {"special", false}},
    });
    auto tok = make(j);
    auto e = tok.encode_with_offsets("a  <x>b", false);
    EXPECT_EQ(e.ids, (Ids{0, 10, 1}));
    EXPECT_EQ(e.spans[1], (tb::TokenSpan{1, 6}));  // the spaces before <x> belong to it
    EXPECT_EQ(tok.encode("a<y>  b", false), (Ids{0, 11, 1}));
    EXPECT_EQ(tok.encode("ab cab", false), (Ids{12, 2, 3, 0, 1}));  // not inside a word
    EXPECT_EQ(tok.encode("abc", false), (Ids{0, 1, 3}));
    EXPECT_TRUE(tok.is_special(10));
    EXPECT_FALSE(tok.is_special(11));
    EXPECT_EQ(tok.vocab_size(), 13u);
    EXPECT_EQ(tok.decode({10, 11, 0}, true), "<y> a");  // no decoder: joined with spaces
}

TEST(AddedTokenFlags, LongestMatchWins) {
    json j = bpe_json({{"a", 0}});
    j["added_tokens"] = json::array({
        {{"id", 5}, {"content", "<a>"}, {"special", true}, {"normalized", false}},
        {{"id", 6}, {"content", "<a><a>"}, {"special", true}, {"normalized", false}},
    });
    EXPECT_EQ(make(j).encode("<a><a><a>a"), (Ids{6, 5, 0}));
}

TEST(Metaspace, PrependSchemeAndSplit) {
    json vocab = {{"\u2581a", 0}, {"\u2581", 1}, {"a", 2}, {"b", 3}, {"\u2581b", 4}, {"<s>", 5}};
    json j = bpe_json(vocab);
    j["model"]["ignore_merges"] = true;
    j["added_tokens"] = json::array({{{"id", 5}, {"content", "<s>"}, {"special", true}, {"normalized", false}}});
    j["pre_tokenizer"] = {
        {"type", "Metaspace"}, {"replacement", "\u2581"}, {"prepend_scheme", "first"}, {"split", true}};
    j["decoder"] = {{"type", "Metaspace"}, {"replacement", "\u2581"}, {"prepend_scheme", "first"}, {"split", true}};
    auto tok = make(j);
    EXPECT_EQ(tok.encode("a b"), (Ids{0, 4}));
    // "first": only the start of the input gets a marker, not the text after an added token.
    EXPECT_EQ(tok.encode("<s>a"), (Ids{5, 2}));
    EXPECT_EQ(tok.encode("  a"), (Ids{1, 0}));  // already starts with a marker: none added
    EXPECT_EQ(tok.decode({0, 4}), "a b");
    j["pre_tokenizer"]["prepend_scheme"] = "always";
    EXPECT_EQ(make(j).encode("<s>a"), (Ids{5, 0}));
    j["pre_tokenizer"]["prepend_scheme"] = "never";
    EXPECT_EQ(make(j).encode("a b"), (Ids{2, 4}));
}

TEST(PostProcessor, TemplateAddsItsSpecialTokensAroundTheText) {
    json j = bpe_json({{"a", 0}, {"<bos>", 1}, {"<eos>", 2}});
    j["post_processor"] = {{"type", "TemplateProcessing"},
                           {"single",
                            {{{"SpecialToken", {{"id", "<bos>"}, {"type_id", 0}}}},
                             {{"Sequence", {{"id", "A"}, {"type_id", 0}}}},
                             {{"SpecialToken", {{"id", "<eos>"}, {"type_id", 0}}}}}},
                           {"pair", json::array()},
                           {"special_tokens",
                            {{"<bos>", {{"id", "<bos>"}, {"ids", {1}}, {"tokens", {"<bos>"}}}},
                             {"<eos>", {{"id", "<eos>"}, {"ids", {2}}, {"tokens", {"<eos>"}}}}}}};
    auto tok = make(j);
    EXPECT_EQ(tok.encode("aa"), (Ids{1, 0, 0, 2}));
    EXPECT_EQ(tok.encode("aa", false), (Ids{0, 0}));
    EXPECT_EQ(tok.encode(""), (Ids{1, 2}));
    EXPECT_EQ(tok.encode("", false), Ids{});
}

TEST(Decoders, NoDecoderJoinsTokensWithSpaces) {
    auto tok = make(bpe_json({{"a", 0}, {"b", 1}}));
    EXPECT_EQ(tok.decode({0, 1, 5}), "a b");  // unknown id 5 is skipped
}

TEST(Decoders, StripAndReplace) {
    json j = bpe_json({{"_x", 0}, {"_y", 1}});
    j["decoder"] = {{"type", "Sequence"},
                    {"decoders",
                     {{{"type", "Replace"}, {"pattern", {{"String", "_"}}}, {"content", " "}},
                      {{"type", "Fuse"}},
                      {{"type", "Strip"}, {"content", " "}, {"start", 1}, {"stop", 0}}}}};
    EXPECT_EQ(make(j).decode({0, 1}), "x y");
}

TEST(Normalizers, NfcComposesAndKeepsOffsets) {
    json j = bpe_json({{"\u00e9", 0}, {"e", 1}, {"\u0301", 2}, {"x", 3}});
    j["normalizer"] = {{"type", "NFC"}};
    auto tok = make(j);
    const std::string decomposed = "xe\u0301x";  // e + combining acute
    auto e = tok.encode_with_offsets(decomposed);
    EXPECT_EQ(e.ids, (Ids{3, 0, 3}));
    EXPECT_EQ(e.spans[1], (tb::TokenSpan{1, 4}));  // "é" covers both input characters
    EXPECT_EQ(e.spans[2], (tb::TokenSpan{4, 5}));
    j["normalizer"] = {{"type", "NFKC"}};
    EXPECT_EQ(make(j).encode("\uFF58"), (Ids{3}));  // fullwidth x
}

TEST(Normalizers, LowercaseIsUnicodeAware) {
    json j = bpe_json({{"\u00e9", 0}, {"a", 1}});
    j["normalizer"] = {{"type", "Sequence"}, {"normalizers", {{{"type", "Lowercase"}}}}};
    EXPECT_EQ(make(j).encode("A\u00c9"), (Ids{1, 0}));
}

TEST(Normalizers, UnsupportedTypesAreNamed) {
    json j = bpe_json({{"a", 0}});
    j["normalizer"] = {{"type", "BertNormalizer"}};
    try {
        make(j);
        FAIL() << "no exception";
    } catch (const tb::Error& e) {
        EXPECT_NE(std::string(e.what()).find("BertNormalizer"), std::string::npos);
    }
}

TEST(TokenizerConfigParse, ReadsTemplatesTokensAndLimits) {
    auto c = tb::TokenizerConfig::parse(R"({
        "chat_template": [{"name": "default", "template": "{{ x }}"}, {"name": "tool_use", "template": "T"}],
        "bos_token": {"__type": "AddedToken", "content": "<s>", "lstrip": false},
        "eos_token": "</s>", "pad_token": null, "add_bos_token": true,
        "model_max_length": 1000000000000000019884624838656, "tokenizer_class": "LlamaTokenizer"})",
                                        "cfg.json");
    EXPECT_EQ(c.chat_template, "{{ x }}");
    EXPECT_EQ(c.chat_templates.size(), 2u);
    EXPECT_EQ(c.chat_templates.at("tool_use"), "T");
    EXPECT_EQ(c.bos_token, "<s>");
    EXPECT_EQ(c.eos_token, "</s>");
    EXPECT_FALSE(c.pad_token.has_value());
    EXPECT_EQ(c.add_bos_token, true);
    EXPECT_FALSE(c.add_eos_token.has_value());
    EXPECT_FALSE(c.model_max_length.has_value());
    EXPECT_EQ(c.tokenizer_class, "LlamaTokenizer");
    EXPECT_THROW(tb::TokenizerConfig::parse("{\n\"a\": }", "bad.json"), tb::InputError);
    EXPECT_EQ(tb::TokenizerConfig::parse(R"({"chat_template": "plain"})", "c").chat_template, "plain");
}

}  // namespace
