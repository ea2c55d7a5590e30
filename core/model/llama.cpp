#include "core/model/llama.h"

#include <cmath>
#include <fstream>

#include <ATen/CPUGeneratorImpl.h>
#include <nlohmann/json.hpp>

#include "core/common/error.h"
#include "core/model/safetensors_torch.h"
#include "core/model/weight_layout.h"

namespace tb {

namespace {

// Large enough that exp() underflows to 0, small enough that score + bias stays finite
// (a fully masked row, e.g. a left-padding query, then gets a uniform, not NaN, softmax).
constexpr float kMaskedBias = -1e9f;

bool is_lora_name(const std::string& name) {
    return name.find(".lora_A.") != std::string::npos || name.find(".lora_B.") != std::string::npos;
}

}  // namespace

ArchitectureOptions ArchitectureOptions::for_config(const ModelConfig& config) {
    ArchitectureOptions a;
    a.qkv_bias = has_qkv_bias(config);
    a.o_bias = has_o_bias(config);
    a.mlp_bias = config.mlp_bias;
    a.qk_norm = has_qk_norm(config);
    return a;
}

// ---- small modules ---------------------------------------------------------------------

RMSNormImpl::RMSNormImpl(std::int64_t dim, double eps_, const torch::TensorOptions& options) : eps(eps_) {
    weight = register_parameter("weight", torch::ones({dim}, options), /*requires_grad=*/false);
}

torch::Tensor RMSNormImpl::forward(const torch::Tensor& x) {
    auto xf = x.to(torch::kFloat32);
    auto normed = xf * torch::rsqrt(xf.pow(2).mean(-1, /*keepdim=*/true) + eps);
    return weight * normed.to(x.scalar_type());
}

EmbeddingTableImpl::EmbeddingTableImpl(std::int64_t vocab, std::int64_t hidden, const torch::TensorOptions& options) {
    weight = register_parameter("weight", torch::empty({vocab, hidden}, options), /*requires_grad=*/false);
}

torch::Tensor EmbeddingTableImpl::forward(const torch::Tensor& ids) { return torch::embedding(weight, ids); }

RotaryEmbedding::RotaryEmbedding(const ModelConfig& config) {
    auto inv = rope_inverse_frequencies(config);
    inv_freq_ = torch::empty({static_cast<std::int64_t>(inv.size())}, torch::kFloat32);
    auto* p = inv_freq_.data_ptr<float>();
    for (std::size_t i = 0; i < inv.size(); ++i) p[i] = static_cast<float>(inv[i]);
}

std::pair<torch::Tensor, torch::Tensor> RotaryEmbedding::cos_sin(const torch::Tensor& position_ids,
                                                                 torch::ScalarType dtype) const {
    // angles [B, T, head_dim/2] = position * inv_freq; duplicated to [B, T, head_dim] (rotate-half).
    auto angles = position_ids.to(torch::kFloat32).unsqueeze(-1) * inv_freq_.to(position_ids.device());
    auto emb = torch::cat({angles, angles}, -1);
    return {emb.cos().to(dtype), emb.sin().to(dtype)};
}

torch::Tensor apply_rotary(const torch::Tensor& x, const torch::Tensor& cos, const torch::Tensor& sin) {
    const auto half = x.size(-1) / 2;
    auto x1 = x.narrow(-1, 0, half);
    auto x2 = x.narrow(-1, half, half);
    auto rotated = torch::cat({-x2, x1}, -1);
    return x * cos.unsqueeze(1) + rotated * sin.unsqueeze(1);
}

// ---- attention -------------------------------------------------------------------------

AttentionImpl::AttentionImpl(const ModelConfig& c, const ArchitectureOptions& arch, std::int64_t layer_index)
    : layer_index_(layer_index),
      heads_(c.num_attention_heads),
      kv_heads_(c.num_key_value_heads),
      head_dim_(c.head_dim) {
    const auto h = c.hidden_size;
    q_proj = register_module("q_proj", LoraLinear(h, heads_ * head_dim_, arch.qkv_bias));
    k_proj = register_module("k_proj", LoraLinear(h, kv_heads_ * head_dim_, arch.qkv_bias));
    v_proj = register_module("v_proj", LoraLinear(h, kv_heads_ * head_dim_, arch.qkv_bias));
    o_proj = register_module("o_proj", LoraLinear(heads_ * head_dim_, h, arch.o_bias));
    if (arch.qk_norm) {
        q_norm = register_module("q_norm", RMSNorm(head_dim_, c.rms_norm_eps));
        k_norm = register_module("k_norm", RMSNorm(head_dim_, c.rms_norm_eps));
    }
}

torch::Tensor AttentionImpl::forward(const torch::Tensor& x, const torch::Tensor& cos, const torch::Tensor& sin,
                                     const torch::Tensor& mask, KVCache* cache) {
    const auto batch = x.size(0), t = x.size(1);
    auto q = q_proj(x).view({batch, t, heads_, head_dim_});
    auto k = k_proj(x).view({batch, t, kv_heads_, head_dim_});
    auto v = v_proj(x).view({batch, t, kv_heads_, head_dim_}).transpose(1, 2);
    if (!q_norm.is_empty()) {
        q = q_norm(q);
        k = k_norm(k);
    }
    q = apply_rotary(q.transpose(1, 2), cos, sin);                  // [B, heads, T, hd]
    k = apply_rotary(k.transpose(1, 2), cos, sin);                  // [B, kv_heads, T, hd]
    if (cache) std::tie(k, v) = cache->append(layer_index_, k, v);  // [B, kv_heads, S, hd]
    const auto s = k.size(2);
    const auto groups = heads_ / kv_heads_;
    // GQA without repeating K/V: query heads j*g..j*g+g-1 share kv head j, so fold the
    // group into the query length: q [B, kv_heads, g*T, hd] x k^T [B, kv_heads, hd, S].
    auto qg = q.reshape({batch, kv_heads_, groups * t, head_dim_});
    auto scores = torch::matmul(qg, k.transpose(-1, -2)).to(torch::kFloat32) * (1.0 / std::sqrt(double(head_dim_)));
    if (mask.defined()) {
        scores = scores.view({batch, kv_heads_, groups, t, s}) + mask.unsqueeze(1);  // mask [B,1,T,S] -> [B,1,1,T,S]
        scores = scores.view({batch, kv_heads_, groups * t, s});
    }
    auto probs = torch::softmax(scores, -1).to(v.scalar_type());
    auto out = torch::matmul(probs, v)  // [B, kv_heads, g*T, hd]
                   .view({batch, heads_, t, head_dim_})
                   .transpose(1, 2)
                   .reshape({batch, t, heads_ * head_dim_});
    return o_proj(out);
}

MlpImpl::MlpImpl(const ModelConfig& c, const ArchitectureOptions& arch) {
    gate_proj = register_module("gate_proj", LoraLinear(c.hidden_size, c.intermediate_size, arch.mlp_bias));
    up_proj = register_module("up_proj", LoraLinear(c.hidden_size, c.intermediate_size, arch.mlp_bias));
    down_proj = register_module("down_proj", LoraLinear(c.intermediate_size, c.hidden_size, arch.mlp_bias));
}

torch::Tensor MlpImpl::forward(const torch::Tensor& x) { return down_proj(torch::silu(gate_proj(x)) * up_proj(x)); }

DecoderLayerImpl::DecoderLayerImpl(const ModelConfig& c, const ArchitectureOptions& arch, std::int64_t layer_index) {
    self_attn = register_module("self_attn", Attention(c, arch, layer_index));
    mlp = register_module("mlp", Mlp(c, arch));
    input_layernorm = register_module("input_layernorm", RMSNorm(c.hidden_size, c.rms_norm_eps));
    post_attention_layernorm = register_module("post_attention_layernorm", RMSNorm(c.hidden_size, c.rms_norm_eps));
}

torch::Tensor DecoderLayerImpl::forward(const torch::Tensor& x, const torch::Tensor& cos, const torch::Tensor& sin,
                                        const torch::Tensor& mask, KVCache* cache) {
    auto h = x + self_attn(input_layernorm(x), cos, sin, mask, cache);
    return h + mlp(post_attention_layernorm(h));
}

DecoderStackImpl::DecoderStackImpl(const ModelConfig& c, const ArchitectureOptions& arch) {
    embed_tokens = register_module("embed_tokens", EmbeddingTable(c.vocab_size, c.hidden_size, torch::TensorOptions()));
    layers = register_module("layers", torch::nn::ModuleList());
    for (std::int64_t i = 0; i < c.num_hidden_layers; ++i) layers->push_back(DecoderLayer(c, arch, i));
    norm = register_module("norm", RMSNorm(c.hidden_size, c.rms_norm_eps));
}

// ---- masks -----------------------------------------------------------------------------

torch::Tensor build_attention_bias(std::int64_t batch, std::int64_t query_len, std::int64_t past_len,
                                   const torch::Tensor& attention_mask, const torch::Tensor& sequence_ids,
                                   std::optional<std::int64_t> sliding_window) {
    const auto total = past_len + query_len;
    auto device = attention_mask.defined()
                      ? attention_mask.device()
                      : (sequence_ids.defined() ? sequence_ids.device() : torch::Device(torch::kCPU));
    auto idx = torch::TensorOptions().dtype(torch::kInt64).device(device);
    auto query_pos = torch::arange(past_len, total, idx).unsqueeze(1);                     // [T, 1]
    auto key_pos = torch::arange(0, total, idx).unsqueeze(0);                              // [1, S]
    auto allowed = (key_pos <= query_pos).unsqueeze(0).expand({batch, query_len, total});  // [B, T, S]
    if (sliding_window) allowed = allowed & ((query_pos - key_pos) < *sliding_window).unsqueeze(0);
    if (attention_mask.defined()) {
        if (attention_mask.size(0) != batch || attention_mask.size(1) != total)
            throw Error("attention_mask must be [batch, past + T] = [" + std::to_string(batch) + ", " +
                        std::to_string(total) + "]");
        allowed = allowed & attention_mask.to(torch::kBool).unsqueeze(1);
    }
    if (sequence_ids.defined()) {
        if (past_len != 0) throw Error("sequence_ids (packed examples) cannot be combined with a KV cache");
        allowed = allowed & (sequence_ids.unsqueeze(2) == sequence_ids.unsqueeze(1));
    }
    auto bias = torch::zeros({batch, query_len, total}, torch::TensorOptions().dtype(torch::kFloat32).device(device));
    return bias.masked_fill(allowed.logical_not(), kMaskedBias).unsqueeze(1);
}

// ---- the causal LM ---------------------------------------------------------------------

CausalLMImpl::CausalLMImpl(ModelConfig config, ModelLoadOptions load)
    : config_(std::move(config)), arch_(ArchitectureOptions::for_config(config_)), load_(load), rotary_(config_) {
    model = register_module("model", DecoderStack(config_, arch_));
    if (!config_.tie_word_embeddings)
        lm_head = register_module("lm_head", LoraLinear(config_.hidden_size, config_.vocab_size, false));
    // Parameters were created empty in fp32 on the CPU: lay them out as asked (cheap, no init).
    for (auto& p : parameters()) {
        if (p.scalar_type() != load_.dtype || p.device() != load_.device)
            p.set_data(torch::empty(p.sizes(), torch::TensorOptions().dtype(load_.dtype).device(load_.device)));
    }
    for (auto& item : named_parameters())
        if (item.key().ends_with("norm.weight")) item.value().set_data(torch::ones_like(item.value()));
}

torch::Tensor CausalLMImpl::hidden_states(const ForwardInputs& in) {
    if (!in.input_ids.defined() || in.input_ids.dim() != 2) throw Error("input_ids must be [batch, tokens]");
    const auto batch = in.input_ids.size(0), t = in.input_ids.size(1);
    const std::int64_t past = in.cache ? in.cache->length() : 0;
    auto ids = in.input_ids.to(load_.device);
    auto idx = torch::TensorOptions().dtype(torch::kInt64).device(load_.device);

    torch::Tensor positions = in.position_ids;
    if (!positions.defined()) {
        if (in.sequence_ids.defined()) {
            // Restart at 0 where the sequence id changes: t - (index where this segment began).
            auto steps = torch::arange(t, idx).unsqueeze(0).expand({batch, t});
            auto starts = torch::ones({batch, t}, idx.dtype(torch::kBool));
            if (t > 1)
                starts.narrow(1, 1, t - 1)
                    .copy_(in.sequence_ids.narrow(1, 1, t - 1) != in.sequence_ids.narrow(1, 0, t - 1));
            auto segment_begin = std::get<0>(torch::cummax(torch::where(starts, steps, torch::zeros_like(steps)), 1));
            positions = steps - segment_begin;
        } else if (in.attention_mask.defined()) {
            // Left padding: real tokens count from 0 whatever the padding before them.
            auto counted = in.attention_mask.to(torch::kInt64).cumsum(1) - 1;
            positions = counted.narrow(1, past, t).clamp_min(0);
        } else {
            positions = torch::arange(past, past + t, idx).unsqueeze(0).expand({batch, t});
        }
    }
    positions = positions.to(load_.device);

    torch::Tensor mask;
    const bool window_bites = config_.sliding_window && past + t > *config_.sliding_window;
    if (t > 1 || in.attention_mask.defined() || in.sequence_ids.defined() || window_bites)
        mask = build_attention_bias(
            batch, t, past, in.attention_mask.defined() ? in.attention_mask.to(load_.device) : torch::Tensor(),
            in.sequence_ids.defined() ? in.sequence_ids.to(load_.device) : torch::Tensor(), config_.sliding_window);

    auto [cos, sin] = rotary_.cos_sin(positions, load_.dtype);
    auto h = model->embed_tokens(ids);
    for (const auto& layer : *model->layers) {
        auto& decoder = *layer->as<DecoderLayerImpl>();
        h = layer_runner && !in.cache ? layer_runner(decoder, h, cos, sin, mask)
                                      : decoder.forward(h, cos, sin, mask, in.cache);
    }
    if (in.cache) in.cache->advance(t);
    return model->norm(h);
}

torch::Tensor CausalLMImpl::logits(const torch::Tensor& hidden) {
    if (lm_head.is_empty())
        return torch::nn::functional::linear(hidden, model->embed_tokens->weight).to(torch::kFloat32);
    return lm_head(hidden).to(torch::kFloat32);
}

torch::Tensor CausalLMImpl::forward(const ForwardInputs& inputs) { return logits(hidden_states(inputs)); }

torch::Tensor CausalLMImpl::forward(const torch::Tensor& input_ids) {
    ForwardInputs in;
    in.input_ids = input_ids;
    return forward(in);
}

KVCache CausalLMImpl::make_cache(std::int64_t batch, std::int64_t capacity) const {
    return KVCache(config_.num_hidden_layers, batch, config_.num_key_value_heads, capacity, config_.head_dim,
                   load_.dtype, load_.device);
}

std::vector<std::pair<std::string, torch::Tensor>> CausalLMImpl::base_weights() {
    std::vector<std::pair<std::string, torch::Tensor>> out;
    for (auto& item : named_parameters())
        if (!is_lora_name(item.key())) out.emplace_back(item.key(), item.value());
    return out;
}

// ---- loading, saving, random init ------------------------------------------------------

CausalLM load_causal_lm(const std::filesystem::path& model_dir, ModelLoadOptions options) {
    auto config = load_model_config(model_dir);
    auto folder = SafetensorsFolder::open(model_dir);
    check_weights_match_config(config, folder, model_dir.string());
    CausalLM model(config, options);
    torch::NoGradGuard no_grad;
    for (auto& [name, param] : model->base_weights()) {
        if (!folder.contains(name))
            throw Error(model_dir.string() + ": the weights lack \"" + name +
                        "\" (wrong architecture in config.json?)");
        auto tensor = load_tensor(folder, name, options.dtype);
        if (tensor.sizes() != param.sizes())
            throw Error(model_dir.string() + ": \"" + name + "\" has shape " + c10::str(tensor.sizes()) +
                        " but config.json implies " + c10::str(param.sizes()));
        // set_data, not copy_: for matching dtypes the parameter becomes the file mapping itself.
        param.set_data(tensor.to(options.device));
    }
    return model;
}

void init_random_weights(CausalLMImpl& model, std::uint64_t seed, double std) {
    torch::NoGradGuard no_grad;
    auto generator = at::make_generator<at::CPUGeneratorImpl>(seed);
    for (auto& [name, param] : model.base_weights()) {
        torch::Tensor value;
        if (name.ends_with("norm.weight")) {
            // Near one, not exactly: a test must notice a norm weight that is ignored.
            value = 1.0 + torch::empty(param.sizes(), torch::kFloat32).normal_(0.0, 0.1, generator);
        } else {
            value = torch::empty(param.sizes(), torch::kFloat32).normal_(0.0, std, generator);
        }
        param.set_data(value.to(param.options()));
    }
}

void save_pretrained(CausalLMImpl& model, const std::filesystem::path& dir, torch::ScalarType dtype) {
    std::filesystem::create_directories(dir);
    std::vector<std::pair<std::string, torch::Tensor>> weights;
    for (auto& [name, param] : model.base_weights()) weights.emplace_back(name, param.to(dtype));
    save_safetensors(dir / "model.safetensors", weights, {{"format", "pt"}});
    auto config = model.config();
    config.torch_dtype = dtype == torch::kBFloat16 ? "bfloat16" : dtype == torch::kFloat16 ? "float16" : "float32";
    std::ofstream out(dir / "config.json");
    out << model_config_to_json(config).dump(2) << "\n";
    if (!out) throw Error((dir / "config.json").string() + ": cannot write");
}

}  // namespace tb
