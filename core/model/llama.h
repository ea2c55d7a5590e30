#pragma once
// The Llama family as libtorch modules: Llama 2/3.x, Mistral, Qwen2/2.5 (q/k/v bias), Qwen3
// (q/k RMSNorm). Architectures differ only by ArchitectureOptions, never by copied classes.
// Parameter names are Hugging Face's ("model.layers.0.self_attn.q_proj.weight"), so
// named_parameters() maps one to one onto safetensors files and PEFT adapters.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <torch/torch.h>

#include "core/model/hf_config.h"
#include "core/model/kv_cache.h"
#include "core/model/lora.h"

namespace tb {

// What distinguishes one member of the family from another. Gemma would add an embedding
// scale (sqrt(hidden)), norm weights stored as (w - 1) and a gelu activation here.
struct ArchitectureOptions {
    bool qkv_bias = false;  // Qwen2, or Llama with attention_bias
    bool o_bias = false;    // Llama with attention_bias
    bool mlp_bias = false;
    bool qk_norm = false;  // Qwen3: RMSNorm over head_dim on q and k before RoPE
    static ArchitectureOptions for_config(const ModelConfig& config);
};

struct ModelLoadOptions {
    torch::ScalarType dtype = torch::kFloat32;  // compute/weight dtype (kBFloat16 where supported)
    torch::Device device = torch::kCPU;
};

class RMSNormImpl : public torch::nn::Module {
public:
    RMSNormImpl(std::int64_t dim, double eps, const torch::TensorOptions& options = {});
    // x [..., dim]; normalised in fp32, returned in x's dtype, times weight.
    torch::Tensor forward(const torch::Tensor& x);
    torch::Tensor weight;  // [dim]
    double eps;
};
TORCH_MODULE(RMSNorm);

// Cos/sin tables for rotate-half RoPE (HF layout): position_ids [B, T] -> cos, sin [B, T, head_dim].
class RotaryEmbedding {
public:
    explicit RotaryEmbedding(const ModelConfig& config);
    std::pair<torch::Tensor, torch::Tensor> cos_sin(const torch::Tensor& position_ids, torch::ScalarType dtype) const;
    const torch::Tensor& inverse_frequencies() const { return inv_freq_; }

private:
    torch::Tensor inv_freq_;  // [head_dim / 2] fp32
};

// q, k [B, heads, T, head_dim]; cos, sin [B, T, head_dim].
torch::Tensor apply_rotary(const torch::Tensor& x, const torch::Tensor& cos, const torch::Tensor& sin);

class AttentionImpl : public torch::nn::Module {
public:
    AttentionImpl(const ModelConfig& config, const ArchitectureOptions& arch, std::int64_t layer_index);
    // x [B, T, hidden]; cos/sin [B, T, head_dim]; mask additive fp32 [B, 1, T, S] or undefined
    // (pure causal with no cache); cache optional. Returns [B, T, hidden].
    torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& cos, const torch::Tensor& sin,
                          const torch::Tensor& mask, KVCache* cache);
    LoraLinear q_proj{nullptr}, k_proj{nullptr}, v_proj{nullptr}, o_proj{nullptr};
    RMSNorm q_norm{nullptr}, k_norm{nullptr};

private:
    std::int64_t layer_index_, heads_, kv_heads_, head_dim_;
};
TORCH_MODULE(Attention);

class MlpImpl : public torch::nn::Module {
public:
    MlpImpl(const ModelConfig& config, const ArchitectureOptions& arch);
    torch::Tensor forward(const torch::Tensor& x);  // down(silu(gate(x)) * up(x))
    LoraLinear gate_proj{nullptr}, up_proj{nullptr}, down_proj{nullptr};
};
TORCH_MODULE(Mlp);

class DecoderLayerImpl : public torch::nn::Module {
public:
    DecoderLayerImpl(const ModelConfig& config, const ArchitectureOptions& arch, std::int64_t layer_index);
    torch::Tensor forward(const torch::Tensor& x, const torch::Tensor& cos, const torch::Tensor& sin,
                          const torch::Tensor& mask, KVCache* cache);
    RMSNorm input_layernorm{nullptr}, post_attention_layernorm{nullptr};
    Attention self_attn{nullptr};
    Mlp mlp{nullptr};
};
TORCH_MODULE(DecoderLayer);

// Token embeddings, "weight" [vocab, hidden]; uninitialised until loaded (no wasted random init).
class EmbeddingTableImpl : public torch::nn::Module {
public:
    EmbeddingTableImpl(std::int64_t vocab, std::int64_t hidden, const torch::TensorOptions& options);
    torch::Tensor forward(const torch::Tensor& ids);  // [B, T] -> [B, T, hidden]
    torch::Tensor weight;
};
TORCH_MODULE(EmbeddingTable);

// "model." in HF names: embeddings, layers, final norm.
class DecoderStackImpl : public torch::nn::Module {
public:
    DecoderStackImpl(const ModelConfig& config, const ArchitectureOptions& arch);
    EmbeddingTable embed_tokens{nullptr};
    torch::nn::ModuleList layers;
    RMSNorm norm{nullptr};
};
TORCH_MODULE(DecoderStack);

struct ForwardInputs {
    torch::Tensor input_ids;       // [B, T] int64
    torch::Tensor attention_mask;  // optional [B, past + T]: 1 real token, 0 padding (left padding)
    torch::Tensor position_ids;    // optional [B, T]; default past + 0..T-1 (restarting per sequence id)
    torch::Tensor sequence_ids;    // optional [B, T]: packed examples, no attention across ids (no cache)
    KVCache* cache = nullptr;      // optional: reads past keys/values, appends T, advances
};

class CausalLMImpl : public torch::nn::Module {
public:
    CausalLMImpl(ModelConfig config, ModelLoadOptions load = {});

    // Logits [B, T, vocab] in fp32.
    torch::Tensor forward(const ForwardInputs& inputs);
    torch::Tensor forward(const torch::Tensor& input_ids);
    // The final-normed hidden states [B, T, hidden] in the compute dtype, and the head applied
    // to (a slice of) them: lets a trainer compute the loss in chunks without all logits.
    torch::Tensor hidden_states(const ForwardInputs& inputs);
    torch::Tensor logits(const torch::Tensor& hidden);

    // A cache sized for this model: [batch, kv_heads, capacity, head_dim] per layer.
    KVCache make_cache(std::int64_t batch, std::int64_t capacity) const;

    const ModelConfig& config() const { return config_; }
    const ArchitectureOptions& architecture() const { return arch_; }
    torch::ScalarType dtype() const { return load_.dtype; }
    torch::Device device() const { return load_.device; }

    // Base weights by HF name (no LoRA tensors; no lm_head when tied), for saving.
    std::vector<std::pair<std::string, torch::Tensor>> base_weights();

    // When set, hidden_states runs each decoder layer through it (not with a KV cache): the
    // trainer's gradient checkpointing (core/train/gradient_checkpointing.h). Empty: plain forward.
    std::function<torch::Tensor(DecoderLayerImpl& layer, const torch::Tensor& x, const torch::Tensor& cos,
                                const torch::Tensor& sin, const torch::Tensor& mask)>
        layer_runner;

    DecoderStack model{nullptr};
    LoraLinear lm_head{nullptr};  // null when tie_word_embeddings

private:
    ModelConfig config_;
    ArchitectureOptions arch_;
    ModelLoadOptions load_;
    RotaryEmbedding rotary_;
};
TORCH_MODULE(CausalLM);

// Builds the model of a Hugging Face folder and loads its safetensors weights (F32, F16 or
// BF16, converted to options.dtype; zero-copy over the file mapping when they already match).
CausalLM load_causal_lm(const std::filesystem::path& model_dir, ModelLoadOptions options = {});

// Fills every base weight: normal(0, std) for matrices and embeddings, one for norms, zero
// for biases (then a small normal, so bias paths are exercised in tests). Seeded.
void init_random_weights(CausalLMImpl& model, std::uint64_t seed, double std = 0.02);

// Writes config.json and model.safetensors (weights in `dtype`): merged models, test models.
void save_pretrained(CausalLMImpl& model, const std::filesystem::path& dir, torch::ScalarType dtype = torch::kFloat32);

// Full-sequence attention mask builder, exposed for tests: additive fp32 [B, 1, T, S],
// 0 where query t (absolute position past + t) may see key s, a large negative otherwise.
torch::Tensor build_attention_bias(std::int64_t batch, std::int64_t query_len, std::int64_t past_len,
                                   const torch::Tensor& attention_mask, const torch::Tensor& sequence_ids,
                                   std::optional<std::int64_t> sliding_window);

}  // namespace tb
