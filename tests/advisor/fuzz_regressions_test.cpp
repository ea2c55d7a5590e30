// Inputs fuzz_hf_config (tests/fuzz, scripts/fuzz.sh) crashed the advisor's config.json
// reader on, replayed, and the bug pinned down in plain terms.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/advisor/model_shape.h"
#include "core/common/error.h"
#include "tests/fuzz/regressions.h"

namespace {

// What the advisor does with a config.json: read it, count its weights.
void read_shape(const std::uint8_t* data, std::size_t size) {
    auto j = nlohmann::json::parse(data, data + size, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded()) return;
    tb::fuzz::expect_clean([&] {
        tb::ModelShape shape = tb::model_shape_from_config(j, "config.json");
        if (shape.parameters <= 0 || tb::count_projection_parameters(shape) <= 0)
            tb::fuzz::property_broken("a config.json read with a weight count of " + std::to_string(shape.parameters));
    });
}

TEST(FuzzRegressions, AdvisorConfigInputs) { tb::fuzz::replay_regressions("hf_config", read_shape); }

// hidden_size 2^63 - 1 multiplied into the weight count: signed overflow (UBSan), and a
// wrapped, meaningless count that the memory estimate then used.
TEST(FuzzRegressions, WeightCountsThatOverflowAreRefused) {
    const auto config = [](std::int64_t hidden, std::int64_t vocab) {
        return nlohmann::json{{"model_type", "llama"},  {"hidden_size", hidden},    {"intermediate_size", 8},
                              {"num_hidden_layers", 2}, {"num_attention_heads", 2}, {"head_dim", 4},
                              {"vocab_size", vocab}};
    };
    EXPECT_THROW(tb::model_shape_from_config(config(INT64_MAX, 10), "config.json"), tb::Error);
    EXPECT_THROW(tb::model_shape_from_config(config(std::int64_t(1) << 32, std::int64_t(1) << 32), "config.json"),
                 tb::Error);
    // Large but representable: counted exactly. q, k, v, o: 4 * h * 8; gate/up/down: 3 * h * 8;
    // 2 norms per layer, the final norm, untied embeddings and lm_head: 2 * V * h.
    const std::int64_t h = std::int64_t(1) << 20, v = 1000;
    EXPECT_EQ(tb::model_shape_from_config(config(h, v), "config.json").parameters,
              2 * (4 * h * 8 + 3 * h * 8 + 2 * h) + h + 2 * v * h);
}

// "model_type": 10000.0 made config.value("model_type", std::string()) throw nlohmann's
// type_error, which is not a tb::Error: the CLI and the GUI showed "[json.exception.type_error.302]".
TEST(FuzzRegressions, ANonStringModelTypeIsAnErrorNamingIt) {
    nlohmann::json config = {{"model_type", 10000.0},  {"hidden_size", 8},         {"intermediate_size", 8},
                             {"num_hidden_layers", 1}, {"num_attention_heads", 2}, {"vocab_size", 10}};
    try {
        tb::model_shape_from_config(config, "config.json");
        ADD_FAILURE() << "a numeric model_type was read";
    } catch (const tb::Error& e) {
        EXPECT_NE(std::string(e.what()).find("\"model_type\" must be a string"), std::string::npos) << e.what();
    } catch (const std::exception& e) {
        ADD_FAILURE() << "not a tb::Error: " << e.what();
    }
    config["model_type"] = nullptr;  // null reads as absent
    EXPECT_EQ(tb::model_shape_from_config(config, "config.json").hidden_size, 8);
}

}  // namespace
