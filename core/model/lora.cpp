#include "core/model/lora.h"

#include <algorithm>
#include <cmath>

#include "core/common/error.h"
#include "core/model/dropout_mask.h"

namespace tb {

LoraLinearImpl::LoraLinearImpl(std::int64_t in_features, std::int64_t out_features, bool with_bias,
                               const torch::TensorOptions& options)
    : in_features_(in_features), out_features_(out_features) {
    // Uninitialised: a loader or init_random_weights fills them.
    weight = register_parameter("weight", torch::empty({out_features, in_features}, options), /*requires_grad=*/false);
    if (with_bias) bias = register_parameter("bias", torch::empty({out_features}, options), /*requires_grad=*/false);
}

torch::Tensor LoraLinearImpl::forward(const torch::Tensor& x) {
    auto out = torch::nn::functional::linear(x, weight, bias.defined() ? bias : torch::Tensor());
    if (!has_lora() || !lora_enabled_) return out;
    // Why in x's dtype and not fp32: with a bf16 base, fp32 rank-r matmuls went to OpenBLAS
    // between oneDNN's bf16 ones, and the two thread pools fighting over the cores made a
    // LoRA step 2.75x slower than a full bf16 step. Casting A [r, in] and scale * B [out, r]
    // costs r * (in + out) values per call; casting the activations cost T * (in + out).
    const auto dtype = x.scalar_type();
    auto a = lora_A->weight.to(dtype);             // [r, in]
    auto b = (lora_B->weight * scale_).to(dtype);  // [out, r], the scale folded in
    auto lx = dropout_ > 0.0 && is_training() ? fast_dropout(x, dropout_) : x;
    return out + torch::nn::functional::linear(torch::nn::functional::linear(lx, a), b);
}

void LoraLinearImpl::add_lora(const LoraOptions& options) {
    if (options.rank <= 0) throw Error("LoRA rank must be positive (got " + std::to_string(options.rank) + ")");
    if (options.dropout < 0.0 || options.dropout >= 1.0) throw Error("LoRA dropout must be in [0, 1)");
    remove_lora();
    auto device = weight.device();
    auto a = torch::nn::Linear(torch::nn::LinearOptions(in_features_, options.rank).bias(false));
    auto b = torch::nn::Linear(torch::nn::LinearOptions(options.rank, out_features_).bias(false));
    {
        torch::NoGradGuard no_grad;
        // PEFT: kaiming_uniform_(A, a=sqrt(5)) -> U(-1/sqrt(in), 1/sqrt(in)); B = 0.
        torch::nn::init::kaiming_uniform_(a->weight, std::sqrt(5.0));
        b->weight.zero_();
    }
    // fp32 whatever the base: these are the trained weights.
    a->to(device, torch::kFloat32);
    b->to(device, torch::kFloat32);
    lora_A = register_module("lora_A", a);
    lora_B = register_module("lora_B", b);
    scale_ = options.scale();
    dropout_ = options.dropout;
}

void LoraLinearImpl::remove_lora() {
    if (!has_lora()) return;
    unregister_module("lora_A");
    unregister_module("lora_B");
    lora_A = nullptr;
    lora_B = nullptr;
}

void LoraLinearImpl::merge() {
    if (!has_lora()) return;
    torch::NoGradGuard no_grad;
    // delta [out, in] = scale * B [out, r] @ A [r, in], in fp32 then the base dtype.
    auto delta = torch::matmul(lora_B->weight.to(torch::kFloat32), lora_A->weight.to(torch::kFloat32)) * scale_;
    auto merged = (weight.to(torch::kFloat32) + delta.to(weight.device())).to(weight.scalar_type());
    weight.set_data(merged);
    remove_lora();
}

std::vector<std::pair<std::string, LoraLinear>> lora_linears(torch::nn::Module& root) {
    std::vector<std::pair<std::string, LoraLinear>> out;
    for (const auto& item : root.named_modules("", /*include_self=*/false)) {
        if (auto linear = std::dynamic_pointer_cast<LoraLinearImpl>(item.value()))
            out.emplace_back(item.key(), LoraLinear(linear));
    }
    return out;
}

int apply_lora(torch::nn::Module& root, const LoraOptions& options) {
    int count = 0;
    for (auto& [name, linear] : lora_linears(root)) {
        auto dot = name.rfind('.');
        std::string last = dot == std::string::npos ? name : name.substr(dot + 1);
        if (std::find(options.target_modules.begin(), options.target_modules.end(), last) ==
            options.target_modules.end())
            continue;
        linear->add_lora(options);
        ++count;
    }
    if (count == 0) {
        std::string names;
        for (const auto& t : options.target_modules) names += (names.empty() ? "" : ", ") + t;
        throw Error("LoRA target_modules (" + names + ") match no linear layer of the model");
    }
    return count;
}

void merge_lora(torch::nn::Module& root) {
    for (auto& [_, linear] : lora_linears(root)) linear->merge();
}

void set_lora_enabled(torch::nn::Module& root, bool enabled) {
    for (auto& [_, linear] : lora_linears(root)) linear->set_lora_enabled(enabled);
}

}  // namespace tb
