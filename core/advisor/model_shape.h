#pragma once
// The few numbers of a decoder-only (Llama-family) model the advisor needs: read leniently
// from a Hugging Face config.json (any architecture with the usual field names, including a
// multimodal config's "text_config"), or assumed from a parameter count typed in.
// Torch-free on purpose: the advisor runs before any model is loaded.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace tb {

struct ModelShape {
    std::string source;  // "models/llama/config.json", or "typed in: 7B (shape of Llama-2-7B assumed)"
    std::int64_t hidden_size = 0;
    std::int64_t intermediate_size = 0;
    std::int64_t num_layers = 0;
    std::int64_t num_attention_heads = 0;
    std::int64_t num_key_value_heads = 0;  // = num_attention_heads when the config has none (no GQA)
    std::int64_t head_dim = 0;             // = hidden_size / num_attention_heads when absent
    std::int64_t vocab_size = 0;
    bool tie_word_embeddings = false;
    bool attention_bias = false;  // q/k/v biases (Qwen2 always; Llama's attention_bias option)
    std::int64_t parameters = 0;  // count_parameters(*this), or the typed-in count

    std::int64_t q_dim() const { return num_attention_heads * head_dim; }
    std::int64_t kv_dim() const { return num_key_value_heads * head_dim; }
};

// Weights of a Llama-style decoder: embeddings (V·h), per layer q (h·q_dim), k and v
// (h·kv_dim each), o (q_dim·h), gate/up/down (3·h·i), two RMSNorms (2·h), q/k/v biases when
// present; the final norm (h); the lm_head (V·h) unless tied to the embeddings.
std::int64_t count_parameters(const ModelShape& shape);

// Weights of the decoder projections only (q, k, v, o, gate, up, down over all layers): what
// 4-bit QLoRA quantizes; embeddings, lm_head and norms stay in 16 bits.
std::int64_t count_projection_parameters(const ModelShape& shape);

// From config.json's content; throws tb::Error naming the missing or invalid field.
ModelShape model_shape_from_config(const nlohmann::json& config, const std::string& source);
// From a model folder (reads DIR/config.json) or a config.json path.
ModelShape load_model_shape(const std::filesystem::path& model_dir_or_config);

// "7B", "7b", "1.3B", "350M", "70e9", "8000000000" -> parameters. Throws tb::Error otherwise.
std::int64_t parse_parameter_count(const std::string& text);

// Short human form: "260K", "350M", "1.24B", "70.6B".
std::string format_parameter_count(std::int64_t parameters);

// Published Llama-family shapes, smallest first: Llama-3.2-1B, Llama-3.2-3B, Llama-2-7B,
// Llama-3-8B, Llama-2-13B, Qwen2.5-32B, Llama-3-70B (source = the model's name).
const std::vector<ModelShape>& reference_shapes();

// A typed-in parameter count: the reference shape nearest in log(parameters) supplies the
// layers, widths and vocabulary (for LoRA size and activations); `parameters` is the typed
// value, so the weight memory uses it exactly.
ModelShape shape_for_parameter_count(std::int64_t parameters);

}  // namespace tb
