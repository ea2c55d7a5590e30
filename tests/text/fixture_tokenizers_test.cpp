// Id-exactness on every clone: real tokenizers the project carries (tests/fixtures/tokenizers,
// provenance in its README) encode every text of texts.json to the ids Hugging Face's Rust
// `tokenizers` gives, and decode those ids to the text it gives. The ids were recorded by
// tests/tools/make_tokenizer_vectors.js; no ../shared is needed.
#include <gtest/gtest.h>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/fixtures.h"
#include "core/text/tokenizer.h"

namespace {

namespace fs = std::filesystem;

struct FixtureTokenizer {
    const char* name;  // tests/fixtures/tokenizers/<name>/expected.json
    const char* what;  // the algorithm it exercises (the README says more)
};
void PrintTo(const FixtureTokenizer& t, std::ostream* os) { *os << t.name; }

// The tokenizer of a fixture, from the file its expected.json names (tokenizer.json or
// tokenizer.json.gz) and the tokenizer_config.json beside it. Loaded once per test program:
// the large ones take a second each, and copies share one immutable tokenizer.
tb::Tokenizer load_fixture_tokenizer(const nlohmann::json& expected) {
    static std::map<std::string, tb::Tokenizer> loaded;
    const std::string relative = expected.at("tokenizer").get<std::string>();
    if (auto it = loaded.find(relative); it != loaded.end()) return it->second;
    const fs::path file = tbtest::source_dir() / relative;
    const fs::path config_path = file.parent_path() / "tokenizer_config.json";
    tb::TokenizerConfig config;
    if (fs::exists(config_path))
        config = tb::TokenizerConfig::parse(tbtest::read_file_bytes(config_path), config_path.string());
    return loaded.emplace(relative, tb::Tokenizer::from_json(tbtest::read_maybe_gzip(file), config, file.string()))
        .first->second;
}

nlohmann::json load_expected(const std::string& name) {
    return nlohmann::json::parse(
        tbtest::read_file_bytes(tbtest::fixtures_dir() / "tokenizers" / name / "expected.json"));
}

nlohmann::json load_texts() {
    return nlohmann::json::parse(tbtest::read_file_bytes(tbtest::fixtures_dir() / "tokenizers/texts.json"));
}

class FixtureTokenizers : public ::testing::TestWithParam<FixtureTokenizer> {};

TEST_P(FixtureTokenizers, EncodeGivesTheHuggingFaceIdsForEveryText) {
    const auto expected = load_expected(GetParam().name);
    const auto texts = load_texts();
    const auto& cases = expected.at("cases");
    // The recorded ids belong to today's texts: same names, same order (else rerun the script).
    ASSERT_EQ(cases.size(), texts.size()) << "rerun tests/tools/make_tokenizer_vectors.js";
    ASSERT_GE(texts.size(), 50u);
    const auto tokenizer = load_fixture_tokenizer(expected);
    std::size_t exact = 0;
    for (std::size_t i = 0; i < texts.size(); ++i) {
        const std::string name = texts[i].at("name");
        ASSERT_EQ(cases[i].at("name").get<std::string>(), name) << "rerun tests/tools/make_tokenizer_vectors.js";
        const std::string text = texts[i].at("text");
        const auto want = cases[i].at("ids").get<std::vector<int32_t>>();
        const auto got = tokenizer.encode(text, /*add_special_tokens=*/false);
        EXPECT_EQ(got, want) << GetParam().name << " text '" << name << "': " << text;
        exact += got == want;
    }
    EXPECT_EQ(exact, texts.size()) << GetParam().name << " (" << GetParam().what << ")";
}

TEST_P(FixtureTokenizers, DecodeGivesTheHuggingFaceText) {
    const auto expected = load_expected(GetParam().name);
    const auto tokenizer = load_fixture_tokenizer(expected);
    for (const auto& c : expected.at("cases")) {
        const auto ids = c.at("ids").get<std::vector<int32_t>>();
        EXPECT_EQ(tokenizer.decode(ids, /*skip_special_tokens=*/false), c.at("decoded").get<std::string>())
            << GetParam().name << " text '" << c.at("name").get<std::string>() << "'";
    }
}

// With add_special_tokens, transformers puts BOS first exactly when tokenizer_config.json's
// add_bos_token says so (mistral-spm and deepseek_v3), whatever the tokenizer.json's
// post-processor does; qwen3 (add_bos_token false), gptoss (no BOS) and the demo model add
// nothing. EOS is never added (add_eos_token false or absent).
TEST_P(FixtureTokenizers, SpecialTokensFollowTokenizerConfig) {
    const auto expected = load_expected(GetParam().name);
    const auto tokenizer = load_fixture_tokenizer(expected);
    const bool adds_bos = tokenizer.config().add_bos_token.value_or(false);
    const auto texts = load_texts();
    const auto& cases = expected.at("cases");
    ASSERT_EQ(cases.size(), texts.size()) << "rerun tests/tools/make_tokenizer_vectors.js";
    for (std::size_t i = 0; i < cases.size(); ++i) {
        auto want = cases[i].at("ids").get<std::vector<int32_t>>();
        if (adds_bos) {
            ASSERT_TRUE(tokenizer.bos_id().has_value()) << GetParam().name;
            want.insert(want.begin(), *tokenizer.bos_id());
        }
        EXPECT_EQ(tokenizer.encode(texts[i].at("text").get<std::string>(), /*add_special_tokens=*/true), want)
            << GetParam().name << " text '" << cases[i].at("name").get<std::string>() << "'";
    }
}

INSTANTIATE_TEST_SUITE_P(
    HuggingFace, FixtureTokenizers,
    ::testing::Values(FixtureTokenizer{"mistral-spm", "SentencePiece-style BPE with byte fallback, 32000 pieces"},
                      FixtureTokenizer{"qwen3", "byte-level BPE, NFC, 151643 tokens, multilingual"},
                      FixtureTokenizer{"gptoss", "byte-level BPE with ignore_merges, o200k pre-tokenizer"},
                      FixtureTokenizer{"deepseek_v3", "byte-level BPE, split digits and CJK runs first"},
                      FixtureTokenizer{"demo-model", "the demo model's own byte-level BPE"}),
    [](const auto& info) {
        std::string n = info.param.name;
        for (auto& c : n)
            if (c == '-') c = '_';
        return n;
    });

// Which BOS each config names, to be sure the test above compares against real ids.
TEST(FixtureTokenizerConfigs, BosTokensAreTheOnesTheConfigsName) {
    auto bos_of = [](const std::string& name) { return load_fixture_tokenizer(load_expected(name)).bos_id(); };
    EXPECT_EQ(bos_of("mistral-spm"), std::optional<int32_t>(1));  // <s>
    EXPECT_EQ(bos_of("deepseek_v3"), std::optional<int32_t>(0));  // <｜begin▁of▁sentence｜>
}

}  // namespace
