#pragma once
// A linear layer with a frozen base weight and an optional LoRA adapter (PEFT semantics):
//   y = x W^T + b + scale * B(A(dropout(x)))   W [out, in], A [r, in], B [out, r]
// scale = alpha / r (or alpha / sqrt(r) with rsLoRA). A is kaiming-uniform (a = sqrt(5), as
// PEFT), B starts at zero so a fresh adapter leaves the model unchanged. Parameter names
// follow PEFT's saved layout: "<module>.lora_A.weight", "<module>.lora_B.weight".
// A and B are stored in fp32 (the optimizer updates them); the adapter path computes in the
// input's dtype, as PEFT under bf16 autocast does (see forward).
#include <cstdint>
#include <string>
#include <vector>

#include <torch/torch.h>

#include "core/model/lora_options.h"

namespace tb {

class LoraLinearImpl : public torch::nn::Module {
public:
    LoraLinearImpl(std::int64_t in_features, std::int64_t out_features, bool with_bias,
                   const torch::TensorOptions& options = {});

    // x [..., in] -> [..., out] in x's dtype. The adapter path, B (A (dropout (x))), runs in
    // x's dtype too: A [r, in] and scale * B [out, r] are cast (tiny), never the activations,
    // so a bf16 model does all its matmuls in oneDNN's bf16 kernels; gradients reach the fp32
    // A and B through the casts. Dropout: core/model/dropout_mask.h (a fresh mask per call).
    torch::Tensor forward(const torch::Tensor& x);

    // Adds a fresh adapter (replacing any). A trainable, B zero and trainable.
    void add_lora(const LoraOptions& options);
    void remove_lora();
    bool has_lora() const { return !lora_A.is_empty(); }
    // Folds scale * B A into the base weight (a new tensor: the base may be a read-only
    // file mapping) and removes the adapter. Forward output is unchanged up to rounding.
    void merge();
    // Skips the adapter in forward (compare with the base model, e.g. forgetting probes).
    void set_lora_enabled(bool enabled) { lora_enabled_ = enabled; }

    std::int64_t in_features() const { return in_features_; }
    std::int64_t out_features() const { return out_features_; }
    double lora_scale() const { return scale_; }

    torch::Tensor weight;               // [out, in], frozen
    torch::Tensor bias;                 // [out] or undefined, frozen
    torch::nn::Linear lora_A{nullptr};  // weight [r, in]
    torch::nn::Linear lora_B{nullptr};  // weight [out, r]

private:
    std::int64_t in_features_;
    std::int64_t out_features_;
    double scale_ = 0.0;
    double dropout_ = 0.0;
    bool lora_enabled_ = true;
};
TORCH_MODULE(LoraLinear);

// Every LoraLinear under `root`, with its full name ("model.layers.0.self_attn.q_proj").
std::vector<std::pair<std::string, LoraLinear>> lora_linears(torch::nn::Module& root);

// Adds adapters to the LoraLinears whose last name component is in options.target_modules;
// returns how many. Throws tb::Error when none matches (a typo in target_modules).
int apply_lora(torch::nn::Module& root, const LoraOptions& options);
// Merges every adapter into its base weight.
void merge_lora(torch::nn::Module& root);
void set_lora_enabled(torch::nn::Module& root, bool enabled);

}  // namespace tb
