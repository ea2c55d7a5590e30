#include "core/model/hf_config.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <numbers>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/common/checked_int.h"
#include "core/common/error.h"
#include "core/common/input_file.h"
#include "core/model/weight_layout.h"

namespace tb {

namespace {

using nlohmann::json;

json read_json_file(const std::filesystem::path& path) {
    const std::string text = read_input_file(path.string());
    try {
        return json::parse(text);
    } catch (const json::exception& e) {
        throw Error(path.string() + ": invalid JSON (" + e.what() + ")");
    }
}

[[noreturn]] void fail(const std::string& source, const std::string& reason) { throw Error(source + ": " + reason); }

std::int64_t get_int(const json& j, const std::string& key, const std::string& source, bool required,
                     std::int64_t fallback) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) {
        if (required) fail(source, "missing \"" + key + "\"");
        return fallback;
    }
    if (!it->is_number_integer()) fail(source, "\"" + key + "\" must be an integer");
    return it->get<std::int64_t>();
}

double get_number(const json& j, const std::string& key, const std::string& source, double fallback) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return fallback;
    if (!it->is_number()) fail(source, "\"" + key + "\" must be a number");
    return it->get<double>();
}

bool get_bool(const json& j, const std::string& key, const std::string& source, bool fallback) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return fallback;
    if (!it->is_boolean()) fail(source, "\"" + key + "\" must be true or false");
    return it->get<bool>();
}

std::string get_string(const json& j, const std::string& key, const std::string& source, const std::string& fallback) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return fallback;
    if (!it->is_string()) fail(source, "\"" + key + "\" must be a string");
    return it->get<std::string>();
}

// eos_token_id may be an integer or a list of integers (Llama 3.1 lists three).
std::vector<std::int64_t> get_id_list(const json& j, const std::string& key, const std::string& source) {
    std::vector<std::int64_t> ids;
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return ids;
    if (it->is_number_integer()) {
        ids.push_back(it->get<std::int64_t>());
    } else if (it->is_array()) {
        for (const auto& v : *it) {
            if (!v.is_number_integer()) fail(source, "\"" + key + "\" must hold integers");
            ids.push_back(v.get<std::int64_t>());
        }
    } else {
        fail(source, "\"" + key + "\" must be an integer or a list of integers");
    }
    return ids;
}

std::optional<std::int64_t> get_optional_int(const json& j, const std::string& key, const std::string& source) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return std::nullopt;
    if (!it->is_number_integer()) fail(source, "\"" + key + "\" must be an integer");
    return it->get<std::int64_t>();
}

// The largest sizes a config.json may declare: several times those of today's largest open
// models (Llama 3.1 405B: hidden 16384, intermediate 53248, 126 layers, 128 heads; Gemma 3:
// head_dim 256, vocab 262144; Llama 4 Scout: 10M positions). Beyond them a file is broken or
// hostile, and is refused with a message before anything is allocated. With them,
// parameter_count cannot overflow.
struct ModelSizeCaps {
    std::int64_t hidden_size = 65536;
    std::int64_t intermediate_size = std::int64_t(1) << 20;
    std::int64_t num_hidden_layers = 1024;
    std::int64_t num_attention_heads = 1024;  // also num_key_value_heads
    std::int64_t head_dim = 4096;
    std::int64_t vocab_size = std::int64_t(1) << 24;
    std::int64_t max_position_embeddings = std::int64_t(1) << 28;
};
constexpr ModelSizeCaps kModelSizeCaps{};

// A size beyond its cap is a broken or hostile file, refused before anything is allocated.
void check_size_cap(std::int64_t value, const std::string& key, std::int64_t cap, const std::string& source) {
    if (value > cap)
        fail(source, key + " " + std::to_string(value) + " is larger than any model supported (at most " +
                         std::to_string(cap) + "): a broken config.json?");
}

void check_token_id(std::int64_t id, const std::string& key, std::int64_t vocab_size, const std::string& source) {
    if (id < 0 || id >= vocab_size)
        fail(source, key + " " + std::to_string(id) + " is outside the vocabulary (vocab_size " +
                         std::to_string(vocab_size) + ")");
}

const std::set<std::string>& supported_model_types() {
    static const std::set<std::string> types = {"llama", "mistral", "qwen2", "qwen3"};
    return types;
}

}  // namespace

ModelConfig parse_model_config(const json& j, const std::string& source) {
    if (!j.is_object()) fail(source, "config.json must be a JSON object");
    ModelConfig c;
    c.model_type = get_string(j, "model_type", source, "");
    if (auto it = j.find("architectures"); it != j.end() && it->is_array()) {
        for (const auto& a : *it)
            if (a.is_string()) c.architectures.push_back(a.get<std::string>());
    }
    if (c.model_type.empty()) {
        // Old configs name only the class: "LlamaForCausalLM" -> "llama".
        for (const auto& a : c.architectures) {
            if (a.rfind("Llama", 0) == 0)
                c.model_type = "llama";
            else if (a.rfind("Mistral", 0) == 0)
                c.model_type = "mistral";
            else if (a.rfind("Qwen3", 0) == 0)
                c.model_type = "qwen3";
            else if (a.rfind("Qwen2", 0) == 0)
                c.model_type = "qwen2";
        }
        if (c.model_type.empty()) fail(source, "missing \"model_type\" (and no known \"architectures\")");
    }
    if (!supported_model_types().count(c.model_type))
        fail(source,
             "model_type \"" + c.model_type + "\" is not supported yet (supported: llama, mistral, qwen2, qwen3)");

    c.hidden_size = get_int(j, "hidden_size", source, true, 0);
    c.intermediate_size = get_int(j, "intermediate_size", source, true, 0);
    c.num_hidden_layers = get_int(j, "num_hidden_layers", source, true, 0);
    c.num_attention_heads = get_int(j, "num_attention_heads", source, true, 0);
    c.num_key_value_heads = get_int(j, "num_key_value_heads", source, false, c.num_attention_heads);
    c.vocab_size = get_int(j, "vocab_size", source, true, 0);
    if (c.hidden_size <= 0 || c.intermediate_size <= 0 || c.num_hidden_layers <= 0 || c.num_attention_heads <= 0 ||
        c.num_key_value_heads <= 0 || c.vocab_size <= 0)
        fail(source,
             "hidden_size, intermediate_size, num_hidden_layers, num_attention_heads, "
             "num_key_value_heads and vocab_size must be positive");
    check_size_cap(c.hidden_size, "hidden_size", kModelSizeCaps.hidden_size, source);
    check_size_cap(c.intermediate_size, "intermediate_size", kModelSizeCaps.intermediate_size, source);
    check_size_cap(c.num_hidden_layers, "num_hidden_layers", kModelSizeCaps.num_hidden_layers, source);
    check_size_cap(c.num_attention_heads, "num_attention_heads", kModelSizeCaps.num_attention_heads, source);
    check_size_cap(c.num_key_value_heads, "num_key_value_heads", kModelSizeCaps.num_attention_heads, source);
    check_size_cap(c.vocab_size, "vocab_size", kModelSizeCaps.vocab_size, source);
    if (c.num_attention_heads % c.num_key_value_heads != 0)
        fail(source, "num_attention_heads (" + std::to_string(c.num_attention_heads) +
                         ") must be a multiple of num_key_value_heads (" + std::to_string(c.num_key_value_heads) + ")");
    c.head_dim = get_int(j, "head_dim", source, false, 0);
    if (c.head_dim == 0) {
        if (c.hidden_size % c.num_attention_heads != 0)
            fail(source, "hidden_size is not a multiple of num_attention_heads and no head_dim is given");
        c.head_dim = c.hidden_size / c.num_attention_heads;
    }
    if (c.head_dim <= 0 || c.head_dim % 2 != 0) fail(source, "head_dim must be positive and even (RoPE rotates pairs)");
    check_size_cap(c.head_dim, "head_dim", kModelSizeCaps.head_dim, source);

    c.rms_norm_eps = get_number(j, "rms_norm_eps", source, 1e-6);
    c.rope_theta = get_number(j, "rope_theta", source, 10000.0);
    if (c.rope_theta <= 0) fail(source, "rope_theta must be positive");
    c.max_position_embeddings = get_int(j, "max_position_embeddings", source, false, 2048);
    if (c.max_position_embeddings <= 0) fail(source, "max_position_embeddings must be positive");
    check_size_cap(c.max_position_embeddings, "max_position_embeddings", kModelSizeCaps.max_position_embeddings,
                   source);
    c.tie_word_embeddings = get_bool(j, "tie_word_embeddings", source, false);
    c.attention_bias = get_bool(j, "attention_bias", source, false);
    c.mlp_bias = get_bool(j, "mlp_bias", source, false);
    c.hidden_act = get_string(j, "hidden_act", source, "silu");
    if (c.hidden_act != "silu") fail(source, "hidden_act \"" + c.hidden_act + "\" is not supported (only silu)");
    c.torch_dtype = get_string(j, "torch_dtype", source, "float32");
    c.bos_token_id = get_optional_int(j, "bos_token_id", source);
    c.eos_token_ids = get_id_list(j, "eos_token_id", source);
    if (c.bos_token_id) check_token_id(*c.bos_token_id, "bos_token_id", c.vocab_size, source);
    for (auto id : c.eos_token_ids) check_token_id(id, "eos_token_id", c.vocab_size, source);

    // Qwen2 writes sliding_window but only applies it with use_sliding_window: true.
    bool sliding = c.model_type == "mistral" || get_bool(j, "use_sliding_window", source, false);
    if (sliding) c.sliding_window = get_optional_int(j, "sliding_window", source);
    if (c.sliding_window && *c.sliding_window <= 0) fail(source, "sliding_window must be positive");

    if (auto it = j.find("rope_scaling"); it != j.end() && !it->is_null()) {
        if (!it->is_object()) fail(source, "\"rope_scaling\" must be an object");
        RopeScaling s;
        // Newer transformers write "rope_type", older ones "type".
        s.type = get_string(*it, "rope_type", source, get_string(*it, "type", source, ""));
        if (s.type == "default") {
            // Plain RoPE spelled out: nothing to scale.
        } else if (s.type == "llama3" || s.type == "linear") {
            s.factor = get_number(*it, "factor", source, 1.0);
            if (s.factor <= 0) fail(source, "rope_scaling.factor must be positive");
            if (s.type == "llama3") {
                s.low_freq_factor = get_number(*it, "low_freq_factor", source, 1.0);
                s.high_freq_factor = get_number(*it, "high_freq_factor", source, 4.0);
                s.original_max_position_embeddings =
                    get_int(*it, "original_max_position_embeddings", source, false, 8192);
                if (s.original_max_position_embeddings <= 0)
                    fail(source, "rope_scaling.original_max_position_embeddings must be positive");
                if (s.high_freq_factor <= s.low_freq_factor)
                    fail(source, "rope_scaling: high_freq_factor must be greater than low_freq_factor");
            }
            c.rope_scaling = s;
        } else {
            fail(source, "rope_scaling type \"" + s.type + "\" is not supported yet (supported: llama3, linear)");
        }
    }
    return c;
}

ModelConfig load_model_config(const std::filesystem::path& model_dir) {
    auto path = model_dir / "config.json";
    if (!std::filesystem::exists(path))
        throw Error(model_dir.string() + ": no config.json: not a Hugging Face model folder");
    return parse_model_config(read_json_file(path), path.string());
}

json model_config_to_json(const ModelConfig& c) {
    static const std::map<std::string, std::string> class_names = {{"llama", "LlamaForCausalLM"},
                                                                   {"mistral", "MistralForCausalLM"},
                                                                   {"qwen2", "Qwen2ForCausalLM"},
                                                                   {"qwen3", "Qwen3ForCausalLM"}};
    json j;
    j["model_type"] = c.model_type;
    j["architectures"] =
        c.architectures.empty() ? std::vector<std::string>{class_names.at(c.model_type)} : c.architectures;
    j["hidden_size"] = c.hidden_size;
    j["intermediate_size"] = c.intermediate_size;
    j["num_hidden_layers"] = c.num_hidden_layers;
    j["num_attention_heads"] = c.num_attention_heads;
    j["num_key_value_heads"] = c.num_key_value_heads;
    j["head_dim"] = c.head_dim;
    j["rms_norm_eps"] = c.rms_norm_eps;
    j["rope_theta"] = c.rope_theta;
    j["max_position_embeddings"] = c.max_position_embeddings;
    j["vocab_size"] = c.vocab_size;
    j["tie_word_embeddings"] = c.tie_word_embeddings;
    j["attention_bias"] = c.attention_bias;
    j["mlp_bias"] = c.mlp_bias;
    j["hidden_act"] = c.hidden_act;
    j["torch_dtype"] = c.torch_dtype;
    if (c.sliding_window) {
        j["sliding_window"] = *c.sliding_window;
        if (c.model_type != "mistral") j["use_sliding_window"] = true;
    }
    if (c.bos_token_id) j["bos_token_id"] = *c.bos_token_id;
    if (c.eos_token_ids.size() == 1)
        j["eos_token_id"] = c.eos_token_ids[0];
    else if (!c.eos_token_ids.empty())
        j["eos_token_id"] = c.eos_token_ids;
    if (c.rope_scaling) {
        const auto& s = *c.rope_scaling;
        json r = {{"rope_type", s.type}, {"factor", s.factor}};
        if (s.type == "llama3") {
            r["low_freq_factor"] = s.low_freq_factor;
            r["high_freq_factor"] = s.high_freq_factor;
            r["original_max_position_embeddings"] = s.original_max_position_embeddings;
        }
        j["rope_scaling"] = r;
    }
    return j;
}

GenerationDefaults parse_generation_defaults(const json& j, const std::string& source) {
    if (!j.is_object()) fail(source, "generation_config.json must be a JSON object");
    GenerationDefaults g;
    g.bos_token_id = get_optional_int(j, "bos_token_id", source);
    g.eos_token_ids = get_id_list(j, "eos_token_id", source);
    // pad_token_id is sometimes a list too; keep the first.
    if (auto pads = get_id_list(j, "pad_token_id", source); !pads.empty()) g.pad_token_id = pads.front();
    if (auto it = j.find("do_sample"); it != j.end() && it->is_boolean()) g.do_sample = it->get<bool>();
    if (auto it = j.find("temperature"); it != j.end() && it->is_number()) g.temperature = it->get<double>();
    if (auto it = j.find("top_p"); it != j.end() && it->is_number()) g.top_p = it->get<double>();
    g.top_k = get_optional_int(j, "top_k", source);
    g.max_new_tokens = get_optional_int(j, "max_new_tokens", source);
    return g;
}

GenerationDefaults load_generation_defaults(const std::filesystem::path& model_dir) {
    auto path = model_dir / "generation_config.json";
    if (!std::filesystem::exists(path)) return {};
    return parse_generation_defaults(read_json_file(path), path.string());
}

std::int64_t parameter_count(const ModelConfig& c) {
    // Overflow-checked: a hostile config.json's sizes may multiply past 2^63 (fuzz_hf_config).
    CheckedInt64 total = 0;
    for (const auto& weight : expected_weights(c)) {
        CheckedInt64 numel = 1;
        for (auto d : weight.shape) numel = numel * d;
        total += numel;
    }
    if (total.overflowed())
        throw Error(
            "config.json: its sizes (hidden_size, intermediate_size, num_hidden_layers, heads, vocab_size) "
            "multiply to more than 2^63 weights: not a real model");
    return total.value();
}

std::vector<double> rope_inverse_frequencies(const ModelConfig& c) {
    const std::int64_t half = c.head_dim / 2;
    std::vector<double> inv(static_cast<std::size_t>(half));
    for (std::int64_t i = 0; i < half; ++i)
        inv[static_cast<std::size_t>(i)] = 1.0 / std::pow(c.rope_theta, static_cast<double>(2 * i) / c.head_dim);
    if (!c.rope_scaling) return inv;
    const RopeScaling& s = *c.rope_scaling;
    if (s.type == "linear") {
        for (auto& f : inv) f /= s.factor;
    } else if (s.type == "llama3") {
        // Wavelengths shorter than original/high_freq_factor keep their frequency, longer
        // than original/low_freq_factor are slowed by `factor`, and in between blend linearly
        // in original/wavelength.
        const double original = static_cast<double>(s.original_max_position_embeddings);
        const double low_freq_wavelen = original / s.low_freq_factor;
        const double high_freq_wavelen = original / s.high_freq_factor;
        for (auto& f : inv) {
            const double wavelen = 2.0 * std::numbers::pi / f;
            if (wavelen < high_freq_wavelen) continue;
            if (wavelen > low_freq_wavelen) {
                f /= s.factor;
            } else {
                const double smooth =
                    (original / wavelen - s.low_freq_factor) / (s.high_freq_factor - s.low_freq_factor);
                f = (1.0 - smooth) * f / s.factor + smooth * f;
            }
        }
    }
    return inv;
}

std::vector<std::int64_t> merged_eos_ids(const ModelConfig& config, const GenerationDefaults& defaults) {
    std::vector<std::int64_t> ids = defaults.eos_token_ids;
    // vocab_size 0: a config built in code without one (parsed configs always have one).
    if (config.vocab_size > 0)
        for (auto id : ids) check_token_id(id, "eos_token_id", config.vocab_size, "generation_config.json");
    for (auto id : config.eos_token_ids)
        if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
    return ids;
}

}  // namespace tb
