// A config.json is checked against its safetensors headers before any layer is built
// (core/model/weight_layout.h), and its sizes and ids are bounded (core/model/hf_config.h).
#include <gtest/gtest.h>

#include <functional>

#include <nlohmann/json.hpp>

#include "common/error_text.h"
#include "core/common/error.h"
#include "core/model/hf_config.h"
#include "core/model/llama.h"
#include "core/model/safetensors.h"
#include "core/model/safetensors_torch.h"
#include "core/model/weight_layout.h"
#include "model_test_helpers.h"

namespace {

using nlohmann::json;

using tbtest::error_of;

// The tiny config as config.json, with one field changed.
std::string parse_error_with(const std::string& key, const json& value) {
    json j = tb::model_config_to_json(tbtest::tiny_config());
    j[key] = value;
    return error_of([&] { tb::parse_model_config(j, "config.json"); });
}

TEST(WeightLayout, ExpectedWeightsAreTheModulesParametersForEveryFamily) {
    // The reference: the torch modules' own parameters, name by name, shape by shape.
    std::vector<tb::ModelConfig> configs;
    for (const char* family : {"llama", "mistral", "qwen2", "qwen3"}) configs.push_back(tbtest::tiny_config(family));
    auto biased = tbtest::tiny_config();
    biased.attention_bias = biased.mlp_bias = true;
    auto tied = tbtest::tiny_config("qwen2");
    tied.tie_word_embeddings = true;
    configs.push_back(biased);
    configs.push_back(tied);
    for (const auto& config : configs) {
        tb::CausalLM model(config);
        const auto base = model->base_weights();
        const auto expected = tb::expected_weights(config);
        ASSERT_EQ(expected.size(), base.size()) << config.model_type;
        for (std::size_t i = 0; i < base.size(); ++i) {
            EXPECT_EQ(expected[i].name, base[i].first) << config.model_type;
            EXPECT_EQ(expected[i].shape, base[i].second.sizes().vec()) << base[i].first;
        }
        std::int64_t numel = 0;
        for (const auto& [name, tensor] : base) numel += tensor.numel();
        EXPECT_EQ(tb::parameter_count(config), numel) << config.model_type;
    }
}

TEST(WeightLayout, SizesBeyondAnyModelAreRefusedWithTheirName) {
    EXPECT_EQ(parse_error_with("hidden_size", 1000000000),
              "config.json: hidden_size 1000000000 is larger than any model supported (at most 65536): a broken "
              "config.json?");
    EXPECT_EQ(parse_error_with("intermediate_size", std::int64_t(1000000000000000000)),
              "config.json: intermediate_size 1000000000000000000 is larger than any model supported (at most "
              "1048576): a broken config.json?");
    EXPECT_EQ(parse_error_with("num_hidden_layers", 1000000000),
              "config.json: num_hidden_layers 1000000000 is larger than any model supported (at most 1024): a broken "
              "config.json?");
    EXPECT_EQ(parse_error_with("vocab_size", std::int64_t(1) << 40),
              "config.json: vocab_size 1099511627776 is larger than any model supported (at most 16777216): a broken "
              "config.json?");
    EXPECT_EQ(parse_error_with("max_position_embeddings", -1), "config.json: max_position_embeddings must be positive");
    EXPECT_EQ(parse_error_with("max_position_embeddings", 0), "config.json: max_position_embeddings must be positive");
}

TEST(WeightLayout, TokenIdsMustBeInsideTheVocabulary) {
    // tiny_config: vocab_size 64.
    EXPECT_EQ(parse_error_with("eos_token_id", std::int64_t(1) << 40),
              "config.json: eos_token_id 1099511627776 is outside the vocabulary (vocab_size 64)");
    EXPECT_EQ(parse_error_with("eos_token_id", json::array({2, 64})),
              "config.json: eos_token_id 64 is outside the vocabulary (vocab_size 64)");
    EXPECT_EQ(parse_error_with("bos_token_id", -1),
              "config.json: bos_token_id -1 is outside the vocabulary (vocab_size 64)");
    EXPECT_EQ(parse_error_with("eos_token_id", 63), "(no error)");
    auto defaults = tb::parse_generation_defaults(json{{"eos_token_id", {2, 99}}}, "generation_config.json");
    EXPECT_EQ(error_of([&] { tb::merged_eos_ids(tbtest::tiny_config(), defaults); }),
              "generation_config.json: eos_token_id 99 is outside the vocabulary (vocab_size 64)");
}

class WeightCheck : public ::testing::Test {
protected:
    // Weights saved for `saved`, config.json then rewritten as `config`.
    std::string check(const tb::ModelConfig& saved, const tb::ModelConfig& config) {
        auto model = tbtest::tiny_model(saved);
        tb::save_pretrained(*model, dir_.path());
        const auto folder = tb::SafetensorsFolder::open(dir_.path());
        return error_of([&] { tb::check_weights_match_config(config, folder, "M"); });
    }
    tbtest::TempDir dir_;
};

TEST_F(WeightCheck, MatchingWeightsPass) {
    EXPECT_EQ(check(tbtest::tiny_config(), tbtest::tiny_config()), "(no error)");
}

TEST_F(WeightCheck, LayersBeyondTheConfigAreRefused) {
    auto five = tbtest::tiny_config();
    five.num_hidden_layers = 5;
    auto three = tbtest::tiny_config();
    three.num_hidden_layers = 3;
    EXPECT_EQ(check(five, three),
              "M: the weights hold layers up to model.layers.4 but config.json says num_hidden_layers 3");
    EXPECT_EQ(check(three, five),
              "M: the weights lack \"model.layers.3.self_attn.q_proj.weight\" (config.json says num_hidden_layers 5, "
              "the weights hold 3)");
}

TEST_F(WeightCheck, AnotherShapeIsRefusedBeforeBuilding) {
    auto wide = tbtest::tiny_config();
    wide.intermediate_size = 96;
    EXPECT_EQ(check(tbtest::tiny_config(), wide),
              "M: \"model.layers.0.mlp.gate_proj.weight\" has shape [48, 32] but config.json implies [96, 32]");
}

TEST_F(WeightCheck, IntegerWeightsAreRefusedNamingTensorAndFile) {
    auto model = tbtest::tiny_model(tbtest::tiny_config());
    tb::save_pretrained(*model, dir_.path());
    const auto path = dir_.path() / "model.safetensors";
    {
        // The same bytes with model.norm.weight labelled I32 (4 bytes per element, as F32).
        const auto file = tb::SafetensorsFile::open(path);
        std::vector<tb::SafeTensorToWrite> tensors;
        for (const auto& info : file->header().tensors)
            tensors.push_back({info.name, info.name == "model.norm.weight" ? tb::SafeDType::I32 : info.dtype,
                               info.shape, file->bytes(info)});
        tb::write_safetensors(path.string() + ".relabelled", tensors);
    }
    std::filesystem::rename(path.string() + ".relabelled", path);
    const std::string expected = path.string() +
                                 ": tensor \"model.norm.weight\" is stored as I32, but a weight must be a float type "
                                 "(F32, F16 or BF16)";
    const auto folder = tb::SafetensorsFolder::open(dir_.path());
    EXPECT_EQ(error_of([&] { tb::check_weights_match_config(tbtest::tiny_config(), folder, "M"); }), expected);
    EXPECT_EQ(error_of([&] { tb::load_causal_lm(dir_.path()); }), expected);
    // load_tensor asked for a float refuses it too (adapters go through the same rule).
    EXPECT_EQ(error_of([&] { tb::load_tensor(folder, "model.norm.weight", torch::kFloat32); }), expected);
}

}  // namespace
