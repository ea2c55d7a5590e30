// Inputs the model stage's fuzzers (tests/fuzz, scripts/fuzz.sh) crashed on, replayed, and
// the bugs they found pinned down in plain terms.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/common/error.h"
#include "core/model/hf_config.h"
#include "tests/fuzz/regressions.h"

namespace {

// What model loading does with a config.json: parse it, count its weights.
void read_config(const std::uint8_t* data, std::size_t size) {
    auto j = nlohmann::json::parse(data, data + size, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded()) return;
    tb::fuzz::expect_clean([&] {
        const std::int64_t weights = tb::parameter_count(tb::parse_model_config(j, "config.json"));
        if (weights <= 0)
            tb::fuzz::property_broken("a config.json parsed with a weight count of " + std::to_string(weights));
    });
}

TEST(FuzzRegressions, ConfigInputs) { tb::fuzz::replay_regressions("hf_config", read_config); }

// hidden_size 2^63 - 1 (valid for every check parse_model_config makes) multiplied into
// parameter_count: signed overflow (UBSan), a wrapped count printed by create-model.
TEST(FuzzRegressions, ParameterCountsThatOverflowAreRefused) {
    nlohmann::json config = {{"model_type", "llama"},  {"hidden_size", INT64_MAX}, {"intermediate_size", 8},
                             {"num_hidden_layers", 2}, {"num_attention_heads", 2}, {"head_dim", 4},
                             {"vocab_size", 10}};
    EXPECT_THROW(tb::parameter_count(tb::parse_model_config(config, "config.json")), tb::Error);
    config["hidden_size"] = std::int64_t(1) << 32;
    config["vocab_size"] = std::int64_t(1) << 32;
    EXPECT_THROW(tb::parameter_count(tb::parse_model_config(config, "config.json")), tb::Error);
    // Large but representable (the largest hidden_size config.json may have): counted exactly
    // (as tests/advisor's fuzz regression test spells out).
    const std::int64_t h = std::int64_t(1) << 16, v = 1000;
    config["hidden_size"] = h;
    config["vocab_size"] = v;
    EXPECT_EQ(tb::parameter_count(tb::parse_model_config(config, "config.json")),
              2 * (4 * h * 8 + 3 * h * 8 + 2 * h) + h + 2 * v * h);
}

}  // namespace
