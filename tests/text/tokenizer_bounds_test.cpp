// Token ids in tokenizer.json are bounded by the real vocabulary (vocab entries plus added
// tokens): a table indexed by id is built, so one id of 50,000,000 used to cost 1.7 GB.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

#include "core/common/error.h"
#include "core/text/tokenizer.h"

namespace {

using nlohmann::json;

// A three-token vocabulary and two added tokens after it (ids 3 and 4), as Llama 3 has.
json small_tokenizer() {
    return {{"added_tokens",
             {{{"id", 3}, {"content", "<s>"}, {"special", true}}, {{"id", 4}, {"content", "</s>"}, {"special", true}}}},
            {"model", {{"type", "BPE"}, {"vocab", {{"a", 0}, {"b", 1}, {"c", 2}}}, {"merges", json::array()}}}};
}

std::string load_error(const json& tokenizer) {
    try {
        tb::Tokenizer::from_json(tokenizer.dump(), {}, "tokenizer.json");
    } catch (const tb::Error& e) {
        return e.what();
    }
    return "(no error)";
}

TEST(TokenizerBounds, IdsInsideTheVocabularyLoad) {
    auto tok = tb::Tokenizer::from_json(small_tokenizer().dump(), {}, "tokenizer.json");
    EXPECT_EQ(tok.encode("abc", false), (std::vector<std::int32_t>{0, 1, 2}));
    EXPECT_EQ(tok.token_to_id("</s>"), 4);
    // Gaps are allowed up to 1024 spare ids: 3 vocab entries + 2 added tokens + 1024 = 1029 ids.
    auto gaps = small_tokenizer();
    gaps["model"]["vocab"]["c"] = 1028;
    EXPECT_EQ(load_error(gaps), "(no error)");
    gaps["model"]["vocab"]["c"] = 1029;
    EXPECT_EQ(load_error(gaps),
              "tokenizer.json: vocab id 1029 of 'c' is outside the vocabulary (ids 0 to 1028: 3 "
              "vocab entries, 2 added tokens, 1024 spare)");
}

TEST(TokenizerBounds, AVocabIdOfFiftyMillionIsRefused) {
    auto hostile = small_tokenizer();
    hostile["model"]["vocab"]["c"] = 50000000;
    EXPECT_EQ(load_error(hostile),
              "tokenizer.json: vocab id 50000000 of 'c' is outside the vocabulary (ids 0 to "
              "1028: 3 vocab entries, 2 added tokens, 1024 spare)");
}

TEST(TokenizerBounds, AddedTokenIdsAreBoundedToo) {
    auto hostile = small_tokenizer();
    const std::string limit = " is outside the vocabulary (ids 0 to 1028: 3 vocab entries, 2 added tokens, 1024 spare)";
    hostile["added_tokens"][1]["id"] = 5000;  // a valid token id, but past this vocabulary
    EXPECT_EQ(load_error(hostile), "tokenizer.json: added token id 5000" + limit);
    // Beyond any tokenizer's ids (core/text/token_id.h), before the vocabulary is consulted.
    hostile["added_tokens"][1]["id"] = std::int64_t(1) << 40;  // used to wrap to 0 as an int32
    EXPECT_EQ(load_error(hostile), "tokenizer.json: an added token's id is out of range (1099511627776)");
    hostile["added_tokens"][1]["id"] = -1;
    EXPECT_EQ(load_error(hostile), "tokenizer.json: an added token's id is out of range (-1)");
}

}  // namespace
