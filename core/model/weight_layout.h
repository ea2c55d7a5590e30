#pragma once
// The weights a config.json implies, by Hugging Face name and shape, torch-free: a model
// folder's safetensors headers are checked against them before any layer is built, so a
// config that disagrees with its weights (10^9 layers, a wrong hidden size, a layer too few,
// integer tensors) fails at once with a message instead of allocating a model first.
#include <cstdint>
#include <string>
#include <vector>

#include "core/model/hf_config.h"

namespace tb {

class SafetensorsFile;
class SafetensorsFolder;
struct SafeTensorInfo;
enum class SafeDType;

// What distinguishes one member of the Llama family from another, the rules defined once:
// llama.h's ArchitectureOptions::for_config and expected_weights both read them.
bool has_qkv_bias(const ModelConfig& config);  // Qwen2, or Llama with attention_bias
bool has_o_bias(const ModelConfig& config);    // Llama with attention_bias
bool has_qk_norm(const ModelConfig& config);   // Qwen3: RMSNorm over head_dim on q and k

// F64, F32, F16, BF16: what a weight may be stored as. Integer tensors are not weights, and
// F8 needs a quantisation scheme Tunebench does not read.
bool is_float_dtype(SafeDType dtype);
// Throws tb::Error "FILE: tensor "NAME" is stored as I32, but a weight must be a float type
// ..." unless `info` (a tensor of `file`) is stored as a float type.
void require_float_weight(const SafetensorsFile& file, const SafeTensorInfo& info);

struct ExpectedWeight {
    std::string name;  // "model.layers.0.self_attn.q_proj.weight"
    std::vector<std::int64_t> shape;
};

// Every base weight of the model in the order CausalLM registers them: embeddings, each
// layer (attention, MLP, norms), the final norm, and lm_head unless tied.
std::vector<ExpectedWeight> expected_weights(const ModelConfig& config);

// Compares a folder's safetensors headers with expected_weights(config), reading no tensor
// data. Throws tb::Error naming the folder (or the file and tensor) when a weight is
// missing, has another shape, or is not stored as a float type (F32, F16, BF16, F64), and
// when the files hold layers beyond num_hidden_layers.
void check_weights_match_config(const ModelConfig& config, const SafetensorsFolder& folder,
                                const std::string& model_dir);

}  // namespace tb
