#include "core/model/weight_layout.h"

#include <cstdlib>
#include <set>

#include "core/common/error.h"
#include "core/model/safetensors.h"

namespace tb {

namespace {

std::string shape_text(const std::vector<std::int64_t>& shape) {
    std::string text = "[";
    for (std::size_t i = 0; i < shape.size(); ++i) text += (i ? ", " : "") + std::to_string(shape[i]);
    return text + "]";
}

// "model.layers.12.mlp.up_proj.weight" -> 12; -1 for any other name.
std::int64_t layer_index_of(const std::string& name) {
    static const std::string prefix = "model.layers.";
    if (name.rfind(prefix, 0) != 0) return -1;
    const char* digits = name.c_str() + prefix.size();
    char* end = nullptr;
    const long long index = std::strtoll(digits, &end, 10);
    if (end == digits || *end != '.') return -1;
    return index;
}

}  // namespace

bool has_qkv_bias(const ModelConfig& c) { return c.attention_bias || c.model_type == "qwen2"; }
bool has_o_bias(const ModelConfig& c) { return c.attention_bias; }
bool has_qk_norm(const ModelConfig& c) { return c.model_type == "qwen3"; }

bool is_float_dtype(SafeDType dtype) {
    return dtype == SafeDType::F64 || dtype == SafeDType::F32 || dtype == SafeDType::F16 || dtype == SafeDType::BF16;
}

void require_float_weight(const SafetensorsFile& file, const SafeTensorInfo& info) {
    if (!is_float_dtype(info.dtype))
        throw Error(file.path().string() + ": tensor \"" + info.name + "\" is stored as " +
                    safe_dtype_name(info.dtype) + ", but a weight must be a float type (F32, F16 or BF16)");
}

std::vector<ExpectedWeight> expected_weights(const ModelConfig& c) {
    const bool qkv_bias = has_qkv_bias(c), o_bias = has_o_bias(c), mlp_bias = c.mlp_bias;
    const std::int64_t h = c.hidden_size, q_dim = c.num_attention_heads * c.head_dim,
                       kv_dim = c.num_key_value_heads * c.head_dim, inter = c.intermediate_size;
    std::vector<ExpectedWeight> out;
    // A linear layer's weight is [out_features, in_features], its bias [out_features].
    auto linear = [&](const std::string& prefix, std::int64_t in, std::int64_t out_features, bool bias) {
        out.push_back({prefix + ".weight", {out_features, in}});
        if (bias) out.push_back({prefix + ".bias", {out_features}});
    };
    out.push_back({"model.embed_tokens.weight", {c.vocab_size, h}});
    for (std::int64_t i = 0; i < c.num_hidden_layers; ++i) {
        const std::string layer = "model.layers." + std::to_string(i);
        linear(layer + ".self_attn.q_proj", h, q_dim, qkv_bias);
        linear(layer + ".self_attn.k_proj", h, kv_dim, qkv_bias);
        linear(layer + ".self_attn.v_proj", h, kv_dim, qkv_bias);
        linear(layer + ".self_attn.o_proj", q_dim, h, o_bias);
        if (has_qk_norm(c)) {
            out.push_back({layer + ".self_attn.q_norm.weight", {c.head_dim}});
            out.push_back({layer + ".self_attn.k_norm.weight", {c.head_dim}});
        }
        linear(layer + ".mlp.gate_proj", h, inter, mlp_bias);
        linear(layer + ".mlp.up_proj", h, inter, mlp_bias);
        linear(layer + ".mlp.down_proj", inter, h, mlp_bias);
        out.push_back({layer + ".input_layernorm.weight", {h}});
        out.push_back({layer + ".post_attention_layernorm.weight", {h}});
    }
    out.push_back({"model.norm.weight", {h}});
    if (!c.tie_word_embeddings) out.push_back({"lm_head.weight", {c.vocab_size, h}});
    return out;
}

void check_weights_match_config(const ModelConfig& config, const SafetensorsFolder& folder,
                                const std::string& model_dir) {
    // Layers beyond the config first: "3 layers against weights for 5" is the likelier
    // mistake than a missing tensor, and the message should say so.
    std::int64_t top_layer = -1;
    for (const auto& name : folder.names()) top_layer = std::max(top_layer, layer_index_of(name));
    if (top_layer >= config.num_hidden_layers)
        throw Error(model_dir + ": the weights hold layers up to model.layers." + std::to_string(top_layer) +
                    " but config.json says num_hidden_layers " + std::to_string(config.num_hidden_layers));
    for (const auto& weight : expected_weights(config)) {
        if (!folder.contains(weight.name)) {
            const auto layer = layer_index_of(weight.name);
            throw Error(model_dir + ": the weights lack \"" + weight.name + "\"" +
                        (layer >= 0 && top_layer < layer
                             ? " (config.json says num_hidden_layers " + std::to_string(config.num_hidden_layers) +
                                   ", the weights hold " + std::to_string(top_layer + 1) + ")"
                             : " (wrong architecture in config.json?)"));
        }
        const auto& file = folder.file_for(weight.name);
        const SafeTensorInfo& info = file->info(weight.name);
        require_float_weight(*file, info);
        if (info.shape != weight.shape)
            throw Error(model_dir + ": \"" + weight.name + "\" has shape " + shape_text(info.shape) +
                        " but config.json implies " + shape_text(weight.shape));
    }
}

}  // namespace tb
