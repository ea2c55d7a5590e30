// The Tokenizer API on real tokenizers: BOS/EOS handling, byte offsets, added tokens,
// round trips, configs, errors, threads.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include <nlohmann/json.hpp>

#include "common/shared_fixtures.h"
#include "core/common/error.h"
#include "core/text/tokenizer.h"

namespace {

const std::string kShared = TUNEBENCH_SHARED_DIR;
const std::string kStories = kShared + "/fixtures/models/stories260K";
const std::string kTokenizers = kShared + "/fixtures/tokenizers";

// Every clone checks its own tokenizers instead (fixture_tokenizers_test.cpp).
#define REQUIRE_SHARED()                                                                                 \
    TB_SKIP_WITHOUT_SHARED(kShared + "/fixtures",                                                        \
                           "this check on the shared tokenizers (stories260K, llama-spm, llama3, gpt2: " \
                           "special tokens, byte fallback, offsets, added tokens, threads)")

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// The text each token covers, by its byte span.
std::vector<std::string> covered_texts(const std::string& text, const tb::Encoding& e) {
    std::vector<std::string> out;
    for (const auto& s : e.spans) out.push_back(text.substr(s.begin, s.end - s.begin));
    return out;
}

TEST(TokenizerStories, LoadsTheModelFolderWithItsSpecialTokens) {
    REQUIRE_SHARED();
    auto tok = tb::Tokenizer::from_folder(kStories);
    EXPECT_EQ(tok.vocab_size(), 512u);
    EXPECT_EQ(tok.bos_id(), 1);
    EXPECT_EQ(tok.eos_id(), 2);
    EXPECT_EQ(tok.bos_token(), "<s>");
    EXPECT_EQ(tok.eos_token(), "</s>");
    EXPECT_TRUE(tok.is_special(1));
    EXPECT_TRUE(tok.is_special(2));
    EXPECT_FALSE(tok.is_special(100));
    EXPECT_EQ(tok.token_to_id("<unk>"), 0);
    EXPECT_EQ(tok.id_to_token(1), "<s>");
    EXPECT_EQ(tok.id_to_token(100000), "");
    EXPECT_EQ(tok.config().model_max_length, 512);
    EXPECT_EQ(tok.config().add_bos_token, true);
    EXPECT_EQ(tok.config().add_eos_token, false);
    EXPECT_TRUE(tok.config().chat_template.empty());
}

TEST(TokenizerStories, AddsBosOnlyWithSpecialTokens) {
    REQUIRE_SHARED();
    auto tok = tb::Tokenizer::from_folder(kStories);
    auto with = tok.encode("Once upon a time");
    auto without = tok.encode("Once upon a time", false);
    ASSERT_FALSE(without.empty());
    ASSERT_EQ(with.size(), without.size() + 1);
    EXPECT_EQ(with.front(), 1);
    EXPECT_TRUE(std::equal(without.begin(), without.end(), with.begin() + 1));
    EXPECT_NE(without.front(), 1);
    EXPECT_NE(with.back(), 2);  // add_eos_token is false
    // Every token of plain English comes from the 512-piece vocabulary, none is <unk>.
    for (int32_t id : without) EXPECT_GT(id, 2);
}

TEST(TokenizerStories, RoundTripsTextIncludingBytesOutsideTheVocabulary) {
    REQUIRE_SHARED();
    auto tok = tb::Tokenizer::from_folder(kStories);
    for (const std::string text :
         {"Once upon a time, there was a little girl named Lily.",
          "She said: \"Look, a 🦙!\" and ran   off.\nThe end.", "Ünïcödé – ✓ 漢字", " leading", "trailing  ", ""}) {
        auto ids = tok.encode(text);
        EXPECT_EQ(tok.decode(ids, /*skip_special_tokens=*/true), text);
        EXPECT_EQ(tok.decode(tok.encode(text, false)), text);
    }
}

TEST(TokenizerStories, UsesByteFallbackForUnknownCharacters) {
    REQUIRE_SHARED();
    auto tok = tb::Tokenizer::from_folder(kStories);
    auto ids = tok.encode("🦙", false);
    // "▁" then the four UTF-8 bytes of U+1F999 as <0xNN> pieces.
    ASSERT_EQ(ids.size(), 5u);
    EXPECT_EQ(tok.id_to_token(ids[1]), "<0xF0>");
    EXPECT_EQ(tok.id_to_token(ids[2]), "<0x9F>");
    EXPECT_EQ(tok.id_to_token(ids[3]), "<0xA6>");
    EXPECT_EQ(tok.id_to_token(ids[4]), "<0x99>");
    // An incomplete byte sequence decodes to one U+FFFD per byte, as Hugging Face does.
    EXPECT_EQ(tok.decode({ids[1], ids[2]}), "\xEF\xBF\xBD\xEF\xBF\xBD");
}

TEST(TokenizerStories, DecodesSpecialTokensUnlessSkipped) {
    REQUIRE_SHARED();
    auto tok = tb::Tokenizer::from_folder(kStories);
    auto ids = tok.encode("Once upon a time");
    ids.push_back(2);
    EXPECT_EQ(tok.decode(ids, true), "Once upon a time");
    EXPECT_EQ(tok.decode(ids, false), "<s> Once upon a time</s>");
}

TEST(TokenizerOffsets, SpansPointAtTheBytesEachTokenCameFrom) {
    REQUIRE_SHARED();
    const std::string text = "Hello world, ünïcode 🦙!";
    for (const char* name : {"llama3", "gpt2", "llama-spm"}) {
        auto tok = tb::Tokenizer::from_file(kTokenizers + "/" + name + "/tokenizer.json");
        auto e = tok.encode_with_offsets(text, false);
        ASSERT_EQ(e.ids, tok.encode(text, false)) << name;
        ASSERT_EQ(e.spans.size(), e.ids.size()) << name;
        // Spans are in order, inside the text, and cover it without gaps.
        std::size_t covered_to = 0;
        for (const auto& s : e.spans) {
            EXPECT_LE(s.begin, s.end) << name;
            EXPECT_LE(s.end, text.size()) << name;
            EXPECT_LE(s.begin, covered_to) << name;
            covered_to = std::max(covered_to, s.end);
        }
        EXPECT_EQ(covered_to, text.size()) << name;
    }
    auto llama3 = tb::Tokenizer::from_file(kTokenizers + "/llama3/tokenizer.json");
    auto e = llama3.encode_with_offsets("Hello world", true);
    ASSERT_EQ(e.ids.size(), 3u);
    EXPECT_EQ(e.ids[0], 128000);
    EXPECT_EQ(e.spans[0], (tb::TokenSpan{0, 0}));  // BOS covers no text
    EXPECT_EQ(covered_texts("Hello world", e), (std::vector<std::string>{"", "Hello", " world"}));

    auto spm = tb::Tokenizer::from_file(kTokenizers + "/llama-spm/tokenizer.json");
    // The "▁" a space became maps back to that space; the prepended one to the first character.
    EXPECT_EQ(covered_texts("Hello world", spm.encode_with_offsets("Hello world", false)),
              (std::vector<std::string>{"Hello", " world"}));
}

TEST(TokenizerAddedTokens, SpecialTokensInTheTextAreMatchedBeforeTheModel) {
    REQUIRE_SHARED();
    auto tok = tb::Tokenizer::from_file(kTokenizers + "/llama3/tokenizer.json");
    const std::string text = "<|start_header_id|>user<|end_header_id|>\n\nHi!<|eot_id|>";
    auto e = tok.encode_with_offsets(text, false);
    ASSERT_GE(e.ids.size(), 5u);
    EXPECT_EQ(e.ids.front(), tok.token_to_id("<|start_header_id|>"));
    EXPECT_EQ(e.ids.back(), tok.token_to_id("<|eot_id|>"));
    EXPECT_EQ(covered_texts(text, e).back(), "<|eot_id|>");
    EXPECT_TRUE(tok.is_special(e.ids.back()));
    EXPECT_EQ(tok.decode(e.ids), text);
    EXPECT_EQ(tok.decode(e.ids, true), "user\n\nHi!");
    EXPECT_EQ(tok.vocab_size(), 128256u);
    EXPECT_EQ(tok.bos_id(), 128000);  // from the post-processor, no config here
}

TEST(TokenizerAddedTokens, NormalizedSpecialTokensMatchInNormalizedText) {
    REQUIRE_SHARED();
    // Llama 2's <s> is a normalized token: it is found as "▁<s>" after the Prepend/Replace normalizer.
    auto tok = tb::Tokenizer::from_folder(kTokenizers + "/llama-spm");
    auto ids = tok.encode("<s>Hi", false);
    EXPECT_EQ(ids.front(), 1);
    auto mid = tok.encode("Hi <s> there", false);
    EXPECT_NE(std::find(mid.begin(), mid.end(), 1), mid.end());
}

TEST(TokenizerConfigFolder, LlamaClassRebuildsBosEosFromTheConfigFlags) {
    REQUIRE_SHARED();
    const std::string json = read_file(kTokenizers + "/llama-spm/tokenizer.json");
    auto config = tb::TokenizerConfig::parse(R"({"tokenizer_class": "LlamaTokenizerFast", "bos_token": "<s>",
        "eos_token": {"__type": "AddedToken", "content": "</s>"}, "add_bos_token": false, "add_eos_token": true})",
                                             "inline");
    auto tok = tb::Tokenizer::from_json(json, config);
    auto ids = tok.encode("Hello");
    EXPECT_NE(ids.front(), 1);
    EXPECT_EQ(ids.back(), 2);
    // Other classes keep the post-processor and only add what it lacks.
    auto generic = tb::TokenizerConfig::parse(R"({"eos_token": "</s>", "add_eos_token": true})", "inline");
    auto tok2 = tb::Tokenizer::from_json(json, generic);
    auto ids2 = tok2.encode("Hello");
    EXPECT_EQ(ids2.front(), 1);
    EXPECT_EQ(ids2.back(), 2);
}

// Long SentencePiece texts are cut before each "▁" that follows another character (no Llama 2
// token spans such a point). With ignore_merges set the model must see the whole word, which
// turns the cut off: both paths must give the same ids on long, mixed texts.
TEST(TokenizerLongText, CuttingSentencePieceWordsChangesNoId) {
    REQUIRE_SHARED();
    const std::string json_text = read_file(kTokenizers + "/llama-spm/tokenizer.json");
    auto cut = tb::Tokenizer::from_json(json_text);
    auto j = nlohmann::json::parse(json_text);
    j["model"]["ignore_merges"] = true;
    auto whole = tb::Tokenizer::from_json(j.dump());
    const std::string inp = read_file(kTokenizers + "/vectors/llama-spm.inp");
    std::string text;
    for (int round = 0; round < 3; ++round) {
        for (std::size_t pos = 0, next; (next = inp.find("\n__ggml_vocab_test__\n", pos)) != std::string::npos;
             pos = next + 21)
            text += inp.substr(pos, next - pos) + (text.size() % 3 ? "  " : "\n");
    }
    ASSERT_GT(text.size(), 3000u);
    auto e = cut.encode_with_offsets(text, false);
    auto w = whole.encode_with_offsets(text, false);
    EXPECT_EQ(e.ids, w.ids);
    EXPECT_EQ(e.spans, w.spans);
    EXPECT_EQ(cut.decode(e.ids), text);
}

TEST(TokenizerErrors, ReportWhatIsWrong) {
    try {
        tb::Tokenizer::from_folder("/nonexistent/model");
        FAIL() << "no exception";
    } catch (const tb::Error& e) {
        EXPECT_NE(std::string(e.what()).find("no tokenizer.json in /nonexistent/model"), std::string::npos);
    }
    EXPECT_THROW(tb::Tokenizer::from_json("{not json", {}, "x.json"), tb::InputError);
    try {
        tb::Tokenizer::from_json(R"({"model": {"type": "WordPiece", "vocab": {}}})", {}, "wp.json");
        FAIL() << "no exception";
    } catch (const tb::Error& e) {
        EXPECT_NE(std::string(e.what()).find("WordPiece"), std::string::npos);
        EXPECT_NE(std::string(e.what()).find("wp.json"), std::string::npos);
    }
    REQUIRE_SHARED();
    auto tok = tb::Tokenizer::from_folder(kStories);
    EXPECT_THROW(tok.encode(std::string("bad \xFF byte")), tb::Error);
}

TEST(TokenizerThreads, ConcurrentEncodesAgreeWithSequentialOnes) {
    REQUIRE_SHARED();
    auto tok = tb::Tokenizer::from_file(kTokenizers + "/gpt2/tokenizer.json");
    std::vector<std::string> texts;
    for (int i = 0; i < 200; ++i)
        texts.push_back("Sample " + std::to_string(i * 7919) + " of the thread test, naïve café №" + std::to_string(i));
    std::vector<std::vector<int32_t>> expected;
    for (const auto& t : texts) expected.push_back(tb::Tokenizer(tok).encode(t));
    auto fresh = tb::Tokenizer::from_file(kTokenizers + "/gpt2/tokenizer.json");  // cold cache
    std::vector<int> mismatches(4, 0);
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&, t] {
            for (std::size_t i = 0; i < texts.size(); ++i)
                mismatches[t] +=
                    fresh.encode(texts[(i + t * 50) % texts.size()]) != expected[(i + t * 50) % texts.size()];
        });
    }
    for (auto& th : threads) th.join();
    for (int m : mismatches) EXPECT_EQ(m, 0);
}

}  // namespace
