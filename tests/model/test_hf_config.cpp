#include <gtest/gtest.h>

#include <cmath>

#include <nlohmann/json.hpp>

#include "core/common/error.h"
#include "core/model/hf_config.h"
#include "core/model/safetensors.h"
#include "model_test_helpers.h"

using nlohmann::json;

namespace {

json llama31_8b() {
    // Meta-Llama-3.1-8B's config.json (the fields we read).
    return json::parse(R"({
      "architectures": ["LlamaForCausalLM"], "model_type": "llama", "attention_bias": false,
      "bos_token_id": 128000, "eos_token_id": [128001, 128008, 128009], "hidden_act": "silu",
      "hidden_size": 4096, "intermediate_size": 14336, "max_position_embeddings": 131072,
      "mlp_bias": false, "num_attention_heads": 32, "num_hidden_layers": 32, "num_key_value_heads": 8,
      "rms_norm_eps": 1e-05, "rope_theta": 500000.0, "tie_word_embeddings": false,
      "torch_dtype": "bfloat16", "vocab_size": 128256,
      "rope_scaling": {"factor": 8.0, "low_freq_factor": 1.0, "high_freq_factor": 4.0,
                       "original_max_position_embeddings": 8192, "rope_type": "llama3"}})");
}

}  // namespace

TEST(HfConfig, ParsesLlama31WithEosListAndRopeScaling) {
    auto c = tb::parse_model_config(llama31_8b(), "config.json");
    EXPECT_EQ(c.model_type, "llama");
    EXPECT_EQ(c.num_key_value_heads, 8);
    EXPECT_EQ(c.head_dim, 128);
    EXPECT_EQ(c.eos_token_ids, (std::vector<std::int64_t>{128001, 128008, 128009}));
    ASSERT_TRUE(c.rope_scaling.has_value());
    EXPECT_EQ(c.rope_scaling->type, "llama3");
    EXPECT_DOUBLE_EQ(c.rope_scaling->factor, 8.0);
    EXPECT_EQ(c.rope_scaling->original_max_position_embeddings, 8192);
    EXPECT_EQ(c.torch_dtype, "bfloat16");
    EXPECT_FALSE(c.sliding_window.has_value());
}

TEST(HfConfig, Llama31ParameterCountIsEightBillion) {
    // Meta publishes 8,030,261,248 parameters for Llama 3.1 8B.
    EXPECT_EQ(tb::parameter_count(tb::parse_model_config(llama31_8b(), "config.json")), 8030261248);
}

TEST(HfConfig, Qwen25ParameterCountIncludesQkvBias) {
    // Qwen2.5-0.5B: 494,032,768 parameters (tied embeddings, q/k/v biases).
    auto j = json::parse(R"({"model_type": "qwen2", "hidden_size": 896, "intermediate_size": 4864,
      "num_hidden_layers": 24, "num_attention_heads": 14, "num_key_value_heads": 2, "vocab_size": 151936,
      "tie_word_embeddings": true, "rms_norm_eps": 1e-06, "rope_theta": 1000000.0,
      "sliding_window": 32768, "use_sliding_window": false, "eos_token_id": 151643})");
    auto c = tb::parse_model_config(j, "config.json");
    EXPECT_EQ(tb::parameter_count(c), 494032768);
    EXPECT_FALSE(c.sliding_window.has_value()) << "Qwen2 applies sliding_window only with use_sliding_window";
}

TEST(HfConfig, Llama3RopeInverseFrequenciesMatchHandComputedValues) {
    auto c = tb::parse_model_config(llama31_8b(), "config.json");
    auto inv = tb::rope_inverse_frequencies(c);
    ASSERT_EQ(inv.size(), 64u);
    // i = 0, 16: wavelength 2*pi / theta^(-2i/128) below 8192/4 = 2048: unchanged.
    EXPECT_DOUBLE_EQ(inv[0], 1.0);
    EXPECT_NEAR(inv[16], 0.03760603093086393, 1e-15);
    // i = 30: wavelength 2948.3 between 2048 and 8192: smooth = (8192/2948.3 - 1) / 3 = 0.59284,
    // f = (1 - smooth) * 0.00213112 / 8 + smooth * 0.00213112.
    EXPECT_NEAR(inv[30], 0.0013718935677611381, 1e-15);
    EXPECT_NEAR(inv[34], 0.0001785078127679964, 1e-15);
    // i = 63: wavelength 2.56e6 above 8192: divided by factor 8.
    EXPECT_NEAR(inv[63], 2.455140791131609e-06 / 8.0, 1e-18);
}

TEST(HfConfig, PlainRopeHasNoScaling) {
    auto j = llama31_8b();
    j.erase("rope_scaling");
    auto inv = tb::rope_inverse_frequencies(tb::parse_model_config(j, "config.json"));
    EXPECT_NEAR(inv[63], 2.455140791131609e-06, 1e-18);
}

TEST(HfConfig, RejectsUnsupportedRopeScalingWithItsName) {
    auto j = llama31_8b();
    j["rope_scaling"] = {{"type", "yarn"}, {"factor", 4.0}};
    try {
        tb::parse_model_config(j, "cfg/config.json");
        FAIL() << "yarn accepted";
    } catch (const tb::Error& e) {
        EXPECT_NE(std::string(e.what()).find("yarn"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("cfg/config.json"), std::string::npos) << e.what();
    }
}

TEST(HfConfig, RejectsMissingFieldsUnknownArchitecturesAndBadHeads) {
    auto j = llama31_8b();
    j.erase("hidden_size");
    EXPECT_THROW(tb::parse_model_config(j, "c"), tb::Error);
    j = llama31_8b();
    j["model_type"] = "gpt2";
    EXPECT_THROW(tb::parse_model_config(j, "c"), tb::Error);
    j = llama31_8b();
    j["num_key_value_heads"] = 5;  // 32 query heads cannot share 5 kv heads
    EXPECT_THROW(tb::parse_model_config(j, "c"), tb::Error);
    j = llama31_8b();
    j["hidden_size"] = "4096";
    EXPECT_THROW(tb::parse_model_config(j, "c"), tb::Error);
    EXPECT_THROW(tb::parse_model_config(json::array(), "c"), tb::Error);
}

TEST(HfConfig, ModelTypeFallsBackToArchitectures) {
    auto j = llama31_8b();
    j.erase("model_type");
    j["architectures"] = {"MistralForCausalLM"};
    j["sliding_window"] = 4096;
    auto c = tb::parse_model_config(j, "c");
    EXPECT_EQ(c.model_type, "mistral");
    EXPECT_EQ(c.sliding_window, 4096);
}

TEST(HfConfig, RoundTripsThroughJson) {
    auto c = tb::parse_model_config(llama31_8b(), "c");
    auto back = tb::parse_model_config(tb::model_config_to_json(c), "c2");
    EXPECT_EQ(tb::parameter_count(back), tb::parameter_count(c));
    EXPECT_EQ(back.eos_token_ids, c.eos_token_ids);
    EXPECT_EQ(tb::rope_inverse_frequencies(back), tb::rope_inverse_frequencies(c));
}

TEST(HfConfig, GenerationDefaultsAcceptIntOrListEos) {
    auto g = tb::parse_generation_defaults(json::parse(R"({"eos_token_id": 2, "temperature": 0.6, "top_p": 0.9,
        "do_sample": true})"),
                                           "g");
    EXPECT_EQ(g.eos_token_ids, std::vector<std::int64_t>{2});
    EXPECT_DOUBLE_EQ(*g.temperature, 0.6);
    EXPECT_TRUE(*g.do_sample);
    g = tb::parse_generation_defaults(json::parse(R"({"eos_token_id": [7, 9]})"), "g");
    EXPECT_EQ(g.eos_token_ids, (std::vector<std::int64_t>{7, 9}));
    EXPECT_THROW(tb::parse_generation_defaults(json::parse(R"({"eos_token_id": "x"})"), "g"), tb::Error);
    tb::ModelConfig c;
    c.eos_token_ids = {9, 11};
    EXPECT_EQ(tb::merged_eos_ids(c, g), (std::vector<std::int64_t>{7, 9, 11}));
}

TEST(HfConfig, Stories260KParameterCountMatchesItsWeights) {
    SKIP_WITHOUT_STORIES("stories260K's config, weights and generation defaults read as the real files say");
    auto c = tb::load_model_config(tbtest::stories_dir());
    EXPECT_EQ(c.num_key_value_heads, 4);
    EXPECT_TRUE(c.tie_word_embeddings);
    auto folder = tb::SafetensorsFolder::open(tbtest::stories_dir());
    std::int64_t in_file = 0;
    for (const auto& file : folder.files())
        for (const auto& t : file->header().tensors) in_file += t.numel();
    EXPECT_EQ(tb::parameter_count(c), in_file);
    auto g = tb::load_generation_defaults(tbtest::stories_dir());
    EXPECT_EQ(g.eos_token_ids, std::vector<std::int64_t>{2});
}
