#include "core/advisor/model_shape.h"

#include <cstdint>
#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>
#include <unistd.h>

#include "common/shared_fixtures.h"
#include "core/common/error.h"

namespace {

namespace fs = std::filesystem;

TEST(ModelShape, ReadsAModelFolder) {
    fs::path dir = fs::path(testing::TempDir()) / ("tb_advisor_model_folder_" + std::to_string(::getpid()));
    fs::create_directories(dir);
    {
        std::ofstream out(dir / "config.json");
        // Mistral-7B-v0.1's config.json (GQA: 8 kv heads; no head_dim field; untied).
        out << R"({"architectures": ["MistralForCausalLM"], "model_type": "mistral", "hidden_size": 4096,
                  "intermediate_size": 14336, "num_hidden_layers": 32, "num_attention_heads": 32,
                  "num_key_value_heads": 8, "vocab_size": 32000, "tie_word_embeddings": false,
                  "sliding_window": 4096, "rope_theta": 10000.0})";
    }
    tb::ModelShape s = tb::load_model_shape(dir);
    EXPECT_EQ(s.head_dim, 128);
    EXPECT_EQ(s.kv_dim(), 1024);
    // per layer: q, o 4096² = 16,777,216 each; k, v 4096·1024 = 4,194,304 each; MLP 3·4096·14336
    // = 176,160,768; norms 8,192 -> 218,112,000; ×32 = 6,979,584,000; + 2·32000·4096 = 262,144,000
    // + 4,096 = 7,241,732,096 (Mistral-7B's published count)
    EXPECT_EQ(s.parameters, 7241732096);
    EXPECT_EQ(s.source, (dir / "config.json").string());
    fs::remove_all(dir);
}

TEST(ModelShape, DefaultsAndNestedTextConfig) {
    // No num_key_value_heads: plain multi-head attention. No tie_word_embeddings on a llama: untied.
    tb::ModelShape s = tb::model_shape_from_config({{"model_type", "llama"},
                                                    {"hidden_size", 64},
                                                    {"intermediate_size", 256},
                                                    {"num_hidden_layers", 2},
                                                    {"num_attention_heads", 4},
                                                    {"vocab_size", 100}},
                                                   "tiny");
    EXPECT_EQ(s.num_key_value_heads, 4);
    EXPECT_EQ(s.head_dim, 16);
    EXPECT_FALSE(s.tie_word_embeddings);
    // 2·(4·64² + 3·64·256 + 2·64) + 64 + 2·100·64 = 2·(16384 + 49152 + 128) + 64 + 12800 = 144,192
    EXPECT_EQ(s.parameters, 144192);

    // A multimodal config keeps the language model in text_config.
    tb::ModelShape nested = tb::model_shape_from_config({{"model_type", "llava"},
                                                         {"text_config",
                                                          {{"model_type", "llama"},
                                                           {"hidden_size", 64},
                                                           {"intermediate_size", 256},
                                                           {"num_hidden_layers", 2},
                                                           {"num_attention_heads", 4},
                                                           {"vocab_size", 100}}}},
                                                        "nested");
    EXPECT_EQ(nested.parameters, 144192);

    // Qwen2 has q/k/v biases: + 2 layers · (64 + 2·64) = 384
    tb::ModelShape qwen = tb::model_shape_from_config({{"model_type", "qwen2"},
                                                       {"hidden_size", 64},
                                                       {"intermediate_size", 256},
                                                       {"num_hidden_layers", 2},
                                                       {"num_attention_heads", 4},
                                                       {"vocab_size", 100},
                                                       {"tie_word_embeddings", false}},
                                                      "qwen");
    EXPECT_EQ(qwen.parameters, 144192 + 384);
}

TEST(ModelShape, ErrorsNameTheFieldAndFile) {
    try {
        tb::model_shape_from_config({{"hidden_size", 64}}, "models/x/config.json");
        FAIL() << "expected an error";
    } catch (const tb::Error& e) {
        EXPECT_NE(std::string(e.what()).find("models/x/config.json"), std::string::npos);
        EXPECT_NE(std::string(e.what()).find("intermediate_size"), std::string::npos);
    }
    EXPECT_THROW(tb::load_model_shape(fs::path(testing::TempDir()) / "no-such-model"), tb::Error);
    EXPECT_THROW(tb::model_shape_from_config({{"hidden_size", 64},
                                              {"intermediate_size", 256},
                                              {"num_hidden_layers", 2},
                                              {"num_attention_heads", 4},
                                              {"num_key_value_heads", 3},
                                              {"vocab_size", 100}},
                                             "gqa"),
                 tb::Error);
}

TEST(ModelShape, ParsesTypedParameterCounts) {
    EXPECT_EQ(tb::parse_parameter_count("7B"), 7000000000);
    EXPECT_EQ(tb::parse_parameter_count("1.3b"), 1300000000);
    EXPECT_EQ(tb::parse_parameter_count("350M"), 350000000);
    EXPECT_EQ(tb::parse_parameter_count("70e9"), 70000000000);
    EXPECT_EQ(tb::parse_parameter_count("8,030,261,248"), 8030261248);
    for (const char* bad : {"", "seven", "7X", "-3B", "0", "B"})
        EXPECT_THROW(tb::parse_parameter_count(bad), tb::Error) << bad;
}

TEST(ModelShape, FormatsCountsForPeople) {
    EXPECT_EQ(tb::format_parameter_count(260032), "260K");
    EXPECT_EQ(tb::format_parameter_count(350000000), "350M");
    EXPECT_EQ(tb::format_parameter_count(1235814400), "1.24B");
    EXPECT_EQ(tb::format_parameter_count(70553706496), "70.6B");
    EXPECT_EQ(tb::format_parameter_count(512), "512");
}

TEST(ModelShape, ReferenceShapesHaveTheirPublishedCounts) {
    std::map<std::string, std::int64_t> published = {{"Llama-3.2-1B", 1235814400}, {"Llama-3.2-3B", 3212749824},
                                                     {"Llama-2-7B", 6738415616},   {"Llama-3-8B", 8030261248},
                                                     {"Llama-2-13B", 13015864320}, {"Qwen2.5-32B", 32763876352},
                                                     {"Llama-3-70B", 70553706496}};
    ASSERT_EQ(tb::reference_shapes().size(), published.size());
    for (const auto& s : tb::reference_shapes()) EXPECT_EQ(s.parameters, published.at(s.source)) << s.source;
}

TEST(ModelShape, TypedCountBorrowsTheNearestShape) {
    tb::ModelShape s = tb::shape_for_parameter_count(7000000000);
    EXPECT_EQ(s.parameters, 7000000000);
    EXPECT_EQ(s.hidden_size, 4096);
    EXPECT_EQ(s.intermediate_size, 11008);  // Llama-2-7B (6.74B) is nearer than Llama-3-8B (8.03B)
    EXPECT_NE(s.source.find("Llama-2-7B"), std::string::npos);
    EXPECT_EQ(tb::shape_for_parameter_count(65000000000).num_layers, 80);
    EXPECT_EQ(tb::shape_for_parameter_count(500000000).num_layers, 16);
}

// The real stories260K checkpoint: the count from config.json must equal the number of
// weights stored in model.safetensors (read from its JSON header: shapes of every tensor).
TEST(ModelShape, CountMatchesARealCheckpoint) {
    fs::path dir = fs::path(TUNEBENCH_SHARED_DIR) / "fixtures/models/stories260K";
    TB_SKIP_WITHOUT_SHARED(dir / "model.safetensors",
                           "the parameter count of a real checkpoint against its safetensors header");
    tb::ModelShape s = tb::load_model_shape(dir);
    std::ifstream in(dir / "model.safetensors", std::ios::binary);
    std::uint64_t header_size = 0;
    in.read(reinterpret_cast<char*>(&header_size), 8);  // little-endian u64 (x86)
    std::string header(header_size, '\0');
    in.read(header.data(), std::streamsize(header_size));
    std::int64_t stored = 0;
    const nlohmann::json tensors = nlohmann::json::parse(header);
    for (const auto& [name, tensor] : tensors.items()) {
        if (name == "__metadata__") continue;
        std::int64_t count = 1;
        for (auto d : tensor["shape"]) count *= d.get<std::int64_t>();
        stored += count;
    }
    EXPECT_EQ(s.parameters, stored);
}

}  // namespace
