#pragma once
// A Hugging Face model folder's config.json and generation_config.json, parsed into plain
// structs. Torch-free on purpose: the advisor and the GUI read configs without libtorch.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace tb {

// rope_scaling of config.json. Only "llama3" (Llama 3.1+) and "linear" are implemented;
// any other type is rejected at parse time with a message naming it.
struct RopeScaling {
    std::string type;  // "llama3" or "linear"
    double factor = 1.0;
    double low_freq_factor = 1.0;
    double high_freq_factor = 4.0;
    std::int64_t original_max_position_embeddings = 8192;
};

struct ModelConfig {
    std::string model_type;                  // "llama", "mistral", "qwen2", "qwen3"
    std::vector<std::string> architectures;  // e.g. {"LlamaForCausalLM"}
    std::int64_t hidden_size = 0;
    std::int64_t intermediate_size = 0;
    std::int64_t num_hidden_layers = 0;
    std::int64_t num_attention_heads = 0;
    std::int64_t num_key_value_heads = 0;  // == num_attention_heads when absent (no GQA)
    std::int64_t head_dim = 0;             // hidden_size / num_attention_heads when absent
    double rms_norm_eps = 1e-6;
    double rope_theta = 10000.0;
    std::optional<RopeScaling> rope_scaling;
    std::int64_t max_position_embeddings = 2048;
    std::int64_t vocab_size = 0;
    bool tie_word_embeddings = false;
    bool attention_bias = false;  // q/k/v/o biases (Llama option); Qwen2 always has q/k/v bias
    bool mlp_bias = false;
    std::string hidden_act = "silu";
    std::string torch_dtype = "float32";
    std::optional<std::int64_t> sliding_window;  // Mistral; applied in the attention mask
    std::optional<std::int64_t> bos_token_id;
    std::vector<std::int64_t> eos_token_ids;  // config.json's eos_token_id (int or list)
};

// generation_config.json: stop ids and sampling defaults the model's authors chose.
struct GenerationDefaults {
    std::optional<std::int64_t> bos_token_id;
    std::vector<std::int64_t> eos_token_ids;  // int or list in the file
    std::optional<std::int64_t> pad_token_id;
    std::optional<bool> do_sample;
    std::optional<double> temperature;
    std::optional<double> top_p;
    std::optional<std::int64_t> top_k;
    std::optional<std::int64_t> max_new_tokens;
};

// Parses config.json's content; `source` names the file in error messages. Throws tb::Error
// for missing/invalid fields, unsupported rope_scaling or an unsupported architecture.
ModelConfig parse_model_config(const nlohmann::json& config, const std::string& source);
ModelConfig load_model_config(const std::filesystem::path& model_dir);
// The config as config.json content (parse_model_config reads it back unchanged).
nlohmann::json model_config_to_json(const ModelConfig& config);

GenerationDefaults parse_generation_defaults(const nlohmann::json& config, const std::string& source);
// Empty defaults when the folder has no generation_config.json.
GenerationDefaults load_generation_defaults(const std::filesystem::path& model_dir);

// Number of weights in the model (embeddings, every layer, final norm, untied lm_head).
std::int64_t parameter_count(const ModelConfig& config);

// RoPE inverse frequencies, head_dim/2 values: theta^(-2i/d), then rope_scaling applied
// (llama3: long wavelengths divided by factor, a smooth blend between the two cut-offs).
std::vector<double> rope_inverse_frequencies(const ModelConfig& config);

// Every eos id the model may emit: config.json's and generation_config.json's, unique.
std::vector<std::int64_t> merged_eos_ids(const ModelConfig& config, const GenerationDefaults& defaults);

}  // namespace tb
