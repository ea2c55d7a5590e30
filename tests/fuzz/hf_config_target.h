#pragma once
// Fuzz target: config.json and generation_config.json content through the torch-free
// parsers (core/model/hf_config, and the advisor's lenient reader core/advisor/model_shape),
// then what the model builder and the advisor compute from a parsed config. The raw input is
// also a typed-in parameter count ("7B", advise --parameters).
#include <cstddef>
#include <cstdint>
#include <optional>

#include <nlohmann/json.hpp>

#include "core/advisor/model_shape.h"
#include "core/model/hf_config.h"
#include "tests/fuzz/fuzz_common.h"

namespace tb::fuzz {

inline void hf_config(const std::uint8_t* data, std::size_t size) {
    expect_clean([&] { (void)parse_parameter_count(std::string(reinterpret_cast<const char*>(data), size)); });
    // Not valid JSON: nlohmann's own parser, not ours; the interesting part starts after it.
    nlohmann::json j = nlohmann::json::parse(data, data + size, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded()) return;
    std::optional<ModelConfig> config;
    expect_clean([&] { config = parse_model_config(j, "config.json"); });
    if (config) {
        expect_clean([&] {
            (void)parameter_count(*config);
            (void)rope_inverse_frequencies(*config);
        });
        // model_config_to_json's promise: parse_model_config reads it back unchanged.
        nlohmann::json written = model_config_to_json(*config);
        nlohmann::json again;
        try {
            again = model_config_to_json(parse_model_config(written, "round trip"));
        } catch (const std::exception& e) {
            property_broken(std::string("a parsed config does not read back: ") + e.what());
        }
        if (again != written) property_broken("config.json round trip changed " + written.dump());
    }
    expect_clean([&] {
        ModelShape shape = model_shape_from_config(j, "config.json");
        (void)count_projection_parameters(shape);
    });
    expect_clean([&] {
        GenerationDefaults defaults = parse_generation_defaults(j, "generation_config.json");
        (void)merged_eos_ids(config.value_or(ModelConfig{}), defaults);
    });
}

}  // namespace tb::fuzz
