#include "core/advisor/model_shape.h"

#include <cctype>
#include <cmath>
#include <cstdio>
#include <fstream>

#include "core/common/checked_int.h"
#include "core/common/error.h"

namespace tb {
namespace {

std::int64_t positive_int(const nlohmann::json& config, const char* key, const std::string& source) {
    auto it = config.find(key);
    if (it == config.end()) throw Error(source + ": config.json has no \"" + key + "\"");
    if (!it->is_number_integer() || it->get<std::int64_t>() <= 0)
        throw Error(source + ": \"" + key + "\" must be a positive integer, got " + it->dump());
    return it->get<std::int64_t>();
}

ModelShape reference(const char* name, std::int64_t h, std::int64_t i, std::int64_t layers, std::int64_t heads,
                     std::int64_t kv_heads, std::int64_t vocab, bool tied, bool bias = false) {
    ModelShape s;
    s.source = name;
    s.hidden_size = h;
    s.intermediate_size = i;
    s.num_layers = layers;
    s.num_attention_heads = heads;
    s.num_key_value_heads = kv_heads;
    s.head_dim = h / heads;
    s.vocab_size = vocab;
    s.tie_word_embeddings = tied;
    s.attention_bias = bias;
    s.parameters = count_parameters(s);
    return s;
}

}  // namespace

namespace {

std::int64_t checked_count(CheckedInt64 count, const ModelShape& s) {
    if (count.overflowed())
        throw Error(s.source +
                    ": its sizes (hidden_size, intermediate_size, num_hidden_layers, heads, vocab_size) "
                    "multiply to more than 2^63 weights: not a real model");
    return count.value();
}

CheckedInt64 projection_parameters(const ModelShape& s) {
    const CheckedInt64 h = s.hidden_size, q_dim = CheckedInt64(s.num_attention_heads) * s.head_dim,
                       kv_dim = CheckedInt64(s.num_key_value_heads) * s.head_dim;
    const CheckedInt64 per_layer = h * q_dim + 2 * h * kv_dim + q_dim * h + 3 * h * s.intermediate_size;
    return s.num_layers * per_layer;
}

}  // namespace

std::int64_t count_projection_parameters(const ModelShape& s) { return checked_count(projection_parameters(s), s); }

std::int64_t count_parameters(const ModelShape& s) {
    const CheckedInt64 h = s.hidden_size, q_dim = CheckedInt64(s.num_attention_heads) * s.head_dim,
                       kv_dim = CheckedInt64(s.num_key_value_heads) * s.head_dim;
    CheckedInt64 total = projection_parameters(s);
    total += CheckedInt64(s.num_layers) * 2 * h;                         // input and post-attention RMSNorm
    if (s.attention_bias) total += s.num_layers * (q_dim + 2 * kv_dim);  // q, k, v biases
    total += h;                                                          // final norm
    total += s.vocab_size * h * (s.tie_word_embeddings ? 1 : 2);         // embeddings (+ lm_head)
    return checked_count(total, s);
}

ModelShape model_shape_from_config(const nlohmann::json& full_config, const std::string& source) {
    if (!full_config.is_object()) throw Error(source + ": config.json must hold a JSON object");
    // Multimodal models (Llava, Gemma 3, Mistral 3, ...) keep the language model in text_config.
    const nlohmann::json& config = !full_config.contains("hidden_size") && full_config.contains("text_config") &&
                                           full_config["text_config"].is_object()
                                       ? full_config["text_config"]
                                       : full_config;
    ModelShape s;
    s.source = source;
    s.hidden_size = positive_int(config, "hidden_size", source);
    s.intermediate_size = positive_int(config, "intermediate_size", source);
    s.num_layers = positive_int(config, "num_hidden_layers", source);
    s.num_attention_heads = positive_int(config, "num_attention_heads", source);
    s.vocab_size = positive_int(config, "vocab_size", source);
    s.num_key_value_heads = config.contains("num_key_value_heads") && !config["num_key_value_heads"].is_null()
                                ? positive_int(config, "num_key_value_heads", source)
                                : s.num_attention_heads;
    s.head_dim = config.contains("head_dim") && !config["head_dim"].is_null() ? positive_int(config, "head_dim", source)
                                                                              : s.hidden_size / s.num_attention_heads;
    if (s.num_attention_heads % s.num_key_value_heads != 0)
        throw Error(source + ": num_attention_heads (" + std::to_string(s.num_attention_heads) +
                    ") must be a multiple of num_key_value_heads (" + std::to_string(s.num_key_value_heads) + ")");
    // Not value("model_type", ...): it throws nlohmann's type_error when that is not a string.
    const auto type_it = config.find("model_type");
    if (type_it != config.end() && !type_it->is_string() && !type_it->is_null())
        throw Error(source + ": \"model_type\" must be a string, got " + type_it->dump());
    const std::string model_type = type_it != config.end() && type_it->is_string() ? type_it->get<std::string>() : "";
    // When config.json omits tie_word_embeddings, transformers uses the model class's default:
    // false for Llama, Mistral, Mixtral and Qwen2/3, true for the base PretrainedConfig.
    const nlohmann::json* tie = full_config.contains("tie_word_embeddings") ? &full_config["tie_word_embeddings"]
                                : config.contains("tie_word_embeddings")    ? &config["tie_word_embeddings"]
                                                                            : nullptr;
    const bool untied_by_default = model_type == "llama" || model_type == "mistral" || model_type == "mixtral" ||
                                   model_type == "qwen2" || model_type == "qwen3";
    s.tie_word_embeddings = tie && tie->is_boolean() ? tie->get<bool>() : !untied_by_default;
    const bool bias_option = config.contains("attention_bias") && config["attention_bias"].is_boolean() &&
                             config["attention_bias"].get<bool>();
    s.attention_bias = bias_option || model_type == "qwen2";
    s.parameters = count_parameters(s);
    return s;
}

ModelShape load_model_shape(const std::filesystem::path& model_dir_or_config) {
    std::filesystem::path path = model_dir_or_config;
    if (std::filesystem::is_directory(path)) path /= "config.json";
    std::ifstream in(path);
    if (!in)
        throw Error(path.string() + ": cannot read the model's config.json (is this a Hugging Face model folder?)");
    nlohmann::json config;
    try {
        config = nlohmann::json::parse(in);
    } catch (const nlohmann::json::exception& e) {  // parse_error, or out_of_range for 1e400
        throw Error(path.string() + ": not valid JSON (" + e.what() + ")");
    }
    return model_shape_from_config(config, path.string());
}

std::int64_t parse_parameter_count(const std::string& text) {
    std::string t;
    for (char c : text)
        if (!std::isspace(static_cast<unsigned char>(c)) && c != '_' && c != ',') t += c;
    if (t.empty()) throw Error("parameter count is empty: write it like 7B, 1.3B, 350M or 7000000000");
    double scale = 1.0;
    const char suffix = char(std::toupper(static_cast<unsigned char>(t.back())));
    if (suffix == 'B' || suffix == 'M' || suffix == 'K' || suffix == 'T') {
        scale = suffix == 'T' ? 1e12 : suffix == 'B' ? 1e9 : suffix == 'M' ? 1e6 : 1e3;
        t.pop_back();
    }
    std::size_t used = 0;
    double value = 0;
    try {
        value = std::stod(t, &used);
    } catch (const std::exception&) {
        used = 0;
    }
    if (used != t.size() || !(value > 0) || !std::isfinite(value * scale) || value * scale > 1e13)
        throw Error("cannot read the parameter count '" + text + "': write it like 7B, 1.3B, 350M or 7000000000");
    return std::int64_t(std::llround(value * scale));
}

std::string format_parameter_count(std::int64_t parameters) {
    const double p = double(parameters);
    char text[32];
    if (p >= 1e9)
        std::snprintf(text, sizeof text, "%.3gB", p / 1e9);
    else if (p >= 1e6)
        std::snprintf(text, sizeof text, "%.3gM", p / 1e6);
    else if (p >= 1e3)
        std::snprintf(text, sizeof text, "%.3gK", p / 1e3);
    else
        std::snprintf(text, sizeof text, "%lld", static_cast<long long>(parameters));
    return text;
}

const std::vector<ModelShape>& reference_shapes() {
    static const std::vector<ModelShape> shapes = {
        reference("Llama-3.2-1B", 2048, 8192, 16, 32, 8, 128256, true),
        reference("Llama-3.2-3B", 3072, 8192, 28, 24, 8, 128256, true),
        reference("Llama-2-7B", 4096, 11008, 32, 32, 32, 32000, false),
        reference("Llama-3-8B", 4096, 14336, 32, 32, 8, 128256, false),
        reference("Llama-2-13B", 5120, 13824, 40, 40, 40, 32000, false),
        reference("Qwen2.5-32B", 5120, 27648, 64, 40, 8, 152064, false, true),
        reference("Llama-3-70B", 8192, 28672, 80, 64, 8, 128256, false),
    };
    return shapes;
}

ModelShape shape_for_parameter_count(std::int64_t parameters) {
    if (parameters <= 0) throw Error("the parameter count must be positive");
    const ModelShape* nearest = nullptr;
    double best = 0;
    for (const auto& s : reference_shapes()) {
        double distance = std::fabs(std::log(double(s.parameters)) - std::log(double(parameters)));
        if (!nearest || distance < best) nearest = &s, best = distance;
    }
    ModelShape s = *nearest;
    s.source = "typed in: " + format_parameter_count(parameters) + " parameters (layers and widths of " +
               nearest->source + " assumed)";
    s.parameters = parameters;
    return s;
}

}  // namespace tb
